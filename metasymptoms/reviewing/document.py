"""A tiny document model with two writers, so the markdown and html rule books carry the
same content. Texts are plain strings; each writer escapes them for its own format."""

from __future__ import annotations

import html
from dataclasses import dataclass

from metasymptoms.core.escape import markdown as _md


@dataclass(frozen=True)
class Link:
    """A link inside a text: to an anchor of the document ("#rule-x") or a web address."""

    text: str
    target: str


@dataclass(frozen=True)
class Target:
    """A text that links elsewhere in the document lead to (e.g. a finding's id in the index)."""

    text: str
    id: str


# A text: a plain string, or plain strings, links and targets in a row.
Rich = str | tuple[str | Link | Target, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None = None


@dataclass(frozen=True)
class Paragraph:
    text: str
    emphasis: bool = False
    status: bool = False  # the rule book's version and status, set apart at the top


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Fields:
    """Label: value lines, e.g. When / Urgency / Sources."""

    pairs: tuple[tuple[str, Rich], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Rich, ...], ...]


@dataclass(frozen=True)
class Contents:
    """Links to headings of the same document: (text, anchor), or (text, anchor, depth) for
    an entry nested under the one before it."""

    entries: tuple[tuple[str, str] | tuple[str, str, int], ...]


@dataclass(frozen=True)
class Group:
    """Nodes that belong together (one site, one red flag): the HTML filter shows or hides
    them as one."""

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


def _html_rich(value: Rich) -> str:
    if isinstance(value, str):
        return html.escape(value)
    out = []
    for part in value:
        if isinstance(part, str):
            out.append(html.escape(part))
        elif isinstance(part, Target):
            out.append(f'<span id="{html.escape(part.id)}">{html.escape(part.text)}</span>')
        else:
            web = "" if part.target.startswith("#") else ' class="web"'
            out.append(f'<a href="{html.escape(part.target)}"{web}>{html.escape(part.text)}</a>')
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
td a.web { overflow-wrap: anywhere; }
th { background: #f0f0f0; }
.note { font-style: italic; color: #444; }
.status { border-left: 4px solid #8a5a00; background: #fff7e0; padding: .4rem .8rem; font-weight: 600; }
nav ul ul { margin: .1rem 0 .3rem; columns: 2; column-gap: 2.5rem; }
nav ul ul li { break-inside: avoid; }
a { color: #0b4f9c; }
:target { background: #fff3b0; }
[id] { scroll-margin-top: 4rem; }
.filter { position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid #ddd; z-index: 1; }
.filter input { font-size: 1rem; padding: .3rem .5rem; width: min(100%, 24rem); }
[hidden] { display: none !important; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  .filter, nav { display: none; }
  a { color: inherit; text-decoration: none; }
  section, tr { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
"""

# The filter box: hides the sites, red flags and table rows that do not contain the words
# typed. Inline, so the page stays one self-contained file.
_FILTER = """
<script>
(function () {
  var box = document.getElementById("filter");
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll("section.item, tbody tr").forEach(function (el) {
      var text = el.textContent.toLowerCase();
      var match = words.every(function (w) { return text.indexOf(w) >= 0; });
      el.hidden = !match;
      if (match) shown++;
    });
    document.getElementById("filter-count").textContent = words.length ? shown + " shown" : "";
  }
  box.addEventListener("input", apply);
})();
</script>
"""


def to_html(nodes: list[Node], title: str, filter_box: bool = False) -> str:
    """A self-contained page: no external files, every text escaped; with `filter_box`, a
    box (and its small inline script) that filters the items as one types."""
    esc = html.escape
    body: list[str] = []
    if filter_box:
        body.append(
            '<div class="filter"><label for="filter">Filter: </label>'
            '<input id="filter" type="search" placeholder="a word, an id, a source key"> '
            '<span id="filter-count" aria-live="polite"></span></div>'
        )
    body += _html_nodes(nodes)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + (_FILTER if filter_box else "")
        + "\n</body>\n</html>\n"
    )


def _html_nodes(nodes: list[Node] | tuple[Node, ...]) -> list[str]:
    esc = html.escape
    body: list[str] = []
    for node in nodes:
        match node:
            case Group(nodes=inner):
                body.append('<section class="item">' + "\n".join(_html_nodes(inner)) + "</section>")
            case Heading(level=level, text=text, anchor=anchor):
                anchor_attr = f' id="{esc(anchor)}"' if anchor else ""
                body.append(f"<h{level}{anchor_attr}>{esc(text)}</h{level}>")
            case Paragraph(text=text, status=True):
                body.append(f'<p class="status" role="note">{esc(text)}</p>')
            case Paragraph(text=text, emphasis=emphasis):
                body.append(f'<p class="note">{esc(text)}</p>' if emphasis else f"<p>{esc(text)}</p>")
            case Bullets(items=items):
                body.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>")
            case Contents(entries=entries):
                body.append(f'<nav aria-label="Contents">{_nested(entries)}</nav>')
            case Fields(pairs=pairs):
                body.append(
                    "<dl>"
                    + "".join(f"<dt>{esc(label)}</dt><dd>{_html_rich(value)}</dd>" for label, value in pairs)
                    + "</dl>"
                )
            case Table(header=header, rows=rows):
                head = "".join(f'<th scope="col">{esc(cell)}</th>' for cell in header)
                cells = "".join(
                    "<tr>" + "".join(f"<td>{_html_rich(cell)}</td>" for cell in row) + "</tr>" for row in rows
                )
                body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table>")
    return body


def _nested(entries: tuple[tuple[str, str] | tuple[str, str, int], ...]) -> str:
    """Contents as nested lists: an entry of depth 1 sits in a list under the one before."""
    out, depth, open_item = ["<ul>"], 0, False
    for entry in entries:
        level = entry[2] if len(entry) > 2 else 0
        if level > depth:
            out.append("<ul>")
            depth += 1
        else:
            if open_item:
                out.append("</li>")
            while depth > level:
                out.append("</ul></li>")
                depth -= 1
        out.append(f'<li><a href="#{html.escape(entry[1])}">{html.escape(entry[0])}</a>')
        open_item = True
    if open_item:
        out.append("</li>")
    while depth > 0:
        out.append("</ul></li>")
        depth -= 1
    out.append("</ul>")
    return "".join(out)
