"""The guided questions in a terminal: the only module that imports questionary.

It draws prompts for the flow in questionnaire.py, shows the result, and offers to save a
summary. Nothing is written unless the person asks, and the write is atomic.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from pathlib import Path
from typing import Any

from metasymptoms.engine import Assessment, assess
from metasymptoms.model import RuleBook
from metasymptoms.output import OutputError, emit, write_atomic
from metasymptoms.questionnaire import Options, Outcome, PlainPrompter, Prompter, Questionnaire, Stopped
from metasymptoms.render import renderer
from metasymptoms.render.assessment_text import blocks, render_markdown
from metasymptoms.safetext import visible, write_styled

SUMMARY_NAME = "metasymptoms-summary.md"


def colour_allowed(stream: Any) -> bool:
    """Colour only on a real terminal, never with NO_COLOR set or TERM=dumb."""
    return (
        hasattr(stream, "isatty")
        and stream.isatty()
        and "NO_COLOR" not in os.environ
        and os.environ.get("TERM") != "dumb"
    )


_STYLES = {
    "heading": "\033[1m",
    "subheading": "\033[1m",
    "emergency": "\033[1;31m",
    "hint": "\033[2m",
    "info": "",
}


class QuestionaryPrompter:
    """Arrow keys and Enter; every prompt also lists 'why' and 'back' as choices.
    `input` and `output` are prompt_toolkit's, for tests; None means the terminal."""

    def __init__(self, input: Any = None, output: Any = None, stdout: Any = None):
        self.input = input
        self.output = output
        self.stdout = stdout or sys.stdout
        self.colour = colour_allowed(self.stdout)

    def say(self, text: str, kind: str = "info") -> None:
        width = min(shutil.get_terminal_size((80, 24)).columns, 100) - 2
        if kind == "pre":  # already laid out: printed as it is
            self.stdout.write(text if text.endswith("\n") else text + "\n")
            self.stdout.flush()
            return
        indent = "    " if text.startswith("  - ") else ""
        lines = textwrap.wrap(text, max(width, 40), subsequent_indent=indent) or [""]
        if kind in ("heading", "subheading"):
            self.stdout.write("\n")
        # The words carry the meaning ("EMERGENCY:", headings); colour only adds emphasis.
        start, end = (_STYLES[kind], "\033[0m") if self.colour and _STYLES[kind] else ("", "")
        for line in lines:
            write_styled(self.stdout, start, line, end + "\n")  # the text itself is sanitised
        self.stdout.flush()

    def choose(self, message: str, options: Options, default: str, hint: str | None = None) -> str:
        import questionary
        from prompt_toolkit.keys import Keys

        # prompt_toolkit draws to the terminal itself, past the sanitising streams.
        choices = [
            questionary.Separator() if label is None else questionary.Choice(visible(label), value)
            for label, value in options
        ]
        question = questionary.select(
            visible(message),
            choices=choices,
            default=default,
            instruction=f"({visible(hint)}) " if hint else "(arrow keys to move, Enter to choose)",
            input=self.input,
            output=self.output,
        )

        # Ctrl-D stops like Ctrl-C: one calm line, nothing saved.
        @question.application.key_bindings.add(Keys.ControlD, eager=True)
        def _stop(event: Any) -> None:
            event.app.exit(exception=EOFError)

        return self._ask(question)

    def ask_text(self, message: str, default: str) -> str:
        import questionary

        question = questionary.text(visible(message), default=default, input=self.input, output=self.output)
        return self._ask(question) or default

    @staticmethod
    def _ask(question: Any) -> Any:
        try:
            return question.unsafe_ask()
        except EOFError:
            raise Stopped from None


def run_interview(
    book: RuleBook,
    *,
    plain: bool,
    result_format: str = "text",
    output: Path | None = None,
    prompter: Prompter | None = None,
) -> int:
    """The questionnaire, the result, and the offer to save. Stopping raises KeyboardInterrupt
    (exit 130, "Stopped. Nothing was saved.")."""
    prompter = prompter or (PlainPrompter() if plain else QuestionaryPrompter())
    try:
        outcome = Questionnaire(book, prompter).run()
        assessment = assess(book, outcome.answers)
        show_result(prompter, book, assessment, outcome)
        if output is not None:
            emit(renderer(result_format)(book, assessment), output)
            prompter.say(f"The result was saved to {output}.", "hint")
        else:
            offer_to_save(prompter, book, assessment)
    except Stopped:
        raise KeyboardInterrupt from None
    return 0


def show_result(prompter: Prompter, book: RuleBook, assessment: Assessment, outcome: Outcome) -> None:
    """The same content as `ask --format text`, laid out for a screen through the prompter."""
    if outcome.stopped_for_emergency:
        prompter.say("You chose to stop here. Please get help now.", "emergency")
    prompter.say("Your result", "heading")
    for block in blocks(book, assessment):
        emergency = block.heading.upper().startswith("EMERGENCY")
        prompter.say(
            block.heading, "emergency" if emergency else "heading" if block.level == 2 else "subheading"
        )
        for paragraph in block.paragraphs:
            if paragraph:
                prompter.say(paragraph)
        for item in block.items:
            prompter.say(f"  - {item}")


def offer_to_save(prompter: Prompter, book: RuleBook, assessment: Assessment) -> None:
    choice = prompter.choose(
        "Would you like to save a summary to bring to your appointment?",
        [("No, thank you", "no"), ("Yes, save a summary file", "yes")],
        "no",
    )
    if choice != "yes":
        prompter.say("Nothing was saved. Take care, and please see your healthcare provider.", "hint")
        return
    summary = render_markdown(book, assessment)
    while True:
        name = prompter.ask_text("File name for the summary", SUMMARY_NAME).strip()
        try:
            path = Path(name).expanduser()
        except RuntimeError:  # no home folder for '~'
            path = Path(name)
        try:
            exists = path.exists() and not path.is_dir()
        except (OSError, ValueError):  # unreadable, or a character no file name may hold
            exists = False  # write_atomic says why it cannot write there
        if exists:
            again = prompter.choose(
                f"{path} already exists. Replace it?",
                [("No, choose another name", "no"), ("Yes, replace it", "yes")],
                "no",
            )
            if again != "yes":
                continue
        try:
            write_atomic(path, summary)
        except OutputError as error:
            prompter.say(f"The summary could not be saved: {error}.", "emergency")
            retry = prompter.choose(
                "Try another name?", [("Yes, try another name", "yes"), ("No, do not save", "no")], "yes"
            )
            if retry == "yes":
                continue
            prompter.say("Nothing was saved.", "hint")
            return
        prompter.say(f"Saved your summary to {path.resolve()}. Bring it to your appointment.", "hint")
        return
