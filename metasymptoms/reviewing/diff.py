"""What an edit of the rule book changed for a person (`metasymptoms rules diff OLD NEW`).

Both books' reading of every world is compiled into decision diagrams (compiled.py): which
red flags show, which sites are named, and how urgent the ending is. The answers on which a
property differs are read off the diagrams as groups (a group leaves out every answer that
does not matter) and merged into the fewest statements; each carries an answers file that
replays it.

Urgency statements name the answers that matter to the changed rules, with every other
finding not reported. The release gate goes further: over every answer to every question it
finds each urgency that the new book LOWERS and does not declare in its book.yaml
(`declared_changes`), so a lowering hidden behind some other answer is found too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from metasymptoms.core.conditions import CONDITION_TYPES, Condition
from metasymptoms.core.guidance import Guidance
from metasymptoms.core.kinds import kind_of
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.problems import UsageError
from metasymptoms.reviewing.behaviour import simplify
from metasymptoms.reviewing.compiled import Reading
from metasymptoms.reviewing.diagram import Node
from metasymptoms.reviewing.diff_edits import Edit, edits, in_yaml_words
from metasymptoms.reviewing.diff_effects import Effect, Group, effects
from metasymptoms.reviewing.diff_order import Moved, Regrouped, moved_questions, regrouped_questions
from metasymptoms.reviewing.diff_pair import (
    Pair,
    Statement,
    by_key,
    group_words,
    old_replay,
    questionnaire_same,
    replay,
)
from metasymptoms.reviewing.diff_reach import Reach, reach
from metasymptoms.reviewing.diff_sources import GUIDANCE, SourceChange, source_changes
from metasymptoms.reviewing.diff_urgency import hidden_lowerings, unshown_changes, urgency_statements


@dataclass(frozen=True)
class TextChange:
    where: str  # e.g. "red flag cord: advice"
    old: str | None
    new: str | None
    kind: str = (
        ""  # "red flag", "site rule", "question", "finding", "site", "section", "primary" or "guidance"
    )
    id: str = ""  # the item's id ("" for the guidance)
    field: str = ""  # e.g. "advice", "text"


@dataclass
class Diff:
    statements: list[Statement] = field(default_factory=list)
    text_changes: list[TextChange] = field(default_factory=list)
    edited: list[Edit] = field(default_factory=list)  # what was edited, by name, first
    effects: list[Effect] = field(default_factory=list)  # the statements, per edited item
    moved: list[Moved] = field(default_factory=list)  # questions asked earlier or later
    source_changes: list[SourceChange] = field(default_factory=list)  # sources a person is shown
    # What each edit that changes no outcome does for a person (the words read, an order, the
    # answer Enter gives), by (kind, id, field): a quiet edit is never reported as doing nothing.
    reaches: dict[tuple[str, str, str], Reach] = field(default_factory=dict)
    regrouped: list[Regrouped] = field(default_factory=list)  # questions under another heading

    @property
    def undeclared_lowerings(self) -> list[Statement]:
        return [s for s in self.statements if s.lowered and s.declared is None]

    @property
    def refused_groups(self) -> list[Group]:
        """The groups of answers the report lists as LOWERED, NOT DECLARED: what its verdict
        counts, so the count agrees with the list."""
        return [group for effect in self.effects for group in effect.groups if group.refused]

    @property
    def refused(self) -> bool:
        """The release gate: a lowering no declaration covers, by the statements or by the
        engine's own reading of a group's answers file."""
        return bool(self.undeclared_lowerings or self.refused_groups)


# --- the properties -------------------------------------------------------------------


def red_flag_statements(pair: Pair, urgencies: Sequence[Statement] = ()) -> list[Statement]:
    old, new = by_key(pair.old), by_key(pair.new)
    titles = {flag.id: flag.title for book in (pair.old, pair.new) for flag in book.red_flags}
    out = []
    keys = [key for key in dict.fromkeys([*old, *new]) if key[0] == "red flag"]
    for key in keys:
        a, b = old.get(key), new.get(key)
        if a and b and a.when == b.when and questionnaire_same(pair, a.when):
            continue  # fires on the same answers (a changed urgency shows among the urgencies)
        said = f"the warning sign '{titles[key[1]]}' ({key[1]}) "
        out += _shown_statements(
            pair,
            "red flag",
            key[1],
            [a.when] if a else [],
            [b.when] if b else [],
            (said + "now shows", said + "no longer shows"),
            urgencies,
        )
    return out


def site_statements(pair: Pair, urgencies: Sequence[Statement] = ()) -> list[Statement]:
    out = []
    old_sites = {site.id: site for site in pair.old.sites}
    new_sites = {site.id: site for site in pair.new.sites}
    names = {site.id: site.name for site in [*pair.old.sites, *pair.new.sites]}
    for site_id in dict.fromkeys([*old_sites, *new_sites]):
        a = [rule.when for rule in old_sites[site_id].rules] if site_id in old_sites else []
        b = [rule.when for rule in new_sites[site_id].rules] if site_id in new_sites else []
        if a == b and all(questionnaire_same(pair, when) for when in a):
            continue
        said = f"the site '{names[site_id]}' ({site_id}) is "
        says = (said + "now named", said + "no longer named")
        out += _shown_statements(pair, "site", site_id, a, b, says, urgencies)
    return out


def _shown_statements(
    pair: Pair,
    kind: str,
    subject: str,
    old: list[Condition],
    new: list[Condition],
    says: tuple[str, str],
    urgencies: Sequence[Statement],
) -> list[Statement]:
    """The groups of answers on which something (a warning sign: one condition or none; a
    site: any of its rules) is shown by one book and not the other, each said in words; and
    the groups of the urgency on all of whose answers it is (`_said_with_urgency`)."""
    joint = pair.joint(old, new)
    readings = pair.readings
    dd = readings.dd

    def shown(reading: Reading, conditions: list[Condition]) -> Node:
        return dd.fold(lambda a, b: a or b, False, [reading.holds(when) for when in conditions])

    both = dd.apply(
        lambda was, now, possible: (was, now) if possible else None,
        shown(readings.old, old),
        shown(readings.new, new),
        readings.possible,
    )
    # Every group, answers no one gives (None) too: a group is widened only over answers
    # with its own outcome, never over those.
    leaves = list(dd.groups(readings.within(both, joint.variables), lambda result: True))
    own = [
        Statement(
            kind,
            subject,
            group_words(pair, cube, joint),
            says[0] if now else says[1],
            replay(joint, cube),
            old_answers=old_replay(joint, cube),
        )
        for cube, (_was, now) in simplify(leaves, _changed, joint)
    ]
    # The urgency's first: of two with one answers file, `_once` keeps it, in the group's words.
    return _said_with_urgency(pair, both, kind, subject, says, urgencies) + own


def _said_with_urgency(
    pair: Pair, both: Node, kind: str, subject: str, says: tuple[str, str], urgencies: Sequence[Statement]
) -> list[Statement]:
    """The change (`both`: shown in the old book, in the new) said again in each group of
    the urgency on every answer of which it holds, with that group's words and answers
    file: the group then reads "urgency: routine -> urgent" and "the warning sign ... now
    shows" together. Its own groups are cut by what decides the sign, not the urgency, so
    none of them need be the urgency's (a reviewer read a RAISED group without the sign it
    raised with). Answers no one gives (None: one of the group's own findings left out, a
    treatment say) are not the group's answers: they neither make nor break it."""
    out = []
    dd = pair.readings.dd
    for urgency in urgencies:
        if urgency.cube is None:
            continue
        joint, cube = urgency.cube
        node = pair.readings.within(both, joint.variables)
        for (was, now), said in (((False, True), says[0]), ((True, False), says[1])):
            if dd.only(dd.map(_is_or_none((was, now)), node), cube, True):
                out.append(
                    Statement(
                        kind,
                        subject,
                        urgency.answers_text,
                        said,
                        urgency.answers,
                        old_answers=urgency.old_answers,
                    )
                )
    return out


