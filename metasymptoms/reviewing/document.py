"""A tiny document model with two writers, so the markdown and html rule books carry the
same content. Texts are plain strings; each writer escapes them for its own format: Markdown
here, HTML by the web templates (`rulebook.html`, autoescaped), which tell the nodes apart by
their `kind`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from metasymptoms.core.escape import markdown as _md


@dataclass(frozen=True)
class Link:
    """A link inside a text: to an anchor of the document ("#rule-x") or a web address."""

    kind: ClassVar[str] = "link"

    text: str
    target: str


@dataclass(frozen=True)
class Target:
    """A text that links elsewhere in the document lead to (e.g. a finding's id in the index)."""

    kind: ClassVar[str] = "target"

    text: str
    id: str


# A text: a plain string, or plain strings, links and targets in a row.
Rich = str | tuple[str | Link | Target, ...]


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"

    level: int
    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"

    text: str
    emphasis: bool = False
    status: bool = False  # the rule book's version and status, set apart at the top


@dataclass(frozen=True)
class Bullets:
    kind: ClassVar[str] = "bullets"

    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label: value lines, e.g. When / Urgency / Sources."""

    kind: ClassVar[str] = "fields"

    pairs: tuple[tuple[str, Rich], ...]


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"

    header: tuple[str, ...]
    rows: tuple[tuple[Rich, ...], ...]


@dataclass(frozen=True)
class Contents:
    """Links to headings of the same document: (text, anchor), or (text, anchor, depth) for
    an entry nested under the one before it."""

    kind: ClassVar[str] = "contents"

    entries: tuple[tuple[str, str] | tuple[str, str, int], ...]

    def tree(self) -> list[Entry]:
        """The entries as nested lists: an entry of depth 1 sits under the one before it."""
        top: list[Entry] = []
        for entry in self.entries:
            depth = entry[2] if len(entry) > 2 else 0
            siblings = top
            for _ in range(depth):
                siblings = siblings[-1].under if siblings else siblings
            siblings.append(Entry(entry[0], entry[1], []))
        return top


@dataclass(frozen=True)
class Entry:
    """One line of the contents, with the entries nested under it."""

    text: str
    anchor: str
    under: list[Entry]


@dataclass(frozen=True)
class Group:
    """Nodes that belong together (one site, one red flag): the HTML filter shows or hides
    them as one."""

    kind: ClassVar[str] = "group"

    nodes: tuple[Node, ...]


Node = Heading | Paragraph | Bullets | Fields | Table | Contents | Group


def _md_rich(value: Rich) -> str:
    if isinstance(value, str):
        return _md(value)
    out = []
    for part in value:
        if isinstance(part, Target):
            out.append(f'<a id="{part.id}"></a>{_md(part.text)}')
        elif isinstance(part, Link):
            out.append(f"[{_md(part.text)}]({part.target})")
        else:
            out.append(_md(part))
    return "".join(out)


def plain(value: Rich) -> str:
    return value if isinstance(value, str) else "".join(p if isinstance(p, str) else p.text for p in value)


def to_markdown(nodes: list[Node]) -> str:
    out: list[str] = []
    for node in _flat(nodes):
        match node:
            case Heading(level=level, text=text, anchor=anchor):
                out += [f"{'#' * level} {_md(text)}" + (f' <a id="{anchor}"></a>' if anchor else ""), ""]
            case Paragraph(text=text, status=True):
                out += [f"**{_md(text)}**", ""]
            case Paragraph(text=text, emphasis=emphasis):
                out += [f"_{_md(text)}_" if emphasis else _md(text), ""]
            case Bullets(items=items):
                out += [f"- {_md(item)}" for item in items] + [""]
            case Contents(entries=entries):
                out += [
                    "  " * (entry[2] if len(entry) > 2 else 0) + f"- [{_md(entry[0])}](#{entry[1]})"
                    for entry in entries
                ] + [""]
            case Fields(pairs=pairs):
                out += [f"- **{_md(label)}:** {_md_rich(value)}" for label, value in pairs] + [""]
            case Table(header=header, rows=rows):
                out.append("| " + " | ".join(_md(cell) for cell in header) + " |")
                out.append("|" + "---|" * len(header))
                out += ["| " + " | ".join(_md_rich(cell) for cell in row) + " |" for row in rows]
                out.append("")
    return "\n".join(out).rstrip() + "\n"


def _flat(nodes: list[Node] | tuple[Node, ...]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        out += _flat(node.nodes) if isinstance(node, Group) else [node]
    return out
