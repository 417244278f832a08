"""The arrow-key prompts drawn with prompt_toolkit (interview.py lays out their words): a list
to choose one from, checkboxes, a line to type, one key to press. They look as questionary
drew them: "? " before the question, " » " at the pointed choice, "○" and "●" boxes, a line
of dashes between groups.

One prompt_toolkit Application draws every prompt of a run, its layout and key bindings made
once. questionary made three Applications a question (two of them only to borrow a layout
from), and each loaded every default key binding again and rebuilt the lookup of keys on the
first key pressed: about 50 ms of processor time a question, most of a walk through the
questions, where this takes about 10 ms (`make bench`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from prompt_toolkit.application import Application
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.history import DummyHistory
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import (
    BufferControl,
    ConditionalContainer,
    FormattedTextControl,
    HSplit,
    Layout,
    Window,
)
from prompt_toolkit.lexers import SimpleLexer
from prompt_toolkit.styles import Style

from metasymptoms.answering.prompter import BACK, WHY

POINTER = " » "  # before the pointed choice; three spaces before the others
SEPARATOR = "-" * 15  # a label of None in a list of choices
TICKED, UNTICKED = "● ", "○ "
# questionary's colours: the "?" blue-grey, the question bold, a typed answer orange and bold
STYLE = Style([("qmark", "fg:#5f819d"), ("question", "bold"), ("answer", "fg:#FF9D00 bold")])

Choices = Sequence[tuple[str | None, str]]  # (label, value); a label of None: a separator


def _terminal_output() -> Any:
    """The terminal, without cursor-position requests (prompt_toolkit's `enable_cpr`): a
    terminal that never answers one (some CI runners, a dumb or recorded terminal) had each
    prompt wait 2 s for the answer and then print "WARNING: your terminal doesn't support
    cursor position requests (CPR)" above the question. The prompts never need the answer:
    each is a few lines drawn below the cursor, as without it."""
    from prompt_toolkit.output import create_output
    from prompt_toolkit.output.vt100 import Vt100_Output

    output = create_output()
    if isinstance(output, Vt100_Output):
        output.enable_cpr = False
    return output


class ArrowPrompts:
    """Every prompt of a run, drawn by one Application. `input` and `output` are
    prompt_toolkit's, for tests; None means the terminal. Each prompt is erased once answered
    (the questions say the answer back themselves). Ctrl-C raises KeyboardInterrupt, Ctrl-D
    (on an empty line) EOFError."""

    def __init__(self, input: Any = None, output: Any = None):
        self.mode = "choose"  # or "tick", "type", "press"
        self.question: StyleAndTextTuples = []
        self.choices: list[tuple[str | None, str]] = []
        self.at = 0  # the pointed choice
        self.ticked: set[str] = set()
        self.steps: set[str] = set()  # WHY, BACK: keys, where the prompt offers them
        self.keys: Mapping[str, str] = {}  # "press": the key typed -> the value given
        # Not a list of choices: the typed line, or nothing (press), follows the question.
        # No history: Up in one typed answer never brings back another.
        self.line = Buffer(accept_handler=self._typed, multiline=False, history=DummyHistory())
        lists = Condition(lambda: self.mode in ("choose", "tick"))
        line_window = Window(
            BufferControl(self.line, lexer=SimpleLexer("class:answer")),
            get_line_prefix=lambda line, wrapped: self._last_line() if line == wrapped == 0 else [],
            dont_extend_height=True,
            always_hide_cursor=lists,
        )
        layout = Layout(
            HSplit(
                [
                    ConditionalContainer(
                        Window(FormattedTextControl(self._first_lines), dont_extend_height=True),
                        Condition(lambda: any("\n" in text for _, text, *_ in self.question)),
                    ),
                    line_window,
                    ConditionalContainer(Window(FormattedTextControl(self._choice_lines)), lists),
                ]
            ),
            focused_element=line_window,
        )
        self.app: Application[Any] = Application(
            layout=layout,
            key_bindings=self._bindings(lists),
            style=STYLE,
            erase_when_done=True,
            input=input,
            output=_terminal_output() if output is None else output,
        )

    # --- the four prompts ------------------------------------------------------------

    def choose(self, question: str, instruction: str, choices: Choices, default: str, steps: set[str]) -> str:
        """One of `choices` (its value), the pointer first at `default`; or a step's value."""
        self._start("choose", question, instruction, choices, steps)
        self.ticked = {default}  # shown as questionary showed the default: never coloured
        self.at = next(
            at for at, (label, value) in enumerate(choices) if label is not None and value == default
        )
        answer: str = self.app.run()
        return answer

    def tick(
        self, question: str, instruction: str, choices: Choices, ticked: Sequence[str], steps: set[str]
    ) -> list[str] | str:
        """The values ticked, in the order of `choices`; or a step's value (`ticks` keeps what
        was ticked when it was pressed)."""
        self._start("tick", question, instruction, choices, steps)
        self.ticked = {value for label, value in choices if label is not None and value in ticked}
        self.at = next(at for at, (label, _) in enumerate(choices) if label is not None)
        answer: list[str] | str = self.app.run()
        return answer

    def ticks(self) -> list[str]:
        return [value for label, value in self.choices if label is not None and value in self.ticked]

    def type_line(self, question: str, default: str) -> str:
        """A line typed after the question's last line, `default` in it at first."""
        self._start("type", question, "", [], set())
        self.line.reset(Document(default))
        answer: str = self.app.run()
        return answer

    def press(self, message: str, keys: Mapping[str, str]) -> str:
        """One of `keys` ("" is Enter; a letter, either case), nothing after it; others do
        nothing. `message` is shown as it is, with no "? ": it is not a question."""
        self._start("press", message, "", [], set())
        self.question = [("", message)]
        self.keys = keys
        answer: str = self.app.run()
        return answer

    def _start(self, mode: str, question: str, instruction: str, choices: Choices, steps: set[str]) -> None:
        self.mode = mode
        self.question = [("class:qmark", "?"), ("class:question", f" {question} "), ("", instruction)]
        self.choices = list(choices)
        self.steps = steps
        self.line.reset()

    # --- what is drawn -------------------------------------------------------------------

    def _first_lines(self) -> StyleAndTextTuples:
        """The question but its last line (that line starts the line typed on)."""
        text = "".join(text for _, text, *_ in self.question)
        cut = text.rfind("\n")
        return _part(self.question, 0, cut) if cut >= 0 else []

    def _last_line(self) -> StyleAndTextTuples:
        text = "".join(text for _, text, *_ in self.question)
        return _part(self.question, text.rfind("\n") + 1, len(text))

    def _choice_lines(self) -> StyleAndTextTuples:
        lines: StyleAndTextTuples = []
        for at, (label, value) in enumerate(self.choices):
            if at:
                lines.append(("", "\n"))
            lines += (
                [("class:pointer", POINTER), ("[SetCursorPosition]", "")] if at == self.at else [("", "   ")]
            )
            if label is None:
                lines.append(("class:separator", SEPARATOR))
                continue
            box = (TICKED if value in self.ticked else UNTICKED) if self.mode == "tick" else ""
            style = "class:selected" if value in self.ticked else "class:highlighted" if at == self.at else ""
            lines.append((style, box + label))
        return lines

    # --- keys ---------------------------------------------------------------------------

    def _bindings(self, lists: Condition) -> KeyBindings:
        """The keys of every prompt, each for the prompts it belongs to: the arrows stop at the
        first and last choice (questionary went round from the last to the first, and a
        worried person loses their place); "?" asks why and "b" goes back where the prompt
        offers them, as typed answers and --plain take them."""
        bindings = KeyBindings()
        add = bindings.add
        ticking = Condition(lambda: self.mode == "tick")
        typing = Condition(lambda: self.mode == "type")
        empty = Condition(lambda: not self.line.text)

        for key in (Keys.Down, Keys.ControlN, "j"):
            add(key, filter=lists, eager=True)(lambda event: self._move(1))
        for key in (Keys.Up, Keys.ControlP, "k"):
            add(key, filter=lists, eager=True)(lambda event: self._move(-1))
        add("?", filter=lists & Condition(lambda: WHY in self.steps), eager=True)(_exit_with(WHY))
        add("b", filter=lists & Condition(lambda: BACK in self.steps), eager=True)(_exit_with(BACK))
        add(" ", filter=ticking, eager=True)(lambda event: self._toggle({self.choices[self.at][1]}))
        add("a", filter=ticking, eager=True)(lambda event: self._toggle(set(), every=True))
        add("i", filter=ticking, eager=True)(lambda event: self._toggle(self._values()))

        @add(Keys.ControlM, eager=True)
        def _enter(event: KeyPressEvent) -> None:
            if self.mode == "choose":
                event.app.exit(result=self.choices[self.at][1])
            elif self.mode == "tick":
                event.app.exit(result=self.ticks())
            elif self.mode == "type":
                event.app.exit(result=self.line.text)
            elif "" in self.keys:
                event.app.exit(result=self.keys[""])

        @add(Keys.ControlC, eager=True)
        @add(Keys.ControlQ, filter=lists, eager=True)
        @add("<sigint>")
        def _interrupt(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt)

        @add(Keys.ControlD, filter=~typing | empty, eager=True)  # one calm line, nothing saved
        def _stop(event: KeyPressEvent) -> None:
            event.app.exit(exception=EOFError)

        @add(Keys.Any, filter=~typing)
        def _other(event: KeyPressEvent) -> None:
            """Nothing is typed into a list; a key that is not offered does nothing."""
            pressed = event.data.lower()
            if self.mode == "press" and pressed and pressed in self.keys:
                event.app.exit(result=self.keys[pressed])

        return bindings

    def _typed(self, line: Buffer) -> bool:
        """Escape then Enter (accepting the line, in prompt_toolkit's keys): a typed line ends
        as with Enter; a list gives "", no choice, and is asked again (interview.py); at
        checkboxes it does nothing."""
        if self.mode in ("type", "choose"):
            self.app.exit(result=line.text)
        return True  # kept: the prompt is erased anyway

    def _move(self, by: int) -> None:
        at = self.at + by
        while 0 <= at < len(self.choices) and self.choices[at][0] is None:
            at += by
        if 0 <= at < len(self.choices):  # past either end: stays where it is
            self.at = at

    def _values(self) -> set[str]:
        return {value for label, value in self.choices if label is not None}

    def _toggle(self, values: set[str], every: bool = False) -> None:
        """Ticks or unticks each of `values`; `every`: ticks all, or unticks all if all are."""
        if every:
            values = self._values() - self.ticked or self._values()
        self.ticked ^= values


def _exit_with(value: str) -> Callable[[KeyPressEvent], None]:
    def exit(event: KeyPressEvent) -> None:
        event.app.exit(result=value)

    return exit


def _part(tokens: StyleAndTextTuples, start: int, end: int) -> StyleAndTextTuples:
    """The characters `start` to `end` of styled text, each in its style."""
    part: StyleAndTextTuples = []
    at = 0
    for style, text, *_ in tokens:
        piece = text[max(start - at, 0) : max(end - at, 0)]
        if piece:
            part.append((style, piece))
        at += len(text)
    return part
