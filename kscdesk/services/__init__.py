"""Use cases: each public function is one transaction, called alike by the UI and the CLI."""
