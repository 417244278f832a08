"""Length limits and spelling patterns for the rule book's fields, in a form pydantic understands without the
rule book having to import anything: the everyday path loads a cached book and never needs
pydantic, and the usual marker package costs more to import than the rest of that path."""

from __future__ import annotations

from typing import Any


class Length:
    """At least `minimum` and at most `maximum` characters (text) or items (lists)."""

    def __init__(self, minimum: int | None = None, maximum: int | None = None):
        self.minimum = minimum
        self.maximum = maximum

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        if self.minimum is not None:
            schema["min_length"] = self.minimum
        if self.maximum is not None:
            schema["max_length"] = self.maximum
        return schema

    def __repr__(self) -> str:
        return f"Length({self.minimum}, {self.maximum})"


class Pattern:
    """Text that must match `regex` (a JSON-schema pattern, so editors check it too)."""

    def __init__(self, regex: str):
        self.regex = regex

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["pattern"] = self.regex
        return schema

    def __repr__(self) -> str:
        return f"Pattern({self.regex!r})"
