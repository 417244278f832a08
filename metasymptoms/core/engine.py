"""The engine: pure functions from a rule book and answers to what the person is shown.

Nothing here reads files or talks to a terminal; everything is a function of its arguments,
so it is tested with tables of cases and used alike by `ask --answers`, the questionnaire,
the demos and `rules verify`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from metasymptoms.core.conditions import Condition, because, holds
from metasymptoms.core.kinds import UNSURE, Answer, kind_of, reported
from metasymptoms.core.model import Question, RedFlag, RuleBook, Site, SiteRule, Urgency
from metasymptoms.core.model_base import highest
from metasymptoms.core.unsaid import (
    PRIMARY_NOT_KNOWN,
    WITH_CANCER,
    asked_again,
    implies_history,
    kinds_not_given,
    primary_not_given,
    spread_not_given,
    treatment_not_given,
    with_implications,
)
from metasymptoms.core.unsure_counts import shown_with_unsure_numbers

Answers = Mapping[str, Answer]
Reading = Mapping[str, object]  # answers as the rules read them (`reading`): may hold sets
Audience = Literal["with_cancer", "without_cancer", "unsure"]


@dataclass(frozen=True)
class FiredRedFlag:
    id: str
    title: str
    urgency: Urgency
    advice: str
    because: tuple[str, ...]
    # An emergency shown earlier that no answer gives now (emergency.still_standing): its
    # advice stands, and the result says why.
    kept: bool = False


@dataclass(frozen=True)
class FiredRule:
    id: str
    why: str
    urgency: Urgency | None
    because: tuple[str, ...]
    why_for_everyone: bool = False


@dataclass(frozen=True)
class SiteMatch:
    id: str
    name: str
    rules: tuple[FiredRule, ...]
    because: tuple[str, ...]


@dataclass(frozen=True)
class PrimaryCancer:
    id: str
    name: str
    common_sites: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class Assessment:
    """Everything the person is told at the end, before it is laid out for a screen."""

    urgency: Urgency
    red_flags: tuple[FiredRedFlag, ...]
    sites: tuple[SiteMatch, ...]
    primary_cancer: PrimaryCancer | None
    audience: Audience
    answers: dict[str, Answer]
    advice: str
    sources: tuple[str, ...]
    unsure: tuple[str, ...] = ()  # findings answered "not sure", read the safer way
    outlook: bool = False  # the guidance's outlook questions fit (outlook_fits)

    @property
    def reported(self) -> tuple[str, ...]:
        """The findings reported (yes, or some of "which of these"), in the answers' order."""
        return tuple(finding for finding, value in self.answers.items() if reported(value))


# --- how answers are read ---------------------------------------------------------------


def reading(book: RuleBook, answers: Answers) -> dict[str, object]:
    """The answers as the rules read them: the safer reading of what was not said.

    A history of cancer that was not given is "not sure", never "no cancer"; a primary
    cancer given without one implies a history (current or past, not known which). So too
    a primary, a treatment and the kinds of a treatment left out (unsaid.py), as Enter gives
    them in the questions, and spread left out after a history of cancer ("not sure").
    "Not sure" answers stay as they are: conditions treat them as unknown (conditions.py).
    """
    read: dict[str, object] = dict(answers)
    history = book.role("cancer_history")
    if history and (history not in answers or answers[history] == UNSURE):
        # "Not sure" beside a primary cancer or a spread one was told of: there is or was one.
        read[history] = frozenset(WITH_CANCER) if implies_history(book, answers) else UNSURE
    treatment = treatment_not_given(book, answers)
    if treatment:
        read[treatment] = UNSURE  # a follow-up that was given (chemotherapy: yes) still implies it
    primary = primary_not_given(book, answers)
    if primary:
        read[primary] = PRIMARY_NOT_KNOWN
    for kind in kinds_not_given(book, answers):
        read[kind] = UNSURE  # chemotherapy left out after "yes" to treatment: not "no"
    spread = spread_not_given(book, answers)
    if spread:
        read[spread] = UNSURE  # spread left out after a history of cancer: not "no spread"
    return with_implications(book, read)


