"""Proofs about every path through the questionnaire (`rules verify`): each property looks
for a counterexample by exhaustive search of what matters (space.py), and a failure carries
answers that replay it (replay.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from metasymptoms.answering.replay import Replay
from metasymptoms.core.conditions import FREE, AllOf, AtLeast, Condition, findings_in, holds, settled
from metasymptoms.core.engine import reading
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.reviewing.compiled import questionnaire_answers
from metasymptoms.reviewing.cones import BookReadings, Links, book_readings
from metasymptoms.reviewing.replay import as_answers
from metasymptoms.reviewing.space import Facts, Space


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


def hidden_red_flags(book: RuleBook) -> Iterator[Failure]:
    """Red flags whose condition holds for a person while the skip logic hides a finding it
    needs, so that it does not hold on the questionnaire's answers.

    A combination ("two ambers make a red") is at least N of other flags' conditions. When
    no skip logic hides any of those, it cannot hide N of them either (each that may hold for
    the person also may hold on the answers), so combinations are proved by their parts.

    Both readings (as the person is, and through the questionnaire) are decision diagrams
    over every world of the flag's cone (compiled.py), so a flag of a hundred findings is
    proved at once, and each flag at the size of its own findings."""
    whole = book_readings(book)
    for flag in book.red_flags:
        if flag.combines:
            continue
        readings = whole.cone(findings_in(flag.when))
        dd = readings.dd
        hidden = dd.apply(
            lambda person, answered: person is True and answered is False,
            readings.world.holds(flag.when),
            readings.asked.holds(flag.when),
        )
        world = readings.example(hidden)
        if world is None:
            continue
        answers = questionnaire_answers(book, world)
        tested = dict.fromkeys([*findings_in(flag.when), *world])
        lost = [f for f in tested if _given(world.get(f)) and answers.get(f) != world.get(f)]
        yield Failure(
            "hidden-red-flag",
            flag.id,
            f"the skip logic can hide {', '.join(repr(f) for f in lost)} while the rest of "
            f"'{flag.id}' holds, so a person with these answers is never warned",
            as_answers(world),
        )


def unreachable_red_flags(book: RuleBook) -> Iterator[Failure]:
    """Red flags that no answers to the questionnaire can make hold."""
    whole = book_readings(book)
    for flag in book.red_flags:
        if not any(_reachable(whole, part) for part in [*_enough(flag.when), flag.when]):
            yield Failure(
                "unreachable-red-flag", flag.id, f"no answers to the questionnaire can make '{flag.id}' hold"
            )


def _reachable(whole: BookReadings, condition: Condition) -> bool:
    readings = whole.cone(findings_in(condition))
    return readings.example(readings.asked.holds(condition)) is not None


def _enough(condition: Condition) -> list[Condition]:
    """For `at_least` N of many parts (the combination "two ambers make a red" counts every
    amber flag), its first N parts together: answers on which they all hold or may hold make
    the whole hold or may hold, and their cone is a few flags', not every amber flag's."""
    if isinstance(condition, AtLeast) and len(condition.of) > condition.at_least:
        return [AllOf(all=condition.of[: condition.at_least])]
    return []


def unreachable_questions(book: RuleBook) -> Iterator[Failure]:
    """Questions whose ask_if holds on no answers given before them."""
    whole = book_readings(book)
    for question in book.questions:
        if question.ask_if is None:
            continue
        readings = whole.cone([question.finding])
        opens = readings.dd.map(lambda value: value is not False, readings.asked.gates[question.finding])
        if readings.example(opens) is None:
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
    leaving them out keeps each replay the size of its flag, not of the whole book. So too
    the red flags it checks after each answer (`_flags_in_play`)."""
    facts, whole = Facts(book), book_readings(book)
    in_play, cut = _flags_in_play(book, whole.links), _Cut(book, facts)
    for flag in book.red_flags:
        if flag.urgency is not Urgency.EMERGENCY:
            continue
        readings = whole.cone(findings_in(flag.when))
        world = readings.example(readings.asked.holds(flag.when))
        if world is None:
            continue
        cone = set(Space(facts, [flag.when]).variables)
        # The answers to the replay's questions: those of the questionnaire of this world
        # (questionnaire_answers), worked out over the questions that decide them alone.
        answers = questionnaire_answers(cut.to(cut.deciding(cone)), world)
        replay = Replay(in_play(cut.to(cone)), answers, until=flag.id)
        replay.flow.run()
        events = replay.flow.events
        shown_at = next((n for n, event in enumerate(events) if event == ("emergency", flag.id)), None)
        if shown_at is None:
            yield Failure(
                "emergency-interrupt",
                flag.id,
                f"'{flag.id}' held but its advice was never shown",
                questionnaire_answers(book, world),
            )
            continue
        following = next((event for event in events[shown_at:] if event[0] in ("asking", "interrupt")), None)
        if following != ("interrupt", ""):
            yield Failure(
                "emergency-interrupt",
                flag.id,
                f"another question came before the advice of '{flag.id}'",
                questionnaire_answers(book, world),
            )


