"""A Prompter that answers from a script, recording everything it was shown and asked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from metasymptoms.answering.prompter import Options, Stopped
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.model import RuleBook


@dataclass
class ScriptedPrompter:
    """`answers` maps a finding to the value to give; `steps` is a list of replies used
    first, in order (a finding id's value, or 'why', 'back', a review choice, ...).
    Anything else gets the default, as if Enter were pressed."""

    book: RuleBook
    answers: dict[str, Any] = field(default_factory=dict)
    steps: list[Any] = field(default_factory=list)
    texts: list[str] = field(default_factory=lambda: [])
    shown: list[tuple[str, str]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    typed: dict[str, str] = field(default_factory=dict)
    on_ask: Callable[[str], None] | None = None
    defaults: dict[str, str] = field(default_factory=dict)  # message -> the default it was offered
    one_line: list[str] = field(default_factory=list)  # messages asked as a one-line list
    how_to_answer: str = "Scripted answers."
    pressed: list[str] = field(default_factory=list)  # keys for `press`, in order; then Enter

    def __post_init__(self) -> None:
        # Used up as the prompter answers: copies, so a test's parameters (a list shared by
        # every run of the module in one process, as `make mutate`'s runs are) stay whole.
        self.steps = list(self.steps)
        self.pressed = list(self.pressed)

    def finding_for(self, message: str) -> str | None:
        return next((q.finding for q in self.book.questions if q.text == message), None)

    def say(self, text: str, kind: str = "info") -> None:
        self.shown.append((kind, text))

    def choose(
        self, message: str, options: Options, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        self.asked.append(message)
        self.defaults[message] = default
        if one_line:
            self.one_line.append(message)
        values = [value for label, value in options if label is not None]
        if self.steps:
            step = self.steps.pop(0)
            if step == "STOP":
                raise Stopped
            reply = {
                "why": "__why__",
                "back": "__back__",
                "result": "__result__",
                "stop": "__stop__",
                "go on": "__go_on__",
            }.get(step, step)
            reply = "yes" if reply is True else "no" if reply is False else reply
            assert reply in values, f"{reply!r} is not an option of {message!r}: {values}"
            return reply
        if one_line and "__result__" in values:
            return "__result__"  # Enter at the review: it opens on "Show my result"
        finding = self.finding_for(message)
        if finding is not None and finding in self.answers:
            value = self.answers[finding]
            return "yes" if value is True else "no" if value is False else str(value)
        return default

    def ask_text(self, message: str, default: str) -> str:
        self.asked.append(message)
        if message in self.typed:
            return self.typed[message]
        # A typed answer's prompt starts with its question's text.
        finding = next((q.finding for q in self.book.questions if message.startswith(q.text)), None)
        if finding is not None and finding in self.answers:
            value = self.answers[finding]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return f"{value:g}"
            return kind_of(self.book.finding(finding)).option_of(value)  # "which of these": its values
        return default

    def press(self, message: str, keys: Any) -> str:
        self.asked.append(message)
        key = self.pressed.pop(0) if self.pressed else ""
        assert key in keys, f"{key!r} is not a key of {message!r}: {list(keys)}"
        value: str = keys[key]
        return value
