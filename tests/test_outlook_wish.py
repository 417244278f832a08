"""The questions about what lies ahead (outlook, palliative care, legal documents): offered to
a person told the cancer has spread, or to a person with cancer who asks for them (fact 41 in
docs/clinical-basis.md). A person with no diagnosis, or not sure of one, is never asked the
wish and never shown the questions, however they reach the tool."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from metasymptoms.core.engine import applicable_questions, assess, next_question
from metasymptoms.core.explain import why_items
from metasymptoms.core.model import RuleBook
from metasymptoms.web.app import build_app
from tests.helpers import run_main
from tests.test_web import _no, asked, walk_to_the_end
from tests.web_forms import Person

WISH = "wants_outlook_questions"
OUTLOOK = "What can improve my outlook?"


def _walk(book: RuleBook, given: dict[str, Any]) -> list[str]:
    """The questions asked, in order, answering from `given` and pressing Enter otherwise."""
    from metasymptoms.core.kinds import kind_of

    answers: dict[str, Any] = {}
    order = []
    while (question := next_question(book, answers)) is not None:
        order.append(question.finding)
        finding = book.finding(question.finding)
        if question.finding in given:
            answers[question.finding] = given[question.finding]
        else:
            kind = kind_of(finding)
            option = question.default or kind.default_option(finding)
            answers[question.finding] = None if option == "" else kind.from_option(finding, option)
    return order


@pytest.mark.parametrize(
    ("given", "asked_it"),
    [
        ({"cancer_history": "current"}, True),
        ({"cancer_history": "past", "known_spread": "none"}, True),
        ({"cancer_history": "current", "known_spread": "unsure"}, True),
        ({"cancer_history": "current", "known_spread": "bones"}, False),  # offered without asking
        ({"cancer_history": "past", "known_spread": "elsewhere"}, False),
        ({"cancer_history": "none"}, False),
        ({"cancer_history": "unsure"}, False),
        ({}, False),  # Enter at the first question: "not sure"
    ],
)
def test_the_wish_is_asked_right_after_spread_and_only_of_a_person_with_cancer(
    book: RuleBook, given: dict[str, Any], asked_it: bool
) -> None:
    order = _walk(book, given)
    assert (WISH in order) is asked_it
    if asked_it:
        assert order[order.index("known_spread") + 1] == WISH


@pytest.mark.parametrize(
    ("answers", "offered"),
    [
        ({"cancer_history": "current", "known_spread": "none", WISH: "yes"}, True),
        ({"cancer_history": "past", "primary_cancer": "breast", WISH: "yes", "bone_pain": "yes"}, True),
        ({"cancer_history": "current", "known_spread": "unsure", WISH: "yes"}, True),
        ({"primary_cancer": "lung", WISH: "yes"}, True),  # a primary cancer says there is one
        ({"cancer_history": "current", "known_spread": "none", WISH: "no"}, False),
        ({"cancer_history": "current", "known_spread": "none"}, False),  # not asked for: not offered
        ({"cancer_history": "current", "known_spread": "none", WISH: "unsure"}, False),
        # never to anyone without a diagnosis, even when an answers file says yes
        ({"cancer_history": "none", WISH: "yes"}, False),
        ({"cancer_history": "unsure", WISH: "yes", "bone_pain": "yes"}, False),
        ({WISH: "yes"}, False),  # history left out: read as "not sure"
        # never beside emergency advice, nor after it: questions for later would read as
        # routine after advice to get help now (the wish stays in the clinician's part)
        ({"cancer_history": "current", WISH: "yes", "recent_treatment": "yes", "fever": "yes"}, False),
        ({"cancer_history": "current", "known_spread": "bones", "seizure": "yes"}, False),
        ({"cancer_history": "past", "known_spread": "elsewhere", "chest_pain_red_features": "yes"}, False),
    ],
)
def test_the_questions_follow_the_wish_for_a_person_with_cancer_only(
    book: RuleBook, answers: dict[str, Any], offered: bool
) -> None:
    from metasymptoms.answering.assessment_text import render_markdown, render_text
    from metasymptoms.core.answers import check_answers

    assessment = assess(book, check_answers(book, answers))
    assert assessment.outlook is offered
    for text in (render_text(book, assessment), render_markdown(book, assessment)):
        assert (OUTLOOK in text) is offered
        assert ("Will palliative (supportive) care continue" in text) is offered
        # the note on survival figures stands with the primary cancer, where one was named
        assert ("does not show survival figures" in text) is (offered and "primary_cancer" in answers)


def test_the_wish_is_never_called_a_symptom_or_a_treatment_in_the_summary(book: RuleBook) -> None:
    from metasymptoms.answering.summary import clinician_summary

    answers = {"cancer_history": "current", "known_spread": "none", WISH: True, "fatigue": True}
    summary = clinician_summary(book, assess(book, answers))
    assert summary.reported == ("extreme tiredness that rest does not fix",)
    assert summary.background == ()
    wish = next(item for item in summary.asked if item.finding == WISH)
    assert wish.answer_text == "Yes"


def test_the_first_question_never_names_spread_or_what_lies_ahead(book: RuleBook) -> None:
    why = " ".join(why_items(book, "cancer_history")).lower()
    assert "If you have or had cancer, a few questions about it follow." in why_items(book, "cancer_history")
    for word in ("spread", "lies ahead", "outlook"):
        assert word not in why, word
    # The questions asked only of a person with cancer still say what follows them.
    assert "  - Wanting questions to ask about what lies ahead" in why_items(book, "known_spread")
    assert why_items(book, WISH) == [
        "Your answer decides whether the result lists questions about what lies ahead."
    ]


def test_an_answers_file_carries_the_wish_into_every_format(book: RuleBook, tmp_path: Path) -> None:
    wants = tmp_path / "wants.yaml"
    wants.write_text(f"cancer_history: past\nknown_spread: none\n{WISH}: yes\n", encoding="utf-8")
    for form in ("text", "markdown", "html"):
        result = run_main("ask", "--answers", str(wants), "--format", form)
        assert result.returncode == 0, result.stderr
        assert OUTLOOK in result.stdout, form
    data = json.loads(run_main("ask", "--answers", str(wants), "--format", "json").stdout)
    assert {"finding": WISH, "answer": True, "answer_text": "Yes"}.items() <= next(
        item for item in data["asked"] if item["finding"] == WISH
    ).items()
    no_diagnosis = tmp_path / "none.yaml"
    no_diagnosis.write_text(f"cancer_history: none\n{WISH}: yes\n", encoding="utf-8")
    result = run_main("ask", "--answers", str(no_diagnosis))
    assert result.returncode == 0, result.stderr
    assert "outlook" not in result.stdout.lower()


def test_the_plain_questions_ask_the_wish_and_the_result_lists_the_questions() -> None:
    # cancer now (2), breast (1), no known spread (1), yes to the wish, then Enter throughout
    typed = "2\n1\n1\ny\n" + "\n" * 80
    result = run_main("ask", "--plain", stdin=typed)
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert (
        "Would you like the result to include some questions you could ask your care team about what lies ahead?"
        in out
    )
    assert OUTLOOK in out
    without = run_main("ask", "--plain", stdin="1\n" + "\n" * 80)
    assert without.returncode == 0, without.stderr
    assert "what lies ahead" not in without.stdout and "outlook" not in without.stdout


def test_the_web_questions_ask_the_wish_and_the_result_lists_the_questions(book: RuleBook) -> None:
    with TestClient(build_app(book, allowed_hosts=["testserver"])) as client:
        person = Person(client)
        person.start()
        seen = []
        while person.page.kind == "question":
            seen.append(asked(person))
            person.answer(
                {"cancer_history": "past", WISH: "yes"}.get(seen[-1], _no(person.page.form("answer")))
            )
        assert seen[seen.index("known_spread") + 1] == WISH
        person.press("result")
        assert any(OUTLOOK in text for text in person.page.texts)

        nobody = Person(client)
        nobody.start()
        walk_to_the_end(nobody, {"cancer_history": "none"})
        nobody.press("result")
        assert not any(
            "outlook" in text.lower() or "lies ahead" in text.lower() for text in nobody.page.texts
        )


def test_every_question_about_the_wish_applies_only_with_a_history(book: RuleBook) -> None:
    for history in ("none", "unsure"):
        assert WISH not in [q.finding for q in applicable_questions(book, {"cancer_history": history})]


def test_the_wish_left_out_is_not_a_question_left_unanswered(book: RuleBook) -> None:
    from metasymptoms.answering.summary import clinician_summary

    summary = clinician_summary(book, assess(book, {"cancer_history": "current", "known_spread": "none"}))
    assert not [labels for _, labels, _ in summary.not_answered if "wanting questions" in " ".join(labels)]


@pytest.mark.parametrize(
    "answers",
    [
        {"cancer_history": "none", WISH: "yes", "fatigue": "yes"},  # the trial's answers file
        {"cancer_history": "none", "known_spread": "none", WISH: "yes"},
        {"cancer_history": "unsure", "known_spread": "none", WISH: "yes", "bone_pain": "yes"},
        {WISH: "yes", "back_pain": "yes"},  # history left out: read as "not sure"
    ],
)
def test_a_summary_without_a_diagnosis_never_names_the_wish_or_spread(
    book: RuleBook, answers: dict[str, Any]
) -> None:
    """A new user's trial: an answers file with no diagnosis and the wish listed the wish's
    question (about what lies ahead) among the questions asked, and JSON listed the question
    about spread as not asked. Neither is asked of such a person; neither is shown, in any format."""
    from metasymptoms.answering.assessment_html import render_html
    from metasymptoms.answering.assessment_json import assessment_data
    from metasymptoms.answering.assessment_text import render_markdown
    from metasymptoms.core.answers import check_answers

    assessment = assess(book, check_answers(book, answers))
    assert assessment.audience != "with_cancer"
    data = assessment_data(book, assessment)
    listed = [item["finding"] for item in data["asked"] + data["not_asked"]]
    assert not {WISH, "known_spread", "primary_cancer"} & set(listed)
    assert "cancer_history" in listed and "recent_treatment" in listed  # asked of everyone
    for text in (render_markdown(book, assessment), render_html(book, assessment), json.dumps(data)):
        lowered = " ".join(text.lower().split())
        for words in ("lies ahead", "has spread", "cancer start", "outlook"):
            assert words not in lowered, words


def test_a_summary_with_cancer_still_lists_the_wish_and_spread(book: RuleBook) -> None:
    from metasymptoms.answering.assessment_json import assessment_data
    from metasymptoms.core.answers import check_answers

    answers = check_answers(book, {"cancer_history": "past", "known_spread": "none", WISH: "yes"})
    data = assessment_data(book, assess(book, answers))
    assert [item["finding"] for item in data["asked"]][:3] == ["cancer_history", "known_spread", WISH]
    assert "primary_cancer" in [item["finding"] for item in data["not_asked"]]


def test_in_an_emergency_the_wish_is_kept_for_the_clinician_not_listed_after_the_advice(
    book: RuleBook,
) -> None:
    """The questions about what lies ahead are left out of an emergency's ending (nothing for
    later after advice to get help now); the wish is not lost: the clinician's part of the
    summary, made for the people who see the person, records it with the questions asked."""
    from metasymptoms.answering.assessment_text import render_markdown

    answers = {"cancer_history": "current", "known_spread": "none", WISH: True, "seizure": True}
    text = render_markdown(book, assess(book, answers))
    assert text.startswith("# metasymptoms: summary to show the people who see you\n")
    assert (
        "3. Would you like the result to include some questions you could ask your care team "
        "about what lies ahead? **Yes**\n"
    ) in text
    assert OUTLOOK not in text