def text_changes(old: RuleBook, new: RuleBook) -> list[TextChange]:
    """Every wording a person reads that differs: of red flags, site rules, questions,
    findings, sites, sections, primary cancers (with the sites each commonly spreads to) and
    the guidance (each of its texts, its emergency numbers too)."""
    out: list[TextChange] = []

    def compare(kind: str, item: str, name: str, a: object, b: object, where: str = "") -> None:
        if a != b:
            said = where or f"{kind} {item}: {name}"
            out.append(TextChange(said, _text(a), _text(b), kind, item, name))

    def each(kind: str, old_items: dict[str, Any], new_items: dict[str, Any], names: tuple[str, ...]) -> None:
        for key in dict.fromkeys([*old_items, *new_items]):
            a, b = old_items.get(key), new_items.get(key)
            for name in names:
                where = f"rule {key}: {name}" if kind == "site rule" else ""
                compare(kind, key, name, getattr(a, name, None), getattr(b, name, None), where)

    each("red flag", _by_id(old.red_flags), _by_id(new.red_flags), ("title", "advice", "explain"))
    each("site rule", _rules(old), _rules(new), ("why",))
    each("question", _questions(old), _questions(new), ("text", "help"))
    each("finding", _by_id(old.findings), _by_id(new.findings), ("label", "meaning"))
    was_choices, now_choices = _choice_texts(old), _choice_texts(new)
    for (item, value), text in now_choices.items():  # a choice added or removed is an edit
        if (item, value) in was_choices:
            compare("finding", item, f"choice {value}", was_choices[item, value], text)
    each("site", _by_id(old.sites), _by_id(new.sites), ("name", "about", "how_found"))
    each("section", _by_id(old.sections), _by_id(new.sections), ("title", "intro"))
    each("primary", _primaries(old), _primaries(new), ("name", "note", "common_sites"))
    was, now = guidance_texts(old.guidance), guidance_texts(new.guidance)
    for name in dict.fromkeys([*was, *now]):
        compare("guidance", "", name, was.get(name), now.get(name), f"guidance: {name}")
    return out


