"""A list and a rule's check in the reviewers' English ("a, b and c"), for the reports
rule-book authors and reviewers read (rules show, rules diff, the rule-book document). What they read stays in the
code (docs/wording.md); a list a person reads is joined in the book's words
(guidance.yaml `wording.lists`)."""

from __future__ import annotations

from collections.abc import Iterable

from metasymptoms.core.model import Checked, Source


def join_words(words: Iterable[str], conjunction: str = "and") -> str:
    items = list(words)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def checked_phrase(checked: Checked) -> str:
    """A rule's check against its sources, never to be read as a clinical sign-off."""
    return f"{checked.date.isoformat()} by {checked.by} (a check against sources, not a clinical sign-off)"


def source_notes(source: Source) -> list[tuple[str, str]]:
    """A source's note and dates, each only where the source gives it: a date is never guessed."""
    lines = [("Note", source.note)] if source.note else []
    if source.reviewed:
        lines.append(("Page reviewed", source.reviewed.isoformat()))
    if source.accessed:
        lines.append(("Read by us", source.accessed.isoformat()))
    return lines
