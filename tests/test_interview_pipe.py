"""The arrow-key questions in-process (interview.py, arrow_lists.py), fed keystrokes over
prompt_toolkit's pipe input; each test is stopped by an alarm if a prompt waits for input that
never comes."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from metasymptoms.answering.interview import ArrowKeyPrompter, run_interview
from metasymptoms.answering.prompter import Stopped
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook
from tests.helpers import shipped_wording

ENTER, DOWN, UP, CTRL_C, CTRL_D = "\r", "\x1b[B", "\x1b[A", "\x03", "\x04"


pytestmark = pytest.mark.usefixtures("time_limit")


@pytest.fixture
def keys() -> Iterator:
    with create_pipe_input() as pipe:
        yield pipe


def prompter(pipe, stdout: io.StringIO | None = None) -> ArrowKeyPrompter:
    return ArrowKeyPrompter(
        shipped_wording(), input=pipe, output=DummyOutput(), stdout=stdout or io.StringIO(), width=80
    )


def test_choose_moves_with_arrows_and_enter(keys) -> None:
    keys.send_text(DOWN + ENTER + ENTER)
    ask = prompter(keys)
    assert ask.choose("Q?", [("No", "no"), ("Yes", "yes")], "no") == "yes"
    assert ask.choose("Q?", [("No", "no"), ("Yes", "yes")], "yes") == "yes"  # Enter takes the default


@pytest.mark.parametrize("key", [CTRL_C])
def test_ctrl_c_interrupts(keys, key: str) -> None:
    keys.send_text(key)
    with pytest.raises(KeyboardInterrupt):
        prompter(keys).choose("Q?", [("No", "no"), ("Yes", "yes")], "no")


def test_ctrl_d_stops(keys) -> None:
    keys.send_text(CTRL_D)
    with pytest.raises(Stopped):
        prompter(keys).choose("Q?", [("No", "no"), ("Yes", "yes")], "no")


def test_enter_through_the_whole_questionnaire(book: RuleBook, keys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    keys.send_text(ENTER * 80)
    stdout = io.StringIO()
    assert run_interview(book, plain=False, prompter=prompter(keys, stdout)) == 0
    text = stdout.getvalue()
    assert "Routine: none of the warning signs this tool checks for" in text
    # It ends on how soon and what to do, never on "take care".
    ending = "Nothing was saved.\n\nRoutine: none of the warning signs this tool checks for\n"
    assert ending in text and text.index(ending) > text.index("Sources")
    assert " ".join(text[text.index(ending) :].split()).endswith(" ".join(assess(book, {}).advice.split()))
    assert "Take care" not in text
    assert list(tmp_path.iterdir()) == []


def test_a_seizure_interrupts_and_stopping_is_the_default(book: RuleBook, keys) -> None:
    # "I have never been told" (Up x3), then No (treatment), No (breathless), No (chest pain),
    # No (coughing blood), Yes to the seizure, then Enter = stop.
    keys.send_text(UP * 3 + ENTER + ENTER + ENTER + ENTER + ENTER + DOWN + ENTER + ENTER)
    stdout = io.StringIO()
    outcome = Questionnaire(book, prompter(keys, stdout)).run()
    assert outcome.stopped_for_emergency
    assert outcome.answers == {
        "cancer_history": "none",
        "recent_treatment": False,
        "breathless_severe": False,
        "chest_pain": False,
        "coughing_blood_large": False,
        "seizure": True,
    }
    assert "EMERGENCY: A new seizure" in stdout.getvalue()


def test_back_then_why_then_change(book: RuleBook, keys) -> None:
    keys.send_text(
        UP
        + ENTER  # cancer history: "I had cancer in the past", just above the default
        + DOWN * 2
        + ENTER  # primary cancer: below the default "I do not know": Why, then Back
        + UP * 2
        + ENTER  # cancer history again, the earlier answer "past" highlighted: up to "never"
        + ENTER  # chemotherapy: No
        + DOWN * 3
        + ENTER  # first emergency question: past No, Yes and Not sure to "Why am I asked this?"
        + ENTER  # asked again: "No"
        + CTRL_C
    )
    stdout = io.StringIO()
    questionnaire = Questionnaire(book, prompter(keys, stdout))
    with pytest.raises(KeyboardInterrupt):
        questionnaire.run()
    assert questionnaire.answers == {
        "cancer_history": "none",
        "recent_treatment": False,
        "breathless_severe": False,
    }
    assert (
        "  - Emergency warning sign: Severe breathlessness, or chest pain with\n    breathlessness."
        in stdout.getvalue()
    )


def test_an_answers_files_yes_to_which_of_these_is_shown_ticked_and_enter_keeps_it(
    book: RuleBook, keys, tmp_path: Path
) -> None:
    # "yes" in an answers file: some of them, not said which. The arrow-key questions started
    # from it showed no box ticked, and Enter recorded "None of these": a reported symptom
    # lost. It has a box of its own, ticked.
    import re

    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    from metasymptoms.core.answers import read_answers_file

    path = tmp_path / "answers.yaml"
    path.write_text("cancer_history: none\nback_pain: yes\nback_pain_red_features: yes\n")
    answers = read_answers_file(path, book)
    question = book.question("back_pain_red_features")
    assert question is not None
    drawn, said = io.StringIO(), io.StringIO()
    screen = Vt100_Output(drawn, lambda: Size(rows=40, columns=80), term="xterm")
    ask = ArrowKeyPrompter(shipped_wording(), input=keys, output=screen, stdout=said, width=80)
    keys.send_text(ENTER)
    assert Questionnaire(book, ask, answers=answers).ask(question) is True
    boxes = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", drawn.getvalue()).split("\r\n")[-7:]
    assert [line.strip(" »") for line in boxes] == [
        "○ wakes at night",
        "○ worse on coughing, sneezing or straining",
        "○ in the upper or middle back, or the neck",
        "---------------",
        "○ None of these",
        "○ I'm not sure",
        "● Yes (not said which)",
    ]
    assert said.getvalue().endswith(" is true. Yes (not said which)\n")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("env", "allowed"),
    [({}, True), ({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, False)],
)
def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch, env: dict, allowed: bool) -> None:
    from metasymptoms.answering.interview import colour_allowed

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert colour_allowed(_Terminal()) is allowed
    assert colour_allowed(io.StringIO()) is False
    shown = _Terminal()
    ArrowKeyPrompter(shipped_wording(), stdout=shown).say("EMERGENCY: A new seizure", "emergency")
    assert ("\x1b[" in shown.getvalue()) is allowed
    assert "EMERGENCY: A new seizure" in shown.getvalue()  # the words carry the meaning either way


def test_output_that_was_there_is_replaced_and_said(book: RuleBook, keys, tmp_path: Path) -> None:
    """`ask --output FILE` after the questions replaces FILE as before, and now says so."""
    target = tmp_path / "keep.txt"
    target.write_text("important\n")
    keys.send_text(ENTER * 80)
    stdout = io.StringIO()
    assert run_interview(book, plain=False, output=target, prompter=prompter(keys, stdout)) == 0
    said = " ".join(stdout.getvalue().split())  # wrapped to the screen's width
    assert f"Wrote the result to {target}. The file that was there before has been replaced." in said
    assert target.read_text().startswith("metasymptoms: what your answers point to")
