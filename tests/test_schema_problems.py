"""The loader's checks of one rule file's shape (schema): what would mislead a person or crash
at their result is refused, each problem in words at the place to fix (`file:line:col`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.core.loader import load
from tests.helpers import TINY, indented, problems_of, write_book

# --- the loader refuses what would mislead or crash at a person's result ----------------

QUESTIONS_WITH = TINY["questions.yaml"].replace

LOADER_PROBLEMS = [
    pytest.param(
        {"questions.yaml": QUESTIONS_WITH("ask_if: back_pain", "ask_if: limb_weakness")},
        [
            "rules/questions.yaml:14:17: [error] 'ask_if' depends on 'limb_weakness', which is asked later; "
            "a question can depend only on earlier answers (schema)"
        ],
        # Without the guard the question is never asked (its own answer is missing, so not
        # reported): weak legs with back pain, the cord emergency, could never be found.
        id="ask_if depends on the question itself",
    ),
    pytest.param(
        {
            "findings.yaml": TINY["findings.yaml"]
            + indented(
                """\
                - id: where_pain
                  label: where the pain is
                  type: choice
                """,
                "  ",
            ),
            "questions.yaml": TINY["questions.yaml"] + "      - finding: where_pain\n        text: Where?\n",
        },
        [
            "rules/findings.yaml:17:11: [error] 'where_pain' is a choice finding but lists no choices; add 'choices:' (schema)"
        ],
        # Without the guard the loader passes it and the question crashes (IndexError, exit 3).
        id="choice finding with no choices",
    ),
    pytest.param(
        {
            "sites/bones.yaml": TINY["sites/bones.yaml"].replace(
                "    sources: [SRC-A]\n", "    sources: [SRC-Z]\n"
            )
        },
        [
            "rules/sites/bones.yaml:13:15: [error] the source 'SRC-Z' is not in sources.yaml (did you mean 'SRC-A'?) (schema)"
        ],
        # Without the check, a person whose answers fire the rule meets a KeyError (exit 3).
        id="site rule cites a source not in sources.yaml",
    ),
    pytest.param(
        {
            "sites/bones.yaml": TINY["sites/bones.yaml"].replace(
                "sources: [SRC-A]\nrules:", "sources: [SRC-Y]\nrules:"
            )
        },
        [
            "rules/sites/bones.yaml:5:11: [error] the source 'SRC-Y' is not in sources.yaml (did you mean 'SRC-A'?) (schema)"
        ],
        id="site cites a source not in sources.yaml",
    ),
    pytest.param(
        {"questions.yaml": QUESTIONS_WITH("text: Back pain?", "text: Back pain?\n        default: maybe")},
        [
            "rules/questions.yaml:12:18: [error] 'maybe' is not an answer to 'back_pain'; use one of yes, no (schema)"
        ],
        # Without the check a run records back pain as "maybe", read as not reported.
        id="yes/no question defaults to a word that is not an answer",
    ),
    pytest.param(
        {
            "questions.yaml": QUESTIONS_WITH(
                "text: Have you been told you have cancer?", "text: Told?\n        default: currrent"
            )
        },
        [
            "rules/questions.yaml:7:18: [error] 'currrent' is not an answer to 'cancer_history' "
            "(did you mean 'current'?); use one of none, current (schema)"
        ],
        id="choice question defaults to a value not among its choices",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), LOADER_PROBLEMS)
def test_the_loader_refuses_what_would_mislead_a_person(
    tmp_path: Path, changes: dict[str, str], expected: list[str]
) -> None:
    assert problems_of(write_book(tmp_path / "rules", changes)) == expected


@pytest.mark.parametrize(
    ("changes", "default"),
    [
        pytest.param(
            {
                "questions.yaml": QUESTIONS_WITH(
                    "text: Back pain?", 'text: Back pain?\n        default: "yes"'
                )
            },
            "yes",
            id="yes/no",
        ),
        pytest.param(
            {
                "questions.yaml": QUESTIONS_WITH(
                    "text: Have you been told you have cancer?", "text: Told?\n        default: none"
                )
            },
            "none",
            id="choice",
        ),
    ],
)
def test_a_default_that_is_an_answer_is_accepted(
    tmp_path: Path, changes: dict[str, str], default: str
) -> None:
    loaded = load(write_book(tmp_path / "rules", changes))
    assert loaded.warnings == []
    assert default in [question.default for question in loaded.book.questions]


# --- nesting: refused past 40 levels, before Python's own recursion limit ------------------


def deep_site(levels: int) -> dict[str, str]:
    """A second site whose `about` holds lists `levels` deep (the file's mapping is one more)."""
    about = "[" * levels + "]" * levels
    return {
        "sites/lungs.yaml": TINY["sites/bones.yaml"].replace("bones", "lungs").replace("The skeleton.", about)
    }


TOO_DEEP = "rules/sites/lungs.yaml:3:47: [error] the file is nested more than 40 levels deep; no rule book or answers file is that deep (yaml)"


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        pytest.param(
            39,
            "rules/sites/lungs.yaml:3:8: [error] 'about' should be text, not a list (schema)",
            id="40 levels: read",
        ),
        pytest.param(40, TOO_DEEP, id="41 levels: refused"),
        pytest.param(60, TOO_DEEP, id="61 levels: refused"),
        # Well under libyaml's own limit; without the reader's limit, Python's recursion limit: exit 3.
        pytest.param(989, TOO_DEEP, id="990 levels: refused"),
    ],
)
def test_deep_nesting_is_refused_past_forty_levels(tmp_path: Path, levels: int, expected: str) -> None:
    assert problems_of(write_book(tmp_path / "rules", deep_site(levels))) == [expected]


