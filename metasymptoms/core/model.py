"""The rule book's models: frozen dataclasses that pydantic validates (validate.py).

Field names are the YAML keys, so a validation error's location is also the place in the
file. Each model refuses keys it does not know (`FORBID_EXTRA`, model_base.py).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, with_config

from metasymptoms.core.book_record import BookInfo
from metasymptoms.core.condition_parser import ConditionField
from metasymptoms.core.guidance import Guidance
from metasymptoms.core.kinds import UNSURE, reported

# The rule book's vocabulary, found here by every other module (defined in model_base.py, which
# guidance.py and book_record.py import without a circle).
from metasymptoms.core.model_base import FORBID_EXTRA, NumberedText, SourceKey, Sources
from metasymptoms.core.model_base import Id as Id
from metasymptoms.core.model_base import Text as Text
from metasymptoms.core.model_base import Urgency as Urgency

# --- findings and questions -----------------------------------------------------------


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Choice:
    value: Id
    text: Text


Role = Literal[
    "cancer_history", "primary_cancer", "recent_treatment", "known_spread", "wants_outlook_questions"
]
# The questions asked only of a person who has or had cancer: their words presume one (where
# it started, whether it has spread, what lies ahead), so a person with no diagnosis, or not
# sure of one, never reads them, not even listed as a question not asked.
ABOUT_A_CANCER: tuple[Role, ...] = ("primary_cancer", "known_spread", "wants_outlook_questions")


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Finding:
    """Something a person can report, in plain words. Its kind (kinds.py) says how it is
    asked, written in an answers file, shown and tested."""

    id: Id
    label: Text  # completes "you reported ...", e.g. "new back or neck pain"
    meaning: Text | None = None  # a longer plain-language definition
    type: Literal["yes_no", "choice", "number", "several"] = "yes_no"
    choices: tuple[Choice, ...] = ()
    unit: Literal["celsius", "times_in_24_hours"] | None = None  # number findings
    minimum: float | None = None  # number findings: the plausible range
    maximum: float | None = None
    role: Role | None = None  # a finding the program itself needs (see RuleBook.role)
    # A yes/no finding that reporting this one implies (a follow-up implies its parent:
    # "the pain feels like a band" implies "back pain"). Read by engine.reading, and verify
    # considers no person for whom this is reported and the implied finding denied.
    implies: Id | None = None
    implies_from: float | None = None  # a number finding implies it from this value up


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class FindingsFile:
    findings: Annotated[tuple[Finding, ...], Field(min_length=1)]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Question:
    """How one finding is asked."""

    finding: Id
    text: Text
    help: Text | None = None
    ask_if: ConditionField | None = None
    default: Id | None = None  # the answer Enter gives; "no" for yes/no, else the first choice


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Section:
    id: Id
    title: Text
    questions: Annotated[tuple[Question, ...], Field(min_length=1)]
    intro: Text | None = None


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class QuestionsFile:
    sections: Annotated[tuple[Section, ...], Field(min_length=1)]


# --- red flags, sites, primaries ------------------------------------------------------


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Checked:
    """The author's check of a rule against its sources: who checked and when. This is not a
    clinical sign-off (that is recorded once for the whole book, in book.yaml)."""

    by: Text
    date: datetime.date


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class RedFlag:
    """A warning sign: checked first and after every answer, whatever else is reported."""

    id: Id
    title: Text
    when: ConditionField
    urgency: Urgency
    advice: NumberedText  # may say {emergency_number}
    sources: Sources
    checked: Checked
    explain: Text | None = None  # why this pattern matters, and where sources differ
    sites: tuple[Id, ...] = ()  # the sites this warning sign belongs with, for the explorer
    grade: Literal["amber", "red"] | None = None  # UKONS triage grade, where one applies
    combines: tuple[Id, ...] = ()  # for a combination: the red flags it counts (set by the loader)
    # An emergency's first step, one of guidance.yaml's `first_steps`: the emergency number
    # or department (the default), or the cancer team's 24-hour line first.
    first_step: Literal["emergency_services", "cancer_team_line"] = "emergency_services"
    # Other signs of the same problem: where one of them is shown with this one and is not
    # more urgent, it is told within this one's card, with its reasons, not as a card of its
    # own (core/covers.py). A more urgent one keeps its own card.
    covers: tuple[Id, ...] = ()


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Combination:
    """Warning signs that together mean more than each alone: UKONS's "two or more ambers
    make a red". It becomes a red flag whose condition is at least `at_least` of the
    conditions of the flags of that grade, so the engine, the reasons shown and every
    proof of `rules verify` treat it as any other."""

    id: Id
    title: Text
    at_least: int  # the loader checks it is 2 or more, and that enough flags have the grade
    of_grade: Literal["amber"]
    urgency: Urgency
    advice: NumberedText  # may say {emergency_number}
    sources: Sources
    checked: Checked
    explain: Text | None = None
    grade: Literal["red"] = "red"


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class RedFlagsFile:
    red_flags: Annotated[tuple[RedFlag, ...], Field(min_length=1)]
    combinations: tuple[Combination, ...] = ()

    def all_red_flags(self) -> tuple[RedFlag, ...]:
        """The red flags, then one for each combination of them."""
        from metasymptoms.core.conditions import AtLeast

        combined = []
        for combination in self.combinations:
            counted = [flag for flag in self.red_flags if flag.grade == combination.of_grade]
            parts = tuple(flag.when for flag in counted)
            if len(parts) < combination.at_least:
                continue  # the loader reports it
            combined.append(
                RedFlag(
                    id=combination.id,
                    title=combination.title,
                    when=AtLeast(at_least=combination.at_least, of=parts),
                    urgency=combination.urgency,
                    advice=combination.advice,
                    sources=combination.sources,
                    checked=combination.checked,
                    explain=combination.explain,
                    grade=combination.grade,
                    combines=tuple(flag.id for flag in counted),
                )
            )
        return self.red_flags + tuple(combined)


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class SiteRule:
    """A symptom pattern linked to spread at one site."""

    id: Id
    when: ConditionField
    why: Text  # plain words: why these symptoms point to this site
    sources: Sources
    checked: Checked
    # The `why` speaks to anyone, without spread as the explanation, so a person with no
    # cancer diagnosis is shown it too (otherwise they see only their answers and common causes).
    why_for_everyone: bool = False
    urgency: Urgency | None = None  # only where the pattern itself raises one


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Site:
    id: Id
    name: Text
    about: Text  # what the site is
    how_found: Text  # how spread there is usually found
    sources: Sources
    rules: tuple[SiteRule, ...] = ()


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Primary:
    """A primary cancer and the sites it commonly spreads to (unranked)."""

    id: Id
    name: Text
    common_sites: tuple[Id, ...]
    sources: Sources
    note: Text | None = None


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class PrimariesFile:
    primaries: Annotated[tuple[Primary, ...], Field(min_length=1)]


# A full web address: https, a host with a dot, no spaces.
WebAddress = Annotated[
    str, Field(min_length=1, max_length=2000, pattern=r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")
]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Source:
    """A page the rules cite. The dates record what happened: `reviewed` is the page's own
    last-reviewed (or updated) date, only where the page states one; `accessed` is the day we
    read the page's text. Either is left out rather than guessed."""

    id: SourceKey
    title: Text
    publisher: Text
    url: WebAddress  # the page itself, so a reviewer can open exactly what was read
    note: Text | None = None
    reviewed: datetime.date | None = None
    accessed: datetime.date | None = None
    # Whom the page is written for. A person without a cancer diagnosis is listed only the
    # pages written for everyone (engine.assess), with no word of the others: a page for
    # people living with cancer speaks of spread or palliative care, and a professional's
    # page (a guideline) often does too.
    written_for: Literal["everyone", "people_with_cancer", "professionals"] = "everyone"


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class SourcesFile:
    sources: Annotated[tuple[Source, ...], Field(min_length=1)]


