"""The rule book as a graph (mermaid, dot): findings lead to the rules and red flags that test
them, rules lead to their site. Grouped by site, so it reads instead of tangling: each site is
one cluster holding its rules, the red flags that belong with it, and the findings they test
(a finding used by two sites appears in both). Rules and red flags are coloured by urgency,
with a legend. `only` cuts it to one site, one rule or one red flag."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from metasymptoms.core.conditions import findings_in
from metasymptoms.core.escape import mermaid as _mermaid_text
from metasymptoms.core.for_whom import sign_line
from metasymptoms.core.model import RedFlag, RuleBook, Site, SiteRule
from metasymptoms.core.problems import UsageError
from metasymptoms.core.suggest import close_match

COLOURS = {  # fill, text: a scale that stays readable printed in grey
    "emergency": ("#b2182b", "#ffffff"),
    "urgent": ("#ef8a62", "#000000"),
    "prompt": ("#fddbc7", "#000000"),
    "none": ("#f0f0f0", "#000000"),
}
LEGEND = (
    ("emergency", "Emergency: call now"),
    ("urgent", "Urgent: today"),
    ("prompt", "Prompt: within days"),
    ("none", "Raises no urgency of its own"),
)


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    kind: str  # finding, rule, red_flag, site
    urgency: str | None = None  # rules and red flags: a key of COLOURS


@dataclass
class Cluster:
    id: str
    title: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[tuple[str, str]] = field(default_factory=list)

    def add(self, node: Node) -> str:
        self.nodes.setdefault(node.id, node)
        return node.id

    def finding(self, book: RuleBook, finding: str) -> str:
        return self.add(Node(f"{self.id}.f.{finding}", book.finding(finding).label, "finding"))

    def link(self, start: str, end: str) -> None:
        if (start, end) not in self.edges:
            self.edges.append((start, end))


def _flag(cluster: Cluster, book: RuleBook, flag: RedFlag) -> None:
    node = cluster.add(
        Node(
            f"{cluster.id}.r.{flag.id}",
            sign_line(book, flag, flag.urgency.value),  # a twin says whom it is for (for_whom.py)
            "red_flag",
            flag.urgency.value,
        )
    )
    for finding in dict.fromkeys(findings_in(flag.when)):
        cluster.link(cluster.finding(book, finding), node)


def _rule(cluster: Cluster, book: RuleBook, site: Site, rule: SiteRule) -> None:
    site_node = cluster.add(Node(f"{cluster.id}.s.{site.id}", site.name, "site"))
    urgency = rule.urgency.value if rule.urgency else "none"
    node = cluster.add(Node(f"{cluster.id}.rule.{rule.id}", f"rule {rule.id}", "rule", urgency))
    for finding in dict.fromkeys(findings_in(rule.when)):
        cluster.link(cluster.finding(book, finding), node)
    cluster.link(node, site_node)


def clusters(book: RuleBook, only: str | None = None) -> list[Cluster]:
    out: list[Cluster] = []
    flag_ids = [flag.id for flag in book.red_flags]  # looked up by the book's own red_flag
    rules = {rule.id: (site, rule) for site in book.sites for rule in site.rules}
    sites = {site.id: site for site in book.sites}
    if only is not None and only not in flag_ids and only not in rules and only not in sites:
        known = [*sites, *flag_ids, *rules]
        raise UsageError(
            f"'{only}' is not a site, red flag or rule of this rule book{close_match(only, known)}; "
            "see: metasymptoms rules list"
        )
    if only in flag_ids:
        cluster = Cluster(f"red_flag_{only}", f"Red flag {only}")
        _flag(cluster, book, book.red_flag(only))
        return [cluster]
    if only in rules:
        site, rule = rules[only]
        cluster = Cluster(f"rule_{only}", f"Rule {only}")
        _rule(cluster, book, site, rule)
        return [cluster]
    for site in book.sites:
        if only is not None and site.id != only:
            continue
        cluster = Cluster(f"site_{site.id}", f"{site.name} ({site.id})")
        cluster.add(Node(f"{cluster.id}.s.{site.id}", site.name, "site"))
        for rule in site.rules:
            _rule(cluster, book, site, rule)
        for flag in book.red_flags:
            if site.id in flag.sites:
                _flag(cluster, book, flag)
        out.append(cluster)
    loose = [flag for flag in book.red_flags if not flag.sites]
    if only is None and loose:
        cluster = Cluster("other_red_flags", "Warning signs that belong with no one site")
        for flag in loose:
            _flag(cluster, book, flag)
        out.append(cluster)
    return out


# --- mermaid ---------------------------------------------------------------------------------


def _mermaid_id(node: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", node)


def _mermaid_node(node: Node) -> str:
    text, name = _mermaid_text(node.label), _mermaid_id(node.id)
    if node.kind == "site":
        return f'{name}(["{text}"])'
    if node.kind == "red_flag":
        return f'{name}{{{{"{text}"}}}}'
    if node.kind == "rule":
        return f'{name}("{text}")'
    return f'{name}["{text}"]'


def to_mermaid(book: RuleBook, only: str | None = None) -> str:
    lines = ["graph LR"]
    styled: dict[str, list[str]] = {}
    for cluster in clusters(book, only):
        lines.append(f'  subgraph {_mermaid_id(cluster.id)}["{_mermaid_text(cluster.title)}"]')
        for node in cluster.nodes.values():
            lines.append(f"    {_mermaid_node(node)}")
            if node.urgency:
                styled.setdefault(node.urgency, []).append(_mermaid_id(node.id))
        for start, end in cluster.edges:
            lines.append(f"    {_mermaid_id(start)} --> {_mermaid_id(end)}")
        lines.append("  end")
    lines.append('  subgraph legend["Legend: colour is how soon to get help"]')
    for level, words in LEGEND:
        lines.append(f'    legend_{level}["{_mermaid_text(words)}"]')
        styled.setdefault(level, []).append(f"legend_{level}")
    lines.append("  end")
    for level, (fill, text) in COLOURS.items():
        lines.append(f"  classDef {level} fill:{fill},color:{text},stroke:#333")
        if styled.get(level):
            lines.append(f"  class {','.join(styled[level])} {level}")
    return "\n".join(lines) + "\n"


# --- dot ---------------------------------------------------------------------------------------


def _dot_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


_SHAPES = {"site": "ellipse", "red_flag": "octagon", "rule": 'box, style="rounded,filled"', "finding": "box"}


def to_dot(book: RuleBook, only: str | None = None) -> str:
    lines = ["digraph rulebook {", "  rankdir=LR;", '  node [fontname="Helvetica"];', "  compound=true;"]
    for cluster in clusters(book, only):
        lines.append(f"  subgraph {_dot_text('cluster_' + cluster.id)} {{")
        lines.append(f"    label={_dot_text(cluster.title)};")
        for node in cluster.nodes.values():
            attributes = [f"label={_dot_text(node.label)}", f"shape={_SHAPES[node.kind]}"]
            if node.urgency:
                fill, text = COLOURS[node.urgency]
                if node.kind == "red_flag":
                    attributes.append('style="filled"')
                attributes += [f'fillcolor="{fill}"', f'fontcolor="{text}"']
            lines.append(f"    {_dot_text(node.id)} [{', '.join(attributes)}];")
        for start, end in cluster.edges:
            lines.append(f"    {_dot_text(start)} -> {_dot_text(end)};")
        lines.append("  }")
    lines.append('  subgraph "cluster_legend" {')
    lines.append('    label="Legend: colour is how soon to get help";')
    for level, words in LEGEND:
        fill, text = COLOURS[level]
        lines.append(
            f'    "legend.{level}" [label={_dot_text(words)}, shape=box, style="filled", fillcolor="{fill}", fontcolor="{text}"];'
        )
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"
