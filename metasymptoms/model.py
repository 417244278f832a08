"""Pydantic models of the rule book. Field names are the YAML keys, so a validation error's
location is also the place in the file."""

from __future__ import annotations

import datetime
import enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from metasymptoms.conditions import ConditionField

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$", max_length=80)]
SourceKey = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9-]*$", max_length=40)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Sources = Annotated[tuple[SourceKey, ...], Field(min_length=1)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Urgency(enum.Enum):
    """How soon to get help, most urgent first."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    PROMPT = "prompt"
    ROUTINE = "routine"

    @property
    def rank(self) -> int:
        """Higher is more urgent."""
        return {"emergency": 3, "urgent": 2, "prompt": 1, "routine": 0}[self.value]


def highest(urgencies: list[Urgency]) -> Urgency:
    return max(urgencies, key=lambda urgency: urgency.rank, default=Urgency.ROUTINE)


# --- findings and questions -----------------------------------------------------------


class Choice(Frozen):
    value: Id
    text: Text


class Finding(Frozen):
    """Something a person can report, in plain words."""

    id: Id
    label: Text  # completes "you reported ...", e.g. "new back or neck pain"
    meaning: Text | None = None  # a longer plain-language definition
    type: Literal["yes_no", "choice"] = "yes_no"
    choices: tuple[Choice, ...] = ()


class FindingsFile(Frozen):
    findings: Annotated[tuple[Finding, ...], Field(min_length=1)]


class Question(Frozen):
    """How one finding is asked."""

    finding: Id
    text: Text
    help: Text | None = None
    ask_if: ConditionField | None = None


class Section(Frozen):
    id: Id
    title: Text
    intro: Text | None = None
    questions: Annotated[tuple[Question, ...], Field(min_length=1)]


class QuestionsFile(Frozen):
    sections: Annotated[tuple[Section, ...], Field(min_length=1)]


# --- red flags, sites, primaries ------------------------------------------------------


class RedFlag(Frozen):
    """A warning sign: checked first and after every answer, whatever else is reported."""

    id: Id
    title: Text
    when: ConditionField
    urgency: Urgency
    advice: Text
    explain: Text | None = None  # why this pattern matters, and where sources differ
    sources: Sources
    reviewed: datetime.date


class RedFlagsFile(Frozen):
    red_flags: Annotated[tuple[RedFlag, ...], Field(min_length=1)]


class SiteRule(Frozen):
    """A symptom pattern linked to spread at one site."""

    id: Id
    when: ConditionField
    why: Text  # plain words: why these symptoms point to this site
    urgency: Urgency | None = None  # only where the pattern itself raises one
    sources: Sources
    reviewed: datetime.date


class Site(Frozen):
    id: Id
    name: Text
    about: Text  # what the site is
    how_found: Text  # how spread there is usually found
    rules: tuple[SiteRule, ...] = ()
    sources: Sources


class Primary(Frozen):
    """A primary cancer and the sites it commonly spreads to (unranked)."""

    id: Id
    name: Text
    common_sites: tuple[Id, ...]
    note: Text | None = None
    sources: Sources


class PrimariesFile(Frozen):
    primaries: Annotated[tuple[Primary, ...], Field(min_length=1)]


class Source(Frozen):
    id: SourceKey
    title: Text
    publisher: Text
    website: Text | None = None  # where to find it, e.g. "cancer.org"
    note: Text | None = None
    reviewed: datetime.date | None = None  # the source's own review date, where it gives one


class SourcesFile(Frozen):
    sources: Annotated[tuple[Source, ...], Field(min_length=1)]


class UrgencyAdvice(Frozen):
    """What to do, for each level of urgency."""

    emergency: Text
    urgent: Text
    prompt: Text
    routine: Text

    def for_level(self, urgency: Urgency) -> str:
        return getattr(self, urgency.value)


class Guidance(Frozen):
    """Text every ending carries: provider advice, tests, questions, disclaimer."""

    purpose: Text
    not_a_diagnosis: Text
    see_provider: Text
    advice: UrgencyAdvice
    with_cancer: Text
    without_cancer: Text
    unsure_cancer: Text
    common_causes: Text
    nothing_reported: Text
    emergency_signs: Annotated[tuple[Text, ...], Field(min_length=1)]
    provider_tests: Annotated[tuple[Text, ...], Field(min_length=1)]
    treatment: Text
    questions_to_ask: Annotated[tuple[Text, ...], Field(min_length=1)]
    support: Text
    sources: Sources


# --- the whole book -------------------------------------------------------------------


class RuleBook(Frozen):
    findings: tuple[Finding, ...]
    sections: tuple[Section, ...]
    red_flags: tuple[RedFlag, ...]
    sites: tuple[Site, ...]
    primaries: tuple[Primary, ...]
    guidance: Guidance
    sources: tuple[Source, ...]

    _indexes: dict = PrivateAttr(default_factory=dict)

    # Look-ups by id, built once; the model stays frozen.
    def finding(self, finding_id: str) -> Finding:
        return self._index("findings")[finding_id]

    def site(self, site_id: str) -> Site:
        return self._index("sites")[site_id]

    def primary(self, primary_id: str) -> Primary:
        return self._index("primaries")[primary_id]

    def source(self, key: str) -> Source:
        return self._index("sources")[key]

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in the order asked."""
        return tuple(question for section in self.sections for question in section.questions)

    def section_of(self, finding_id: str) -> Section | None:
        for section in self.sections:
            if any(question.finding == finding_id for question in section.questions):
                return section
        return None

    def _index(self, name: str) -> dict:
        if name not in self._indexes:
            self._indexes[name] = {item.id: item for item in getattr(self, name)}
        return self._indexes[name]
