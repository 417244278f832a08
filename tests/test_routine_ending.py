"""The routine ending, as a new user met it by pressing Enter all the way: it must not say the
answers "do not match the symptom patterns" and then speak of "symptoms a provider may want to
check" with none listed, nor repeat itself. It says plainly that nothing was reported, never
reads as an all-clear, sends the person to a provider and lists the emergency signs, in
every format: the plain questions, text, markdown, HTML, JSON and the web result page."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from metasymptoms.answering.assessment_html import render_html
from metasymptoms.answering.assessment_json import render_json
from metasymptoms.answering.assessment_text import render_markdown, render_text
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook
from metasymptoms.web.app import build_app
from tests.helpers import run_main
from tests.test_result_order import html_words, words
from tests.test_web import walk_to_the_end
from tests.web_forms import Person

# What Enter all the way gives: "not sure" of a history, of treatment and of each kind of
# treatment, "no" to the rest.
KINDS = ("recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line")
ENTER_ALL_THE_WAY = {
    "cancer_history": "unsure",
    "recent_treatment": "unsure",
    **dict.fromkeys(KINDS, "unsure"),
    "fatigue": False,
}

HEADING = "Routine: none of the warning signs this tool checks for"
NOTHING = "You did not report any of the symptoms this tool asks about."
ADVICE = (
    "This result does not rule anything out. Please see your healthcare provider about any "
    "symptom that is new, that worries you, or that lasts or gets worse."
)
ENDING = f"{HEADING}\n{NOTHING}\n{ADVICE}"
# What the person was told on the old code, each contradicting a result with nothing reported.
CONTRADICTIONS = (
    "do not match the symptom patterns",
    "may want to check",
    "these symptoms",
    "Waiting for a check",
    "Mention anything new",
)


def test_enter_all_the_way_in_the_plain_questions_ends_coherently() -> None:
    done = run_main("ask", "--plain", stdin="\n" * 200)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    result = out[out.index(f"\n{HEADING}\n") + 1 :]
    # How soon, that nothing was reported, and what to do, on the first screen.
    assert result.startswith(
        f"{HEADING}\n"
        f"{NOTHING}\n"
        "This result does not rule anything out. Please see your healthcare provider\n"
        "about any symptom that is new, that worries you, or that lasts or gets worse.\n"
        "\n"
        "Enter: read more; s: save a summary; q: finish\n"
    )
    # The last words, after "read more" and "nothing saved".
    assert out.endswith(
        "Nothing was saved.\n\n"
        f"{HEADING}\n"
        f"{NOTHING}\n"
        "This result does not rule anything out. Please see your healthcare provider\n"
        "about any symptom that is new, that worries you, or that lasts or gets worse.\n"
    )
    assert "Call your local emergency number (911 / 999 / 112) straight away if you notice\n" in result
    for contradiction in CONTRADICTIONS:
        assert contradiction not in result, contradiction
    assert result.count("Please see your healthcare provider") == 2  # first screen and last


def test_enter_all_the_way_reports_no_symptom(book: RuleBook) -> None:
    from metasymptoms.answering.result import symptoms_told

    # Answers about the person (a history, treatment) are not symptoms.
    assert symptoms_told(book, ENTER_ALL_THE_WAY) == ()
    assert symptoms_told(book, {**ENTER_ALL_THE_WAY, "recent_chemotherapy": True}) == ()
    assert symptoms_told(book, {"fatigue": "unsure", "temperature": 37.0, "itching": True}) == (
        "fatigue",
        "temperature",
        "itching",
    )


def test_the_routine_ending_in_text(book: RuleBook) -> None:
    text = render_text(book, assess(book, ENTER_ALL_THE_WAY))
    assert text.startswith(
        "metasymptoms: what your answers point to\n"
        "\n"
        "ROUTINE: NONE OF THE WARNING SIGNS THIS TOOL CHECKS FOR\n"
        "=======================================================\n"
        "You did not report any of the symptoms this tool asks about.\n"
        "\n"
        "This result does not rule anything out. Please see your healthcare provider\n"
        "about any symptom that is new, that worries you, or that lasts or gets worse.\n"
        "\n"
        'Answers you were not sure about or left at "not sure"\n'
        'You chose "not sure", or left the answer at "not sure", for your history of\n'
        "cancer; cancer treatment or steroid tablets in the last 6 weeks; chemotherapy\n"
        "or another cancer drug in the last 6 weeks; radiotherapy in the last 6 weeks;\n"
        "taking steroid tablets, such as dexamethasone or prednisolone; and a central\n"
        "line, PICC line or port. The warning signs were checked the safer way, as if\n"
        "the answer could be yes, so that none is missed. Tell your provider what\n"
        "applies to you.\n"
        "\n"
        "CALL YOUR LOCAL EMERGENCY NUMBER (911 / 999 / 112) STRAIGHT AWAY IF YOU NOTICE\n"
    )
    assert text.endswith(
        "Draft rule book, version 0.1: not yet signed off by a clinician.\n"
        "\n"
        "ROUTINE: NONE OF THE WARNING SIGNS THIS TOOL CHECKS FOR\n"
        "=======================================================\n"
        "You did not report any of the symptoms this tool asks about.\n"
        "\n"
        "This result does not rule anything out. Please see your healthcare provider\n"
        "about any symptom that is new, that worries you, or that lasts or gets worse.\n"
    )
    for contradiction in CONTRADICTIONS:
        assert contradiction not in text, contradiction
    assert all(words(sign) in words(text) for sign in book.guidance.emergency_signs)


def test_the_routine_ending_in_markdown_and_html(book: RuleBook) -> None:
    assessment = assess(book, ENTER_ALL_THE_WAY)
    markdown = render_markdown(book, assessment)
    you = markdown[markdown.index("## For you") :]
    assert you.startswith(
        f"## For you\n\n### {HEADING}\n\n{NOTHING}\n\n{ADVICE}\n\n#### Answers you were not sure"
    )
    assert markdown.endswith(f"### {HEADING}\n\n{NOTHING}\n\n{ADVICE}\n")
    page = html_words(render_html(book, assessment))
    assert page.endswith(f"{HEADING} {NOTHING} {ADVICE}")
    for text in (you, page):
        for contradiction in CONTRADICTIONS:
            assert contradiction not in text, contradiction
        assert all(words(sign) in words(text) for sign in book.guidance.emergency_signs)


def test_the_routine_ending_in_json(book: RuleBook) -> None:
    data = json.loads(render_json(book, assess(book, ENTER_ALL_THE_WAY)))
    assert data["advice"] == ADVICE
    assert data["emergency_signs"] == {
        "heading": "Call your local emergency number (911 / 999 / 112) straight away if you notice",
        "signs": list(book.guidance.emergency_signs),
    }
    assert data["ending"] == {"heading": HEADING, "what_to_do": ADVICE, "about_your_answers": NOTHING}
    # Something reported: no "nothing reported" sentence.
    told = json.loads(render_json(book, assess(book, {"cancer_history": "none", "itching": True})))
    assert told["ending"] == {"heading": HEADING, "what_to_do": ADVICE, "about_your_answers": None}


@pytest.fixture(scope="module")
def client(book: RuleBook) -> Iterator[TestClient]:
    with TestClient(build_app(book, allowed_hosts=["testserver"])) as client:
        yield client


def test_the_routine_ending_on_the_web_result_page(client: TestClient, book: RuleBook) -> None:
    person = Person(client)
    person.start()
    walk_to_the_end(person, {"cancer_history": "unsure", "recent_treatment": "unsure"})
    person.press("result")
    texts = person.page.texts
    start = texts.index("Your result")
    assert texts[start : start + 4] == ["Your result", HEADING, NOTHING, ADVICE]
    footer = next(i for i, text in enumerate(texts) if text.startswith("Educational only:"))
    assert texts[footer - 3 : footer] == [HEADING, NOTHING, ADVICE]
    # The footer does not say "see a provider" a third time.
    assert texts[footer] == "Educational only: this tool never says what you have."
    page = " ".join(texts)
    for contradiction in CONTRADICTIONS:
        assert contradiction not in page, contradiction
    assert all(sign in texts for sign in book.guidance.emergency_signs)


def test_a_symptom_that_matches_no_pattern_is_listed(book: RuleBook) -> None:
    """Told symptoms that match no pattern are named, so "symptoms a provider may want to
    check" says which."""
    answers = {"cancer_history": "none", "fatigue": True, "night_sweats": "unsure", "temperature": 37.0}
    text = render_text(book, assess(book, answers))
    assert (
        "WHAT YOUR ANSWERS POINT TO\n"
        "==========================\n"
        "Your answers do not match the symptom patterns this tool looks for.\n"
        "\n"
        "You said no doctor has told you that you have or had cancer. These are\n"
        "symptoms a provider may want to check, and they often have common causes that\n"
        "are not cancer.\n"
        "\n"
        "  - extreme tiredness that rest does not fix\n"
        "  - night sweats: Not sure\n"
        "  - your measured temperature: 37 °C (98.6 °F)\n"
        "\n"
        "WHAT A PROVIDER MAY DO\n"
    ) in text
    assert NOTHING not in text


def test_a_person_with_cancer_who_reports_nothing_keeps_the_follow_up_advice(book: RuleBook) -> None:
    text = render_text(book, assess(book, {"cancer_history": "current", "recent_treatment": False}))
    assert (
        "WHAT YOUR ANSWERS POINT TO\n"
        "==========================\n"
        "Tell your care team about any new symptom, and keep your follow-up\n"
        "appointments even when you feel well: spread often causes no symptoms at first\n"
        "and is found at check-ups.\n"
        "\n"
        "WHAT A PROVIDER MAY DO\n"
    ) in text
    assert "  - What could be causing any symptoms I have, and which tests do I need?\n" in text
    for contradiction in CONTRADICTIONS:
        assert contradiction not in text, contradiction
