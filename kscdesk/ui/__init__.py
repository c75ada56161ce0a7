"""Qt widgets, item models and dialogs: the only layer that imports PySide6."""
