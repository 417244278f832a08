"""`rules diff` as text, markdown or JSON: first what was edited, by name; then, per edited
item, each group of answers whose outcome changes (LOWERED, RAISED), as short lists, with
the answers file that replays it; then the wording that changed; then the verdict."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass

from metasymptoms.core.escape import markdown as md
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook
from metasymptoms.core.problems import counted
from metasymptoms.core.status import status_data, status_line
from metasymptoms.reviewing.diff import Diff
from metasymptoms.reviewing.diff_edits import Edit
from metasymptoms.reviewing.diff_effects import Effect, Group
from metasymptoms.reviewing.diff_pair import Statement, Words
from metasymptoms.reviewing.diff_reach import quiet_words, read_words
from metasymptoms.reviewing.in_english import join_words
from metasymptoms.reviewing.replay import answers_yaml

NOT_NAMED = "Answers not named are not reported; each answers file replays the change with: metasymptoms ask --answers FILE"
WIDTH = 96  # the "none of" lists wrap here


def verdict(result: Diff) -> str:
    if result.refused:
        # The groups the report lists as LOWERED, NOT DECLARED, so the count is theirs
        # (a statement's count, only should the engine's reading of every group disagree).
        count = len(result.refused_groups) or len(result.undeclared_lowerings)
        groups = "1 group of answers above is" if count == 1 else f"{count} groups of answers above are"
        return (
            f"REFUSED: {groups} LOWERED, NOT DECLARED. "
            "If a lowering is meant, declare it in the new book's book.yaml under declared_changes "
            "(when, was, now, reason)."
        )
    return "No urgency is lowered without a declared reason."


def render(result: Diff, old: RuleBook, new: RuleBook, old_name: str, new_name: str, fmt: str) -> str:
    if fmt == "json":
        data = {
            "old": {"folder": old_name, "rule_book": status_data(old)},
            "new": {"folder": new_name, "rule_book": status_data(new)},
            "statements": [statement.as_dict() for statement in result.statements],
            "text_changes": [vars(change) for change in result.text_changes],
            "undeclared_lowerings": len(result.undeclared_lowerings),
            "lowered_not_declared_groups": len(result.refused_groups),
            "refused": result.refused,
            "edited": [edit.as_dict() for edit in result.edited],
            "effects": [effect.as_dict() for effect in result.effects],
            "unchanged_edits": [{"kind": kind, "id": item} for kind, item in _quiet(result)],
            "moved_questions": [moved.as_dict() for moved in result.moved],
            "questions_in_other_sections": [regrouped.as_dict() for regrouped in result.regrouped],
            "wording_effects": [found.as_dict() for found in result.reaches.values()],
            "source_changes": [change.as_dict() for change in result.source_changes],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(result, old, new, old_name, new_name)
    return _text(result, old, new, old_name, new_name)


# --- what each part says, for text and markdown alike -----------------------------------


@dataclass(frozen=True)
class Shown:
    """One group of answers as a reviewer reads it."""

    label: str  # "RAISED", "LOWERED, NOT DECLARED", ...
    changes: list[str]  # "urgency: prompt -> urgent", "the warning sign ... no longer shows"
    declared: str | None  # book.yaml's reason, for a declared lowering
    named: list[str]  # each answer that matters, in words
    none_of: list[str]  # the findings it needs not reported, in words (less those said above all)
    answers: dict[str, Answer]


def _status(old: RuleBook, new: RuleBook) -> list[tuple[str, str]]:
    """Each book's status, or one line for both when they read the same."""
    was, now = status_line(old), status_line(new)
    return [("both books", was)] if was == now else [("old", was), ("new", now)]


