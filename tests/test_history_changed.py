"""A history of cancer changed after the treatment question was answered: the treatment's "no",
given where Enter gave "no" (a person with no cancer diagnosis), is taken back and asked again,
starting on "not sure", in the terminal and on the web pages alike (core/unsaid.asked_again).
Found in a new user's trial: the person who first chose "never told I have cancer" by mistake
and put it right at the review kept their Enter's "no", and a fever on chemotherapy read Urgent."""

from __future__ import annotations

from metasymptoms.core.engine import applicable_questions, assess
from metasymptoms.core.loader import load_book
from metasymptoms.core.unsaid import asked_again
from metasymptoms.web.walk import Walk, next_to_ask, record
from tests.helpers import run_main

BOOK = load_book()
FEVER = {"fever": True, "temperature": 38.5}


def test_a_no_given_without_cancer_is_taken_back_when_the_history_changes() -> None:
    before = {"cancer_history": "none", "recent_treatment": False, **FEVER}
    after = {**before, "cancer_history": "current"}
    assert asked_again(BOOK, before, after) == {"recent_treatment"}
    # a "no" said with cancer already chosen is the person's own answer; "yes" and "not sure" stay
    assert asked_again(BOOK, {**before, "cancer_history": "past"}, after) == frozenset()
    assert (
        asked_again(BOOK, {**before, "recent_treatment": True}, {**after, "recent_treatment": True})
        == frozenset()
    )
    # and the other way, from cancer to none, nothing is taken back
    assert asked_again(BOOK, after, before) == frozenset()


def test_the_web_pages_ask_the_treatment_question_again() -> None:
    walk = Walk(
        answers={"cancer_history": "none", "recent_treatment": False, "fever": True, "temperature": 38.5}
    )
    changed = record(BOOK, walk, "cancer_history", "current")
    assert "recent_treatment" not in changed.answers
    to_ask = [question.finding for question in applicable_questions(BOOK, changed.answers)]
    assert "recent_treatment" in to_ask  # after the questions about the cancer itself
    assert next_to_ask(BOOK, changed) is not None
    # read the safer way meanwhile: a fever with cancer and treatment not said is an emergency
    assert assess(BOOK, changed.answers).urgency.value == "emergency"


def test_the_terminal_asks_again_and_a_fever_on_treatment_is_an_emergency() -> None:
    said: list[str] = []

    def replies(since: str) -> str:
        said.append(since)
        if "Show your result, or change an answer" in since:  # the first time, change the history
            return "2" if sum("Show your result" in text for text in said) == 1 else "1"
        if "ever told you that you have or had cancer" in since:
            return "1" if len([text for text in said if "ever told you" in text]) == 1 else "2"
        if "37.5" in since:
            return "y"
        if "highest reading" in since:
            return "38.5"
        return ""

    result = run_main("ask", "--plain", stdin=replies)
    text = " ".join(result.stdout.split())
    changed_at = text.index("Show your result, or change an answer")
    after = text[changed_at:]
    assert "EMERGENCY: A fever, a low temperature or feeling unwell during cancer treatment" in after
    assert "even when not on cancer treatment" not in after
