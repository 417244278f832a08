"""How the questionnaire talks to a person: the Prompter it asks through, the keys a prompt
may return besides an answer, how lines are laid out, and the plain numbered prompter for
screen readers and simple terminals (the arrow-key one is in interview.py).
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, TextIO, runtime_checkable

from metasymptoms.core.guidance import Wording
from metasymptoms.core.kinds import UNSURE, UNSURE_SPELLINGS
from metasymptoms.core.model_base import filled
from metasymptoms.core.problems import UsageError

WHY = "__why__"
BACK = "__back__"

MAX_LINE = 1000  # characters in one typed answer (a file name is the longest)
# Typed in plain mode for "I'm not sure" ("?" is not among them: it asks why).
UNSURE_TYPED = (UNSURE_SPELLINGS - {"?"}) | {"u"}  # typed for a number: not measured, not given

# The choices "u" answers: "not sure", or, where a question offers it instead, "I do not
# know" (the primary cancer's `unknown`).
DO_NOT_KNOW = (UNSURE, "unknown")

# (label, value); a label of None draws a separator line.
Options = Sequence[tuple[str | None, str]]


class Stopped(Exception):
    """The person stopped (Ctrl-C, Ctrl-D, or the input ended). Nothing is saved."""


class StoppedInEmergency(KeyboardInterrupt):
    """Stopped after an emergency was shown: the stop message carries the number to call."""

    def __init__(self, line: str):
        super().__init__(line)
        self.line = line


class StoppedAfterResult(StoppedInEmergency):
    """Stopped once the result was shown (at "read more", or saving): the stop message ends,
    as every result does, on how soon and what to do."""


def screen_width(margin: int = 0, least: int = 30) -> int:
    """Columns to lay text out in: the terminal's, at most 100 (long lines are hard to read),
    less a `margin` kept free, and never below `least`. Every screen reads it here."""
    return max(min(shutil.get_terminal_size((80, 24)).columns, 100) - margin, least)


def hanging(text: str) -> str:
    """The indent of a list item's further lines ("  - x" -> 4 spaces, "    - x" -> 6)."""
    stripped = text.lstrip(" ")
    return " " * (len(text) - len(stripped) + 2) if stripped.startswith("- ") and text != stripped else ""


# A number and its unit ("38.5 °C", "101.3 F"): read apart, "°C" alone on a line means nothing.
_UNIT = re.compile(r"(\d) (°?[CF]\b|°)")


