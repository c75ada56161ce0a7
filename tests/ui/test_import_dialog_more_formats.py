"""The import dialog with the formats of issue 13: a signed PDF, a scanned PDF, a prose plan."""

from pathlib import Path

import pytest
from helpers.docx_builders import write_docx
from helpers.pdf_builders import scanned_pdf, sign_pdf
from helpers.prose_plan import seed_paragraphs
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kscdesk.formats.plan_prose import PROSE_NOTICE
from kscdesk.services.workspace import Workspace
from kscdesk.store import plans
from kscdesk.ui import import_dialog, prompts
from kscdesk.ui.import_dialog import ImportDialog

WAIT_MS = 30_000


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


def _read(qtbot: QtBot, dialog: ImportDialog, path: Path) -> list[str]:
    with qtbot.waitSignal(dialog.reading_ended, timeout=WAIT_MS):
        dialog.start_reading(path)
    items = dialog.ui.warning_list
    return [items.item(i).text() for i in range(items.count())]


def test_the_file_chooser_offers_pdf_xls_odt_and_ods() -> None:
    first = import_dialog.FILE_FILTER.split(";;")[0]
    for pattern in ("*.pdf", "*.xls", "*.odt", "*.ods", "*.docx", "*.xlsx", "*.doc", "*.json"):
        assert pattern in first


def test_a_signed_pdf_is_previewed_with_its_signature_and_saved(
    qtbot: QtBot, dialog: ImportDialog, fixtures_dir: Path, tmp_path: Path, data_folder: Path
) -> None:
    signed = sign_pdf(fixtures_dir / "city2023.pdf", tmp_path / "qd.pdf", "Nguyễn Văn An", "D:2023")
    warnings = _read(qtbot, dialog, signed)
    assert dialog.ui.source_label.text() == "qd.pdf"
    assert any("chữ ký số của “Nguyễn Văn An”" in text for text in warnings)
    with qtbot.waitSignal(dialog.plan_stored, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ui.save_button, Qt.MouseButton.LeftButton)
    with Workspace.open(data_folder) as ws:
        (summary,) = plans.list_plans(ws.db)
        assert plans.count_tasks(ws.db, summary.uid) == 35


def test_a_scanned_pdf_shows_the_advice_and_stores_nothing(
    qtbot: QtBot,
    dialog: ImportDialog,
    tmp_path: Path,
    data_folder: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []

    def warning(parent: QWidget | None, title: str, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(prompts, "show_warning", warning)
    _read(qtbot, dialog, scanned_pdf(tmp_path / "scan.pdf"))
    assert len(shown) == 1 and "hãy xin tệp Word hoặc PDF có chữ" in shown[0]
    with Workspace.open(data_folder) as ws:
        assert plans.list_plans(ws.db) == []


def test_a_prose_plan_preview_says_it_was_read_from_prose(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    from conftest import SEEDS

    seed = sorted(SEEDS.glob("002_*.txt"))
    if not seed:
        pytest.skip("../shared/seeds is not beside the checkout")
    path = write_docx(tmp_path / "ke-hoach-van-ban.docx", seed_paragraphs(seed[0]))
    warnings = _read(qtbot, dialog, path)
    assert warnings[0] == PROSE_NOTICE
    assert dialog.ui.save_button.isEnabled()
    dialog.resize(1093, 614)
    assert dialog.grab().save(str(tmp_path / "prose_preview.png"))
