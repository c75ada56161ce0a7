"""The fuzz corpus of issue 12: several hundred seeded mutations of plan files (.docx, .xlsx,
.json, PDF, .xls, .odt, .ods), each imported through ``kscdesk plan import FILE --json``, and of
exchange packages (.kscx) through ``kscdesk package import FILE [--dry-run] --json`` at a commune,
in worker processes under a memory ceiling, each case under a time ceiling. Every case must give
a plan or an accepted package (exit 0) or one Vietnamese line naming the file (exit 1), never a
traceback, and store nothing after a refusal."""

import pytest

from fuzz.corpus import SEED, build_corpus
from fuzz.harness import MEMORY_CEILING, SUMMARIES, TIME_CEILING, run_corpus

MIN_CASES = 600


@pytest.mark.slow
def test_every_fuzz_case_is_a_plan_or_one_clean_refusal(
    tmp_path_factory: pytest.TempPathFactory, record_property: object
) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    cases = build_corpus(folder / "cases", SEED)
    report = run_corpus(cases, folder / "runs")
    SUMMARIES.append(
        f"{report.summary()} [seed {SEED}, ceilings {TIME_CEILING:.0f} s and "
        f"{MEMORY_CEILING // 1024**2} MB a case]"
    )
    record_property("fuzz_cases", report.cases)  # type: ignore[operator]
    record_property("fuzz_violations", len(report.violations))  # type: ignore[operator]
    assert report.cases == len(cases) >= MIN_CASES
    assert report.exit_codes.get("0", 0) > 0, "no case imported: the bases themselves are broken"
    found = "\n".join(f"{name}: {problem}" for name, problem in report.violations)
    assert not report.violations, f"{len(report.violations)} of {report.cases} cases:\n{found}"


def test_the_corpus_is_the_same_for_the_same_seed(tmp_path_factory: pytest.TempPathFactory) -> None:
    from fuzz import corpus

    kinds = {
        name: corpus.FuzzKind(
            kind.suffix,
            kind.bases,
            {m: (mutate, 2) for m, (mutate, _) in list(kind.mutations.items())[::4]},
        )
        for name, kind in corpus.KINDS.items()
    }
    first = corpus.build_corpus(tmp_path_factory.mktemp("a"), 7, kinds)
    second = corpus.build_corpus(tmp_path_factory.mktemp("b"), 7, kinds)
    assert [c.name for c in first] == [c.name for c in second]
    assert all(
        a.path.read_bytes() == b.path.read_bytes() for a, b in zip(first, second, strict=True)
    )
