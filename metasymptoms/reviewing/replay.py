"""Counterexamples a reviewer can use: a world of the search as an answers file that replays
it (verify replays the questionnaire's own flow on the book cut to a property's questions,
verify._Cut, with answering/replay.py, to prove the emergency interrupt)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from metasymptoms.core.engine import reading
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import RuleBook
from metasymptoms.core.unsaid import kinds_not_given, treatment_not_given
from metasymptoms.reviewing.space import UNKNOWN, UNSET


def as_answers(world: Mapping[str, object]) -> dict[str, Answer]:
    """A world as an answers file's content: reported findings, given choices and numbers."""
    return {
        finding: value
        for finding, value in world.items()
        if value is True
        or (isinstance(value, tuple) and value)  # "which of these": the ones that apply
        or (isinstance(value, (str, float)) and value != UNSET and value is not UNKNOWN)
    }


def answers_file(book: RuleBook, seen: Mapping[str, object]) -> dict[str, Answer]:
    """The questionnaire's answers `seen` (a "no" kept as given) as an answers file that the
    engine reads as they were read: what is not reported left out, but for a "no" that left
    out would read as "not sure" (engine.reading). A group said with "none of: cancer
    treatment" whose file left the treatment out was read "not sure", and replayed another
    urgency than its words. The treatment first: whether its kinds read so depends on it."""
    given = as_answers(seen)
    treatment = treatment_not_given(book, given)
    said = {treatment} if treatment and seen.get(treatment) is False else set()
    kinds = kinds_not_given(book, {**given, **dict.fromkeys(said, False)})
    said.update(kind for kind in kinds if seen.get(kind) is False)
    return {**given, **{finding: False for finding in seen if finding in said}}


def read_into(book: RuleBook) -> frozenset[str]:
    """The findings the engine reads something into when an answers file leaves them out
    (engine.reading, by core/unsaid.py): a history of cancer, and after it a primary, spread,
    a treatment and its kinds. Asked of the engine itself, on files that give nothing but a
    history (or not even that), so those rules live in one place: a treatment left out is
    "not sure" where there may be cancer, never "no"."""
    history = book.role("cancer_history")
    choices = [choice.value for choice in book.finding(history).choices] if history else []
    files: list[Mapping[str, Answer]] = [{}, *({history: value} for value in choices if history)]
    return frozenset(
        finding for answers in files for finding in reading(book, answers) if finding not in answers
    )


def kind_left_out(book: RuleBook, kind: str, own: object, treated: object) -> object:
    """A kind of treatment (`own`: its answer, UNSET when left out) as the engine reads it:
    left out, "not sure" where the treatment reads yes or not sure (`treated`: its answer, a
    history left out, a kind that implies it), never "no" (unsaid.kinds_not_given)."""
    if not (isinstance(own, str) and own == UNSET):
        return own  # given: as it is
    treatment = book.role("recent_treatment")
    # the search holds a treatment's answer as a plain object; by here it is one an answer takes
    answer = False if isinstance(treated, str) and treated == UNSET else cast(Answer, treated)
    return UNSURE if treatment and kind in kinds_not_given(book, {treatment: answer}) else UNSET


def answers_yaml(answers: dict[str, Answer]) -> str:
    if not answers:
        return "{}\n"
    return "".join(f"{key}: {yaml_value(value)}\n" for key, value in answers.items())


def yaml_value(value: Answer) -> str:
    """One answer as an answers file spells it."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, tuple):  # "which of these": the ones that apply
        return f"[{', '.join(value)}]"
    return f"{value:g}" if isinstance(value, float) else str(value)