def _by_id(records: Iterable[Any]) -> dict[str, Any]:
    return {record.id: record for record in records}


@dataclass(frozen=True)
class _PrimaryWords:
    """A primary cancer as a person reads it: the sites it commonly spreads to by name."""

    name: str
    note: str | None
    common_sites: str


def _primaries(book: RuleBook) -> dict[str, _PrimaryWords]:
    def sites(ids: Iterable[str]) -> str:
        names = {site.id: site.name for site in book.sites}
        return ", ".join(names.get(site, site) for site in ids)

    return {p.id: _PrimaryWords(p.name, p.note, sites(p.common_sites)) for p in book.primaries}


def guidance_texts(guidance: Guidance) -> dict[str, str | None]:
    """Every text of the guidance a person can read, by where it is ("wording.result.title"):
    the advice for each level first, then each field in the file's order; a list as one text
    ("; "), a condition in YAML's short form. Its sources are compared apart (diff_sources)."""
    out: dict[str, str | None] = {
        f"advice for {level.value}": guidance.advice.for_level(level) for level in Urgency
    }
    for field_ in dataclasses.fields(guidance):
        if field_.name not in ("advice", *GUIDANCE):
            _walk(getattr(guidance, field_.name), field_.name, out)
    return out


def _walk(value: object, where: str, out: dict[str, str | None]) -> None:
    if isinstance(value, CONDITION_TYPES):
        out[where] = in_yaml_words(value)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field_ in dataclasses.fields(value):
            _walk(getattr(value, field_.name), f"{where}.{field_.name}", out)
    elif isinstance(value, tuple) and all(isinstance(item, str) for item in value):
        out[where] = "; ".join(value)
    elif isinstance(value, tuple):
        for number, item in enumerate(value):  # a country's number by its code, not its place
            _walk(item, f"{where}[{getattr(item, 'country', number)}]", out)
    else:
        out[where] = _text(value)


