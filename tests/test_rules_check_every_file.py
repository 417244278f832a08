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
        "The rule book does not load, so the checks that need all of it have not run yet, and, while "
        "a file other than a site file is broken, neither has the check that the files name only "
        "things the others hold. Fix the errors above and run rules check again."
    )


def test_an_unknown_finding_in_one_site_file_hides_no_other_files_problems(tmp_path: Path) -> None:
    unknown = TINY["sites/bones.yaml"].replace("- back_pain", "- back_pian")
    lines = check(write_book(tmp_path, {"sites/bones.yaml": unknown, "sites/liver.yaml": LIVER}))
    assert [line.split(": [error] ")[0] for line in lines if ": [error] " in line] == [
        "rules/sites/bones.yaml:11:11",
        "rules/sites/liver.yaml:10:15",
    ]
