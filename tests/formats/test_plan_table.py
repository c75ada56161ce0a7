"""The layout-agnostic plan parser, on grids built by hand (issue 3)."""

from pathlib import Path

import pytest
from helpers.docx_builders import LEFT, UP

from kscdesk.domain.model import Level
from kscdesk.domain.work import Cancelled, CancelToken
from kscdesk.formats.errors import EmptyPlanTable, NotAPlan
from kscdesk.formats.grid import Cell, Grid
from kscdesk.formats.plan_columns import Role, column_role
from kscdesk.formats.plan_table import parse_plan, split_units, tidy_cell_text

SOURCE = Path("kehoach.docx")
HEADER = [
    "STT",
    "Nội dung công việc",
    "Kết quả công việc",
    "Cơ quan, đơn vị thực hiện",
    "Thời gian thực hiện",
]
PREAMBLE = [
    "ỦY BAN NHÂN DÂN",
    "HUYỆN TƯ NGHĨA",
    "KẾ HOẠCH",
    "Kiểm soát thủ tục hành chính năm 2024",
]


def grid(rows: list[list[str]], index: int = 1, repeat: set[int] | None = None) -> Grid:
    cells = [
        [
            Cell(merged_left=True) if t == LEFT else Cell(merged_up=True) if t == UP else Cell(t)
            for t in row
        ]
        for row in rows
    ]
    flags = [i in (repeat or set()) for i in range(len(rows))]
    return Grid(cells, source=SOURCE.name, table_index=index, is_repeat_header=flags)


def task_row(number: str, content: str, units: str = "Văn phòng chủ trì.") -> list[str]:
    return [number, content, "Báo cáo.", units, "Quý I"]


def test_a_wrapped_line_inside_a_sentence_is_joined_with_one_space() -> None:
    assert tidy_cell_text("Xây dựng, ban hành các văn bản về\nkiểm soát TTHC.") == (
        "Xây dựng, ban hành các văn bản về kiểm soát TTHC."
    )


def test_bullet_items_and_finished_sentences_stay_on_their_own_lines() -> None:
    text = "- Văn bản triển khai\n- Báo cáo.\nKết quả đăng tải.\n+ Một cửa\na) Quý I"
    assert tidy_cell_text(text) == text


def test_cell_text_is_nfc_with_spaces_folded() -> None:
    decomposed = "Quy\u0301  I\u00a0 "
    assert tidy_cell_text(decomposed) == "Quý I"


def test_a_line_saying_phoi_hop_is_coordinating_and_the_rest_is_lead() -> None:
    units = "- Văn phòng chủ trì.\n- Phòng Tư pháp.\n- UBND các xã phối hợp."
    assert split_units(units) == (
        "- Văn phòng chủ trì.\n- Phòng Tư pháp.",
        "- UBND các xã phối hợp.",
    )


def test_chu_tri_phoi_hop_on_one_line_is_lead() -> None:
    units = "- Phòng Tư pháp chủ trì, phối hợp với Văn phòng."
    assert split_units(units) == (units, "")


def test_units_naming_no_coordinator_are_all_lead() -> None:
    assert split_units("- Văn phòng.\n- UBND các xã") == ("- Văn phòng.\n- UBND các xã", "")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Sản phẩm", Role.OUTPUT),
        ("Hình thức văn bản", Role.OUTPUT),
        ("Kết quả dự kiến", Role.OUTPUT),
        ("Thời hạn", Role.TIMEFRAME),
        ("Thời gian\nhoàn thành", Role.TIMEFRAME),
        ("Đơn vị chủ trì", Role.LEAD),
        ("Đơn vị phối hợp", Role.COORDINATING),
        ("Cơ quan chủ trì, phối hợp", Role.UNITS),
        ("Cơ quan, đơn vị thực hiện", Role.UNITS),
        ("Nhiệm vụ", Role.CONTENT),
        ("TT", Role.NUMBER),
        ("Chỉ tiêu năm 2025", Role.TARGET),
        ("Đơn vị", Role.MEASURE),
        ("Họ và tên", None),
    ],
)
def test_header_synonyms_map_to_their_column(text: str, role: Role | None) -> None:
    assert column_role(text) == role


