"""The guidance every ending carries (guidance.yaml): advice by urgency, emergency numbers,
the questions and support for each kind of person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, with_config

from metasymptoms.core.condition_parser import ConditionField
from metasymptoms.core.model_base import FORBID_EXTRA, SourceKey, Sources, Text, Urgency


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class UrgencyAdvice:
    """What to do, for each level of urgency."""

    emergency: Text
    urgent: Text
    prompt: Text
    routine: Text

    def for_level(self, urgency: Urgency) -> str:
        advice: str = getattr(self, urgency.value)
        return advice


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class CountryNumber:
    """The emergency number of one country, by its two-letter ISO 3166 code."""

    country: Annotated[str, Field(min_length=2, max_length=2)]
    number: Annotated[str, Field(min_length=1, max_length=40)]
    name: Text  # the country in words, for the reviewer


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class EmergencyNumbers:
    """Which number to call: the country's own when it is known, else every common one."""

    anywhere: Text  # shown when the country is not known, e.g. "911 / 999 / 112"
    countries: tuple[CountryNumber, ...] = ()


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class FirstSteps:
    """The first thing to do in an emergency, in the book's words, most direct first. When
    several emergency warning signs fire, only the most direct of their first steps is given
    as first (never "call the 24-hour line first" beside "call the emergency number now")."""

    emergency_services: Text = (
        "Call your local emergency number (911 / 999 / 112) now, or go to the nearest emergency department."
    )
    # Worded exactly as in each red flag's advice that gives it, so that advice can be told
    # without it when a more direct step comes first.
    cancer_team_line: Text = (
        "If you have a cancer team, call their 24-hour line now; otherwise, or if no one answers "
        "straight away, call your local emergency number (911 / 999 / 112) or go to the "
        "emergency department."
    )


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class OutlookQuestions:
    """Questions about outlook, palliative care and planning ahead, offered only where they
    fit: where the person was told the cancer has spread (`offered_when`), or where the
    answers point to a site and `offered_with_a_site_match_when` holds (current cancer). Both
    must hold for certain: a "not sure" or an answer not given never brings them in."""

    questions: Annotated[tuple[Text, ...], Field(min_length=1)]
    offered_when: ConditionField
    offered_with_a_site_match_when: ConditionField | None = None


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Guidance:
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
    # why no survival figures are shown (docs/clinical-basis.md: only on request, with caveats)
    survival_note: Text
    support: Text
    sources: Sources
    # For a person with no cancer diagnosis, or unsure of one (docs/clinical-basis.md): tests that
    # find the cause of a symptom, questions and support that never speak of spread, outlook
    # or the end of life, and "care team" replaced by a doctor or an urgent care service.
    without_cancer_tests: Annotated[tuple[Text, ...], Field(min_length=1)] = (
        "A healthcare provider will decide which tests are needed.",
    )
    without_cancer_questions: Annotated[tuple[Text, ...], Field(min_length=1)] = (
        "What could be causing these symptoms?",
    )
    without_cancer_support: Text = "If you are worried, say so: your provider can help."
    without_cancer_urgent: Text = "Contact a doctor, an urgent care service or a nurse line today."
    # Above the sites under urgent or emergency advice, where the calm framing ("they often have
    # common causes") would read as reassurance: a body part's name alone alarms a person
    # without a diagnosis.
    without_cancer_serious: Text = (
        "These are the parts of the body your symptoms relate to. Only a provider who examines "
        "you can find the cause, which is why the advice above matters."
    )
    with_cancer_sources: tuple[SourceKey, ...] = ()  # cited only for a person with cancer
    emergency_numbers: EmergencyNumbers | None = None  # None: "911 / 999 / 112" everywhere
    # Shown beside questions_to_ask, and the survival note with them, only where they fit.
    outlook_questions: OutlookQuestions | None = None
    first_steps: FirstSteps = FirstSteps()
