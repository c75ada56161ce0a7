"""What changed between two texts, word by word, as rich text for the plan-update comparison.

In a list cell removed words are struck through on a red ground and inserted words bold on a
green ground; side by side, the words only one text has are marked red (left) or green (right).
All text is HTML-escaped. ``HtmlDelegate`` paints such rich text in an item view's cell.
"""

import difflib
import html
import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

HTML_ROLE = Qt.ItemDataRole.UserRole + 40
REMOVED_STYLE = "background:#f8d7da; color:#842029; text-decoration:line-through;"
INSERTED_STYLE = "background:#d1e7dd; color:#0f5132; font-weight:bold;"
ONLY_LEFT_STYLE = "background:#f8d7da; color:#842029;"  # side by side: not struck, only marked
CONTEXT_WORDS = 6  # words kept before the first change in a list cell
_WORDS = re.compile(r"(\S+)(\s*)")

ModelIndex = QModelIndex | QPersistentModelIndex


def _words(text: str) -> tuple[str, list[str], list[str]]:
    """(leading spaces, the words, each word with the spaces after it)."""
    lead = text[: len(text) - len(text.lstrip())]
    pairs = _WORDS.findall(text)
    return lead, [word for word, _ in pairs], [word + space for word, space in pairs]


def _runs(old: str, new: str) -> list[tuple[str, str, str]]:
    """(kind, old's text, new's text) runs: kind is "same", "removed" or "inserted".

    Only words are compared (the spaces after each word ride along), so "Quý I" → "Quý II"
    changes one word, not two letters, and a shared space never splits a changed run."""
    old_lead, a, a_text = _words(old)
    new_lead, b, b_text = _words(new)
    runs = [("same", old_lead, new_lead)] if old_lead or new_lead else []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(a_text[i1:i2]), "".join(b_text[j1:j2])))
            continue
        if i2 > i1:
            runs.append(("removed", "".join(a_text[i1:i2]), ""))
        if j2 > j1:
            runs.append(("inserted", "", "".join(b_text[j1:j2])))
    return runs


def word_changes(old: str, new: str) -> list[tuple[str, str]]:
    """(kind, text) runs turning ``old`` into ``new`` (a same run as ``new`` spaces it)."""
    return [(kind, new_text or old_text) for kind, old_text, new_text in _runs(old, new)]


def _html(text: str, style: str = "") -> str:
    escaped = html.escape(text).replace("\n", "<br>")
    if not style or not text.strip():
        return escaped
    # the spaces around a changed word stay unmarked: only the words themselves are coloured
    lead = escaped[: len(escaped) - len(escaped.lstrip())]
    tail = escaped[len(escaped.rstrip()) :]
    return f'{lead}<span style="{style}">{escaped.strip()}</span>{tail}'


def side_by_side_html(old: str, new: str) -> tuple[str, str]:
    """(old with the words only it has marked red, new with the words only it has marked green).

    When one side is empty (a task added or removed as a whole) nothing is marked."""
    if not old.strip() or not new.strip():
        return _html(old), _html(new)
    left, right = [], []
    for kind, old_text, new_text in _runs(old, new):
        left.append(_html(old_text, ONLY_LEFT_STYLE if kind == "removed" else ""))
        right.append(_html(new_text, INSERTED_STYLE if kind == "inserted" else ""))
    return "".join(left), "".join(right)


def inline_html(old: str, new: str) -> str:
    """One line for a list cell: the new text with removed words struck and inserted marked."""
    old, new = old.replace("\n", " "), new.replace("\n", " ")
    if not old.strip() or not new.strip():
        return _html(new or old)
    styles = {"same": "", "removed": REMOVED_STYLE, "inserted": INSERTED_STYLE}
    runs = word_changes(old, new)
    if len(runs) > 1 and runs[0][0] == "same":
        # a change late in a long text would be cut off in the cell: start a few words before it
        words = runs[0][1].split(" ")
        if len(words) > CONTEXT_WORDS + 1:
            runs[0] = ("same", "… " + " ".join(words[-CONTEXT_WORDS - 1 :]))
    return "".join(_html(text, styles[kind]) for kind, text in runs)


class HtmlDelegate(QStyledItemDelegate):
    """Paints a cell's ``HTML_ROLE`` rich text (on one line, clipped) instead of its plain text."""

    def _document(self, option: QStyleOptionViewItem, markup: str) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(f'<span style="white-space:nowrap">{markup}</span>')
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        markup = index.data(HTML_ROLE)
        if not markup:
            super().paint(painter, option, index)
            return
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        view.text = ""
        widget = view.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view, widget)
        document = self._document(view, str(markup))
        context = QAbstractTextDocumentLayout.PaintContext()
        palette = view.palette
        selected = bool(view.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(role))
        painter.save()
        top = area.top() + max(0, (area.height() - round(document.size().height())) // 2)
        painter.translate(area.left() + 2, top)
        painter.setClipRect(0, 0, area.width() - 2, area.height())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        markup = index.data(HTML_ROLE)
        if not markup:
            return super().sizeHint(option, index)
        size = self._document(option, str(markup)).size()
        return QSize(round(size.width()) + 4, max(super().sizeHint(option, index).height(), 0))
