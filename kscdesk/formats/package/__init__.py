"""Exchange packages (.kscx): a signed zip of a manifest, data JSON and optional attachments."""
