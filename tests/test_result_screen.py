"""The person's result on a real screen (pexpect and pyte, at the sizes named): what to do
first fits one screen, the rest follows on request, and the last screen says how soon."""

from __future__ import annotations

import pytest

from metasymptoms.answering.emergency import action
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.model import RuleBook
from tests.helpers import read_more, urgency_headings
from tests.scripted import ScriptedPrompter
from tests.test_terminal_screens import (
    DOWN,
    ENTER,
    REVIEW,
    UP,
    Terminal,
    expected_answers,
    reach_severe_breathlessness,
    wait_prompt,
)

READ_MORE = read_more()  # the key line below what to do first, in the shipped book's words

pytestmark = pytest.mark.terminal


SPACE = " "

# A past breast cancer and back pain with warning features: "Urgent: get help today".
URGENT_BACK_PAIN = {
    "cancer_history": "past",
    "primary_cancer": "breast",
    "known_spread": "none",
    "recent_treatment": False,
    "back_pain": True,
    "back_pain_red_features": ("wakes_at_night",),
}


def answer_all(screen: Terminal, book: RuleBook, answers: dict) -> dict:
    """Answer every question asked, by arrow keys from the answer the prompt starts on; a
    typed number is left out. Returns the answers the questionnaire ends with."""
    expected = answer_questions(screen, book, answers, expected_answers(book, answers))
    screen.wait_for(REVIEW, "Show my result")
    return expected


def answer_questions(screen: Terminal, book: RuleBook, answers: dict, expected: dict) -> dict:
    """Answer the questions of `expected`, in the book's order, as answer_all does."""
    flow = Questionnaire(book, ScriptedPrompter(book))
    for question in [q for q in book.questions if q.finding in expected]:
        options, default = flow.options_for(question)
        value = expected[question.finding]
        if options is None:  # no pointer to wait for: checkboxes, or a number (left out)
            screen.wait_for(question.text.split()[-1], "? = why, b = back")
            screen.send(ticks(book, question.finding, value) + ENTER)
        else:
            wait_prompt(screen, question.text)
            values = [option for label, option in options if label is not None]
            move = values.index(kind_of(book.finding(question.finding)).option_of(value)) - values.index(
                default
            )
            screen.send((DOWN if move > 0 else UP) * abs(move) + ENTER)
        flow.record(question.finding, value)
    return expected


def ticks(book: RuleBook, finding_id: str, value: object) -> str:
    """The keys that tick `value` at a "which of these" question, its boxes unticked and the
    pointer on the first (nothing for a number: left out). Then Enter confirms."""
    finding = book.finding(finding_id)
    boxes = kind_of(finding).checkboxes(finding, book.guidance.wording.answer_words)
    if boxes is None or value is False:
        return ""
    offered = [box for _, box in boxes[0] + boxes[1]]
    picked = value if isinstance(value, tuple) else (value,)
    assert all(item in offered for item in picked), f"{value!r} cannot be ticked"
    return "".join(SPACE + DOWN if box in picked else DOWN for box in offered)


def joined(screen: Terminal) -> str:
    return " ".join(screen.text().split())


@pytest.mark.long
def test_how_soon_and_each_warning_signs_advice_fit_the_first_screen_and_the_last_says_today(
    terminal, book: RuleBook
) -> None:
    screen = terminal(80, 24)
    answers = answer_all(screen, book, URGENT_BACK_PAIN)
    assessment = assess(book, answers)
    assert assessment.urgency.value == "urgent"
    screen.send(ENTER)  # Show my result
    screen.wait_for(READ_MORE)
    shown = joined(screen)
    assert "Urgent: get help today" in shown
    what = assessment.advice.removesuffix(" " + book.guidance.see_provider)  # today: nothing routine
    assert " ".join(what.split()) in shown
    for flag in assessment.red_flags:
        assert " ".join(flag.advice.split()) in shown, flag.id
    assert screen.rows()[-1].startswith(READ_MORE) or [r for r in screen.rows() if r.strip()][-1].startswith(
        READ_MORE
    )
    screen.send(ENTER)  # read more
    screen.wait_for("Would you like to save a summary")
    assert "Take care" not in joined(screen)
    screen.send(ENTER)  # no, thank you
    assert screen.finish() == 0
    last = joined(screen)
    assert last.endswith(
        "Nothing was saved. Urgent: get help today " + " ".join(assessment.advice.split())
    ), screen.text()
    # Nothing reassuring under advice to get help today.
    assert "other causes" not in last and "follow-up appointments even when you feel well" not in last