def unsure_findings(book: RuleBook, answers: Answers) -> tuple[str, ...]:
    """The findings answered "not sure", and those not given that are read the safer way
    (a history of cancer, the primary cancer of a person who has or had one, spread, a
    treatment, its kinds), in order. A primary is not listed for a person not sure of a history, nor
    the kinds of a treatment not given: they were not theirs to answer, and the history or
    the treatment is listed."""
    history = book.role("cancer_history")
    found = [finding for finding, value in answers.items() if value == UNSURE]
    if history and history not in answers:
        found.insert(0, history)
    primary = primary_not_given(book, answers)
    if primary and history and answers.get(history) in WITH_CANCER:
        found.append(primary)
    spread = spread_not_given(book, answers)
    if spread:
        found.append(spread)
    treatment = treatment_not_given(book, answers)
    if treatment:
        found.append(treatment)
    else:  # its kinds are listed only when the treatment itself was given: theirs to answer
        found.extend(kinds_not_given(book, answers))
    return tuple(found)


# --- red flags and rules --------------------------------------------------------------


def fired_red_flags(book: RuleBook, answers: Answers) -> tuple[RedFlag, ...]:
    """Every red flag whose condition holds or may hold, in the rule book's order."""
    return _holding(book.red_flags, reading(book, answers))


def fired_emergencies(book: RuleBook, answers: Answers) -> tuple[RedFlag, ...]:
    """The emergency red flags that hold or may hold: checked after every answer, so only
    the emergencies are evaluated."""
    emergencies = tuple(flag for flag in book.red_flags if flag.urgency is Urgency.EMERGENCY)
    return _holding(emergencies, reading(book, answers))


def fired_rules(book: RuleBook, answers: Answers) -> tuple[tuple[Site, SiteRule], ...]:
    """Every site rule whose condition holds or may hold, site by site in the rule book's order."""
    return _rules_holding(book, reading(book, answers))


def _holding(flags: tuple[RedFlag, ...], read: Reading) -> tuple[RedFlag, ...]:
    """The flags whose condition holds or may hold on answers already read (`reading`)."""
    return tuple(flag for flag in flags if holds(flag.when, read))


def _rules_holding(book: RuleBook, read: Reading) -> tuple[tuple[Site, SiteRule], ...]:
    return tuple((site, rule) for site in book.sites for rule in site.rules if holds(rule.when, read))


def _shown_red_flags(fired_flags: tuple[RedFlag, ...], answers: Reading) -> tuple[FiredRedFlag, ...]:
    """The fired red flags to show, most urgent first.

    A flag is left out when a more urgent flag that fired already rests on every finding it
    rests on (jaundice is left out when jaundice with fever fired): showing "check it today"
    beside "call now" for the same signs would soften the emergency advice.
    """
    fired = [
        FiredRedFlag(
            id=flag.id,
            title=flag.title,
            urgency=flag.urgency,
            advice=flag.advice,
            because=because(flag.when, answers),
        )
        for flag in fired_flags
    ]
    shown = [
        flag
        for flag in fired
        if not any(
            other.urgency.rank > flag.urgency.rank and set(flag.because) <= set(other.because)
            for other in fired
        )
    ]
    return tuple(sorted(shown, key=lambda flag: -flag.urgency.rank))


