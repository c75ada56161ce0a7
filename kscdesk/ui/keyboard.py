"""Keyboard rules that hold on every page: Tab never gets stuck, daily shortcuts are listed.

Item views take Tab to move between their cells, and text boxes type it, by default: that traps
an officer who works without a mouse inside the first table or text box of a page. Here Tab
leaves them (arrow keys move inside a view), so the Tab key alone walks every control of a page
and back to the navigation.
"""

from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTextEdit, QWidget


def tab_never_traps(top: QWidget) -> None:
    """Make Tab move focus out of every item view and text box below ``top``.

    In a view the arrows move between cells; in a text box Tab would type a tab character,
    which no report or note needs.
    """
    for view in top.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)
    for edit in top.findChildren(QPlainTextEdit) + top.findChildren(QTextEdit):
        edit.setTabChangesFocus(True)
