"""The guided questions in a terminal: the words of each arrow-key prompt laid out here,
drawn by arrow_lists.py (the only module that imports prompt_toolkit).

It draws prompts for the flow in questionnaire.py, then shows the result (result_screen.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from metasymptoms.answering.emergency import action, still_standing
from metasymptoms.answering.formats import renderer
from metasymptoms.answering.prompter import (
    BACK,
    WHY,
    Options,
    ResultPrompter,
    Stopped,
    StoppedAfterResult,
    StoppedInEmergency,
    hanging,
    screen_width,
    wrap,
)
from metasymptoms.answering.questionnaire import TYPED_KEYS, Questionnaire
from metasymptoms.answering.result import ending_block
from metasymptoms.answering.result_screen import (
    present_result,
    show_emergency_card,
    show_ending,
    stopped_note,
)
from metasymptoms.answering.terminal import prompter_for
from metasymptoms.core.engine import Assessment, assess
from metasymptoms.core.guidance import Wording
from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import filled
from metasymptoms.core.output import write_atomic, wrote
from metasymptoms.core.safetext import visible, write_styled

if TYPE_CHECKING:
    from metasymptoms.answering.arrow_lists import ArrowPrompts

Arguments = ParamSpec("Arguments")
Answer = TypeVar("Answer")


def colour_allowed(stream: Any) -> bool:
    """Colour only on a real terminal, never with NO_COLOR set or TERM=dumb."""
    return (
        hasattr(stream, "isatty")
        and stream.isatty()
        and "NO_COLOR" not in os.environ
        and os.environ.get("TERM") != "dumb"
    )


# Instructions are never dim: a person who needs them most may see least well.
_STYLES = {
    "heading": "\033[1m",
    "subheading": "\033[1m",
    "emergency": "\033[1;31m",
    "strong": "\033[1m",
    "hint": "",
    "info": "",
}
POINTER = 3  # " » " or three spaces before each choice (arrow_lists.POINTER)


class ArrowKeyPrompter:
    """Arrow keys and Enter; every prompt also lists 'why' and 'back' as choices. Questions
    and choices are wrapped at word boundaries to the terminal's width (prompt_toolkit would
    break them mid-word, or cut a choice off). `input` and `output` are prompt_toolkit's, for
    tests; None means the terminal. Its words are the rule book's (`wording`: `arrow_keys`,
    and the steps' names and keys in `questions`)."""

    def __init__(
        self,
        wording: Wording,
        input: Any = None,
        output: Any = None,
        stdout: Any = None,
        width: int | None = None,
    ):
        self.wording = wording
        self.input = input
        self.output = output
        self.stdout = stdout or sys.stdout
        self.colour = colour_allowed(self.stdout)
        self.width = width
        self.kept_ticks: tuple[str, list[str]] = ("", [])  # a question's ticks, kept over "why"
        # The rows of each answer said back, for those last on screen (nothing said since):
        # an answer taken back with Back is cleared from the screen, where it is one of them.
        self.said_back: list[int] = []
        self.prompts: ArrowPrompts | None = None

    @property
    def how_to_answer(self) -> str:
        steps = self.wording.questions
        return filled(self.wording.arrow_keys.how_to_answer, why=steps.why, back=steps.back)

    def columns(self) -> int:
        return self.width or screen_width()

    def _said_back(self, echo: str) -> None:
        self.stdout.write(echo)
        self.stdout.flush()
        self.said_back.append(echo.count("\n"))

    def say(self, text: str, kind: str = "info") -> None:
        if kind == "progress":
            return  # the arrow-key screen is kept short; the plain prompts say it
        if kind == "taken_back":
            if self.said_back and hasattr(self.stdout, "isatty") and self.stdout.isatty():
                # Up to the answer's first row, and clear from there down: the question is
                # asked again in its place.
                write_styled(self.stdout, f"\033[{self.said_back.pop()}A\033[J", "", "")  # trusted
                self.stdout.flush()
                return
            kind = "hint"  # something was said after it: it stays, marked as taken back
        self.said_back = []
        if kind == "pre":  # already laid out: printed as it is
            self.stdout.write(text if text.endswith("\n") else text + "\n")
            self.stdout.flush()
            return
        indent = hanging(text)
        lines = wrap(text, self.columns() - 2, indent)
        if kind in ("heading", "subheading"):
            self.stdout.write("\n")
        # The words carry the meaning ("EMERGENCY:", headings); colour only adds emphasis.
        start, end = (_STYLES[kind], "\033[0m") if self.colour and _STYLES[kind] else ("", "")
        for line in lines:
            write_styled(self.stdout, start, line, end + "\n")  # the text itself is sanitised
        self.stdout.flush()

    def _prompts(self) -> ArrowPrompts:
        """The one Application that draws every prompt (made at the first: prompt_toolkit is
        imported only for the arrow keys)."""
        if self.prompts is None:
            from metasymptoms.answering.arrow_lists import ArrowPrompts

            self.prompts = ArrowPrompts(self.input, self.output)
        return self.prompts

    def choose(
        self, message: str, options: Options, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        width = self.columns() - 1
        room = width - POINTER

        # prompt_toolkit draws to the terminal itself, past the sanitising streams: every
        # text is made visible here first, then laid out.
        def label_of(label: str) -> str:
            label = visible(label)
            if one_line:
                return label if len(label) <= room else label[: room - 1].rstrip() + "…"
            return ("\n" + " " * POINTER).join(wrap(label, room))

        choices = [(None if label is None else label_of(label), value) for label, value in options]
        # "? " comes before the question: its further lines line up under its first word.
        lines = [line for paragraph in message.split("\n") for line in wrap(visible(paragraph), width - 2)]
        # Once answered, the answer is said after the question's last line; where the longest
        # answer would not fit there, it goes on a line of its own.
        longest = max((len(label.split("\n")[0]) for label, _ in choices if label), default=0)
        own_line = len(lines[-1]) + 2 + 1 + longest > width
        text = "\n  ".join(lines) + ("\n " if own_line else "")
        notes = [
            *(wrap(f"({visible(hint)})", width - 2) if hint else []),
            f"({self.wording.arrow_keys.choose})",
        ]
        instruction = ("" if own_line else "\n  ") + "\n  ".join(notes)
        steps = {value for _, value in options if value in (WHY, BACK)}
        value = self._ask(self._prompts().choose, text, instruction, choices, default, steps)
        if value not in (WHY, BACK):
            # Said again below with its answer: "Why am I asked this?" or "Back" is a step,
            # not an answer, and is not left on screen (or read out) as if it were one.
            chosen = next((label for label, option in choices if label is not None and option == value), None)
            if chosen is None:  # Escape then Enter: no choice made, so asked again
                return self.choose(message, options, default, hint, one_line=one_line)
            self._said_back(f"? {text} {chosen}\n")
        return value

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
        """Checkboxes: arrows move, space ticks, Enter confirms what is ticked; "?" and "b"
        are why and back (a box for them could be ticked as if it were an answer). What is
        said back is `check`'s words for what was ticked: the answer recorded. Ticks that
        cannot go together are refused in `check`'s words, and asked again as they were."""
        steps = {value for _, value in options if value in (WHY, BACK)}
        if self.kept_ticks[0] == message:  # asked again after "why": as it was left
            ticked = self.kept_ticks[1]
        width = self.columns() - 1
        lines = [line for paragraph in message.split("\n") for line in wrap(visible(paragraph), width - 2)]
        boxes, instruction = self._checkboxes(options, hint, keys)
        while True:
            values: Any = self._ask(
                self._prompts().tick, "\n  ".join(lines), instruction, boxes, ticked, steps
            )
            if isinstance(values, str):  # "?" or "b": a step, not an answer
                self.kept_ticks = (message, self._prompts().ticks())
                return values
            self.kept_ticks = ("", [])
            try:
                words = wrap(visible(check(values)), width - 2)
            except ValueError as refused:
                self.say(f"{refused}.", "hint")  # as a typed answer's refusal is said
                ticked = values
                continue
            fits = len(words) == 1 and len(lines[-1]) + 3 + len(words[0]) <= width
            said = f" {words[0]}" if fits else "".join(f"\n  {line}" for line in words)
            self._said_back("? " + "\n  ".join(lines) + said + "\n")
            return " ".join(values)

    def _checkboxes(self, options: Options, hint: str | None, keys: str) -> tuple[Options, str]:
        """The boxes of `options` but the steps (why, back: keys instead), and the notes
        under the question."""
        steps = {value for _, value in options if value in (WHY, BACK)}
        boxes = [(label, value) for label, value in options if value not in steps]
        while boxes and boxes[-1][0] is None:  # the separator before the steps
            boxes.pop()
        width = self.columns() - 1
        room = width - POINTER - 2  # "○ " before each label
        labels = [
            (None if label is None else ("\n" + " " * (POINTER + 2)).join(wrap(visible(label), room)), value)
            for label, value in boxes
        ]
        # "? = why, b = back" kept on one line, as the typed prompts say it
        words = self.wording.questions
        shortcuts = self.wording.lists.between.replace(" ", "\u00a0").join(
            key for key, step in ((words.why_key, WHY), (words.back_key, BACK)) if step in steps
        )
        notes = [
            *(wrap(f"({visible(hint)})", width - 2) if hint else []),
            *wrap(f"({visible(keys)}; {shortcuts})", width - 2),
        ]
        return labels, "\n  " + "\n  ".join(notes)

    def ask_text(self, message: str, default: str) -> str:
        # Each line of the message wrapped at word boundaries as a choice's question is; the
        # answer is typed on a line of its own.
        width = self.columns() - 1
        paragraphs = visible(message).split("\n")
        lines = [line for paragraph in paragraphs for line in wrap(paragraph, width - 2)]
        # Said again below without the notes, and a typed "b" or "?" not at all: it is a key,
        # not an answer, and is not left on screen as if it were one.
        typed = self._ask(self._prompts().type_line, "\n  ".join(lines) + "\n ", default) or default
        if typed.strip().lower() not in TYPED_KEYS:
            asked = wrap(paragraphs[0], width - 2)
            left_out = self.wording.arrow_keys.left_out
            self._said_back("? " + "\n  ".join(asked) + "\n  " + visible(typed or left_out) + "\n")
        return typed

    def press(self, message: str, keys: Mapping[str, str]) -> str:
        """One key, no Enter after it (Enter alone is a key of its own); the line is erased
        once a key is pressed, so it is not left on screen as if it were an answer."""
        # a blank line sets it apart from the result above
        return self._ask(self._prompts().press, f"\n{visible(message)} ", keys)

    @staticmethod
    def _ask(
        prompt: Callable[Arguments, Answer], *arguments: Arguments.args, **named: Arguments.kwargs
    ) -> Answer:
        try:
            return prompt(*arguments, **named)  # the value chosen, the values ticked, or the text typed
        except EOFError:
            raise Stopped from None


def run_interview(
    book: RuleBook,
    *,
    plain: bool,
    result_format: str = "text",
    output: Path | None = None,
    prompter: ResultPrompter | None = None,
) -> int:
    """The questionnaire, the result, and the offer to save. Stopping raises KeyboardInterrupt
    (exit 130, "Stopped. Nothing was saved."); once an emergency was shown, the stop message
    also gives the number to call (StoppedInEmergency)."""
    wording = book.guidance.wording
    prompter = prompter or prompter_for(plain, wording)
    questionnaire = Questionnaire(book, prompter)
    assessment: Assessment | None = None
    try:
        outcome = questionnaire.run()
        # An emergency shown stands in the result even where an answer was changed after it.
        assessment = still_standing(book, assess(book, outcome.answers), questionnaire.emergencies_shown)
        can_save = output is None  # with --output the result is written there, in its format
        if outcome.stopped_for_emergency:
            show_emergency_card(prompter, book, assessment)
            asked = wording.after_stopping
            more = prompter.choose(asked.question, [(asked.first, "no"), (asked.second, "yes")], "no")
            if more == "yes":
                prompter.say(stopped_note(book, outcome.answers), "hint")
                present_result(prompter, book, assessment, wording.result_after_stopping, can_save=can_save)
        else:
            present_result(prompter, book, assessment, can_save=can_save)
        if output is not None:
            replaced = write_atomic(output, renderer(result_format)(book, assessment))
            prompter.say(
                wrote(wording.written.result, output, wording.written.replaced if replaced else ""), "hint"
            )
        show_ending(prompter, book, assessment)
    except (Stopped, KeyboardInterrupt):
        if questionnaire.emergencies_shown:
            # Printed after the prompts are gone: wrapped here, as no prompter draws it.
            raise StoppedInEmergency("\n".join(wrap(action(book), screen_width() - 1))) from None
        if assessment is not None:
            ending = ending_block(book, assessment)
            line = f"{ending.heading}. {' '.join(ending.paragraphs)}"
            raise StoppedAfterResult("\n".join(wrap(line, screen_width() - 1))) from None
        raise KeyboardInterrupt from None
    return 0
