"""Small helpers for pages laid out in code (not in a .ui form)."""

from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str, **properties: Any) -> W:
    """The widget with its objectName (tests find it by that) and Qt properties set."""
    widget.setObjectName(name)
    for key, value in properties.items():
        if widget.metaObject().indexOfProperty(key) < 0:
            raise AttributeError(f"{type(widget).__name__} has no property {key}")
        widget.setProperty(key, value)
    return widget
