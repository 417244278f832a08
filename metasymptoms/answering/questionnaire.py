"""The guided questionnaire's flow, independent of how a prompt is drawn.

One question at a time, in the rule book's order and skip logic (the engine decides what
comes next); an emergency red flag interrupts the moment it fires; "why" and "back" at every
prompt; a review of all answers before the result. The flow talks to the person only
through a Prompter, so it is driven the same way by questionary (interview.py), by plain
numbered prompts for screen readers (PlainPrompter below), and by tests.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from metasymptoms.answering.emergency import number_line
from metasymptoms.core.engine import fired_emergencies, next_question, prune
from metasymptoms.core.explain import answer_text, why_items
from metasymptoms.core.kinds import UNSURE, UNSURE_SPELLINGS, Answer, BadAnswer, kind_of
from metasymptoms.core.model import Question, RuleBook
from metasymptoms.core.problems import UsageError

WHY = "__why__"
BACK = "__back__"
SHOW_RESULT = "__result__"
STOP = "__stop__"
GO_ON = "__go_on__"

WHY_LABEL = "Why am I asked this?"
BACK_LABEL = "Back to the previous question"

MAX_LINE = 1000  # characters in one typed answer (a file name is the longest)
LEAVE_OUT = ("", "none")
# Typed in plain mode for "I'm not sure" ("?" is not among them: it asks why).
UNSURE_TYPED = (UNSURE_SPELLINGS - {"?"}) | {"u"}  # typed for a number: not measured, not given

# What may be typed at a typed answer's prompt instead of an answer.
TYPED_KEYS = {"?": WHY, "why": WHY, "b": BACK, "back": BACK}

# (label, value); a label of None draws a separator line.
Options = Sequence[tuple[str | None, str]]


class Stopped(Exception):
    """The person stopped (Ctrl-C, Ctrl-D, or the input ended). Nothing is saved."""


class StoppedInEmergency(KeyboardInterrupt):
    """Stopped after an emergency was shown: the stop message carries the number to call."""

    def __init__(self, line: str):
        super().__init__(line)
        self.line = line


def screen_width() -> int:
    """Columns to lay text out in: the terminal's, at most 100 (long lines are hard to read)."""
    return max(min(shutil.get_terminal_size((80, 24)).columns, 100), 30)


def hanging(text: str) -> str:
    """The indent of a list item's further lines ("  - x" -> 4 spaces, "    - x" -> 6)."""
    stripped = text.lstrip(" ")
    return " " * (len(text) - len(stripped) + 2) if stripped.startswith("- ") and text != stripped else ""


