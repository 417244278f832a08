"""A pytest plugin for `make mutate` only (loaded by pyproject's [tool.mutmut] settings).

It runs against each mutant only the tests of its module (TESTS_BY_MODULE, below).

mutmut runs the tests once first and records, test by test, which functions each one calls;
later it runs against a mutant only the tests recorded for the mutated function. The shipped
rule book is loaded once per session (the `shipped` and `book` fixtures), so the loader and
the condition parser would be recorded for the first test that asks for the book and for no
other: a mutant of the parser that changes a warning sign's threshold would be tried against
that one test and "survive". During that first recording run only, this plugin forgets the
project's wider-scoped fixtures after each test, so each test sets them up again and is
recorded as using the code they run. `make test` never loads this plugin.
"""

from __future__ import annotations

import json
import math
import os
import random
import sys
from pathlib import Path

import pytest


def _recording() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


# The tests that matter to each module's mutants. mutmut runs against a mutant every test
# recorded as calling the mutated function; the engine and the condition language are called
# by nearly every test, `rules diff`'s among them (a minute a run), so a mutant of the engine
# that survived would wait for them all. A module not listed runs all its recorded tests.
_CORE = (
    "test_engine",
    "test_assessment",
    "test_conditions",
    "test_three_valued",
    "test_loader",
    "test_schema_problems",
    "test_cross_file_problems",
    "test_cases",
    "test_shipped_rules",
    "test_rule_values",  # the loader's refusals of values that broke the tools
    "test_emergency_number",  # book.yaml's choice of number, load_book's country
    "test_source_dates",  # a page's review date never in the future
    "test_governance",  # book.yaml: version, status, sign-offs and their dates
    "test_yaml_mistakes",  # a key indented too far, named where it stands (plain_errors)
)
TESTS_BY_MODULE = {
    "metasymptoms.core.engine": (*_CORE, "test_questionnaire"),  # what is asked and skipped
    "metasymptoms.core.conditions": _CORE,
    "metasymptoms.core.condition_parser": _CORE,
    "metasymptoms.core.loader": _CORE,
    "metasymptoms.core.validate": _CORE,
    "metasymptoms.core.references": _CORE,
    "metasymptoms.core.plain_errors": _CORE,
    # The kinds and the questionnaire are exercised mostly outside their own modules: by
    # answers files, the scripted and keystroke-piped questionnaire, the summary and `rules
    # diff`'s group words. Measured with coverage by test: these rows reach every line of
    # them any in-process test reaches, save a few only the slow or browser tests do.
    "metasymptoms.core.kinds": (
        *_CORE,
        "test_answers",
        "test_answers_numbers",
        "test_several",
        "test_questionnaire",
        "test_interview_pipe",  # typed answers and checkboxes through questionary (~11 s)
        "test_summary",  # each kind's answer in the summary's words
        "test_export_output",  # the rule book's description of each kind
        "test_diff",  # a group's words for a number's intervals (tiny books, ~11 s)
        "test_diff_report",  # a group's words in the shipped book's diffs (value_words)
        "test_group_words",  # each kind's words for a group of answers (value_words)
        "test_rules_tools",  # `rules show`'s words for the answer each kind takes
        "test_teaching",  # the demo's "what would change" (other_answers)
        "test_fhir_export",  # each kind's answer codes in the FHIR form (codes)
    ),
    "metasymptoms.answering.questionnaire": ("test_questionnaire", "test_interview_pipe", "test_summary"),
    # test_diff_report shares one diff of the shipped book per module (~0.5 CPU-s), made on first use.
    # Every `rules diff` test module and no other (about 35 s for them all, -x stops at the first).
    "metasymptoms.reviewing.diff": (
        "test_diff",
        "test_diff_report",
        "test_diff_numbers_unanswered",
        "test_diff_order_sources",  # questions reordered, sources, every text a person reads
        "test_diff_older_book",  # an older book lacking a text this program reads
        "test_diff_thresholds",  # a moved number threshold, reported as its numbers
        "test_diff_retyped",  # a finding whose type changed, refused
        "test_diff_edited",  # "What was edited": a condition's list, a yes or no, the guidance's conditions
        "test_diff_order_first",  # a question moved to or from the start
        "test_diff_unchanged",  # books that read the same; a group's keys in JSON
        "test_diff_wording_edits",  # what a wording-only edit does for a person
        "test_diff_texts",  # every text a person reads, each listed once
    ),
}