def _choice_texts(book: RuleBook) -> dict[tuple[str, str], str]:
    """The words of each answer a question offers, by its finding and value."""
    return {(spec.id, choice.value): choice.text for spec in book.findings for choice in spec.choices}


def _rules(book: RuleBook) -> dict[str, Any]:
    return {rule.id: rule for site in book.sites for rule in site.rules}


def _questions(book: RuleBook) -> dict[str, Any]:
    return {question.finding: question for question in book.questions}


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def urgency_changes(pair: Pair) -> list[Statement]:
    """The changes of urgency: the groups of answers over the findings the changed items
    test, then the gate's own lowerings, then every other change of urgency (old level, new
    level) that some answers give and no statement shows, each with answers that give it."""
    statements = urgency_statements(pair)
    # The gate's own lowerings, compared with the statements as data (never as text): one is
    # left out only where a statement already refuses the same lowering as undeclared.
    refused = {(s.was, s.now) for s in statements if s.lowered and s.declared is None}
    statements += [hidden for hidden in hidden_lowerings(pair) if (hidden.was, hidden.now) not in refused]
    shown = {(Urgency(s.was).rank, Urgency(s.now).rank) for s in statements if s.was and s.now}
    return statements + unshown_changes(pair, shown)


def diff(old: RuleBook, new: RuleBook) -> Diff:
    _refuse_retyped(old, new)
    pair = Pair(old, new)
    urgencies = urgency_changes(pair)
    statements = urgencies + red_flag_statements(pair, urgencies) + site_statements(pair, urgencies)
    kept, edited, texts = _once(statements), edits(old, new), text_changes(old, new)
    found, moved = effects(old, new, edited, kept), moved_questions(old, new)
    return Diff(
        kept,
        texts,
        edited,
        found,
        moved,
        source_changes(old, new),
        _reaches(old, new, edited, texts, found),
        regrouped_questions(old, new, moved),
    )


def _reaches(
    old: RuleBook, new: RuleBook, edited: list[Edit], texts: list[TextChange], found: list[Effect]
) -> dict[tuple[str, str, str], Reach]:
    """What each wording change, and each edit of an item whose edits change no outcome,
    does for a person (not of an item added or removed: its edit says so)."""
    shown = {item for effect in found for item in effect.items}
    whole = {(edit.kind, edit.id) for edit in edited if not edit.field}
    asked = [(e.kind, e.id, e.field) for e in edited if e.field and (e.kind, e.id) not in shown]
    asked += [(c.kind, c.id, c.field) for c in texts if (c.kind, c.id) not in whole]
    out = {}
    for key in dict.fromkeys(asked):
        said = reach(old, new, *key)
        if said is not None:
            out[key] = said
    return out


def _refuse_retyped(old: RuleBook, new: RuleBook) -> None:
    """A finding whose type changed (a yes or no made a choice, a choice a number) keeps its
    id but no answer to it means the same in both books: the answers of one cannot be read
    by the other, so no change it makes could be found, a lowering neither. Refused, never
    passed by the gate."""
    was = {finding.id: finding for finding in old.findings}
    for finding in new.findings:
        before = was.get(finding.id)
        if before is not None and kind_of(before) is not kind_of(finding):
            raise UsageError(
                f"rules diff cannot compare finding '{finding.id}': it is type: {before.type} in the "
                f"old book and type: {finding.type} in the new, so no answer to it means the same in "
                "both; give the new finding an id of its own, then compare again"
            )


def _once(statements: list[Statement]) -> list[Statement]:
    """Each statement once: two groups of one kind with the same change and the same answers
    file read as the same line twice."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for statement in statements:
        key = (statement.kind, statement.subject, statement.change, tuple(sorted(statement.answers.items())))
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept


def _is_or_none(change: tuple[bool, bool]) -> Callable[[object], bool]:
    return lambda seen: seen is None or seen == change


def _changed(result: tuple[object, ...] | None) -> bool:
    return result is not None and result[0] != result[1]
