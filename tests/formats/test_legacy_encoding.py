"""TCVN3 (ABC) and VNI text from old government files converts to Unicode (DOMAIN §8)."""

import json
import unicodedata

import pytest
from conftest import SEEDS, SHARED

from kscdesk.formats.legacy_encoding import (
    TCVN3,
    TCVN3_CAPITAL,
    VNI,
    decode_legacy,
    decode_legacy_run,
    encode_legacy,
    encoding_for_font,
    looks_like_legacy,
)
from kscdesk.paths import resource_path

LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
UPPER = LOWER.upper()
SENTENCE = (
    "Khắc phục các tiêu chí, tiêu chí thành phần xác định Chỉ số cải cách hành chính "
    "và Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước"
)


def test_the_bundled_tables_are_the_shared_ones() -> None:
    for name in ("tcvn3.json", "vni.json"):
        bundled = json.loads(resource_path("legacy", name).read_text(encoding="utf-8"))
        shared = SHARED / "legacy" / name
        if shared.is_file():
            assert bundled == json.loads(shared.read_text(encoding="utf-8"))


@pytest.mark.parametrize("letter", list(LOWER + UPPER))
def test_every_vietnamese_letter_round_trips_through_vni(letter: str) -> None:
    assert decode_legacy(encode_legacy(letter, VNI), VNI) == letter


@pytest.mark.parametrize("letter", list(LOWER))
def test_every_lower_case_letter_round_trips_through_tcvn3(letter: str) -> None:
    assert decode_legacy_run(encode_legacy(letter, TCVN3), ".VnTime") == (letter, TCVN3)


@pytest.mark.parametrize("letter", list(UPPER))
def test_every_capital_round_trips_through_a_tcvn3_capital_font(letter: str) -> None:
    assert decode_legacy_run(encode_legacy(letter, TCVN3_CAPITAL), ".VnTimeH") == (letter, TCVN3)


def test_tcvn3_has_its_own_codes_for_seven_capitals() -> None:
    assert encode_legacy("ĂÂÊÔƠƯĐ", TCVN3) == "¡¢£¤¥¦§"
    assert decode_legacy("¡¢£¤¥¦§", TCVN3) == "ĂÂÊÔƠƯĐ"


def test_a_toned_capital_cannot_be_written_in_a_regular_tcvn3_font() -> None:
    with pytest.raises(ValueError, match="capital font"):
        encode_legacy("Ủy ban", TCVN3)


def test_the_docs_example_decodes() -> None:
    assert decode_legacy_run("Kh¾c phôc", ".VnTime") == ("Khắc phục", TCVN3)


def test_tcvn3_u_horn_is_the_soft_hyphen() -> None:
    assert decode_legacy_run("Ng\u00adêi d©n", ".VnArial") == ("Người dân", TCVN3)


def test_a_capital_font_run_comes_out_in_capitals() -> None:
    assert decode_legacy_run("ñy ban nh©n d©n", ".VnTimeH") == ("ỦY BAN NHÂN DÂN", TCVN3)


def test_vni_decodes_base_plus_one_or_two_marks() -> None:
    assert decode_legacy_run("Khaéc phuïc", "VNI-Times") == ("Khắc phục", VNI)
    assert decode_legacy("ngöôøi", VNI) == "người"  # ư, then ơ carrying the tone


def test_vni_accepts_a_mark_typed_in_the_other_case() -> None:
    assert decode_legacy("AÙ aÙ", VNI) == "Á á"


def test_other_fonts_leave_the_text_alone() -> None:
    assert decode_legacy_run("Kh¾c phôc", "Times New Roman") == ("Kh¾c phôc", None)
    assert decode_legacy_run("Kh¾c phôc", None) == ("Kh¾c phôc", None)


@pytest.mark.parametrize(
    ("font", "encoding"),
    [
        (".VnTime", TCVN3),
        (".VnArial", TCVN3),
        (".vntime", TCVN3),
        (".VnTimeH", TCVN3_CAPITAL),
        (".VnArial NarrowH", TCVN3_CAPITAL),
        ("VNI-Times", VNI),
        ("VNI-Helve", VNI),
        ("Arial", None),
        ("", None),
    ],
)
def test_the_font_name_decides_the_encoding(font: str, encoding: str | None) -> None:
    assert encoding_for_font(font) == encoding


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_a_real_sentence_from_the_seeds_round_trips(encoding: str) -> None:
    seed = next(SEEDS.glob("002_*.txt"), None)
    if seed is None:
        pytest.skip("../shared/seeds is not beside the checkout")
    text = unicodedata.normalize("NFC", seed.read_text(encoding="utf-8"))
    sentence = next(line.strip() for line in text.splitlines() if "Khắc phục" in line)
    font = ".VnTime" if encoding == TCVN3 else "VNI-Times"
    legacy = encode_legacy(sentence, encoding)
    assert legacy != sentence
    assert decode_legacy_run(legacy, font) == (sentence, encoding)


def test_output_is_nfc() -> None:
    decoded, _ = decode_legacy_run("Kh¾c phôc", ".VnTime")
    assert unicodedata.is_normalized("NFC", decoded)


@pytest.mark.parametrize("encoding", [TCVN3, VNI])
def test_legacy_text_is_suspected_from_its_characters(encoding: str) -> None:
    assert looks_like_legacy(encode_legacy(SENTENCE.lower(), encoding)) == encoding


@pytest.mark.parametrize(
    "text", [SENTENCE, "Kế hoạch năm 2025", "Báo cáo", "STT", "Quý I, II/2024", ""]
)
def test_unicode_and_plain_text_are_not_suspected(text: str) -> None:
    assert looks_like_legacy(text) is None


def test_an_unknown_encoding_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown"):
        decode_legacy("x", "koi8")
