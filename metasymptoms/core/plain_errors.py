"""Validation errors in plain words, for a nurse reading a rule file: what is wrong and
what to write instead, never pydantic's own terms.

`translate` turns a pydantic ValidationError into located messages; `plain_yaml_message`
does the same for libyaml's; `pattern_message` words a badly spelled id, source key or web
address (the loader checks ids itself, pydantic checks web addresses).
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterator
from typing import Any

from metasymptoms.core.model_base import PERSON_WORDS
from metasymptoms.core.safetext import quoted
from metasymptoms.core.suggest import close_match, nearest

if typing.TYPE_CHECKING:
    from metasymptoms.core.yamlfile import Path_

_PLAIN_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "yes or no",
    "bool_parsing": "yes or no",
    "tuple_type": "a list (one item a line, each starting with '- ')",
    "list_type": "a list (one item a line, each starting with '- ')",
    "model_type": "a mapping of keys and values",
    "dataclass_type": "a mapping of keys and values",
    "dataclass_args_type": "a mapping of keys and values",
    "model_attributes_type": "a mapping of keys and values",
    "dict_type": "a mapping of keys and values",
    "date_type": "a date written as YYYY-MM-DD",
    "date_parsing": "a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written as YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written as YYYY-MM-DD",
}

# A value in pydantic's list of a closed field's values ("'emergency', 'urgent' or 'routine'").
_QUOTED = re.compile(r"'([^']*)'")

_YAML_HINTS = {
    "mapping values are not allowed here": (
        "a ':' stands where it cannot; check the indentation, or put the text in quotes"
    ),
    "could not find expected ':'": "a line is missing its ':' after the key, or its indentation is off",
    "did not find expected '-' indicator": "a list item is missing its '- ', or its indentation is off",
    "did not find expected key": "the indentation of this line does not match the lines around it",
    "found character '\\t' that cannot start any token": "a tab is used for indentation; use spaces",
    "exceeded maximum nesting depth": "the file is nested far too deep; no rule book or answers file is that deep",
}


def plain_yaml_message(message: str) -> str:
    for raw, plain in _YAML_HINTS.items():
        if raw in message:
            return f"the YAML cannot be read here: {plain}"
    return message


def _field_names(model: type | None) -> list[str]:
    return [item.name for item in dataclasses.fields(model)] if model else []


def _model_at(model: type, loc: tuple[Any, ...]) -> type | None:
    """The model class that the location (minus its last step) points into."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        if not dataclasses.is_dataclass(current):
            return None
        hints = typing.get_type_hints(current, include_extras=True)
        if step not in hints:
            return None
        current = _inner_model(hints[step])
    return current if isinstance(current, type) and dataclasses.is_dataclass(current) else None


def _inner_model(annotation: Any) -> Any:
    """Unwrap tuple[...], X | None and Annotated[...] down to a model class, if there is one
    (Annotated[X, ...]'s arguments are (X,), so one step unwraps them all)."""
    for _ in range(10):
        if dataclasses.is_dataclass(annotation):
            return annotation
        args = [
            arg
            for arg in getattr(annotation, "__args__", ())
            if arg is not type(None) and arg is not Ellipsis
        ]
        if not args:
            return None
        annotation = args[0]
    return None


def _what(loc: tuple[Any, ...]) -> str:
    """The key a message names: the last word in the location."""
    for step in reversed(loc):
        if isinstance(step, str):
            return step
    return "this item"


def _value_meant(given: Any, allowed: list[str]) -> str:
    """' (did you mean 'x'?)' for a value of a closed list: the nearest allowed value, or the
    file's word for a level written as the screens say it ('soon' is 'prompt')."""
    if not isinstance(given, str):
        return ""
    meant = PERSON_WORDS.get(given.strip().lower())
    return close_match(meant.value if meant else given, allowed)