def test_a_plain_plan_table_gives_sections_and_tasks() -> None:
    rows = [
        HEADER,
        ["I", "Ban hành văn bản", LEFT, LEFT, LEFT],
        task_row("1", "Xây dựng kế hoạch."),
    ]
    content = parse_plan([grid(rows)], PREAMBLE, SOURCE)
    assert [(s.code, s.title) for s in content.sections] == [("I", "Ban hành văn bản")]
    task = content.tasks[0]
    assert (task.section_code, task.number, task.content, task.lead) == (
        "I",
        "1",
        "Xây dựng kế hoạch.",
        "Văn phòng chủ trì.",
    )
    assert content.plan.issuer == "UBND huyện Tư Nghĩa"
    assert content.plan.level is Level.DISTRICT
    assert content.plan.year == 2024
    assert content.plan.columns == tuple(HEADER)


def test_letter_sections_hold_roman_subsections() -> None:
    rows = [
        HEADER,
        ["C", "Thực hiện TTHC", LEFT, LEFT, LEFT],
        ["I", "Công bố, công khai TTHC", LEFT, LEFT, LEFT],
        task_row("1", "Niêm yết."),
        ["Đ", "Tập huấn", "", "", ""],
        task_row("2", "Tham gia tập huấn."),
    ]
    content = parse_plan([grid(rows)], PREAMBLE, SOURCE)
    assert [(s.code, s.parent_code) for s in content.sections] == [
        ("C", None),
        ("I", "C"),
        ("Đ", None),
    ]
    assert [t.section_code for t in content.tasks] == ["I", "Đ"]


def test_a_section_title_merged_across_the_whole_row_is_split_from_its_code() -> None:
    rows = [
        HEADER,
        ["II. Kiểm soát việc ban hành quy định TTHC", LEFT, LEFT, LEFT, LEFT],
        task_row("1", "Góp ý."),
    ]
    content = parse_plan([grid(rows)], PREAMBLE, SOURCE)
    assert [(s.code, s.title) for s in content.sections] == [
        ("II", "Kiểm soát việc ban hành quy định TTHC")
    ]


def test_sub_items_inside_a_vertically_merged_task_take_the_task_number_and_content() -> None:
    rows = [
        HEADER,
        [
            "1",
            "Xây dựng văn bản.",
            "a) Quyết định ban hành kế hoạch.",
            "Văn phòng chủ trì.",
            "Quý I",
        ],
        [UP, UP, "b) Văn bản kiện toàn đầu mối.", "Văn phòng chủ trì.", "Quý IV"],
    ]
    tasks = parse_plan([grid(rows)], PREAMBLE, SOURCE).tasks
    assert [(t.number, t.sub, t.content, t.output) for t in tasks] == [
        ("1", "a", "Xây dựng văn bản.", "Quyết định ban hành kế hoạch."),
        ("1", "b", "Xây dựng văn bản.", "Văn bản kiện toàn đầu mối."),
    ]


def test_sub_items_with_texts_of_their_own_keep_the_row_that_introduces_them() -> None:
    # The numbered row's text is kept as a task of its own: an import never drops document text.
    rows = [
        HEADER,
        ["1", "Xây dựng văn bản:", "", "", ""],
        ["a)", "Kế hoạch rà soát.", "Kế hoạch.", "Văn phòng", "Quý I"],
        ["b", "Kế hoạch truyền thông.", "Kế hoạch.", "Văn phòng", "Quý II"],
    ]
    tasks = parse_plan([grid(rows)], PREAMBLE, SOURCE).tasks
    assert [(t.number, t.sub, t.content, t.timeframe) for t in tasks] == [
        ("1", None, "Xây dựng văn bản:", ""),
        ("1", "a", "Kế hoạch rà soát.", "Quý I"),
        ("1", "b", "Kế hoạch truyền thông.", "Quý II"),
    ]


