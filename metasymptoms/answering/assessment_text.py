"""The assessment as plain text for a terminal or a screen reader, and as markdown.

Both lay out the result's parts (result.py) in its order: how soon and the warning signs'
advice first, then the rest, and at the very end how soon and what to do, again.
"""

from __future__ import annotations

import datetime

from metasymptoms.answering.prompter import wrap
from metasymptoms.answering.result import Block, result
from metasymptoms.answering.summary import (
    clinician_summary,
    not_answered_lines,
    reported_facts,
    summary_title,
    when_text,
)
from metasymptoms.core.engine import Assessment
from metasymptoms.core.escape import markdown as _md
from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import filled
from metasymptoms.core.status import status_line

WIDTH = 78  # a file, a pipe, or a terminal at least this wide


def render_text(book: RuleBook, assessment: Assessment, width: int = WIDTH) -> str:
    """Plain text: no colour, no escape sequences; reads well aloud and in a pipe. Lines break
    at word boundaries, never inside a web address or between a number and its unit. `width`:
    narrower for a narrower terminal, so no line wraps in the middle of a word there."""
    parts = result(book, assessment)
    lines = [book.guidance.wording.result.title, ""]
    for block in [*parts.first, *parts.more]:
        lines += _text_block(block, width)
    lines += wrap(status_line(book), width)
    lines.append("")
    lines += _text_block(parts.ending, width)  # last: how soon and what to do
    return "\n".join(lines).rstrip() + "\n"


def _text_block(block: Block, width: int) -> list[str]:
    heading = block.heading.upper() if block.level == 2 else block.heading
    lines = wrap(heading, width)
    if block.level == 2:
        lines.append("=" * min(max(map(len, lines)), width))
    for paragraph in block.paragraphs:
        if paragraph:
            lines += wrap(paragraph, width)
            lines.append("")
    for item in block.items:
        lines += wrap(item, width, indent="    ", first="  - ")
    if block.items:
        lines.append("")
    if not block.paragraphs and not block.items:
        lines.append("")
    return lines


def render_markdown(book: RuleBook, assessment: Assessment, made: datetime.datetime | None = None) -> str:
    """A summary a person can print or show at an appointment: first a short part for the
    clinician, then the person's own explanation. Reads well in a text editor too."""
    summary = clinician_summary(book, assessment, made)
    words = summary.words
    lines = [
        f"# metasymptoms: {_md(summary_title(summary).lower())}",
        "",
        _md(filled(words.made, when=when_text(summary))),
        "",
        f"## {_md(words.for_clinician)}",
        "",
        f"- {_md(words.made_label)}: {when_text(summary)}",
        f"- {_md(words.rule_book)}: {_md(summary.rule_book_version)}",
        f"- {_md(words.urgency_shown)}: {_md(summary.urgency_heading)}",
    ]
    for heading, value in reported_facts(summary):
        if isinstance(value, str):
            lines.append(f"- {_md(heading)}: {_md(value)}")
        else:
            lines.append(f"- {_md(heading)}:")
            lines += [f"  - {_md(label)}: {_md(text)}" for label, text in value]
    lines += ["", f"### {_md(words.every_question)}", ""]
    for number, item in enumerate(summary.asked, start=1):
        lines.append(f"{number}. {_md(item.question)} **{_md(item.answer_text)}**")
    if not summary.asked:
        lines.append(_md(words.no_questions))
    lines.append("")
    if summary.not_answered:
        lines += [_md(words.not_answered), ""]
        lines += [f"- {_md(line)}" for line in not_answered_lines(summary)]
        lines.append("")
    if any(item.did_not_apply for item in summary.not_asked):
        lines += [_md(words.did_not_apply), ""]
    parts = result(book, assessment)
    lines += [f"## {_md(words.for_you)}", ""]
    for block in [*parts.first, *parts.more]:
        lines += _markdown_block(block)
    lines += [f"_{_md(status_line(book))}_", ""]
    lines += _markdown_block(parts.ending)  # last: how soon and what to do
    return "\n".join(lines).rstrip() + "\n"


def _markdown_block(block: Block) -> list[str]:
    lines = [f"{'#' * (block.level + 1)} {_md(block.heading)}", ""]
    for paragraph in block.paragraphs:
        if paragraph:
            lines += [_md(paragraph), ""]
    lines += [f"- {_md(bullet)}" for bullet in block.items]
    if block.items:
        lines.append("")
    return lines
