"""Who refers to what in a rule book: the answers to "what uses this finding / source?"."""

from __future__ import annotations

from collections import defaultdict

from metasymptoms.core.conditions import findings_in
from metasymptoms.core.model import RuleBook

Ref = tuple[str, str]  # (kind, id)


def references(book: RuleBook) -> dict[Ref, list[Ref]]:
    """For every item, the items that refer to it, in rule-book order."""
    refs: dict[Ref, list[Ref]] = defaultdict(list)

    def add(target: Ref, source: Ref) -> None:
        if source not in refs[target]:
            refs[target].append(source)

    for section in book.sections:
        for question in section.questions:
            add(("finding", question.finding), ("question", question.finding))
            add(("question", question.finding), ("section", section.id))
            for finding in findings_in(question.ask_if) if question.ask_if else ():
                add(("finding", finding), ("question", question.finding))
    for flag in book.red_flags:
        for finding in findings_in(flag.when):
            add(("finding", finding), ("red_flag", flag.id))
        for key in flag.sources:
            add(("source", key), ("red_flag", flag.id))
    for site in book.sites:
        for key in site.sources:
            add(("source", key), ("site", site.id))
        for rule in site.rules:
            add(("rule", rule.id), ("site", site.id))
            for finding in findings_in(rule.when):
                add(("finding", finding), ("rule", rule.id))
            for key in rule.sources:
                add(("source", key), ("rule", rule.id))
    for primary in book.primaries:
        for site_id in primary.common_sites:
            add(("site", site_id), ("primary", primary.id))
        for key in primary.sources:
            add(("source", key), ("primary", primary.id))
    for key in book.guidance.sources:
        add(("source", key), ("guidance", "guidance"))
    return refs


def items(book: RuleBook) -> list[tuple[str, str, str]]:
    """Every item as (kind, id, one-line title), in rule-book order, kind by kind."""
    out: list[tuple[str, str, str]] = []
    out += [("finding", f.id, f.label) for f in book.findings]
    out += [("question", q.finding, q.text) for q in book.questions]
    out += [("section", s.id, s.title) for s in book.sections]
    out += [("red_flag", f.id, f"{f.title} ({f.urgency.value})") for f in book.red_flags]
    out += [("site", s.id, s.name) for s in book.sites]
    out += [("rule", r.id, r.why.split(". ")[0].rstrip(".") + ".") for s in book.sites for r in s.rules]
    out += [("primary", p.id, p.name) for p in book.primaries]
    out += [("source", s.id, f"{s.publisher}: {s.title}") for s in book.sources]
    return out
