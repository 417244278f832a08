"""The explorer's pages: a site, a symptom, a cancer. Pure: rule book in, text out.

Short lines and clear headings, so they read well projected in front of a class; the words
carry every meaning (colour, where the terminal shows it, only adds emphasis).
"""

from __future__ import annotations

import textwrap

from metasymptoms.conditions import findings_in
from metasymptoms.explain import join_words
from metasymptoms.model import RuleBook, Urgency

WIDTH = 72
CONTEXT = {"cancer_history", "primary_cancer"}


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _page(title: str, sections: list[tuple[str, list[str]]]) -> str:
    lines = [title.upper(), "=" * min(len(title), WIDTH), ""]
    for heading, body in sections:
        if not body:
            continue
        lines.append(heading)
        lines.append("-" * min(len(heading), WIDTH))
        lines.extend(body)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _bullets(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        out.extend(textwrap.wrap(item, WIDTH, initial_indent="  - ", subsequent_indent="    "))
    return out


def _site_findings(book: RuleBook, site_id: str) -> list[str]:
    site = book.site(site_id)
    seen: dict[str, None] = {}
    for rule in site.rules:
        for finding in findings_in(rule.when):
            if finding not in CONTEXT:
                seen.setdefault(finding, None)
    return list(seen)


def _flag_line(flag) -> str:
    level = "EMERGENCY" if flag.urgency is Urgency.EMERGENCY else flag.urgency.value
    return f"{flag.title} ({level})"


def site_page(book: RuleBook, site_id: str) -> str:
    site = book.site(site_id)
    findings = _site_findings(book, site_id)
    cancers = [primary.name for primary in book.primaries if site_id in primary.common_sites]
    flags = [flag for flag in book.red_flags if site_id in flag.sites]
    return _page(
        site.name,
        [
            ("What it is", _wrap(site.about)),
            ("Symptoms linked to spread here", _bullets([book.finding(f).label for f in findings])),
            ("Why", _bullets([rule.why for rule in site.rules])),
            ("Warning signs to know", _bullets([_flag_line(flag) for flag in flags])),
            (
                "Cancers that commonly spread here",
                _wrap(join_words(cancers) + "." if cancers else "None listed in the sources."),
            ),
            ("How spread here is usually found", _wrap(site.how_found)),
            (
                "Sources",
                _bullets(
                    [f"{key}: {book.source(key).publisher}, {book.source(key).title}" for key in site.sources]
                ),
            ),
        ],
    )


def symptom_page(book: RuleBook, finding_id: str) -> str:
    finding = book.finding(finding_id)
    sites = [site for site in book.sites if any(finding_id in findings_in(rule.when) for rule in site.rules)]
    flags = [flag for flag in book.red_flags if finding_id in findings_in(flag.when)]
    when = []
    for flag in sorted(flags, key=lambda flag: -flag.urgency.rank):
        when.append(f"{flag.title} ({flag.urgency.value}): {flag.advice}")
    return _page(
        finding.label[0].upper() + finding.label[1:],
        [
            ("What it means", _wrap(finding.meaning or finding.label)),
            ("Sites it is linked with", _bullets([site.name for site in sites]) or ["  (none on its own)"]),
            ("Warning signs it is part of", _bullets([_flag_line(flag) for flag in flags])),
            ("It often has common causes", _wrap(book.guidance.common_causes)),
            ("When to see a provider", _bullets(when) + _wrap(book.guidance.see_provider)),
        ],
    )


def cancer_page(book: RuleBook, primary_id: str) -> str:
    primary = book.primary(primary_id)
    watch = []
    for site_id in primary.common_sites:
        labels = [book.finding(f).label for f in _site_findings(book, site_id)][:6]
        watch.append(f"{book.site(site_id).name}: {join_words(labels)}.")
    flags = [
        flag
        for flag in book.red_flags
        if flag.urgency is Urgency.EMERGENCY and set(flag.sites) & set(primary.common_sites)
    ]
    return _page(
        primary.name,
        [
            (
                "Where it commonly spreads (in no order)",
                _wrap(join_words(book.site(s).name for s in primary.common_sites) + "."),
            ),
            ("About", _wrap(primary.note) if primary.note else []),
            ("What to watch for at each site", _bullets(watch)),
            ("Emergency signs", _bullets([flag.title for flag in flags])),
            ("Questions to ask the care team", _bullets(list(book.guidance.questions_to_ask))),
            (
                "Sources",
                _bullets(
                    [
                        f"{key}: {book.source(key).publisher}, {book.source(key).title}"
                        for key in primary.sources
                    ]
                ),
            ),
        ],
    )