def tests_for(mutant: str) -> tuple[str, ...] | None:
    """The test modules (names without .py) for a mutant, by the longest module name that
    starts its name ("metasymptoms.core.engine.x_assess__mutmut_3"), or None: every test.
    `reviewing.diff` covers diff_urgency and the rest of the diff_* modules."""
    found = [module for module in TESTS_BY_MODULE if mutant.startswith(module)]
    return TESTS_BY_MODULE[max(found, key=len)] if found else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Against a mutant, only the tests of its module's row (mutmut's exit 5, no tests, if none
    is left); the recording run and the clean run keep every test."""
    mutant = os.environ.get("MUTANT_UNDER_TEST", "")
    wanted = tests_for(mutant)
    if wanted is not None:
        dropped = [item for item in items if item.path.stem not in wanted]
        if dropped:
            config.hook.pytest_deselected(items=dropped)
            items[:] = [item for item in items if item.path.stem in wanted]
    if "__mutmut_" in mutant:
        # Quickest first (as the recording run timed them): mutmut stops at the first test
        # that fails, so a mutant a quick test kills never waits for the slow ones.
        durations = _durations()
        items.sort(key=lambda item: durations.get(item.nodeid, 0.0))


def _durations() -> dict[str, float]:
    """Each test's time in mutmut's recording run (mutants/mutmut-stats.json, in the folder
    the tests run in), or none before it."""
    try:
        stats = json.loads(Path("mutmut-stats.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {name: float(seconds) for name, seconds in stats.get("duration_by_test", {}).items()}


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    if not _recording():
        return
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return
    for definitions in info.name2fixturedefs.values():
        for definition in definitions:
            ours = getattr(definition.func, "__module__", "").startswith("tests.")
            if ours and definition.scope != "function":
                definition.finish(item._request)  # type: ignore[attr-defined]  # set up anew next test


# --- the score, per module, after a run: `python -m tests.mutation_stats` (`make mutate` ends with it) ---

# mutmut's exit codes of a mutant's test run (mutmut/stats.py): a failing test or pytest's
# internal error kills it; a run over its time limit is caught too (counted apart); 0 is a
# mutant no test noticed; 5 and 33 a mutant no selected test calls; None one not run yet.
# -9 (SIGKILL, which mutmut calls a segfault) is its hard CPU limit, one second after SIGXCPU:
# a loop that never ends (an `implies` circle walked for ever).
KILLED, TIMEOUT, SURVIVED, NO_TESTS = {1, 3}, {24, -24, -9, 36, 152, 255}, {0}, {5, 33}


def scores(mutants: Path) -> list[tuple[str, dict[str, int]]]:
    """Killed, timed out, survived, untested and not yet run, module by module."""
    rows = []
    for meta in sorted(mutants.glob("metasymptoms/**/*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        count = {
            "killed": sum(code in KILLED for code in codes),
            "timeout": sum(code in TIMEOUT for code in codes),
            "survived": sum(code in SURVIVED for code in codes),
            "no tests": sum(code in NO_TESTS for code in codes),
            "not run": sum(code is None for code in codes),
            "total": len(codes),
        }
        rows.append((meta.relative_to(mutants / "metasymptoms").as_posix().removesuffix(".meta"), count))
    return rows


def table(rows: list[tuple[str, dict[str, int]]]) -> str:
    """The score table docs/development.md keeps: killed (a timeout counts) over all mutants."""
    lines = [
        "| module | killed | timeout | survived | no tests | not run | score |",
        "|---|---|---|---|---|---|---|",
    ]
    every = {
        key: sum(count[key] for _, count in rows)
        for key in ("killed", "timeout", "survived", "no tests", "not run", "total")
    }
    for name, count in [*rows, ("all", every)]:
        caught = count["killed"] + count["timeout"]
        share = f"{100 * caught / count['total']:.1f} %" if count["total"] else "-"
        lines.append(
            f"| {name} | {count['killed']} | {count['timeout']} | {count['survived']} | {count['no tests']}"
            f" | {count['not run']} | {caught} / {count['total']} ({share}) |"
        )
    return "\n".join(lines)


# --- a seeded random sample, where a whole run would not fit in the time there is ---


def _exit_codes(mutants: Path) -> dict[str, int | None]:
    """Every mutant's exit code (None: not run), by mutmut's name for it."""
    codes: dict[str, int | None] = {}
    for meta in sorted(mutants.glob("metasymptoms/**/*.py.meta")):
        codes.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return codes


def _module(name: str) -> str:
    """The module's path as the tables write it: metasymptoms.core.engine.x_f__mutmut_3 -> core/engine.py."""
    return name.partition(".x")[0].removeprefix("metasymptoms.").replace(".", "/") + ".py"


