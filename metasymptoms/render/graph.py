"""The graph of findings to sites (through their rules) and to red flags: mermaid and dot."""

from __future__ import annotations

from metasymptoms.conditions import findings_in
from metasymptoms.model import RuleBook
from metasymptoms.render.escape import mermaid as _mermaid_text


def edges(book: RuleBook) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(nodes as (node id, label), edges as (from, to, label)); nodes are f:, s:, r: prefixed."""
    used: dict[str, None] = {}
    out: list[tuple[str, str, str]] = []
    for site in book.sites:
        for rule in site.rules:
            for finding in findings_in(rule.when):
                used.setdefault(finding, None)
                out.append((f"f:{finding}", f"s:{site.id}", rule.id))
    for flag in book.red_flags:
        for finding in findings_in(flag.when):
            used.setdefault(finding, None)
            out.append((f"f:{finding}", f"r:{flag.id}", ""))
    nodes = [(f"f:{finding}", book.finding(finding).label) for finding in used]
    nodes += [(f"s:{site.id}", site.name) for site in book.sites]
    nodes += [(f"r:{flag.id}", f"{flag.title} ({flag.urgency.value})") for flag in book.red_flags]
    unique = list(dict.fromkeys(out))
    return nodes, unique


def _mermaid_id(node: str) -> str:
    return node.replace(":", "_").replace(".", "_")


def to_mermaid(book: RuleBook) -> str:
    nodes, links = edges(book)
    lines = ["graph LR"]
    for node, label in nodes:
        text = _mermaid_text(label)
        if node.startswith("s:"):
            lines.append(f'  {_mermaid_id(node)}(["{text}"])')
        elif node.startswith("r:"):
            lines.append(f'  {_mermaid_id(node)}{{{{"{text}"}}}}')
        else:
            lines.append(f'  {_mermaid_id(node)}["{text}"]')
    for start, end, label in links:
        arrow = f' -- "{_mermaid_text(label)}" --> ' if label else " --> "
        lines.append(f"  {_mermaid_id(start)}{arrow}{_mermaid_id(end)}")
    return "\n".join(lines) + "\n"


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(book: RuleBook) -> str:
    nodes, links = edges(book)
    lines = ["digraph rulebook {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    for node, label in nodes:
        shape = "ellipse" if node.startswith("s:") else "octagon" if node.startswith("r:") else "box"
        lines.append(f"  {_dot_text(node)} [label={_dot_text(label)}, shape={shape}];")
    for start, end, label in links:
        attributes = f" [label={_dot_text(label)}]" if label else ""
        lines.append(f"  {_dot_text(start)} -> {_dot_text(end)}{attributes};")
    lines.append("}")
    return "\n".join(lines) + "\n"
