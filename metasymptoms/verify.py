"""Proofs about every path through the questionnaire, by exhaustive search of what matters.

A "world" is what is true for a person: a value for every finding. The questionnaire sees
only what it asks: walking the questions in order, a finding is asked when its `ask_if`
holds on the answers so far, and is otherwise "not reported". Properties are about worlds
and what the questionnaire makes of them, for example: whenever a red flag's condition
holds in the world, it also holds on the questionnaire's answers (no skip logic hides it).

Naive enumeration of ~60 findings is impossible, so each property is reduced to its cone
of influence: the findings its conditions mention and, transitively, the findings their
`ask_if` conditions mention. Findings outside the cone cannot change the outcome and are
fixed to "not reported". The cone is searched depth-first, evaluating conditions in
three-valued (Kleene) logic with unassigned findings unknown, so a branch stops as soon as
its outcome is settled; the search is exhaustive, yet an `any:` of thirty findings settles
after the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from metasymptoms.conditions import AllOf, AnyOf, AtLeast, Condition, Not, OneOf, Reported, findings_in
from metasymptoms.model import RuleBook, Urgency

UNKNOWN = None
UNSET = "__unset__"  # a choice finding not answered

Value = bool | str | None
World = dict[str, Value]


def holds3(condition: Condition, answers: World) -> bool | None:
    """Kleene evaluation: True or False when settled whatever the unknown findings are, else None."""
    match condition:
        case Reported(finding=finding):
            value = answers.get(finding, False)
            return None if value is UNKNOWN else value is True
        case OneOf(finding=finding, values=values):
            value = answers.get(finding, UNSET)
            return None if value is UNKNOWN else value in values
        case AllOf(all=parts):
            results = [holds3(part, answers) for part in parts]
            return False if False in results else None if None in results else True
        case AnyOf(any=parts):
            results = [holds3(part, answers) for part in parts]
            return True if True in results else None if None in results else False
        case Not(condition=inner):
            result = holds3(inner, answers)
            return None if result is None else not result
        case AtLeast(at_least=needed, of=parts):
            results = [holds3(part, answers) for part in parts]
            if results.count(True) >= needed:
                return True
            return False if results.count(True) + results.count(None) < needed else None
    raise TypeError(condition)  # pragma: no cover


def _and(a: bool | None, b: bool | None) -> bool | None:
    return False if a is False or b is False else None if a is None or b is None else True


def _not(a: bool | None) -> bool | None:
    return None if a is None else not a


class Space:
    """The findings of one property, and what the questionnaire makes of a world."""

    def __init__(self, book: RuleBook, conditions: list[Condition]):
        self.book = book
        self.ask_if = {question.finding: question.ask_if for question in book.questions}
        self.order = [question.finding for question in book.questions]
        cone: set[str] = set()
        todo = [finding for condition in conditions for finding in findings_in(condition)]
        while todo:
            finding = todo.pop()
            if finding in cone:
                continue
            cone.add(finding)
            condition = self.ask_if.get(finding)
            if condition is not None:
                todo.extend(findings_in(condition))
        position = {finding: n for n, finding in enumerate(self.order)}
        # The property's own findings first: they settle its outcome soonest; the findings
        # only their ask_if conditions mention follow. Any order is exhaustive.
        own = {finding for condition in conditions for finding in findings_in(condition)}
        self.variables = sorted(
            cone, key=lambda finding: (finding not in own, position.get(finding, len(position)))
        )

    def domain(self, finding: str) -> list[Value]:
        spec = self.book.finding(finding)
        if spec.type == "choice":
            return [choice.value for choice in spec.choices] + [UNSET]
        return [True, False]

    def answers(self, world: World) -> World:
        """The questionnaire's answers for this world: unasked findings are not reported."""
        seen: World = {}
        for finding in self.order:
            if finding not in world:
                continue
            condition = self.ask_if.get(finding)
            asked = True if condition is None else holds3(condition, seen)
            value = world[finding]
            if asked is True:
                seen[finding] = value
            elif asked is False:
                seen[finding] = (
                    UNSET if isinstance(value, str) or self.book.finding(finding).type == "choice" else False
                )
            else:  # not yet settled whether it is asked
                hidden = UNSET if self.book.finding(finding).type == "choice" else False
                seen[finding] = value if value == hidden else UNKNOWN
        for finding in world:  # no question asks it: never reported
            seen.setdefault(finding, UNSET if self.book.finding(finding).type == "choice" else False)
        return seen

    def search(self, goal: Callable[[World, World], bool | None]) -> World | None:
        """A world (over the cone) for which goal(world, answers) is True, or None if none.

        Exhaustive depth-first search. The next finding to assign is chosen at each step: one
        of whose values settles the goal at once if there is one (findings that have an
        ask_if tried first), so branches close early whatever order the rule book is in.
        """

        def settle(world: World) -> bool | None:
            return goal(world, self.answers(world))

        def pick(world: World, free: list[str]) -> str:
            for finding in free:
                for value in self.domain(finding):
                    world[finding] = value
                    settled = settle(world) is not None
                    world[finding] = UNKNOWN
                    if settled:
                        return finding
            return free[0]

        def walk(world: World, free: list[str]) -> World | None:
            result = settle(world)
            if result is not None or not free:
                return self._complete(world) if result is True else None
            finding = pick(world, free)
            rest = [other for other in free if other != finding]
            for value in self.domain(finding):
                world[finding] = value
                found = walk(world, rest)
                if found is not None:
                    return found
            world[finding] = UNKNOWN
            return None

        gated = [finding for finding in self.variables if self.ask_if.get(finding) is not None]
        free = gated + [finding for finding in self.variables if finding not in gated]
        return walk({finding: UNKNOWN for finding in self.variables}, free)

    def _complete(self, world: World) -> World:
        """Settle the findings the goal did not need: not reported."""
        return {
            finding: (UNSET if self.book.finding(finding).type == "choice" else False)
            if value is UNKNOWN
            else value
            for finding, value in world.items()
        }