def wrap(text: str, width: int, indent: str = "", first: str = "") -> list[str]:
    """Lines at word boundaries; a word longer than a line is never split (it overflows).
    "911 / 999 / 112" stays on one line: a number cut in two is easy to misread; so does a
    number with its unit ("37.5 °C"), and a key with what it does ("? = why"), never left alone at a line's end. A web address is
    never broken (it must stay clickable and whole to copy): one too long for the line is on
    a line of its own at the list's indent, and runs past the right edge rather than
    breaking the list's left edge. `first` is the first line's indent (a list item's "  - "),
    `indent` the others'."""
    # textwrap does not break at a no-break space
    joined = _UNIT.sub("\\1\u00a0\\2", text.replace(" / ", "\u00a0/\u00a0").replace(" = ", "\u00a0=\u00a0"))
    lines = textwrap.wrap(
        joined,
        width,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return [line.replace("\u00a0", " ") for line in lines] or [""]


class Prompter(Protocol):
    @property
    def how_to_answer(self) -> str:
        """The opening's instructions, in the words of this way of answering."""

    def say(self, text: str, kind: str = "info") -> None:
        """Show text. kind: 'heading', 'subheading', 'strong' (a subheading with no blank
        line before it), 'emergency', 'hint', 'info', 'progress' (where the next question
        stands in its section: a prompter may leave it out), or 'taken_back' (the last answer
        was taken back with Back: a prompter that said it back clears it from the screen, or
        else shows this text under it); text that starts with "  - " is a list item."""

    def choose(
        self, message: str, options: Options, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        """Ask for one of the options; Enter alone gives `default`. `hint` explains the question.
        `message` may hold several lines ("\n" between), each wrapped on its own.
        `one_line`: a long list (the review), each option shortened to one line where the
        screen needs it, its start (the answer) kept."""

    def ask_text(self, message: str, default: str) -> str:
        """Ask for a line of text; Enter alone gives `default`."""


@runtime_checkable
class TickingPrompter(Prompter, Protocol):
    """A Prompter that can offer checkboxes: a "which of these" question is ticked, where
    another prompter (the plain one, for screen readers) has its numbers typed."""

    def choose_several(
        self,
        message: str,
        options: Options,
        ticked: Sequence[str],
        hint: str | None,
        *,
        keys: str,
        check: Callable[[list[str]], str],
    ) -> str:
        """Ask which of `options` apply (Why and Back among them are steps, not boxes);
        `ticked` are ticked at first. Gives the values ticked, joined by spaces ("" for none),
        or WHY or BACK. `check` gives the words for the values ticked (what is said back,
        the words of the answer recorded), or raises ValueError with what to do instead.
        `keys`: how the boxes are ticked, in the book's words."""


class ResultPrompter(Prompter, Protocol):
    """A Prompter that can also wait for one key: how the result is shown a part at a time.
    The questions themselves never need it (a replay of them does not implement it)."""

    def press(self, message: str, keys: Mapping[str, str]) -> str:
        """Wait for one of `keys` ("" is Enter alone; a letter, typed) and give its value.
        `message` says what each key does ("Enter: read more; q: finish")."""


# --- plain prompts: numbered choices, print and input, nothing else --------------------


class PlainPrompter:
    """For screen readers and simple terminals: no escape sequences, no arrow keys, lines
    wrapped at word boundaries. Choices are numbered; yes/no also take y, yes, n and no, and
    wherever "not sure" is offered (yes/no or a choice), u, unsure or not sure ("?" stays
    "why": one key, one meaning); '?' asks why, 'b' goes back. Its words are the rule book's
    (`wording`: `plain`, and the steps' names in `questions`)."""

    def __init__(
        self,
        wording: Wording,
        stdin: TextIO | None = None,
        stdout: TextIO | None = None,
        width: int | None = None,
    ):
        self.wording = wording
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.width = width
        self.progress = ""  # said with the next question, after the blank line before it

    @property
    def how_to_answer(self) -> str:
        return self.wording.plain.how_to_answer

    def _print(self, text: str = "", indent: str = "") -> None:
        width = (self.width or screen_width()) - 1
        self.stdout.write("\n".join(wrap(text, width, indent)) + "\n" if text else "\n")
        self.stdout.flush()

    def _read(self, prompt: str) -> str:
        self.stdout.write(prompt)
        self.stdout.flush()
        try:
            line = self.stdin.readline(MAX_LINE + 1)  # bounded: the input may be /dev/zero
        except UnicodeDecodeError:
            raise UsageError("the answers typed are not UTF-8 text") from None
        if not line:
            raise Stopped
        if len(line) > MAX_LINE:
            raise UsageError(
                f"an answer line is longer than {MAX_LINE} characters; the questions read one short answer a line"
            )
        if not (hasattr(self.stdin, "isatty") and self.stdin.isatty()):
            self.stdout.write(line.rstrip("\n") + "\n")  # a terminal echoes what was typed; a pipe does not
        return line.strip()

    def say(self, text: str, kind: str = "info") -> None:
        if kind == "pre":
            self.stdout.write(text if text.endswith("\n") else text + "\n")
            return
        if kind == "progress":
            self.progress = text
            return
        if kind == "taken_back":
            return  # typed "b" already said "Going back to the previous question."
        if kind in ("heading", "subheading", "emergency"):
            self._print()  # a blank line sets it apart; the words themselves say what it is
        self._print(text, hanging(text))

    def choose(
        self, message: str, options: Options, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        words = self.wording.plain
        real = [(label, value) for label, value in options if label is not None]
        numbered = [(label, value) for label, value in real if value not in (WHY, BACK)]
        keys = {value for _, value in real}
        yes_no = {"yes", "no"} <= keys
        unsure = next((value for value in DO_NOT_KNOW if value in keys), None)
        self._print()
        self._start_question()
        for line in message.split("\n"):
            self._print(line)
        if hint:
            self._print(f"({hint})")
        for number, (label, value) in enumerate(numbered, start=1):
            marker = f"  {words.marked}" if value == default else ""
            lead = f"  {number}. "
            self._print(f"{lead}{label}{marker}", " " * len(lead))
        if one_line:  # a long list (the review) pushed the question off a small screen: said again
            for line in message.split("\n"):
                self._print(line)
        extras = []
        if WHY in keys:
            extras.append(words.why_key)
        if BACK in keys:
            extras.append(self.wording.questions.back_key)
        how, refusal = self._letters(yes_no, unsure, len(numbered))
        lists = self.wording.lists
        self._print(how + (lists.apart + lists.between.join(extras) if extras else "") + ".")
        while True:
            typed = self._read("> ").lower()
            if typed == "":
                return default
            if typed in ("?", "why") and WHY in keys:
                return WHY
            if typed in ("b", "back") and BACK in keys:
                self._print(words.going_back)  # read out instead of "b"
                return BACK
            if typed in ("b", "back") and WHY in keys:  # a question with no way back: the first
                self._print(self.wording.questions.first_question)
                continue
            if yes_no and typed in ("y", "yes", "n", "no"):
                return "yes" if typed.startswith("y") else "no"
            if unsure and typed in UNSURE_TYPED:
                return unsure
            typed = typed.rstrip(".)")  # "3." or "3)", as the list writes the number
            if typed.isdigit() and 1 <= int(typed) <= len(numbered):
                return numbered[int(typed) - 1][1]
            self._print(refusal)

    def _letters(self, yes_no: bool, unsure: str | None, count: int) -> tuple[str, str]:
        """How to answer a numbered question, and what is said when the answer typed is none
        of its answers, by the letters it also takes (y and n, u)."""
        words = self.wording.plain
        letter = words.not_sure if unsure == UNSURE else words.do_not_know
        how, refusal = {
            (True, True): (words.type_yes_no_unsure, words.refused_yes_no_unsure),
            (True, False): (words.type_yes_no, words.refused_yes_no),
            (False, True): (words.type_unsure, words.refused_unsure),
        }.get((yes_no, unsure is not None), (words.type_a_number, words.refused))
        return filled(how, unsure=letter), filled(refusal, count=str(count), unsure=letter)

    def _start_question(self) -> None:
        if self.progress:
            self._print(self.progress)
            self.progress = ""

    def ask_text(self, message: str, default: str) -> str:
        # Each line of the message wrapped on its own, like every other line; the answer is
        # typed on a line of its own, so it never runs past the screen's edge.
        self._print()
        self._start_question()
        for paragraph in message.split("\n"):
            self._print(paragraph)
        if default:
            self._print(filled(self.wording.plain.enter_gives, answer=default))
        typed = self._read("> ")
        return typed or default

    def press(self, message: str, keys: Mapping[str, str]) -> str:
        self._print()
        self._print(message)
        letters = [key for key in keys if key]
        while True:
            typed = self._read("> ").lower()
            if typed in keys:
                return keys[typed]
            self._print(filled(self.wording.plain.press_refused, keys=self._either(letters)))

    def _either(self, keys: Sequence[str]) -> str:
        """ "q", "s or q", "r, s or q": the keys, in the book's words."""
        if len(keys) == 1:
            return keys[0]
        return filled(
            self.wording.plain.either, some=self.wording.lists.between.join(keys[:-1]), last=keys[-1]
        )
