"""Proofs about every path through the questionnaire (`rules verify`): each property looks
for a counterexample by exhaustive search of what matters (space.py), and a failure carries
answers that replay it (replay.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from metasymptoms.core.conditions import Condition, findings_in, kleene_and, kleene_not, settled
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.reviewing.replay import Replay, as_answers, cut_to
from metasymptoms.reviewing.space import Facts, Goal, Space, World


def _given(value: object) -> bool:
    """Reported, "not sure", or a number given: an answer that skip logic could lose (named
    in a hidden-red-flag failure)."""
    if value is True or (isinstance(value, str) and value == UNSURE):
        return True
    return isinstance(value, float)


@dataclass(frozen=True)
class Failure:
    """One failed property, with answers that show it where there are some."""

    property: str
    subject: str
    message: str
    counterexample: dict[str, Answer] | None = None


def _holds_on_answers(condition: Condition) -> Goal:
    """The goal: the condition holds on the questionnaire's answers."""
    return lambda world, answers: settled(condition, answers)


def _hidden_on_answers(condition: Condition) -> Goal:
    """The goal: the condition holds for the person but not on their answers."""
    return lambda world, answers: kleene_and(
        settled(condition, world), kleene_not(settled(condition, answers))
    )


def hidden_red_flags(book: RuleBook) -> Iterator[Failure]:
    """Red flags whose condition holds for a person while the skip logic hides a finding it
    needs, so that it does not hold on the questionnaire's answers.

    A combination ("two ambers make a red") is at least N of other flags' conditions. When
    no skip logic hides any of those, it cannot hide N of them either (each that may hold for
    the person also may hold on the answers), so combinations are proved by their parts.

    A flag that tests only findings every person is asked (no ask_if) needs no search: the
    answers hold exactly what is true for the person, so the flag holds on both or neither.
    (An `at_least: 10` of thirty such findings would otherwise be a search of millions.)"""
    facts = Facts(book)
    for flag in book.red_flags:
        if flag.combines or all(
            finding in facts.question and facts.ask_if[finding] is None for finding in findings_in(flag.when)
        ):
            continue
        space = Space(facts, [flag.when])
        world = space.search(_hidden_on_answers(flag.when))
        if world is not None:
            answers = space.answers(world)
            hidden = [
                finding
                for finding in space.variables
                if _given(world.get(finding)) and answers.get(finding) != world.get(finding)
            ]
            yield Failure(
                "hidden-red-flag",
                flag.id,
                f"the skip logic can hide {', '.join(repr(f) for f in hidden)} while the rest of "
                f"'{flag.id}' holds, so a person with these answers is never warned",
                as_answers(world),
            )


def unreachable_red_flags(book: RuleBook) -> Iterator[Failure]:
    """Red flags that no answers can make hold.

    A combination (at least N of other flags) is first tried on its parts' own answers put
    together, where they agree: if N parts then hold, that is a witness, checked like any
    other. Only where that fails is the combination searched as a whole, whose cone is every
    finding of every part."""
    facts = Facts(book)
    found: dict[str, World] = {}
    for flag in book.red_flags:
        space = Space(facts, [flag.when])
        reach = _holds_on_answers(flag.when)
        world = _joined(space, [found[part] for part in flag.combines if part in found], reach)
        if world is None:
            world = space.search(reach)
        if world is None:
            yield Failure(
                "unreachable-red-flag", flag.id, f"no answers to the questionnaire can make '{flag.id}' hold"
            )
        else:
            found[flag.id] = world


def _joined(space: Space, worlds: list[World], goal: Goal) -> World | None:
    """The worlds put together (each kept only where it agrees with those before it), if
    the goal holds on them with every other finding of the space not reported."""
    if not worlds:
        return None
    joined: World = {}
    for world in worlds:
        if all(joined.get(finding, value) == value for finding, value in world.items()):
            joined.update(world)
    world = {finding: joined.get(finding, space.hidden(finding)) for finding in space.variables}
    if not all(space.possible(world, finding) for finding in world):
        return None
    return world if goal(space.read(world), space.read(space.answers(world))) is True else None


def unreachable_questions(book: RuleBook) -> Iterator[Failure]:
    facts = Facts(book)
    for question in book.questions:
        if question.ask_if is None:
            continue
        space = Space(facts, [question.ask_if])
        if space.search(_holds_on_answers(question.ask_if)) is None:
            yield Failure(
                "impossible-ask-if",
                question.finding,
                f"the question about '{question.finding}' can never be asked: its ask_if never holds",
            )


def interrupt_failures(book: RuleBook) -> Iterator[Failure]:
    """For each emergency red flag, the questionnaire's own flow is run on a path where it
    fires: the interrupt must come right after the answer that makes it hold, before any
    other question.

    The flow asks only the questions of the flag's cone (the findings its condition tests,
    and what opens their questions): the others cannot change whether or when it fires, so
    leaving them out keeps each replay the size of its flag, not of the whole book."""
    facts = Facts(book)
    for flag in book.red_flags:
        if flag.urgency is not Urgency.EMERGENCY:
            continue
        space = Space(facts, [flag.when])  # searched once: for answers on which it holds, and its cone
        world = space.search(_holds_on_answers(flag.when))
        if world is None:
            continue
        answers = as_answers(space.answers(world))
        replay = Replay(cut_to(book, set(space.variables)), answers, until=flag.id)
        replay.flow.run()
        events = replay.flow.events
        shown_at = next((n for n, event in enumerate(events) if event == ("emergency", flag.id)), None)
        if shown_at is None:
            yield Failure(
                "emergency-interrupt", flag.id, f"'{flag.id}' held but its advice was never shown", answers
            )
            continue
        following = next((event for event in events[shown_at:] if event[0] in ("asking", "interrupt")), None)
        if following != ("interrupt", ""):
            yield Failure(
                "emergency-interrupt",
                flag.id,
                f"another question came before the advice of '{flag.id}'",
                answers,
            )


def provider_advice_failures(book: RuleBook) -> Iterator[Failure]:
    """Every ending, at every urgency and for everyone, sends the person to a healthcare
    provider: it carries the book's own provider advice (guidance `see_provider`), or, at an
    emergency, is the emergency advice itself (which names where to go, and is never
    followed by everyday wording). Checked on the structure of the ending, not its words,
    so a reworded or translated book keeps the proof."""
    from metasymptoms.core.engine import provider_advice

    guidance = book.guidance
    for urgency in Urgency:
        for who in ("with_cancer", "without_cancer", "unsure"):
            ending = provider_advice(book, urgency, who)
            if urgency is Urgency.EMERGENCY:
                sends = ending == guidance.advice.for_level(urgency) and bool(ending.strip())
            else:
                sends = bool(guidance.see_provider.strip()) and ending.endswith(guidance.see_provider)
            if not sends:
                yield Failure(
                    "provider-advice",
                    urgency.value,
                    f"the ending at '{urgency.value}' does not send the person to a healthcare provider",
                )
                break
    if not book.guidance.emergency_signs:
        yield Failure("provider-advice", "guidance", "the endings list no emergency signs")