class _Cut:
    """The book cut to the questions about some findings, in their order, and to the
    findings the engine reads on their answers: those, what they imply in turn,
    and the findings with a role. Any other finding is not given on these answers, so it
    reads the same in the whole book (engine.reading); cutting it keeps each replay the size
    of its flag, where the whole book's findings would be read at every answer."""

    def __init__(self, book: RuleBook, facts: Facts):
        self.book, self.facts = book, facts
        self.roles = {finding.id for finding in book.findings if finding.role}
        self.parent = dict(book.implications)
        self.place = {finding.id: n for n, finding in enumerate(book.findings)}
        self.section = {
            question.finding: n for n, section in enumerate(book.sections) for question in section.questions
        }

    def deciding(self, findings: set[str]) -> set[str]:
        """These findings, the findings with a role, and what opens their questions: the
        questions whose answers decide whether these are asked, and what a treatment left
        out is read as."""
        found = findings | self.roles
        todo = list(found)
        while todo:
            gate = self.facts.ask_if.get(todo.pop())
            for finding in findings_in(gate) if gate is not None else ():
                if finding not in found:
                    found.add(finding)
                    todo.append(finding)
        return found

    def to(self, findings: set[str]) -> RuleBook:
        book = self.book
        kept = set(findings) | self.roles
        todo = list(kept)
        while todo:
            implied = self.parent.get(todo.pop())
            if implied is not None and implied not in kept:
                kept.add(implied)
                todo.append(implied)
        sections = sorted({self.section[f] for f in findings if f in self.section})
        return replace(
            book,
            sections=tuple(
                replace(
                    book.sections[n],
                    questions=tuple(q for q in book.sections[n].questions if q.finding in findings),
                )
                for n in sections
            ),
            findings=tuple(book.findings[n] for n in sorted(self.place[f] for f in kept if f in self.place)),
        )


def _flags_in_play(book: RuleBook, links: Links) -> Callable[[RuleBook], RuleBook]:
    """The book cut to the questions of a replay, cut further to the red flags that can act
    in it. A finding outside the cone of influence of the replay's questions (cones.Links;
    alike follow-ups it reaches only through what they imply, which no one answers there)
    reads there as with nothing answered, and so do the findings with a special role unless
    that cone holds them. So a flag is kept when it tests a finding of that cone other than
    those, when it may hold with nothing answered, or, where the cone holds the findings
    with a role, when it may hold with them answered any way and nothing else answered.
    Every other flag holds on none of the replay's answers. For each finding asked, the
    first flag that tests it stays too, so its question offers "not sure" as before."""
    roles = {finding.id for finding in book.findings if finding.role}
    testing: dict[str, list[int]] = {}
    for n, flag in enumerate(book.red_flags):
        for finding in findings_in(flag.when):
            testing.setdefault(finding, []).append(n)
    nothing = reading(book, {})
    any_role = {**nothing, **dict.fromkeys(roles, FREE)}
    always = {n for n, flag in enumerate(book.red_flags) if holds(flag.when, nothing)}
    by_roles = {n for n, flag in enumerate(book.red_flags) if settled(flag.when, any_role) is not False}

    def cut(replayed: RuleBook) -> RuleBook:
        asked = [question.finding for question in replayed.questions]
        touched = links.cone(asked, alike_once=True)
        kept = (by_roles if touched & roles else always).union(
            *(testing.get(finding, ()) for finding in touched - roles),
            (testing[finding][0] for finding in asked if finding in testing),
        )
        return replace(replayed, red_flags=tuple(book.red_flags[n] for n in sorted(kept)))

    return cut


def provider_advice_failures(book: RuleBook) -> Iterator[Failure]:
    """Every ending, at every urgency and for everyone, sends the person to a healthcare
    provider: it carries the book's own provider advice (guidance `see_provider`), or, when
    urgent or an emergency, is that urgency's advice itself (which names where to go today or
    now, and is never followed by everyday wording). Checked on the structure of the ending,
    not its words, so a reworded or translated book keeps the proof."""
    from metasymptoms.core.engine import provider_advice

    guidance = book.guidance
    for urgency in Urgency:
        for who in ("with_cancer", "without_cancer", "unsure"):
            ending = provider_advice(book, urgency, who)
            if urgency.rank >= Urgency.URGENT.rank:
                own = guidance.advice.for_level(urgency)
                if urgency is Urgency.URGENT and who != "with_cancer":
                    own = guidance.without_cancer_urgent
                sends = ending == own and bool(ending.strip())
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
