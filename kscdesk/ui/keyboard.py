"""Keyboard rules that hold on every page: Tab never gets stuck, daily shortcuts are listed.

Item views take Tab to move between their cells by default, which traps an officer who works
without a mouse inside the first table of a page. Here Tab leaves a view (the arrow keys move
inside it), so the Tab key alone walks every control of a page and back to the navigation.
"""

from PySide6.QtWidgets import QAbstractItemView, QWidget


def tab_leaves_item_views(top: QWidget) -> None:
    """Make Tab move focus out of every item view below ``top`` (arrows move between cells)."""
    for view in top.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
