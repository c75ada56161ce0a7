"""Help: F1 opens the offline guide at the page in use; the shortcut list is read from actions."""

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kscdesk.services.workspace import Workspace
from kscdesk.ui.help_dialog import guide_path
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.pages import PAGES
from kscdesk.ui.shortcuts_dialog import shortcut_rows

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> MainWindow:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.resize(1093, 614)
    window.show()
    qtbot.waitExposed(window)
    return window


def guide_images() -> set[str]:
    return set(re.findall(r'src="img/([^"]+)"', guide_path().read_text(encoding="utf-8")))


class GuideLinks(HTMLParser):
    """The anchors (``<a name>``, ``id``), the internal links and the section headings."""

    def __init__(self) -> None:
        super().__init__()
        self.anchors: list[str] = []
        self.links: list[str] = []
        self.headings: dict[str, str] = {}  # anchor → the text of the heading holding it
        self._heading_anchor: str | None = None
        self._heading_text: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("h2", "h3"):
            self._in_heading, self._heading_anchor, self._heading_text = True, None, []
        name = values.get("name") or values.get("id")
        if name:
            self.anchors.append(name)
            if self._in_heading:
                self._heading_anchor = name
        href = values.get("href")
        if tag == "a" and href and href.startswith("#"):
            self.links.append(href[1:])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "h3") and self._in_heading:
            self._in_heading = False
            if self._heading_anchor:
                self.headings[self._heading_anchor] = "".join(self._heading_text).strip()

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self._heading_text.append(data)


def guide_links() -> GuideLinks:
    parser = GuideLinks()
    parser.feed(guide_path().read_text(encoding="utf-8"))
    return parser


def test_every_page_of_the_window_has_a_section_anchored_with_its_object_name() -> None:
    links = guide_links()
    for page in PAGES:
        assert page.name in links.headings, page.name
        assert links.headings[page.name].endswith(page.label), page.name
    # the sections follow the order of the navigation list
    order = [links.anchors.index(page.name) for page in PAGES]
    assert order == sorted(order)


def test_every_internal_link_of_the_guide_leads_to_an_anchor_and_anchors_are_unique() -> None:
    links = guide_links()
    assert links.links, "the guide has a table of contents"
    assert sorted(set(links.links) - set(links.anchors)) == []
    assert len(links.anchors) == len(set(links.anchors))


def test_f1_on_every_page_scrolls_the_guide_to_that_pages_heading(
    qtbot: QtBot, window: MainWindow
) -> None:
    headings = guide_links().headings
    positions = []
    for page in PAGES:
        window.show_page(page.name)
        qtbot.keyClick(window, Qt.Key.Key_F1)
        dialog = window._help
        assert dialog is not None
        qtbot.waitExposed(dialog)
        browser = dialog.browser
        top = browser.verticalScrollBar().value()
        found = browser.document().find(headings[page.name])
        assert not found.isNull(), page.name
        layout = browser.document().documentLayout()
        heading_y = layout.blockBoundingRect(found.block()).top()
        # the page's heading is on screen, and the guide is not simply at its top
        assert top > 0, page.name
        assert top - 1 <= heading_y < top + browser.viewport().height(), page.name
        positions.append(top)
        dialog.hide()
    assert positions == sorted(positions)
    assert len(set(positions)) == len(positions)


def test_f1_opens_the_guide_at_the_section_of_the_page_in_use(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page("plan_panel")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window._help
    assert dialog is not None
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    assert "Hướng dẫn sử dụng kscdesk" in browser.toPlainText()
    # scrolled to the plan page's section, not the top of the guide
    assert browser.verticalScrollBar().value() > 0


def test_every_image_of_the_guide_exists_and_every_image_is_in_the_guide() -> None:
    folder = guide_path().parent / "img"
    for name in guide_images():
        assert (folder / name).is_file(), name
    assert {path.name for path in folder.glob("*.png")} == guide_images()


def test_the_shortcut_list_names_every_shortcut_of_the_window(window: MainWindow) -> None:
    rows = dict(shortcut_rows(window))
    assert rows["Nhập kế hoạch cấp trên"] == "Ctrl+O"
    assert rows["Hướng dẫn sử dụng"] == "F1"
    assert rows["Tìm nhiệm vụ"] == "Ctrl+F"
    dialog = window.show_shortcuts()
    assert dialog.table.rowCount() == len(rows)
    dialog.close()


@pytest.mark.slow
def test_the_guide_screenshots_are_made_from_the_app(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_guide_screenshots.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,  # about 15 s on a quiet machine; CI machines are shared
        env={"QT_QPA_PLATFORM": "offscreen", **__import__("os").environ},
    )
    assert done.returncode == 0, done.stderr
    made = {path.name for path in tmp_path.glob("*.png")}
    assert made == guide_images()
    for path in tmp_path.glob("*.png"):
        header = path.read_bytes()[:24]
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert width <= 1093 and height <= 614, path.name  # the officer's screen
        assert path.stat().st_size < 250_000, path.name  # the installer stays small
