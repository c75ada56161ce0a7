from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QListWidget

from kscdesk import __version__
from kscdesk.domain.text import search_key
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui.about_dialog import AboutDialog
from kscdesk.ui.main_window import MainWindow
from kscdesk.ui.pages import PAGES
from kscdesk.ui.task_columns import CONTENT
from kscdesk.ui.task_table_model import TaskRow


@pytest.fixture
def window(qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication) -> MainWindow:
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_plan_page_shows_the_tasks_of_the_demo_plan(
    window: MainWindow, demo_workspace: Workspace
) -> None:
    table = window.plan_panel.ui.task_table
    model = table.model()
    uid = window.plan_panel.current_plan_uid()
    assert uid is not None
    first_uid = plans.list_task_uids(demo_workspace.db, uid)[0]
    first_task = plans.load_tasks(demo_workspace.db, [first_uid])[first_uid]
    assert model.index(1, CONTENT).data() == first_task.content
    count = window.plan_panel.ui.count_label.text()
    assert count == f"Đang hiển thị {plans.count_tasks(demo_workspace.db, uid)} trong tổng số " + (
        f"{plans.count_tasks(demo_workspace.db, uid)} nhiệm vụ."
    )


def test_typing_kiem_soat_keeps_only_matching_tasks(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.plan_panel
    before = panel.task_model.task_count()
    search = window.findChild(QLineEdit, "search_edit")
    assert search is not None
    qtbot.keyClicks(search, "kiem soat")
    qtbot.waitUntil(lambda: panel.task_model.task_count() < before)
    assert panel.ui.count_label.text().startswith("Tìm thấy ")
    shown = [panel.task_model.task_at(r) for r in range(panel.task_model.rowCount())]
    tasks = [t for t in shown if t is not None]
    assert tasks
    for task in tasks:
        assert "kiem soat" in search_key(f"{task.content} {task.output} {task.lead}")


def test_choosing_a_section_shows_its_tasks_only(window: MainWindow) -> None:
    panel = window.plan_panel
    tree = panel.ui.section_tree
    tree.setCurrentIndex(panel.section_model.index(2, 0))
    code = panel.current_section_code()
    assert code is not None
    tasks = [panel.task_model.task_at(r) for r in range(panel.task_model.rowCount())]
    assert {t.section_code for t in tasks if t is not None} == {code}


def test_switching_plans_shows_the_other_plans_tasks(window: MainWindow) -> None:
    panel = window.plan_panel
    combo = panel.ui.plan_combo
    assert combo.count() == 2
    first = panel.current_plan_uid()
    combo.setCurrentIndex(1 - combo.currentIndex())
    assert panel.current_plan_uid() != first
    assert panel.task_model.plan_uid == panel.current_plan_uid()


def test_the_plan_selector_names_the_kind_of_plan_before_its_long_title(
    window: MainWindow,
) -> None:
    combo = window.plan_panel.ui.plan_combo
    texts = sorted(combo.itemText(i) for i in range(combo.count()))
    assert texts[0].startswith("2023 – Kế hoạch cấp trên: ")
    assert texts[1].startswith("2023 – Kế hoạch của đơn vị: ")


def test_navigation_switches_panels(window: MainWindow, qtbot: QtBot) -> None:
    nav = window.findChild(QListWidget, "nav_list")
    assert nav is not None
    assert [nav.item(i).text() for i in range(nav.count())] == [page.label for page in PAGES]
    for row, name in enumerate(page.name for page in PAGES):
        rect = nav.visualItemRect(nav.item(row))
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page().objectName() == name


def test_every_page_is_built_over_the_workspace(window: MainWindow) -> None:
    for page in PAGES:
        built = window.built_page(page.name)
        assert built is not None, page.name
        assert built.findChild(QLabel, "loading_label") is None


def test_the_about_dialog_shows_version_and_data_folder(
    window: MainWindow, qtbot: QtBot, demo_workspace: Workspace
) -> None:
    window.actions_by_name["about"].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.ui.version_label.text() == __version__
    assert dialog.ui.data_folder_label.text() == str(demo_workspace.folder)
    close = dialog.ui.button_box.buttons()[0]
    assert close.text() == "Đóng"
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_status_bar_names_the_data_folder(window: MainWindow, tmp_path: Path) -> None:
    assert window.data_folder_label.text() == f"Thư mục dữ liệu: {window.workspace.folder}"


def test_menus_are_vietnamese(window: MainWindow) -> None:
    titles = [a.text() for a in window.ui.menu_bar.actions()]
    assert titles == ["&Tệp", "Côn&g việc", "T&rợ giúp"]
    names = {a.text() for a in window.actions_by_name.values()}
    assert names == {
        "&Nhập kế hoạch cấp trên…",
        "&Tìm nhiệm vụ",
        "&Mở thư mục dữ liệu",
        "&Sao lưu và phục hồi…",
        "T&hoát",
        "&Minh chứng mới…",
        "Nhiệm vụ &tiếp theo",
        "Nhiệm vụ t&rước",
        "&Lập báo cáo…",
        "&Hướng dẫn sử dụng",
        "&Phím tắt",
        "&Giới thiệu kscdesk",
    }


def test_find_action_focuses_the_search_box(window: MainWindow, qtbot: QtBot) -> None:
    window.show_page("reports_panel")
    window.actions_by_name["find"].trigger()
    assert window.current_page() is window.plan_panel
    qtbot.waitUntil(lambda: window.plan_panel.ui.search_edit.hasFocus())


def test_double_click_opens_a_task_row_to_its_full_height(window: MainWindow) -> None:
    panel = window.plan_panel
    row = next(
        i
        for i in range(panel.task_model.rowCount())
        if isinstance(panel.task_model.row_entry(i), TaskRow)
    )
    vertical = panel.ui.task_table.verticalHeader()
    collapsed = vertical.sectionSize(row)
    panel.toggle_row_height(panel.task_index(row))
    assert vertical.sectionSize(row) >= collapsed
    panel.toggle_row_height(panel.task_index(row))
    assert vertical.sectionSize(row) == collapsed


def test_the_about_dialog_opens_the_data_and_log_folders(
    window: MainWindow, qtbot: QtBot, demo_workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    window.actions_by_name["about"].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    assert dialog.ui.log_folder_label.text() == str(demo_workspace.folder / "logs")
    qtbot.mouseClick(dialog.ui.open_data_folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ui.open_log_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(demo_workspace.folder), str(demo_workspace.folder / "logs")]
    dialog.close()


def test_the_window_has_the_kscdesk_icon_at_every_size(window: MainWindow) -> None:
    icon = window.windowIcon()
    assert not icon.isNull()
    for size in (16, 32, 48):
        assert not icon.pixmap(size, size).isNull()


def test_only_the_page_in_view_is_built_at_start_the_others_when_first_shown(
    qtbot: QtBot, demo_workspace: Workspace, vietnamese_app: QApplication
) -> None:
    # Building every page at once kept the officer waiting for pages not looked at.
    window = MainWindow(demo_workspace.folder, demo_workspace)
    qtbot.addWidget(window)
    window.show()
    first = PAGES[0].name
    assert window._built == {first}
    window.show_page("reports_panel")
    assert window._built == {first, "reports_panel"}
    assert window.current_page().findChild(QLabel, "loading_label") is None