def test_sub_items_without_texts_of_their_own_replace_the_row_that_introduces_them() -> None:
    rows = [
        HEADER,
        ["1", "Xây dựng văn bản.", "", "", ""],
        ["a)", "", "Kế hoạch rà soát.", "Văn phòng", "Quý I"],
        ["b)", "", "Kế hoạch truyền thông.", "Văn phòng", "Quý II"],
    ]
    tasks = parse_plan([grid(rows)], PREAMBLE, SOURCE).tasks
    assert [(t.number, t.sub, t.content, t.output) for t in tasks] == [
        ("1", "a", "Xây dựng văn bản.", "Kế hoạch rà soát."),
        ("1", "b", "Xây dựng văn bản.", "Kế hoạch truyền thông."),
    ]


def test_a_row_with_an_empty_number_continues_the_task_above() -> None:
    rows = [
        HEADER,
        [
            "1",
            "Triển khai tích hợp, cung cấp thêm dịch vụ",
            "- Văn bản.\n- Danh mục dịch vụ công trực",
            "Văn phòng",
            "Theo lộ",
        ],
        ["", "công trực tuyến toàn trình.", "tuyến.", "", "trình"],
    ]
    task = parse_plan([grid(rows)], PREAMBLE, SOURCE).tasks[0]
    assert task.content == "Triển khai tích hợp, cung cấp thêm dịch vụ công trực tuyến toàn trình."
    assert task.output == "- Văn bản.\n- Danh mục dịch vụ công trực tuyến."
    assert task.timeframe == "Theo lộ trình"


def test_header_rows_repeated_mid_table_and_column_numbers_are_skipped() -> None:
    rows = [
        HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        task_row("1", "Việc một."),
        HEADER,
        task_row("2", "Việc hai."),
        ["1", "2", "3", "4", "5"],
        list(HEADER),
        task_row("3", "Việc ba."),
    ]
    content = parse_plan([grid(rows, repeat={6})], PREAMBLE, SOURCE)
    assert [t.content for t in content.tasks] == ["Việc một.", "Việc hai.", "Việc ba."]
    assert content.warnings == []


def test_numbering_may_restart_in_each_section_without_a_warning() -> None:
    rows = [
        HEADER,
        ["I", "Một", "", "", ""],
        task_row("1", "a."),
        ["II", "Hai", "", "", ""],
        task_row("1", "b."),
    ]
    assert parse_plan([grid(rows)], PREAMBLE, SOURCE).warnings == []


def test_a_number_out_of_sequence_is_a_warning_with_its_row() -> None:
    rows = [HEADER, task_row("1", "a."), task_row("3", "b.")]
    warnings = parse_plan([grid(rows, index=2)], PREAMBLE, SOURCE).warnings
    assert [(w.table, w.row, w.task_position) for w in warnings] == [(2, 3, 2)]
    assert "3" in warnings[0].message


def test_a_task_without_content_is_a_warning() -> None:
    rows = [HEADER, task_row("1", "")]
    content = parse_plan([grid(rows)], PREAMBLE, SOURCE)
    assert [(w.row, w.task_position) for w in content.warnings] == [(2, 1)]


def test_a_row_before_any_task_that_fits_nowhere_is_a_warning() -> None:
    rows = [HEADER, ["", "Ghi chú chung về kế hoạch", "", "", ""], task_row("1", "a.")]
    warnings = parse_plan([grid(rows)], PREAMBLE, SOURCE).warnings
    assert [(w.row, w.message) for w in warnings] == [
        (2, "Không xác định được dòng này thuộc nhiệm vụ nào.")
    ]


