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

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from metasymptoms.core.conditions import (
    FREE,
    AllOf,
    AnyOf,
    AtLeast,
    Compare,
    Condition,
    Not,
    findings_in,
    kleene_and,
    kleene_not,
    settled,
)
from metasymptoms.core.engine import asked, reading, with_implications
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import Question, RuleBook, Urgency

UNKNOWN = FREE  # a finding the search has not assigned yet
UNSET = "__unset__"  # a choice or number finding not answered

Value = object  # an answer, UNKNOWN or UNSET; once read (engine.reading), also a set
World = dict[str, Value]
Goal = Callable[[World, World], bool | None]  # (what is true of the person, their answers)


def number_cuts(book: RuleBook) -> dict[str, list[float]]:
    """For each number finding, the values where some condition's outcome can change."""
    cuts: dict[str, set[float]] = {}
    conditions = [flag.when for flag in book.red_flags]
    conditions += [rule.when for site in book.sites for rule in site.rules]
    conditions += [question.ask_if for question in book.questions if question.ask_if is not None]

    def walk(node: Condition) -> None:
        match node:
            case Compare(finding=finding, at_least=low, below=high):
                cuts.setdefault(finding, set()).update(bound for bound in (low, high) if bound is not None)
            case AllOf(all=parts) | AnyOf(any=parts) | AtLeast(of=parts):
                for part in parts:
                    walk(part)
            case Not(condition=inner):
                walk(inner)

    for condition in conditions:
        walk(condition)
    return {finding: sorted(values) for finding, values in cuts.items()}


class Facts:
    """What every search over one book reads, worked out once per book (a proof builds one
    and hands it to each of its spaces): each finding's question and place in the order
    asked, the values where numbers matter, and the follow-ups that imply each finding."""

    def __init__(self, book: RuleBook):
        self.book = book
        self.question: dict[str, Question] = {question.finding: question for question in book.questions}
        self.ask_if = {finding: question.ask_if for finding, question in self.question.items()}
        self.position = {question.finding: n for n, question in enumerate(book.questions)}
        self.cuts = number_cuts(book)
        self.history = book.role("cancer_history")
        self.implications = tuple(book.implications)
        self.implication_place = {pair: n for n, pair in enumerate(self.implications)}
        self.implied_by: dict[str, list[tuple[str, str]]] = {}
        for child, parent in self.implications:
            self.implied_by.setdefault(child, []).append((child, parent))
            self.implied_by.setdefault(parent, []).append((child, parent))


