"""`rules diff` on a moved number threshold: a reviewer reads the threshold's old and new
number under "What was edited", not the whole condition, and the answers between the two
numbers as the effect. Where the condition changed in any other way too, the whole change
is shown, so a threshold's move never hides another edit beside it."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from metasymptoms.cli import main
from tests.helpers import TINY, WITH_A_NUMBER, write_book

FEVER_WHEN = (
    "    when:\n      all:\n        - cancer_history: [current]\n        - temperature: {at_least: 38}\n"
)
# A second number finding, so a comparison can move from one number to another.
WITH_TWO_NUMBERS = {
    **WITH_A_NUMBER,
    "findings.yaml": WITH_A_NUMBER["findings.yaml"]
    + textwrap.indent(
        "- id: vomiting\n  label: times you were sick today\n  type: number\n"
        "  unit: times_in_24_hours\n  minimum: 0\n  maximum: 50\n",
        "  ",
    ),
    "questions.yaml": WITH_A_NUMBER["questions.yaml"]
    + "      - finding: vomiting\n        text: How many times were you sick today?\n",
}


def fever_when(when: str) -> dict[str, str]:
    """The book with two numbers, its fever warning sign's `when` written anew (flow YAML)."""
    flags = WITH_TWO_NUMBERS["red_flags.yaml"]
    assert flags.count(FEVER_WHEN) == 1
    return {**WITH_TWO_NUMBERS, "red_flags.yaml": flags.replace(FEVER_WHEN, f"    when: {when}\n")}


def diff(tmp_path: Path, old: dict[str, str], new: dict[str, str], capsys, *form: str) -> tuple[int, str]:
    code = main(
        [
            "rules",
            "diff",
            str(write_book(tmp_path / "old", old)),
            str(write_book(tmp_path / "new", new)),
            *form,
        ]
    )
    return code, capsys.readouterr().out.replace(str(tmp_path), "T")


def edited(out: str) -> list[str]:
    """The lines under "What was edited:" in the text report, each edit on one line (the
    report wraps a long one onto lines indented further)."""
    lines: list[str] = []
    for line in out.split("What was edited:\n")[1].split("\n\n")[0].splitlines():
        if line.startswith("  - "):
            lines.append(line.removeprefix("  - "))
        else:
            lines[-1] += " " + line.strip()
    return lines