def test_two_row_header_splits_lead_and_coordinating_columns() -> None:
    rows = [
        ["STT", "Nội dung", "Phân công thực hiện", LEFT, "Thời hạn"],
        [UP, UP, "Cơ quan chủ trì", "Cơ quan phối hợp", UP],
        ["1", "Rà soát TTHC.", "Văn phòng", "Các phòng, ban", "Quý II"],
    ]
    content = parse_plan([grid(rows)], PREAMBLE, SOURCE)
    task = content.tasks[0]
    assert (task.lead, task.coordinating, task.timeframe) == (
        "Văn phòng",
        "Các phòng, ban",
        "Quý II",
    )
    assert content.plan.columns == (
        "STT",
        "Nội dung",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời hạn",
    )


def test_the_plan_table_need_not_be_the_first_and_the_appendix_gives_indicators() -> None:
    letterhead = grid(
        [["ỦY BAN NHÂN DÂN\nXÃ NGHĨA KỲ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]], index=1
    )
    plan = grid([HEADER, task_row("1", "a.")], index=2)
    appendix = grid(
        [
            ["Stt", "Nội dung chỉ tiêu", "Đơn vị", "Chỉ tiêu năm 2025", "Cơ quan thực hiện"],
            [
                "1",
                "Tỷ lệ hồ sơ trực tuyến.",
                "%",
                "Tối thiểu 80",
                "Văn phòng chủ trì;\nCác ngành phối hợp",
            ],
        ],
        index=3,
    )
    content = parse_plan([letterhead, plan, appendix], PREAMBLE, SOURCE)
    assert len(content.tasks) == 1
    indicator = content.indicators[0]
    assert (indicator.number, indicator.unit, indicator.target_text) == ("1", "%", "Tối thiểu 80")
    assert (indicator.lead, indicator.coordinating) == ("Văn phòng chủ trì;", "Các ngành phối hợp")


def test_no_plan_table_is_not_a_plan() -> None:
    people = grid([["STT", "Họ và tên", "Chức vụ"], ["1", "Nguyễn Văn A", "Công chức"]])
    with pytest.raises(NotAPlan, match=r"kehoach\.docx"):
        parse_plan([people], [], SOURCE)


def test_a_plan_table_without_tasks_is_empty() -> None:
    with pytest.raises(EmptyPlanTable, match=r"kehoach\.docx"):
        parse_plan([grid([HEADER, ["I", "Mục", "", "", ""]])], PREAMBLE, SOURCE)


def test_progress_is_reported_and_cancel_is_honoured() -> None:
    rows = [HEADER] + [task_row(str(n), f"Việc {n}.") for n in range(1, 61)]
    calls: list[tuple[int, int, str]] = []
    parse_plan([grid(rows)], PREAMBLE, SOURCE, progress=lambda *a: calls.append(a))
    assert len(calls) >= 3
    assert all(total == 61 for _, total, _ in calls)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        parse_plan([grid(rows)], PREAMBLE, SOURCE, cancel=token)


def test_a_document_symbol_broken_at_its_hyphen_is_joined_without_a_space() -> None:
    assert tidy_cell_text("Quyết định số 35/QĐ-\nUBND ngày 14/02/2025") == (
        "Quyết định số 35/QĐ-UBND ngày 14/02/2025"
    )
    assert tidy_cell_text("- Văn phòng – Thống kê;\n- Các ngành") == (
        "- Văn phòng – Thống kê;\n- Các ngành"
    )


@pytest.mark.parametrize(
    ("cell", "lead", "coordinating"),
    [
        (
            "Văn phòng – Thống kê chủ trì; các ban, ngành liên quan phối hợp.",
            "Văn phòng – Thống kê chủ trì",
            "các ban, ngành liên quan phối hợp.",
        ),
        (
            "Văn phòng UBND (chủ trì), các phòng, ban (phối hợp)",
            "Văn phòng UBND (chủ trì)",
            "các phòng, ban (phối hợp)",
        ),
        (
            "Văn phòng chủ trì, phối hợp với các phòng",
            "Văn phòng chủ trì, phối hợp với các phòng",
            "",
        ),
    ],
)
def test_one_line_naming_lead_and_coordinators_is_split_after_chu_tri(
    cell: str, lead: str, coordinating: str
) -> None:
    assert split_units(cell) == (lead, coordinating)
