"""The rule book as a document for review: its version and status first, contents per site
and per red flag, every id a link (what it uses, what uses it, its sources), the sources with
their web addresses and dates, and the hazard log with each control's current result.

Written as Markdown here; as a web page by web/review.py, from the web's templates."""

from __future__ import annotations

from metasymptoms.core.conditions import Condition, findings_in
from metasymptoms.core.explain import condition_sentence
from metasymptoms.core.for_whom import sign_line
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.model import RuleBook, Site
from metasymptoms.core.status import status_line
from metasymptoms.reviewing.document import (
    Bullets,
    Contents,
    Fields,
    Group,
    Heading,
    Link,
    Node,
    Paragraph,
    Rich,
    Table,
    Target,
    to_markdown,
)
from metasymptoms.reviewing.in_english import checked_phrase, join_words, source_notes
from metasymptoms.reviewing.index import Ref, references

TITLE = "The metasymptoms rule book"
ANCHOR = {
    "site": "site-{}",
    "rule": "rule-{}",
    "red_flag": "red-flag-{}",
    "finding": "finding-{}",
    "source": "source-{}",
    "primary": "primaries",
    "question": "question-{}",
    "section": "section-{}",
    "guidance": "sources",
}


def anchor(kind: str, item_id: str) -> str:
    return ANCHOR[kind].format(item_id)


def link(kind: str, item_id: str, text: str | None = None) -> Link:
    return Link(text or item_id, "#" + anchor(kind, item_id))


def _links(refs: list[tuple[str, str]], empty: str = "none") -> Rich:
    """Links separated by commas, e.g. the red flags and rules that use a finding."""
    parts: list[str | Link] = []
    for kind, item_id in refs:
        if parts:
            parts.append(", ")
        parts.append(link(kind, item_id))
    return tuple(parts) if parts else empty


def _where(loaded: LoadedBook, kind: str, item_id: str) -> str:
    location = loaded.where(kind, item_id)
    if location is None:
        return ""
    try:
        file = location.file.relative_to(loaded.folder)
    except ValueError:
        file = location.file
    return f"{file}:{location.line}"


def _sources(keys: tuple[str, ...]) -> Rich:
    return _links([("source", key) for key in keys])


def _uses(condition: Condition) -> Rich:
    return _links([("finding", finding) for finding in dict.fromkeys(findings_in(condition))])


def document(loaded: LoadedBook, hazards: bool = True) -> list[Node]:
    book = loaded.book
    refs = references(book)
    log = _hazard_log(loaded) if hazards else None
    nodes = _front(book)
    nodes.append(_contents(book, log is not None))
    nodes += _sites(loaded, refs)
    nodes += _red_flags(loaded)
    nodes += _primaries(book)
    nodes += _questions(book)
    nodes += _findings(book, refs)
    nodes += _sources_section(book, refs)
    if log is not None:
        nodes += log
    return nodes


def _front(book: RuleBook) -> list[Node]:
    """The title, the status, the version and its sign-offs, and what the book holds."""
    nodes: list[Node] = [Heading(1, TITLE), Paragraph(status_line(book), status=True)]
    if book.info is not None:
        nodes.append(
            Paragraph(
                f"{book.info.name}, version {book.info.version}. Intended purpose: {book.info.intended_purpose}"
            )
        )
        for record in book.info.sign_offs:
            nodes.append(
                Paragraph(
                    f"Signed off: version {record.version} by {record.name} ({record.role}) on {record.date.isoformat()}."
                )
            )
    rules_count = sum(len(site.rules) for site in book.sites)
    nodes.append(
        Paragraph(
            f"{len(book.sites)} sites with {rules_count} symptom rules, {len(book.red_flags)} warning signs, "
            f"{len(book.primaries)} primary cancers, {len(book.questions)} questions and {len(book.sources)} sources. "
            "Educational content: it links symptoms to the places cancer commonly spreads, and never diagnoses.",
            emphasis=True,
        )
    )
    return nodes


