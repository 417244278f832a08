"""`rules show ID`: one item of the rule book in plain words, with where it stands and what
refers to it."""

from __future__ import annotations

from collections.abc import Callable

from metasymptoms.core.explain import condition_sentence
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.in_english import checked_phrase, join_words, source_notes
from metasymptoms.reviewing.index import references

KIND_NAMES = {
    "finding": "Finding",
    "question": "Question",
    "section": "Section",
    "red_flag": "Red flag",
    "site": "Site",
    "rule": "Site rule",
    "primary": "Primary cancer",
    "source": "Source",
}


Lines = list[tuple[str, str]]


def show_item(loaded: LoadedBook, kind: str, item_id: str) -> str:
    book = loaded.book
    location = loaded.where(kind, item_id)
    describe = _DESCRIBE.get(kind)
    lines = describe(book, item_id) if describe is not None else []
    referrers = references(book).get((kind, item_id), [])
    lines.append(
        (
            "Referred to by",
            ", ".join(f"{KIND_NAMES.get(k, k).lower()} {i}" for k, i in referrers) or "nothing",
        )
    )
    width = max(len(label) for label, _ in lines)
    head = f"{KIND_NAMES[kind]} {item_id}" + (f"  ({location.file}:{location.line})" if location else "")
    return "\n".join([head] + [f"  {label + ':':<{width + 1}} {value}" for label, value in lines])


def _finding(book: RuleBook, item_id: str) -> Lines:
    finding = book.finding(item_id)
    answer = kind_of(finding).answer_words(finding)
    return [("Label", finding.label), ("Meaning", finding.meaning or finding.label), ("Answer", answer)]


def _question(book: RuleBook, item_id: str) -> Lines:
    question = book.question(item_id)
    assert question is not None  # the item was found where the book asks it
    section = book.section_of(item_id)
    lines = [
        ("Text", question.text),
        ("Asks about", question.finding),
        ("Section", section.title if section else ""),
    ]
    if question.help:
        lines.append(("Help", question.help))
    lines.append(
        (
            "Asked",
            "always" if question.ask_if is None else f"only if {condition_sentence(book, question.ask_if)}",
        )
    )
    if question.default:
        lines.append(("Enter gives", question.default))
    return lines


def _section(book: RuleBook, item_id: str) -> Lines:
    section = next(s for s in book.sections if s.id == item_id)
    return [("Title", section.title), ("Questions", ", ".join(q.finding for q in section.questions))]


def _red_flag(book: RuleBook, item_id: str) -> Lines:
    flag = next(f for f in book.red_flags if f.id == item_id)
    lines = [
        ("Title", flag.title),
        ("Urgency", flag.urgency.value),
        ("When", condition_sentence(book, flag.when)),
        ("Advice", flag.advice),
    ]
    if flag.explain:
        lines.append(("Explanation", flag.explain))
    return lines + [("Sources", ", ".join(flag.sources)), ("Checked", checked_phrase(flag.checked))]


def _site(book: RuleBook, item_id: str) -> Lines:
    site = book.site(item_id)
    return [
        ("Name", site.name),
        ("About", site.about),
        ("How found", site.how_found),
        ("Rules", ", ".join(r.id for r in site.rules) or "none"),
        ("Sources", ", ".join(site.sources)),
    ]


def _rule(book: RuleBook, item_id: str) -> Lines:
    site, rule = next((s, r) for s in book.sites for r in s.rules if r.id == item_id)
    return [
        ("Site", site.name),
        ("When", condition_sentence(book, rule.when)),
        ("Urgency", rule.urgency.value if rule.urgency else "raises none of its own"),
        ("Why", rule.why),
        ("Sources", ", ".join(rule.sources)),
        ("Checked", checked_phrase(rule.checked)),
    ]


def _primary(book: RuleBook, item_id: str) -> Lines:
    primary = book.primary(item_id)
    lines = [
        ("Name", primary.name),
        ("Commonly spreads to", join_words(book.site(s).name for s in primary.common_sites) + " (unranked)"),
    ]
    if primary.note:
        lines.append(("Note", primary.note))
    return lines + [("Sources", ", ".join(primary.sources))]


def _source(book: RuleBook, item_id: str) -> Lines:
    source = book.source(item_id)
    return [
        ("Publisher", source.publisher),
        ("Title", source.title),
        ("Web address", source.url),
        *source_notes(source),
    ]


_DESCRIBE: dict[str, Callable[[RuleBook, str], Lines]] = {
    "finding": _finding,
    "question": _question,
    "section": _section,
    "red_flag": _red_flag,
    "site": _site,
    "rule": _rule,
    "primary": _primary,
    "source": _source,
}