def as_answers(world: World) -> dict[str, bool | str]:
    """A world as an answers file's content: reported findings and given choices."""
    return {
        finding: value
        for finding, value in world.items()
        if value is True or (isinstance(value, str) and value != UNSET)
    }


def answers_yaml(answers: dict[str, bool | str]) -> str:
    if not answers:
        return "{}\n"
    return "".join(f"{key}: {'yes' if value is True else value}\n" for key, value in answers.items())


# --- the properties -------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """One failed property, with answers that show it where there are some."""

    property: str
    subject: str
    message: str
    counterexample: dict[str, bool | str] | None = None


def hidden_red_flags(book: RuleBook) -> Iterator[Failure]:
    """Red flags whose condition holds for a person while the skip logic hides a finding it
    needs, so that it does not hold on the questionnaire's answers."""
    for flag in book.red_flags:
        space = Space(book, [flag.when])
        world = space.search(lambda w, a, c=flag.when: _and(holds3(c, w), _not(holds3(c, a))))
        if world is not None:
            answers = space.answers(world)
            hidden = [
                finding
                for finding in space.variables
                if world.get(finding) is True and answers.get(finding) is not True
            ]
            yield Failure(
                "hidden-red-flag",
                flag.id,
                f"the skip logic can hide {', '.join(repr(f) for f in hidden)} while the rest of "
                f"'{flag.id}' holds, so a person with these answers is never warned",
                as_answers(world),
            )


def unreachable_red_flags(book: RuleBook) -> Iterator[Failure]:
    for flag in book.red_flags:
        space = Space(book, [flag.when])
        if space.search(lambda w, a, c=flag.when: holds3(c, a)) is None:
            yield Failure(
                "unreachable-red-flag", flag.id, f"no answers to the questionnaire can make '{flag.id}' hold"
            )


