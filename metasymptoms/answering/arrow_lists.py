"""The keys every arrow-key list of the questions shares (interview.py draws the lists with
questionary), bound over questionary's own on each prompt: nothing of questionary or
prompt_toolkit is patched."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from metasymptoms.answering.prompter import BACK, WHY


def choices_control(question: Any) -> Any:
    """questionary's list of choices in a prompt's layout: where its pointer is, what is ticked."""
    from questionary.prompts.common import InquirerControl

    controls = question.application.layout.find_all_controls()
    return next(control for control in controls if isinstance(control, InquirerControl))


def ticked_values(question: Any) -> list[Any]:
    return [choice.value for choice in choices_control(question).get_selected_values()]


def add_keys(question: Any, steps: set[str]) -> None:
    """The keys every arrow-key list shares, bound over questionary's own: the arrows stop at
    the first and last choice (questionary goes round from the last to the first, and a
    worried person loses their place); "?" asks why and "b" goes back, where the question
    offers them, as typed answers and --plain take them; Ctrl-D stops like Ctrl-C."""
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from questionary import Separator

    bindings = question.application.key_bindings
    assert isinstance(bindings, KeyBindings)  # questionary gives each prompt its own
    control = choices_control(question)

    def move(by: int) -> Callable[[Any], None]:
        def moved(event: Any) -> None:
            choices = control.filtered_choices
            at = control.pointed_at + by
            while 0 <= at < len(choices) and (isinstance(choices[at], Separator) or choices[at].disabled):
                at += by
            if 0 <= at < len(choices):  # past either end: stay where it is
                control.pointed_at = at

        return moved

    for key in (Keys.Down, Keys.ControlN, "j"):
        bindings.add(key, eager=True)(move(1))
    for key in (Keys.Up, Keys.ControlP, "k"):
        bindings.add(key, eager=True)(move(-1))

    def step(value: str) -> Callable[[Any], None]:
        def stepped(event: Any) -> None:
            event.app.exit(result=value)

        return stepped

    for key, value in (("?", WHY), ("b", BACK)):
        if value in steps:
            bindings.add(key, eager=True)(step(value))

    @bindings.add(Keys.ControlD, eager=True)  # one calm line, nothing saved
    def _stop(event: Any) -> None:
        event.app.exit(exception=EOFError)
