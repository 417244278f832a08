"""What a clinician reads first in a saved summary: when it was made, with which rule book,
the urgency shown, the warning signs, and every question asked with its answer ("no"
included), and which were not asked. One place for the markdown, HTML and JSON summaries.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from metasymptoms.core.engine import Assessment, applicable_questions, reading
from metasymptoms.core.explain import answer_text, implied, implied_text
from metasymptoms.core.guidance import SummaryWording
from metasymptoms.core.kinds import UNSURE, Answer, kind_of, reported
from metasymptoms.core.model import ABOUT_A_CANCER, RuleBook, Section, Urgency
from metasymptoms.core.model_base import filled
from metasymptoms.core.status import status_line
from metasymptoms.core.wording_answers import ListWords


@dataclass(frozen=True)
class AskedQuestion:
    finding: str
    question: str
    answer: Answer | None  # None: not asked
    answer_text: str  # as the screen shows it: "Yes", "No", "Not sure", a choice's words, a number
    did_not_apply: bool = False  # not asked because its skip logic left it out (a follow-up after "No")


@dataclass(frozen=True)
class WarningSign:
    title: str
    urgency: Urgency
    reported: tuple[str, ...]  # the answers it rests on, in plain words
    # How its urgency reads to a person (guidance.yaml `wording.urgency_labels`): the
    # engine's words ("prompt") never do.
    label: str


@dataclass(frozen=True)
class ClinicianSummary:
    made: datetime.datetime
    rule_book_version: str  # the one calm line every output shows (status_line)
    urgency: Urgency
    urgency_heading: str
    warning_signs: tuple[WarningSign, ...]
    reported: tuple[str, ...]  # the symptoms answered "yes" or read as yes, in plain words
    background: tuple[str, ...]  # treatment answered "yes" (never called a symptom)
    not_sure: tuple[str, ...]  # the questions answered "not sure", in plain words
    asked: tuple[AskedQuestion, ...]
    not_asked: tuple[AskedQuestion, ...]  # answer None: skipped by the questions' logic, or never reached
    words: SummaryWording  # its labels, in the book's words (guidance.yaml `wording.summary`)
    lists: ListWords  # what sets its lists' items apart ("; "): they hold commas of their own
    # The questions that applied but have no answer, by section: (title, labels, whether any
    # question of that section was answered).
    not_answered: tuple[tuple[str, tuple[str, ...], bool], ...] = ()


def now() -> datetime.datetime:
    """The local time with its offset from UTC, to the second."""
    return datetime.datetime.now().astimezone().replace(microsecond=0)


def plain_answer(
    book: RuleBook,
    finding_id: str,
    value: Answer | None,
    answers: dict[str, Answer] | None = None,
    beside: tuple[str, ...] = (),
) -> str:
    """An answer in words a call handler or a clinician reads as a sentence: a symptom's own
    words, marked when the person was not sure; a finding read from another answer, with
    that answer (the engine's reading: a measured 38.4 °C is a fever); otherwise the
    question's label and the answer as the screen shows it (answer_text)."""
    finding = book.finding(finding_id)
    found = implied(book, answers, finding_id) if answers is not None and value is not True else None
    if found is not None:  # `beside`: the findings listed with it, which may give the value
        return f"{finding.label}: {implied_text(book, found, with_value=found.source not in beside)}"
    said = kind_of(finding).said(finding, value, book.guidance.wording.answer_words)
    if said is not None:  # a symptom's own words ("new back pain (not sure)")
        return said
    if finding.role == "cancer_history" and value is not None:
        return answer_text(book, finding_id, value)  # its choices are the person's own words
    if finding.role == "primary_cancer" and value in {primary.id for primary in book.primaries}:
        return book.primary(str(value)).name
    return f"{finding.label}: {answer_text(book, finding_id, value)}"


def clinician_summary(
    book: RuleBook, assessment: Assessment, made: datetime.datetime | None = None
) -> ClinicianSummary:
    answers = assessment.answers
    asked, not_asked = _asked_and_not_asked(book, answers, assessment.audience == "with_cancer")
    reported: list[str] = []
    background: list[str] = []
    for finding in _read_as_yes(book, answers):
        if is_a_wish(book, finding):
            continue  # neither a symptom nor a treatment: listed with the questions asked
        found = implied(book, answers, finding)
        # "Which of these" says which: "weakness ... (left leg)"; any other, its label.
        spec = book.finding(finding)
        words = kind_of(spec).phrase(spec, answers.get(finding, True), book.guidance.wording.answer_words)
        words += f" ({implied_text(book, found)})" if found else ""
        (background if is_background(book, finding) else reported).append(words)
    return ClinicianSummary(
        made=made or now(),
        rule_book_version=status_line(book),
        urgency=assessment.urgency,
        urgency_heading=book.guidance.wording.urgency_headings.for_level(assessment.urgency),
        warning_signs=_warning_signs(book, assessment),
        reported=tuple(reported),
        background=tuple(background),
        not_sure=tuple(book.finding(finding).label for finding, value in answers.items() if value == UNSURE),
        asked=tuple(asked),
        not_asked=tuple(not_asked),
        words=book.guidance.wording.summary,
        lists=book.guidance.wording.lists,
        not_answered=_not_answered(book, answers, not_asked),
    )


def _asked_and_not_asked(
    book: RuleBook, answers: dict[str, Answer], with_cancer: bool
) -> tuple[list[AskedQuestion], list[AskedQuestion]]:
    """Every question of the book, in order: answered (with its answer as shown), or not.
    Without a diagnosis, the questions about a cancer are neither: never asked, and an answer
    an answers file gave them changes nothing (a wish for questions about what lies ahead)."""
    words = book.guidance.wording.summary
    applies = {question.finding for question in applicable_questions(book, answers)}
    read = reading(book, answers)  # once, not once a question: a batch reads thousands of files
    asked, not_asked = [], []
    for question in book.questions:
        if not with_cancer and book.finding(question.finding).role in ABOUT_A_CANCER:
            continue
        found = implied(book, answers, question.finding, read)
        if question.finding in answers:
            value = answers[question.finding]
            shown = answer_text(book, question.finding, value)
            if found is not None:  # "No", but read as yes from another answer: say both
                shown = filled(
                    words.read_as, answer=shown, reading=implied_text(book, found, own_answer=False)
                )
            asked.append(AskedQuestion(question.finding, question.text, value, shown))
        elif found is None:  # a finding read from another answer is not missing
            skipped = question.finding not in applies
            not_asked.append(AskedQuestion(question.finding, question.text, None, words.not_asked, skipped))
    return asked, not_asked


def _not_answered(
    book: RuleBook, answers: dict[str, Answer], not_asked: list[AskedQuestion]
) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """The questions that applied but have no answer, by section (see ClinicianSummary)."""
    asked_in: dict[str, Section] = {}
    for section in book.sections:  # the first that asks it, as book.section_of finds
        for question in section.questions:
            asked_in.setdefault(question.finding, section)
    groups: dict[str, list[str]] = {}
    for item in not_asked:
        if not item.did_not_apply and item.finding in asked_in and not is_a_wish(book, item.finding):
            groups.setdefault(asked_in[item.finding].id, []).append(book.finding(item.finding).label)
    return tuple(
        (
            section.title,
            tuple(groups[section.id]),
            any(question.finding in answers for question in section.questions),
        )
        for section in book.sections
        if section.id in groups
    )


def _warning_signs(book: RuleBook, assessment: Assessment) -> tuple[WarningSign, ...]:
    answers = assessment.answers
    return tuple(
        WarningSign(
            flag.title,
            flag.urgency,
            tuple(
                plain_answer(book, finding, answers.get(finding), answers, flag.because)
                for finding in flag.because
            ),
            book.guidance.wording.urgency_labels.for_level(flag.urgency),
        )
        for flag in assessment.red_flags
    )


def _read_as_yes(book: RuleBook, answers: dict[str, Answer]) -> list[str]:
    """The findings reported or read as reported (engine.reading), in the book's order."""
    read = reading(book, answers)
    return [finding.id for finding in book.findings if reported(read.get(finding.id))]


def is_a_wish(book: RuleBook, finding_id: str) -> bool:
    """A wish about the result (questions about what lies ahead), not something about the
    person's health: the clinician reads it with the questions asked, never as a symptom, a
    treatment or a question left unanswered."""
    return book.finding(finding_id).role == "wants_outlook_questions"


def is_background(book: RuleBook, finding_id: str) -> bool:
    """Treatment and history rather than a symptom: a finding with a role (history, primary,
    treatment, spread), or one that implies such a finding (chemotherapy implies treatment)."""
    finding = book.finding(finding_id)
    while finding.implies and not finding.role:
        finding = book.finding(finding.implies)
    return finding.role is not None


def not_answered_lines(summary: ClinicianSummary) -> list[str]:
    """The questions that applied but were not answered, one short line a section ("Bones and
    back: none of the 7 questions"); follow-ups that did not apply are not missing.
    Labels hold commas of their own, so they are set apart with semicolons."""
    lines = []
    for title, labels, any_answered in summary.not_answered:
        if not any_answered and len(labels) > 2:
            lines.append(filled(summary.words.none_of_the_questions, section=title, count=str(len(labels))))
        else:
            lines.append(f"{title}: {summary.lists.apart.join(labels)}")
    return lines


def when_text(summary: ClinicianSummary) -> str:
    """'25 November 2026, 14:03 (UTC+01:00)': unambiguous in every country."""
    made = summary.made
    offset = made.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else summary.words.local_time
    return f"{made.day} {made:%B %Y}, {made:%H:%M} ({zone})"


def reported_facts(summary: ClinicianSummary) -> list[tuple[str, str | list[tuple[str, str]]]]:
    """What the clinician part lists after the urgency, in order, for every format: a heading
    and its words, or (for the warning signs) labelled items."""
    words, apart = summary.words, summary.lists.apart
    # A warning sign: its urgency label, and its title with the answers behind it.
    signs = [(sign.label, f"{sign.title} ({apart.join(sign.reported)})") for sign in summary.warning_signs]
    facts: list[tuple[str, str | list[tuple[str, str]]]] = [
        (words.warning_signs, signs or words.none),
        (words.symptoms, apart.join(summary.reported) or words.no_symptoms),
    ]
    if summary.background:
        facts.append((words.treatment, apart.join(summary.background)))
    if summary.not_sure:
        facts.append((words.not_sure, apart.join(summary.not_sure)))
    return facts


def summary_title(summary: ClinicianSummary) -> str:
    """The summary's title: in an emergency it is for the people who see the person now, not
    for an appointment later (nothing routine beside emergency advice)."""
    if summary.urgency is Urgency.EMERGENCY:
        return summary.words.title_in_emergency
    return summary.words.title
