"""The assessment as a printable HTML summary: one self-contained file (no scripts, no
fonts, nothing fetched), laid out for A4 or Letter paper by its print CSS.

First a short part for the clinician (when, which rule book, the urgency, the warning signs,
every question asked with its answer, which were not asked); then the person's explanation,
the same content as the text and markdown formats; the sources with their web addresses.
"""

from __future__ import annotations

import datetime

from metasymptoms.answering.result import result
from metasymptoms.answering.summary import (
    clinician_summary,
    not_answered_lines,
    reported_facts,
    summary_title,
    when_text,
)
from metasymptoms.core.engine import Assessment
from metasymptoms.core.model import RuleBook


def cited_sources(book: RuleBook, assessment: Assessment) -> list[dict[str, str]]:
    """The sources the result cites, as every page lists them (the macro `source_item`): the
    printable summary here, the result page (web/result.py)."""
    return [
        {
            "key": key,
            "publisher": book.source(key).publisher,
            "title": book.source(key).title,
            "url": book.source(key).url,
        }
        for key in assessment.sources
    ]


def render_html(book: RuleBook, assessment: Assessment, made: datetime.datetime | None = None) -> str:
    """The summary page, from the same templates and stylesheet as the served pages (the
    stylesheet inside the file, so it stays one self-contained file)."""
    from metasymptoms.core.templates import render

    summary = clinician_summary(book, assessment, made)
    return render(
        "summary.html",
        {
            "saved": True,
            "when": when_text(summary),
            "title": summary_title(summary),
            "summary": summary,
            "facts": reported_facts(summary),
            "not_answered": not_answered_lines(summary) if summary.not_answered else [],
            "skipped_note": summary.words.did_not_apply
            if any(item.did_not_apply for item in summary.not_asked)
            else "",
            "blocks": result(book, assessment).blocks(),
            "sources": cited_sources(book, assessment),
        },
    )