def _site_matches(
    book: RuleBook, rules_fired: tuple[tuple[Site, SiteRule], ...], answers: Reading
) -> tuple[SiteMatch, ...]:
    by_site: dict[str, list[FiredRule]] = {}
    for site, rule in rules_fired:
        by_site.setdefault(site.id, []).append(
            FiredRule(
                id=rule.id,
                why=rule.why,
                urgency=rule.urgency,
                because=because(rule.when, answers),
                why_for_everyone=rule.why_for_everyone,
            )
        )
    matches = []
    for site in book.sites:
        if site.id in by_site:
            rules = tuple(by_site[site.id])
            reasons = tuple(dict.fromkeys(finding for rule in rules for finding in rule.because))
            matches.append(SiteMatch(id=site.id, name=site.name, rules=rules, because=reasons))
    return tuple(matches)


def readable_sources(book: RuleBook, keys: Iterable[str], who: Audience) -> tuple[str, ...]:
    """The sources `keys` this person is shown: for a person without a cancer diagnosis, only
    pages written for everyone (the others speak of spread or the end of life)."""
    if who == "with_cancer":
        return tuple(keys)
    return tuple(key for key in keys if book.source(key).written_for == "everyone")


def provider_advice(book: RuleBook, urgency: Urgency, who: Audience) -> str:
    """What to do, at this urgency, for this person: one instruction. Urgent or emergency
    advice is not followed by the everyday "see your provider about any symptom that is new
    ... or lasts" (after "today" or "now" it would read as softening it, and it would send to
    the provider twice); it names the provider itself. A person with no cancer diagnosis has
    no care team to contact."""
    guidance = book.guidance
    action = guidance.advice.for_level(urgency)
    if urgency is Urgency.URGENT and who != "with_cancer":
        action = guidance.without_cancer_urgent
    if urgency.rank >= Urgency.URGENT.rank:
        return action
    return f"{action} {guidance.see_provider}"


def audience(book: RuleBook, answers: Answers) -> Audience:
    """Who the text speaks to: it changes the framing, never the urgency."""
    history_id = book.role("cancer_history")
    history = answers.get(history_id) if history_id else None
    if history in WITH_CANCER or (history is None and implies_history(book, answers)):
        return "with_cancer"
    if history == "none":
        return "without_cancer"
    return "unsure"


def _primary(book: RuleBook, answers: Answers) -> PrimaryCancer | None:
    role = book.role("primary_cancer")
    primary_id = answers.get(role) if role else None
    if not isinstance(primary_id, str) or role is None:
        return None
    known = {primary.id: primary for primary in book.primaries}
    if primary_id not in known:
        # "other" and "unknown" are real answers with no row in the table of common sites.
        finding = book.finding(role)
        name = kind_of(finding).text(finding, primary_id, book.guidance.wording.answer_words)
        note = book.guidance.wording.result.no_sites_listed
        return PrimaryCancer(id=primary_id, name=name, common_sites=(), note=note)
    primary = known[primary_id]
    return PrimaryCancer(
        id=primary.id, name=primary.name, common_sites=primary.common_sites, note=primary.note
    )


def outlook_fits(book: RuleBook, read: Reading, sites_matched: bool) -> bool:
    """Whether the guidance's questions about outlook and planning ahead fit these answers
    (already read): its conditions must hold for certain, never "may hold"."""
    from metasymptoms.core.conditions import holds3

    offer = book.guidance.outlook_questions
    if offer is None:
        return True  # a book that does not set them apart shows its questions to every person with cancer
    with_site = offer.offered_with_a_site_match_when
    return holds3(offer.offered_when, read) is True or (
        sites_matched and with_site is not None and holds3(with_site, read) is True
    )


