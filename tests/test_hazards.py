"""The hazard log: its controls must exist, and the document shows their results."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.loader import load
from metasymptoms.reviewing.checks import run_checks
from tests.helpers import TINY, write_book
from tests.test_rules_tools import TODAY, USE_JAUNDICE

LOG = """\
hazards:
  - id: emergency_hidden
    hazard: An emergency is hidden by skip logic.
    cause: An ask_if that hides a finding a red flag needs.
    severity: catastrophic
    controls:
      - verify: hidden-red-flag
      - check: hidden-red-flag
"""


def problems(folder: Path) -> list[str]:
    return [str(problem).replace(str(folder), "rules") for problem in run_checks(load(folder), TODAY)]


def test_a_log_naming_existing_controls_passes(tmp_path: Path) -> None:
    folder = write_book(tmp_path / "rules", {"sites/bones.yaml": USE_JAUNDICE, "hazards.yaml": LOG})
    assert problems(folder) == []


def test_a_control_that_does_not_exist_fails_rules_check(tmp_path: Path, capsys) -> None:
    log = (
        LOG.replace("verify: hidden-red-flag", "verify: hiden-red-flag") + "      - scenario: no_such_case\n"
    )
    folder = write_book(tmp_path / "rules", {"sites/bones.yaml": USE_JAUNDICE, "hazards.yaml": log})
    assert problems(folder) == [
        "rules/hazards.yaml:7:17: [error] 'hiden-red-flag' is not a property of rules verify (did you mean "
        "'hidden-red-flag'?); name one that exists, or remove the control (hazard-control)",
        "rules/hazards.yaml:9:19: [error] 'no_such_case' is not a scenario in scenarios/; name one that exists, "
        "or remove the control (hazard-control)",
    ]
    assert main(["rules", "check", str(folder)]) == 1
    assert capsys.readouterr().out.endswith("2 errors, 0 warnings in " + str(folder) + "\n")


def test_a_control_naming_two_kinds_and_a_bad_severity_are_located(tmp_path: Path) -> None:
    log = LOG.replace("severity: catastrophic", "severity: awful").replace(
        "      - check: hidden-red-flag\n", "      - {check: hidden-red-flag, verify: hidden-red-flag}\n"
    )
    folder = write_book(tmp_path / "rules", {"sites/bones.yaml": USE_JAUNDICE, "hazards.yaml": log})
    assert problems(folder) == [
        "rules/hazards.yaml:5:15: [error] 'severity' must be one of 'catastrophic', 'major', 'considerable', "
        "'significant' or 'minor', not 'awful' (hazard-control)",
    ]
    folder = write_book(
        tmp_path / "two",
        {
            "sites/bones.yaml": USE_JAUNDICE,
            "hazards.yaml": LOG.replace(
                "      - check: hidden-red-flag\n",
                "      - {check: hidden-red-flag, verify: hidden-red-flag}\n",
            ),
        },
    )
    assert problems(folder) == [
        "rules/hazards.yaml:8:9: [error] a control names exactly one of verify:, check:, scenario: or diff: "
        "(hazard-control)"
    ]


def test_the_document_shows_each_control_and_its_result(tmp_path: Path, capsys) -> None:
    unsafe = (
        USE_JAUNDICE,
        "sections:\n  - id: about_you\n    title: About you\n    questions:\n      - finding: cancer_history\n"
        "        text: Cancer?\n  - id: body\n    title: Body\n    questions:\n      - finding: back_pain\n"
        "        text: Back pain?\n      - finding: limb_weakness\n        text: Weak legs?\n"
        "        ask_if: {cancer_history: [none]}\n      - finding: jaundice\n        text: Yellow skin?\n",
    )
    folder = write_book(
        tmp_path / "rules", {"sites/bones.yaml": unsafe[0], "questions.yaml": unsafe[1], "hazards.yaml": LOG}
    )
    assert main(["rules", "export", str(folder), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert (
        "| An emergency is hidden by skip logic. (emergency\\_hidden) | catastrophic | An ask\\_if that hides a finding "
        "a red flag needs. | verify hidden-red-flag: FAILS (1 counterexample); check hidden-red-flag: FAILS (1 error) |"
    ) in out


def test_the_shipped_log_names_only_existing_controls_and_they_all_pass(capsys) -> None:
    assert main(["rules", "export", "--format", "markdown"]) == 0
    log = capsys.readouterr().out.split("## Hazard log")[1]
    assert "FAILS" not in log and "MISSING" not in log
    assert "verify no-silent-downgrade: holds" in log
    # The shipped book has never been released: the comparison with a released book is not
    # run, and the log says so rather than passing it.
    assert ("diff released\\_book: not run: no released book named (book.yaml has no released\\_book)") in log


# --- `diff: released_book`: rules diff against the last released book ------------------

LOWERED_FLAGS = TINY["red_flags.yaml"].replace("urgency: emergency", "urgency: urgent")


def test_a_control_may_name_any_check_of_the_registry_the_loaders_too(tmp_path: Path) -> None:
    """A loader's check is a control as a book check is, with its own result: the unknown
    file's warning is counted, where only the book checks' problems were read."""
    from metasymptoms.reviewing.hazards import control_results, load_log

    log = LOG + "      - check: unknown-file\n      - check: scenario-outcome\n"
    folder = write_book(
        tmp_path / "rules",
        {"sites/bones.yaml": USE_JAUNDICE, "hazards.yaml": log, "red_flag.yaml": "x: 1\n"},
    )
    assert problems(folder) == []
    loaded = load(folder)
    found = load_log(folder)[0]
    assert found is not None
    results = control_results(loaded, found.log)
    assert results["check", "unknown-file"] == "passes with 1 warning"
    assert results["check", "scenario-outcome"] == "passes"


RELEASED_LOG = LOG + "      - diff: released_book\n"
BOOK = 'name: Tiny\nversion: "2"\nstatus: draft\nintended_purpose: Testing.\n'
DECLARED = (
    "declared_changes:\n  - when: limb_weakness\n    was: emergency\n    now: urgent\n"
    "    reason: The 24-hour line answers at once.\n"
)


def released_result(folder: Path) -> str:
    from metasymptoms.reviewing.hazards import control_results, load_log

    loaded = load(folder)
    log = load_log(folder)[0]
    assert log is not None
    return control_results(loaded, log.log)["diff", "released_book"]


def edited_book(folder: Path, book_yaml: str, flags: str = LOWERED_FLAGS) -> Path:
    return write_book(
        folder,
        {
            "sites/bones.yaml": USE_JAUNDICE,
            "hazards.yaml": RELEASED_LOG,
            "red_flags.yaml": flags,
            "book.yaml": BOOK + book_yaml,
        },
    )


def test_a_lowering_since_the_released_folder_fails_in_the_hazard_log(tmp_path: Path, capsys) -> None:
    write_book(tmp_path / "released", {"sites/bones.yaml": USE_JAUNDICE})
    folder = edited_book(tmp_path / "rules", "released_book: {folder: ../released}\n")
    assert main(["rules", "export", str(folder), "--format", "markdown"]) == 0
    log = capsys.readouterr().out.split("## Hazard log")[1]
    from metasymptoms.core.escape import markdown as md

    said = (
        "diff released_book: FAILS (1 lowered urgency not declared since the released book, folder "
        f"../released; see: metasymptoms rules diff {folder}/../released {folder})"
    )
    assert f"{md(said)} |" in log


def test_a_declared_lowering_passes_and_says_so(tmp_path: Path) -> None:
    write_book(tmp_path / "released", {"sites/bones.yaml": USE_JAUNDICE})
    folder = edited_book(tmp_path / "rules", "released_book: {folder: ../released}\n" + DECLARED)
    assert released_result(folder) == (
        "passes with 1 declared lowering(s) since the released book, folder ../released"
    )
    unchanged = edited_book(
        tmp_path / "same", "released_book: {folder: ../released}\n", TINY["red_flags.yaml"]
    )
    assert released_result(unchanged) == (
        "passes (no urgency lowered since the released book, folder ../released)"
    )


def test_a_released_folder_that_is_not_there_is_not_run(tmp_path: Path) -> None:
    folder = edited_book(tmp_path / "rules", "released_book: {folder: ../gone}\n")
    assert released_result(folder) == (
        f"not run: the rules folder '{folder}/../gone' does not exist or is not a folder"
    )


def _git(repo: Path, *words: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *words],
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_lowering_since_the_released_git_tag_fails(tmp_path: Path, monkeypatch) -> None:
    repo = tmp_path / "repo"
    folder = edited_book(repo / "rules", "", TINY["red_flags.yaml"])
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "the released book")
    _git(repo, "tag", "rulebook-1")
    edited_book(folder, "released_book: {git: rulebook-1}\n")
    assert released_result(folder) == (
        "FAILS (1 lowered urgency not declared since the released book, git rulebook-1; "
        f"see: metasymptoms rules diff --git rulebook-1 {folder})"
    )
    edited_book(folder, "released_book: {git: rulebook-9}\n")
    assert released_result(folder) == (
        "not run: git could not read the rule book at 'rulebook-9': fatal: Not a valid object name rulebook-9"
    )
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    assert released_result(folder) == (
        "not run: the git program is not installed; reading a rule book at a git revision needs it"
    )


def test_released_book_names_exactly_one_and_a_git_revision_is_never_an_option(tmp_path: Path) -> None:
    from tests.helpers import problems_of

    both = edited_book(tmp_path / "both", "released_book: {git: v1, folder: ../released}\n")
    assert problems_of(both) == [
        "rules/book.yaml:5:16: [error] released_book names exactly one of git: or folder: (schema)"
    ]
    option = edited_book(tmp_path / "option", "released_book: {git: --output=/tmp/x}\n")
    assert problems_of(option) == [
        "rules/book.yaml:5:22: [error] '--output=/tmp/x' is not a git revision this file takes; write a tag, "
        "branch or commit without spaces that does not start with '-', like rulebook-0.1 (schema)"
    ]


def test_a_diff_control_other_than_released_book_is_named_wrong(tmp_path: Path) -> None:
    log = LOG + "      - diff: released\n"
    folder = write_book(tmp_path / "rules", {"sites/bones.yaml": USE_JAUNDICE, "hazards.yaml": log})
    assert problems(folder) == [
        "rules/hazards.yaml:9:15: [error] 'released' is not a comparison of rules diff (the one there is: "
        "released_book) (did you mean 'released_book'?); name one that exists, or remove the control "
        "(hazard-control)"
    ]


def test_a_hazard_log_that_is_not_a_file_is_said_so(tmp_path: Path) -> None:
    # The log is read by the pipeline every rule file takes (core/validate.py): bounded, and
    # only a regular file.
    folder = write_book(tmp_path / "rules", {"sites/bones.yaml": USE_JAUNDICE})
    (folder / "hazards.yaml").mkdir()
    assert problems(folder) == [
        "rules/hazards.yaml:1:1: [error] this is a folder, not a file (hazard-control)"
    ]
