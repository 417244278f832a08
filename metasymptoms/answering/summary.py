"""What a clinician reads first in a saved summary: when it was made, with which rule book,
the urgency shown, the warning signs, and every question asked with its answer ("no"
included), and which were not asked. One place for the markdown, HTML and JSON summaries.
"""

from __future__ import annotations

import datetime

from metasymptoms.core.engine import Assessment
from metasymptoms.core.explain import URGENCY_HEADINGS, answer_text
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.record import record

# How a warning sign's urgency reads to a person: the engine's words ("prompt") never do.
URGENCY_LABELS = {
    Urgency.EMERGENCY: "EMERGENCY",
    Urgency.URGENT: "Urgent",
    Urgency.PROMPT: "See a provider within days",
    Urgency.ROUTINE: "At your next visit",
}


@record
class AskedQuestion:
    finding: str
    question: str
    answer: Answer | None  # None: not asked
    answer_text: str  # as the screen shows it: "Yes", "No", "Not sure", a choice's words, a number


@record
class WarningSign:
    title: str
    urgency: Urgency
    reported: tuple[str, ...]  # the answers it rests on, in plain words


@record
class ClinicianSummary:
    made: datetime.datetime
    rule_book_version: str
    urgency: Urgency
    urgency_heading: str
    warning_signs: tuple[WarningSign, ...]
    reported: tuple[str, ...]  # the symptoms answered "yes", in plain words
    not_sure: tuple[str, ...]  # the questions answered "not sure", in plain words
    asked: tuple[AskedQuestion, ...]
    not_asked: tuple[AskedQuestion, ...]  # answer None: skipped by the questions' logic, or never reached


def rule_book_version(book: RuleBook) -> str:
    """The rule book's version and review status, in the one calm line every output shows."""
    from metasymptoms.core.status import status_line

    return status_line(book)


def now() -> datetime.datetime:
    """The local time with its offset from UTC, to the second."""
    return datetime.datetime.now().astimezone().replace(microsecond=0)


def plain_answer(book: RuleBook, finding_id: str, value: Answer | None) -> str:
    """An answer in words a call handler or a clinician reads as a sentence: a symptom's own
    words, marked when the person was not sure; otherwise the question's label and the answer
    as the screen shows it (answer_text)."""
    finding = book.finding(finding_id)
    if finding.type == "yes_no" and value is True:
        return finding.label
    if finding.type == "yes_no" and value == UNSURE:
        return f"{finding.label} (not sure)"
    if finding.role == "cancer_history" and value is not None:
        return answer_text(book, finding_id, value)  # its choices are the person's own words
    if finding.role == "primary_cancer" and value in {primary.id for primary in book.primaries}:
        return book.primary(str(value)).name
    return f"{finding.label}: {answer_text(book, finding_id, value)}"


def clinician_summary(
    book: RuleBook, assessment: Assessment, made: datetime.datetime | None = None
) -> ClinicianSummary:
    answers = assessment.answers
    asked, not_asked = [], []
    for question in book.questions:
        if question.finding in answers:
            value = answers[question.finding]
            asked.append(
                AskedQuestion(question.finding, question.text, value, answer_text(book, question.finding, value))
            )
        else:
            not_asked.append(AskedQuestion(question.finding, question.text, None, "not asked"))
    signs = tuple(
        WarningSign(
            flag.title,
            flag.urgency,
            tuple(plain_answer(book, finding, answers.get(finding)) for finding in flag.because),
        )
        for flag in assessment.red_flags
    )
    return ClinicianSummary(
        made=made or now(),
        rule_book_version=rule_book_version(book),
        urgency=assessment.urgency,
        urgency_heading=URGENCY_HEADINGS[assessment.urgency],
        warning_signs=signs,
        reported=tuple(book.finding(finding).label for finding in assessment.reported),
        not_sure=tuple(book.finding(finding).label for finding, value in answers.items() if value == UNSURE),
        asked=tuple(asked),
        not_asked=tuple(not_asked),
    )


def when_text(made: datetime.datetime) -> str:
    """'25 November 2026, 14:03 (UTC+01:00)': unambiguous in every country."""
    offset = made.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "local time"
    return f"{made.day} {made:%B %Y}, {made:%H:%M} ({zone})"


def warning_sign_text(sign: WarningSign) -> tuple[str, str]:
    """A warning sign for the clinician: its urgency label, and its title with the answers
    behind it. Renderers escape and lay out the two parts."""
    return URGENCY_LABELS[sign.urgency], f"{sign.title} ({'; '.join(sign.reported)})"


def symptoms_reported_text(summary: ClinicianSummary) -> str:
    return "; ".join(summary.reported) if summary.reported else "none of the symptoms asked about"