class Space:
    """The findings of one property, and what the questionnaire makes of a world."""

    def __init__(self, facts: Facts, conditions: list[Condition]):
        self.facts = facts
        self.book = facts.book
        self.cuts = facts.cuts
        self.history = facts.history
        self.implications = facts.implications
        self.ask_if, position = facts.ask_if, facts.position
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
        # The follow-ups of the cone and what they imply in turn, in the book's order
        # (chains work top-down): the only implications these answers can use.
        chains: set[tuple[str, str]] = set()
        reached, todo = set(cone), list(cone)
        while todo:
            finding = todo.pop()
            for child, parent in facts.implied_by.get(finding, ()):
                if child == finding:
                    chains.add((child, parent))
                    if parent not in reached:
                        reached.add(parent)
                        todo.append(parent)
        self.chains = sorted(chains, key=facts.implication_place.__getitem__)
        # Only the cone's questions, in the book's order: a search stays the size of its
        # property, not of the whole book.
        self.order = sorted((finding for finding in cone if finding in position), key=position.__getitem__)
        # The property's own findings first: they settle its outcome soonest; the findings
        # only their ask_if conditions mention follow. Any order is exhaustive.
        own = {finding for condition in conditions for finding in findings_in(condition)}
        self.variables = sorted(
            cone, key=lambda finding: (finding not in own, position.get(finding, len(position)))
        )

    def domain(self, finding: str) -> list[Value]:
        """The values worth trying: yes, no and not sure; every choice (a question asked is
        always answered: "not given" is only for findings no question asks); each interval
        of a number that the rules tell apart (its lowest value), and not measured."""
        spec = self.book.finding(finding)
        if spec.type == "choice":
            return [choice.value for choice in spec.choices]
        if spec.type == "number":
            assert spec.minimum is not None
            cuts = [cut for cut in self.cuts.get(finding, []) if cut > spec.minimum]
            return [spec.minimum, *cuts, UNSET, UNSURE]
        return [True, False, UNSURE]

    def possible(self, world: World, finding: str) -> bool:
        """Whether a person could give these answers: a finding reported while one it
        implies is denied (a follow-up without its parent) is no one's world."""
        for child, parent in self.facts.implied_by.get(finding, ()):
            if world.get(parent) is False and self.book.implies_parent(child, world.get(child)) is not None:
                return False
        return True

    def hidden(self, finding: str) -> Value:
        """The value of a finding the questionnaire does not ask: not reported."""
        return False if self.book.finding(finding).type == "yes_no" else UNSET

    def answers(self, world: World) -> World:
        """The questionnaire's answers for this world, as the rules read them: unasked
        findings are not reported (the engine's skip logic, with unassigned findings
        unknown until they settle whether a question is asked)."""
        seen: World = {}
        for finding in self.order:
            if finding not in world:
                continue
            is_asked = asked(self.facts.question[finding], seen, settled)
            value = world[finding]
            if is_asked is True:
                seen[finding] = value
            elif is_asked is False:
                seen[finding] = self.hidden(finding)
            else:  # not yet settled whether it is asked
                seen[finding] = value if value == self.hidden(finding) else UNKNOWN
        for finding in world:  # no question asks it: never reported
            seen.setdefault(finding, self.hidden(finding))
        return seen

    def read(self, seen: World) -> World:
        """As the rules read these answers (engine.reading): UNSET is not given."""
        history = self.history
        if history is not None and seen.get(history) == UNSET:
            # Before reading, a world holds answers and UNKNOWN (any answer, not chosen yet).
            given = {key: value for key, value in seen.items() if value != UNSET}
            return reading(self.book, given)  # type: ignore[arg-type]
        return with_implications(self.book, seen, self.chains)  # as the engine reads every answer

    def search(self, goal: Goal, first: Iterable[str] = (), plain: bool = False) -> World | None:
        """A world (over the cone) for which goal(world, answers) is True, or None if none.

        Exhaustive depth-first search. The next finding to assign is chosen at each step: one
        of whose values settles the goal at once if there is one (the findings `first` names,
        then findings that have an ask_if, are tried first), so branches close early whatever
        order the rule book is in. With `plain`, each branch first tries the plainest answers
        (everything not yet chosen not reported): worth it where a witness is likely, as
        for a lowering among many items that must all stay quiet.
        """

        known: dict[tuple[object, ...], bool | None] = {}  # pick's trials are met again one level down

        def settle(world: World) -> bool | None:
            key = tuple(world.values())  # one finding a place: a value stands for one answer
            if key not in known:
                known[key] = goal(self.read(world), self.read(self.answers(world)))
            return known[key]

        def pick(world: World, free: list[str]) -> str:
            for finding in free[:8]:  # looking further costs more than the branches it saves
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
            # Before branching, the plainest answers: everything not yet chosen not reported.
            # A witness found so is checked like any other, and has the fewest findings.
            if plain:
                done = self._complete(world)
                if all(self.possible(done, finding) for finding in free) and settle(done) is True:
                    return done
            finding = pick(world, free)
            rest = [other for other in free if other != finding]
            for value in self.domain(finding):
                world[finding] = value
                if not self.possible(world, finding):
                    continue
                found = walk(world, rest)
                if found is not None:
                    return found
            world[finding] = UNKNOWN
            return None

        first = [finding for finding in dict.fromkeys(first) if finding in self.variables]
        gated = [f for f in self.variables if self.ask_if.get(f) is not None and f not in first]
        free = (
            first
            + gated
            + [finding for finding in self.variables if finding not in gated and finding not in first]
        )
        return walk({finding: UNKNOWN for finding in self.variables}, free)

    def _complete(self, world: World) -> World:
        """Settle the findings the goal did not need: not reported."""
        done = {
            finding: self.hidden(finding) if value is UNKNOWN else value for finding, value in world.items()
        }
        for child, parent in self.chains:
            says = self.book.implies_parent(child, done.get(child))
            if says is not None and world.get(parent) is UNKNOWN:
                done[parent] = says
        return done