def _edited(result: Diff, old: RuleBook, new: RuleBook) -> list[str]:
    """What was edited, by name, with old and new values; wording by where it is."""
    said = [
        f"{_item_name((edit.kind, edit.id), old, new)}: {edit.change()}{_gloss(edit, new)}"
        for edit in result.edited
    ]
    whole = {(edit.kind, edit.id) for edit in result.edited if not edit.field}  # "added", "removed"
    said += [
        f"{c.where} (wording, shown below)"
        for c in result.text_changes
        if c.kind != "guidance" and (c.kind, c.id) not in whole
    ]
    if any(change.kind == "guidance" for change in result.text_changes):
        said.append("guidance (wording, shown below)")
    if result.moved:
        said.append("the order of the questions (shown below)")
    if result.regrouped:
        said.append("the sections some questions are asked under (shown below)")
    said += dict.fromkeys(f"{change.where} (shown below)" for change in result.source_changes)
    return said


ORDER_HEADING = "Order of the questions changed (as a person is asked them)"
SOURCES_HEADING = "Sources changed (as a person is shown them)"
SECTIONS_HEADING = "Questions under another heading (as a person is asked them)"


def _listed(result: Diff) -> list[tuple[str, list[str]]]:
    """The changes that are not wording and change no outcome, under their headings: the
    order of the questions, and the sources a person is shown."""
    parts = [
        (ORDER_HEADING, [moved.words for moved in result.moved]),
        (SECTIONS_HEADING, [regrouped.words for regrouped in result.regrouped]),
        (SOURCES_HEADING, [change.words for change in result.source_changes]),
    ]
    return [(heading, lines) for heading, lines in parts if lines]


TEXT_HEADING = "Text changed (what a person reads; wording alone changes no urgency)"
EXAMPLE = "For example, the result reads differently with this answers file"


def _gloss(edit: Edit, new: RuleBook) -> str:
    """What a field of the YAML means, where its name does not say it to a nurse."""
    if edit.kind == "finding" and edit.field == "implies_from":
        spec = next((spec for spec in new.findings if spec.id == edit.id), None)
        return (
            f" (from this value up, {spec.label} counts as '{spec.implies}')" if spec and spec.implies else ""
        )
    return ""


def _quiet(result: Diff) -> list[tuple[str, str]]:
    """The edited items that change no answer's outcome."""
    shown = {item for effect in result.effects for item in effect.items}
    return [item for item in dict.fromkeys((e.kind, e.id) for e in result.edited) if item not in shown]


def _item_name(item: tuple[str, str], old: RuleBook, new: RuleBook) -> str:
    """An edited item by its id and, where it has one, the words a person reads for it."""
    kind, item_id = item
    for book in (new, old):
        words = _words_of(book, kind, item_id)
        if words:
            return f"{kind} {item_id} ({words})"
    return f"{kind} {item_id}"


def _words_of(book: RuleBook, kind: str, item_id: str) -> str | None:
    if kind == "red flag":
        try:
            return book.red_flag(item_id).title
        except KeyError:  # a red flag only the other book has: named by its id alone
            return None
    if kind == "finding":
        return next((spec.label for spec in book.findings if spec.id == item_id), None)
    if kind == "question":
        return next((q.text for q in book.questions if q.finding == item_id), None)
    if kind == "site rule":
        return next((f"site {s.name}" for s in book.sites for rule in s.rules if rule.id == item_id), None)
    return None


def _heading(effect: Effect, old: RuleBook, new: RuleBook) -> str:
    if not effect.items:
        return "Changes no single edit explains"
    names = [_item_name(item, old, new) for item in effect.items]
    return f"Effect of {join_words(names)}" + (" together" if len(names) > 1 else "")


def _label(group: Group) -> str:
    if group.label == "LOWERED":
        return "LOWERED, DECLARED" if group.declared else "LOWERED, NOT DECLARED"
    return group.label


def _count_words(effect: Effect) -> str:
    counts = effect.counts()
    not_declared = sum(1 for group in effect.groups if _label(group) == "LOWERED, NOT DECLARED")
    said = []
    if counts["lowered"]:
        said.append(
            f"{counts['lowered']} LOWERED" + (f" ({not_declared} not declared)" if not_declared else "")
        )
    if counts["raised"]:
        said.append(f"{counts['raised']} RAISED")
    if counts["same_urgency"]:
        said.append(f"{counts['same_urgency']} with the same urgency")
    groups = counts["groups"]
    return f"{counted(groups, 'group')} of answers: {', '.join(said)}"


