"""Read one YAML file into plain data and a map of where every value stands.

Rule files are written by people and may come from anywhere, so the reader is defensive:
it walks libyaml's event stream (no recursion, no object construction), refuses anchors and
aliases (the "billion laughs" bomb needs them and rule files do not), refuses nesting deeper
than a rule file ever needs, files larger than a rule file ever is, and duplicate keys,
which PyYAML would otherwise accept silently by keeping the last one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.resolver import Resolver

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 2_000_000

Path_ = tuple[str | int, ...]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = Resolver()
_TRUE = {"yes", "true", "on"}


@dataclass(frozen=True)
class Position:
    line: int  # 1-based, as editors count
    column: int  # 1-based


@dataclass
class YamlDocument:
    """Plain data of one file, with the position of every value and every mapping key."""

    data: Any
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)

    def position(self, path: Path_, *, key: bool = False) -> Position:
        """Where `path` stands, or its nearest enclosing value that has a position."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        while path:
            path = path[:-1]
            if path in self.values:
                return self.values[path]
        return Position(1, 1)


class YamlProblem(Exception):
    """A file that cannot be read as a rule file, with the place to look."""

    def __init__(self, position: Position, message: str):
        super().__init__(message)
        self.position = position
        self.message = message


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _scalar(event: yaml.ScalarEvent) -> Any:
    """The value of a scalar, resolved the way PyYAML's safe loader would."""
    if event.tag and event.tag not in ("!", "tag:yaml.org,2002:str"):
        raise YamlProblem(
            _position(event.start_mark),
            f"the tag {event.tag!r} is not allowed in rule files; write the value plainly",
        )
    if event.tag == "tag:yaml.org,2002:str" or not event.implicit[0]:
        return event.value  # quoted, or explicitly a string
    tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)
    value = event.value
    if tag.endswith(":str"):
        return value
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return value.lower() in _TRUE
    if tag.endswith(":int"):
        return yaml.SafeLoader.construct_yaml_int(yaml.SafeLoader(""), yaml.ScalarNode(tag, value))
    if tag.endswith(":float"):
        return yaml.SafeLoader.construct_yaml_float(
            yaml.SafeLoader(""), yaml.ScalarNode(tag, value)
        )
    if tag.endswith(":timestamp"):
        stamp = yaml.SafeLoader.construct_yaml_timestamp(
            yaml.SafeLoader(""), yaml.ScalarNode(tag, value)
        )
        return stamp if isinstance(stamp, datetime.date) else value
    return value


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document from text. Raises YamlProblem with a position."""
    doc = YamlDocument(data=None)
    # Each open container: [container, its path, pending key (mappings), key position].
    stack: list[list[Any]] = []
    count = 0
    documents = 0

    def place(value: Any, position: Position) -> Path_ | None:
        """Put a finished value into the open container; return the path it got."""
        if not stack:
            doc.data = value
            doc.values[()] = position
            return ()
        top = stack[-1]
        container, path = top[0], top[1]
        if isinstance(container, list):
            child = path + (len(container),)
            container.append(value)
            doc.values[child] = position
            return child
        if top[2] is _NO_KEY:
            # This value is a key.
            if isinstance(value, (dict, list)):
                raise YamlProblem(position, "a key must be a plain word, not a list or mapping")
            key = value
            if key in container:
                first = doc.keys[path + (key,)]
                raise YamlProblem(
                    position,
                    f"the key '{key}' appears twice in the same mapping "
                    f"(first at line {first.line}); keep only one",
                )
            top[2], top[3] = key, position
            return None
        key = top[2]
        child = path + (key,)
        container[key] = value
        doc.keys[child] = top[3]
        doc.values[child] = position
        top[2] = _NO_KEY
        return child

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        _position(event.start_mark),
                        "a rule file holds one document; remove the second '---'",
                    )
                continue
            count += 1
            if count > MAX_VALUES:
                raise YamlProblem(_position(event.start_mark), "the file holds too many values")
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise YamlProblem(
                    _position(event.start_mark),
                    "anchors and aliases (&name, *name) are not allowed in rule files; "
                    "write the value out in full",
                )
            if isinstance(event, yaml.ScalarEvent):
                awaiting_key = bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY
                # A key keeps its text as written: `yes:` names the key "yes", not True.
                value = event.value if awaiting_key else _scalar(event)
                place(value, _position(event.start_mark))
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if event.tag and event.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                    raise YamlProblem(
                        _position(event.start_mark),
                        f"the tag {event.tag!r} is not allowed in rule files",
                    )
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        _position(event.start_mark),
                        f"the file is nested more than {MAX_DEPTH} levels deep; "
                        "rule files are never that deep",
                    )
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                position = _position(event.start_mark)
                path = place(container, position)
                if path is None:
                    raise YamlProblem(position, "a key must be a plain word, not a list or mapping")
                stack.append([container, path, _NO_KEY, None])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = _position(mark) if mark else Position(1, 1)
        what = error.problem or "this is not valid YAML"
        raise YamlProblem(position, f"the YAML cannot be read here: {what}") from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports marks in practice
        raise YamlProblem(Position(1, 1), f"the YAML cannot be read: {error}") from None
    return doc


_NO_KEY = object()


def read_yaml(path: Path) -> YamlDocument:
    """Read and parse a YAML file, refusing files that are too big before reading them."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise YamlProblem(Position(1, 1), f"the file cannot be read ({error.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise YamlProblem(
            Position(1, 1),
            f"the file is {size // 1024 // 1024} MiB; rule files larger than "
            f"{MAX_FILE_BYTES // 1024 // 1024} MiB are refused",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlProblem(Position(1, 1), "the file is not UTF-8 text") from None
    except OSError as error:
        raise YamlProblem(Position(1, 1), f"the file cannot be read ({error.strerror})") from None
    return parse_yaml(text)
