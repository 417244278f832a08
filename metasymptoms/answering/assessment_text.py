"""The assessment as plain text for a terminal or a screen reader, and as markdown.

Both carry the same content in the same order, for a worried person: urgency first, the
warning signs' advice, then the sites with their reasons, what a provider may do, questions
to ask, the emergency signs, the disclaimer and the sources.
"""

from __future__ import annotations

import datetime
import textwrap

from metasymptoms.answering.emergency import shown_number
from metasymptoms.answering.prompter import wrap
from metasymptoms.answering.summary import (
    SKIPPED_NOTE,
    URGENCY_LABELS,
    clinician_summary,
    not_answered_lines,
    reported_facts,
    summary_title,
    when_text,
)
from metasymptoms.core.engine import Assessment
from metasymptoms.core.escape import markdown as _md
from metasymptoms.core.explain import URGENCY_HEADINGS, because_sentence, join_words
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.record import record
from metasymptoms.core.status import status_line

WIDTH = 78


@record
class Block:
    """One part of the result: a heading, paragraphs, and bullet items."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    level: int = 2
    role: str = ""  # "emergency" (drawn to stand out) or "sources" (linked in HTML)


def blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """The result's content, in order, independent of how it is laid out."""
    return [
        _urgency_block(assessment),
        *_warning_sign_blocks(book, assessment),
        *_unsure_blocks(book, assessment),
        *_pointed_to_blocks(book, assessment),
        *_primary_cancer_blocks(book, assessment),
        *_next_step_blocks(book, assessment),
        Block(
            f"Call your local emergency number ({shown_number(book)}) straight away if you notice",
            (),
            book.guidance.emergency_signs,
        ),
        # The heading does not repeat the paragraph's first words ("This is not a diagnosis.").
        # The tool's purpose names where cancer spreads: not at the end of a result for a
        # person with no diagnosis (they read it once, before the first question).
        Block(
            "What this tool can and cannot do",
            (book.guidance.not_a_diagnosis,)
            + ((book.guidance.purpose,) if assessment.audience == "with_cancer" else ()),
        ),
        _sources_block(book, assessment),
    ]


def _urgency_block(assessment: Assessment) -> Block:
    return Block(
        URGENCY_HEADINGS[assessment.urgency],
        (assessment.advice,),
        level=2,
        role="emergency" if assessment.urgency is Urgency.EMERGENCY else "",
    )


def _warning_sign_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    out: list[Block] = []
    for flag in assessment.red_flags:
        reason = because_sentence(book, flag.because, assessment.answers)
        if flag.urgency.rank < assessment.urgency.rank:
            # Its own timing ("within days") would read as softening the more urgent advice
            # above; the sign is still named, with its reasons.
            out.append(Block(f"Also tell them about: {flag.title}", (reason,), level=3))
            continue
        role = "emergency" if flag.urgency is Urgency.EMERGENCY else ""
        out.append(
            Block(f"{URGENCY_LABELS[flag.urgency]}: {flag.title}", (flag.advice, reason), level=3, role=role)
        )
    return out


def _unsure_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    if not assessment.unsure:
        return []
    names = [book.finding(finding).label for finding in assessment.unsure]
    return [
        Block(
            "Answers you were not sure about",
            (
                f"You were not sure about {join_words(names)}. Each is read the safer way: as "
                "if it might be there. Tell your provider you were not sure.",
            ),
            level=3,
        )
    ]


def _framing(book: RuleBook, assessment: Assessment) -> str:
    guidance = book.guidance
    return {
        "with_cancer": guidance.with_cancer,
        "without_cancer": guidance.without_cancer,
        "unsure": guidance.unsure_cancer,
    }[assessment.audience]


def _pointed_to_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """The sites with the person's reasons, or that the answers match no pattern."""
    emergency = assessment.urgency is Urgency.EMERGENCY
    if not assessment.sites:
        # In an emergency the warning signs above are what the answers point to.
        return [] if emergency else [_nothing_matched_block(book, assessment, _framing(book, assessment))]
    # Nothing that reads as routine or reassuring follows emergency advice: no framing ("keep
    # your follow-up appointments", "they often have common causes") and no explanation ("most
    # back pain has other causes"), only the person's own reasons. Without a cancer diagnosis,
    # spread is never the explanation of a symptom: only rules written for everyone explain.
    framing = "" if emergency else _framing(book, assessment)
    with_cancer = assessment.audience == "with_cancer"
    heading = "Where these symptoms can point to" if with_cancer else "Symptoms a provider may want to check"
    out = [Block(heading, (framing,) if framing else ())]
    for site in assessment.sites:
        reasons = []
        for rule in site.rules:
            because = because_sentence(book, rule.because, assessment.answers)
            explains = not emergency and (with_cancer or rule.why_for_everyone)
            reasons.append(f"{because} {rule.why}".strip() if explains else because)
        out.append(Block(site.name, tuple(reason for reason in dict.fromkeys(reasons) if reason), level=3))
    if not emergency:
        out.append(Block("Other causes are common", (book.guidance.common_causes,), level=3))
    return out


