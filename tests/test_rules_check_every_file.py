"""`rules check` reports every file's problems in one run: a broken site file (YAML that
does not read, or an unknown finding) no longer hides the problems between the other files,
which were shown only after it was fixed and the check run again."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.helpers import TINY, run_main, write_book

LIVER = textwrap.dedent(
    """\
    id: liver
    name: Liver
    about: The liver.
    how_found: Scans.
    sources: [SRC-A]
    rules:
      - id: liver.yellow
        when: jaundice
        why: Yellow skin can come from the liver.
        sources: [SRC-AA]
        checked: {by: author, date: 2026-01-01}
    """
)


def check(folder: Path) -> list[str]:
    done = run_main("rules", "check", str(folder))
    assert done.returncode == 1, done.stderr
    return [line.replace(str(folder), "rules") for line in done.stdout.splitlines()]


def test_a_site_file_that_does_not_read_hides_no_other_files_problems(tmp_path: Path) -> None:
    broken = TINY["sites/bones.yaml"].replace("name: Bones", "name: [Bones")
    lines = check(write_book(tmp_path, {"sites/bones.yaml": broken, "sites/liver.yaml": LIVER}))
    assert lines[:2] == [
        "rules/sites/bones.yaml:2:7: [error] this list opened with [ on line 2 is never closed with ]; "
        "add ] where the list ends (yaml)",
        # Found between files, in the same run; primaries' 'bones' is not called unknown.
        "rules/sites/liver.yaml:10:15: [error] the source 'SRC-AA' is not in sources.yaml "
        "(did you mean 'SRC-A'?) (schema)",
    ]
    assert "2 errors, 0 warnings in rules" in lines
    assert lines[-1] == (
        "Some checks run only once the whole rule book loads: fix these errors and run rules check again."
    )


def test_an_unknown_finding_in_one_site_file_hides_no_other_files_problems(tmp_path: Path) -> None:
    unknown = TINY["sites/bones.yaml"].replace("- back_pain", "- back_pian")
    lines = check(write_book(tmp_path, {"sites/bones.yaml": unknown, "sites/liver.yaml": LIVER}))
    assert [line.split(": [error] ")[0] for line in lines if ": [error] " in line] == [
        "rules/sites/bones.yaml:11:11",
        "rules/sites/liver.yaml:10:15",
    ]


def test_every_name_of_another_file_is_checked_in_a_file_with_other_problems(tmp_path: Path) -> None:
    """A new user's trial made four mistakes in one warning sign and added an unknown source:
    the source was told only after the four were fixed. Now every name a file gives of
    another (source, site, finding) is checked in the same run, and the misspelt key is told
    once, at its own line, not as "'advice' is missing" at the item's first line."""
    flags = (
        TINY["red_flags.yaml"]
        .replace("- back_pain", "- back_pian")
        .replace("urgency: emergency", "urgency: emergancy")
        .replace("advice:", "advise:")
        .replace("sources: [SRC-A]", "sources: [SRC-A, NICE-NG999]\n    sites: [bonez]")
    )
    questions = TINY["questions.yaml"].replace("finding: jaundice", "finding: jaundise")
    primaries = TINY["primaries.yaml"].replace("common_sites: [bones]", "common_sites: [bone]")
    folder = write_book(
        tmp_path, {"red_flags.yaml": flags, "questions.yaml": questions, "primaries.yaml": primaries}
    )
    lines = check(folder)
    assert [line for line in lines if "[error]" in line] == [
        "rules/primaries.yaml:4:20: [error] 'bone' is not a site of this rule book (did you mean 'bones'?) (schema)",
        "rules/questions.yaml:15:18: [error] 'jaundise' is not a finding in findings.yaml "
        "(did you mean 'jaundice'?) (schema)",
        "rules/red_flags.yaml:7:11: [error] 'back_pian' is not a finding of this rule book "
        "(did you mean 'back_pain'?) (schema)",
        "rules/red_flags.yaml:9:14: [error] 'urgency' must be one of 'emergency', 'urgent', 'prompt' or "
        "'routine', not 'emergancy' (did you mean 'emergency'?) (schema)",
        "rules/red_flags.yaml:10:5: [error] 'advise' is not a key here; did you mean 'advice'? "
        "('advice' is missing from this item) (schema)",
        "rules/red_flags.yaml:11:22: [error] the source 'NICE-NG999' is not in sources.yaml (schema)",
        "rules/red_flags.yaml:12:13: [error] 'bonez' is not a site of this rule book "
        "(did you mean 'bones'?) (schema)",
    ]
    assert lines[-1] == (
        "Some checks run only once the whole rule book loads: fix these errors and run rules check again."
    )


def test_a_misspelt_key_with_nothing_missing_is_told_as_before(tmp_path: Path) -> None:
    flags = TINY["red_flags.yaml"].replace("sources: [SRC-A]", "sources: [SRC-A]\n    sorces: [SRC-A]")
    lines = check(write_book(tmp_path, {"red_flags.yaml": flags}))
    assert lines[0] == (
        "rules/red_flags.yaml:12:5: [error] 'sorces' is not a key this file knows (did you mean 'sources'?); "
        "the keys allowed here are: id, title, when, urgency, advice, sources, checked, explain, sites, grade, "
        "combines, first_step, covers (schema)"
    )
