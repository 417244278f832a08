"""The one pipeline every rule-book file goes through: read (a regular file, bounded), parse
(safely, with positions), validate with its model, and locate every problem as
file:line:col.

Used alike for the rule book's files (loader.py), the hazard log and the teaching
scenarios, so that each reads the same way to a reviewer.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from metasymptoms.core.checks import yaml_syntax
from metasymptoms.core.files import UnreadableFile, read_limited
from metasymptoms.core.kinds import DEFAULT, KINDS
from metasymptoms.core.plain_errors import describe_file, translate
from metasymptoms.core.problems import Location, Problem
from metasymptoms.core.yamlfile import MAX_FILE_BYTES, Path_, YamlDocument, YamlProblem, parse_yaml_bytes

if TYPE_CHECKING:
    from metasymptoms.core.condition_parser import FindingKinds


@dataclass(frozen=True)
class LoadedFile:
    """One file through the whole pipeline: its document (None when it could not be read or
    parsed), its value (None when it did not validate) and every problem, located."""

    path: Path
    doc: YamlDocument | None
    value: Any | None
    problems: tuple[Problem, ...]

    def at(self, steps: Path_, *, key: bool = False) -> Location:
        """Where the value (or with `key`, the key) at `steps` stands in the file."""
        return location(self.path, self.doc, steps, key=key)


def load_file(model: type, path: Path, *, needed: bool = True) -> LoadedFile:
    """A file read, parsed and validated on its own (a scenario, the hazard log); a file that
    is not there is a problem only when `needed`."""
    doc, problems = read_document(path, needed=needed)
    value = None
    if doc is not None:
        value, problems = validate(model, path, doc)
    return LoadedFile(path, doc, value, tuple(problems))


def read_document(path: Path, *, needed: bool = True) -> tuple[YamlDocument | None, list[Problem]]:
    """The file read and parsed, or None and the problem that stopped it."""
    try:
        data = read_limited(path, MAX_FILE_BYTES, what="rule files")[0]
    except UnreadableFile as error:
        if error.missing and not needed:
            return None, []
        if error.missing:
            message = f"the file is missing; every rule book needs {path.name}"
            return None, [Problem(Location(path), message)]
        return None, [yaml_syntax.unreadable(path, error.message)]
    try:
        return parse_yaml_bytes(data), []
    except YamlProblem as problem:
        return None, [yaml_syntax.not_yaml(path, problem)]


@functools.cache
def adapter(model: type) -> Any:
    """Pydantic's validator of a model, built once per model (building it is the slow part)."""
    from pydantic import TypeAdapter

    return TypeAdapter(model)


def location(file: Path, doc: YamlDocument | None, path: Path_, *, key: bool = False) -> Location:
    """Where the value (or with `key`, the key) at `path` stands in the file."""
    if doc is None:
        return Location(file)
    position = doc.position(path, key=key)
    return Location(file, position.line, position.column)


def validate(
    model: type, file: Path, doc: YamlDocument, kinds: FindingKinds | None = None
) -> tuple[Any | None, list[Problem]]:
    """The file's data as `model` (None when it fails) and every problem, located. With
    `kinds`, the conditions in it are checked against the rule book's findings."""
    from pydantic import ValidationError

    if doc.data is None:
        empty = f"the file is empty; it should hold {describe_file(model)}"
        return None, [Problem(location(file, doc, ()), empty)]

    refused = [Problem(location(file, doc, path), message) for path, message in refused_values(doc.data)]
    try:
        value = adapter(model).validate_python(doc.data, context={"finding_kinds": kinds})
    except ValidationError as error:
        return None, refused + [
            Problem(location(file, doc, path, key=at_key), message)
            for path, message, at_key in translate(model, error, doc.data)
        ]
    return (None if refused else value), refused


# A link in a text whose address is not a web page: `[click](javascript:...)`, `<data:...>`.
_LINK = re.compile(
    r"\]\(\s*<?([^)\s>]*)|<([a-z][a-z0-9+.-]*:[^>\s]*)>|\b(javascript:|vbscript:|data:[a-z]+/)", re.I
)
_WEB = re.compile(r"https?://", re.I)


def refused_values(data: Any) -> Iterator[tuple[Path_, str]]:
    """Values no rule file may hold, whatever field they stand in, with where they stand:
    a number that is not finite (`.nan` compares false with everything, so `at_least: .nan`
    switched an emergency off; `.inf` broke verify), and a link to anything but a web page."""
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((path + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((path + (k,), item) for k, item in enumerate(value))
        elif isinstance(value, float) and not math.isfinite(value):
            yield path, (f"'{value}' is not a number a rule can use; write a finite number, such as 37.5")
        elif isinstance(value, str) and (":" in value or "](" in value):
            for match in _LINK.finditer(value):
                address = next(group for group in match.groups() if group is not None)
                if address and not _WEB.match(address) and not address.startswith(("#", "/")):
                    yield (
                        path,
                        (
                            f"the link '{address[:40]}' is not a web address; a rule file links only to "
                            "pages starting with https:// (or http://)"
                        ),
                    )
                    break


def finding_kinds(data: Any) -> dict[str, tuple[str, tuple[str, ...]]]:
    """What each finding is, read from raw findings data even when that file has problems,
    so that conditions elsewhere are still checked against it."""
    kinds: dict[str, tuple[str, tuple[str, ...]]] = {}
    items = data.get("findings") if isinstance(data, dict) else None
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        raw_kind = item.get("type")  # anything at all, in a file with problems: a mapping too
        kind = raw_kind if isinstance(raw_kind, str) and raw_kind in KINDS else DEFAULT
        raw_choices = item.get("choices")
        choices: list[Any] = raw_choices if isinstance(raw_choices, list) else []
        values = tuple(
            str(choice["value"]) for choice in choices if isinstance(choice, dict) and "value" in choice
        )
        kinds[item["id"]] = (kind, values)
    return kinds