@pytest.mark.long
def test_q_finishes_on_how_soon_and_s_saves_a_summary(terminal, book: RuleBook, tmp_path) -> None:
    screen = terminal(80, 24)
    answer_all(screen, book, URGENT_BACK_PAIN)
    screen.send(ENTER)
    screen.wait_for(READ_MORE)
    screen.send("s")
    screen.wait_for("Would you like to save a summary to bring to your appointment?")
    screen.send(DOWN + ENTER)  # markdown: "s" asked to save, so the cursor starts on HTML
    screen.wait_for("File name for the summary")
    screen.send(ENTER)
    assert screen.finish() == 0
    summary = (tmp_path / "metasymptoms-summary.md").read_text()
    assert summary.rstrip().endswith(assess(book, URGENT_BACK_PAIN).advice)
    assert joined(screen).endswith(" ".join(assess(book, URGENT_BACK_PAIN).advice.split()))
    assert urgency_headings()[assess(book, URGENT_BACK_PAIN).urgency] in joined(screen)


def test_after_an_emergency_the_person_went_on_from_a_summary_is_offered_before_the_number(
    terminal, book: RuleBook, tmp_path
) -> None:
    screen = terminal(80, 24)
    reach_severe_breathlessness(screen)  # an emergency
    screen.send(ENTER)  # stop here and get help now
    screen.wait_for("Would you like to see the rest", "Yes, show the result")
    screen.send(DOWN + ENTER)  # yes: the person chose to go on
    screen.wait_for(READ_MORE)
    screen.send("s")
    screen.wait_for("Would you like to save a summary to show the people who see you?")
    screen.send(ENTER)  # HTML: after "s", Enter saves the summary asked for
    screen.wait_for("File name for the summary")
    screen.send(ENTER)
    assert screen.finish() == 0
    assert (tmp_path / "metasymptoms-summary.html").exists()
    rows = [row for row in screen.rows() if row.strip()]
    assert " ".join(" ".join(rows[-3:]).split()).endswith(action(book))


@pytest.mark.parametrize(("columns", "rows"), [(60, 20), (80, 24)])
def test_several_emergency_signs_at_once_give_one_first_step_on_screen(
    terminal, book: RuleBook, columns: int, rows: int
) -> None:
    """Back pain, then a weak leg, with cancer now: three emergency signs fire at once; two
    of them would say "call the 24-hour line first", one "go to the emergency department"."""
    answers = {"cancer_history": "current", "back_pain": True, "limb_weakness": ("left_leg",)}
    prompter = ScriptedPrompter(book, answers=answers, steps=[])
    flow = Questionnaire(book, prompter)
    flow.run()
    upto = dict(flow.answers)  # the answers given before the interrupt, in order
    screen = terminal(columns, rows)
    answer_questions(screen, book, answers, upto)
    screen.wait_for("What would you like to do now?", "Go on with the")
    shown = joined(screen)
    # on screen with the prompt, whatever scrolled away above it
    assert f"First: {book.guidance.first_steps.emergency_services}" in shown
    assert "24-hour line" not in shown
    if rows >= 24:
        assert "Lie flat if moving makes the pain worse." in shown
    screen.send(ENTER)  # stop here and get help now
    screen.wait_for("Would you like to see the rest", "Yes, show the result")
    shown = joined(screen)
    assert "24-hour line" not in shown and "Tell the call handler:" in shown
    screen.send(ENTER)  # no, I will get help now
    assert screen.finish() == 0
    assert joined(screen).endswith(action(book))


@pytest.mark.long
def test_ctrl_c_at_read_more_still_ends_on_how_soon(terminal, book: RuleBook) -> None:
    screen = terminal(80, 24)
    answer_all(screen, book, URGENT_BACK_PAIN)
    screen.send(ENTER)
    screen.wait_for(READ_MORE)
    screen.send("\x03")  # Ctrl-C
    assert screen.finish() == 130
    advice = " ".join(assess(book, URGENT_BACK_PAIN).advice.split())
    assert joined(screen).endswith(f"Stopped. Nothing was saved. Urgent: get help today. {advice}"), (
        screen.text()
    )


def test_enter_at_every_save_prompt_never_goes_round_when_the_name_is_taken(
    book: RuleBook, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A summary saved before is there: Enter at every prompt offers a free name and saves
    there, leaving the earlier file as it was (Enter offered the taken name again after
    "choose another name", round and round)."""
    from metasymptoms.answering.result_screen import offer_to_save
    from tests.scripted import ScriptedPrompter

    monkeypatch.chdir(tmp_path)
    (tmp_path / "metasymptoms-summary.html").write_text("kept")
    (tmp_path / "metasymptoms-summary-2.html").write_text("kept too")

    class GivesUp(ScriptedPrompter):
        def ask_text(self, message: str, default: str) -> str:
            if self.asked.count(message) >= 3:
                raise AssertionError(f"asked {message!r} again and again, offered {default!r}")
            return super().ask_text(message, default)

    prompter = GivesUp(book)
    offer_to_save(prompter, book, assess(book, URGENT_BACK_PAIN), asked_for=True)
    assert prompter.asked.count("File name for the summary") == 1, prompter.asked
    assert (tmp_path / "metasymptoms-summary.html").read_text() == "kept"
    assert (tmp_path / "metasymptoms-summary-2.html").read_text() == "kept too"
    assert (tmp_path / "metasymptoms-summary-3.html").read_text().startswith("<!doctype html>")