FEVER = "red flag fever (Fever during cancer treatment): when: "
HISTORY_AND = "{all: [{cancer_history: [current]}, "


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        pytest.param(
            "{temperature: {at_least: 38}}",
            "{temperature: {at_least: 39, below: 41}}",
            ["temperature at least: 38 -> 39", "temperature below: (none) -> 41"],
            id="both bounds of one comparison, in that order",
        ),
        pytest.param(
            "{temperature: {at_least: 38, below: 41}}",
            "{temperature: {below: 41}}",
            ["temperature at least: 38 -> (none)"],
            id="a bound taken away; the unmoved one not named",
        ),
        pytest.param(
            HISTORY_AND + "{any: [back_pain, {temperature: {at_least: 38}}]}]}",
            HISTORY_AND + "{any: [back_pain, {temperature: {at_least: 39}}]}]}",
            ["temperature at least: 38 -> 39"],
            id="inside any inside all",
        ),
        pytest.param(
            HISTORY_AND + "{not: {temperature: {below: 36}}}]}",
            HISTORY_AND + "{not: {temperature: {below: 35.5}}}]}",
            ["temperature below: 36 -> 35.5"],
            id="inside not",
        ),
        pytest.param(
            "{at_least: 2, of: [back_pain, {temperature: {at_least: 38}}, {vomiting: {at_least: 3}}]}",
            "{at_least: 2, of: [back_pain, {temperature: {at_least: 38.5}}, {vomiting: {at_least: 2}}]}",
            ["temperature at least: 38 -> 38.5", "vomiting at least: 3 -> 2"],
            id="two thresholds inside at_least, its count kept",
        ),
        # Any other change beside a moved threshold: the whole change, threshold included.
        pytest.param(
            "{temperature: {at_least: 38}}",
            "{vomiting: {at_least: 38}}",
            ["{temperature: {at_least: 38}} -> {vomiting: {at_least: 38}}"],
            id="the same number, another finding",
        ),
        pytest.param(
            "{temperature: {at_least: 38}}",
            "{all: [back_pain, {temperature: {at_least: 38}}]}",
            ["{temperature: {at_least: 38}} -> {all: [back_pain, {temperature: {at_least: 38}}]}"],
            id="a comparison made part of all",
        ),
        pytest.param(
            "{temperature: {at_least: 38}}",
            "back_pain",
            ["{temperature: {at_least: 38}} -> back_pain"],
            id="a comparison made a yes-or-no finding",
        ),
        pytest.param(
            "{any: [back_pain, {temperature: {at_least: 38}}]}",
            "{temperature: {at_least: 37}}",
            ["{any: [back_pain, {temperature: {at_least: 38}}]} -> {temperature: {at_least: 37}}"],
            id="any made a comparison",
        ),
        pytest.param(
            HISTORY_AND + "{temperature: {at_least: 38}}]}",
            "{all: [{cancer_history: [current, none]}, {temperature: {at_least: 37.5}}]}",
            [
                "all of: removed {cancer_history: [current]}, {temperature: {at_least: 38}}; "
                "added {cancer_history: [current, none]}, {temperature: {at_least: 37.5}}"
            ],
            id="a choice widened beside it",
        ),
        pytest.param(
            "{all: [back_pain, {temperature: {at_least: 38}}]}",
            "{all: [limb_weakness, {temperature: {at_least: 39}}]}",
            [
                "all of: removed back_pain, {temperature: {at_least: 38}}; "
                "added limb_weakness, {temperature: {at_least: 39}}"
            ],
            id="another yes-or-no finding beside it",
        ),
        pytest.param(
            HISTORY_AND + "{temperature: {at_least: 38}}]}",
            HISTORY_AND + "{temperature: {at_least: 37.5}}, back_pain]}",
            [
                "all of: removed {temperature: {at_least: 38}}; added {temperature: {at_least: 37.5}}, back_pain"
            ],
            id="a condition joined beside it",
        ),
        pytest.param(
            HISTORY_AND + "{temperature: {at_least: 38}}]}",
            "{any: [{cancer_history: [current]}, {temperature: {at_least: 37.5}}]}",
            [
                "{all: [{cancer_history: [current]}, {temperature: {at_least: 38}}]} -> "
                "{any: [{cancer_history: [current]}, {temperature: {at_least: 37.5}}]}"
            ],
            id="all made any",
        ),
        pytest.param(
            "{at_least: 2, of: [back_pain, {temperature: {at_least: 38}}, {vomiting: {at_least: 3}}]}",
            "{at_least: 1, of: [back_pain, {temperature: {at_least: 38.5}}, {vomiting: {at_least: 3}}]}",
            [
                "{at_least: 2, of: [back_pain, {temperature: {at_least: 38}}, {vomiting: {at_least: 3}}]} -> "
                "{at_least: 1, of: [back_pain, {temperature: {at_least: 38.5}}, {vomiting: {at_least: 3}}]}"
            ],
            id="at_least's count changed beside it",
        ),
    ],
)
def test_a_moved_threshold_is_named_by_its_numbers_and_nothing_else_hides_behind_it(
    tmp_path: Path, capsys, old: str, new: str, said: list[str]
) -> None:
    _, out = diff(tmp_path, fever_when(old), fever_when(new), capsys)
    assert edited(out) == [FEVER + change for change in said]


