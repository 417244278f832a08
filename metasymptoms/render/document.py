"""A tiny document model with two writers, so the markdown and html rule books carry the
same content. Texts are plain strings; each writer escapes them for its own format."""

from __future__ import annotations

import html
from dataclasses import dataclass

from metasymptoms.render.escape import markdown as _md


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label: value lines, e.g. When / Urgency / Sources."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Contents:
    """Links to headings of the same document: (text, anchor)."""

    entries: tuple[tuple[str, str], ...]


Node = Heading | Paragraph | Bullets | Fields | Table | Contents


def to_markdown(nodes: list[Node]) -> str:
    out: list[str] = []
    for node in nodes:
        match node:
            case Heading(level=level, text=text, anchor=anchor):
                out += [f"{'#' * level} {_md(text)}" + (f' <a id="{anchor}"></a>' if anchor else ""), ""]
            case Paragraph(text=text, emphasis=emphasis):
                out += [f"_{_md(text)}_" if emphasis else _md(text), ""]
            case Bullets(items=items):
                out += [f"- {_md(item)}" for item in items] + [""]
            case Contents(entries=entries):
                out += [f"- [{_md(text)}](#{anchor})" for text, anchor in entries] + [""]
            case Fields(pairs=pairs):
                out += [f"- **{_md(label)}:** {_md(value)}" for label, value in pairs] + [""]
            case Table(header=header, rows=rows):
                out.append("| " + " | ".join(_md(cell) for cell in header) + " |")
                out.append("|" + "---|" * len(header))
                out += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
                out.append("")
    return "\n".join(out).rstrip() + "\n"


_CSS = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1b1b1b; }
h1 { border-bottom: 3px solid #444; padding-bottom: .3rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #bbb; }
h3 { margin-top: 1.8rem; }
h4 { margin-bottom: .3rem; }
dl { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; margin: .3rem 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.note { font-style: italic; color: #444; }
@media print { body { max-width: none; } }
"""


def to_html(nodes: list[Node], title: str) -> str:
    """A self-contained page: no scripts, no external files, every text escaped."""
    esc = html.escape
    body: list[str] = []
    for node in nodes:
        match node:
            case Heading(level=level, text=text, anchor=anchor):
                anchor_attr = f' id="{esc(anchor)}"' if anchor else ""
                body.append(f"<h{level}{anchor_attr}>{esc(text)}</h{level}>")
            case Paragraph(text=text, emphasis=emphasis):
                body.append(f'<p class="note">{esc(text)}</p>' if emphasis else f"<p>{esc(text)}</p>")
            case Bullets(items=items):
                body.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>")
            case Contents(entries=entries):
                links = "".join(
                    f'<li><a href="#{esc(anchor)}">{esc(text)}</a></li>' for text, anchor in entries
                )
                body.append(f'<nav aria-label="Contents"><ul>{links}</ul></nav>')
            case Fields(pairs=pairs):
                body.append(
                    "<dl>"
                    + "".join(f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in pairs)
                    + "</dl>"
                )
            case Table(header=header, rows=rows):
                head = "".join(f'<th scope="col">{esc(cell)}</th>' for cell in header)
                cells = "".join(
                    "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows
                )
                body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
