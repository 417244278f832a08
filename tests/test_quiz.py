"""Predict, then reveal: the quiz generated from each scenario, asked with injected answers,
through a patched prompt, through a pipe in plain mode; and the replay's plain step mode."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from metasymptoms.answering.prompter import PlainPrompter, Stopped
from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.engine import assess, prune
from metasymptoms.core.loader import load
from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import load_scenarios, scenario_files
from metasymptoms.teaching.demo import outcome
from metasymptoms.teaching.quiz import (
    build_quiz,
    change_choice,
    run_quiz,
    sites_choice,
)
from metasymptoms.teaching.words import how_soon
from metasymptoms.web.documents import lesson_html
from tests.helpers import run_main, write_book

SHIPPED = [path.stem for path in scenario_files(default_rules_dir())]


def shipped(book: RuleBook, name: str):
    items, problems = load_scenarios(default_rules_dir(), book)
    assert problems == []
    return next(item for item in items if item.name == name)


class _Checked(HTMLParser):
    """Counts the elements left open: a page whose tags do not close is broken."""

    VOID: ClassVar[set[str]] = {"meta", "input", "br", "img", "link", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else ''}>"
        self.open.pop()


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_scenario_makes_a_true_quiz_and_a_lesson_page(book: RuleBook, name: str) -> None:
    item = shipped(book, name)
    quiz = build_quiz(book, item)
    by_id = {question.id: question for question in quiz.questions}
    assert list(by_id)[:3] == ["urgency", "sites", "change"]
    for question in quiz.questions:
        assert len(question.choices) >= 2
        assert len(set(question.choices)) == len(question.choices)
        assert 0 <= question.answer < len(question.choices)
        assert question.reveal

    expected = item.scenario.expected
    assert by_id["urgency"].choices[by_id["urgency"].answer] == how_soon(book, expected.urgency)
    assert by_id["sites"].choices[by_id["sites"].answer] == sites_choice(book, expected.sites)

    # The change question: the right choice changes the outcome, every wrong one leaves it.
    change = by_id["change"]
    base = outcome(book, item.answers)
    texts = {}
    for question in book.questions:
        spec = book.finding(question.finding)
        values = [choice.value for choice in spec.choices] if spec.type == "choice" else [True, False]
        for value in values:
            changed = prune(book, {**item.answers, question.finding: value})
            if question.finding in changed and value != item.answers.get(question.finding, False):
                from metasymptoms.teaching.demo import Change

                texts[change_choice(book, Change(question.finding, value, *outcome(book, changed)))] = (
                    outcome(book, changed)
                )
    for index, choice in enumerate(change.choices):
        if choice == book.guidance.wording.teaching.quiz.no_change:
            assert index == change.answer and all(result == base for result in texts.values())
        else:
            assert (texts[choice] != base) == (index == change.answer), choice

    page = lesson_html(book, item, quiz=quiz)  # the page of the quiz checked above
    checked = _Checked()
    checked.feed(page)
    assert checked.open == []
    for question in quiz.questions:
        assert f'data-id="{question.id}"' in page
    assert page.count('class="reveal" hidden') == len(quiz.questions)


def test_scripted_quiz_session(book: RuleBook) -> None:
    item = shipped(book, "prostate_mid_back_pain")
    quiz = build_quiz(book, item)
    by_id = {question.id: question for question in quiz.questions}
    predictions = {
        "urgency": "Emergency: get help now",  # wrong: it is urgent
        "sites": "Bones",  # right
        "change": by_id["change"].choices[by_id["change"].answer],  # right
    }
    out = io.StringIO()
    score = run_quiz(
        quiz, PlainPrompter(book.guidance.wording, stdin=io.StringIO(""), stdout=out), predictions, width=78
    )
    assert score == (2, 3)
    text = out.getvalue()
    assert "Prediction: Emergency: get help now\n\nThe answer, and how it was reached:\n" in text
    assert 'The person\'s result starts with "Urgent: get help today".\n' in text
    # the verdict comes last, after the reasoning: it is on screen when the class goes on
    assert "(Soon).\n\nNot this time. The answer: Urgent: get help today.\n\nQuestion 2 of 3" in text
    assert "\nThe answer, and how it was reached:\nSite: Bones.\n" in text
    assert (
        "Prostate cancer commonly spreads to Adrenal glands, Bones, Liver and Lungs.\n"
        "  The sites named are only those the person's symptoms point to, not every\n"
        "  place this cancer can spread.\n\nRight. The answer: Bones.\n"
    ) in text
    assert "Right. The answer: Not reporting new back or neck pain.\n" in text
    assert "Had the person not reported new back or neck pain, the result would say\n" in text
    assert (
        "34 other single changes also change the outcome, for example:\n" in text
    )  # 33 before vomiting blood was asked
    assert "Score: 2 of 3 predictions right.\n" in text
    assert "For the teacher: Ask the class what single extra answer would make this an\n" in text
    assert "->" not in text and "urgency urgent" not in text


def test_the_predictions_are_asked_before_the_answers_are_shown(book: RuleBook) -> None:
    """The patched prompt records what was on screen when each prediction was asked for."""
    item = shipped(book, "colorectal_jaundice")
    quiz = build_quiz(book, item)
    out = io.StringIO()
    seen_before: list[str] = []

    class Recording(PlainPrompter):
        def choose(self, message, options, default, hint=None):
            seen_before.append(out.getvalue())
            return "0" if message != "Ready for the next question?" else "__next__"

    run_quiz(quiz, Recording(book.guidance.wording, stdin=io.StringIO(""), stdout=out))
    urgency = quiz.questions[0]
    assert urgency.reveal[0].text not in seen_before[0]
    assert urgency.reveal[0].text in out.getvalue()
    assert "Score: " in out.getvalue()
    # a pause after each reveal but the last, so the class can talk before going on
    assert len(seen_before) == 2 * len(quiz.questions) - 1


def test_ctrl_c_in_the_quiz_stops_with_130(monkeypatch, capsys) -> None:
    def interrupted(self, *args, **kwargs):
        raise Stopped

    monkeypatch.setattr(PlainPrompter, "choose", interrupted)
    with pytest.raises(SystemExit) as stop:
        main(["demo", "tired_no_cancer", "--quiz", "--plain"])
    assert stop.value.code == 130
    assert capsys.readouterr().err == "\nStopped. Nothing was saved.\n"


def test_quiz_without_a_terminal_exits_2() -> None:
    result = run_main("demo", "tired_no_cancer", "--quiz")
    assert result.returncode == 2
    assert result.stderr == (
        "metasymptoms: the quiz needs a terminal to answer in. Without one, use numbered answers: "
        "metasymptoms demo tired_no_cancer --quiz --plain\n"
    )


def test_plain_quiz_through_a_pipe(book: RuleBook) -> None:
    quiz = build_quiz(book, shipped(book, "tired_no_cancer"))
    right = [str(question.answer + 1) for question in quiz.questions]
    typed = f"\n{right[0]}\n\n{right[1]}\n\n{right[2]}\n"  # Enter alone first: no prediction
    result = run_main("demo", "tired_no_cancer", "--quiz", "--plain", stdin=typed)
    assert result.returncode == 0, result.stderr
    # no answer is marked for Enter: Emergency heads the scale, and Enter alone is no prediction
    assert (
        "How urgent is it? What will the questionnaire advise?\n  1. Emergency: get help now\n"
        in result.stdout
    )
    assert "\n> \nNo prediction yet: choose one of the answers.\n" in result.stdout
    marked = [line for line in result.stdout.splitlines() if "(Enter)" in line]
    assert marked == ["  1. Next question  (Enter)"] * 2  # only the way on is Enter's
    assert "Score: 3 of 3 predictions right." in result.stdout
    assert "\033" not in result.stdout


def test_a_scenarios_own_question_is_asked_after_the_generated_ones(tmp_path: Path) -> None:
    folder = write_book(
        tmp_path / "rules",
        {
            "scenarios/cord.yaml": (
                "title: Back pain and weak legs\n"
                "learning_points: [Pressure on the spinal cord is an emergency.]\n"
                "answers: {cancer_history: current, back_pain: yes, limb_weakness: yes}\n"
                "expected: {urgency: emergency, sites: [bones], red_flags: [cord]}\n"
                "quiz:\n"
                "  - question: How soon does pressure on the cord need treatment?\n"
                "    choices: [Within days, Within hours]\n"
                "    answer: Within hours\n"
                "    explanation: The cord can be damaged for good within hours.\n"
            )
        },
    )
    book = load(folder).book
    items, problems = load_scenarios(folder, book)
    assert problems == []
    quiz = build_quiz(book, items[0])
    own = quiz.questions[-1]
    assert (own.id, own.choices, own.answer) == ("own-1", ("Within days", "Within hours"), 1)
    out = io.StringIO()
    assert run_quiz(
        quiz,
        PlainPrompter(book.guidance.wording, stdout=out),
        {q.id: q.choices[q.answer] for q in quiz.questions},
    ) == (
        4,
        4,
    )
    assert (
        "The cord can be damaged for good within hours.\n\nRight. The answer: Within hours.\n"
        in out.getvalue()
    )
    assert assess(book, items[0].answers).urgency.value == "emergency"


# --- the replay's plain step mode (screen readers, TERM=dumb, a pipe) -------------------


def test_plain_steps_forward_back_reveal_and_every_change() -> None:
    """The lesson's steps, as the lesson page has them: a question's answer on r, every change
    on a, the teacher's notes on t."""
    keys = "\n\nr\nb\n" + "\n" * 8 + "a\n\nt\nq\n"
    result = run_main("demo", "breast_cord_compression", "--step", "--plain", stdin=keys)
    assert result.returncode == 0, result.stderr
    headings = [line for line in result.stdout.splitlines() if line.startswith("Step ")]
    assert headings[:5] == [
        "Step 1 of 11. Predict, then reveal",
        "Step 2 of 11. The person's answers",
        "Step 3 of 11. Predict: how urgent?",
        "Step 3 of 11. Predict: how urgent?",
        "Step 2 of 11. The person's answers",
    ]
    assert headings[-4:] == [
        "Step 10 of 11. What would change the outcome",
        "Step 10 of 11. What would change the outcome",
        "Step 11 of 11. What to take away",
        "Step 11 of 11. What to take away",
    ]
    question, revealed = result.stdout.split("Step 3 of 11. Predict: how urgent?")[1:3]
    assert "(the answer is hidden: type r to reveal it.)" in question and "The answer:" not in question
    assert "The answer: Emergency: get help now" in revealed
    assert "Enter = next, b = back, r = reveal the answer, q = stop. > " in question
    assert "(15 more single changes: type a to see them all.)" in result.stdout
    everything = result.stdout.split("Step 10 of 11. What would change the outcome")[2]
    assert everything.split("Step 11 of 11")[0].count("Had the person") == 23
    closing, notes = result.stdout.split("Step 11 of 11. What to take away")[1:3]
    assert "For the teacher:" not in closing and "For the teacher:" in notes
    assert "\033" not in result.stdout


def test_replay_lists_every_change_when_asked(capsys) -> None:
    assert main(["demo", "breast_cord_compression", "--all-changes"]) == 0
    changes = capsys.readouterr().out.split("What would change the outcome")[1]
    assert changes.count("Had the person") == 23 and "more single changes" not in changes


def test_the_melanoma_scenarios_own_question_agrees_with_the_rule_book(book: RuleBook) -> None:
    item = shipped(book, "melanoma_headache_vomiting")
    own = build_quiz(book, item).questions[-1]
    assert own.id == "own-1"
    assert own.choices[own.answer] == "A sudden, extremely painful headache"
    claims = {"headache_sudden_severe": "emergency", "night_sweats": "urgent", "appetite_loss": "urgent"}
    for finding, urgency in claims.items():
        assert assess(book, {**item.answers, finding: True}).urgency.value == urgency, finding
    assert [site.id for site in assess(book, {**item.answers, "appetite_loss": True}).sites] == [
        "brain",
        "liver",
    ]


def test_the_no_site_choice_is_plain_english(book: RuleBook) -> None:
    assert sites_choice(book, ()) == "No site: none of the symptoms points to one"
