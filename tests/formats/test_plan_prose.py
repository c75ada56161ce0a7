"""Plans written as prose, not as a table (issue 13, seed 002)."""

import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import SEEDS
from helpers.docx_builders import write_docx
from helpers.prose_plan import section_two_words, seed_paragraphs

from kscdesk.domain.model import PlanContent
from kscdesk.formats.errors import NotAPlan
from kscdesk.formats.plan_prose import PROSE_NOTICE, read_prose_plan
from kscdesk.formats.plan_reader import read_plan


@pytest.fixture(scope="module")
def seed_002() -> Path:
    found = sorted(SEEDS.glob("002_*.txt"))
    if not found:
        pytest.skip("../shared/seeds is not beside the checkout")
    return found[0]


@pytest.fixture(scope="module")
def prose_plan(seed_002: Path, tmp_path_factory: pytest.TempPathFactory) -> PlanContent:
    folder = tmp_path_factory.mktemp("prose")
    return read_plan(write_docx(folder / "ke-hoach-002.docx", seed_paragraphs(seed_002)))


def test_the_ten_numbered_solutions_become_ten_tasks_with_units_and_timeframes(
    prose_plan: PlanContent,
) -> None:
    tasks = prose_plan.tasks
    assert [t.number for t in tasks] == [str(n) for n in range(1, 11)]
    assert {t.section_code for t in tasks} == {"II"}
    assert [t.timeframe for t in tasks] == ["Thường xuyên"] * 4 + ["Trong tháng 9/2021"] + [
        "Thường xuyên"
    ] * 4 + ["Hằng năm"]
    assert all(t.lead for t in tasks)
    assert tasks[0].content.startswith(
        "Theo dõi các nhiệm vụ được Chính phủ, Thủ tướng Chính phủ giao\n- Thường xuyên cập nhật"
    )
    assert tasks[0].coordinating == (
        "- Đơn vị phối hợp: Các phòng nghiên cứu, Phòng Hành chính - Tổ chức, "
        "Trung tâm Phục vụ hành chính công tỉnh."
    )
    assert (
        tasks[8].lead == "- Phòng Kiểm soát TTHC, Trung tâm Phục vụ hành chính công tỉnh chủ trì."
    )
    assert tasks[8].coordinating == "- Ban Tiếp công dân và các phòng nghiên cứu phối hợp."
    assert tasks[1].lead == (
        "Phòng Kiểm soát TTHC, Trung tâm Phục vụ hành chính công tỉnh, "
        "Trung tâm Công báo - Tin học."
    )
    assert tasks[1].coordinating == ""


def test_purposes_and_organisation_are_not_tasks(prose_plan: PlanContent) -> None:
    assert [s.code for s in prose_plan.sections] == ["II"]
    texts = " ".join(t.content for t in prose_plan.tasks)
    assert "Mục đích" not in texts and "Lãnh đạo Văn phòng thường xuyên" not in texts


def test_every_word_of_section_two_is_kept(prose_plan: PlanContent, seed_002: Path) -> None:
    stored = " ".join(
        [prose_plan.sections[0].title]
        + [
            f"{t.number} {t.content} {t.output} {t.lead} {t.coordinating} {t.timeframe}"
            for t in prose_plan.tasks
        ]
    )
    kept = Counter(re.findall(r"[\w/%()-]+", stored))
    printed = Counter(section_two_words(seed_002))
    missing = printed - kept
    assert not missing, missing


def test_the_preview_says_the_plan_was_read_from_prose(prose_plan: PlanContent) -> None:
    assert prose_plan.read_from_prose
    assert prose_plan.warnings[0].message == PROSE_NOTICE
    assert prose_plan.plan.issuer == "UBND tỉnh Quảng Ngãi"
    # The title ends where the opening paragraph ("Thực hiện Thông báo …") begins.
    assert prose_plan.plan.title.startswith("Khắc phục các tiêu chí")
    assert prose_plan.plan.title.endswith(
        "về đẩy mạnh cải cách hành chính trên địa bàn tỉnh Quảng Ngãi"
    )


def test_a_table_plan_is_not_flagged_as_prose(fixtures_dir: Path) -> None:
    assert not read_plan(fixtures_dir / "city2023.docx").read_from_prose


def test_numbered_points_without_units_or_time_are_no_plan(tmp_path: Path) -> None:
    letter = write_docx(
        tmp_path / "thu.docx",
        [
            "I. MỤC ĐÍCH",
            "1. Nâng cao nhận thức.",
            "II. TỔ CHỨC THỰC HIỆN",
            "1. Các phòng triển khai.",
        ],
    )
    with pytest.raises(NotAPlan):
        read_plan(letter)
    assert read_prose_plan(["1. Một việc", "a) Nội dung thực hiện: x"], Path("x.docx")) is None


def test_labels_without_letters_and_an_inline_units_line_are_read() -> None:
    content = read_prose_plan(
        [
            "II. NHIỆM VỤ",
            "1. Rà soát TTHC",
            "Nội dung: rà soát các thủ tục.",
            "Đơn vị thực hiện: Văn phòng chủ trì; các phòng phối hợp.",
            "Thời gian: Quý II.",
        ],
        Path("kh.docx"),
    )
    assert content is not None
    (task,) = content.tasks
    assert (task.content, task.lead, task.coordinating, task.timeframe) == (
        "Rà soát TTHC\nrà soát các thủ tục.",
        "Văn phòng chủ trì",
        "các phòng phối hợp.",
        "Quý II",
    )


def test_a_report_with_numbered_headings_is_not_mistaken_for_a_prose_plan(tmp_path: Path) -> None:
    found = sorted(SEEDS.glob("001_*.txt"))
    if not found:
        pytest.skip("../shared/seeds is not beside the checkout")
    report = write_docx(tmp_path / "bao-cao.docx", seed_paragraphs(found[0]))
    with pytest.raises(NotAPlan):
        read_plan(report)
