"""The engine on the tiny rule book: urgency, red flags, questions, pruning."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.core.engine import applicable_questions, assess, next_question, possible_questions, prune
from metasymptoms.core.loader import load
from metasymptoms.core.model import Urgency
from tests.helpers import TINY, indented, write_book


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


def test_a_warning_sign_is_looked_up_by_its_id(book) -> None:
    # One lookup on the book, combined signs included: the result's order and the emergency
    # card read each fired sign's grade and first step through it.
    assert [book.red_flag(flag.id) for flag in book.red_flags] == list(book.red_flags)
    assert any(flag.combines for flag in book.red_flags)
    with pytest.raises(KeyError):
        book.red_flag("no_such_sign")


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


# --- the engine: what a person is shown -----------------------------------------------------

# Two warning signs resting on exactly the same reported findings: the urgent one must not be
# shown beside the emergency (it would soften "call now").
SAME_SIGNS = {
    "red_flags.yaml": TINY["red_flags.yaml"]
    + indented(
        """\
        - id: legs_and_back
          title: Weak legs and back pain
          when:
            all: [back_pain, limb_weakness, {not: jaundice}]
          urgency: emergency
          advice: Call your local emergency number now.
          sources: [SRC-A]
          checked: {by: author, date: 2026-01-01}
        - id: legs
          title: Weak legs
          when:
            all: [back_pain, limb_weakness]
          urgency: urgent
          advice: Call your care team today.
          sources: [SRC-A]
          checked: {by: author, date: 2026-01-01}
        """,
        "  ",
    ),
}

# A site rule that holds through one branch of `any` while another branch holds only in part.
PARTLY = """\
    - id: bones.partly
      when:
        {word}:
          - all: [back_pain, limb_weakness]
          - jaundice
      why: A made-up reason.
      sources: [SRC-A]
      checked: {{by: author, date: 2026-01-01}}
    """


def with_site_rule(word: str) -> dict[str, str]:
    return {"sites/bones.yaml": TINY["sites/bones.yaml"] + indented(PARTLY.format(word=word), "  ")}


ENGINE_OUTCOMES = [
    pytest.param(
        SAME_SIGNS,
        {"cancer_history": "none", "back_pain": True, "limb_weakness": True},
        [("legs_and_back", "emergency", ("back_pain", "limb_weakness"))],
        [],
        id="a less urgent sign on the same findings is left out",
    ),
    pytest.param(
        SAME_SIGNS,
        {"cancer_history": "current", "back_pain": True, "limb_weakness": True},
        [
            ("cord", "emergency", ("cancer_history", "back_pain", "limb_weakness")),
            ("legs_and_back", "emergency", ("back_pain", "limb_weakness")),
        ],
        [("bones", "bones.back", ("cancer_history", "back_pain"))],
        id="equally urgent signs are both shown",
    ),
    pytest.param(
        with_site_rule("any"),
        {"cancer_history": "none", "back_pain": True, "limb_weakness": False, "jaundice": True},
        [],
        [("bones", "bones.partly", ("jaundice",))],
        id="because names only the branch of any that holds",
    ),
    pytest.param(
        with_site_rule("at_least: 1\n        of"),
        {"cancer_history": "none", "back_pain": True, "limb_weakness": False, "jaundice": True},
        [],
        [("bones", "bones.partly", ("jaundice",))],
        id="because names only the parts of at_least that hold",
    ),
]


@pytest.mark.parametrize(("changes", "answers", "flags", "rules"), ENGINE_OUTCOMES)
def test_the_engine_shows_the_right_signs_and_reasons(
    tmp_path: Path, changes: dict[str, str], answers: dict, flags: list, rules: list
) -> None:
    book = load(write_book(tmp_path / "rules", changes)).book
    assessment = assess(book, answers)
    assert [(flag.id, flag.urgency.value, flag.because) for flag in assessment.red_flags] == flags
    assert [(site.id, rule.id, rule.because) for site in assessment.sites for rule in site.rules] == rules


# A chain of follow-ups: weak legs is asked after back pain, bladder trouble after weak legs.
CHAIN = {
    "findings.yaml": TINY["findings.yaml"] + "  - id: bladder_trouble\n    label: trouble passing urine\n",
    "questions.yaml": TINY["questions.yaml"].replace(
        "        ask_if: back_pain\n",
        "        ask_if: back_pain\n"
        "      - finding: bladder_trouble\n"
        "        text: Trouble passing urine?\n"
        "        ask_if: limb_weakness\n",
    ),
}


@pytest.mark.parametrize(
    ("answers", "kept"),
    [
        pytest.param(
            {
                "cancer_history": "none",
                "back_pain": False,
                "limb_weakness": True,
                "bladder_trouble": True,
                "jaundice": False,
            },
            {"cancer_history": "none", "back_pain": False, "jaundice": False},
            id="a dropped answer does not keep the next follow-up alive",
        ),
        pytest.param(
            {"cancer_history": "none", "back_pain": True, "limb_weakness": False, "bladder_trouble": True},
            {"cancer_history": "none", "back_pain": True, "limb_weakness": False},
            id="a changed follow-up drops its own follow-up",
        ),
        pytest.param(
            {"cancer_history": "none", "back_pain": True, "limb_weakness": True, "bladder_trouble": True},
            {"cancer_history": "none", "back_pain": True, "limb_weakness": True, "bladder_trouble": True},
            id="a chain that still applies is kept whole",
        ),
    ],
)
def test_prune_follows_a_chain_of_follow_ups(tmp_path: Path, answers: dict, kept: dict) -> None:
    book = load(write_book(tmp_path / "rules", CHAIN)).book
    assert prune(book, answers) == kept


def test_prune_keeps_later_answers_when_an_earlier_question_was_not_answered(tmp_path: Path) -> None:
    book = load(write_book(tmp_path / "rules", CHAIN)).book
    answers = {"back_pain": True, "limb_weakness": True, "jaundice": False}
    assert prune(book, answers) == answers


@pytest.mark.parametrize(
    ("answers", "counted"),
    [
        pytest.param(
            {},
            ["cancer_history", "back_pain", "limb_weakness", "bladder_trouble", "jaundice"],
            id="before any answer every follow-up may come",
        ),
        pytest.param(
            {"cancer_history": "none"},
            ["cancer_history", "back_pain", "limb_weakness", "bladder_trouble", "jaundice"],
            id="an unanswered question keeps its follow-ups counted",
        ),
        pytest.param(
            {"cancer_history": "none", "back_pain": False},
            ["cancer_history", "back_pain", "jaundice"],
            id="a no rules out the follow-up and the follow-up's own",
        ),
        pytest.param(
            {"cancer_history": "none", "back_pain": True, "limb_weakness": False},
            ["cancer_history", "back_pain", "limb_weakness", "jaundice"],
            id="a no to the follow-up rules out only its own follow-up",
        ),
        pytest.param(
            {"cancer_history": "none", "back_pain": True, "limb_weakness": True},
            ["cancer_history", "back_pain", "limb_weakness", "bladder_trouble", "jaundice"],
            id="a chain that still applies is counted whole",
        ),
    ],
)
def test_the_questions_that_may_still_be_asked(tmp_path: Path, answers: dict, counted: list[str]) -> None:
    """The questionnaire's "question 2 of up to 5": the questions answered and those the answers
    so far do not rule out, whatever the questions before them will be answered."""
    book = load(write_book(tmp_path / "rules", CHAIN)).book
    assert [question.finding for question in possible_questions(book, answers)] == counted


# --- the red flags and rules the questionnaire and `rules verify` ask for ---------------------


@pytest.mark.parametrize(
    ("answers", "emergencies", "flags", "rules"),
    [
        pytest.param(
            {"cancer_history": "current", "back_pain": True, "limb_weakness": True},
            ["cord", "legs_and_back"],
            ["cord", "legs_and_back", "legs"],
            [("bones", "bones.back")],
            id="all fire",
        ),
        pytest.param(
            {"back_pain": True, "limb_weakness": True},
            ["cord", "legs_and_back"],
            ["cord", "legs_and_back", "legs"],
            [("bones", "bones.back")],
            id="history not given: the safer reading fires the flags that need cancer",
        ),
        pytest.param(
            {"cancer_history": "none", "back_pain": True, "limb_weakness": True},
            ["legs_and_back"],
            ["legs_and_back", "legs"],
            [],
            id="no cancer",
        ),
        pytest.param(
            {"cancer_history": "current", "back_pain": True, "limb_weakness": True, "jaundice": True},
            ["cord"],
            ["cord", "legs"],
            [("bones", "bones.back")],
            id="a negated part that fails",
        ),
        pytest.param({"cancer_history": "current"}, [], [], [], id="nothing reported"),
    ],
)
def test_fired_red_flags_emergencies_and_rules(
    tmp_path: Path, answers: dict, emergencies: list, flags: list, rules: list
) -> None:
    from metasymptoms.core.engine import fired_emergencies, fired_red_flags, fired_rules

    book = load(write_book(tmp_path / "rules", SAME_SIGNS)).book
    assert [flag.id for flag in fired_emergencies(book, answers)] == emergencies
    assert [flag.id for flag in fired_red_flags(book, answers)] == flags
    assert [(site.id, rule.id) for site, rule in fired_rules(book, answers)] == rules


def test_implications_are_the_books_unless_the_caller_names_its_own(book) -> None:
    from metasymptoms.core.unsaid import with_implications

    # 38.5 °C implies a fever (the book's implications); verify passes only a property's own
    assert with_implications(book, {"temperature": 38.5}) == {"temperature": 38.5, "fever": True}
    assert with_implications(book, {"temperature": 38.5}, []) == {"temperature": 38.5}
    assert with_implications(book, {"temperature": 38.5}, [("temperature", "fever")])["fever"] is True
    answers = {"temperature": 38.5}
    with_implications(book, answers)
    assert answers == {"temperature": 38.5}  # the caller's answers are left as they were