def _words(group: Group) -> Words:
    words = group.first.answers_text
    return words if isinstance(words, Words) else Words((("", str(words), False),))


def _common_none_of(effect: Effect) -> list[str]:
    """The findings every group of the effect needs not reported, in words: said once,
    above them."""
    lists = [group.not_reported_words for group in effect.groups]
    if len(lists) < 2:
        return []
    return [words for words in lists[0] if all(words in other for other in lists[1:])]


def _change_words(statement: Statement) -> str:
    return f"urgency: {statement.was} -> {statement.now}" if statement.kind == "urgency" else statement.change


def _narrower(statement: Statement, words: Words) -> str:
    """What a change needs beyond the group's own answers ("when also: ..."), or its answers
    in full where they are not the group's and more; "" where the group's are enough (its
    answers are among the group's: a reviewer would read the group's list twice)."""
    own = statement.answers_text
    if isinstance(own, Words) and set(own.parts) <= set(words.parts):
        return ""
    if not isinstance(own, Words) or set(words.parts) - set(own.parts):
        return "" if str(own) == str(words) else f" (with {own})"
    more = [said for part in own.parts if part not in words.parts for _, said, _ in [part]]
    return f", when also: {'; '.join(more)}" if more else ""


def _shown(group: Group, common: list[str]) -> Shown:
    words = _words(group)
    changes = []
    if not any(s.kind == "urgency" for s in group.statements) and group.was != group.now:
        changes.append(f"urgency: {group.was} -> {group.now}")
    for statement in group.statements:
        changes.append(_change_words(statement) + _narrower(statement, words))
    return Shown(
        _label(group),
        changes,
        group.declared,
        [*words.named, *group.also] or ["any other answers"],
        [said for said in group.not_reported_words if said not in common],
        group.first.answers,
    )


def _bullets(items: list[str], indent: str, *, hyphens: bool = True) -> list[str]:
    """A short list, each item wrapped under its own dash (without hyphens: never inside a
    word, so a web address stays whole to copy)."""
    lines = []
    for item in items:
        lines += textwrap.wrap(
            item,
            WIDTH,
            initial_indent=indent + "- ",
            subsequent_indent=indent + "  ",
            break_on_hyphens=hyphens,
            break_long_words=hyphens,
        )
    return lines


# --- text -------------------------------------------------------------------------------


def _text(result: Diff, old: RuleBook, new: RuleBook, old_name: str, new_name: str) -> str:
    lines = [
        f"What changed for a person, from {old_name} to {new_name}:",
        *(f"  {who}: {status}" for who, status in _status(old, new)),
        "",
    ]
    edited = _edited(result, old, new)
    if edited:
        lines += ["What was edited:", *_bullets(edited, "  "), ""]
    else:
        lines += ["What was edited: no rule, finding, question or wording a person reads.", ""]
    if not result.statements:
        lines += ["No answers give a different urgency, red flag or site.", ""]
    for effect in result.effects:
        lines += [f"{_heading(effect, old, new)}:", f"  {_count_words(effect)}"]
        common = _common_none_of(effect)
        if common:
            lines += ["  In every group below, none of these is reported:", *_bullets(common, "    ")]
        for number, group in enumerate(effect.groups, 1):
            lines += _text_group(number, _shown(group, common))
        lines.append("")
    for item in _quiet(result):
        said, answers = quiet_words(result.edited, result.reaches, item)
        lines += [f"Effect of {_item_name(item, old, new)}:", *_bullets(said, "  ")]
        if answers:
            lines.append(f"  {EXAMPLE}:")
            lines += [f"    {line}" for line in answers_yaml(answers).splitlines()]
        lines.append("")
    if result.statements:
        lines += [NOT_NAMED, ""]
    if result.text_changes:
        lines.append(f"{TEXT_HEADING}:")
        for change in result.text_changes:
            lines.append(f"  - {change.where}")
            lines.append(f"      was: {change.old if change.old is not None else '(none)'}")
            lines.append(f"      now: {change.new if change.new is not None else '(none)'}")
            for read in read_words(result.reaches.get((change.kind, change.id, change.field))):
                lines += textwrap.wrap(read, WIDTH, initial_indent=" " * 6, subsequent_indent=" " * 8)
        lines.append("")
    for heading, said in _listed(result):
        lines += [f"{heading}:", *_bullets(said, "  ", hyphens=False), ""]
    lines.append(verdict(result))
    return "\n".join(lines) + "\n"


