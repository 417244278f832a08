"""A misspelt value of a closed list (an urgency, a finding's kind, a source's audience, ...)
is located and answered with the value meant, as a misspelt key or id already is."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TINY, problems_of, write_book

FINDINGS, FLAGS, SOURCES = TINY["findings.yaml"], TINY["red_flags.yaml"], TINY["sources.yaml"]
BOOK = 'name: Tiny book\nversion: "1.2"\nstatus: draft\nintended_purpose: Testing.\n'


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {"red_flags.yaml": FLAGS.replace("urgency: emergency", "urgency: emergancy")},
            "rules/red_flags.yaml:9:14: [error] 'urgency' must be one of 'emergency', 'urgent', 'prompt' or "
            "'routine', not 'emergancy' (did you mean 'emergency'?) (schema)",
            id="urgency",
        ),
        pytest.param(
            {"red_flags.yaml": FLAGS.replace("urgency: emergency", "urgency: Soon")},
            "rules/red_flags.yaml:9:14: [error] 'urgency' must be one of 'emergency', 'urgent', 'prompt' or "
            "'routine', not 'Soon' (did you mean 'prompt'?) (schema)",
            id="the word the screens show for a level: the file's word for it",
        ),
        pytest.param(
            {"red_flags.yaml": FLAGS + "    grade: soon\n"},
            "rules/red_flags.yaml:13:12: [error] 'grade' must be one of 'amber' or 'red', not 'soon' (schema)",
            id="soon where no urgency is asked: no guess",
        ),
        pytest.param(
            {"red_flags.yaml": FLAGS + "    grade: ambre\n"},
            "rules/red_flags.yaml:13:12: [error] 'grade' must be one of 'amber' or 'red', not 'ambre' "
            "(did you mean 'amber'?) (schema)",
            id="a warning sign's grade",
        ),
        pytest.param(
            {"red_flags.yaml": FLAGS + "    first_step: cancer_team\n"},
            "rules/red_flags.yaml:13:17: [error] 'first_step' must be one of 'emergency_services' or "
            "'cancer_team_line', not 'cancer_team' (did you mean 'cancer_team_line'?) (schema)",
            id="an emergency's first step",
        ),
        pytest.param(
            {
                "findings.yaml": FINDINGS.replace(
                    "label: new back pain", "label: new back pain\n    type: yesno"
                )
            },
            "rules/findings.yaml:11:11: [error] 'type' must be one of 'yes_no', 'choice', 'number' or "
            "'several', not 'yesno' (did you mean 'yes_no'?) (schema)",
            id="a finding's kind",
        ),
        pytest.param(
            {"findings.yaml": FINDINGS.replace("role: cancer_history", "role: history_cancer")},
            "rules/findings.yaml:4:11: [error] 'role' must be one of 'cancer_history', 'primary_cancer', "
            "'recent_treatment', 'known_spread' or 'wants_outlook_questions', not 'history_cancer' "
            "(did you mean 'cancer_history'?) (schema)",
            id="a finding's role",
        ),
        pytest.param(
            {"sources.yaml": SOURCES + "    written_for: profesionals\n"},
            "rules/sources.yaml:6:18: [error] 'written_for' must be one of 'everyone', 'people_with_cancer' or "
            "'professionals', not 'profesionals' (did you mean 'professionals'?) (schema)",
            id="a source's audience",
        ),
        pytest.param(
            {"book.yaml": BOOK.replace("status: draft", "status: aproved")},
            "rules/book.yaml:3:9: [error] 'status' must be one of 'draft' or 'approved', not 'aproved' "
            "(did you mean 'approved'?) (schema)",
            id="the book's status",
        ),
        pytest.param(
            {"red_flags.yaml": FLAGS.replace("urgency: emergency", "urgency: asap")},
            "rules/red_flags.yaml:9:14: [error] 'urgency' must be one of 'emergency', 'urgent', 'prompt' or "
            "'routine', not 'asap' (schema)",
            id="no value near: no guess",
        ),
        pytest.param(
            {"red_flags.yaml": FLAGS.replace("urgency: emergency", "urgency: {now: emergency}")},
            "rules/red_flags.yaml:9:14: [error] 'urgency' must be one of 'emergency', 'urgent', 'prompt' or "
            "'routine', not '{'now': 'emergency'}' (schema)",
            id="not a word at all: no guess",
        ),
    ],
)
def test_a_misspelt_value_is_answered_with_the_value_meant(
    tmp_path: Path, changes: dict[str, str], expected: str
) -> None:
    assert problems_of(write_book(tmp_path / "rules", changes)) == [expected]