def assess(book: RuleBook, answers: Answers) -> Assessment:
    """The assessment for these answers. Findings not given count as not reported, except
    those read the safer way (see `reading`)."""
    read = reading(book, answers)  # once: the functions below take answers already read
    flags_fired = _holding(book.red_flags, read)
    rules_fired = _rules_holding(book, read)
    red_flags = _shown_red_flags(shown_with_unsure_numbers(book, read, flags_fired), read)
    sites = _site_matches(book, rules_fired, read)
    urgency = highest(
        [flag.urgency for flag in flags_fired] + [rule.urgency for _, rule in rules_fired if rule.urgency]
    )
    primary = _primary(book, answers)

    who = audience(book, answers)
    cited: dict[str, None] = {}
    for shown in red_flags:  # in the order shown, most urgent first
        cited.update(dict.fromkeys(book.red_flag(shown.id).sources))
    for _, rule in rules_fired:
        cited.update(dict.fromkeys(rule.sources))
    if primary and primary.common_sites:
        cited.update(dict.fromkeys(book.primary(primary.id).sources))
    cited.update(dict.fromkeys(book.guidance.sources))
    # Never beside emergency advice: questions about outlook and planning ahead are for later.
    outlook = (
        who == "with_cancer" and urgency is not Urgency.EMERGENCY and outlook_fits(book, read, bool(sites))
    )
    if outlook:
        cited.update(dict.fromkeys(book.guidance.with_cancer_sources))

    cited = dict.fromkeys(readable_sources(book, cited, who))

    advice = provider_advice(book, urgency, who)
    return Assessment(
        urgency=urgency,
        red_flags=red_flags,
        sites=sites,
        primary_cancer=primary,
        audience=who,
        answers=dict(answers),
        advice=advice,
        sources=tuple(cited),
        unsure=unsure_findings(book, answers),
        outlook=outlook,
    )


# --- the questionnaire's order --------------------------------------------------------


def asked(
    question: Question, answers: Reading, test: Callable[[Condition, Reading], bool | None] = holds
) -> bool | None:
    """The skip logic, in one place: a question is asked when its ask_if holds (or may hold,
    because of a "not sure") on the answers given before it. `rules verify` passes a
    three-valued `test` (conditions.settled) for answers it has not all chosen yet."""
    return True if question.ask_if is None else test(question.ask_if, answers)


def applicable_questions(book: RuleBook, answers: Answers) -> tuple[Question, ...]:
    """The questions that apply given these answers, in the order asked (a question whose
    ask_if may hold, because of a "not sure", is asked)."""
    return tuple(question for question in book.questions if asked(question, answers))


def possible_questions(book: RuleBook, answers: Answers) -> tuple[Question, ...]:
    """The questions answered, and those that could still be asked whatever the answers to
    come: a question still to come is counted unless its ask_if is false however the
    questions before it are answered. As answers are given the count only falls (an answer
    can rule a follow-up out, never bring in one this did not count)."""
    from metasymptoms.core.conditions import FREE, settled

    reading: dict[str, object] = {}
    counted = []
    for question in book.questions:
        if question.finding in answers:
            reading[question.finding] = answers[question.finding]
            counted.append(question)
        elif asked(question, reading, settled) is not False:
            reading[question.finding] = FREE  # may be asked, and given any answer
            counted.append(question)
    return tuple(counted)


def next_question(book: RuleBook, answers: Answers) -> Question | None:
    """The first question that applies and has not been answered, or None at the end."""
    # Not applicable_questions' whole list: the skip logic of the questions answered and of
    # those after this one is not evaluated (this runs after every answer; a golden case's
    # walk through the questions spent a quarter of its time here).
    for question in book.questions:
        if question.finding not in answers and asked(question, answers):
            return question
    return None


def prune(book: RuleBook, answers: Answers, *, changed_from: Answers | None = None) -> dict[str, Answer]:
    """Drop the answers to questions that no longer apply (after an answer was changed), in
    order, so that a dropped answer cannot keep a later question alive; given the answers before
    the change, the treatment answers it takes back too, to be asked again (unsaid.asked_again)."""
    kept: dict[str, Answer] = {}
    for question in book.questions:
        if question.finding in answers and asked(question, kept):
            kept[question.finding] = answers[question.finding]
    again = asked_again(book, changed_from, kept) if changed_from is not None else ()
    return prune(book, {key: given for key, given in kept.items() if key not in again}) if again else kept
