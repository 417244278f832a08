"""`rules diff`'s "What was edited": an edit of a condition's list said as what left it and
what joined it, the rest of the condition beside it; a list only reordered shown whole (it
changes nothing); a yes-or-no setting of a site rule in YAML's words; a condition in the
guidance (who is offered the questions about outlook) shown as a reviewer writes it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from tests.helpers import TINY, write_book
from tests.test_diff_thresholds import edited as edited_lines

CORD = "    when:\n      all:\n        - cancer_history: [current]\n        - back_pain\n        - limb_weakness\n"
assert TINY["red_flags.yaml"].count(CORD) == 1


def cord_when(when: str) -> dict[str, str]:
    """The tiny book with its cord pressure warning sign's `when` written anew (flow YAML)."""
    return {"red_flags.yaml": TINY["red_flags.yaml"].replace(CORD, f"    when: {when}\n")}


def edited(tmp_path: Path, old: dict[str, str], new: dict[str, str], capsys) -> list[str]:
    """The lines under "What was edited:" in the text report, each edit on one line."""
    main(["rules", "diff", str(write_book(tmp_path / "old", old)), str(write_book(tmp_path / "new", new))])
    return edited_lines(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "{all: [back_pain, limb_weakness]}",
            "{all: [back_pain, limb_weakness, jaundice]}",
            "all of: added jaundice",
        ),
        ("{any: [back_pain, limb_weakness]}", "{any: [back_pain]}", "any of: removed limb_weakness"),
        (
            "{any: [back_pain, limb_weakness]}",
            "{any: [back_pain, jaundice]}",
            "any of: removed limb_weakness; added jaundice",
        ),
        ("{cancer_history: [current]}", "{cancer_history: [current, none]}", "cancer_history: added none"),
        (
            "{at_least: 2, of: [back_pain, limb_weakness]}",
            "{at_least: 2, of: [back_pain, limb_weakness, jaundice]}",
            "of (at_least 2): added jaundice",
        ),
        (
            "{all: [back_pain, limb_weakness]}",
            "{all: [limb_weakness, back_pain]}",
            "{all: [back_pain, limb_weakness]} -> {all: [limb_weakness, back_pain]}",
        ),
    ],
    ids=["joined", "left", "one left, one joined", "a choice's values", "at_least's list", "reordered"],
)
def test_a_conditions_list_says_what_left_and_joined_it(
    tmp_path: Path, capsys, old: str, new: str, said: str
) -> None:
    assert edited(tmp_path, cord_when(old), cord_when(new), capsys) == [
        f"red flag cord (Cord pressure): when: {said}"
    ]


def test_a_site_rules_yes_or_no_setting_is_said_yes_or_no(tmp_path: Path, capsys) -> None:
    """A site rule's `why` shown to a person with no cancer diagnosis too."""
    site = TINY["sites/bones.yaml"]
    changed = site.replace("    why: The spine", "    why_for_everyone: true\n    why: The spine")
    assert changed != site
    assert edited(tmp_path, {}, {"sites/bones.yaml": changed}, capsys) == [
        "site rule bones.back (site Bones): why_for_everyone: no -> yes"
    ]
    assert edited(tmp_path / "back", {"sites/bones.yaml": changed}, {}, capsys) == [
        "site rule bones.back (site Bones): why_for_everyone: yes -> no"
    ]


def test_who_is_offered_the_outlook_questions_is_shown_as_written(tmp_path: Path, capsys) -> None:
    """The guidance's condition for offering the questions about outlook is read as a text:
    in YAML's short form, old and new."""
    copy = tmp_path / "new"
    shutil.copytree(default_rules_dir(), copy)
    guidance = copy / "guidance.yaml"
    text = guidance.read_text()
    offered = "  offered_when:\n    any:\n      - known_spread: [bones, elsewhere]\n      - wants_outlook_questions\n"
    assert text.count(offered) == 1
    guidance.write_text(text.replace(offered, "  offered_when: {known_spread: [bones, elsewhere]}\n"))
    main(["rules", "diff", str(default_rules_dir()), str(copy), "--format", "json"])
    changes = json.loads(capsys.readouterr().out)["text_changes"]
    assert [(c["where"], c["old"], c["new"]) for c in changes] == [
        (
            "guidance: outlook_questions.offered_when",
            "{any: [{known_spread: [bones, elsewhere]}, wants_outlook_questions]}",
            "{known_spread: [bones, elsewhere]}",
        )
    ]


def test_a_choice_added_is_named_by_its_value(tmp_path: Path, capsys) -> None:
    choices = "      - {value: current, text: Now}\n"
    findings = TINY["findings.yaml"].replace(choices, choices + "      - {value: past, text: In the past}\n")
    assert edited(tmp_path, {}, {"findings.yaml": findings}, capsys) == [
        "finding cancer_history (your history of cancer): choices: added past"
    ]


def test_an_item_added_or_removed_has_no_field_in_json(tmp_path: Path, capsys) -> None:
    """An added item is "present" in the new book only, a removed one in the old only; the
    field is empty, as the text report says "added" or "removed"."""
    flag = TINY["red_flags.yaml"].split("  - id: cord\n")[1]
    added = TINY["red_flags.yaml"] + "  - id: cord_again\n" + flag
    old, new = write_book(tmp_path / "old"), write_book(tmp_path / "new", {"red_flags.yaml": added})
    for first, second, was, now in ((old, new, None, "present"), (new, old, "present", None)):
        main(["rules", "diff", str(first), str(second), "--format", "json"])
        assert json.loads(capsys.readouterr().out)["edited"] == [
            {"kind": "red flag", "id": "cord_again", "field": "", "old": was, "new": now}
        ]
