"""The hazard log: its controls must exist, and the document shows their results."""

from __future__ import annotations

from pathlib import Path

from metasymptoms.cli import main
from metasymptoms.core.loader import load
from metasymptoms.reviewing.checks import run_checks
from tests.helpers import write_book
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
    assert capsys.readouterr().out.endswith("2 error(s), 0 warning(s) in " + str(folder) + "\n")


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
        "rules/hazards.yaml:8:9: [error] a control names exactly one of verify:, check: or scenario: (hazard-control)"
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
        "a red flag needs. | verify hidden-red-flag: FAILS (1 counterexample(s)); check hidden-red-flag: FAILS (1 error(s)) |"
    ) in out


def test_the_shipped_log_names_only_existing_controls_and_they_all_pass(capsys) -> None:
    assert main(["rules", "export", "--format", "markdown"]) == 0
    log = capsys.readouterr().out.split("## Hazard log")[1]
    assert "FAILS" not in log and "MISSING" not in log
    assert "verify no-silent-downgrade: holds" in log
