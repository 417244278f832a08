"""What an emergency shows: the number line, the one instruction it ends on, the card of its
warning signs, and the handover to read to the call handler.

The sentences are the rule book's (guidance.yaml `wording.emergency`), with the number filled
in from its one table (core/numbers.py): the person's country's, when it is known
(`--country`, then METASYMPTOMS_COUNTRY, then the locale). Pure functions; the environment is
passed in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from metasymptoms.core.kinds import UNSURE, Answer, kind_of
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.model_base import filled

if TYPE_CHECKING:  # the card's functions are imported when a card is shown, not at start-up
    from metasymptoms.core.engine import Assessment

COUNTRY_VARIABLE = "METASYMPTOMS_COUNTRY"


def number_line(book: RuleBook) -> str:
    """The line every start and every stop in an emergency carries."""
    return book.guidance.wording.emergency.number_line


def action(book: RuleBook) -> str:
    """The one instruction an emergency ends on: the number, in words that agree with every
    warning sign's own advice (some say to call the cancer team's 24-hour line first)."""
    return book.guidance.wording.emergency.action


# The first steps an emergency can give, most direct first (guidance.yaml `first_steps`).
FIRST_STEPS = ("emergency_services", "cancer_team_line")


@dataclasses.dataclass(frozen=True)
class EmergencyCard:
    """What an emergency shows: the one first step, when more than one warning sign fired
    (each sign's advice gives its own), then each sign with its advice, told without a first
    step other than that one."""

    first_step: str | None
    signs: tuple[tuple[str, str], ...]  # (title, advice)


def emergency_card(book: RuleBook, flag_ids: Sequence[str], fired: Sequence[str] = ()) -> EmergencyCard:
    """The card for the emergency warning signs `flag_ids`. The first step is the most direct
    of theirs and of the others already `fired` (emergency number before the 24-hour line):
    never two steps both given as first."""
    from metasymptoms.core.covers import own_cards

    shown = [book.red_flag(flag_id) for flag_id in own_cards(book, flag_ids)]
    steps = {book.red_flag(flag_id).first_step for flag_id in [*flag_ids, *fired]}
    step = next(step for step in FIRST_STEPS if step in steps)
    first_steps = book.guidance.first_steps
    own_steps_differ = any(flag.first_step != step for flag in shown)
    signs = tuple(
        (
            flag.title,
            flag.advice
            if flag.first_step == step
            else " ".join(flag.advice.replace(getattr(first_steps, flag.first_step), "").split()),
        )
        for flag in shown
    )
    several = len(shown) > 1 or own_steps_differ
    return EmergencyCard(getattr(first_steps, step) if several else None, signs)


def standing(book: RuleBook, answers: Mapping[str, Answer], shown: Iterable[str]) -> list[str]:
    """The emergency warning signs that stand over the rest of a walk once one was shown
    (the review of answers, above all): those the answers fire now, else those shown before
    (an answer changed back does not take back the advice to get help). Empty when no
    emergency was shown."""
    shown = set(shown)
    if not shown:
        return []
    from metasymptoms.core.engine import fired_emergencies

    fired = [flag.id for flag in fired_emergencies(book, answers)]
    return fired or [flag.id for flag in book.red_flags if flag.id in shown]


def still_standing(book: RuleBook, assessment: Assessment, shown: Iterable[str]) -> Assessment:
    """The result once an emergency was shown: where an answer was changed afterwards and no
    answer now gives an emergency, the warning signs shown stand in it as emergencies, as
    they do on the review of answers (`standing`). An emergency's advice is never followed by
    a routine result. The signs kept have no `because`: no answer gives them now, and the
    result says why they stand (`kept`, `wording.emergency.changed_back`)."""
    if assessment.urgency is Urgency.EMERGENCY:
        return assessment
    kept = standing(book, assessment.answers, shown)
    if not kept:
        return assessment
    from metasymptoms.core.engine import FiredRedFlag, provider_advice, readable_sources

    flags = tuple(
        FiredRedFlag(flag.id, flag.title, Urgency.EMERGENCY, flag.advice, (), kept=True)
        for flag in book.red_flags
        if flag.id in kept
    )
    cited = readable_sources(
        book, [key for flag in flags for key in book.red_flag(flag.id).sources], assessment.audience
    )
    return dataclasses.replace(
        assessment,
        urgency=Urgency.EMERGENCY,
        red_flags=flags + assessment.red_flags,
        advice=provider_advice(book, Urgency.EMERGENCY, assessment.audience),
        sources=tuple(dict.fromkeys([*cited, *assessment.sources])),
        outlook=False,  # never beside emergency advice, as the engine decides
    )


def reminder(book: RuleBook, flag_ids: Sequence[str]) -> str:
    """One line that keeps an emergency in view where its advice is no longer on screen: the
    warning signs by name (one for one problem, core/covers.py) and the number, in words that
    agree with each sign's own advice."""
    from metasymptoms.core.covers import own_cards

    shown = own_cards(book, [flag.id for flag in book.red_flags if flag.id in flag_ids])
    titles = book.guidance.wording.lists.apart.join(book.red_flag(flag_id).title for flag_id in shown)
    return filled(book.guidance.wording.emergency.reminder, titles=titles)


def call_handler_lines(book: RuleBook, assessment: Assessment) -> list[str]:
    """A short third-person handover to read to the emergency call handler: the warning sign
    by name, what was reported for it (a measurement as a measurement: "Temperature 38.3 °C";
    "not sure" said as such), then the cancer, its known spread and recent treatment, each
    once (they change what the emergency services do). Never the person's own first-person
    words ("I am being treated for it")."""
    from metasymptoms.answering.summary import is_background
    from metasymptoms.core.covers import cards
    from metasymptoms.core.explain import sentence

    flags = [flag for flag in assessment.red_flags if flag.urgency is Urgency.EMERGENCY]
    answers = assessment.answers
    lines = [
        filled(book.guidance.wording.handover.warning_sign, title=flag.title)
        for flag in cards(book, flags)  # one line for one problem
    ]
    reported = dict.fromkeys(finding for flag in flags for finding in flag.because)
    for finding_id in reported:
        if not is_background(book, finding_id):  # treatment and history: said once below
            lines += [sentence(said) for said in _handover_answers(book, answers, finding_id)]
    lines += _background_lines(book, answers)
    return list(dict.fromkeys(lines))  # a measurement read as two signs is said once


def _handover_answers(book: RuleBook, answers: Mapping[str, Answer], finding_id: str) -> list[str]:
    """What was reported for a warning sign, as the call handler hears it. A "yes" with a
    measurement typed beside it is told with the number ("Temperature 38.4 °C"), not only the
    question's threshold ("37.5 °C or higher"); the "yes" itself is told too only where the
    number would not have said it (feeling shivery at 37.2 °C)."""
    said = _handover_answer(book, answers, finding_id)
    if answers.get(finding_id) is not True:
        return [said]
    measured = [
        child
        for child in book.implying.get(finding_id, ())
        if kind_of(book.finding(child)).measured and isinstance(answers.get(child), float)
    ]
    numbers = [_measured(book, child, answers[child]) for child in measured]
    if any(book.implies_parent(child, answers[child]) is True for child in measured):
        return numbers
    return [said, *numbers]


def _handover_answer(book: RuleBook, answers: Mapping[str, Answer], finding_id: str) -> str:
    from metasymptoms.core.explain import implied, source_words

    value = answers.get(finding_id)
    found = implied(book, answers, finding_id) if value is not True else None
    if found is not None and kind_of(book.finding(found.source)).measured and found.value != UNSURE:
        return _measured(book, found.source, found.value)  # "a fever" read from 38.4 °C
    # Labels complete "You reported ..."; a handover names the thing itself.
    label = book.finding(finding_id).label.removeprefix("your ")
    if value is True:
        return label
    words = book.guidance.wording.handover
    if value == UNSURE:
        return filled(words.not_sure, answer=label)
    if found is not None:
        return filled(words.read_from, answer=label, reading=source_words(book, found).removeprefix("your "))
    return _measured(book, finding_id, value)


def _measured(book: RuleBook, finding_id: str, value: Answer | None) -> str:
    """A typed number as a call handler says it: "temperature 38.3 °C (100.9 °F)"."""
    from metasymptoms.core.explain import answer_text

    finding = book.finding(finding_id)
    if finding.unit == "celsius":
        return filled(book.guidance.wording.handover.temperature, answer=answer_text(book, finding_id, value))
    return f"{finding.label.removeprefix('your ')}: {answer_text(book, finding_id, value)}"


def _background_lines(book: RuleBook, answers: Mapping[str, Answer]) -> list[str]:
    from metasymptoms.core.explain import sentence

    lines = []
    history, primary = book.role("cancer_history"), book.role("primary_cancer")
    spread, treatment = book.role("known_spread"), book.role("recent_treatment")
    given_primary = answers.get(primary) if primary else None
    known = {item.id: item.name for item in book.primaries}
    words = book.guidance.wording.handover
    named = isinstance(given_primary, str) and given_primary in known
    cancer = known[str(given_primary)].lower() if named else words.a_cancer
    # How a call handler hears a history of cancer (the choices' own words are the person's:
    # "I am being treated for it"), by the history finding's choice values, and its spread, by
    # the spread finding's. Treatment is said on a line of its own, once: "now" for a history,
    # never "or is being treated".
    history_words = {"current": words.has_now, "past": words.had_in_the_past}
    spread_words = {"bones": words.spread_to_bones, "elsewhere": words.spread_elsewhere}
    told = answers.get(history) if history else None
    if told in history_words:
        lines.append(filled(history_words[str(told)], cancer=cancer))
    elif named:
        lines.append(filled(words.has_or_had, cancer=cancer))
    elif told == UNSURE:
        lines.append(words.not_sure_history)
    if spread and answers.get(spread) in spread_words:
        lines.append(spread_words[str(answers[spread])])
    elif spread and answers.get(spread) == UNSURE:
        lines.append(words.not_sure_spread)
    if treatment:
        # The kinds of treatment reported, once; the general question only when none is named.
        kinds = [
            finding.label
            for finding in book.findings
            if finding.implies == treatment and answers.get(finding.id) is True
        ]
        if kinds:
            lines.append(filled(words.recent_treatment, answer=book.guidance.wording.lists.apart.join(kinds)))
        elif answers.get(treatment) is True:
            lines.append(sentence(book.finding(treatment).label))
        elif answers.get(treatment) == UNSURE:
            lines.append(sentence(filled(words.not_sure, answer=book.finding(treatment).label)))
    return lines


def country_from(given: str | None, environ: Mapping[str, str]) -> tuple[str | None, bool]:
    """The country code to use, and whether the person named it (an option or the variable)
    rather than the locale guessing it. The locale is read as LC_ALL, LC_MESSAGES, then LANG
    ("en_AU.UTF-8" -> "AU"); "C" and "POSIX" name no country.

    >>> country_from(None, {"LANG": "en_AU.UTF-8"})
    ('AU', False)
    >>> country_from(" gb", {"LANG": "en_AU.UTF-8"})
    ('GB', True)
    >>> country_from(None, {"LC_ALL": "C.UTF-8", "LANG": "en_AU.UTF-8"})
    (None, False)
    """
    if given:
        return given.strip().upper(), True
    if environ.get(COUNTRY_VARIABLE, "").strip():
        return environ[COUNTRY_VARIABLE].strip().upper(), True
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            language = value.split(".")[0].split("@")[0]
            _, _, territory = language.partition("_")
            return (territory.upper() if len(territory) == 2 else None), False
    return None, False
