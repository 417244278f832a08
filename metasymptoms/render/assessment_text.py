"""The assessment as plain text for a terminal or a screen reader, and as markdown.

Both carry the same content in the same order, for a worried person: urgency first, the
warning signs' advice, then the sites with their reasons, what a provider may do, questions
to ask, the emergency signs, the disclaimer and the sources.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from metasymptoms.status import status_line
from metasymptoms.engine import Assessment
from metasymptoms.explain import URGENCY_HEADINGS, answer_phrase, because_sentence, join_words
from metasymptoms.model import RuleBook, Urgency
from metasymptoms.render.escape import markdown as _md

WIDTH = 78


@dataclass(frozen=True)
class Block:
    """One part of the result: a heading, paragraphs, and bullet items."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    level: int = 2


def blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """The result's content, in order, independent of how it is laid out."""
    guidance = book.guidance
    answers = assessment.answers
    out: list[Block] = []

    out.append(Block(URGENCY_HEADINGS[assessment.urgency], (assessment.advice,), level=2))

    for flag in assessment.red_flags:
        reason = because_sentence(book, flag.because, answers)
        if flag.urgency.rank < assessment.urgency.rank:
            # Its own timing ("within days") would read as softening the more urgent advice
            # above; the sign is still named, with its reasons.
            out.append(Block(f"Also tell them about: {flag.title}", (reason,), level=3))
            continue
        label = "EMERGENCY" if flag.urgency is Urgency.EMERGENCY else flag.urgency.value.capitalize()
        out.append(Block(f"{label}: {flag.title}", (flag.advice, reason), level=3))

    framing = {
        "with_cancer": guidance.with_cancer,
        "without_cancer": guidance.without_cancer,
        "unsure": guidance.unsure_cancer,
    }[assessment.audience]
    if assessment.sites:
        heading = (
            "Where these symptoms can point to"
            if assessment.audience == "with_cancer"
            else "Symptoms a provider may want to check"
        )
        out.append(Block(heading, (framing,)))
        for site in assessment.sites:
            paragraphs = []
            for rule in site.rules:
                paragraphs.append(f"{because_sentence(book, rule.because, answers)} {rule.why}")
            out.append(Block(site.name, tuple(dict.fromkeys(paragraphs)), level=3))
        out.append(Block("Other causes are common", (guidance.common_causes,), level=3))
    else:
        reported = [finding for finding in assessment.reported]
        opening = (
            guidance.nothing_reported
            if not reported
            else ("Your answers do not match the symptom patterns this tool links to a site of spread.")
        )
        out.append(Block("What your answers point to", (opening, framing)))

    if assessment.primary_cancer:
        primary = assessment.primary_cancer
        names = [book.site(site_id).name for site_id in primary.common_sites]
        paragraphs = (
            [f"{primary.name} most commonly spreads to: {join_words(names)} (listed in no particular order)."]
            if names
            else []
        )
        if primary.note:
            paragraphs.append(primary.note)
        paragraphs.append(guidance.survival_note)
        heading = f"About {primary.name.lower()}" if names else "About your cancer"
        out.append(Block(heading, tuple(paragraphs)))

    out.append(Block("What a provider may do", (guidance.treatment,), guidance.provider_tests))
    out.append(Block("Questions you may want to ask", (), guidance.questions_to_ask))
    out.append(Block("Support", (guidance.support,)))
    out.append(
        Block(
            "Call your local emergency number (911 / 999 / 112) straight away if you notice",
            (),
            guidance.emergency_signs,
        )
    )
    out.append(Block("This is not a diagnosis", (guidance.not_a_diagnosis, guidance.purpose)))
    sources = []
    for key in assessment.sources:
        source = book.source(key)
        sources.append(f'[{key}] {source.publisher}, "{source.title}", {source.url}')
    out.append(Block("Sources", (), tuple(sources)))
    return out


def render_text(book: RuleBook, assessment: Assessment) -> str:
    """Plain text: no colour, no escape sequences; reads well aloud and in a pipe."""
    lines = ["metasymptoms: what your answers point to", ""]
    for block in blocks(book, assessment):
        heading = block.heading.upper() if block.level == 2 else block.heading
        lines.append(heading)
        if block.level == 2:
            lines.append("=" * min(len(heading), WIDTH))
        for paragraph in block.paragraphs:
            if paragraph:
                lines.extend(textwrap.wrap(paragraph, WIDTH))
                lines.append("")
        for item in block.items:
            # Never break inside a word: a source's web address must stay whole to be copied.
            lines.extend(
                textwrap.wrap(
                    item,
                    WIDTH,
                    initial_indent="  - ",
                    subsequent_indent="    ",
                    break_long_words=False,
                    break_on_hyphens=False,
                )
            )
        if block.items:
            lines.append("")
        if not block.paragraphs and not block.items:
            lines.append("")
    lines.extend(textwrap.wrap(status_line(book), WIDTH))  # last: the urgency stays first
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(book: RuleBook, assessment: Assessment) -> str:
    """A summary a person can print or show at an appointment."""
    lines = [
        "# metasymptoms: summary to bring to your appointment",
        "",
        "_Educational summary, not a diagnosis._",
        "",
    ]
    reported = [book.finding(finding).label for finding in assessment.reported]
    context = [
        f"{book.finding(key).label}: {answer_phrase(book, key, value)}"
        for key, value in assessment.answers.items()
        if isinstance(value, str)
    ]
    lines.append("## What I reported")
    lines.append("")
    for item in context + (reported or ["none of the symptoms asked about"]):
        lines.append(f"- {_md(item)}")
    lines.append("")
    for block in blocks(book, assessment):
        lines.append(f"{'#' * block.level} {_md(block.heading)}")
        lines.append("")
        for paragraph in block.paragraphs:
            if paragraph:
                lines.append(_md(paragraph))
                lines.append("")
        for item in block.items:
            lines.append(f"- {_md(item)}")
        if block.items:
            lines.append("")
    lines.append(f"_{_md(status_line(book))}_")
    return "\n".join(lines).rstrip() + "\n"