def test_a_raised_threshold_is_refused_as_a_lowering_with_the_answers_between(tmp_path: Path, capsys) -> None:
    """The fever warning sign now starts at 38.5 °C, not 38: a temperature of 38 loses its
    urgent advice. The edit is named by its two numbers, and the gate refuses it."""
    old = fever_when(HISTORY_AND + "{temperature: {at_least: 38}}]}")
    new = fever_when(HISTORY_AND + "{temperature: {at_least: 38.5}}]}")
    code, out = diff(tmp_path, old, new, capsys)
    assert code == 1
    assert out == (
        "What changed for a person, from T/old to T/new:\n"
        "  both books: Draft rule book, no version given: not yet signed off by a clinician.\n"
        "\n"
        "What was edited:\n"
        "  - red flag fever (Fever during cancer treatment): when: temperature at least: 38 -> 38.5\n"
        "\n"
        "Effect of red flag fever (Fever during cancer treatment):\n"
        "  1 group of answers: 1 LOWERED (1 not declared)\n"
        "  1. LOWERED, NOT DECLARED\n"
        "     - urgency: urgent -> routine\n"
        "     - the warning sign 'Fever during cancer treatment' (fever) no longer shows\n"
        "     With:\n"
        '       - your history of cancer: "Now"\n'
        "       - your highest temperature today: 38 or more but below 38.5\n"
        "     Answers file:\n"
        "       cancer_history: current\n"
        "       temperature: 38\n"
        "\n"
        "Answers not named are not reported; each answers file replays the change with: "
        "metasymptoms ask --answers FILE\n"
        "\n"
        "REFUSED: 1 group of answers above is LOWERED, NOT DECLARED. If a lowering is meant, declare it "
        "in the new book's book.yaml under declared_changes (when, was, now, reason).\n"
    )


def test_a_moved_threshold_in_json_gives_both_numbers(tmp_path: Path, capsys) -> None:
    old = fever_when("{temperature: {at_least: 38}}")
    new = fever_when("{temperature: {at_least: 37.5, below: 41}}")
    _, out = diff(tmp_path, old, new, capsys, "--format", "json")
    assert json.loads(out)["edited"] == [
        {"kind": "red flag", "id": "fever", "field": "when: temperature at least", "old": 38.0, "new": 37.5},
        {"kind": "red flag", "id": "fever", "field": "when: temperature below", "old": None, "new": 41.0},
    ]


def test_a_threshold_moved_in_a_site_rule_and_in_a_question_is_named(tmp_path: Path, capsys) -> None:
    """Every condition is compared the same way: a site rule's `when` and a question's
    `ask_if` with a moved threshold are named by their numbers."""
    rule_when = "    when:\n      all:\n        - cancer_history: [current]\n        - back_pain\n"
    assert TINY["sites/bones.yaml"].count(rule_when) == 1

    def book(rule_from: int, asked_from: int) -> dict[str, str]:
        site = TINY["sites/bones.yaml"].replace(
            rule_when, f"    when: {{all: [back_pain, {{vomiting: {{at_least: {rule_from}}}}}]}}\n"
        )
        questions = (
            WITH_TWO_NUMBERS["questions.yaml"]
            + f"        ask_if: {{temperature: {{at_least: {asked_from}}}}}\n"
        )
        return {**WITH_TWO_NUMBERS, "sites/bones.yaml": site, "questions.yaml": questions}

    _, out = diff(tmp_path, book(3, 38), book(4, 37), capsys)
    assert edited(out) == [
        "site rule bones.back (site Bones): when: vomiting at least: 3 -> 4",
        "question vomiting (How many times were you sick today?): ask_if: temperature at least: 38 -> 37",
    ]


def test_a_moved_threshold_beside_other_edits_leaves_none_of_them_out(tmp_path: Path, capsys) -> None:
    """Cord pressure made urgent, and the fever sign both moved to 37.5 °C and made an
    emergency: three edits, each named (the threshold's move between them)."""
    new = fever_when(HISTORY_AND + "{temperature: {at_least: 37.5}}]}")
    flags = new["red_flags.yaml"].replace("urgency: emergency", "urgency: urgent")
    new["red_flags.yaml"] = flags.replace(
        "    urgency: urgent\n    advice: Call your care team's",
        "    urgency: emergency\n    advice: Call your care team's",
    )
    assert new["red_flags.yaml"].count("urgency: emergency") == 1
    _, out = diff(tmp_path, fever_when(HISTORY_AND + "{temperature: {at_least: 38}}]}"), new, capsys)
    assert edited(out) == [
        "red flag cord (Cord pressure): urgency: emergency -> urgent",
        FEVER + "temperature at least: 38 -> 37.5",
        "red flag fever (Fever during cancer treatment): urgency: urgent -> emergency",
    ]
