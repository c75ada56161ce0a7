"""Store fixtures: a template database migrated once per session, copied for each test."""

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from kscdesk.domain.model import (
    Decision,
    Indicator,
    Level,
    Plan,
    PlanContent,
    PlanKind,
    Section,
    Task,
)
from kscdesk.store.database import close_database, open_database

STORE_DATA = Path(__file__).resolve().parent / "data"
CITY_TRUTH = (
    Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "city2023.truth.json"
)


@pytest.fixture
def saved_databases() -> Path:
    """The folder of databases saved by past schema versions (see data/README.md)."""
    return STORE_DATA


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "kscdesk.db"
    close_database(open_database(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    path = tmp_path / "data" / "kscdesk.db"
    path.parent.mkdir()
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    close_database(database)


def make_small_plan() -> PlanContent:
    """A hand-built ward plan: letter section over Roman ones, sub-items, indicators."""
    plan = Plan(
        issuer="UBND phường Đức Phổ",
        year=2025,
        title="Kế hoạch hoạt động kiểm soát thủ tục hành chính năm 2025",
        level=Level.COMMUNE,
        kind=PlanKind.OWN,
        decision=Decision("35/QĐ-UBND", date(2025, 2, 14)),
        source_name="kế hoạch 2025.docx",
        source_sha256="ab" * 32,
        columns=("STT", "Nội dung công việc", "Kết quả công việc", "Thời gian thực hiện"),
        submission_day=19,
    )
    sections = [
        Section("C", "Nhiệm vụ trọng tâm", position=0),
        Section("I", "Kiểm soát việc ban hành quy định TTHC", parent_code="C", position=1),
        Section("II", "Niêm yết, công khai TTHC", parent_code="C", position=2),
    ]
    tasks = [
        Task(
            "I",
            "1",
            "Rà soát, đánh giá thủ tục hành chính",
            sub="a",
            output="Báo cáo kết quả rà soát",
            lead="Văn phòng – Thống kê",
            coordinating="Các ban, ngành liên quan phối hợp",
            timeframe="Quý I, II/2025",
            position=0,
        ),
        Task(
            "I",
            "1",
            "Kiểm soát chất lượng hồ sơ trực tuyến",
            sub="b",
            lead="Bộ phận Một cửa",
            timeframe="Thường xuyên",
            position=1,
        ),
        Task(
            "II",
            "2",
            "Công khai thủ tục hành chính tại Bộ phận Một cửa",
            output="Danh mục TTHC được niêm yết",
            lead="Văn phòng – Thống kê",
            timeframe="Trước ngày 05/03/2025",
            position=2,
            is_local=True,
        ),
        Task(
            "II",
            "3",
            "Góp ý dự thảo văn bản quy phạm pháp luật có quy định TTHC",
            position=3,
            not_applicable=True,
            not_applicable_reason="Cấp xã không soạn thảo văn bản",
        ),
    ]
    indicators = [
        Indicator("1", "Tỷ lệ hồ sơ trực tuyến", target_text="Tối thiểu 80", position=0),
        Indicator("2", "Tỷ lệ thanh toán trực tuyến", target_text="Tối thiểu 85", position=1),
    ]
    return PlanContent(plan=plan, sections=sections, tasks=tasks, indicators=indicators)


@pytest.fixture
def small_plan() -> PlanContent:
    return make_small_plan()


@pytest.fixture
def city_plan() -> PlanContent:
    """The Quảng Ngãi city plan 2023 as its answer key describes it (35 task rows)."""
    if not CITY_TRUTH.is_file():
        pytest.skip("../shared/fixtures is not beside the checkout")
    truth = json.loads(CITY_TRUTH.read_text(encoding="utf-8"))
    plan = Plan(
        issuer=truth["issuer"],
        year=truth["year"],
        title=truth["title"],
        level=Level(truth["level"]),
        source_name=truth["source"],
        columns=tuple(truth["columns"]),
    )
    sections = [
        Section(item["code"], item["title"], item["parent_code"], position=index)
        for index, item in enumerate(truth["sections"])
    ]
    tasks = [
        Task(
            item["section"],
            item["number"],
            item["content"],
            sub=item["sub"],
            output=item["output"],
            lead=item["lead"],
            coordinating=item["coordinating"],
            timeframe=item["timeframe"],
            position=index,
        )
        for index, item in enumerate(truth["tasks"])
    ]
    return PlanContent(plan=plan, sections=sections, tasks=tasks)
