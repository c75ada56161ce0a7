"""The import wizard: read in the background, preview with traceable warnings, store on request."""

from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.table import Table
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QWidget

from kscdesk.domain.model import PlanContent
from kscdesk.domain.work import CancelToken, ProgressCallback
from kscdesk.services import import_plan
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import import_dialog, prompts
from kscdesk.ui.import_dialog import ImportDialog, open_import_dialog
from kscdesk.ui.plan_preview_model import (
    HAS_WARNING_ROLE,
    TASK_POSITION_ROLE,
    IndicatorPreviewModel,
    PlanPreviewModel,
)
from kscdesk.ui.task_columns import CONTENT, NUMBER

WAIT_MS = 20_000

# A small plan whose section II numbers 1, 5, 6 (5 is out of sequence) and whose task 6 has no
# content: the parser warns about both rows.
WARNING_PLAN_ROWS = [
    ("STT", "Nội dung công việc", "Kết quả công việc", "Cơ quan chủ trì", "Cơ quan phối hợp",
     "Thời gian thực hiện"),
    ("I", "Rà soát thủ tục hành chính", "", "", "", ""),
    ("1", "Rà soát quy định", "Báo cáo", "Sở Tư pháp", "Các sở", "Quý I"),
    ("2", "Công khai thủ tục hành chính", "Danh mục", "Văn phòng", "", "Cả năm"),
    ("II", "Một cửa, một cửa liên thông", "", "", "", ""),
    ("1", "Tiếp nhận hồ sơ", "Sổ theo dõi", "Bộ phận Một cửa", "", "Thường xuyên"),
    ("5", "Trả kết quả", "Phiếu", "Bộ phận Một cửa", "", "Thường xuyên"),
    ("6", "", "Báo cáo", "Văn phòng", "", "Quý IV"),
]  # fmt: skip
INDICATOR_ROWS = [
    ("STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu năm 2025", "Cơ quan chủ trì"),
    ("1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "Tối thiểu 98", "Văn phòng"),
    ("2", "Tỷ lệ thủ tục công khai đầy đủ", "%", "100", "Văn phòng"),
]


def add_table(document: DocxDocument, rows: Sequence[tuple[str, ...]]) -> Table:
    table: Table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    return table


def build_warning_plan(path: Path, *, with_title: bool = True) -> Path:
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM")
    if with_title:
        document.add_paragraph("KẾ HOẠCH")
        document.add_paragraph("Hoạt động kiểm soát thủ tục hành chính năm 2025")
    table = add_table(document, WARNING_PLAN_ROWS)
    for section_row in (1, 4):
        table.cell(section_row, 1).merge(table.cell(section_row, 5))
    document.add_paragraph("Phụ lục: Các chỉ tiêu kiểm soát thủ tục hành chính năm 2025")
    add_table(document, INDICATOR_ROWS)
    document.save(str(path))
    return path


def stored_plan_count(folder: Path) -> int:
    with Workspace.open(folder) as ws:
        return len(plans.list_plans(ws.db))


@pytest.fixture
def data_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Workspace.open(folder):
        pass
    return folder


@pytest.fixture
def dialog(qtbot: QtBot, data_folder: Path) -> ImportDialog:
    widget = ImportDialog(data_folder)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """Every prompt the dialog would show, as (kind, title, text), instead of a modal box."""
    shown: list[tuple[str, str, str]] = []

    def warning(parent: QWidget | None, title: str, text: str) -> None:
        shown.append(("warning", title, text))

    def error(parent: QWidget | None, title: str, text: str, *, details: str = "") -> None:
        shown.append(("error", title, text))

    monkeypatch.setattr(prompts, "show_warning", warning)
    monkeypatch.setattr(prompts, "show_error", error)
    return shown


def read_file(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.reading_ended, timeout=WAIT_MS):
        dialog.start_reading(path)


def count_task_rows(model: PlanPreviewModel) -> tuple[int, int]:
    """(sections, tasks) in the whole tree."""
    sections = tasks = 0
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop()
        if model.data(index, TASK_POSITION_ROLE) is None:
            sections += 1
        else:
            tasks += 1
        pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
    return sections, tasks


def test_preview_of_the_city_plan_shows_13_sections_and_35_tasks(
    qtbot: QtBot, dialog: ImportDialog, fixtures_dir: Path, data_folder: Path
) -> None:
    read_file(qtbot, dialog, fixtures_dir / "city2023.docx")

    ui = dialog.ui
    assert ui.step_stack.currentWidget() is ui.preview_page
    assert count_task_rows(dialog.preview_model) == (13, 35)
    assert ui.issuer_label.text() == "UBND thành phố Quảng Ngãi"
    assert ui.year_label.text() == "Cấp huyện, năm 2023"
    assert "Hoạt động kiểm soát thủ tục hành chính năm 2023" in ui.title_label.text()
    assert ui.counts_label.text().startswith("13 mục, 35 nhiệm vụ")
    assert ui.source_label.text() == "city2023.docx"
    first_section = dialog.preview_model.index(0, CONTENT)
    assert first_section.data().startswith("Ban hành văn bản quản lý nhà nước")
    assert ui.save_button.isEnabled()
    assert ui.save_button.text() == "Lưu kế hoạch"
    assert ui.cancel_button.text() == "Hủy"
    assert stored_plan_count(data_folder) == 0  # a preview stores nothing


def test_saving_stores_exactly_the_previewed_plan_once(
    qtbot: QtBot, dialog: ImportDialog, fixtures_dir: Path, data_folder: Path
) -> None:
    read_file(qtbot, dialog, fixtures_dir / "city2023.docx")

    with qtbot.waitSignal(dialog.plan_stored, timeout=WAIT_MS) as stored:
        qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stored.args == [dialog.plan_uid]
    with Workspace.open(data_folder) as ws:
        summaries = plans.list_plans(ws.db)
        assert [s.uid for s in summaries] == [dialog.plan_uid]
        assert plans.count_tasks(ws.db, summaries[0].uid) == 35


def test_cancelling_the_preview_stores_nothing(
    qtbot: QtBot, dialog: ImportDialog, fixtures_dir: Path, data_folder: Path
) -> None:
    read_file(qtbot, dialog, fixtures_dir / "city2023.docx")

    qtbot.mouseClick(dialog.ui.cancel_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()
    assert dialog.plan_uid is None
    assert stored_plan_count(data_folder) == 0


def test_cancelling_while_reading_returns_to_step_one_silently(
    qtbot: QtBot,
    dialog: ImportDialog,
    fixtures_dir: Path,
    data_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_messages: list[tuple[str, str, str]],
) -> None:
    def parse_after_cancel(
        path: Path, *, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> PlanContent:
        assert cancel is not None
        cancel._event.wait(WAIT_MS / 1000)  # hold the worker until "Hủy" so the test is not a race
        return import_plan.parse_plan_file(path, progress=progress, cancel=cancel)

    monkeypatch.setattr(import_dialog, "parse_plan_file", parse_after_cancel)
    dialog.start_reading(fixtures_dir / "city2023.docx")
    assert dialog.ui.progress_bar.isVisible()
    assert not dialog.ui.choose_button.isEnabled()

    task = dialog._task
    assert task is not None
    with qtbot.waitSignal(dialog.reading_ended, timeout=WAIT_MS):
        task.cancel()  # what the progress dialog's "Hủy" does

    assert dialog.ui.step_stack.currentWidget() is dialog.ui.choose_page
    assert dialog.ui.status_label.text() == "Đã hủy đọc tệp."
    assert dialog.ui.choose_button.isEnabled()
    assert shown_messages == []
    assert stored_plan_count(data_folder) == 0


def test_closing_while_reading_stops_the_read_then_closes(
    qtbot: QtBot,
    dialog: ImportDialog,
    fixtures_dir: Path,
    data_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def parse_after_cancel(
        path: Path, *, progress: ProgressCallback | None = None, cancel: CancelToken | None = None
    ) -> PlanContent:
        assert cancel is not None
        cancel._event.wait(WAIT_MS / 1000)
        return import_plan.parse_plan_file(path, progress=progress, cancel=cancel)

    monkeypatch.setattr(import_dialog, "parse_plan_file", parse_after_cancel)
    dialog.start_reading(fixtures_dir / "city2023.docx")

    with qtbot.waitSignal(dialog.rejected, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ui.cancel_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert stored_plan_count(data_folder) == 0


@pytest.mark.parametrize(
    ("file_name", "reason"),
    [
        ("notaplan.docx", "Không tìm thấy bảng kế hoạch"),
        ("corrupt.docx", "Tệp bị hỏng hoặc không đúng định dạng"),
    ],
)
def test_a_bad_file_shows_the_vietnamese_reason_and_stores_nothing(
    qtbot: QtBot,
    dialog: ImportDialog,
    fixtures_dir: Path,
    data_folder: Path,
    shown_messages: list[tuple[str, str, str]],
    file_name: str,
    reason: str,
) -> None:
    read_file(qtbot, dialog, fixtures_dir / file_name)

    assert len(shown_messages) == 1
    kind, title, text = shown_messages[0]
    assert (kind, title) == ("warning", "Không nhập được kế hoạch")
    assert f"Tệp “{file_name}”" in text
    assert reason in text
    assert dialog.ui.step_stack.currentWidget() is dialog.ui.choose_page
    assert not dialog.ui.save_button.isEnabled()
    assert stored_plan_count(data_folder) == 0


def test_a_file_already_imported_is_refused_on_save(
    qtbot: QtBot,
    dialog: ImportDialog,
    fixtures_dir: Path,
    data_folder: Path,
    shown_messages: list[tuple[str, str, str]],
) -> None:
    with Workspace.open(data_folder) as ws:
        import_plan.import_plan_file(ws, fixtures_dir / "city2023.docx")
    read_file(qtbot, dialog, fixtures_dir / "city2023.docx")

    with qtbot.waitSignal(dialog.saving_ended, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)

    assert [(kind, title) for kind, title, _ in shown_messages] == [
        ("warning", "Không lưu được kế hoạch")
    ]
    assert "đã được nhập trước đây" in shown_messages[0][2]
    assert dialog.isVisible()
    assert dialog.plan_uid is None
    assert stored_plan_count(data_folder) == 1


def test_warnings_are_listed_with_their_table_row_and_highlight_their_task(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    read_file(qtbot, dialog, build_warning_plan(tmp_path / "warnings.docx"))

    texts = [dialog.ui.warning_list.item(i).text() for i in range(dialog.ui.warning_list.count())]
    assert "Bảng 1, dòng 7: Số thứ tự 5 không liền mạch (sau 1)." in texts
    assert "Bảng 1, dòng 8: Nhiệm vụ không có nội dung." in texts
    model = dialog.preview_model
    out_of_sequence = model.index_of_task(4)
    assert out_of_sequence.data() == "5"
    assert out_of_sequence.data(HAS_WARNING_ROLE) is True
    assert "Số thứ tự 5 không liền mạch" in out_of_sequence.data(Qt.ItemDataRole.ToolTipRole)
    assert out_of_sequence.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index_of_task(3).data(HAS_WARNING_ROLE) is False
    assert model.index_of_task(3).data(Qt.ItemDataRole.BackgroundRole) is None


@pytest.mark.parametrize(
    ("warning_text", "expected_number"),
    [
        ("Bảng 1, dòng 7: Số thứ tự 5 không liền mạch (sau 1).", "5"),
        ("Bảng 1, dòng 8: Nhiệm vụ không có nội dung.", "6"),
    ],
)
def test_clicking_a_warning_selects_and_shows_its_task_row(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, warning_text: str, expected_number: str
) -> None:
    read_file(qtbot, dialog, build_warning_plan(tmp_path / "warnings.docx"))
    warning_list = dialog.ui.warning_list
    (item,) = warning_list.findItems(warning_text, Qt.MatchFlag.MatchExactly)
    tree = dialog.ui.task_tree

    rect = warning_list.visualItemRect(item)
    qtbot.mouseClick(warning_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    current = tree.currentIndex()
    assert current.siblingAtColumn(NUMBER).data() == expected_number
    assert current.parent().data() == "II"
    assert tree.selectionModel().isRowSelected(current.row(), current.parent())
    assert tree.visualRect(current).intersects(tree.viewport().rect())


def test_a_warning_about_the_whole_file_selects_no_row(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    read_file(qtbot, dialog, build_warning_plan(tmp_path / "untitled.docx", with_title=False))
    warning_list = dialog.ui.warning_list
    (item,) = warning_list.findItems("tên kế hoạch", Qt.MatchFlag.MatchContains)

    warning_list.setCurrentItem(item)

    assert item.data(Qt.ItemDataRole.UserRole) is None
    assert not dialog.ui.task_tree.currentIndex().isValid()
    assert dialog.content is not None
    assert dialog.ui.warning_list.count() == len(dialog.content.warnings)


def test_a_file_dropped_on_the_dialog_is_read(
    qtbot: QtBot, dialog: ImportDialog, fixtures_dir: Path
) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fixtures_dir / "city2023.xlsx"))])
    where, action = QPointF(20, 20), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), action, mime, buttons, modifiers)
    drop = QDropEvent(where, action, mime, buttons, modifiers)

    dialog.dragEnterEvent(enter)
    with qtbot.waitSignal(dialog.reading_ended, timeout=WAIT_MS):
        dialog.dropEvent(drop)

    assert enter.isAccepted()
    assert drop.isAccepted()
    assert dialog.ui.source_label.text() == "city2023.xlsx"
    assert count_task_rows(dialog.preview_model) == (13, 35)


def test_dropping_several_files_is_refused(qtbot: QtBot, dialog: ImportDialog) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/a.docx"), QUrl.fromLocalFile("/tmp/b.docx")])

    assert import_dialog.dropped_file(mime) is None
    assert not dialog.is_busy


def test_choose_file_reads_the_file_the_officer_picked(
    qtbot: QtBot, dialog: ImportDialog, fixtures_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def choose(parent: QWidget | None, title: str, file_filter: str, start: Path | None) -> Path:
        asked.append(title)
        return fixtures_dir / "city2023.docx"

    monkeypatch.setattr(prompts, "choose_open_file", choose)

    with qtbot.waitSignal(dialog.preview_shown, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ui.choose_button, Qt.MouseButton.LeftButton)

    assert asked == ["Chọn tệp kế hoạch cấp trên"]


def test_open_import_dialog_returns_the_stored_plan_uid(
    qtbot: QtBot, fixtures_dir: Path, data_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def drive(self: ImportDialog) -> int:
        """Stand-in for the modal loop: wait for the preview, then press "Lưu kế hoạch"."""
        qtbot.waitUntil(lambda: self.ui.save_button.isEnabled(), timeout=WAIT_MS)
        with qtbot.waitSignal(self.plan_stored, timeout=WAIT_MS):
            self.ui.save_button.click()
        return self.result()

    monkeypatch.setattr(ImportDialog, "exec", drive)

    plan_uid = open_import_dialog(None, data_folder, fixtures_dir / "city2023.docx")

    assert plan_uid is not None
    with Workspace.open(data_folder) as ws:
        assert [s.uid for s in plans.list_plans(ws.db)] == [plan_uid]


def test_preview_model_passes_the_model_tester(
    qtmodeltester: object, fixtures_dir: Path, tmp_path: Path
) -> None:
    content = import_plan.parse_plan_file(build_warning_plan(tmp_path / "warnings.docx"))
    model = PlanPreviewModel()
    model.set_content(content)

    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]

    city = import_plan.parse_plan_file(fixtures_dir / "city2023.docx")
    model.set_content(city)
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_screenshot_of_the_city_preview(
    qtbot: QtBot, dialog: ImportDialog, fixtures_dir: Path, tmp_path: Path
) -> None:
    read_file(qtbot, dialog, fixtures_dir / "city2023.docx")
    dialog.resize(1180, 760)

    image = dialog.grab()

    assert image.save(str(tmp_path / "import_preview.png"))
    assert image.width() >= 1000


def test_indicators_are_listed_in_their_own_tab(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    read_file(qtbot, dialog, build_warning_plan(tmp_path / "warnings.docx"))
    tabs = dialog.ui.preview_tabs
    table = dialog.ui.indicator_table

    tabs.setCurrentWidget(dialog.ui.indicators_tab)

    assert tabs.tabText(tabs.indexOf(dialog.ui.indicators_tab)) == "Chỉ tiêu (2)"
    model = table.model()
    rows = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert rows == [
        ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "Tối thiểu 98", "Văn phòng", ""],
        ["2", "Tỷ lệ thủ tục công khai đầy đủ", "%", "100", "Văn phòng", ""],
    ]
    assert dialog.ui.counts_label.text() == "2 mục, 5 nhiệm vụ, 2 chỉ tiêu; 2 cảnh báo cần xem lại"


def test_indicator_model_passes_the_model_tester(qtmodeltester: object, tmp_path: Path) -> None:
    content = import_plan.parse_plan_file(build_warning_plan(tmp_path / "warnings.docx"))
    model = IndicatorPreviewModel()
    model.set_indicators(content.indicators)

    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