# --- the whole book -------------------------------------------------------------------


@dataclass(frozen=True)
class RuleBook:
    """The validated rule book: what the engine, the questionnaire and the tools read."""

    findings: tuple[Finding, ...]
    sections: tuple[Section, ...]
    red_flags: tuple[RedFlag, ...]
    sites: tuple[Site, ...]
    primaries: tuple[Primary, ...]
    guidance: Guidance
    sources: tuple[Source, ...]
    info: BookInfo | None = None  # book.yaml; without it the book is an unversioned draft

    def finding(self, finding_id: str) -> Finding:
        return self._findings[finding_id]

    def role(self, role: Role) -> str | None:
        """The id of the finding with this role (e.g. the history of cancer), if any."""
        return self._roles.get(role)

    @cached_property
    def _roles(self) -> dict[str, str]:
        return {item.role: item.id for item in self.findings if item.role}

    @cached_property
    def implications(self) -> tuple[tuple[str, str], ...]:
        """(finding, the finding it implies), in the book's order."""
        return tuple((item.id, item.implies) for item in self.findings if item.implies)

    def implies_parent(self, finding_id: str, value: object) -> object:
        """What this answer says of the finding it implies: True, "unsure", or None (nothing).
        A follow-up reported, or a number given (at or above `implies_from`, where set),
        implies its parent; "not sure" implies "not sure"."""
        # UNSURE and reported come from the module's imports, not an import here: this runs
        # for each implication of every reading (some 77,000 times in one `rules check` of
        # the shipped book), and an import here took most of its time (2.4 of 2.9 us a call).
        if reported(value):  # yes, or one or more of "which of these"
            return True
        if isinstance(value, str) and value == UNSURE:
            return UNSURE
        if isinstance(value, float) and not isinstance(value, bool):
            threshold = self.finding(finding_id).implies_from
            return True if threshold is None or value >= threshold else None
        return None

    @cached_property
    def implying(self) -> dict[str, tuple[str, ...]]:
        """For each finding another implies, the findings that imply it (its follow-ups, a
        measured temperature for a fever), in the book's order."""
        found: dict[str, tuple[str, ...]] = {}
        for child, parent in self.implications:
            found[parent] = (*found.get(parent, ()), child)
        return found

    @cached_property
    def warning_sign_findings(self) -> frozenset[str]:
        """Findings some red flag tests: their questions offer "not sure"."""
        from metasymptoms.core.conditions import findings_in

        return frozenset(finding for flag in self.red_flags for finding in findings_in(flag.when))

    def red_flag(self, flag_id: str) -> RedFlag:
        return self._red_flags[flag_id]

    def site(self, site_id: str) -> Site:
        return self._sites[site_id]

    def primary(self, primary_id: str) -> Primary:
        return self._primaries[primary_id]

    def source(self, key: str) -> Source:
        return self._sources[key]

    @cached_property
    def _findings(self) -> dict[str, Finding]:
        return {item.id: item for item in self.findings}

    @cached_property
    def _red_flags(self) -> dict[str, RedFlag]:
        return {item.id: item for item in self.red_flags}

    @cached_property
    def _sites(self) -> dict[str, Site]:
        return {item.id: item for item in self.sites}

    @cached_property
    def _primaries(self) -> dict[str, Primary]:
        return {item.id: item for item in self.primaries}

    @cached_property
    def _sources(self) -> dict[str, Source]:
        return {item.id: item for item in self.sources}

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in the order asked."""
        return tuple(question for section in self.sections for question in section.questions)

    def question(self, finding_id: str) -> Question | None:
        """The question that asks about this finding, or None when no question does."""
        return self._questions.get(finding_id)

    @cached_property
    def _questions(self) -> dict[str, Question]:
        return {question.finding: question for question in reversed(self.questions)}  # the first wins

    def section_of(self, finding_id: str) -> Section | None:
        for section in self.sections:
            if any(question.finding == finding_id for question in section.questions):
                return section
        return None