def _text_group(number: int, shown: Shown) -> list[str]:
    lines = [f"  {number}. {shown.label}", *_bullets(shown.changes, "     ")]
    if shown.declared:
        lines.append(f"     Declared in book.yaml: {shown.declared}")
    lines += ["     With:", *_bullets(shown.named, "       ")]
    if shown.none_of:
        lines += ["     And none of:", *_bullets(shown.none_of, "       ")]
    lines.append("     Answers file:")
    lines += [f"       {line}" for line in answers_yaml(shown.answers).splitlines()]
    return lines


# --- markdown ---------------------------------------------------------------------------


def _markdown(result: Diff, old: RuleBook, new: RuleBook, old_name: str, new_name: str) -> str:
    lines = [
        "# What changed for a person",
        "",
        f"From `{old_name}` to `{new_name}`.",
        "",
        *(f"- {who.capitalize()}: {md(status)}" for who, status in _status(old, new)),
        "",
        "## What was edited",
        "",
        *(
            [f"- {md(line)}" for line in _edited(result, old, new)]
            or ["No rule, finding, question or wording."]
        ),
        "",
    ]
    if not result.statements:
        lines += ["No answers give a different urgency, red flag or site.", ""]
    for effect in result.effects:
        lines += [f"## {md(_heading(effect, old, new))}", "", md(_count_words(effect)) + ".", ""]
        common = _common_none_of(effect)
        if common:
            lines += [
                "In every group below, none of these is reported:",
                "",
                *(f"- {md(c)}" for c in common),
                "",
            ]
        for number, group in enumerate(effect.groups, 1):
            lines += _markdown_group(number, _shown(group, common))
    for item in _quiet(result):
        said, answers = quiet_words(result.edited, result.reaches, item)
        lines += [f"## Effect of {md(_item_name(item, old, new))}", "", *(f"- {md(s)}" for s in said), ""]
        if answers:
            lines += [f"{EXAMPLE}:", "", "```yaml", *answers_yaml(answers).splitlines(), "```", ""]
    if result.statements:
        lines += [f"_{md(NOT_NAMED)}_", ""]
    if result.text_changes:
        lines += [f"## {TEXT_HEADING}", "", "| Where | Was | Now | What it changes |", "|---|---|---|---|"]
        for change in result.text_changes:
            read = md(" ".join(read_words(result.reaches.get((change.kind, change.id, change.field)))))
            lines.append(
                f"| {md(change.where)} | {md(change.old or '(none)')} | {md(change.new or '(none)')} | {read} |"
            )
        lines.append("")
    for heading, said in _listed(result):
        lines += [f"## {md(heading)}", "", *(f"- {md(line)}" for line in said), ""]
    lines.append(f"**{md(verdict(result))}**")
    return "\n".join(lines) + "\n"


def _markdown_group(number: int, shown: Shown) -> list[str]:
    lines = [f"{number}. **{md(shown.label)}**", *(f"   - {md(change)}" for change in shown.changes)]
    if shown.declared:
        lines.append(f"   - Reason given: {md(shown.declared)}")
    lines += ["   - With:", *(f"     - {md(words)}" for words in shown.named)]
    if shown.none_of:
        lines += ["   - And none of:", *(f"     - {md(words)}" for words in shown.none_of)]
    lines += [
        "",
        "   ```yaml",
        *[f"   {line}" for line in answers_yaml(shown.answers).splitlines()],
        "   ```",
        "",
    ]
    return lines
