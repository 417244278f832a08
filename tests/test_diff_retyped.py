"""`rules diff` between books where a finding kept its id but changed its type (a yes or no
made a choice, a choice made a number): no answer to it means the same in both books, so
no change it makes can be found, a lowering neither. The diff is refused with a message
that says what to do, never passed by the release gate (it crashed, or passed a lowering
from an emergency, before)."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.cli import main
from tests.helpers import TINY, WITH_A_NUMBER, write_book

JAUNDICE = "  - id: jaundice\n    label: yellow skin\n"
WITH_JAUNDICE = TINY["red_flags.yaml"].replace(
    "        - limb_weakness\n", "        - limb_weakness\n        - jaundice\n"
)
NUMBER = "    type: number\n    unit: celsius\n    minimum: 30\n    maximum: 45\n"
CHOICE = "    type: choice\n    choices:\n      - {value: normal, text: Normal}\n      - {value: high, text: High}\n"


def yes_no_made_a_choice() -> tuple[dict[str, str], dict[str, str]]:
    """Cord pressure with yellow skin (yes) was an emergency; yellow skin is now a choice
    and the sign asks for 'deep': a person who answers 'mild' is no longer told."""
    findings = TINY["findings.yaml"].replace(
        JAUNDICE,
        JAUNDICE
        + "    type: choice\n    choices:\n      - {value: mild, text: Mild}\n      - {value: deep, text: Deep}\n",
    )
    flags = WITH_JAUNDICE.replace("        - jaundice\n", "        - jaundice: [deep]\n")
    return {"red_flags.yaml": WITH_JAUNDICE}, {"findings.yaml": findings, "red_flags.yaml": flags}


def choice_made_a_number() -> tuple[dict[str, str], dict[str, str]]:
    flags = WITH_A_NUMBER["red_flags.yaml"]
    old = {**WITH_A_NUMBER, "findings.yaml": WITH_A_NUMBER["findings.yaml"].replace(NUMBER, CHOICE)}
    old["red_flags.yaml"] = flags.replace("temperature: {at_least: 38}", "temperature: [high]")
    return old, WITH_A_NUMBER


@pytest.mark.parametrize(
    ("books", "finding", "was", "now"),
    [
        (yes_no_made_a_choice, "jaundice", "yes_no", "choice"),
        (choice_made_a_number, "temperature", "choice", "number"),
    ],
)
def test_a_finding_whose_type_changed_is_refused_with_what_to_do(
    tmp_path: Path, capsys, books, finding: str, was: str, now: str
) -> None:
    old_files, new_files = books()
    old, new = write_book(tmp_path / "old", old_files), write_book(tmp_path / "new", new_files)
    for form in ("text", "json"):
        with pytest.raises(SystemExit) as stop:
            main(["rules", "diff", str(old), str(new), "--format", form])
        assert stop.value.code == 2
        out, err = capsys.readouterr()
        assert out == ""
        assert err == (
            f"metasymptoms: rules diff cannot compare finding '{finding}': it is type: {was} in the old "
            f"book and type: {now} in the new, so no answer to it means the same in both; give the new "
            "finding an id of its own, then compare again\n"
        )


def test_a_finding_renamed_with_its_new_type_is_compared(tmp_path: Path, capsys) -> None:
    """What the message asks for: the choice under an id of its own is compared, and the
    lowering the old yes or no hid is refused (mild yellow skin is no longer an emergency)."""
    old_files, new_files = yes_no_made_a_choice()
    renamed = {
        name: text.replace("id: jaundice\n", "id: jaundice_depth\n").replace(
            "- jaundice: [deep]", "- jaundice_depth: [deep]"
        )
        for name, text in new_files.items()
    }
    renamed["questions.yaml"] = TINY["questions.yaml"].replace(
        "finding: jaundice\n", "finding: jaundice_depth\n"
    )
    code = main(
        [
            "rules",
            "diff",
            str(write_book(tmp_path / "old", old_files)),
            str(write_book(tmp_path / "new", renamed)),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert (
        "  - finding jaundice (yellow skin): removed\n" in out
        and "  - finding jaundice_depth (yellow skin): added\n" in out
    )
    assert (
        "  1. LOWERED, NOT DECLARED\n"
        "     - urgency: emergency -> routine\n"
        "     - the warning sign 'Cord pressure' (cord) no longer shows\n"
    ) in out
    assert "       jaundice_depth: mild\n" in out