def _contents(book: RuleBook, with_hazard_log: bool) -> Contents:
    contents: list[tuple[str, str] | tuple[str, str, int]] = [("Sites and their symptom rules", "sites")]
    contents += [(f"{site.name} ({site.id})", anchor("site", site.id), 1) for site in book.sites]
    contents.append(("Warning signs (red flags)", "red-flags"))
    contents += [
        (sign_line(book, flag, flag.urgency.value), anchor("red_flag", flag.id), 1) for flag in book.red_flags
    ]
    contents += [
        ("Primary cancers", "primaries"),
        ("The questions", "questions"),
        ("Findings index", "findings"),
        ("Sources", "sources"),
    ]
    if with_hazard_log:
        contents.append(("Hazard log", "hazards"))
    return Contents(tuple(contents))


def _sites(loaded: LoadedBook, refs: dict[Ref, list[Ref]]) -> list[Node]:
    nodes: list[Node] = [Heading(2, "Sites and their symptom rules", "sites")]
    return nodes + [_site(loaded, refs, site) for site in loaded.book.sites]


def _site(loaded: LoadedBook, refs: dict[Ref, list[Ref]], site: Site) -> Group:
    """One site: what it is, how spread there is found, and each of its rules."""
    book = loaded.book
    group: list[Node] = [
        Heading(3, f"{site.name} ({site.id})", anchor("site", site.id)),
        Paragraph(site.about),
    ]
    spread_from = [ref for ref in refs.get(("site", site.id), []) if ref[0] == "primary"]
    red_flags = [("red_flag", flag.id) for flag in book.red_flags if site.id in flag.sites]
    group.append(
        Fields(
            (
                ("How spread here is usually found", site.how_found),
                (
                    "Cancers that commonly spread here",
                    join_words(book.primary(i).name for _, i in spread_from) or "none listed",
                ),
                ("Rules", _links([("rule", rule.id) for rule in site.rules])),
                ("Warning signs that belong with it", _links(red_flags)),
                ("Sources", _sources(site.sources)),
                ("File", _where(loaded, "site", site.id)),
            )
        )
    )
    for rule in site.rules:
        group.append(Heading(4, f"Rule {rule.id}", anchor("rule", rule.id)))
        group.append(
            Fields(
                (
                    ("When", condition_sentence(book, rule.when)),
                    ("Uses", _uses(rule.when)),
                    ("Urgency", rule.urgency.value if rule.urgency else "raises none of its own"),
                    ("Why", rule.why),
                    ("Sources", _sources(rule.sources)),
                    ("Checked", f"{checked_phrase(rule.checked)} ({_where(loaded, 'rule', rule.id)})"),
                )
            )
        )
    return Group(tuple(group))


def _red_flags(loaded: LoadedBook) -> list[Node]:
    book = loaded.book
    nodes: list[Node] = [
        Heading(2, "Warning signs (red flags)", "red-flags"),
        Paragraph("Checked first and after every answer. Emergencies interrupt the questions at once."),
    ]
    for flag in book.red_flags:
        pairs: list[tuple[str, Rich]] = [
            ("Id", (link("red_flag", flag.id),)),
            ("When", condition_sentence(book, flag.when)),
            ("Uses", _uses(flag.when)),
            ("Urgency", flag.urgency.value),
            ("Advice", flag.advice),
        ]
        if flag.explain:
            pairs.append(("Explanation", flag.explain))
        if flag.sites:
            pairs.append(("Sites", _links([("site", site_id) for site_id in flag.sites])))
        if flag.covers:  # shown with this one and not more urgent, they are told in its card
            pairs.append(("Tells within its card", _links([("red_flag", other) for other in flag.covers])))
        pairs += [
            ("Sources", _sources(flag.sources)),
            ("Checked", f"{checked_phrase(flag.checked)} ({_where(loaded, 'red_flag', flag.id)})"),
        ]
        # Two signs with one title (twins) say whom each is for, or the contents list one twice.
        heading = Heading(3, sign_line(book, flag, flag.urgency.value), anchor("red_flag", flag.id))
        nodes.append(Group((heading, Fields(tuple(pairs)))))
    return nodes


