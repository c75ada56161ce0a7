"""What the fuzz corpus found once the PDF, .xls, .odt, .ods and .kscx kinds joined it
(issue 12), one regression test each: every one a clean refusal naming the file, in bounded time
and memory."""

import os
import re
import zipfile
from pathlib import Path

import pytest
from helpers.packages import make_package, resign

from kscdesk.formats.errors import OversizedFile, PlanTooLarge
from kscdesk.formats.odf_plan_reader import TableTooLarge, read_ods_document
from kscdesk.formats.package.errors import BadPackage
from kscdesk.formats.package.reader import read_package
from kscdesk.formats.package.signing import generate_key
from kscdesk.formats.plan_reader import read_plan

KEY = generate_key()


def _ods_with(fixtures_dir: Path, out: Path, change: object) -> Path:
    with zipfile.ZipFile(fixtures_dir / "city2023.ods") as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "content.xml":
                data = change(data.decode()).encode()  # type: ignore[operator]
            new.writestr(info, data)
    return out


def _task_cell(text: str, attribute: str) -> str:
    """``attribute`` added to the first "Thường xuyên" cell of the plan table."""
    return re.sub(
        r"<table:table-cell ([^>]*><text:p>Thường xuyên<)",
        f"<table:table-cell {attribute} \\1",
        text,
        count=1,
    )