# --- schema problems in words, at the place to fix ------------------------------------------

RED_FLAGS, BONES, FINDINGS = TINY["red_flags.yaml"], TINY["sites/bones.yaml"], TINY["findings.yaml"]
PRIMARIES = TINY["primaries.yaml"]
LIST_OF_SITES = "'common_sites' should be a list (one item a line, each starting with '- '), not"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {"red_flags.yaml": RED_FLAGS.replace("urgency: emergency", "urgency: soon")},
            "rules/red_flags.yaml:9:14: [error] 'urgency' must be one of 'emergency', 'urgent', 'prompt' or 'routine', not 'soon' (did you mean 'prompt'?) (schema)",
            id="urgency not a level",
        ),
        pytest.param(
            {"red_flags.yaml": RED_FLAGS.replace("title: Cord pressure", "title: ''")},
            "rules/red_flags.yaml:3:12: [error] 'title' must not be empty (schema)",
            id="empty text",
        ),
        pytest.param(
            {"red_flags.yaml": RED_FLAGS.replace("sources: [SRC-A]", "sources: []")},
            "rules/red_flags.yaml:11:14: [error] 'sources' must not be empty (schema)",
            id="empty list",
        ),
        pytest.param(
            {
                "findings.yaml": FINDINGS.replace(
                    "- {value: none, text: Never}", "- {value: none, text: Never, txt: x}"
                )
            },
            "rules/findings.yaml:7:36: [error] 'txt' is not a key this file knows (did you mean 'text'?); the keys allowed here are: value, text (schema)",
            id="unknown key in a choice: the keys of a choice",
        ),
        pytest.param(
            {"sites/bones.yaml": BONES.replace("    why: The spine", "    wy: x\n    why: The spine")},
            "rules/sites/bones.yaml:12:5: [error] 'wy' is not a key this file knows (did you mean 'why'?); the keys allowed here are: id, when, why, sources, checked, why_for_everyone, urgency (schema)",
            id="unknown key in a rule: the keys of a rule",
        ),
        pytest.param(
            {"sites/bones.yaml": BONES.replace("    why: The spine is the most common bone site.\n", "")},
            "rules/sites/bones.yaml:7:5: [error] 'why' is missing here; add it (schema)",
            id="missing key: at the item",
        ),
        pytest.param(
            {"findings.yaml": FINDINGS.replace("- {value: none, text: Never}", "- {value: none}")},
            "rules/findings.yaml:7:9: [error] 'text' is missing here; add it (schema)",
            id="a list short of nothing: only the item's own problem",
        ),
        pytest.param(
            {"primaries.yaml": PRIMARIES.replace("common_sites: [bones]", "common_sites: " + "b" * 70)},
            f"rules/primaries.yaml:4:19: [error] {LIST_OF_SITES} '{'b' * 60}…' (schema)",
            id="a long value shown cut",
        ),
        pytest.param(
            {"primaries.yaml": PRIMARIES.replace("common_sites: [bones]", "common_sites: " + "b" * 60)},
            f"rules/primaries.yaml:4:19: [error] {LIST_OF_SITES} '{'b' * 60}' (schema)",
            id="a value of 60 characters shown whole",
        ),
        pytest.param(
            {"primaries.yaml": PRIMARIES.replace("common_sites: [bones]", "common_sites:")},
            f"rules/primaries.yaml:4:18: [error] {LIST_OF_SITES} nothing (schema)",
            id="nothing given",
        ),
        pytest.param(
            {"primaries.yaml": PRIMARIES.replace("common_sites: [bones]", "common_sites: {a: b}")},
            f"rules/primaries.yaml:4:19: [error] {LIST_OF_SITES} a mapping (schema)",
            id="a mapping given",
        ),
        pytest.param(
            {"primaries.yaml": PRIMARIES.replace("common_sites: [bones]", "common_sites: yes")},
            f"rules/primaries.yaml:4:19: [error] {LIST_OF_SITES} yes/no (schema)",
            id="yes/no given",
        ),
    ],
)
def test_schema_problems_in_words(tmp_path: Path, changes: dict[str, str], expected: str) -> None:
    assert problems_of(write_book(tmp_path / "rules", changes)) == [expected]
