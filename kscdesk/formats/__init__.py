"""File adapters: read plans from .docx/.xlsx/.json, write plans and reports. No Qt, no database."""
