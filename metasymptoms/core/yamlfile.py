"""Read one YAML file into plain data and a map of where every value stands.

Rule files are written by people and may come from anywhere, so the reader is defensive:
it walks libyaml's event stream (no recursion, no object construction), refuses anchors and
aliases (the "billion laughs" bomb needs them and rule files do not), refuses nesting deeper
than a rule file ever needs, files larger than a rule file ever is, and duplicate keys,
which PyYAML would otherwise accept silently by keeping the last one. Values PyYAML would
crash on (a date not in the calendar, a number thousands of digits long) are located problems.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from metasymptoms.core.safetext import quoted

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 40
MAX_VALUES = 2_000_000
MAX_NUMBER_CHARS = 100  # Python refuses integers over 4,300 digits; no rule needs 100

Path_ = tuple[str | int, ...]


# libyaml's safe loader where PyYAML was built with it (it composes the node tree in C).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    source: str = field(default="", repr=False)  # the text parsed, to locate words inside a value
    # key -> (key node, value node) of each mapping looked into, so that locating every key
    # of a large mapping stays linear
    _keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(default_factory=dict, repr=False)

    def _node(self, path: Path_) -> tuple[yaml.Node | None, yaml.Node | None]:
        """The (key node, value node) at path; (None, node) for the root or a list item."""
        key_node, node = None, self.root
        for step in path:
            if isinstance(node, yaml.MappingNode) and isinstance(step, str):
                keys = self._keys.get(id(node))
                if keys is None:
                    keys = self._keys[id(node)] = {}
                    for candidate_key, candidate_value in node.value:
                        keys.setdefault(candidate_key.value, (candidate_key, candidate_value))
                found = keys.get(step)
                if found is None:
                    return None, None
                key_node, node = found
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

    def position_in(self, path: Path_, pattern: re.Pattern[str], nth: int) -> Position:
        """Where the `nth` match of `pattern` inside the value at `path` stands, as written in
        the file (a folded text is matched where its words are; a match never spans a fold
        when the pattern holds no space); the value's own position where there is none."""
        _, node = self._node(path)
        if node is None or not self.source:
            return self.position(path)
        found = list(pattern.finditer(self.source, node.start_mark.index, node.end_mark.index))
        if nth >= len(found):
            return self.position(path)
        at = found[nth].start()
        line_start = self.source.rfind("\n", 0, at) + 1
        return Position(self.source.count("\n", 0, at) + 1, at - line_start + 1)


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
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_SAFE_SCALARS = {
    _STR,
    _BOOL,
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_CONSTRUCTOR = yaml.SafeLoader("")


def _decimal(written: str, tag: str) -> int | str | None:
    """A number as a person means it, where YAML 1.1 would read it otherwise: `037` is 37,
    not octal 31 (a temperature of 037 read as 31 °C fired the low-temperature emergency).
    Sexagesimal (`1:30`), hexadecimal and binary forms stay the text as written, so a number
    finding refuses them plainly instead of taking a number nobody typed. None: YAML's own
    reading is already the decimal one (`37`, `37.5`, `.inf`)."""
    plain = written.replace("_", "")
    digits = plain.lstrip("+-")
    if ":" in plain or digits[:2].lower() in ("0x", "0b") or (tag == _INT and not digits.isdigit()):
        return written
    if tag == _INT and len(digits) > 1 and digits.startswith("0"):
        return int(plain, 10)
    return None


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
            f"the tag {tag!r} is not allowed in this file; write the value plainly",
        )
    if tag.endswith(":timestamp"):
        try:
            return datetime.date.fromisoformat(node.value)
        except ValueError:
            pass
    if len(node.value) > MAX_NUMBER_CHARS:
        raise YamlProblem(
            _position(node.start_mark),
            f"this number is {len(node.value)} characters long; write a number of at most "
            f"{MAX_NUMBER_CHARS} digits, or put the text in quotes",
        )
    if tag in (_INT, _FLOAT):
        number = _decimal(node.value, tag)
        if number is not None:
            return number
    try:
        # The constructor function itself: construct_object would remember every node.
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
    except (ValueError, OverflowError):
        if tag.endswith(":timestamp"):
            message = f"'{node.value}' is not a date in the calendar; write a real date as YYYY-MM-DD"
        else:
            message = f"'{node.value}' cannot be read as a value; put the text in quotes"
        raise YamlProblem(_position(node.start_mark), message) from None


def _compose(text: str) -> yaml.Node | None:
    """libyaml's node tree of one document, or YamlProblem in plain words (yaml_mistakes,
    imported only when a file does not read)."""
    try:
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        from metasymptoms.core.yaml_mistakes import syntax_problem

        if "expected a single document" in str(error):
            mark = error.problem_mark
            raise YamlProblem(
                _position(mark) if mark else Position(1, 1),
                "a rule file holds one document; remove the second '---'",
            ) from None
        raise syntax_problem(error, text) from None
    except yaml.YAMLError as error:  # pragma: no cover - libyaml reports marks in practice
        raise YamlProblem(Position(1, 1), f"the YAML cannot be read: {error}") from None


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document from text. Raises YamlProblem with a position.

    libyaml composes the node tree in C; the walk below turns it into plain data, recording
    positions, and refuses what rule files never need. An alias shows up as a node met a
    second time, so it is refused without ever being expanded.
    """
    root = _compose(text)
    doc = YamlDocument(data=None, root=root, source=text)
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
                "anchors and aliases (&name, *name) are not allowed in this file; "
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
                f"the file is nested more than {MAX_DEPTH} levels deep; no rule book or answers file is that deep",
            )
        if node.tag not in (_MAP, _SEQ):
            raise YamlProblem(_position(node.start_mark), f"the tag {node.tag!r} is not allowed in this file")
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
                    f"the key {quoted(key)} appears twice in the same mapping "
                    f"(first at line {first.start_mark.line + 1}); keep only one",
                )
            mapping[key] = walk(value_node, depth + 1)
        return mapping

    doc.data = walk(root, 0)
    return doc


def _wide_encoding(data: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' when the bytes are that (by their byte-order mark, or the NUL
    bytes that fill every other or three of every four bytes of plain text in them); else None.
    Read as UTF-8 they would be NUL characters, refused as control characters."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:64]
    if b"\x00" not in head:
        return None
    return "UTF-32" if head.count(b"\x00") * 4 >= len(head) * 3 - 4 else "UTF-16"


def parse_yaml_bytes(data: bytes) -> YamlDocument:
    """Parse the bytes of a YAML file; text that is not UTF-8 is located at its first bad byte."""
    wide = _wide_encoding(data)
    if wide:
        raise YamlProblem(
            Position(1, 1), f"the file is {wide} text, not UTF-8; save it as UTF-8 in your editor"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(
            Position(line, column), "the file is not UTF-8 text; save it as UTF-8 in your editor"
        ) from None
    return parse_yaml(text)
