"""The words of the engine's reasons (guidance.yaml `wording`): an answer told back, why a
warning sign was shown, why a question is asked, a rule's condition in words, and what is
said once a file is written. core/explain.py puts them together; every sentence is written
in the rule book, none here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import with_config

from metasymptoms.core.model_base import FORBID_EXTRA, TEXT, Text, holding


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class AnswersWording:
    """An answer told back: one not given, and one read from another answer ("yes, from your
    measured temperature: 38.4 °C"), with the person's own answer beside it."""

    not_given: Text
    reported: Text  # read as reported ("yes")
    not_sure: Text
    read_from: Annotated[str, TEXT, holding("answer", "source")]
    answered: Annotated[str, TEXT, holding("answer")]  # the person's own answer, beside it
    from_answer: Annotated[str, TEXT, holding("finding")]
    from_not_sure: Annotated[str, TEXT, holding("finding")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class BecauseWording:
    """Why a warning sign was shown, or symptoms point to a place, in one sentence: a part
    for each kind of answer it was read from."""

    sentence: Annotated[str, TEXT, holding("reasons")]
    between: Text  # between two parts: ", and "
    reported: Annotated[str, TEXT, holding("names")]
    gave: Annotated[str, TEXT, holding("names")]  # a measurement, with its value
    show: Annotated[str, TEXT, holding("names")]  # read from another answer
    may_show: Annotated[str, TEXT, holding("names")]  # read as "not sure" from another answer
    not_sure: Annotated[str, TEXT, holding("names")]
    not_sure_several: Annotated[str, TEXT, holding("names")]  # two or more answered "not sure"
    answered: Annotated[str, TEXT, holding("names")]  # an answer about the person (a choice)
    not_given: Annotated[str, TEXT, holding("names")]
    read_from: Annotated[str, TEXT, holding("finding", "source")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class WhyAskedWording:
    """Why a question is asked, from the rules that read its answer: one sentence a line."""

    sites: Annotated[str, TEXT, holding("sites")]
    # Read by many signs: the reason once, with what the answer is about (a finding's label);
    # the signs are not listed.
    sooner_with: Annotated[str, TEXT, holding("finding")]
    emergency_sign: Annotated[str, TEXT, holding("title")]
    warning_sign: Annotated[str, TEXT, holding("title")]
    cancer_questions: Text  # questions only a person with cancer is asked follow
    follow_ups: Text  # followed by the follow-up questions, one a line
    where_it_started: Text  # the question of where the cancer started
    outlook: Text  # decides whether the questions about what lies ahead are listed
    otherwise: Text  # where no rule says more


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class ConditionsWording:
    """A rule's condition in words, for a class and for the rule-book document."""

    answer_is: Annotated[str, TEXT, holding("finding", "answers")]
    answer_is_not: Annotated[str, TEXT, holding("finding", "answer")]
    answer_is_neither: Annotated[str, TEXT, holding("finding", "answer", "other")]
    answer_is_none_of: Annotated[str, TEXT, holding("finding", "answers")]
    value_is: Annotated[str, TEXT, holding("finding", "answers")]  # by id, for a reviewer
    any_of: Annotated[str, TEXT, holding("conditions")]
    at_least: Annotated[str, TEXT, holding("count", "conditions")]
    negated: Annotated[str, TEXT, holding("condition")]


@with_config(FORBID_EXTRA)
@dataclass(frozen=True)
class WrittenWording:
    """What is said once a file the person named is written."""

    your_summary: Annotated[str, TEXT, holding("path")]  # saved from the result on screen
    result: Annotated[str, TEXT, holding("path")]  # `ask --output`, as text or JSON
    summary: Annotated[str, TEXT, holding("path")]  # as Markdown or HTML
    results: Annotated[str, TEXT, holding("path")]  # a batch of answers files, as JSON lines
    replaced: Text  # after one of those, where a file stood there before (--output replaces it)
