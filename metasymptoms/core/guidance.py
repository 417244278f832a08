"""The guidance every ending carries (guidance.yaml): advice by urgency, emergency numbers,
the questions and support for each kind of person, and the wording the questions and the
result put around the book's own words. Every sentence a person reads is written there, none
here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, with_config

from metasymptoms.core.condition_parser import ConditionField
from metasymptoms.core.model_base import (
    FORBID_EXTRA,
    TEXT,
    FirstStepText,
    NumberedText,
    NumberText,
    ReminderText,
    SourceKey,
    Sources,
    Text,
    Urgency,
    holding,
)
from metasymptoms.core.wording_answers import AnswerWords, ListWords, StatusWords
from metasymptoms.core.wording_pages import PagesWording, ServeWording
from metasymptoms.core.wording_questions import (
    PlainWording,
    QuestionsWording,
    TypedNumbersWording,
    WhichOfTheseWording,
)
from metasymptoms.core.wording_reasons import (
    AnswersWording,
    BecauseWording,
    ConditionsWording,
    WhyAskedWording,
    WrittenWording,
)
from metasymptoms.core.wording_teaching import TeachingWording


class _OnePerLevel:
    """A text for each level of urgency, in a field named by the level."""

    def for_level(self, urgency: Urgency) -> str:
        text: str = getattr(self, urgency.value)
        return text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class UrgencyAdvice(_OnePerLevel):
    """What to do, for each level of urgency."""

    emergency: NumberedText
    urgent: NumberedText
    prompt: NumberedText
    routine: NumberedText


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class CountryNumber:
    """The emergency number of one country, by its two-letter ISO 3166 code, and the name of
    its line for urgent help out of hours, where it has one everyone can call."""

    country: Annotated[str, Field(min_length=2, max_length=2)]
    number: Annotated[str, Field(min_length=1, max_length=40)]
    name: Text  # the country in words, for the reviewer
    out_of_hours: Text | None = None


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class EmergencyNumbers:
    """Which number to call: the country's own when it is known, else every common one."""

    anywhere: Text  # shown when the country is not known
    countries: tuple[CountryNumber, ...] = ()


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class FirstSteps:
    """The first thing to do in an emergency, in the book's words, most direct first. When
    several emergency warning signs fire, only the most direct of their first steps is given
    as first (never "call the 24-hour line first" beside "call the emergency number now")."""

    emergency_services: NumberText
    # Worded exactly as in each red flag's advice that gives it, so that advice can be told
    # without it when a more direct step comes first.
    cancer_team_line: NumberText


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class EmergencyWording:
    """What the questions and the result say around the warning signs' own advice in an
    emergency. Each gives the number: {emergency_number}."""

    number_line: NumberText  # every start, and every stop of the questions
    action: NumberText  # the one instruction an emergency result ends on
    signs_heading: NumberText  # above the list of emergency signs in every result
    heading: Text  # above the card's one first step, where several signs meet
    first_step: FirstStepText  # the card's one first step
    first_step_in_result: FirstStepText  # the result's first advice, where the card had one
    call_handler: Text  # above the handover to read to the emergency call handler
    reminder: ReminderText  # keeps an emergency in view where its advice is off screen
    changed_back: Text  # why a warning sign stands in the result though no answer gives it now


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ChoiceWording:
    """A question the program asks (not the rule book's), with its two answers."""

    question: Text
    first: Text  # the default, listed first
    second: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ByUrgency(_OnePerLevel):
    """A word or heading for each level of urgency."""

    emergency: Text
    urgent: Text
    prompt: Text
    routine: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ExportWording:
    """The notices of the questions exported as a form (`rules export --format fhir-r4`)."""

    about: Text  # after the purpose and "not a diagnosis": what the form does not do
    emergency: NumberText  # above the emergency signs


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ArrowKeysWording:
    """What only the arrow-key questions say (the plain, typed ones need none of it)."""

    tick: Text  # how a "which of these" list of checkboxes is answered, under its question
    taken_back: Text  # under an answer taken back with Back, where it cannot be cleared
    choose: Text  # how a list of answers is answered, under its question
    # The opening's instructions: {why} and {back} are the steps' names (`questions`).
    how_to_answer: Annotated[str, TEXT, holding("why", "back")]
    left_out: Text  # said back for a typed answer left out


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ResultWording:
    """The result's headings, and its sentences around the book's own words."""

    title: Text  # the plain-text result's first line
    also_tell: Text  # above the names of less urgent warning signs
    why_these_signs: Text
    not_sure_heading: Text
    not_sure: Annotated[str, TEXT, holding("names")]  # {names}: the answers not sure about
    not_given_heading: Text  # answers left out (of an answers file), read the safer way
    not_given: Annotated[str, TEXT, holding("names")]  # {names}: the questions not answered
    where_they_point: Text  # above the sites, for a person with cancer
    to_check: Text  # above the sites, for anyone else
    other_causes: Text
    no_match: Text  # answers given, none of the patterns matched
    what_they_point_to: Text  # above no_match or the book's nothing_reported
    other_symptoms_heading: Text  # above the symptoms told that no warning sign or site named
    other_symptoms: Text
    other_symptoms_in_emergency: Text  # to the people who see the person now
    spreads_to: Annotated[str, TEXT, holding("cancer", "sites")]
    about_the_cancer: Annotated[str, TEXT, holding("cancer")]  # {cancer} in lower case
    about_your_cancer: Text  # where the book lists no sites for the cancer
    no_sites_listed: Text  # for a cancer the book has no sites for ("other", "unknown")
    provider_may_do: Text
    questions_to_ask: Text
    support: Text
    can_and_cannot: Text
    sources: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class SummaryWording:
    """The saved summary's labels: its clinician part, and its part for the person."""

    title: Text
    title_in_emergency: Text  # for the people who see the person now, not an appointment
    page_title: Annotated[str, TEXT, holding("when")]  # the printed page's title
    made: Annotated[str, TEXT, holding("when")]
    for_clinician: Text
    for_you: Text
    made_label: Text
    rule_book: Text
    urgency_shown: Text
    warning_signs: Text
    symptoms: Text
    treatment: Text
    not_sure: Text
    none: Text  # no warning sign
    no_symptoms: Text
    every_question: Text
    question: Text  # the table's column headings
    answer: Text
    no_questions: Text
    not_answered: Text
    none_of_the_questions: Annotated[str, TEXT, holding("section", "count")]
    read_as: Annotated[str, TEXT, holding("answer", "reading")]  # "No", read as yes
    not_asked: Text
    did_not_apply: Text  # follow-ups that did not apply were not asked
    local_time: Text  # where the time's offset from UTC is not known


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ScreenWording:
    """The result in the terminal: the keys, and the note after stopping for an emergency."""

    read_more: Text
    read_more_no_save: Text
    your_result: Text
    stopped: Annotated[str, TEXT, holding("not_asked")]
    one_not_asked: Text
    some_not_asked: Annotated[str, TEXT, holding("count")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class SaveWording:
    """The offer to save a summary in the terminal, and what follows each answer."""

    question: Text
    question_in_emergency: Text  # to show the people who see the person now
    decline: Text  # the default, listed first
    html: Text
    markdown: Text
    nothing_saved: Text
    file_name: Text
    exists: Annotated[str, TEXT, holding("path")]
    choose_another: Text  # the default, listed first
    replace: Text
    failed: Annotated[str, TEXT, holding("error")]
    try_again: Text
    try_another: Text  # the default, listed first
    do_not_save: Text
    bring: Text
    bring_in_emergency: Text


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class HandoverWording:
    """The lines to read to the emergency call handler, said of the person: the warning sign,
    what was reported for it, then the cancer, its spread and recent treatment."""

    warning_sign: Annotated[str, TEXT, holding("title")]
    not_sure: Annotated[str, TEXT, holding("answer")]
    read_from: Annotated[str, TEXT, holding("answer", "reading")]  # "a fever (from 38.4 °C)"
    temperature: Annotated[str, TEXT, holding("answer")]
    has_now: Annotated[str, TEXT, holding("cancer")]
    had_in_the_past: Annotated[str, TEXT, holding("cancer")]
    has_or_had: Annotated[str, TEXT, holding("cancer")]
    a_cancer: Text  # {cancer} where the kind of cancer is not known
    not_sure_history: Text
    spread_to_bones: Text
    spread_elsewhere: Text
    not_sure_spread: Text
    recent_treatment: Annotated[str, TEXT, holding("answer")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class Wording:
    """The wording the questions and the result put around the rule book's own words."""

    emergency: EmergencyWording
    # After an emergency card in the questions: stop and get help (first), or go on.
    interrupt: ChoiceWording
    # After stopping for an emergency: no more (first), or the result from the answers so far.
    after_stopping: ChoiceWording
    result_after_stopping: Text  # the heading of that result
    urgency_headings: ByUrgency  # how soon, as the result's first heading
    urgency_labels: ByUrgency  # a warning sign's urgency, before its name
    see_provider_footer: Text  # the web pages' footer, where no emergency is shown
    # What the tool does, said before the history of cancer is answered (the terminal's
    # opening, the start page, an exported form): to anyone, so never of spread. The book's
    # `purpose`, which is, is said only to a person with cancer (in the result).
    opening_purpose: Text
    export: ExportWording
    arrow_keys: ArrowKeysWording
    questions: QuestionsWording  # around the questions: the opening, why, back, the review
    typed_numbers: TypedNumbersWording  # a typed number: how to type it, and its refusals
    plain: PlainWording  # the plain, numbered questions' own words (--plain)
    which_of_these: WhichOfTheseWording  # a "which of these" question typed or ticked
    result: ResultWording
    summary: SummaryWording
    pages: PagesWording  # the served pages' own words
    serve: ServeWording  # what `serve` tells whoever starts it; a name it refuses
    screen: ScreenWording  # the result in the terminal
    save: SaveWording  # the offer to save a summary, in the terminal
    handover: HandoverWording  # what to tell the emergency call handler
    answers: AnswersWording  # an answer told back: not given, or read from another
    because: BecauseWording  # why a warning sign was shown: the answers it was read from
    why_asked: WhyAskedWording  # why a question is asked
    conditions: ConditionsWording  # a rule's condition in words
    written: WrittenWording  # said once a file the person named is written
    teaching: TeachingWording  # what a class reads: the replay, the lesson, the quiz
    answer_words: AnswerWords  # an answer, whatever its kind: offered, and told back
    lists: ListWords  # the words that join a list: "a, b and c"
    rule_book_status: StatusWords  # the book's version and status, under every result


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
    emergency_signs: Annotated[tuple[NumberedText, ...], Field(min_length=1)]
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
    without_cancer_tests: Annotated[tuple[Text, ...], Field(min_length=1)]
    without_cancer_questions: Annotated[tuple[Text, ...], Field(min_length=1)]
    without_cancer_support: Text
    without_cancer_urgent: NumberedText
    # Above the sites under urgent or emergency advice, where the calm framing ("they often have
    # common causes") would read as reassurance: a body part's name alone alarms a person
    # without a diagnosis.
    without_cancer_serious: Text
    # The numbers to call, and the sentences that give one (the number filled in on loading).
    emergency_numbers: EmergencyNumbers
    first_steps: FirstSteps
    wording: Wording
    with_cancer_sources: tuple[SourceKey, ...] = ()  # cited only for a person with cancer
    # Shown beside questions_to_ask, and the survival note with them, only where they fit.
    outlook_questions: OutlookQuestions | None = None
