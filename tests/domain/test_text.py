import unicodedata

import pytest

from kscdesk.domain.text import clean_text, matches, nfc, search_key, sort_key


def test_nfc_composes_text_decomposed_by_word_processors() -> None:
    decomposed = unicodedata.normalize("NFD", "Kiểm soát thủ tục")
    assert decomposed != "Kiểm soát thủ tục"
    assert nfc(decomposed) == "Kiểm soát thủ tục"


def test_clean_text_folds_white_space_and_trims() -> None:
    assert clean_text("  Thường\nxuyên \t ") == "Thường xuyên"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Kiểm soát", "kiem soat"),
        ("Đột xuất", "dot xuat"),
        ("Đợt xuất", "dot xuat"),
        ("đơn vị", "don vi"),
        ("QUÝ IV", "quy iv"),
        ("Ưu tiên  ở\nđây", "uu tien o day"),
        (unicodedata.normalize("NFD", "Hằng quý"), "hang quy"),
    ],
)
def test_search_key_drops_tones_marks_and_case_and_reads_d_bar_as_d(text: str, key: str) -> None:
    assert search_key(text) == key


def test_matches_ignores_tones_and_case() -> None:
    assert matches("kiem soat", "Kế hoạch hoạt động kiểm soát thủ tục hành chính")
    assert matches("DON VI", "Cơ quan, đơn vị thực hiện")
    assert matches("", "anything")


def test_matches_needs_every_word() -> None:
    assert not matches("kiem tra", "kiểm soát")


def test_sort_key_follows_the_vietnamese_alphabet() -> None:
    words = ["đ", "e", "b", "â", "ê", "d", "ă", "a", "c", "g"]
    assert sorted(words, key=sort_key) == ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g"]


def test_sort_key_puts_d_bar_after_every_d_word() -> None:
    words = ["Đức Phổ", "Dũng", "Duy", "Đà Nẵng", "Dân"]
    assert sorted(words, key=sort_key) == ["Dân", "Dũng", "Duy", "Đà Nẵng", "Đức Phổ"]


def test_sort_key_lets_tones_decide_only_ties() -> None:
    # Dictionary tone order: none, huyền, hỏi, ngã, sắc, nặng.
    words = ["má", "mạ", "mà", "ma", "mã", "mả"]
    assert sorted(words, key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sort_key("mà") < sort_key("mac")


def test_sort_key_is_the_same_for_composed_and_decomposed_text() -> None:
    assert sort_key("Phường Đức Phổ") == sort_key(unicodedata.normalize("NFD", "Phường Đức Phổ"))
