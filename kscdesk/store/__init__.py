"""SQLite store through sqlite-utils: schema, migrations, queries, backups, attachments."""
