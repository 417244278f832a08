"""The engine on the tiny rule book: urgency, red flags, questions, pruning."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.core.engine import applicable_questions, assess, next_question, prune
from metasymptoms.core.loader import load
from metasymptoms.core.model import Urgency


def test_urgency_is_routine_when_nothing_fires(tiny: Path) -> None:
    book = load(tiny).book
    assessment = assess(book, {"cancer_history": "none", "jaundice": True})
    assert assessment.urgency is Urgency.ROUTINE
    assert assessment.red_flags == ()
    assert assessment.sites == ()
    assert assessment.advice == "At your next visit. See your healthcare provider."
    assert assessment.audience == "without_cancer"


def test_fired_red_flag_and_rule(tiny: Path) -> None:
    book = load(tiny).book
    answers = {"cancer_history": "current", "back_pain": True, "limb_weakness": True}
    assessment = assess(book, answers)
    assert assessment.urgency is Urgency.EMERGENCY
    assert [(flag.id, flag.because) for flag in assessment.red_flags] == [
        ("cord", ("cancer_history", "back_pain", "limb_weakness"))
    ]
    assert [(site.id, [rule.id for rule in site.rules], site.because) for site in assessment.sites] == [
        ("bones", ["bones.back"], ("cancer_history", "back_pain"))
    ]
    assert assessment.sources == ("SRC-A",)
    assert (
        assessment.advice == "Call now, to be seen by a healthcare provider at once."
    )  # nothing routine after it


def test_next_question_follows_order_and_skip_logic(tiny: Path) -> None:
    book = load(tiny).book
    asked = []
    answers: dict = {}
    script = {"cancer_history": "none", "back_pain": False, "jaundice": True}
    while (question := next_question(book, answers)) is not None:
        asked.append(question.finding)
        answers[question.finding] = script[question.finding]
    assert asked == ["cancer_history", "back_pain", "jaundice"]  # limb_weakness skipped

    answers = {"cancer_history": "none", "back_pain": True}
    assert next_question(book, answers).finding == "limb_weakness"
    assert [q.finding for q in applicable_questions(book, answers)] == [
        "cancer_history",
        "back_pain",
        "limb_weakness",
        "jaundice",
    ]


def test_prune_drops_answers_to_questions_that_no_longer_apply(tiny: Path) -> None:
    book = load(tiny).book
    answers = {"cancer_history": "current", "back_pain": False, "limb_weakness": True, "jaundice": True}
    assert prune(book, answers) == {"cancer_history": "current", "back_pain": False, "jaundice": True}


def test_a_red_flag_covered_by_a_more_urgent_one_is_not_shown(book) -> None:
    answers = {"cancer_history": "past", "jaundice": True, "fever": True}
    shown = [flag.id for flag in assess(book, answers).red_flags]
    assert "jaundice_with_fever" in shown
    assert "jaundice" not in shown  # "check today" must not sit beside "call now" for the same signs


def test_red_flags_are_shown_most_urgent_first(book) -> None:
    answers = {
        "cancer_history": "current",
        "coughing_blood": True,
        "night_sweats": True,
        "weight_loss": True,
        "seizure": True,
    }
    urgencies = [flag.urgency.rank for flag in assess(book, answers).red_flags]
    assert urgencies == sorted(urgencies, reverse=True)
    assert urgencies[0] == Urgency.EMERGENCY.rank


def test_sources_follow_the_order_shown(book) -> None:
    # The less urgent flag comes first in the rule book but is shown second.
    answers = {"cancer_history": "past", "bone_pain": True, "seizure": True}
    assessment = assess(book, answers)
    assert [flag.id for flag in assessment.red_flags] == ["seizure", "new_symptom_with_cancer"]
    assert assessment.sources[:2] == ("EPI-999", "CC-META")


# What the tiny book's guidance gains to set its outlook questions apart: offered where
# yellow skin is reported, or (with cancer now) where the answers point to a site.
OUTLOOK = """\
outlook_questions:
  offered_when: jaundice
  offered_with_a_site_match_when: {cancer_history: [current]}
  questions: [What can improve my outlook?]
"""


@pytest.mark.parametrize(
    ("answers", "offered"),
    [
        ({"cancer_history": "current", "back_pain": False, "jaundice": True}, True),  # offered_when
        ({"cancer_history": "current", "back_pain": False, "jaundice": False}, False),  # no site matched
        ({"cancer_history": "current", "back_pain": True, "jaundice": False}, True),  # with the site match
        ({"cancer_history": "current", "back_pain": False, "jaundice": "unsure"}, False),  # not for certain
        ({"cancer_history": "current", "back_pain": False}, False),  # yellow skin not given
    ],
)
def test_outlook_questions_fit_only_where_the_guidance_says_for_certain(
    tmp_path: Path, answers: dict, offered: bool
) -> None:
    from tests.helpers import TINY, write_book

    book = load(write_book(tmp_path, {"guidance.yaml": TINY["guidance.yaml"] + OUTLOOK})).book
    assessment = assess(book, answers)
    assert assessment.audience == "with_cancer"
    assert assessment.outlook is offered


def test_a_book_that_does_not_set_outlook_questions_apart_offers_them_to_everyone_with_cancer(
    tiny: Path,
) -> None:
    book = load(tiny).book
    assert assess(book, {"cancer_history": "current", "back_pain": False}).outlook is True
    # never beside emergency advice
    answers = {"cancer_history": "current", "back_pain": True, "limb_weakness": True}
    assert assess(book, answers).outlook is False