def wrap(text: str, width: int, indent: str = "", first: str = "") -> list[str]:
    """Lines at word boundaries; a word longer than a line is never split (it overflows).
    "911 / 999 / 112" stays on one line: a number cut in two is easy to misread; and so does
    a key with what it does ("? = why"), never left alone at a line's end. A web address is
    never broken: one too long for its indented line starts at the left edge, so it stays on
    one line where the screen has room, and on a line of its own where it has not.
    `first` is the first line's indent (a list item's "  - "), `indent` the others'."""
    # textwrap does not break at a no-break space
    joined = text.replace(" / ", "\u00a0/\u00a0").replace(" = ", "\u00a0=\u00a0")
    lines = textwrap.wrap(
        joined,
        width,
        initial_indent=first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    lines = [line.lstrip() if len(line) > width and " " not in line.strip() else line for line in lines]
    return [line.replace("\u00a0", " ") for line in lines] or [""]


# What the flow did, for those who watch it (verify proves the emergency interrupt on
# these events, never on the words shown): ("asking", finding id), ("emergency", red flag
# id), ("interrupt", "") when the person is asked what to do after an emergency, and
# ("review", "") when all answers are shown for checking.
Event = tuple[str, str]


class Prompter(Protocol):
    how_to_answer: str  # the opening's instructions, in the words of this way of answering

    def say(self, text: str, kind: str = "info") -> None:
        """Show text. kind: 'heading', 'subheading', 'emergency', 'hint' or 'info'; text that
        starts with "  - " is a list item."""

    def choose(
        self, message: str, options: Options, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        """Ask for one of the options; Enter alone gives `default`. `hint` explains the question.
        `one_line`: a long list (the review), each option shortened to one line where the
        screen needs it, its start (the answer) kept."""

    def ask_text(self, message: str, default: str) -> str:
        """Ask for a line of text; Enter alone gives `default`."""


@dataclass
class Outcome:
    answers: dict[str, Answer]
    stopped_for_emergency: bool = False


@dataclass
class Questionnaire:
    book: RuleBook
    prompter: Prompter
    answers: dict[str, Answer] = field(default_factory=dict)
    history: list[str] = field(default_factory=list)  # findings in the order answered
    earlier: dict[str, Answer] = field(default_factory=dict)  # answers taken back, as defaults
    emergencies_shown: set[str] = field(default_factory=set)
    sections_shown: set[str] = field(default_factory=set)
    last_reviewed: str = SHOW_RESULT  # the review item last opened, where the review reopens
    events: list[Event] = field(default_factory=list)

    def run(self) -> Outcome:
        self.opening()
        while True:
            question = next_question(self.book, self.answers)
            if question is None:
                step = self.review()
                if step == SHOW_RESULT:
                    return Outcome(dict(self.answers))
                if step == STOP:
                    return Outcome(dict(self.answers), stopped_for_emergency=True)
                continue
            value = self.ask(question)
            if value == BACK:
                self.go_back()
                continue
            if self.record(question.finding, value):
                return Outcome(dict(self.answers), stopped_for_emergency=True)

    # --- the steps ---

    def opening(self) -> None:
        guidance = self.book.guidance
        self.prompter.say(
            "metasymptoms: where cancer commonly spreads, and which symptoms that can cause", "heading"
        )
        self.prompter.say(number_line(self.book), "emergency")
        self.prompter.say(guidance.purpose)
        self.prompter.say(
            f"You will be asked one question at a time. {self.prompter.how_to_answer} "
            "Press Ctrl-C at any time to stop; nothing is saved unless you ask.",
            "hint",
        )

    def ask(self, question: Question) -> str | Answer:
        """Ask one question until it gets an answer or 'back'; 'why' is answered in place."""
        section = self.book.section_of(question.finding)
        if section is not None and section.id not in self.sections_shown:
            self.sections_shown.add(section.id)
            self.prompter.say(section.title, "heading")
            if section.intro:
                self.prompter.say(section.intro)
        finding = self.book.finding(question.finding)
        kind = kind_of(finding)
        options, default = self.options_for(question)
        self.events.append(("asking", question.finding))
        while True:
            if options is None:
                choice = self.prompter.ask_text(_typed_prompt(question, default), default)
                choice = TYPED_KEYS.get(choice.strip().lower(), choice)
            else:
                choice = self.prompter.choose(question.text, options, default, question.help)
            if choice == WHY:
                self.prompter.say(WHY_LABEL, "subheading")
                for item in why_items(self.book, question.finding):
                    self.prompter.say(f"  {item}" if item.startswith("  - ") else f"  - {item}")
                continue
            if choice == BACK:
                return BACK
            if options is None and choice.strip().lower() in LEAVE_OUT:
                # A number not measured: kept as None, asked and left out (the summary says
                # "not given"); the answers are typed as given (Answer), which None is not.
                return None  # type: ignore[return-value]
            try:
                return kind.from_option(finding, choice)
            except BadAnswer as bad:
                again = (
                    "press Enter to keep your earlier answer, or type none to leave it out"
                    if default
                    else "press Enter to leave it out"
                )
                self.prompter.say(f"{bad}. Please try again, or {again}.", "hint")

    def options_for(self, question: Question) -> tuple[list[tuple[str | None, str]] | None, str]:
        """The choices to offer (None when the answer is typed), and the one Enter gives:
        the answer given before, where there is one, else the question's default."""
        finding = self.book.finding(question.finding)
        kind = kind_of(finding)
        offered = kind.options(finding, offer_unsure=finding.id in self.book.warning_sign_findings)
        default = question.default or kind.default_option(finding)
        if self.treated_now(question.finding) and any(value == UNSURE for _, value in offered or ()):
            # "No" would contradict "I am being treated for it", and "Yes" would claim a kind
            # of treatment not said: Enter gives "not sure", read the safer way.
            default = UNSURE
        earlier = self.earlier.get(question.finding, self.answers.get(question.finding))
        if earlier is not None:
            default = kind.option_of(earlier)
        if offered is None:
            return None, default
        options: list[tuple[str | None, str]] = list(offered)
        options += [(None, ""), (WHY_LABEL, WHY)]
        if self.history:  # the first question has nothing before it to go back to
            options.append((BACK_LABEL, BACK))
        return options, default

    def treated_now(self, finding_id: str) -> bool:
        """Whether this is the recent-treatment question and the person said they have cancer
        now or are being treated for it."""
        history = self.book.role("cancer_history")
        return (
            finding_id == self.book.role("recent_treatment")
            and history is not None
            and self.answers.get(history) == "current"
        )

    def go_back(self) -> None:
        if not self.history:
            self.prompter.say("This is the first question; there is nothing before it.", "hint")
            return
        finding = self.history.pop()
        self.earlier[finding] = self.answers.pop(finding)
        self.answers = prune(self.book, self.answers)
        self.history = [item for item in self.history if item in self.answers]

    def record(self, finding: str, value: Answer) -> bool:
        """Keep an answer, re-apply the skip logic, and interrupt for a new emergency.
        Returns True when the person chose to stop and get help."""
        self.answers[finding] = value
        self.earlier.pop(finding, None)
        self.answers = prune(self.book, self.answers)
        self.history = [item for item in self.history if item in self.answers and item != finding] + [finding]
        return self.interrupt_for_emergency()

    def interrupt_for_emergency(self) -> bool:
        new = [
            flag
            for flag in fired_emergencies(self.book, self.answers)
            if flag.id not in self.emergencies_shown
        ]
        if not new:
            return False
        for flag in new:
            self.emergencies_shown.add(flag.id)
            self.events.append(("emergency", flag.id))
            self.prompter.say(f"EMERGENCY: {flag.title}", "emergency")
            self.prompter.say(flag.advice, "emergency")
        self.events.append(("interrupt", ""))
        choice = self.prompter.choose(
            "What would you like to do now?",
            [
                ("Stop here and get help now", STOP),
                ("Go on with the questions to learn more (this advice is repeated at the end)", GO_ON),
            ],
            STOP,
        )
        return choice == STOP

    def review(self) -> str:
        """Show every answer; change any one (GO_ON), or go on to the result (SHOW_RESULT).
        STOP when a changed answer fired an emergency and the person chose to stop. After a
        change the review opens on the item just changed."""
        questions = {question.finding: question for question in self.book.questions}
        options: list[tuple[str | None, str]] = [("Show my result", SHOW_RESULT), (None, "")]
        for finding in [
            question.finding for question in self.book.questions if question.finding in self.answers
        ]:
            # The answer first: a long question may be cut at the screen's edge, its answer never.
            options.append(
                (
                    f"[{answer_text(self.book, finding, self.answers[finding])}] {questions[finding].text}",
                    finding,
                )
            )
        self.prompter.say("Your answers", "heading")
        self.prompter.say("Check your answers. Choose one to change it, or show your result.", "hint")
        at = self.last_reviewed if self.last_reviewed in self.answers else SHOW_RESULT
        self.events.append(("review", ""))
        choice = self.prompter.choose("Show your result, or change an answer?", options, at, one_line=True)
        if choice == SHOW_RESULT:
            return SHOW_RESULT
        self.last_reviewed = choice
        value = self.ask(questions[choice])
        if value != BACK and self.record(choice, value):  # "back" leaves the answer as it was
            return STOP
        return GO_ON


def _typed_prompt(question: Question, default: str) -> str:
    """A typed answer's prompt: the question, its help, and what may be typed, one paragraph
    a line (each wrapped on its own). With an earlier answer (shown as the default), Enter
    keeps it and "none" leaves it out."""
    help_text = f"\n({question.help})" if question.help else ""
    enter = (
        "Press Enter to keep it, or type none to leave it out" if default else "Press Enter to leave it out"
    )
    return f"{question.text}{help_text}\n{enter}; ? = why, b = back"


# --- plain prompts: numbered choices, print and input, nothing else --------------------


class PlainPrompter:
    """For screen readers and simple terminals: no escape sequences, no arrow keys, lines
    wrapped at word boundaries. Choices are numbered; yes/no also take y, yes, n and no, and
    where "I'm not sure" is offered, u, unsure or not sure ("?" stays "why": one key, one
    meaning); '?' asks why, 'b' goes back."""

    how_to_answer = (
        "Each answer has a number: type it and press Enter. For yes or no, you can also type "
        "y or n, and u where you are not sure. Pressing Enter alone gives the answer marked "
        "(Enter). Type ? to hear why a question is asked, or, after the first question, b to go "
        "back to the previous one."
    )

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None, width: int | None = None):
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self.width = width

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
        if kind in ("heading", "subheading", "emergency"):
            self._print()  # a blank line sets it apart; the words themselves say what it is
        self._print(text, hanging(text))

    def choose(
        self, message: str, options: Options, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        real = [(label, value) for label, value in options if label is not None]
        numbered = [(label, value) for label, value in real if value not in (WHY, BACK)]
        keys = {value for _, value in real}
        yes_no = {"yes", "no"} <= keys
        unsure = yes_no and UNSURE in keys
        self._print()
        self._print(message)
        if hint:
            self._print(f"({hint})")
        for number, (label, value) in enumerate(numbered, start=1):
            marker = "  (Enter)" if value == default else ""
            lead = f"  {number}. "
            self._print(f"{lead}{label}{marker}", " " * len(lead))
        extras = []
        if WHY in keys:
            extras.append("? = why am I asked this")
        if BACK in keys:
            extras.append("b = back")
        letters = ", or y, n or u (not sure)," if unsure else ", or y or n," if yes_no else ""
        how = f"Type a number{letters} and press Enter"
        self._print(how + (f"; {', '.join(extras)}" if extras else "") + ".")
        while True:
            typed = self._read("> ").lower()
            if typed == "":
                return default
            if typed in ("?", "why") and WHY in keys:
                return WHY
            if typed in ("b", "back") and BACK in keys:
                return BACK
            if yes_no and typed in ("y", "yes", "n", "no"):
                return "yes" if typed.startswith("y") else "no"
            if unsure and typed in UNSURE_TYPED:
                return UNSURE
            if typed.isdigit() and 1 <= int(typed) <= len(numbered):
                return numbered[int(typed) - 1][1]
            self._print(
                f"Please type a number from 1 to {len(numbered)}"
                + letters.rstrip(",")
                + ", or press Enter for the marked answer."
            )

    def ask_text(self, message: str, default: str) -> str:
        # Each line of the message wrapped on its own, like every other line; the answer is
        # typed on a line of its own, so it never runs past the screen's edge.
        self._print()
        for paragraph in message.split("\n"):
            self._print(paragraph)
        if default:
            self._print(f"(Enter: {default})")
        typed = self._read("> ")
        return typed or default
