"""Plain words for the engine's reasons: WHY a question is asked, HOW a conclusion was reached.

Pure functions over the rule book; the renderers and the questionnaire call them, so every
explanation is derived from the rules rather than written per question, and said in the
book's own words (guidance.yaml `wording`: answers, because, why_asked, conditions).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from metasymptoms.core.conditions import (
    AllOf,
    AnyOf,
    AtLeast,
    Condition,
    Not,
    OneOf,
    Reported,
    findings_for,
    findings_in,
)
from metasymptoms.core.engine import Answers, reading
from metasymptoms.core.for_whom import histories_shown
from metasymptoms.core.kinds import UNSURE, Answer, kind_of
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.model_base import filled
from metasymptoms.core.unsaid import kinds_not_given


def answer_text(book: RuleBook, finding_id: str, value: Answer) -> str:
    """How an answer reads on screen and in summaries: its kind says (Yes, No, Not sure, a
    choice's words, a number with its unit), or "not given"."""
    if value is None:
        return book.guidance.wording.answers.not_given
    finding = book.finding(finding_id)
    return kind_of(finding).text(finding, value, book.guidance.wording.answer_words)


@dataclass(frozen=True)
class Implied:
    """A finding the engine reads as reported (or "not sure") because of another answer
    (`implies` in findings.yaml, applied by engine.reading), not because of the person's own
    answer to it: e.g. a measured 38.4 °C is read as a fever."""

    finding: str
    source: str  # the finding whose answer says so
    value: Answer  # that answer, as given (as read, down a chain of follow-ups)
    said: Answer | None  # what the person answered to the finding itself, if anything
    read: Answer  # True, or "unsure"


def implied(
    book: RuleBook, answers: Answers, finding_id: str, read: Mapping[str, object] | None = None
) -> Implied | None:
    """How this finding was read from another answer, where the person's own answer (or its
    absence) would say less: the same reading the engine used, so nothing shown contradicts it.
    `read`: `reading(book, answers)`, from a caller that asks of every question."""
    children = book.implying.get(finding_id, ())
    if not children:
        return None  # nothing implies it (most findings): no need to read every answer again
    read = reading(book, answers) if read is None else read
    value, said = read.get(finding_id), answers.get(finding_id)
    if value == said or not (value is True or value == UNSURE):
        return None
    left_out = kinds_not_given(book, answers)  # read from this treatment, not the other way
    for child in children:
        if child not in left_out and book.implies_parent(child, read.get(child)) == value:
            given = answers.get(child, read.get(child))
            # `read` holds objects (a history may read as a set of values); a follow-up's is an answer
            return Implied(finding_id, child, given, said, value)  # type: ignore[arg-type]
    return None


def source_words(book: RuleBook, found: Implied) -> str:
    """The answer an implied finding was read from: "your measured temperature: 38.4 °C
    (101.1 °F)", "your answer about a lump that is hard ...", "not sure about ..."."""
    source = book.finding(found.source)
    if kind_of(source).measured and found.value != UNSURE:
        return f"{source.label}: {answer_text(book, found.source, found.value)}"
    words = book.guidance.wording.answers
    return filled(words.from_not_sure if found.value == UNSURE else words.from_answer, finding=source.label)


def implied_text(book: RuleBook, found: Implied, *, own_answer: bool = True, with_value: bool = True) -> str:
    """An implied finding's answer in the words of a summary: "yes, from your measured
    temperature: 38.4 °C (101.1 °F)", with the person's own "No" kept beside it."""
    words = book.guidance.wording.answers
    answer = words.not_sure if found.read == UNSURE else words.reported
    # Without the value where the same list gives it already ("your measured temperature: 38.4 °C").
    source = source_words(book, found) if with_value else book.finding(found.source).label
    text = filled(words.read_from, answer=answer, source=source)
    if found.said is None or not own_answer:
        return text
    return f"{text} {filled(words.answered, answer=answer_text(book, found.finding, found.said).lower())}"


def because_sentence(book: RuleBook, because: Iterable[str], answers: Answers) -> str:
    """'Because you reported a and b, you were not sure about c, and you answered "..."'.

    A "not sure" is never told back as "you reported"; a number is told with its value; a
    finding read from another answer (a measured 38.4 °C read as a fever) says which; an
    answer not given (a history of cancer left out) is said to be not given."""
    words = book.guidance.wording.because
    said = book.guidance.wording.answer_words
    because = list(because)
    symptoms: list[str] = []
    unsure: list[str] = []
    measured: list[str] = []
    context: list[str] = []
    shown: list[str] = []
    maybe: list[str] = []
    missing: list[str] = []
    for finding_id in because:
        finding = book.finding(finding_id)
        value = answers.get(finding_id)
        found = implied(book, answers, finding_id) if value is not True else None
        if found is not None:
            source = (
                book.finding(found.source).label if found.source in because else source_words(book, found)
            )
            (shown if found.read is True else maybe).append(
                filled(words.read_from, finding=finding.label, source=source)
            )
        elif value is None:
            missing.append(finding.label)
        elif isinstance(value, str) and value == UNSURE:
            unsure.append(finding.label)
        else:
            kind = kind_of(finding)
            told = {"symptom": symptoms, "context": context, "measured": measured}[kind.told_as]
            told.append(
                f"{finding.label}: {kind.text(finding, value, said)}"
                if kind.measured
                else kind.phrase(finding, value, said)
            )
    lists = book.guidance.wording.lists
    # The answers read the safer way are whole answers, set apart where one has a comma of its
    # own: "your history of cancer, weakness ..., or difficulty walking and back pain ..." read
    # to a nurse as one long answer. Several "not sure" answers take the plural.
    by_kind = [
        (words.reported, symptoms, lists.all_of),
        (words.gave, measured, lists.all_of),
        (words.show, shown, lists.all_of),
        (words.may_show, maybe, lists.all_of_apart),
        (words.not_sure if len(unsure) < 2 else words.not_sure_several, unsure, lists.all_of_apart),
        (words.answered, context, lists.all_of),
        (words.not_given, missing, lists.all_of_apart),
    ]
    parts = [filled(part, names=joined(names)) for part, names, joined in by_kind if names]
    return filled(words.sentence, reasons=words.between.join(parts)) if parts else ""


# --- conditions as sentences (rules show, exports, demos) -----------------------------


def condition_sentence(book: RuleBook, condition: Condition, ids: bool = True) -> str:
    """A condition written as a sentence fragment, in the book's words (`wording.conditions`).
    With `ids` (for reviewers, who look items up by id) each finding's id follows its label
    and choices are given by value; without (for a class), only the words a person reads."""
    labels = {finding.id: finding for finding in book.findings}
    words = book.guidance.wording.conditions

    def name(finding_id: str) -> str:
        finding = labels.get(finding_id)
        if finding is None:
            return finding_id
        return f"{finding.label} ({finding_id})" if ids else finding.label

    def walk(node: Condition, top: bool = False) -> str:
        match node:
            case Reported(finding=finding):
                return name(finding)
            case OneOf(finding=finding, values=values) if not ids and finding in labels:
                said = [f'"{answer_text(book, finding, value)}"' for value in values]
                return filled(
                    words.answer_is,
                    finding=labels[finding].label,
                    answers=book.guidance.wording.lists.one_of(said),
                )
            case OneOf(finding=finding, values=values):
                return filled(
                    words.value_is, finding=finding, answers=book.guidance.wording.lists.one_of(values)
                )
            case Not(condition=OneOf(finding=finding, values=values)) if not ids and finding in labels:
                return not_one_of(
                    labels[finding].label, [f'"{answer_text(book, finding, v)}"' for v in values]
                )
            case AllOf(all=parts):
                text = book.guidance.wording.lists.all_of([walk(part) for part in parts])
                return text if top else f"({text})"
            case AnyOf(any=parts):
                text = filled(
                    words.any_of,
                    conditions=book.guidance.wording.lists.one_of([walk(part) for part in parts]),
                )
                return text if top else f"({text})"
            case Not(condition=inner):
                return filled(words.negated, condition=walk(inner))
            case AtLeast(at_least=needed, of=parts):
                listed = book.guidance.wording.lists.one_of([walk(part) for part in parts])
                return filled(words.at_least, count=str(needed), conditions=listed)
        return str(node)  # pragma: no cover

    def not_one_of(label: str, said: list[str]) -> str:
        if len(said) == 1:
            return filled(words.answer_is_not, finding=label, answer=said[0])
        if len(said) == 2:
            return filled(words.answer_is_neither, finding=label, answer=said[0], other=said[1])
        return filled(
            words.answer_is_none_of, finding=label, answers=book.guidance.wording.lists.one_of(said)
        )

    return walk(condition, top=True)


def sentence(text: str) -> str:
    """The text with a capital first letter."""
    return text[:1].upper() + text[1:]


WHY_FLAGS_LISTED = 4  # more warning signs than this are counted, not listed


def why_items(book: RuleBook, finding_id: str) -> list[str]:
    """Why the questionnaire asks about a finding, derived from the rules that use it: short
    sentences, one a line, so that a list of warning signs is not one long paragraph."""
    finding = book.finding(finding_id)
    flags = [flag for flag in book.red_flags if finding_id in findings_in(flag.when)]
    # A sign written twice, for people with and without a cancer diagnosis (each citing pages
    # for its own readers), has one title: it is one warning sign to the person asked.
    flags = [flag for at, flag in enumerate(flags) if flag.title not in {f.title for f in flags[:at]}]
    sites = [site for site in book.sites if any(finding_id in findings_for(rule.when) for rule in site.rules)]
    following = [
        question
        for question in book.questions
        if question.ask_if is not None and finding_id in findings_in(question.ask_if)
    ]
    own = book.question(finding_id)
    asked_of_anyone = not _only_with_cancer(book, own.ask_if if own else None)
    # A question anyone may be asked never names one that only a person with cancer is
    # asked ("what you were told about spread"): those are told of as a group.
    grouped = [q for q in following if asked_of_anyone and _only_with_cancer(book, q.ask_if)]
    followers = [book.finding(q.finding).label for q in following if q not in grouped]
    words = book.guidance.wording.why_asked
    items = []
    if sites:
        items.append(
            filled(words.sites, sites=book.guidance.wording.lists.all_of(site.name for site in sites))
        )
    # A question about the person (their history, their treatment) is read by many warning
    # signs: a list of emergencies before anything is answered would frighten. Its reason is
    # said last, next to the question drawn again below it: on a 60x20 terminal, a long list
    # of follow-ups pushed a first line off the top.
    reason = [filled(words.sooner_with, finding=finding.label)] if len(flags) > WHY_FLAGS_LISTED else []
    if not reason:
        for flag in flags:
            kind = words.emergency_sign if flag.urgency is Urgency.EMERGENCY else words.warning_sign
            items.append(filled(kind, title=flag.title))
    if grouped:
        items.append(words.cancer_questions)
    if followers:
        # A short list, one a line ("  - " marks an item of the line before): labels hold
        # commas of their own ("a central line, PICC line or port"), so run together in a
        # sentence they would read as one list.
        items.append(words.follow_ups)
        items += [f"  - {sentence(label)}" for label in followers]
    primary_ids = {primary.id for primary in book.primaries}
    if any(choice.value in primary_ids for choice in finding.choices):
        items.append(words.where_it_started)
    offer = book.guidance.outlook_questions
    # (asked only of a person with cancer; known_spread says it through its follow-up)
    if (
        offer is not None
        and finding_id in findings_in(offer.offered_when)
        and not (asked_of_anyone or following)
    ):
        items.append(words.outlook)
    if not items and not reason:
        items.append(words.otherwise)
    return items + reason


def _only_with_cancer(book: RuleBook, ask_if: Condition | None) -> bool:
    """Whether a question asked on this condition is never asked of a person who said they
    have no cancer diagnosis, or are not sure of one, whatever else they answered."""
    shown = histories_shown(book, ask_if) if ask_if is not None else None
    return shown is not None and not shown & {"none", UNSURE}