def test_an_ods_text_cell_repeated_a_million_columns_is_refused_naming_the_column_limit(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    # Found as ods/huge-repeats: 1,000 expanded columns per row made a grid read for minutes.
    wide = _ods_with(
        fixtures_dir,
        tmp_path / "rộng.ods",
        lambda t: _task_cell(t, 'table:number-columns-repeated="1048577"'),
    )
    with pytest.raises(PlanTooLarge) as caught:
        read_plan(wide)
    assert "“rộng.ods”" in str(caught.value) and "64 cột" in str(caught.value)


def test_a_thousand_rows_of_a_thousand_repeated_text_cells_are_refused_before_expanding(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    square = _ods_with(
        fixtures_dir,
        tmp_path / "vuông.ods",
        lambda t: re.sub(
            r"<table:table-row ((?:(?!<table:table-row ).)*?<text:p>Thường xuyên<)",
            '<table:table-row table:number-rows-repeated="1000" \\1',
            _task_cell(t, 'table:number-columns-repeated="1000"'),
            count=1,
            flags=re.S,
        ),
    )
    with pytest.raises(TableTooLarge, match=r"vuông\.ods"):
        read_ods_document(square)


def test_an_ods_value_a_million_rows_below_the_table_adds_one_row_not_a_million(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    far = _ods_with(
        fixtures_dir,
        tmp_path / "xa.ods",
        lambda t: t.replace(
            "</table:table>",
            '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/>'
            '</table:table-row><table:table-row><table:table-cell office:value-type="string">'
            "<text:p>lạc</text:p></table:table-cell></table:table-row></table:table>",
            1,
        ),
    )
    document = read_ods_document(far)
    assert max(len(grid.rows) for grid in document.grids) < 200


def test_a_signed_package_whose_data_holds_a_five_thousand_digit_number_is_refused(
    tmp_path: Path,
) -> None:
    # Found as kscx/data-json: int() refuses over 4,300 digits with a ValueError, which the
    # reader let through to the last-resort handler.
    good = tmp_path / "good.kscx"
    make_package(good, KEY)

    def change(name: str, data: bytes) -> bytes:
        return b'{"schema": 1, "n": ' + b"9" * 5000 + b"}" if name == "data.json" else data

    bad = resign(good, tmp_path / "số-lớn.kscx", KEY, change)
    with pytest.raises(BadPackage, match=r"“số-lớn\.kscx”.*không phải JSON hợp lệ"):
        read_package(bad)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_given_as_a_package_is_refused_without_opening_it(tmp_path: Path) -> None:
    pipe = tmp_path / "ống.kscx"
    os.mkfifo(pipe)
    with pytest.raises(BadPackage, match=r"“ống\.kscx”.*không phải là một tệp bình thường"):
        read_package(pipe)


@pytest.mark.parametrize("kind", ["stream", "form", "form-in-form", "self-form", "text"])
def test_a_small_pdf_that_draws_megabytes_is_refused_before_pdfminer_draws_it(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found as pdf/drawing-bomb: 30 KB files that took 31-40 s and up to 1.3 GB to interpret,
    # and a page of 100,000 characters (9 s, 700 MB).
    from fuzz.binary_cases import drawing_bomb_pdf

    from kscdesk.formats import pdf_plan_reader

    def never(*args: object) -> object:
        raise AssertionError("the page was drawn")

    monkeypatch.setattr(pdf_plan_reader, "_read_page", never)
    bomb = tmp_path / "vẽ.pdf"
    bomb.write_bytes(drawing_bomb_pdf(kind))
    with pytest.raises(OversizedFile) as caught:
        read_plan(bomb)
    assert "“vẽ.pdf”" in str(caught.value) and "quá nhiều chữ và hình vẽ" in str(caught.value)


def _plan_json(tasks: int, content: str = "Rà soát TTHC") -> dict[str, object]:
    return {
        "schema": "kscdesk.plan/1",
        "issuer": "UBND huyện Sơn Tịnh",
        "level": "district",
        "year": 2025,
        "title": "Kế hoạch",
        "sections": [{"code": "I", "title": "Chỉ đạo"}],
        "tasks": [{"section": "I", "number": str(n), "content": content} for n in range(tasks)],
        "indicators": [],
    }


def test_a_plan_in_json_with_more_tasks_than_a_plan_table_may_hold_is_refused_naming_the_limit(
    tmp_path: Path,
) -> None:
    # Found as kscx/many-records: a signed plan of 30,000 tasks was stored as it came.
    import json

    from kscdesk.formats.errors import UnreadablePlanFile
    from kscdesk.formats.package.plan_data import InvalidPlanData, plan_from_package_json

    data = _plan_json(10_001)
    path = tmp_path / "nhiều.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(UnreadablePlanFile, match=r"“nhiều\.json”.*hơn 10\.000 mục"):
        read_plan(path)
    with pytest.raises(InvalidPlanData, match=r"10\.000"):
        plan_from_package_json(data, path)
    assert len(plan_from_package_json(_plan_json(10_000), path).tasks) == 10_000


def test_a_plan_in_json_with_a_task_of_over_100_000_characters_is_refused(tmp_path: Path) -> None:
    from kscdesk.formats.package.plan_data import InvalidPlanData, plan_from_package_json

    with pytest.raises(InvalidPlanData, match=r"100\.000 ký tự"):
        plan_from_package_json(_plan_json(1, "x" * 100_001), tmp_path / "dài.json")


_UNDER_CEILING = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))
from kscdesk.formats.errors import PlanFileError
from kscdesk.formats.plan_reader import read_plan
try:
    read_plan(Path(sys.argv[1]))
except PlanFileError as error:
    print(error)
"""


@pytest.mark.skipif(os.name != "posix", reason="the memory ceiling needs resource.setrlimit")
def test_an_xls_merge_of_the_whole_sheet_is_refused_without_padding_every_row(
    fixtures_dir: Path, tmp_path: Path
) -> None:
    # Found as xls/biff-records: xlrd padded every row to the merge's 65,535 columns (24 GB
    # without a ceiling). Run under a 1 GB ceiling so that a regression fails, not the machine.
    import struct
    import subprocess
    import sys

    data = bytearray((fixtures_dir / "city2023.xls").read_bytes())
    found = [m.start() for m in re.finditer(rb"\xe5\x00(..)", data, re.S)]
    at = next(a for a in found if struct.unpack_from("<H", data, a + 2)[0] >= 10)
    struct.pack_into("<HHHH", data, at + 6, 0, 0xFFFF, 0, 0xFFFF)
    wide = tmp_path / "gộp.xls"
    wide.write_bytes(bytes(data))
    run = subprocess.run(
        [sys.executable, "-c", _UNDER_CEILING, str(wide)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "“gộp.xls”" in run.stdout and "quá nhiều ô" in run.stdout


_SIGNATURES_UNDER_CEILING = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))
from kscdesk.formats.pdf_signature import read_signatures
print([s.changed_after for s in read_signatures(Path(sys.argv[1]))])
"""


@pytest.mark.skipif(os.name != "posix", reason="the memory ceiling needs resource.setrlimit")
def test_a_pdf_signature_whose_byte_range_claims_1_9_gb_is_read_within_the_file(
    tmp_path: Path,
) -> None:
    # Found as pdf/fake-signature: the range's lengths were read as given, allocating what they
    # claim (a MemoryError under the fuzz ceiling, and the signature notice lost).
    import subprocess
    import sys

    from helpers.pdf_builders import sign_pdf, text_pdf

    signed = sign_pdf(
        text_pdf(tmp_path / "a.pdf", ["Ke hoach"]), tmp_path / "b.pdf", "A", "D:20240101"
    )
    data = signed.read_bytes()
    ranges = re.search(rb"/ByteRange \[0 (\d{10}) (\d{10}) (\d{10})\]", data)
    assert ranges is not None
    claimed = b"/ByteRange [0 1900000000 %s 1900000000]" % ranges.group(2)
    (tmp_path / "lớn.pdf").write_bytes(data.replace(ranges.group(0), claimed))
    run = subprocess.run(
        [sys.executable, "-c", _SIGNATURES_UNDER_CEILING, str(tmp_path / "lớn.pdf")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[True]"  # read, and the file is not what was signed


def test_the_items_of_an_odt_list_are_numbered_in_one_pass_over_the_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Found as odt/long-list: each item's number was counted from the list's start, 26 s for a
    # list of 10,000 items in one cell. Counted here: values read, not seconds.
    from lxml import etree

    from kscdesk.formats import odf_lists

    ns = (
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
    )
    items = "<text:list-item><text:p>việc</text:p></text:list-item>" * 2_000
    root = etree.fromstring(
        f'<root {ns}><text:list-style style:name="L"><text:list-level-style-number '
        'text:level="1" style:num-format="I" style:num-suffix="." text:start-value="99999999999"/>'
        f'</text:list-style><text:list text:style-name="L">{items}</text:list></root>'
    )
    reads = 0
    real = odf_lists._number

    def counted(value: str | None, default: int) -> int:
        nonlocal reads
        reads += 1
        return real(value, default)

    monkeypatch.setattr(odf_lists, "_number", counted)
    lists = odf_lists.OdfLists([root])
    labels = [lists.label(p) for p in root.iter(f"{odf_lists.TEXT}p")]
    assert labels[:3] == ["I. ", "II. ", "III. "] and labels[-1] == "MM. "
    assert reads <= 2_000 + 10
