"""What a person sees in a real terminal of 60x20 and 80x24: the program runs in a
pseudo-terminal (pexpect) and its output is drawn on a virtual screen (pyte), so the tests
read the screen itself: which rows are shown, what is last, and where lines break."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pexpect
import pyte
import pytest

from metasymptoms.answering.emergency import action
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.model import RuleBook
from tests.scripted import ScriptedPrompter

pytestmark = pytest.mark.terminal

ENTER, DOWN, UP, CTRL_C = "\r", "\x1b[B", "\x1b[A", "\x03"
SIZES = [(60, 20), (80, 24)]
LAST_OPTION = "Back to the previous question"
REVIEW = "Show your result, or change an answer?"
QUIET = 0.03  # seconds without output after which the screen is taken as drawn


class Terminal:
    """One program in a pseudo-terminal, drawn on a virtual screen of the same size."""

    def __init__(self, child: pexpect.spawn, columns: int, rows: int):
        self.child = child
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.Stream(self.screen)
        self.ended = False
        self._rows: list[str] | None = None  # the screen as drawn, until the next output

    def rows(self) -> list[str]:
        if self._rows is None:
            self._rows = [row.rstrip() for row in self.screen.display]
        return self._rows

    def text(self) -> str:
        return "\n".join(self.rows())

    def pump(self, timeout: float = 0.05) -> bool:
        """Draw what the program wrote within `timeout` seconds; False when it wrote nothing."""
        try:
            self.stream.feed(self.child.read_nonblocking(65536, timeout))
            self._rows = None
        except pexpect.TIMEOUT:
            return False
        except pexpect.EOF:
            self.ended = True
            return False
        return True

    def wait_for(self, *texts: str, timeout: float = 15) -> None:
        """Until every text is on screen (as drawn: a text may not span rows)."""
        deadline = time.monotonic() + timeout
        while not all(text in self.text() for text in texts):
            if self.ended or time.monotonic() > deadline:
                raise AssertionError(f"never shown: {texts}\n--- screen ---\n{self.text()}")
            self.pump()
        self.settle()

    def settle(self) -> None:
        """Read until the program has drawn everything it had to draw: until its output stops
        for a moment (a frame is written at once; waiting a fixed time per key made the
        walks through the whole questionnaire take most of the test run)."""
        while self.pump(QUIET):
            pass

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> int:
        deadline = time.monotonic() + 15
        while not self.ended and time.monotonic() < deadline:
            self.pump(0.1)
        self.child.close()
        return self.child.exitstatus if self.child.exitstatus is not None else -1

    def words(self) -> set[str]:
        return {word for row in self.rows() for word in row.split()}


def prefix(text: str, size: int = 40) -> str:
    words, out = text.split(), ""
    for word in words:
        if len(out) + len(word) + 1 > size:
            break
        out = f"{out} {word}".strip()
    return out


def wait_prompt(screen: Terminal, question: str, timeout: float = 15) -> None:
    """Until `question` is the prompt being asked (the last "? " row), drawn to its last option
    (or to the screen's last row: a long list scrolls). A prompt drawn whole needs no wait for
    quiet after it: prompt_toolkit switches the terminal to raw mode before drawing, so keys
    sent now are read as keys, and a stale frame cannot pass (the last "? " row must be this
    question's). The quiet wait after each of a walk's 150 prompts was half its time."""
    deadline = time.monotonic() + timeout
    while True:
        rows = [row for row in screen.rows() if row.strip()]
        asked = [row for row in rows if row.startswith("? ")]
        last_options = (LAST_OPTION, "Why am I asked this?")  # the first question offers no "back"
        drawn = rows and (rows[-1].strip() in last_options or len(rows) == len(screen.rows()))
        pointer = any(row.startswith(" » ") for row in rows)
        if asked and asked[-1].startswith("? " + prefix(question)) and drawn and pointer:
            return
        if screen.ended or time.monotonic() > deadline:
            raise AssertionError(f"not asked: {question}\n--- screen ---\n{screen.text()}")
        screen.pump()


def unsplit(terminal: Terminal, text: str) -> None:
    """Every word of `text` is on screen whole: nothing was broken mid-word at the edge."""
    shown = terminal.words()
    missing = [word for word in text.split() if word not in shown]
    assert missing == [], f"split or cut words {missing}\n--- screen ---\n{terminal.text()}"


def typed(book: RuleBook, finding_id: str) -> bool:
    """Whether a question is typed, not chosen from a list: "which of these" (Enter: none of
    these) and numbers (Enter: not measured), as the finding's kind says."""
    finding = book.finding(finding_id)
    return kind_of(finding).options(finding, book.guidance.wording.answer_words, offer_unsure=True) is None


def wait_typed(screen: Terminal, question: str) -> None:
    """Until a typed answer's prompt for `question` is drawn to its last line."""
    screen.wait_for(question.split()[-1], "? = why, b = back")


def expected_answers(book: RuleBook, answers: dict) -> dict:
    return Questionnaire(book, ScriptedPrompter(book, answers=answers)).run().answers


@pytest.mark.long
@pytest.mark.parametrize(("columns", "rows"), SIZES)
def test_wrapping_never_splits_a_word(terminal, book: RuleBook, columns: int, rows: int) -> None:
    asked = expected_answers(book, {})
    path = [q for q in book.questions if q.finding in asked]
    screen = terminal(columns, rows)
    for question in path:
        if typed(book, question.finding):
            wait_typed(screen, question.text)
        else:
            wait_prompt(screen, question.text)
        unsplit(screen, question.text)
        if question.help:
            unsplit(screen, f"({question.help})")
        for choice in book.finding(question.finding).choices:
            unsplit(screen, choice.text)  # no choice cut off at the edge
        screen.send(ENTER)
    screen.wait_for(REVIEW, "Show my result")
    # The review: every item on one row, its answer first, shortened where the row is too narrow.
    item_rows = [row for row in screen.rows() if re.match(r"^ [ »] \[(No|Yes|I am not sure)", row)]
    assert item_rows and all(len(row) <= columns for row in item_rows)
    assert any(row.endswith("…") for row in item_rows)
    assert screen.rows()[0].startswith("? Show your result, or change an answer?")  # the heading stays


@pytest.mark.long
@pytest.mark.parametrize(("columns", "rows"), SIZES)
def test_review_opens_each_answer_on_itself_and_enter_keeps_it(
    terminal, book: RuleBook, tmp_path: Path, columns: int, rows: int
) -> None:
    # "I had cancer in the past", Yes to extreme tiredness and to a bone pain; the rest by Enter.
    expected = expected_answers(book, {"cancer_history": "past", "fatigue": True, "bone_pain": True})
    order = [q for q in book.questions if q.finding in expected]
    keys = {"cancer_history": UP + ENTER, "fatigue": DOWN + ENTER, "bone_pain": DOWN + ENTER}
    screen = terminal(columns, rows, "--format", "json", "--output", "result.json")
    for question in order:
        if typed(book, question.finding):
            wait_typed(screen, question.text)  # Enter: none of these
        else:
            wait_prompt(screen, question.text)
        screen.send(keys.get(question.finding, ENTER))
    screen.wait_for(REVIEW, "Show my result")
    for at, question in enumerate(order):
        screen.send(DOWN * (at + 1) + ENTER)  # the review opens on "Show my result", above the items
        if typed(book, question.finding):
            wait_typed(screen, question.text)
            screen.send(ENTER)  # keep it ("none", in the box already: the JSON below shows it kept)
            wait_prompt(screen, REVIEW)
            continue
        wait_prompt(screen, question.text)
        pointed = [row for row in screen.rows() if row.startswith(" » ")]
        answer = expected[question.finding]
        if isinstance(answer, bool):
            assert pointed == [f" » {'Yes' if answer else 'No'}"], screen.text()  # on the answer given
        screen.send(ENTER)  # keep it
        wait_prompt(screen, REVIEW)  # asked again (its heading stays on screen while an answer is open)
        assert screen.rows()[0].startswith("? Show your result"), screen.text()  # the heading stays
    screen.send(ENTER)  # "Show my result", where the review opens once an answer is given
    screen.wait_for("Enter: read more; q: finish")  # no "save": --output writes the result
    screen.send("q")
    assert screen.finish() == 0
    data = json.loads((tmp_path / "result.json").read_text())
    assert {item["finding"]: item["answer"] for item in data["asked"]} == expected
    assert expected["fatigue"] is True and expected["bone_pain"] is True


def reach_severe_breathlessness(screen: Terminal) -> None:
    wait_prompt(screen, "Has a doctor ever told you")
    screen.send(UP * 3 + ENTER)  # I have never been told I have cancer
    wait_prompt(screen, "In the last 6 weeks, have you had any cancer treatment")
    screen.send(ENTER)  # No
    wait_prompt(screen, "Are you suddenly or severely short of breath")
    screen.send(DOWN + ENTER)  # Yes
    screen.wait_for("What would you like to do now?", "Go on with the")


def last_rows(screen: Terminal, count: int = 4) -> str:
    rows = [row for row in screen.rows() if row.strip()]
    return " ".join(" ".join(rows[-count:]).split())


@pytest.mark.parametrize(("columns", "rows"), SIZES)
def test_emergency_card_is_the_last_thing_on_screen(
    terminal, book: RuleBook, columns: int, rows: int
) -> None:
    screen = terminal(columns, rows)
    reach_severe_breathlessness(screen)
    screen.send(ENTER)  # stop here and get help now
    screen.wait_for("Tell the call handler:", "Would you like to see the rest")
    unsplit(screen, "Severe or sudden breathlessness, being unable to speak in full sentences, or blue")
    screen.send(ENTER)  # No, I will get help now
    assert screen.finish() == 0
    text = " ".join(screen.text().split())
    assert last_rows(screen).endswith(action(book))
    assert "Take care" not in text and "save a summary" not in text


@pytest.mark.parametrize(("columns", "rows"), SIZES)
def test_ctrl_c_at_the_emergency_question_ends_on_the_number(
    terminal, book: RuleBook, columns: int, rows: int
) -> None:
    screen = terminal(columns, rows)
    reach_severe_breathlessness(screen)
    screen.send(CTRL_C)
    assert screen.finish() == 130
    assert last_rows(screen).endswith("Stopped. Nothing was saved. " + action(book))


@pytest.mark.parametrize(("columns", "rows"), SIZES)
def test_plain_mode_accepts_y_and_n_and_wraps(terminal, columns: int, rows: int) -> None:
    screen = terminal(columns, rows, "--plain")
    screen.wait_for("Has a doctor ever told you", "\n>")
    if rows >= 24:  # at 60x20 the emergency number, drawn last, has pushed it off the top
        unsplit(screen, "also type y or n, and u wherever you may answer not sure.")
    unsplit(
        screen, "If this is an emergency, stop now and call your local emergency number (911 / 999 / 112)."
    )
    unsplit(screen, "Type a number, or u (not sure), and press Enter;")  # a choice with "not sure"
    screen.send("1\r")  # never told
    screen.wait_for("In the last 6 weeks", "3. I'm not sure")
    unsplit(screen, "Type a number, or y, n or u (not sure), and press Enter;")
    screen.send("u\r")  # not sure: said to the call handler, never read as "no"
    # "Not sure" is the safer reading of "maybe": the treatment follow-ups are asked.
    follow_ups = (
        "Have you had chemotherapy",
        "Have you had radiotherapy",
        "steroid tablets, such as",
        "Do you have a central line",
    )
    for follow_up in follow_ups:
        screen.wait_for(follow_up, "3. I'm not sure")
        screen.send("n\r")
    screen.wait_for("short of breath")
    unsplit(screen, "Are you suddenly or severely short of breath, unable to speak in full sentences,")
    screen.send("no\r")
    screen.wait_for("Do you have chest pain?")
    screen.send("n\r")
    screen.wait_for("more than a few streaks of blood")
    screen.send("maybe\r")
    screen.wait_for("Please type a number from 1 to 3, or y, n")
    screen.send("yes\r")  # coughing up a lot of blood: an emergency
    screen.wait_for("What would you like to do now?")
    screen.send("\r")
    screen.wait_for("Tell the call handler:")
    shown = " ".join(screen.text().split())
    assert "- Coughing up more than a few streaks of blood" in shown
    assert "- Cancer treatment or steroid tablets in the last 6 weeks (not sure)" in shown
    screen.send("\r")
    assert screen.finish() == 0
    assert all(len(row) <= columns for row in screen.rows())


def number_book(tmp_path: Path) -> Path:
    """A small rule book whose fourth question asks for a temperature, typed."""
    from tests.helpers import WITH_A_NUMBER, write_book

    return write_book(tmp_path / "rules", WITH_A_NUMBER)


def reach_the_temperature(screen: Terminal) -> Terminal:
    for question in ("Have you been told you have cancer?", "Back pain?", "Yellow skin?"):
        wait_prompt(screen, question)
        screen.send(ENTER)  # never told; no; no
    screen.wait_for("highest reading")
    return screen


@pytest.mark.parametrize(("columns", "rows"), SIZES)
def test_a_typed_number_wraps_and_the_review_keeps_it(
    terminal, tmp_path: Path, columns: int, rows: int
) -> None:
    from tests.helpers import TEMPERATURE_QUESTION

    screen = reach_the_temperature(terminal(columns, rows, "ask", "--rules", str(number_book(tmp_path))))
    unsplit(screen, TEMPERATURE_QUESTION + " Press Enter to leave it out; ? = why, b = back")
    assert all(len(row) <= columns for row in screen.rows())
    screen.send("38.5" + ENTER)
    screen.wait_for(REVIEW, "[38.5 °C (101.3 °F)]")
    screen.send(DOWN * 4 + ENTER)  # past the separator to the temperature, the fourth item
    screen.wait_for("Press Enter to keep it", "38.5")
    unsplit(screen, TEMPERATURE_QUESTION + " Press Enter to keep it, or type none to leave it out;")
    screen.send(ENTER)  # keeps 38.5
    # The review again, its pointer on "Show my result" (the only pointer on screen): Enter goes on.
    screen.wait_for("Your answers", " » Show my result", "[38.5 °C (101.3 °F)]")
    assert [row for row in screen.rows() if row.startswith(" » ")] == [" » Show my result"]
    screen.send(ENTER)
    screen.wait_for("Enter: read more; s: save a summary; q: finish")
    screen.send(ENTER)
    screen.wait_for("Would you like to save a summary")
    screen.send(ENTER)
    assert screen.finish() == 0


@pytest.mark.parametrize(("columns", "rows"), SIZES)
def test_a_typed_b_goes_back_without_being_left_on_screen_as_an_answer(
    terminal, tmp_path: Path, columns: int, rows: int
) -> None:
    screen = reach_the_temperature(terminal(columns, rows, "ask", "--rules", str(number_book(tmp_path))))
    screen.wait_for("? = why, b = back")
    # The help and the keys are lines of their own, inside the screen; the answer has its own line.
    assert all(len(row) <= columns for row in screen.rows())
    assert any(row.strip() == "Press Enter to leave it out; ? = why, b = back" for row in screen.rows())
    screen.send("b" + ENTER)
    wait_prompt(screen, "Yellow skin?")
    assert not any(row.rstrip().endswith((" b", "back b")) or row.strip() == "b" for row in screen.rows())
    screen.send(ENTER)
    screen.wait_for("highest reading", "? = why, b = back")
    screen.send("38.5" + ENTER)
    screen.wait_for(REVIEW)
    # Once answered, the question stays with the answer under it, without the notes.
    rows = screen.rows()
    answered = rows.index("  38.5")
    assert rows[answered - 1].endswith("for Fahrenheit?")  # the question's last line, then the answer
    assert not any("? = why, b = back" in row for row in rows)
