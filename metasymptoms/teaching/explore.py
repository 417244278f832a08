"""The explorer's pages: a site, a symptom, a cancer. Pure: rule book in, text out.

Short lines and clear headings, so they read well projected in front of a class; the words
carry every meaning (colour, where the terminal shows it, only adds emphasis). Lists of
things are laid out as lists, never run together with commas, and a section that would only
repeat its heading or the page's title is left out.
"""

from __future__ import annotations

import re
import textwrap
from typing import get_args

from metasymptoms.core.conditions import findings_for
from metasymptoms.core.for_whom import histories_shown, sign_line
from metasymptoms.core.model import RedFlag, Role, RuleBook, Urgency
from metasymptoms.core.unsaid import WITH_CANCER
from metasymptoms.teaching.words import level

WIDTH = 72
# Findings that set the context of a rule rather than a symptom of it: every finding with a
# role (the history of cancer, where it started, treatment, what the person was told about spread).
CONTEXT_ROLES: tuple[Role, ...] = get_args(Role)

Body = list[str]


def _wrap(text: str, width: int) -> Body:
    return textwrap.wrap(text, width) or [""]


def _bullets(items: list[str], width: int, indent: str = "") -> Body:
    out: Body = []
    for item in items:
        out += textwrap.wrap(item, width, initial_indent=f"{indent}  - ", subsequent_indent=f"{indent}    ")
    return out


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _page(title: str, sections: list[tuple[str, Body]], width: int) -> str:
    lines = [title.upper(), "=" * min(len(title), width), ""]
    for heading, body in sections:
        said = _plain(" ".join(body))
        if not said or said in (_plain(heading), _plain(title)):
            continue  # a section that only repeats its heading or the title tells nothing
        lines.append(heading)
        lines.append("-" * min(len(heading), width))
        lines.extend(body)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _site_findings(book: RuleBook, site_id: str) -> list[str]:
    site = book.site(site_id)
    context = {book.role(role) for role in CONTEXT_ROLES}
    seen: dict[str, None] = {}
    for rule in site.rules:
        for finding in findings_for(rule.when):
            if finding not in context:
                seen.setdefault(finding, None)
    return list(seen)


def _flag_line(book: RuleBook, flag: RedFlag) -> str:
    return sign_line(book, flag, level(book, flag.urgency))


def _with_cancer(book: RuleBook, flag: RedFlag) -> bool:
    """Whether `flag` can be shown to a person who has or had cancer: a cancer's page lists
    those, never a twin only a person with no cancer diagnosis is shown (for_whom.py)."""
    shown = histories_shown(book, flag.when)
    return shown is None or bool(shown & set(WITH_CANCER))


def _sources(book: RuleBook, keys: tuple[str, ...], width: int) -> Body:
    return _bullets([f"{key}: {book.source(key).publisher}, {book.source(key).title}" for key in keys], width)


def site_page(book: RuleBook, site_id: str, width: int = WIDTH) -> str:
    site = book.site(site_id)
    findings = _site_findings(book, site_id)
    cancers = [primary.name for primary in book.primaries if site_id in primary.common_sites]
    flags = [flag for flag in book.red_flags if site_id in flag.sites]
    words = book.guidance.wording.teaching.explore.site
    return _page(
        site.name,
        [
            (words.what_it_is, _wrap(site.about, width)),
            (words.symptoms, _bullets([book.finding(f).label for f in findings], width)),
            (words.why, _bullets([rule.why for rule in site.rules], width)),
            (words.warning_signs, _bullets([_flag_line(book, flag) for flag in flags], width)),
            (words.cancers, _bullets(cancers, width) if cancers else _wrap(words.no_cancers, width)),
            (words.how_found, _wrap(site.how_found, width)),
            (words.sources, _sources(book, site.sources, width)),
        ],
        width,
    )


def symptom_page(book: RuleBook, finding_id: str, width: int = WIDTH) -> str:
    finding = book.finding(finding_id)
    sites = [site for site in book.sites if any(finding_id in findings_for(rule.when) for rule in site.rules)]
    flags = [flag for flag in book.red_flags if finding_id in findings_for(flag.when)]
    when = [
        f"{_flag_line(book, flag)}: {flag.advice}"
        for flag in sorted(flags, key=lambda flag: -flag.urgency.rank)
    ]
    words = book.guidance.wording.teaching.explore.symptom
    return _page(
        finding.label[0].upper() + finding.label[1:],
        [
            (words.what_it_means, _wrap(finding.meaning, width) if finding.meaning else []),
            (words.sites, _bullets([site.name for site in sites], width) or [f"  {words.no_site}"]),
            (words.warning_signs, _bullets([_flag_line(book, flag) for flag in flags], width)),
            (words.when_to_see, _bullets(when, width) + [""] + _wrap(book.guidance.see_provider, width)),
            # Never beside emergency advice: the common causes only for a symptom no emergency
            # sign is made of.
            (
                words.common_causes,
                []
                if any(flag.urgency is Urgency.EMERGENCY for flag in flags)
                else _wrap(book.guidance.common_causes, width),
            ),
        ],
        width,
    )


def cancer_page(book: RuleBook, primary_id: str, width: int = WIDTH) -> str:
    primary = book.primary(primary_id)
    watch: Body = []
    for site_id in primary.common_sites:
        watch.append(f"  {book.site(site_id).name}:")
        watch += _bullets([book.finding(f).label for f in _site_findings(book, site_id)], width, "  ")
    flags = [
        flag
        for flag in book.red_flags
        if flag.urgency is Urgency.EMERGENCY
        and set(flag.sites) & set(primary.common_sites)
        and _with_cancer(book, flag)
    ]
    words = book.guidance.wording.teaching.explore.cancer
    return _page(
        primary.name,
        [
            (words.spreads_to, _bullets([book.site(s).name for s in primary.common_sites], width)),
            (words.about, _wrap(primary.note, width) if primary.note else []),
            (words.to_watch_for, watch),
            (words.emergency_signs, _bullets([flag.title for flag in flags], width)),
            (words.questions, _bullets(list(book.guidance.questions_to_ask), width)),
            (words.sources, _sources(book, primary.sources, width)),
        ],
        width,
    )


# --- finding a symptom by a plain word ----------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def symptom_words(book: RuleBook, symptoms: list[str]) -> dict[str, list[str]]:
    """Each symptom's words: its id, label, meaning and the question that asks about it."""
    out = {}
    for finding_id in symptoms:
        finding = book.finding(finding_id)
        question = book.question(finding_id)
        said = [
            finding_id.replace("_", " "),
            finding.label,
            finding.meaning or "",
            question.text if question else "",
        ]
        out[finding_id] = _words(" ".join(said))
    return out


def find_symptoms(book: RuleBook, symptoms: list[str], query: str) -> tuple[list[str], list[str]]:
    """The symptoms every word of `query` is found in (a word matches the start of a word:
    "breath" finds "breathless"), and, when none is, the close words tried instead."""
    words = symptom_words(book, symptoms)
    wanted = _words(query)
    if not wanted:
        return [], []

    def matching(terms: list[str]) -> list[str]:
        return [
            finding
            for finding, vocabulary in words.items()
            if all(any(word.startswith(term) for word in vocabulary) for term in terms)
        ]

    found = matching(wanted)
    if found:
        return found, []
    import difflib

    vocabulary = sorted({word for vocabulary in words.values() for word in vocabulary if len(word) > 2})
    tried: list[str] = []
    for term in wanted:
        tried.append(next(iter(difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)), term))
    if tried == wanted:
        return [], []
    return matching(tried), [term for term in tried if term not in wanted]