def translate(model: type, error: Any, data: Any = None) -> Iterator[tuple[Path_, str, bool]]:
    """A pydantic ValidationError of `model` as (where, plain message, at the key?) triples,
    one for each problem a reviewer has to fix. `data`: the file's data, to tell a key that
    is missing from one indented too far (found inside the mapping above it)."""
    details = error.errors(include_url=False)
    inner = [tuple(detail["loc"]) for detail in details]
    swallowed = {
        tuple(detail["loc"]): found
        for detail in details
        if detail["type"] in ("missing", "missing_argument")
        and (found := indented_into(data, tuple(detail["loc"]))) is not None
    }
    misspelt, hidden = _misspelt_keys(details, swallowed)
    for detail in details:
        loc = tuple(detail["loc"])
        kind = detail["type"]
        if loc in hidden:
            continue  # a key said to be missing that stands misspelt: told at the misspelling
        if loc in misspelt:
            yield loc, misspelt[loc], True
            continue
        if kind == "too_short" and any(len(other) > len(loc) and other[: len(loc)] == loc for other in inner):
            continue  # the list is short only because an item in it failed, reported on its own
        if loc not in swallowed and any(loc[: len(found) - 1] == found[:-1] for found in swallowed.values()):
            continue  # the mapping that took in a key indented too far: reported as that key
        name = _what(loc)
        if kind == "condition":
            for rel, message, at_key in detail["ctx"]["problems"]:
                yield loc + tuple(rel), message, at_key
        elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
            allowed = _field_names(_model_at(model, loc[:-1]))
            hint = close_match(name, allowed)
            listing = f"; the keys allowed here are: {', '.join(allowed)}" if allowed else ""
            yield loc, f"'{name}' is not a key this file knows{hint}{listing}", True
        elif loc in swallowed:
            found = swallowed[loc]
            yield (
                found,
                f"'{name}' is indented too far, so it is read as part of '{_what(found[:-1])}' above "
                f"it; line it up with '{_what(found[:-1])}' and the other keys of its item",
                True,
            )
        elif kind in ("missing", "missing_argument"):
            yield loc[:-1], f"'{name}' is missing here; add it", False
        elif kind in ("enum", "literal_error"):
            expected = detail.get("ctx", {}).get("expected", "")
            given = detail["input"]
            hint = _value_meant(given, _QUOTED.findall(expected))
            yield loc, f"'{name}' must be one of {expected}, not {quoted(given)}{hint}", False
        elif kind == "string_pattern_mismatch":
            yield loc, pattern_message(name, detail["input"]), False
        elif kind in ("too_short", "string_too_short"):
            yield loc, f"'{name}' must not be empty", False
        elif kind in ("too_long", "string_too_long"):
            yield loc, f"'{name}' is too long", False
        elif kind in _PLAIN_TYPES:
            yield loc, f"'{name}' should be {_PLAIN_TYPES[kind]}, not {_shown(detail['input'])}", False
        else:
            yield loc, f"'{name}': {detail['msg']}", False


def _misspelt_keys(details: list[Any], swallowed: dict[Path_, Path_]) -> tuple[dict[Path_, str], set[Path_]]:
    """Each key the model does not know that is a misspelling of a key missing from the same
    item (`advise:` for `advice:`), with its message; and where those missing keys were
    expected: one problem, told at the line to fix, instead of two."""
    missing: dict[Path_, list[str]] = {}
    for detail in details:
        loc = tuple(detail["loc"])
        if (
            detail["type"] in ("missing", "missing_argument")
            and loc not in swallowed
            and isinstance(loc[-1], str)
        ):
            missing.setdefault(loc[:-1], []).append(loc[-1])
    messages: dict[Path_, str] = {}
    hidden: set[Path_] = set()
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] not in ("extra_forbidden", "unexpected_keyword_argument") or not isinstance(
            loc[-1], str
        ):
            continue
        meant = nearest(loc[-1], missing.get(loc[:-1], []))
        if meant is not None and loc[:-1] + (meant,) not in hidden:
            hidden.add(loc[:-1] + (meant,))
            messages[loc] = (
                f"'{loc[-1]}' is not a key here; did you mean '{meant}'? ('{meant}' is missing from this item)"
            )
    return messages, hidden


def indented_into(data: Any, missing: Path_) -> Path_ | None:
    """Where a key said to be missing stands instead, inside a mapping of its own item (a
    key indented too far is read as part of the mapping above it); None if nowhere."""
    item: Any = data
    for step in missing[:-1]:
        try:
            item = item[step]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(item, dict):
        return None
    stack: list[tuple[Path_, Any]] = [(missing[:-1] + (key,), value) for key, value in item.items()]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if missing[-1] in value:
                return path + (missing[-1],)
            stack.extend((path + (key,), inner) for key, inner in value.items())
    return None


def describe_file(model: type) -> str:
    fields = _field_names(model)
    if len(fields) == 1:
        return f"a '{fields[0]}:' list"
    return "the keys " + ", ".join(fields)


def pattern_message(name: str, value: Any) -> str:
    if name == "url":
        return (
            f"{quoted(value)} is not a full web address; write the page's whole address, starting "
            "with https://, like https://www.nhs.uk/conditions/sciatica/"
        )
    if name == "git":
        return (
            f"{quoted(value)} is not a git revision this file takes; write a tag, branch or commit "
            "without spaces that does not start with '-', like rulebook-0.1"
        )
    if name == "emergency_number":
        return f"{quoted(value)} is not a country code; write anywhere (every common number) or a two-letter country code, like GB"
    if name == "sources":
        return f"{quoted(value)} is not a valid source key; source keys are capital letters, digits and dashes, like CC-META"
    return f"{quoted(value)} is not a valid id; ids are lowercase words joined by underscores, like back_pain"


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"