def _nothing_matched_block(book: RuleBook, assessment: Assessment, framing: str) -> Block:
    said_something = (
        assessment.reported
        or assessment.unsure
        or any(isinstance(value, float) for value in assessment.answers.values())
    )
    opening = (
        "Your answers do not match the symptom patterns this tool looks for."
        if said_something
        else book.guidance.nothing_reported
    )
    return Block("What your answers point to", tuple(text for text in (opening, framing) if text))


def _primary_cancer_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    primary = assessment.primary_cancer
    if not primary:
        return []
    names = [book.site(site_id).name for site_id in primary.common_sites]
    paragraphs = (
        [f"{primary.name} most commonly spreads to: {join_words(names)} (listed in no particular order)."]
        if names
        else []
    )
    if primary.note:
        paragraphs.append(primary.note)
    if assessment.outlook:
        paragraphs.append(book.guidance.survival_note)
    heading = f"About {primary.name.lower()}" if names else "About your cancer"
    return [Block(heading, tuple(paragraphs))]


def _next_step_blocks(book: RuleBook, assessment: Assessment) -> list[Block]:
    """What a provider may do, questions to ask, and support, for the person's audience; none
    in an emergency (questions for an appointment and "waiting can be worrying" read as
    routine beside advice to get help now)."""
    if assessment.urgency is Urgency.EMERGENCY:
        return []
    guidance = book.guidance
    if assessment.audience != "with_cancer":
        return [
            Block("What a provider may do", (), guidance.without_cancer_tests),
            Block("Questions you may want to ask", (), guidance.without_cancer_questions),
            Block("Support", (guidance.without_cancer_support,)),
        ]
    asked = guidance.questions_to_ask
    if assessment.outlook and guidance.outlook_questions:
        asked = asked[:-1] + guidance.outlook_questions.questions + asked[-1:]
    return [
        Block("What a provider may do", (guidance.treatment,), guidance.provider_tests),
        Block("Questions you may want to ask", (), asked),
        Block("Support", (guidance.support,)),
    ]


def _sources_block(book: RuleBook, assessment: Assessment) -> Block:
    sources = []
    for key in assessment.sources:
        source = book.source(key)
        sources.append(f'[{key}] {source.publisher}, "{source.title}", {source.url}')
    return Block("Sources", sources_not_shown_note(assessment), tuple(sources), role="sources")


def sources_not_shown_note(assessment: Assessment) -> tuple[str, ...]:
    """For a person without a cancer diagnosis: that pages written for people with cancer
    (about spread, palliative care or survival) back some of this too, without their titles."""
    count = len(assessment.sources_not_shown)
    if not count:
        return ()
    pages = "1 more page" if count == 1 else f"{count} more pages"
    return (
        f"The rule book also cites {pages} written for people who have cancer; they are not listed here.",
    )


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
            lines.extend(wrap(item, WIDTH, indent="    ", first="  - "))
        if block.items:
            lines.append("")
        if not block.paragraphs and not block.items:
            lines.append("")
    lines.extend(textwrap.wrap(status_line(book), WIDTH))  # last: the urgency stays first
    return "\n".join(lines).rstrip() + "\n"


def render_markdown(book: RuleBook, assessment: Assessment, made: datetime.datetime | None = None) -> str:
    """A summary a person can print or show at an appointment: first a short part for the
    clinician, then the person's own explanation. Reads well in a text editor too."""
    summary = clinician_summary(book, assessment, made)
    lines = [
        f"# metasymptoms: {summary_title(summary).lower()}",
        "",
        f"Made on {when_text(summary.made)}. Educational summary, not a diagnosis.",
        "",
        "## For the clinician",
        "",
        f"- Made: {when_text(summary.made)}",
        f"- Rule book: {_md(summary.rule_book_version)}",
        f"- Urgency shown: {_md(summary.urgency_heading)}",
    ]
    for heading, value in reported_facts(summary):
        if isinstance(value, str):
            lines.append(f"- {heading}: {_md(value)}")
        else:
            lines.append(f"- {heading}:")
            lines += [f"  - {_md(label)}: {_md(text)}" for label, text in value]
    lines += ["", "### Every question asked, with its answer", ""]
    for number, item in enumerate(summary.asked, start=1):
        lines.append(f"{number}. {_md(item.question)} **{_md(item.answer_text)}**")
    if not summary.asked:
        lines.append("No questions were answered.")
    lines.append("")
    if summary.not_answered:
        lines += ["Not answered:", ""]
        lines += [f"- {_md(line)}" for line in not_answered_lines(summary)]
        lines.append("")
    if any(item.did_not_apply for item in summary.not_asked):
        lines += [_md(SKIPPED_NOTE), ""]
    lines += ["## For you", ""]
    for block in blocks(book, assessment):
        lines.append(f"{'#' * (block.level + 1)} {_md(block.heading)}")
        lines.append("")
        for paragraph in block.paragraphs:
            if paragraph:
                lines.append(_md(paragraph))
                lines.append("")
        for bullet in block.items:
            lines.append(f"- {_md(bullet)}")
        if block.items:
            lines.append("")
    lines.append(f"_{_md(status_line(book))}_")
    return "\n".join(lines).rstrip() + "\n"