def sample(mutants: Path, prefixes: list[str], size: int, seed: int, slowest: float = 1.0) -> list[str]:
    """`size` mutants drawn at random (random.Random(seed)) from those of the modules whose
    path starts with one of `prefixes`; with `slowest` under 1, only from that share of them
    mutmut expects to take longest (the sum of the recorded times of the tests calling the
    mutated function: the order it runs them in, quickest first, so the share a stopped run
    leaves). The same folder, prefixes, size and seed give the same sample."""
    population = sorted(name for name in _exit_codes(mutants) if _module(name).startswith(tuple(prefixes)))
    if slowest < 1:
        stats = json.loads((mutants / "mutmut-stats.json").read_text(encoding="utf-8"))
        tests, seconds = stats["tests_by_mangled_function_name"], stats["duration_by_test"]

        def expected(name: str) -> float:
            return sum(float(seconds[test]) for test in tests.get(name.partition("__mutmut_")[0], ()))

        by_time = sorted(population, key=lambda name: (expected(name), name))
        population = sorted(by_time[len(by_time) - round(slowest * len(by_time)) :])
    return sorted(random.Random(seed).sample(population, min(size, len(population))))


def wilson(caught: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval (95 % with z = 1.96) of a share caught / total."""
    if total == 0:
        return 0.0, 1.0
    share = caught / total
    centre = (share + z * z / (2 * total)) / (1 + z * z / total)
    spread = z * math.sqrt(share * (1 - share) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return centre - spread, centre + spread


def sample_table(mutants: Path, names: list[str]) -> str:
    """The score of a sample, module by module and over all, with its 95 % Wilson interval;
    a mutant not run yet is left out (and counted apart), not read as survived."""
    codes = _exit_codes(mutants)
    lines = [
        "| module | sampled | killed | timeout | survived | no tests | not run | score (95 % interval) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    groups: dict[str, list[int | None]] = {}
    for name in names:
        groups.setdefault(_module(name), []).append(codes[name])
    groups["all"] = [codes[name] for name in names]
    for module, found in groups.items():
        killed = sum(code in KILLED for code in found)
        timeout = sum(code in TIMEOUT for code in found)
        run = [code for code in found if code is not None]
        low, high = wilson(killed + timeout, len(run))
        share = (
            f"{100 * (killed + timeout) / len(run):.1f} % ({100 * low:.1f} to {100 * high:.1f})"
            if run
            else "-"
        )
        lines.append(
            f"| {module} | {len(found)} | {killed} | {timeout} | {sum(code in SURVIVED for code in found)}"
            f" | {sum(code in NO_TESTS for code in found)} | {len(found) - len(run)}"
            f" | {killed + timeout} / {len(run)}, {share} |"
        )
    return "\n".join(lines)


def _main(argv: list[str]) -> str:
    """`python -m tests.mutation_stats core/engine core/loader`: the table of those modules
    (paths starting so; the "all" row sums them alone), of every module if none is given.
    `... sample SEED SIZE [--slowest SHARE] PREFIX...`: a seeded sample's names, one a line
    (give them to `mutmut run`). `... score FILE`: the score of the sample named in FILE."""
    mutants = Path("mutants")
    if argv[:1] == ["sample"]:
        seed, size, rest = int(argv[1]), int(argv[2]), argv[3:]
        slowest = 1.0
        if rest[:1] == ["--slowest"]:
            slowest, rest = float(rest[1]), rest[2:]
        return "\n".join(sample(mutants, rest, size, seed, slowest))
    if argv[:1] == ["score"]:
        return sample_table(mutants, Path(argv[1]).read_text(encoding="utf-8").split())
    rows = scores(mutants)
    return table([row for row in rows if not argv or row[0].startswith(tuple(argv))])


if __name__ == "__main__":
    print(_main(sys.argv[1:]))
