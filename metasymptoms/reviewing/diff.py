"""What an edit of the rule book changed for a person (`metasymptoms rules diff OLD NEW`).

Each property is compared over every path of both questionnaires, as `rules verify` does:
which red flags show, which sites are named, and how urgent the ending is. The answers on
which a property differs are found as groups (verify's search stops a branch as soon as the
outcome is settled, so a group leaves out every answer that does not matter) and merged into
the fewest statements; each carries an answers file that replays it.

Urgency statements name the answers that matter to the changed rules, with every other
finding not reported. The release gate goes further: it searches every combination of
every answer for an urgency that the new book LOWERS and does not declare in its book.yaml
(`declared_changes`), so a lowering hidden behind some other answer is found too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from metasymptoms.core.conditions import (
    Condition,
    Reported,
    findings_in,
    kleene_and,
    kleene_not,
    kleene_or,
    settled,
)
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import DeclaredChange, RuleBook, Urgency
from metasymptoms.reviewing.behaviour import (
    Bounds,
    Cube,
    Item,
    Joint,
    Read,
    cubes,
    items,
    knows,
    moving,
    sample,
    simplify,
    urgency_bounds,
)
from metasymptoms.reviewing.verify import UNKNOWN, UNSET, Facts, Space, Value, World

LEVELS = {urgency.rank: urgency.value for urgency in Urgency}


@dataclass(frozen=True)
class Statement:
    """One plain change for a group of answers, with answers that replay it."""

    kind: str  # "urgency", "red flag" or "site"
    subject: str  # what changed: the urgency, or the red flag's or site's id
    answers_text: str  # the group of answers in words
    change: str  # e.g. "routine -> emergency", "now shows", "no longer named"
    answers: dict[str, Answer]  # an answers file (the new book's questionnaire) that replays it
    lowered: bool = False
    declared: str | None = None  # the reason book.yaml gives, for a declared lowering
    old_answers: dict[str, Answer] | None = None  # the same, as the old book's questionnaire takes them

    def sentence(self) -> str:
        return f"With {self.answers_text}: {self.change}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "answers_text": self.answers_text,
            "change": self.change,
            "statement": self.sentence(),
            "lowered": self.lowered,
            "declared": self.declared,
            "answers": self.answers,
            "old_answers": self.old_answers if self.old_answers is not None else self.answers,
        }


@dataclass(frozen=True)
class TextChange:
    where: str  # e.g. "red flag cord: advice"
    old: str | None
    new: str | None


@dataclass
class Diff:
    statements: list[Statement] = field(default_factory=list)
    text_changes: list[TextChange] = field(default_factory=list)

    @property
    def undeclared_lowerings(self) -> list[Statement]:
        return [s for s in self.statements if s.lowered and s.declared is None]


# --- finding what changed -------------------------------------------------------------


def _by_key(book: RuleBook) -> dict[tuple[str, str], Item]:
    return {(item.kind, item.id): item for item in items(book)}


def _questionnaire_same(pair: _Pair, condition: Condition) -> bool:
    """Whether both books ask the findings of this condition (and what opens them) alike."""
    old, new = pair.old, pair.new
    if not all(knows(old, f) for f in findings_in(condition)):
        return False
    cone = Space(pair.old_facts, [condition]).variables
    old_gates, new_gates = pair.old_facts.ask_if, pair.new_facts.ask_if
    for finding in cone:
        if not knows(new, finding) or old.finding(finding) != new.finding(finding):
            return False
        if old_gates.get(finding, "absent") != new_gates.get(finding, "absent"):
            return False
    return True


def _same(pair: _Pair, a: Item | None, b: Item | None) -> bool:
    return (
        a is not None
        and b is not None
        and a.when == b.when
        and a.rank == b.rank
        and _questionnaire_same(pair, a.when)
    )


class _Pair:
    """The two books, and spaces seeing one world through both questionnaires."""

    def __init__(self, old: RuleBook, new: RuleBook):
        self.old, self.new = old, new
        self.old_facts, self.new_facts = Facts(old), Facts(new)

    def joint(self, old_conditions: list[Condition], new_conditions: list[Condition]) -> Joint:
        # Both questionnaires over the same findings: a finding outside a space's cone counts
        # as never asked there, so each book must see every finding either side tests.
        # Each questionnaire's cone also takes in what opens its questions, which may differ
        # between the books: widen both until they hold the same findings.
        every = [*old_conditions, *new_conditions]
        while True:
            spaces = [Space(self.old_facts, every), Space(self.new_facts, every)]
            union = set(spaces[0].variables) | set(spaces[1].variables)
            if all(set(space.variables) == union for space in spaces):
                return Joint([(spaces[0], {}), (spaces[1], {})])
            every = [*old_conditions, *new_conditions, *(Reported(finding=f) for f in sorted(union))]


# --- in words ---------------------------------------------------------------------------


def _value_words(book: RuleBook, finding: str, values: frozenset[Value], joint: Joint) -> str:
    spec = book.finding(finding)
    label = spec.label
    ordered = [value for value in joint.domain(finding) if value in values]
    if spec.type == "yes_no":
        words = {True: label, False: f"no {label}", UNSURE: f"not sure about {label}"}
        if set(ordered) == {False, UNSURE}:
            return f"not {label} (no, or not sure)"
        if set(ordered) == {True, UNSURE}:
            return f"{label} (yes, or not sure)"
        return words[ordered[0]]
    if spec.type == "choice":
        texts: dict[Value, str] = {choice.value: choice.text for choice in spec.choices}
        others = [value for value in joint.domain(finding) if value not in values]
        if len(others) == 1 and len(ordered) > 1:
            return f'{label}: anything but "{texts.get(others[0], others[0])}"'
        said = [f'"{texts.get(value, value)}"' for value in ordered]
        return f"{label}: {' or '.join(said)}"
    domain = joint.domain(finding)
    parts = []
    for value in ordered:
        if value == UNSET:
            parts.append("not measured")
            continue
        index = domain.index(value)
        upper = domain[index + 1] if index + 1 < len(domain) and domain[index + 1] != UNSET else None
        parts.append(f"{value:g} or more" + (f" but below {upper:g}" if upper is not None else ""))
    return f"{label} {' or '.join(parts)}"


def _group_words(pair: _Pair, cube: Cube, joint: Joint) -> str:
    if not cube:
        return "any answers"
    words = []
    for finding in joint.variables:
        if finding in cube:
            book = pair.new if knows(pair.new, finding) else pair.old
            words.append(_value_words(book, finding, cube[finding], joint))
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " and " + words[-1]


def _replay(joint: Joint, cube: Cube) -> dict[str, Answer]:
    return joint.replay(1, sample(cube, joint))


def _old_replay(joint: Joint, cube: Cube) -> dict[str, Answer]:
    return joint.replay(0, sample(cube, joint))


# --- the properties -------------------------------------------------------------------


def _fires(read: Read, item: Item | None) -> bool | None:
    return False if item is None else settled(item.when, read)


def red_flag_statements(pair: _Pair) -> list[Statement]:
    old, new = _by_key(pair.old), _by_key(pair.new)
    titles = {flag.id: flag.title for book in (pair.old, pair.new) for flag in book.red_flags}
    out = []
    keys = [key for key in dict.fromkeys([*old, *new]) if key[0] == "red flag"]
    for key in keys:
        a, b = old.get(key), new.get(key)
        if a and b and a.when == b.when and _questionnaire_same(pair, a.when):
            continue  # fires on the same answers (a changed urgency shows among the urgencies)
        joint = pair.joint([a.when] if a else [], [b.when] if b else [])

        def outcome(seen: list[Read], a: Item | None = a, b: Item | None = b) -> tuple[bool, bool] | None:
            was, now = _fires(seen[0], a), _fires(seen[1], b)
            return None if was is None or now is None else (was, now)

        leaves = list(cubes(joint, outcome))
        for cube, (_was, now) in simplify(leaves, lambda result: result[0] != result[1], joint):
            change = f"the warning sign '{titles[key[1]]}' ({key[1]}) " + (
                "now shows" if now else "no longer shows"
            )
            out.append(
                Statement(
                    "red flag",
                    key[1],
                    _group_words(pair, cube, joint),
                    change,
                    _replay(joint, cube),
                    old_answers=_old_replay(joint, cube),
                )
            )
    return out


def site_statements(pair: _Pair) -> list[Statement]:
    out = []
    old_sites = {site.id: site for site in pair.old.sites}
    new_sites = {site.id: site for site in pair.new.sites}
    names = {site.id: site.name for site in [*pair.old.sites, *pair.new.sites]}
    for site_id in dict.fromkeys([*old_sites, *new_sites]):
        a = [rule.when for rule in old_sites[site_id].rules] if site_id in old_sites else []
        b = [rule.when for rule in new_sites[site_id].rules] if site_id in new_sites else []
        if a == b and all(_questionnaire_same(pair, when) for when in a):
            continue
        joint = pair.joint(a, b)

        def outcome(
            seen: list[Read], a: list[Condition] = a, b: list[Condition] = b
        ) -> tuple[bool, bool] | None:
            was = kleene_or(*(settled(when, seen[0]) for when in a))
            now = kleene_or(*(settled(when, seen[1]) for when in b))
            return None if was is None or now is None else (was, now)

        leaves = list(cubes(joint, outcome))
        for cube, (_was, now) in simplify(leaves, lambda result: result[0] != result[1], joint):
            change = f"the site '{names[site_id]}' ({site_id}) is " + (
                "now named" if now else "no longer named"
            )
            out.append(
                Statement(
                    "site",
                    site_id,
                    _group_words(pair, cube, joint),
                    change,
                    _replay(joint, cube),
                    old_answers=_old_replay(joint, cube),
                )
            )
    return out


def _declared(
    changes: tuple[DeclaredChange, ...], was: int, now: int, read: Read
) -> str | Literal[False] | None:
    """The reason of a declared change covering this lowering; None while not settled; False if none."""
    results = []
    for change in changes:
        if change.was.rank == was and change.now.rank == now:
            holds = settled(change.when, read)
            if holds is True:
                return change.reason
            results.append(holds)
    return None if None in results else False


def urgency_statements(pair: _Pair) -> list[Statement]:
    """The urgency over the answers the changed items test (every other finding not reported)."""
    old, new = _by_key(pair.old), _by_key(pair.new)
    changed_old, changed_new = [], []
    for key in dict.fromkeys([*old, *new]):
        a, b = old.get(key), new.get(key)
        if (a is None or a.rank == 0) and (b is None or b.rank == 0):
            continue
        if not _same(pair, a, b):
            changed_old += [a.when] if a else []
            changed_new += [b.when] if b else []
    if not changed_old and not changed_new:
        return []
    declared = pair.new.info.declared_changes if pair.new.info else ()
    joint = pair.joint(changed_old, changed_new + [change.when for change in declared])
    # Items the search cannot change are read once, on the answers where nothing is chosen.
    old_items, old_fixed = moving(pair.old, items(pair.old), joint.variables)
    new_items, new_fixed = moving(pair.new, items(pair.new), joint.variables)
    root = joint.seen({finding: UNKNOWN for finding in joint.variables})
    old_base, new_base = urgency_bounds(old_fixed, root[0]), urgency_bounds(new_fixed, root[1])
    old_bounds, new_bounds = Bounds(old_items), Bounds(new_items)

    def outcome(seen: list[Read]) -> tuple[int, int, str | None] | None:
        was, now = old_bounds(seen[0], old_base), new_bounds(seen[1], new_base)
        if was[0] != was[1] or now[0] != now[1]:
            return None
        if now[0] >= was[0]:
            return (was[0], now[0], None)
        reason = _declared(declared, was[0], now[0], seen[1])
        return None if reason is None else (was[0], now[0], reason or None)

    leaves = list(cubes(joint, outcome))
    out = []
    for cube, (was, now, reason) in simplify(leaves, lambda result: result[0] != result[1], joint):
        change = f"{LEVELS[was]} -> {LEVELS[now]}"
        if reason:
            change += " (declared in book.yaml)"
        out.append(
            Statement(
                "urgency",
                "urgency",
                _group_words(pair, cube, joint),
                change,
                _replay(joint, cube),
                lowered=now < was,
                declared=reason,
                old_answers=_old_replay(joint, cube),
            )
        )
    return out


def hidden_lowerings(pair: _Pair) -> list[Statement]:
    """The release gate, exhaustive over every answer: a world where the new book's urgency
    is lower than the old one's and no declared change covers it (one example for each old
    item that may stop counting)."""
    new = _by_key(pair.new)
    declared = pair.new.info.declared_changes if pair.new.info else ()
    new_ranked = [item for item in items(pair.new) if item.rank > 0]
    old_ranked = [item for item in items(pair.old) if item.rank > 0]
    found = []
    for item in old_ranked:
        if _same(pair, item, new.get((item.kind, item.id))):
            continue  # fires in the new book wherever it fired in the old one
        u = item.rank
        covering = [change for change in declared if change.was.rank == u]
        lowest = min((change.now.rank for change in covering), default=u)
        quiet = [other for other in new_ranked if other.rank >= u]
        watched = [other for other in new_ranked if max(lowest, 1) <= other.rank < u]
        # With declared changes, a lowering is judged from the old urgency exactly: X must be
        # the most urgent item that fires. Without any, X firing is enough.
        above = [other for other in old_ranked if other.rank > u] if declared else []
        joint = pair.joint(
            [item.when, *(other.when for other in above)],
            [*(other.when for other in quiet + watched), *(change.when for change in covering)],
        )

        def goal(
            world: World,
            _: World,
            item: Item = item,
            quiet: list[Item] = quiet,
            above: list[Item] = above,
            covering: list[DeclaredChange] = covering,
            watched: list[Item] = watched,
        ) -> bool | None:
            seen_old, seen_new = joint.seen(world)  # noqa: B023 - searched before the loop moves on
            parts = [settled(item.when, seen_old)]
            parts += [kleene_not(settled(other.when, seen_old)) for other in above]
            parts += [kleene_not(settled(other.when, seen_new)) for other in quiet]
            if covering:
                # Given the items from u up are quiet, the new urgency is the highest among
                # the items below u: only those decide whether it is the declared level.
                low, high = urgency_bounds(watched, seen_new)
                for change in covering:
                    level = change.now.rank
                    at = True if low == high == level else False if level < low or level > high else None
                    parts.append(kleene_not(kleene_and(settled(change.when, seen_new), at)))
            return kleene_and(*parts)

        # The old item's findings and the declared changes' first: they settle most.
        world = joint.search(
            goal,
            first=[*findings_in(item.when), *(f for c in covering for f in findings_in(c.when))],
            plain=True,
        )
        if world is None:
            continue
        answers = joint.replay(1, world)
        seen_old, seen_new = joint.seen(world)
        was = Urgency(LEVELS[urgency_bounds(items(pair.old), seen_old)[0]])
        now = Urgency(LEVELS[urgency_bounds(items(pair.new), seen_new)[0]])
        words = _group_words(
            pair, {f: frozenset([v]) for f, v in world.items() if v is not False and v != UNSET}, joint
        )
        found.append(
            Statement(
                "urgency",
                "urgency",
                words,
                f"{was.value} -> {now.value}",
                answers,
                lowered=True,
                old_answers=joint.replay(0, world),
            )
        )
    return found


def text_changes(old: RuleBook, new: RuleBook) -> list[TextChange]:
    out: list[TextChange] = []

    def compare(where: str, a: str | None, b: str | None) -> None:
        if a != b:
            out.append(TextChange(where, a, b))

    old_flags = {flag.id: flag for flag in old.red_flags}
    new_flags = {flag.id: flag for flag in new.red_flags}
    for flag_id in dict.fromkeys([*old_flags, *new_flags]):
        a, b = old_flags.get(flag_id), new_flags.get(flag_id)
        for name in ("title", "advice", "explain"):
            compare(f"red flag {flag_id}: {name}", getattr(a, name, None), getattr(b, name, None))
    old_rules = {rule.id: rule for site in old.sites for rule in site.rules}
    new_rules = {rule.id: rule for site in new.sites for rule in site.rules}
    for rule_id in dict.fromkeys([*old_rules, *new_rules]):
        compare(
            f"rule {rule_id}: why",
            getattr(old_rules.get(rule_id), "why", None),
            getattr(new_rules.get(rule_id), "why", None),
        )
    for level in Urgency:
        compare(
            f"guidance: advice for {level.value}",
            old.guidance.advice.for_level(level),
            new.guidance.advice.for_level(level),
        )
    for name in (
        "see_provider",
        "with_cancer",
        "without_cancer",
        "unsure_cancer",
        "common_causes",
        "nothing_reported",
    ):
        compare(f"guidance: {name}", getattr(old.guidance, name), getattr(new.guidance, name))
    compare(
        "guidance: emergency_signs",
        "; ".join(old.guidance.emergency_signs),
        "; ".join(new.guidance.emergency_signs),
    )
    return out


def diff(old: RuleBook, new: RuleBook) -> Diff:
    pair = _Pair(old, new)
    statements = urgency_statements(pair)
    shown = {(s.change.split(" (")[0], tuple(sorted(s.answers.items()))) for s in statements}
    for hidden in hidden_lowerings(pair):
        covered = any(s.lowered and s.declared is None for s in statements)
        if not covered and (hidden.change, tuple(sorted(hidden.answers.items()))) not in shown:
            statements.append(hidden)
    statements += red_flag_statements(pair) + site_statements(pair)
    return Diff(statements, text_changes(old, new))
