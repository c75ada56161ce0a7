"""The "Trao đổi" page on both sides, driven through its widgets: a commune sends its report, the
parent imports it after a dry run, sees it in the ledger, returns it, and the commune reads the
comment. Everything fits 1093×614."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.exchange_setup import derive_and_record, make_commune, make_district
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from kscdesk.domain.model import ProgressStatus
from kscdesk.services.exchange_export import publish_plan
from kscdesk.services.exchange_import import import_packages
from kscdesk.services.workspace import Workspace
from kscdesk.ui import exchange_sides, prompts
from kscdesk.ui.exchange_panel import ExchangePanel
from kscdesk.ui.exchange_sides import CommuneSide, ParentSide

TODAY = date(2025, 3, 16)
PERIOD = "2025-Q1"


@pytest.fixture
def folders(tmp_path: Path) -> Iterator[dict[str, Path]]:
    district = tmp_path / "district"
    plan_uid = make_district(district)
    with Workspace.open(district) as ws:
        plan = publish_plan(ws, plan_uid, tmp_path / "plan").path
    commune = tmp_path / "commune"
    make_commune(commune, "UBND xã Tịnh Hà", "21001")
    with Workspace.open(commune) as ws:
        import_packages(ws, plan)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 " + b"x" * 3000)
    derive_and_record(commune, PERIOD, [(8, 10), (3, 4)], [ProgressStatus.DONE], scan)
    yield {"district": district, "commune": commune, "tmp": tmp_path}


def _panel(qtbot: QtBot, folder: Path) -> tuple[ExchangePanel, Workspace]:
    ws = Workspace.open(folder)
    panel = ExchangePanel(ws, None, TODAY)
    qtbot.addWidget(panel)
    panel.resize(1093, 614)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, ws


def _wait_status(qtbot: QtBot, side: CommuneSide | ParentSide, text: str) -> None:
    qtbot.waitUntil(lambda: text in side.status_label.text(), timeout=10000)


def test_both_sides_send_import_return_and_read_the_comment(
    qtbot: QtBot,
    folders: dict[str, Path],
    vietnamese_app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    commune_panel, commune_ws = _panel(qtbot, folders["commune"])
    side = commune_panel.side
    assert isinstance(side, CommuneSide)
    assert len(commune_panel.fingerprint_label.text().split(":")[-1].split()) == 8
    assert side.period_combo.currentData() == PERIOD
    assert "Tệp minh chứng: 3 KB" in side.size_label.text()
    outbox = folders["tmp"] / "usb"
    side.folder_edit.setText(str(outbox))
    qtbot.mouseClick(side.send_button, Qt.MouseButton.LeftButton)
    _wait_status(qtbot, side, "Đã ghi gói báo cáo")
    assert len(list(outbox.glob("*.kscx"))) == 1

    asked: list[str] = []
    monkeypatch.setattr(
        prompts, "ask_yes_no", lambda parent, title, text, **kw: asked.append(text) or True
    )
    parent_panel, parent_ws = _panel(qtbot, folders["district"])
    parent = parent_panel.side
    assert isinstance(parent, ParentSide)
    assert parent.ledger_model.rowCount() == 0
    parent.import_paths(outbox)
    _wait_status(qtbot, parent, "Nhận 1/1 gói")
    assert "chưa lưu" in asked[0]
    assert parent.ledger_model.rowCount() == 1
    assert parent.ledger_model.index(0, 0).data() == "UBND xã Tịnh Hà"
    assert parent.ledger_model.index(0, 1).data() == "Trễ hạn"  # sent today, due 17/3/2025

    parent.ledger_table.setCurrentIndex(parent.ledger_model.index(0, 1))
    receipts = folders["tmp"] / "receipts"
    monkeypatch.setattr(prompts, "choose_folder", lambda *args, **kw: receipts)

    def exec_dialog(dialog: QDialog) -> int:
        dialog.text_edit.setPlainText("1: bổ sung minh chứng")  # type: ignore[attr-defined]
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(exchange_sides.ReturnDialog, "exec", exec_dialog)
    qtbot.mouseClick(parent.return_button, Qt.MouseButton.LeftButton)
    _wait_status(qtbot, parent, "Đã ghi biên nhận")
    assert "đã trả lại" in parent.ledger_model.index(0, 1).data()

    # "Tổng hợp" writes the consolidated workbook and the office's own summary report.
    summary = folders["tmp"] / "tong-hop"
    monkeypatch.setattr(prompts, "choose_folder", lambda *args, **kw: summary)
    qtbot.mouseClick(parent.consolidate_button, Qt.MouseButton.LeftButton)
    _wait_status(qtbot, parent, "Đã ghi bảng tổng hợp")
    assert sorted(p.suffix for p in summary.iterdir()) == [".docx", ".xlsx"]
    assert all(p.name in parent.status_label.text() for p in summary.iterdir())

    side.import_paths(next(receipts.glob("*.kscx")))
    _wait_status(qtbot, side, "Nhận 1/1 gói")
    assert "Nhiệm vụ 1: bổ sung minh chứng" in side.receipts_view.toPlainText()
    commune_ws.close()
    parent_ws.close()


def test_the_exchange_page_fits_1093_by_614_on_both_sides(
    qtbot: QtBot, folders: dict[str, Path], vietnamese_app: QApplication
) -> None:
    for key in ("commune", "district"):
        panel, ws = _panel(qtbot, folders[key])
        hint = panel.minimumSizeHint()
        assert hint.width() <= 1093 and hint.height() <= 614, (key, hint)
        ws.close()


def test_a_folder_without_an_office_says_what_to_set(
    qtbot: QtBot, tmp_path: Path, vietnamese_app: QApplication
) -> None:
    panel, ws = _panel(qtbot, tmp_path / "empty")
    assert panel.side is None
    assert (
        "Chưa đặt đơn vị" in panel.findChild(type(panel.fingerprint_label), "status_label").text()
    )
    ws.close()


def _drop(panel: ExchangePanel, path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    panel.dropEvent(event)


def test_a_dropped_package_is_imported_and_a_changed_key_needs_the_officers_yes(
    qtbot: QtBot,
    folders: dict[str, Path],
    vietnamese_app: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kscdesk.services.exchange_export import export_report
    from kscdesk.services.exchange_keys import KEY_FILE

    with Workspace.open(folders["commune"]) as ws:
        first = export_report(ws, PERIOD, folders["tmp"] / "s1").path
    asked: list[str] = []
    monkeypatch.setattr(
        prompts, "ask_yes_no", lambda parent, title, text, **kw: asked.append(title) or True
    )
    panel, ws = _panel(qtbot, folders["district"])
    assert isinstance(panel.side, ParentSide)
    _drop(panel, first)
    _wait_status(qtbot, panel.side, "Nhận 1/1 gói")
    (folders["commune"] / KEY_FILE).unlink()  # the commune's PC was reinstalled
    with Workspace.open(folders["commune"]) as commune:
        second = export_report(commune, PERIOD, folders["tmp"] / "s2").path
    panel.side.status_label.clear()
    _drop(panel, second)
    _wait_status(qtbot, panel.side, "Nhận 1/1 gói")
    assert "Khóa ký đã thay đổi" in asked
    assert "thay bản gửi trước" in panel.side.status_label.text()
    ws.close()
