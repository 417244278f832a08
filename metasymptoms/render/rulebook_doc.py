"""The rule book as a document for review: site by site, then red flags, primaries,
questions, a findings index and the sources."""

from __future__ import annotations

from metasymptoms.explain import condition_sentence, join_words
from metasymptoms.index import references
from metasymptoms.loader import LoadedBook
from metasymptoms.status import checked_phrase, status_line
from metasymptoms.render.document import (
    Bullets,
    Contents,
    Fields,
    Heading,
    Node,
    Paragraph,
    Table,
    to_html,
    to_markdown,
)

TITLE = "The metasymptoms rule book"


def _where(loaded: LoadedBook, kind: str, item_id: str) -> str:
    location = loaded.where(kind, item_id)
    if location is None:
        return ""
    try:
        file = location.file.relative_to(loaded.folder)
    except ValueError:
        file = location.file
    return f"{file}:{location.line}"


def _sources(loaded: LoadedBook, keys: tuple[str, ...]) -> str:
    return "; ".join(
        f"{key} ({loaded.book.source(key).publisher}, {loaded.book.source(key).title})" for key in keys
    )


def document(loaded: LoadedBook) -> list[Node]:
    book = loaded.book
    refs = references(book)
    nodes: list[Node] = [Heading(1, TITLE), Paragraph(status_line(book), emphasis=True)]
    if book.info is not None:
        nodes.append(Paragraph(f"{book.info.name}. Intended purpose: {book.info.intended_purpose}"))
    rules_count = sum(len(site.rules) for site in book.sites)
    nodes.append(
        Paragraph(
            f"{len(book.sites)} sites with {rules_count} symptom rules, {len(book.red_flags)} warning signs, "
            f"{len(book.primaries)} primary cancers, {len(book.questions)} questions and {len(book.sources)} sources. "
            "Educational content: it links symptoms to the places cancer commonly spreads, and never diagnoses.",
            emphasis=True,
        )
    )
    nodes.append(
        Contents(
            (
                ("Sites and their symptom rules", "sites"),
                ("Warning signs (red flags)", "red-flags"),
                ("Primary cancers", "primaries"),
                ("The questions", "questions"),
                ("Findings index", "findings"),
                ("Sources", "sources"),
            )
        )
    )

    nodes.append(Heading(2, "Sites and their symptom rules", "sites"))
    for site in book.sites:
        nodes.append(Heading(3, f"{site.name} ({site.id})", f"site-{site.id}"))
        nodes.append(Paragraph(site.about))
        spread_from = [
            book.primary(ref_id).name for kind, ref_id in refs.get(("site", site.id), []) if kind == "primary"
        ]
        nodes.append(
            Fields(
                (
                    ("How spread here is usually found", site.how_found),
                    ("Cancers that commonly spread here", join_words(spread_from) or "none listed"),
                    ("Sources", _sources(loaded, site.sources)),
                    ("File", _where(loaded, "site", site.id)),
                )
            )
        )
        for rule in site.rules:
            nodes.append(Heading(4, f"Rule {rule.id}", f"rule-{rule.id}"))
            nodes.append(
                Fields(
                    (
                        ("When", condition_sentence(book, rule.when)),
                        ("Urgency", rule.urgency.value if rule.urgency else "raises none of its own"),
                        ("Why", rule.why),
                        ("Sources", _sources(loaded, rule.sources)),
                        ("Checked", f"{checked_phrase(rule.checked)} ({_where(loaded, 'rule', rule.id)})"),
                    )
                )
            )

    nodes.append(Heading(2, "Warning signs (red flags)", "red-flags"))
    nodes.append(
        Paragraph("Checked first and after every answer. Emergencies interrupt the questions at once.")
    )
    for flag in book.red_flags:
        nodes.append(Heading(3, f"{flag.title} ({flag.urgency.value})", f"red-flag-{flag.id}"))
        pairs = [
            ("Id", flag.id),
            ("When", condition_sentence(book, flag.when)),
            ("Urgency", flag.urgency.value),
            ("Advice", flag.advice),
        ]
        if flag.explain:
            pairs.append(("Explanation", flag.explain))
        pairs += [
            ("Sources", _sources(loaded, flag.sources)),
            ("Checked", f"{checked_phrase(flag.checked)} ({_where(loaded, 'red_flag', flag.id)})"),
        ]
        nodes.append(Fields(tuple(pairs)))

    nodes.append(Heading(2, "Primary cancers", "primaries"))
    nodes.append(Paragraph("Sites are listed in alphabetical order: the sources do not rank them."))
    nodes.append(
        Table(
            ("Cancer", "Commonly spreads to", "Note", "Sources"),
            tuple(
                (
                    p.name,
                    join_words(book.site(s).name for s in p.common_sites),
                    p.note or "",
                    ", ".join(p.sources),
                )
                for p in book.primaries
            ),
        )
    )

    nodes.append(Heading(2, "The questions", "questions"))
    for section in book.sections:
        nodes.append(Heading(3, section.title, f"section-{section.id}"))
        if section.intro:
            nodes.append(Paragraph(section.intro))
        lines = []
        for question in section.questions:
            line = f"{question.text} [{question.finding}]"
            if question.ask_if is not None:
                line += f" Asked only if: {condition_sentence(book, question.ask_if)}."
            lines.append(line)
        nodes.append(Bullets(tuple(lines)))

    nodes.append(Heading(2, "Findings index", "findings"))
    rows = []
    for finding in book.findings:
        users = [
            ref_id for kind, ref_id in refs.get(("finding", finding.id), []) if kind in ("red_flag", "rule")
        ]
        kind = (
            "choice: " + ", ".join(c.value for c in finding.choices) if finding.type == "choice" else "yes/no"
        )
        rows.append((finding.id, finding.label, kind, ", ".join(users) or "asked only"))
    nodes.append(Table(("Id", "Plain words", "Answer", "Used by"), tuple(rows)))

    nodes.append(Heading(2, "Sources", "sources"))
    nodes.append(
        Table(
            ("Key", "Publisher", "Title", "Web address", "Page reviewed", "Read by us"),
            tuple(
                (
                    s.id,
                    s.publisher,
                    f"{s.title} ({s.note})" if s.note else s.title,
                    s.url,
                    s.reviewed.isoformat() if s.reviewed else "",
                    s.accessed.isoformat() if s.accessed else "",
                )
                for s in book.sources
            ),
        )
    )
    return nodes


def rulebook_markdown(loaded: LoadedBook) -> str:
    return to_markdown(document(loaded))


def rulebook_html(loaded: LoadedBook) -> str:
    return to_html(document(loaded), TITLE)
