"""Counterexamples a reviewer can use: a world of the search as an answers file that replays
it (verify replays the questionnaire's own flow on the book cut to a property's questions,
verify._Cut, with answering/replay.py, to prove the emergency interrupt)."""

from __future__ import annotations

from collections.abc import Mapping

from metasymptoms.core.kinds import Answer
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