def _given(value: object) -> bool:
    """Reported, "not sure", or a number given: an answer that skip logic could lose (named
    in a hidden-red-flag failure)."""
    if value is True or (isinstance(value, str) and value == UNSURE):
        return True
    return isinstance(value, float)


def as_answers(world: World) -> dict[str, Answer]:
    """A world as an answers file's content: reported findings, given choices and numbers."""
    return {
        finding: value
        for finding, value in world.items()
        if value is True or (isinstance(value, (str, float)) and value != UNSET and value is not UNKNOWN)
    }


def answers_yaml(answers: dict[str, Answer]) -> str:
    if not answers:
        return "{}\n"
    return "".join(f"{key}: {yaml_value(value)}\n" for key, value in answers.items())


def yaml_value(value: Answer) -> str:
    """One answer as an answers file spells it."""
    if value is True:
        return "yes"
    return f"{value:g}" if isinstance(value, float) else str(value)


# --- the properties -------------------------------------------------------------------


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


def witness(facts: Facts, flag_id: str) -> dict[str, Answer] | None:
    """Answers, as the questionnaire would take them, on which the red flag holds."""
    flag = next(flag for flag in facts.book.red_flags if flag.id == flag_id)
    space = Space(facts, [flag.when])
    world = space.search(_holds_on_answers(flag.when))
    return None if world is None else as_answers(space.answers(world))


class _Replay:
    """A prompter that answers the questionnaire from fixed answers. It knows which question
    is asked from the flow's events, never its words, and answers it as the finding's kind
    spells that answer (kinds.py). After an emergency it goes on, until the one it waits for
    has been shown and the flow has moved on once: then it stops."""

    how_to_answer = ""

    def __init__(self, book: RuleBook, answers: dict[str, Answer], until: str | None = None):
        from metasymptoms.answering.questionnaire import Questionnaire

        self.book = book
        self.answers = answers
        self.until = until
        self.flow = Questionnaire(book, self)

    def _asking(self) -> str | None:
        """The finding being asked, or None at a prompt that is not a question."""
        last = self.flow.events[-1] if self.flow.events else None
        return last[1] if last and last[0] == "asking" else None

    def _option(self, default: str) -> str:
        from metasymptoms.core.kinds import kind_of

        finding = self._asking()
        if finding is None or finding not in self.answers:
            return default  # not reported (a number not measured), or the review: show the result
        return kind_of(self.book.finding(finding)).option_of(self.answers[finding])

    def say(self, text: str, kind: str = "info") -> None:
        pass

    def choose(
        self, message: str, options: object, default: str, hint: str | None = None, *, one_line: bool = False
    ) -> str:
        from metasymptoms.answering.questionnaire import GO_ON, STOP

        if self.flow.events and self.flow.events[-1] == ("interrupt", ""):
            return STOP if ("emergency", self.until) in self.flow.events else GO_ON
        finding = self._asking()
        if (
            finding is not None
            and finding not in self.answers
            and self.book.finding(finding).type == "yes_no"
        ):
            return "no"  # a question's own default may be "yes": the answers file leaves it out
        return self._option(default)

    def ask_text(self, message: str, default: str) -> str:
        return self._option(default)


def _cut_to(book: RuleBook, findings: set[str]) -> RuleBook:
    """The book asking only the questions about these findings, in their order."""
    from dataclasses import replace

    sections = tuple(
        replace(section, questions=kept)
        for section in book.sections
        if (kept := tuple(question for question in section.questions if question.finding in findings))
    )
    return replace(book, sections=sections)


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
        answers = witness(facts, flag.id)
        if answers is None:
            continue
        replay = _Replay(_cut_to(book, set(Space(facts, [flag.when]).variables)), answers, until=flag.id)
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


PROPERTIES = (
    provider_advice_failures,
    unreachable_red_flags,
    hidden_red_flags,
    interrupt_failures,
    unreachable_questions,
)


def verify(book: RuleBook) -> list[Failure]:
    return [failure for prove in PROPERTIES for failure in prove(book)]
