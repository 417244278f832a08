"""`rules diff` as text, markdown or JSON."""

from __future__ import annotations

import json

from metasymptoms.core.escape import markdown as md
from metasymptoms.core.model import RuleBook
from metasymptoms.core.status import status_data, status_line
from metasymptoms.reviewing.diff import Diff
from metasymptoms.reviewing.diff_pair import Statement
from metasymptoms.reviewing.replay import answers_yaml

KINDS = (
    ("urgency", "How urgent the ending is"),
    ("red flag", "Warning signs shown"),
    ("site", "Sites named"),
)
NOT_NAMED = "Answers not named are not reported; each answers file replays the change with: metasymptoms ask --answers FILE"


def verdict(result: Diff) -> str:
    lowered = result.undeclared_lowerings
    if lowered:
        return (
            f"REFUSED: {len(lowered)} lowered urgenc{'y is' if len(lowered) == 1 else 'ies are'} not declared. "
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
            "edited": [edit.as_dict() for edit in result.edited],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(result, old, new, old_name, new_name)
    return _text(result, old, new, old_name, new_name)


def _mark(statement: Statement) -> str:
    if statement.lowered and statement.declared is None:
        return "LOWERED, NOT DECLARED  "
    if statement.lowered:
        return "LOWERED, DECLARED  "
    if statement.kind == "urgency":
        return "RAISED  "
    return ""


def _edited_lines(result: Diff) -> list[str]:
    """What was edited, by name, with old and new values: read first."""
    if not result.edited:
        return ["What was edited: no rule, finding or question (wording only, if anything).", ""]
    return ["What was edited:", *(f"  - {edit.line()}" for edit in result.edited), ""]


def _counts(group: list[Statement]) -> str:
    lowered = sum(1 for s in group if s.lowered)
    raised = sum(1 for s in group if s.kind == "urgency" and not s.lowered)
    words = [f"{len(group)} group{'s' if len(group) != 1 else ''} of answers"]
    if lowered or raised:
        words.append(f"{lowered} lowered, {raised} raised")
    return "  (" + "; ".join(words) + ")"


def _text(result: Diff, old: RuleBook, new: RuleBook, old_name: str, new_name: str) -> str:
    lines = [
        f"What changed for a person, from {old_name} to {new_name}:",
        f"  old: {status_line(old)}",
        f"  new: {status_line(new)}",
        "",
        *_edited_lines(result),
    ]
    if not result.statements:
        lines.append("No answers give a different urgency, red flag or site.")
    for kind, heading in KINDS:
        group = [s for s in result.statements if s.kind == kind]
        if not group:
            continue
        lines.append(f"{heading}:")
        lines.append(_counts(group))
        for statement in group:
            lines.append(f"  - {_mark(statement)}{statement.sentence()}")
            if statement.declared:
                lines.append(f"    Reason given: {statement.declared}")
            lines.append("    Answers file:")
            lines += [f"      {line}" for line in answers_yaml(statement.answers).splitlines()]
        lines.append("")
    if result.statements:
        lines.append(NOT_NAMED)
        lines.append("")
    if result.text_changes:
        lines.append("Text changed (what a person reads):")
        for change in result.text_changes:
            lines.append(f"  - {change.where}")
            lines.append(f"      was: {change.old if change.old is not None else '(none)'}")
            lines.append(f"      now: {change.new if change.new is not None else '(none)'}")
        lines.append("")
    lines.append(verdict(result))
    return "\n".join(lines) + "\n"


def _markdown(result: Diff, old: RuleBook, new: RuleBook, old_name: str, new_name: str) -> str:
    lines = [
        "# What changed for a person",
        "",
        f"From `{old_name}` to `{new_name}`.",
        "",
        f"- Old: {md(status_line(old))}",
        f"- New: {md(status_line(new))}",
        "",
        "## What was edited",
        "",
        *([f"- {md(edit.line())}" for edit in result.edited] or ["No rule, finding or question."]),
        "",
    ]
    if not result.statements:
        lines += ["No answers give a different urgency, red flag or site.", ""]
    for kind, heading in KINDS:
        group = [s for s in result.statements if s.kind == kind]
        if not group:
            continue
        lines += [f"## {heading}", ""]
        for statement in group:
            mark = f"**{_mark(statement).strip().capitalize()}.** " if _mark(statement) else ""
            lines.append(f"- {mark}{md(statement.sentence())}")
            if statement.declared:
                lines.append(f"  Reason given: {md(statement.declared)}")
            lines += [
                "",
                "  ```yaml",
                *[f"  {line}" for line in answers_yaml(statement.answers).splitlines()],
                "  ```",
                "",
            ]
    if result.statements:
        lines += [f"_{md(NOT_NAMED)}_", ""]
    if result.text_changes:
        lines += ["## Text changed", "", "| Where | Was | Now |", "|---|---|---|"]
        for change in result.text_changes:
            lines.append(
                f"| {md(change.where)} | {md(change.old or '(none)')} | {md(change.new or '(none)')} |"
            )
        lines.append("")
    lines.append(f"**{md(verdict(result))}**")
    return "\n".join(lines) + "\n"