def _primaries(book: RuleBook) -> list[Node]:
    return [
        Heading(2, "Primary cancers", "primaries"),
        Paragraph("Sites are listed in alphabetical order: the sources do not rank them."),
        Table(
            ("Cancer", "Commonly spreads to", "Note", "Sources"),
            tuple(
                (
                    p.name,
                    _links([("site", s) for s in p.common_sites]),
                    p.note or "",
                    _sources(p.sources),
                )
                for p in book.primaries
            ),
        ),
    ]


def _questions(book: RuleBook) -> list[Node]:
    nodes: list[Node] = [Heading(2, "The questions", "questions")]
    for section in book.sections:
        nodes.append(Heading(3, section.title, anchor("section", section.id)))
        if section.intro:
            nodes.append(Paragraph(section.intro))
        lines = []
        for question in section.questions:
            line = f"{question.text} [{question.finding}]"
            if question.ask_if is not None:
                line += f" Asked only if: {condition_sentence(book, question.ask_if)}."
            lines.append(line)
        nodes.append(Bullets(tuple(lines)))
    return nodes


def _findings(book: RuleBook, refs: dict[Ref, list[Ref]]) -> list[Node]:
    rows = []
    for finding in book.findings:
        users = [ref for ref in refs.get(("finding", finding.id), []) if ref[0] in ("red_flag", "rule")]
        kind = kind_of(finding).describe(finding)
        rows.append(
            (
                (Target(finding.id, anchor("finding", finding.id)),),
                finding.label,
                kind,
                _links(users, "asked only"),
            )
        )
    return [
        Heading(2, "Findings index", "findings"),
        Table(("Id", "Plain words", "Answer", "Used by"), tuple(rows)),
    ]


def _sources_section(book: RuleBook, refs: dict[Ref, list[Ref]]) -> list[Node]:
    nodes: list[Node] = [
        Heading(2, "Sources", "sources"),
        Paragraph(
            "Page reviewed is the page's own last-reviewed date, where it states one; read by us is "
            "the day its text was read. A date the page does not give is left out, never guessed."
        ),
    ]
    for source in book.sources:
        pairs: list[tuple[str, Rich]] = [
            ("Publisher", source.publisher),
            ("Web address", (Link(source.url, source.url),)),
            *source_notes(source),
            ("Cited by", _cited_by(refs.get(("source", source.id), []))),
        ]
        heading = Heading(3, f"{source.id}: {source.title}", anchor("source", source.id))
        nodes.append(Group((heading, Fields(tuple(pairs)))))
    return nodes


def _cited_by(users: list[Ref]) -> Rich:
    """The items citing a source, with the guidance named last in words (it has no entry)."""
    cited = [ref for ref in users if ref[0] != "guidance"]
    if ("guidance", "guidance") in users:
        return (*(_links(cited, "") if cited else ()), ", the guidance" if cited else "the guidance")
    return _links(cited, "nothing")


def _hazard_log(loaded: LoadedBook) -> list[Node] | None:
    from metasymptoms.reviewing.hazards import control_results, load_log

    found = load_log(loaded.folder)[0]
    if found is None:
        return None
    results = control_results(loaded, found.log)
    nodes: list[Node] = [
        Heading(2, "Hazard log", "hazards"),
        Paragraph(
            "What could harm a person using this rule book, and the controls that guard it, with "
            "each control's result on this version (verify: proved over every path; check: rules "
            "check; scenario: the scenario's expected outcome; diff: rules diff against the last "
            "released book that book.yaml names, failing on an undeclared lowered urgency)."
        ),
    ]
    rows = []
    for hazard in found.log.hazards:
        controls = "; ".join(
            f"{control.kind} {control.name}: {results[control.kind, control.name]}"
            for control in hazard.controls
        )
        rows.append((f"{hazard.hazard} ({hazard.id})", hazard.severity, hazard.cause, controls))
    nodes.append(Table(("Hazard", "Severity", "Cause", "Controls and their results"), tuple(rows)))
    return nodes


def rulebook_markdown(loaded: LoadedBook) -> str:
    return to_markdown(document(loaded))
