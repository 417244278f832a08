"""What was edited between two rule books, by name, before what it changes for a person
(`rules diff`): each red flag, site rule, finding or question whose rule changed, with the
old and new value, and a moved threshold as just its number. Wording changes are listed
apart (diff.text_changes)."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from metasymptoms.core.conditions import CONDITION_TYPES, Compare, Condition, to_data
from metasymptoms.core.model import RuleBook

WORDING = {"title", "advice", "explain", "why", "text", "help", "label", "meaning", "sources", "checked"}


@dataclass(frozen=True)
class Edit:
    kind: str  # "red flag", "site rule", "finding", "question"
    id: str
    field: str  # e.g. "urgency", "when", "when: temperature below", "implies_from"; "" added/removed
    old: Any  # as written in YAML; None when added
    new: Any  # None when removed

    def change(self) -> str:
        """The edit without its item: "urgency: prompt -> urgent", "added", or for a list of
        conditions that kept its kind, what left it and what joined it ("when: all of:
        removed symptoms_persistent")."""
        if not self.field:
            return "added" if self.old is None else "removed"
        if self.field == "choices":
            return f"choices: {_choices_change(self.old, self.new)}"
        return (
            f"{self.field}: {_list_change(self.old, self.new) or f'{_shown(self.old)} -> {_shown(self.new)}'}"
        )

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "field": self.field, "old": self.old, "new": self.new}


def edits(old: RuleBook, new: RuleBook) -> list[Edit]:
    found: list[Edit] = []
    found += _compare("red flag", _by_id(old.red_flags), _by_id(new.red_flags))
    old_rules = {rule.id: rule for site in old.sites for rule in site.rules}
    new_rules = {rule.id: rule for site in new.sites for rule in site.rules}
    found += _compare("site rule", old_rules, new_rules)
    found += _compare("finding", _by_id(old.findings), _by_id(new.findings))
    old_questions = {question.finding: question for question in old.questions}
    new_questions = {question.finding: question for question in new.questions}
    found += _compare("question", old_questions, new_questions)
    return found


def _by_id(records: Iterable[Any]) -> dict[str, Any]:
    return {record.id: record for record in records}


def _compare(kind: str, old: dict[str, Any], new: dict[str, Any]) -> list[Edit]:
    out = []
    for key in dict.fromkeys([*old, *new]):
        a, b = old.get(key), new.get(key)
        if a is None or b is None:
            out.append(
                Edit(kind, key, "", None if a is None else "present", None if b is None else "present")
            )
            continue
        for field in dataclasses.fields(a):
            if field.name in WORDING:
                continue
            x, y = getattr(a, field.name), getattr(b, field.name, None)
            if field.name == "choices":  # by value: their words are wording (diff.text_changes)
                x, y = [choice.value for choice in x], [choice.value for choice in y or ()]
            if x == y:
                continue
            if isinstance(x, CONDITION_TYPES) and isinstance(y, CONDITION_TYPES):
                moved = _thresholds(x, y)
                if moved is not None:
                    out += [Edit(kind, key, f"{field.name}: {where}", p, q) for where, p, q in moved]
                    continue
            out.append(Edit(kind, key, field.name, _plain(x), _plain(y)))
    return out


def _thresholds(old: Condition, new: Condition) -> list[tuple[str, float | None, float | None]] | None:
    """The bounds that moved, where the two conditions are the same but for numbers in
    their comparisons; None when they differ otherwise."""
    if isinstance(old, Compare) and isinstance(new, Compare):
        if old.finding != new.finding:
            return None
        return [
            (f"{old.finding} {name.replace('_', ' ')}", getattr(old, name), getattr(new, name))
            for name in ("at_least", "below")
            if getattr(old, name) != getattr(new, name)
        ]
    if type(old) is not type(new):
        return None
    moved: list[tuple[str, float | None, float | None]] = []
    for field in dataclasses.fields(old):
        x, y = getattr(old, field.name), getattr(new, field.name)
        if isinstance(x, tuple) and len(x) != len(y):
            return None
        for a, b in zip(x, y) if isinstance(x, tuple) else [(x, y)]:
            if isinstance(a, CONDITION_TYPES) and isinstance(b, CONDITION_TYPES):
                inner = _thresholds(a, b)
                if inner is None:
                    return None
                moved += inner
            elif a != b:
                return None
    return moved


def _plain(value: Any) -> Any:
    """A value as YAML writes it: a condition in its own form, an urgency by name."""
    if isinstance(value, CONDITION_TYPES):
        return to_data(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(part) for part in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    return value


LIST_WORDS = {"all": "all of", "any": "any of", "of": "of"}


def _list_change(old: Any, new: Any) -> str | None:
    """A condition's list (all, any, at_least's of) that lost or gained items, the rest of
    the condition the same, in words; None otherwise."""
    if not (isinstance(old, dict) and isinstance(new, dict)) or old.keys() != new.keys():
        return None
    lists = [key for key in old if isinstance(old[key], list) and isinstance(new[key], list)]
    if len(lists) != 1 or any(old[key] != new[key] for key in old if key not in lists):
        return None
    key = lists[0]
    removed = [item for item in old[key] if item not in new[key]]
    added = [item for item in new[key] if item not in old[key]]
    if not removed and not added:
        return None  # the same items in another order
    said = [f"removed {', '.join(map(_shown, removed))}"] if removed else []
    said += [f"added {', '.join(map(_shown, added))}"] if added else []
    others = "".join(f" ({name} {_shown(old[name])})" for name in old if name != key)
    return f"{LIST_WORDS.get(key, key)}{others}: {'; '.join(said)}"


def _choices_change(old: list[str], new: list[str]) -> str:
    """The answers a question offers, by value: those removed and added, or a new order."""
    removed = [value for value in old if value not in new]
    added = [value for value in new if value not in old]
    if not removed and not added:
        return f"the same answers in another order: {', '.join(new)} (was {', '.join(old)})"
    said = [f"removed {', '.join(removed)}"] if removed else []
    return "; ".join(said + ([f"added {', '.join(added)}"] if added else []))


def in_yaml_words(value: Any) -> str:
    """A value (a condition too) as a reviewer reads it in YAML's short form."""
    return _shown(_plain(value))


def _shown(value: Any) -> str:
    """A value as a reviewer reads it in YAML's short form: {all: [back_pain, numbness]}."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_shown(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(item) for item in value) + "]"
    return str(value)
