"""A broken rule file, reported where the mistake is and in words a nurse understands: the
bracket, brace or quote mark that is never closed (not the next line, in the YAML reader's
own words), a tab, and a line indented too little or too far."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TINY, problems_of, write_book

# The tiny book's red_flags.yaml, line by line:
#  1 red_flags:
#  2   - id: cord
#  3     title: Cord pressure
#  4     when:
#  5       all:
#  6         - cancer_history: [current]
#  7         - back_pain
#  8         - limb_weakness
#  9     urgency: emergency
# 10     advice: Call your local emergency number now.
# 11     sources: [SRC-A]
# 12     checked: {by: author, date: 2026-01-01}

INDENTATION = (
    "this line is indented differently from the lines around it; the keys of one item line up under "
    "each other, and the items of a list each start with '- ' at the same place"
)


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        pytest.param(
            [("[current]", "[current")],
            "6:27: this list opened with [ on line 6 is never closed with ]; add ] where the list ends",
            id="unclosed [ in a condition",
        ),
        pytest.param(
            [("[SRC-A]", "[SRC-A")],
            "11:14: this list opened with [ on line 11 is never closed with ]; add ] where the list ends",
            id="unclosed [ of sources",
        ),
        pytest.param(
            [("2026-01-01}", "2026-01-01")],
            "12:14: this group of keys opened with { on line 12 is never closed with }; add } where the "
            "group of keys ends",
            id="unclosed {",
        ),
        pytest.param(
            [("[SRC-A]", "[SRC-A}")],
            "11:20: the list opened with [ at column 14 is closed here with }; close it with ]",
            id="[ closed with }",
        ),
        pytest.param(
            [("[SRC-A]", "[SRC-A, 'B' C]")],
            "11:26: a ',' between two items, or the ] that closes the list opened with [ at column 14, "
            "is missing here",
            id="a comma missing in a list",
        ),
        pytest.param(
            [("title: Cord pressure", 'title: "Cord pressure')],
            '3:12: this text opened with " on line 3 is never closed with "; add " where the text ends',
            id="unclosed quote at the end of the file",
        ),
        pytest.param(
            [
                ("title: Cord pressure", 'title: "Cord pressure'),
                (
                    "advice: Call your local emergency number now.",
                    'advice: "Call your local emergency number now."',
                ),
            ],
            '3:12: this text opened with " on line 3 is never closed with "; add " where the text ends',
            id="unclosed quote closed by a later text's",
        ),
        pytest.param(
            [
                ("title: Cord pressure", "title: 'Cord pressure"),
                (
                    "advice: Call your local emergency number now.",
                    "advice: 'Call your local emergency number now.'",
                ),
            ],
            "3:12: this text opened with ' on line 3 is never closed with '; add ' where the text ends",
            id="unclosed single quote closed by a later text's",
        ),
        pytest.param(
            [("advice: Call your local emergency number now.", "advice: 'Don't wait: call now.'")],
            "10:17: an apostrophe here ends the text opened with ' at column 13 too early; write it "
            "twice (''), or put the whole text in the other kind of quote marks",
            id="an apostrophe inside ' quotes",
        ),
        pytest.param(
            [("    urgency: emergency", "\turgency: emergency")],
            "9:1: a tab is used here; use spaces, not a tab (rule files are indented with spaces)",
            id="a tab for indentation",
        ),
        pytest.param(
            [("        - back_pain", "      \t- back_pain")],
            "7:7: a tab is used here; use spaces, not a tab (rule files are indented with spaces)",
            id="a tab after spaces",
        ),
        pytest.param(
            [("    urgency: emergency", "   urgency: emergency")],
            f"9:4: {INDENTATION}",
            id="a key indented too little",
        ),
        pytest.param(
            [
                (
                    "    advice: Call your local emergency number now.",
                    "    advice: >-\n      Call your local\n    emergency number now.",
                )
            ],
            "12:5: this line is indented less than the text above it, so it is read as a new key; indent "
            "it like the other lines of that text",
            id="a line of a long text indented too little",
        ),
        pytest.param(
            [
                (
                    "    advice: Call your local emergency number now.",
                    "    advice: Call your local\n    emergency number now.",
                )
            ],
            "11:5: a line has no ':' after its key, or a text goes on to the next line; write a long text "
            "after '>-' on lines indented under its key, or put it in quotes",
            id="a text that goes on to the next line",
        ),
    ],
)
def test_a_yaml_mistake_is_located_and_worded_for_a_nurse(
    tmp_path: Path, edits: list[tuple[str, str]], expected: str
) -> None:
    text = TINY["red_flags.yaml"]
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    folder = write_book(tmp_path / "rules", {"red_flags.yaml": text})
    place, message = expected.split(": ", 1)
    assert problems_of(folder) == [f"rules/red_flags.yaml:{place}: [error] {message} (yaml)"]


def test_a_key_indented_too_far_is_named_where_it_stands(tmp_path: Path) -> None:
    """Read as part of the mapping above it, the key is valid YAML but missing from its item:
    one problem at the key itself, not 'urgency is missing' at the item and a complaint about
    the mapping that took it in."""
    text = TINY["red_flags.yaml"].replace("    urgency: emergency", "      urgency: emergency")
    folder = write_book(tmp_path / "rules", {"red_flags.yaml": text})
    assert problems_of(folder) == [
        "rules/red_flags.yaml:9:7: [error] 'urgency' is indented too far, so it is read as part of "
        "'when' above it; line it up with 'when' and the other keys of its item (schema)"
    ]


def test_a_key_indented_into_a_nested_mapping_is_named_once(tmp_path: Path) -> None:
    """The mapping that took the key in can be a model of its own (the sign-off), which would
    complain of a key it does not know: that complaint is the same mistake, not a second one."""
    text = (
        TINY["red_flags.yaml"]
        .replace("    urgency: emergency\n", "")
        .replace(
            "    checked: {by: author, date: 2026-01-01}",
            "    checked:\n      by: author\n      date: 2026-01-01\n      urgency: emergency",
        )
    )
    folder = write_book(tmp_path / "rules", {"red_flags.yaml": text})
    assert problems_of(folder) == [
        "rules/red_flags.yaml:14:7: [error] 'urgency' is indented too far, so it is read as part of "
        "'checked' above it; line it up with 'checked' and the other keys of its item (schema)"
    ]
