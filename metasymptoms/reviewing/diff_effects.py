"""`rules diff` per edited item: each group of answers whose outcome changed, put under the
edit that changes it, so a reviewer reads "this edit did that" rather than one long list.

A group is one answers file, with every change it shows (the urgency, a warning sign, a
site), so no answers file is given twice. A group belongs to each edited item that plays a
part in it: a red flag or site rule that holds on its answers in either book, a finding or
question that its answers give. A group that several edits share is shown once, under all
of them; one that none of them explains is shown under "the edits together".
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from metasymptoms.core.conditions import holds
from metasymptoms.core.engine import assess, fired_red_flags, fired_rules, reading
from metasymptoms.core.kinds import Answer, no_words
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.reviewing.behaviour import knows
from metasymptoms.reviewing.diff_edits import Edit
from metasymptoms.reviewing.diff_pair import Statement, Words
from metasymptoms.reviewing.replay import yaml_value

Item = tuple[str, str]  # (kind, id) of an edited item: ("red flag", "seizure")


@dataclass(frozen=True)
class Group:
    """One answers file and every change it shows, and the urgency each book gives it."""

    statements: tuple[Statement, ...]
    was: str  # the old book's urgency for the old answers file, by the engine
    now: str  # the new book's, for the answers file
    declared: str | None = None  # the reason book.yaml gives, for a declared lowering
    # In words, the answers its answers file gives that its words leave out (a "no" the
    # engine would otherwise read as "not sure"), so what is said is what is replayed.
    also: tuple[str, ...] = ()
    # The findings the group needs not reported, in a reader's words (their labels), in the
    # order of the words' own list of ids (Words.not_reported).
    not_reported_words: tuple[str, ...] = ()

    @property
    def first(self) -> Statement:
        # The urgency first (statements come urgency, warning signs, sites): its words lead.
        return self.statements[0]

    @property
    def label(self) -> str:
        """LOWERED or RAISED by the urgency, or SAME URGENCY when only a sign or site changed."""
        was, now = Urgency(self.was).rank, Urgency(self.now).rank
        return "LOWERED" if now < was else "RAISED" if now > was else "SAME URGENCY"

    @property
    def refused(self) -> bool:
        """A lowering no declaration covers: what the release gate refuses."""
        return self.label == "LOWERED" and self.declared is None

    def as_dict(self) -> dict[str, Any]:
        words = self.first.answers_text
        return {
            "label": self.label,
            "was": self.was,
            "now": self.now,
            "declared": self.declared,
            "answers_text": str(words),
            "with": [*(words.named if isinstance(words, Words) else [str(words)]), *self.also],
            "not_reported": list(words.not_reported) if isinstance(words, Words) else [],
            "not_reported_words": list(self.not_reported_words),
            "answers": self.first.answers,
            "old_answers": self.first.old_answers
            if self.first.old_answers is not None
            else self.first.answers,
            "changes": [
                {
                    "kind": s.kind,
                    "subject": s.subject,
                    "change": s.change,
                    "was": s.was,
                    "now": s.now,
                    "lowered": s.lowered,
                    "declared": s.declared,
                    "answers_text": str(s.answers_text),
                    "answers": s.answers,
                }
                for s in self.statements
            ],
        }


@dataclass(frozen=True)
class Effect:
    """What some edited items change: () for the groups none of them explains."""

    items: tuple[Item, ...]
    groups: tuple[Group, ...]

    def counts(self) -> dict[str, int]:
        labels = [group.label for group in self.groups]
        return {
            "groups": len(labels),
            "lowered": labels.count("LOWERED"),
            "not_declared": sum(1 for group in self.groups if group.refused),
            "raised": labels.count("RAISED"),
            "same_urgency": labels.count("SAME URGENCY"),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": [{"kind": kind, "id": item_id} for kind, item_id in self.items],
            **self.counts(),
            "groups": [group.as_dict() for group in self.groups],
        }


def groups(old: RuleBook, new: RuleBook, statements: list[Statement]) -> list[Group]:
    """The statements gathered by their answers file, in order. Each group's urgency is the
    engine's for its answers files, so a group that shows only a warning sign still says
    whether the urgency changed with it."""
    by_file: dict[tuple[object, ...], list[Statement]] = {}
    for statement in statements:
        by_file.setdefault(tuple(sorted(statement.answers.items())), []).append(statement)
    found = []
    for together in by_file.values():
        first = together[0]
        was = assess(old, first.old_answers if first.old_answers is not None else first.answers).urgency
        now = assess(new, first.answers).urgency
        # Each change of urgency stated is the engine's own on its answers file, or the proof
        # lies: a group read "urgent -> emergency" over a file giving an emergency in both.
        assert all(s.kind != "urgency" or (s.was, s.now) == (was.value, now.value) for s in together), first
        # Declared only where book.yaml's declaration holds, whole, on this very answers file
        # (read by the engine, apart from the statements' own matching) and no statement of
        # the file is refused: a report never calls declared what the gate refuses.
        refused = any(s.lowered and s.declared is None for s in together)
        declared = None if refused else _declared(new, first.answers, was, now)
        words = first.answers_text
        said = {finding for finding, _, _ in words.parts} if isinstance(words, Words) else set()
        also = tuple(_answer_words(new, f, v) for f, v in first.answers.items() if f not in said)
        absent = words.not_reported if isinstance(words, Words) else ()
        unreported = tuple(_label(old, new, finding) for finding in absent)
        found.append(Group(tuple(together), was.value, now.value, declared, also, unreported))
    return _folded(found)


def _folded(found: list[Group]) -> list[Group]:
    """A group that only shows a warning sign or a site, inside a wider group with the same
    urgency change, is said in that group ("... no longer shows, when also: ..."): a reviewer
    reads the change of urgency once, not again for each sign it takes with it.

    Inside: the wider group names each of its answers in the same words (so the narrower one
    asks all it asks, and more)."""
    wider = [group for group in found if any(s.kind == "urgency" for s in group.statements)]
    into: dict[int, list[Statement]] = {}
    kept = []
    for group in found:
        host = None if group in wider else next((w for w in wider if _inside(group, w)), None)
        if host is None:
            kept.append(group)
        else:
            into.setdefault(id(host), []).extend(group.statements)
    return [
        dataclasses.replace(group, statements=group.statements + tuple(into[id(group)]))
        if id(group) in into
        else group
        for group in kept
    ]


def _inside(narrow: Group, wide: Group) -> bool:
    if (narrow.was, narrow.now, narrow.declared) != (wide.was, wide.now, wide.declared):
        return False
    a, b = narrow.first.answers_text, wide.first.answers_text
    return isinstance(a, Words) and isinstance(b, Words) and set(b.parts) <= set(a.parts)


def _label(old: RuleBook, new: RuleBook, finding: str) -> str:
    """A finding as a person reads it (its label), from the new book where it has it."""
    return (new if knows(new, finding) else old).finding(finding).label


def _answer_words(book: RuleBook, finding: str, value: Answer) -> str:
    """An answer the group's words leave out but its answers file gives, in words."""
    label = book.finding(finding).label
    if isinstance(value, bool):
        return label if value else no_words(label)
    return f"{label}: {yaml_value(value)}"


