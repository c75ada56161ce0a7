"""The fuzz corpus: a registry of file kinds, each with base files and seeded mutations.

A kind registers its suffix, how to build its base files, its mutations (each with how many cases
to draw), the command that imports a file and the data folder it runs against (``setup``: a
fresh one for plans, a commune whose parent publishes the plan packages for .kscx). Registered:
.docx, .xlsx, .json, PDF, .xls, .odt and .ods plans and exchange packages (zip-based kinds reuse
``ZIP_MUTATIONS`` as they are). The same seed always gives the same files.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from helpers import docx_builders

from fuzz import binary_cases, docx_cases, json_cases, kscx_cases, odf_cases, xlsx_cases
from fuzz.zip_mutations import ZIP_MUTATIONS, normalized

Mutation = Callable[[random.Random, bytes], bytes]
SEED = 20261129
ZIP_CASES_EACH = 10
NEW_ZIP_CASES_EACH = 3  # the kinds that joined later draw fewer: the run stays within budget
FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"


def plan_import(path: Path) -> list[str]:
    return ["plan", "import", str(path), "--json"]


@dataclass(frozen=True)
class FuzzKind:
    suffix: str
    bases: Callable[[Path], list[bytes]]
    mutations: dict[str, tuple[Mutation, int]]
    command: Callable[[Path], list[str]] = plan_import
    setup: str = "plan"  # the data folder the worker runs these cases against


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    argv: list[str]
    setup: str = "plan"


KINDS: dict[str, FuzzKind] = {}


def register(name: str, kind: FuzzKind) -> None:
    KINDS[name] = kind


def build_corpus(
    folder: Path, seed: int = SEED, kinds: dict[str, FuzzKind] | None = None
) -> list[Case]:
    """Write every case file into ``folder``; the list is in a fixed order."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for kind_name, kind in (kinds or KINDS).items():
        bases = [normalized(b) for b in kind.bases(folder)]
        if not bases:  # its fixtures are not beside the checkout
            continue
        for mutation_name, (mutate, count) in kind.mutations.items():
            for index in range(count):
                rng = random.Random(f"{seed}/{kind_name}/{mutation_name}/{index}")
                data = mutate(rng, rng.choice(bases))
                path = folder / f"{kind_name}-{mutation_name}-{index}{kind.suffix}"
                path.write_bytes(data)
                name = f"{kind_name}/{mutation_name}/{index}"
                cases.append(Case(name, path, kind.command(path), kind.setup))
    return cases


def fixture_bytes(name: str) -> list[bytes]:
    path = FIXTURES / name
    return [path.read_bytes()] if path.is_file() else []


def docx_bases(folder: Path) -> list[bytes]:
    ward = docx_builders.write_docx(
        folder / "docx-base-ward.docx", docx_builders.ward_plan_blocks()
    )
    two_rows = docx_builders.write_docx(
        folder / "docx-base-two-row-header.docx", docx_builders.two_row_header_blocks()
    )
    return [
        docx_cases.docx_bytes(),
        ward.read_bytes(),
        two_rows.read_bytes(),
        *fixture_bytes("city2023.docx"),
    ]


def xlsx_bases(folder: Path) -> list[bytes]:
    return [*xlsx_cases.bases(folder), *fixture_bytes("city2023.xlsx")]


def _zip_cases(each: int = ZIP_CASES_EACH) -> dict[str, tuple[Mutation, int]]:
    return {f"zip-{name}": (mutate, each) for name, mutate in ZIP_MUTATIONS.items()}


def _fixtures(suffix: str) -> Callable[[Path], list[bytes]]:
    return lambda folder: fixture_bytes(f"city2023{suffix}")


register("docx", FuzzKind(".docx", docx_bases, {**_zip_cases(), **docx_cases.XML_CASES}))
register("xlsx", FuzzKind(".xlsx", xlsx_bases, {**_zip_cases(), **xlsx_cases.XML_CASES}))
register("json", FuzzKind(".json", json_cases.bases, json_cases.CASES))
register("pdf", FuzzKind(".pdf", binary_cases.pdf_bases, binary_cases.PDF_CASES))
register("xls", FuzzKind(".xls", binary_cases.xls_bases, binary_cases.XLS_CASES))
for _suffix in (".odt", ".ods"):
    register(
        _suffix[1:],
        FuzzKind(
            _suffix, _fixtures(_suffix), {**_zip_cases(NEW_ZIP_CASES_EACH), **odf_cases.XML_CASES}
        ),
    )
register(
    "kscx",
    FuzzKind(
        ".kscx",
        kscx_cases.bases,
        {**_zip_cases(2), **kscx_cases.CASES},
        kscx_cases.package_import,
        setup="commune",
    ),
)
register(
    "kscx-report",
    FuzzKind(
        ".kscx",
        kscx_cases.report_bases,
        {**_zip_cases(1), **kscx_cases.CASES},
        kscx_cases.package_import,
        setup="district",
    ),
)
