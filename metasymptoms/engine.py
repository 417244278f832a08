"""The engine: pure functions from a rule book and answers to what the person is shown.

Nothing here reads files or talks to a terminal; everything is a function of its arguments,
so it is tested with tables of cases and used alike by `ask --answers`, the questionnaire,
the demos and `rules verify`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from metasymptoms.conditions import Answer, because, holds
from metasymptoms.model import Question, RedFlag, RuleBook, Site, SiteRule, Urgency, highest

Answers = Mapping[str, Answer]
Audience = Literal["with_cancer", "without_cancer", "unsure"]

CANCER_HISTORY = "cancer_history"
PRIMARY_CANCER = "primary_cancer"


@dataclass(frozen=True)
class FiredRedFlag:
    id: str
    title: str
    urgency: Urgency
    advice: str
    because: tuple[str, ...]


@dataclass(frozen=True)
class FiredRule:
    id: str
    why: str
    urgency: Urgency | None
    because: tuple[str, ...]


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

    @property
    def reported(self) -> tuple[str, ...]:
        """The yes/no findings reported, in the answers' order."""
        return tuple(finding for finding, value in self.answers.items() if value is True)


# --- red flags and rules --------------------------------------------------------------


def fired_red_flags(book: RuleBook, answers: Answers) -> tuple[RedFlag, ...]:
    """Every red flag whose condition holds, in the rule book's order."""
    return tuple(flag for flag in book.red_flags if holds(flag.when, answers))


def fired_rules(book: RuleBook, answers: Answers) -> tuple[tuple[Site, SiteRule], ...]:
    """Every site rule whose condition holds, site by site in the rule book's order."""
    return tuple((site, rule) for site in book.sites for rule in site.rules if holds(rule.when, answers))


def _shown_red_flags(fired_flags: tuple[RedFlag, ...], answers: Answers) -> tuple[FiredRedFlag, ...]:
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
    book: RuleBook, rules_fired: tuple[tuple[Site, SiteRule], ...], answers: Answers
) -> tuple[SiteMatch, ...]:
    by_site: dict[str, list[FiredRule]] = {}
    for site, rule in rules_fired:
        by_site.setdefault(site.id, []).append(
            FiredRule(id=rule.id, why=rule.why, urgency=rule.urgency, because=because(rule.when, answers))
        )
    matches = []
    for site in book.sites:
        if site.id in by_site:
            rules = tuple(by_site[site.id])
            reasons = tuple(dict.fromkeys(finding for rule in rules for finding in rule.because))
            matches.append(SiteMatch(id=site.id, name=site.name, rules=rules, because=reasons))
    return tuple(matches)


def audience(answers: Answers) -> Audience:
    """Who the text speaks to: it changes the framing, never the urgency."""
    history = answers.get(CANCER_HISTORY)
    if history in ("current", "past"):
        return "with_cancer"
    if history == "none":
        return "without_cancer"
    return "unsure"


def _primary(book: RuleBook, answers: Answers) -> PrimaryCancer | None:
    primary_id = answers.get(PRIMARY_CANCER)
    if not isinstance(primary_id, str):
        return None
    known = {primary.id: primary for primary in book.primaries}
    if primary_id not in known:
        # "other" and "unknown" are real answers with no row in the table of common sites.
        finding = book.finding(PRIMARY_CANCER)
        name = next((choice.text for choice in finding.choices if choice.value == primary_id), primary_id)
        note = "Where cancer spreads depends on where it started: your care team can tell you which places matter for you."
        return PrimaryCancer(id=primary_id, name=name, common_sites=(), note=note)
    primary = known[primary_id]
    return PrimaryCancer(
        id=primary.id, name=primary.name, common_sites=primary.common_sites, note=primary.note
    )


def assess(book: RuleBook, answers: Answers) -> Assessment:
    """The assessment for these answers. Findings not given count as not reported."""
    flags_fired = fired_red_flags(book, answers)
    rules_fired = fired_rules(book, answers)
    red_flags = _shown_red_flags(flags_fired, answers)
    sites = _site_matches(book, rules_fired, answers)
    urgency = highest(
        [flag.urgency for flag in flags_fired] + [rule.urgency for _, rule in rules_fired if rule.urgency]
    )
    primary = _primary(book, answers)

    cited: dict[str, None] = {}
    fired_by_id = {flag.id: flag for flag in flags_fired}
    for shown in red_flags:  # in the order shown, most urgent first
        cited.update(dict.fromkeys(fired_by_id[shown.id].sources))
    for _, rule in rules_fired:
        cited.update(dict.fromkeys(rule.sources))
    if primary and primary.common_sites:
        cited.update(dict.fromkeys(book.primary(primary.id).sources))
    cited.update(dict.fromkeys(book.guidance.sources))

    advice = f"{book.guidance.advice.for_level(urgency)} {book.guidance.see_provider}"
    return Assessment(
        urgency=urgency,
        red_flags=red_flags,
        sites=sites,
        primary_cancer=primary,
        audience=audience(answers),
        answers=dict(answers),
        advice=advice,
        sources=tuple(cited),
    )


# --- the questionnaire's order --------------------------------------------------------


def applicable_questions(book: RuleBook, answers: Answers) -> tuple[Question, ...]:
    """The questions that apply given these answers, in the order asked."""
    return tuple(
        question for question in book.questions if question.ask_if is None or holds(question.ask_if, answers)
    )


def next_question(book: RuleBook, answers: Answers) -> Question | None:
    """The first question that applies and has not been answered, or None at the end."""
    for question in applicable_questions(book, answers):
        if question.finding not in answers:
            return question
    return None


def prune(book: RuleBook, answers: Answers) -> dict[str, Answer]:
    """Drop the answers to questions that no longer apply (after an answer was changed).

    Walks in order, so a dropped answer cannot keep a later question alive.
    """
    kept: dict[str, Answer] = {}
    for question in book.questions:
        if question.finding not in answers:
            continue
        if question.ask_if is None or holds(question.ask_if, kept):
            kept[question.finding] = answers[question.finding]
    return kept
