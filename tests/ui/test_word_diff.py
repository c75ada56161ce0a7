"""Word-by-word marking of what changed between two texts (plan-update comparison)."""

from kscdesk.ui.word_diff import (
    INSERTED_STYLE,
    ONLY_LEFT_STYLE,
    REMOVED_STYLE,
    inline_html,
    side_by_side_html,
    word_changes,
)


def test_one_changed_word_is_one_change_not_letters() -> None:
    assert word_changes("Quý I", "Quý II") == [
        ("same", "Quý "),
        ("removed", "I"),
        ("inserted", "II"),
    ]


def test_side_by_side_marks_only_the_words_each_side_has_alone() -> None:
    left, right = side_by_side_html("Phòng Tư pháp chủ trì", "Văn phòng chủ trì")
    assert f'<span style="{ONLY_LEFT_STYLE}">Phòng Tư pháp</span> chủ trì' == left
    assert f'<span style="{INSERTED_STYLE}">Văn phòng</span> chủ trì' == right


def test_the_inline_text_strikes_removed_and_marks_inserted_words() -> None:
    markup = inline_html("Quý I", "Quý II")
    assert markup == (
        f'Quý <span style="{REMOVED_STYLE}">I</span><span style="{INSERTED_STYLE}">II</span>'
    )


def test_text_is_escaped_and_keeps_its_line_breaks() -> None:
    left, right = side_by_side_html("a <b> & c", "a <b> & d\ne")
    assert "&lt;b&gt; &amp;" in left and "<b>" not in left
    assert right.endswith(f'<span style="{INSERTED_STYLE}">d<br>e</span>')


def test_a_whole_task_added_or_removed_is_not_marked() -> None:
    assert side_by_side_html("", "Nhiệm vụ mới") == ("", "Nhiệm vụ mới")
    assert inline_html("", "Nhiệm vụ <mới>") == "Nhiệm vụ &lt;mới&gt;"


def test_a_late_change_in_a_long_text_starts_a_few_words_before_it() -> None:
    old = "một hai ba bốn năm sáu bảy tám chín mười."
    markup = inline_html(old, old + " Hoàn thành trước ngày 31/3/2023.")
    assert markup.startswith("… năm sáu bảy tám chín mười. <span")
    assert "Hoàn thành trước ngày 31/3/2023.</span>" in markup