def _declared(new: RuleBook, answers: dict[str, Any], was: Urgency, now: Urgency) -> str | None:
    """The reason a declared change gives for this lowering, where one covers it whole."""
    read = reading(new, answers)
    for change in new.info.declared_changes if new.info else ():
        if (change.was, change.now) == (was, now) and holds(change.when, read):
            return change.reason
    return None


def effects(old: RuleBook, new: RuleBook, edited: list[Edit], statements: list[Statement]) -> list[Effect]:
    items = list(dict.fromkeys((edit.kind, edit.id) for edit in edited))
    found: dict[tuple[Item, ...], list[Group]] = {}
    for group in groups(old, new, statements):
        part = tuple(item for item in items if _plays_a_part(item, group, old, new))
        if not part and len(items) == 1:
            part = (items[0],)  # one edit: every change is its doing
        found.setdefault(part, []).append(group)
    order = {item: n for n, item in enumerate(items)}
    ordered = sorted(found.items(), key=lambda entry: [order[i] for i in entry[0]] or [len(items)])
    return [Effect(part, tuple(sorted(shown, key=_first_read))) for part, shown in ordered]


def _first_read(group: Group) -> int:
    """What a reviewer reads first: a refused lowering, then a declared one, then a raise."""
    if group.label == "LOWERED":
        return 0 if group.refused else 1
    return 2 if group.label == "RAISED" else 3


def _plays_a_part(item: Item, group: Group, old: RuleBook, new: RuleBook) -> bool:
    kind, item_id = item
    if any(s.kind == kind and s.subject == item_id for s in group.statements):
        return True
    both = [(old, group.first.old_answers or group.first.answers), (new, group.first.answers)]
    if kind == "red flag":
        return any(flag.id == item_id for book, answers in both for flag in fired_red_flags(book, answers))
    if kind == "site rule":
        return any(rule.id == item_id for book, answers in both for _, rule in fired_rules(book, answers))
    return any(item_id in answers for _, answers in both)  # a finding or a question