def unreachable_questions(book: RuleBook) -> Iterator[Failure]:
    for question in book.questions:
        if question.ask_if is None:
            continue
        space = Space(book, [question.ask_if])
        if space.search(lambda w, a, c=question.ask_if: holds3(c, a)) is None:
            yield Failure(
                "impossible-ask-if",
                question.finding,
                f"the question about '{question.finding}' can never be asked: its ask_if never holds",
            )


def witness(book: RuleBook, flag_id: str) -> dict[str, bool | str] | None:
    """Answers, as the questionnaire would take them, on which the red flag holds."""
    flag = next(flag for flag in book.red_flags if flag.id == flag_id)
    space = Space(book, [flag.when])
    world = space.search(lambda w, a, c=flag.when: holds3(c, a))
    return None if world is None else as_answers(space.answers(world))


class _Replay:
    """A prompter that answers the questionnaire from fixed answers, goes on after any
    emergency, and records what was shown and asked, in order."""

    how_to_answer = ""

    def __init__(self, book: RuleBook, answers: dict[str, bool | str]):
        self.book = book
        self.answers = answers
        self.events: list[tuple[str, str]] = []

    def say(self, text: str, kind: str = "info") -> None:
        self.events.append(("say", text))

    def choose(
        self, message: str, options: object, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        from metasymptoms.questionnaire import GO_ON

        self.events.append(("ask", message))
        if message == "What would you like to do now?":
            return GO_ON
        finding = next((q.finding for q in self.book.questions if q.text == message), None)
        if finding is None:
            return default  # the review: show the result
        value = self.answers.get(finding)
        if value is True:
            return "yes"
        if isinstance(value, str):
            return value
        return "no" if self.book.finding(finding).type == "yes_no" else default

    def ask_text(self, message: str, default: str) -> str:
        return default


def interrupt_failures(book: RuleBook) -> Iterator[Failure]:
    """For each emergency red flag, the questionnaire's own flow is run on a path where it
    fires: its advice must be shown right after the answer that makes it hold, before any
    other question."""
    from metasymptoms.questionnaire import Questionnaire

    for flag in book.red_flags:
        if flag.urgency is not Urgency.EMERGENCY:
            continue
        answers = witness(book, flag.id)
        if answers is None:
            continue
        replay = _Replay(book, answers)
        Questionnaire(book, replay).run()
        events = replay.events
        shown_at = next(
            (n for n, event in enumerate(events) if event == ("say", f"EMERGENCY: {flag.title}")), None
        )
        if shown_at is None:
            yield Failure(
                "emergency-interrupt", flag.id, f"'{flag.id}' held but its advice was never shown", answers
            )
            continue
        following = next((event for event in events[shown_at:] if event[0] == "ask"), None)
        if following != ("ask", "What would you like to do now?"):
            yield Failure(
                "emergency-interrupt",
                flag.id,
                f"another question came before the advice of '{flag.id}'",
                answers,
            )


def provider_advice_failures(book: RuleBook) -> Iterator[Failure]:
    """Every ending, at every urgency, sends the person to a healthcare provider."""
    for urgency in Urgency:
        advice = f"{book.guidance.advice.for_level(urgency)} {book.guidance.see_provider}"
        if "provider" not in advice.lower():
            yield Failure(
                "provider-advice",
                urgency.value,
                f"the ending at '{urgency.value}' does not send the person to a healthcare provider",
            )
    if not book.guidance.emergency_signs:
        yield Failure("provider-advice", "guidance", "the endings list no emergency signs")


PROPERTIES = (
    provider_advice_failures,
    unreachable_red_flags,
    hidden_red_flags,
    interrupt_failures,
    unreachable_questions,
)


def verify(book: RuleBook) -> list[Failure]:
    return [failure for prove in PROPERTIES for failure in prove(book)]
