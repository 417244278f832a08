"""Read one YAML file into plain data and a map of where every value stands.

Rule files are written by people and may come from anywhere, so the reader is defensive:
it walks libyaml's event stream (no recursion, no object construction), refuses anchors and
aliases (the "billion laughs" bomb needs them and rule files do not), refuses nesting deeper
than a rule file ever needs, files larger than a rule file ever is, and duplicate keys,
which PyYAML would otherwise accept silently by keeping the last one.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import yaml

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 2_000_000

Path_ = tuple[str | int, ...]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's loader, with the tag resolver memoized: rule files repeat the same plain
    values (ids, yes/no, dates) thousands of times, and resolving each one runs regexes."""

    _resolved: dict[tuple[Any, Any, Any], str] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode or len(self._resolved) > 100_000:
            return super().resolve(kind, value, implicit)
        key = (value, implicit[0], implicit[1])
        tag = self._resolved.get(key)
        if tag is None:
            tag = self._resolved[key] = super().resolve(kind, value, implicit)
        return tag


_TRUE = {"yes", "true", "on"}


class Position(NamedTuple):
    line: int  # 1-based, as editors count
    column: int  # 1-based


@dataclass
class YamlDocument:
    """Plain data of one file, and its node tree to find where any value stands.

    Positions are looked up only when a message needs one, so a large valid file costs no
    more than its data.
    """

    data: Any
    root: yaml.Node | None = None

    def _node(self, path: Path_) -> tuple[yaml.Node | None, yaml.Node | None]:
        """The (key node, value node) at path; (None, node) for the root or a list item."""
        key_node, node = None, self.root
        for step in path:
            if isinstance(node, yaml.MappingNode) and isinstance(step, str):
                for candidate_key, candidate_value in node.value:
                    if candidate_key.value == step:
                        key_node, node = candidate_key, candidate_value
                        break
                else:
                    return None, None
            elif (
                isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value)
            ):
                key_node, node = None, node.value[step]
            else:
                return None, None
        return key_node, node

    def position(self, path: Path_, *, key: bool = False) -> Position:
        """Where `path` stands (its key, if asked), or its nearest enclosing value."""
        while True:
            key_node, node = self._node(path)
            target = key_node if key and key_node is not None else node
            if target is not None:
                return _position(target.start_mark)
            if not path:
                return Position(1, 1)
            path, key = path[:-1], False


class YamlProblem(Exception):
    """A file that cannot be read as a rule file, with the place to look."""

    def __init__(self, position: Position, message: str):
        super().__init__(message)
        self.position = position
        self.message = message


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


_BOOL = "tag:yaml.org,2002:bool"
_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SAFE_SCALARS = {
    _STR,
    _BOOL,
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_CONSTRUCTOR = yaml.SafeLoader("")


def _scalar(node: yaml.ScalarNode) -> Any:
    """The value of a scalar node, as PyYAML's safe loader would make it (dates as dates)."""
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _BOOL:
        return node.value.lower() in _TRUE
    if tag not in _SAFE_SCALARS:
        raise YamlProblem(
            _position(node.start_mark),
            f"the tag {tag!r} is not allowed in rule files; write the value plainly",
        )
    if tag.endswith(":timestamp"):
        try:
            return datetime.date.fromisoformat(node.value)
        except ValueError:
            stamp = _CONSTRUCTOR.construct_yaml_timestamp(node)
            return stamp if isinstance(stamp, datetime.date) else node.value
    return _CONSTRUCTOR.construct_object(node)


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document from text. Raises YamlProblem with a position.

    libyaml composes the node tree in C; the walk below turns it into plain data, recording
    positions, and refuses what rule files never need. An alias shows up as a node met a
    second time, so it is refused without ever being expanded.
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.composer.ComposerError as error:
        if "expected a single document" in str(error):
            mark = error.problem_mark
            raise YamlProblem(
                _position(mark) if mark else Position(1, 1),
                "a rule file holds one document; remove the second '---'",
            ) from None
        raise _syntax_problem(error) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_problem(error) from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports marks in practice
        raise YamlProblem(Position(1, 1), f"the YAML cannot be read: {error}") from None
    doc = YamlDocument(data=None, root=root)
    if root is None:
        return doc
    seen: set[int] = set()
    count = 0

    def walk(node: yaml.Node, depth: int) -> Any:
        nonlocal count
        count += 1
        if id(node) in seen:
            raise YamlProblem(
                _position(node.start_mark),
                "anchors and aliases (&name, *name) are not allowed in rule files; "
                "write the value out in full",
            )
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if count > MAX_VALUES:
            raise YamlProblem(_position(node.start_mark), "the file holds too many values")
        if depth >= MAX_DEPTH:
            raise YamlProblem(
                _position(node.start_mark),
                f"the file is nested more than {MAX_DEPTH} levels deep; rule files are never that deep",
            )
        if node.tag not in (_MAP, _SEQ):
            raise YamlProblem(
                _position(node.start_mark), f"the tag {node.tag!r} is not allowed in rule files"
            )
        if isinstance(node, yaml.SequenceNode):
            return [walk(item, depth + 1) for item in node.value]
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    _position(key_node.start_mark), "a key must be a plain word, not a list or mapping"
                )
            # A key keeps its text as written: `yes:` names the key "yes", not True.
            key = key_node.value
            if key in mapping:
                first = next(k for k, _ in node.value if k.value == key)
                raise YamlProblem(
                    _position(key_node.start_mark),
                    f"the key '{key}' appears twice in the same mapping "
                    f"(first at line {first.start_mark.line + 1}); keep only one",
                )
            mapping[key] = walk(value_node, depth + 1)
        return mapping

    doc.data = walk(root, 0)
    return doc


def _syntax_problem(error: yaml.MarkedYAMLError) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    position = _position(mark) if mark else Position(1, 1)
    what = error.problem or "this is not valid YAML"
    return YamlProblem(position, f"the YAML cannot be read here: {what}")


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
