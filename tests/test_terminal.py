"""Real terminal sessions (pexpect), and --plain through a pipe, as a person meets them. The
pipe's runs call the program in the test's process (`run_main`): no terminal is under test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest

from tests.helpers import Ran, Replies, run_main, spawn_metasymptoms

pytestmark = pytest.mark.terminal

ENTER, DOWN, UP, CTRL_C, CTRL_D = "\r", "\x1b[B", "\x1b[A", "\x03", "\x04"
FIRST_LAST = "Why am I asked this?"  # the first question has nothing to go back to


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., pexpect.spawn]]:
    children: list[pexpect.spawn] = []

    def start(*args: str) -> pexpect.spawn:
        child = spawn_metasymptoms(tmp_path, *args, size_in_env=True)
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(force=True)


def expect_prompt(child: pexpect.spawn, text: str, last: str = "Back to the previous question") -> None:
    """Wait until the prompt is drawn completely: its text, then its last option."""
    child.expect_exact(text)
    child.expect_exact(last)


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


@pytest.mark.long
def test_enter_through_to_the_end(spawn) -> None:
    child = spawn()
    child.expect_exact("If this is an emergency, stop now and call your local emergency number")
    expect_prompt(child, "Has a doctor ever told you that you have or had cancer?", last=FIRST_LAST)
    for _ in range(80):  # about 70 questions and screens; "not sure" of a history asks about treatment
        child.send(ENTER)
        index = child.expect_exact(
            [
                "Would you like to save a summary",
                "Back to the previous question",
                "Show my result",
                "? = why, b = back",  # a typed answer: "which of these" starts at "none"
            ]
        )
        if index == 0:
            break
    child.send(ENTER)
    child.expect_exact("Nothing was saved.")
    assert finish(child) == 0


def test_an_emergency_answer_interrupts_at_once(spawn) -> None:
    child = spawn()
    expect_prompt(child, "Has a doctor ever told you that you have or had cancer?", last=FIRST_LAST)
    child.send(UP + UP + ENTER)  # I have cancer now
    expect_prompt(child, "Where did the cancer start?")
    child.send(ENTER)  # I do not know
    expect_prompt(child, "spread to other parts of the body?")
    child.send(ENTER)  # No, or not that I know of
    expect_prompt(child, "Would you like the result to include")
    child.send(ENTER)  # No
    expect_prompt(child, "In the last 6 weeks, have you had any cancer treatment")
    child.send(UP + UP + ENTER)  # No (Enter would be "not sure" after "I have cancer now")
    expect_prompt(child, "Are you suddenly or severely short of breath")
    child.send(DOWN + ENTER)  # Yes
    child.expect_exact("EMERGENCY: Severe breathlessness, or chest pain with breathlessness")
    child.expect_exact("Call your local emergency number (911 / 999 / 112) now.")
    expect_prompt(child, "What would you like to do now?", last="Go on with the questions")
    child.send(ENTER)  # stop here
    child.expect_exact("EMERGENCY: Severe breathlessness, or chest pain with breathlessness")
    child.expect_exact("Tell the call handler:")
    expect_prompt(
        child,
        "Would you like to see the rest of your result?",
        last="Yes, show the result from my answers so far",
    )
    child.send(ENTER)  # No, I will get help now
    child.expect_exact("Your local emergency number is 911 / 999 / 112")
    assert finish(child) == 0


def test_going_back_changes_the_previous_answer(spawn) -> None:
    child = spawn()
    expect_prompt(child, "Has a doctor ever told you that you have or had cancer?", last=FIRST_LAST)
    child.send(UP + ENTER)  # I had cancer in the past
    expect_prompt(child, "Where did the cancer start?")
    child.send(DOWN + DOWN + ENTER)  # Back to the previous question
    expect_prompt(child, "Has a doctor ever told you that you have or had cancer?", last=FIRST_LAST)
    child.send(UP + UP + ENTER)  # I have never been told I have cancer
    # the primary-cancer and spread questions are skipped now
    expect_prompt(child, "In the last 6 weeks, have you had any cancer treatment")
    child.send(CTRL_C)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130


def test_enter_at_the_first_kind_of_treatment_is_not_sure(spawn) -> None:
    """A person on chemotherapy pressed Enter at its question and recorded none."""
    child = spawn()
    expect_prompt(child, "Has a doctor ever told you that you have or had cancer?", last=FIRST_LAST)
    child.send(UP + UP + UP + ENTER)  # I have never been told I have cancer
    expect_prompt(child, "In the last 6 weeks, have you had any cancer treatment")
    child.send(DOWN + ENTER)  # Yes
    expect_prompt(child, "Have you had chemotherapy, immunotherapy, targeted drugs")
    child.send(ENTER)
    child.expect_exact("weeks? I'm not sure\r\n")
    expect_prompt(child, "Have you had radiotherapy in the last 6 weeks?")
    child.send(CTRL_C)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130


@pytest.mark.parametrize("key", [CTRL_C, CTRL_D])
def test_ctrl_c_or_ctrl_d_stops_calmly_with_130(spawn, key: str, tmp_path: Path) -> None:
    child = spawn()
    expect_prompt(child, "Has a doctor ever told you that you have or had cancer?", last=FIRST_LAST)
    child.send(key)
    child.expect_exact("Stopped. Nothing was saved.")
    output = child.before
    assert finish(child) == 130
    assert "Traceback" not in output
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_signal_at_a_list_stops_calmly_with_130(spawn, tmp_path: Path) -> None:
    """`kill -INT`, or Ctrl-C where the terminal sends a signal rather than the key: as Ctrl-C
    at a list (questionary's lists ignored the signal, and the questions went on)."""
    import signal

    child = spawn()
    expect_prompt(child, "Has a doctor ever told you that you have or had cancer?", last=FIRST_LAST)
    child.kill(signal.SIGINT)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert list(tmp_path.iterdir()) == []


def plain(*args: str, stdin: str | Replies, env: dict | None = None) -> Ran:
    return run_main("ask", *args, stdin=stdin, env=env)


def test_plain_through_stdin_has_no_escape_sequences() -> None:
    result = plain(
        "--plain", stdin="3\n2\n1\n1\n" + "\n" * 80
    )  # past, bowel, no known spread, no treatment ...
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "  2. Bowel (colon or rectum)" in result.stdout
    assert "About bowel (colorectal) cancer" in result.stdout
    assert "Bowel (colorectal) cancer most commonly spreads to: Liver, Lungs and Peritoneum" in result.stdout


def test_plain_why_and_back_by_letters() -> None:
    result = plain("--plain", stdin="1\n?\nb\n1\n" + "\n" * 80)
    assert result.returncode == 0, result.stderr
    # "?" at the treatment question, which a person who never had cancer is asked next
    words = " ".join(result.stdout.split())  # the reason wraps at the terminal's width
    from metasymptoms.core.conditions import findings_in
    from metasymptoms.core.loader import load_book

    # The treatment question is read by many warning signs: its reason in one calm line, with
    # what it asks about, not a list of emergencies (nor a count, which a new user's trial read
    # as no reason at all).
    used_by = [flag for flag in load_book().red_flags if "recent_treatment" in findings_in(flag.when)]
    assert len(used_by) > 4
    assert "Why am I asked this? - Your answer decides whether these follow-up questions are asked:" in words
    # The reason last, next to the question drawn again below it (on a small screen a first
    # line scrolled off above a long list of follow-ups).
    assert (
        "- A new skin rash - Some symptoms need help sooner together with cancer treatment or "
        "steroid tablets in the last 6 weeks: your answer lets the result say how soon for you. "
        "In the last 6 weeks, have you had any cancer treatment"
    ) in words
    assert "Emergency warning sign:" not in words
    assert result.stdout.splitlines().count("Has a doctor ever told you that you have or had cancer?") == 2


def test_plain_enter_at_each_kind_of_treatment_is_not_sure() -> None:
    result = plain("--plain", stdin="1\n2\n" + "\n" * 80)  # never told of cancer; treatment: yes
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for kind in ("Have you had chemotherapy", "Have you had radiotherapy", "Are you taking steroid tablets"):
        asked = next(index for index, line in enumerate(lines) if line.startswith(kind))
        assert "  3. I'm not sure  (Enter)" in lines[asked : asked + 6], kind
    assert (
        "[Not sure] Have you had chemotherapy, immunotherapy, targeted drugs or another cancer medicine in the last 6 weeks?"
        in (" ".join(result.stdout.split()))
    )


def test_term_dumb_means_plain_prompts() -> None:
    result = plain(stdin="\n" * 80, env={"TERM": "dumb"})
    assert result.returncode == 0, result.stderr
    assert "Type a number and press Enter" in result.stdout and "\x1b" not in result.stdout


def test_plain_stdin_closed_mid_way_stops_with_130() -> None:
    result = plain("--plain", stdin="1\n")
    assert result.returncode == 130
    assert result.stderr == "\nStopped. Nothing was saved.\n"


def plain_session(replies: dict[str, str]) -> str:
    """`ask --plain`, answering each question whose text holds one of `replies`' keys with its
    reply, and Enter alone everywhere else; all it wrote, as words."""

    def reply(question: str) -> str:
        question = " ".join(question.split())
        return next((reply for text, reply in replies.items() if text in question), "")

    walked = plain("--plain", stdin=reply)
    assert walked.returncode == 0, walked.stderr
    return " ".join(walked.stdout.split())


NEVER_TOLD_TREATED = {"Has a doctor ever told you": "1", "have you had any cancer treatment": "2"}


def test_plain_enter_at_the_kinds_then_chest_pain_is_the_emergency_a_file_gives() -> None:
    """The nurse's answers (review s30, finding 3): no diagnosis, treatment yes, Enter at each
    kind, chest pain. The answers file with the kinds left out gives the same (test_left_out)."""
    screen = plain_session({**NEVER_TOLD_TREATED, "Do you have chest pain?": "y"})
    assert "EMERGENCY: Chest pain that needs emergency care" in screen
    assert "Are you coughing up more than a few streaks of blood?" not in screen  # it interrupted


def test_plain_enter_at_the_kinds_then_being_sick_is_urgent_as_a_file_gives() -> None:
    screen = plain_session({**NEVER_TOLD_TREATED, "Do you feel sick, or are you being sick?": "y"})
    assert "Urgent: get help today Contact a healthcare provider today" in screen
    assert "Urgent: Being sick during treatment Call the 24-hour line" in screen


ENTER_IS_NOT_SURE = 'At the questions about your treatment, Enter alone gives "I\'m not sure", not "No"'


def test_the_arrow_keys_say_once_that_enter_is_not_sure_at_the_kinds_of_treatment(spawn) -> None:
    """Enter is "No" at every yes-or-no question before: a screen-reader user who learnt that
    would deny chemotherapy with Enter (review s30, finding 6). It is said before the first
    kind of treatment, where Enter starts to give "I'm not sure"."""
    child = spawn()
    expect_prompt(child, "Has a doctor ever told you that you have or had cancer?", last=FIRST_LAST)
    child.send(UP + UP + UP + ENTER)  # I have never been told I have cancer
    expect_prompt(child, "In the last 6 weeks, have you had any cancer treatment")
    child.send(DOWN + ENTER)  # Yes
    child.expect_exact("At the questions about your treatment,")
    child.expect_exact("Have you had chemotherapy")
    assert 'Enter alone gives "I\'m not sure", not "No": choose "No" for a treatment you have not had.' in (
        " ".join(child.before.split())
    ), repr(child.before)
    child.expect_exact("Back to the previous question")
    child.send(ENTER)
    expect_prompt(child, "Have you had radiotherapy in the last 6 weeks?")
    assert "Enter alone gives" not in child.before  # once
    child.send(CTRL_C)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130


@pytest.mark.parametrize(
    ("typed", "before"),
    [
        ("1\n2\n", "Have you had chemotherapy"),  # no diagnosis, treatment yes: at the first kind
        ("2\n\n\n", "In the last 6 weeks, have you had any cancer treatment"),  # cancer now: at treatment
    ],
)
def test_plain_says_once_that_enter_is_not_sure_where_it_starts_to_be(typed: str, before: str) -> None:
    result = plain("--plain", stdin=typed + "\n" * 80)
    assert result.returncode == 0, result.stderr
    words = " ".join(result.stdout.split())
    assert words.count(ENTER_IS_NOT_SURE) == 1
    said = words.index(ENTER_IS_NOT_SURE)
    assert words.index(before) > said
    assert "(Enter)" not in words[said : words.index(before)].replace("Enter alone", "")
