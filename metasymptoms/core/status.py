"""The rule book's version and status in one calm line: every result, summary and document
shows this line, so it is made in one place."""

from __future__ import annotations

from metasymptoms.core.book_record import BookInfo, SignOff
from metasymptoms.core.model import Checked, RuleBook


def sign_off(info: BookInfo | None) -> SignOff | None:
    """The latest sign-off of the current version, if the book is approved."""
    if info is None or info.status != "approved":
        return None
    current = [record for record in info.sign_offs if record.version == info.version]
    return max(current, key=lambda record: record.date, default=None)


def status_line(book: RuleBook) -> str:
    info = book.info
    record = sign_off(info)
    if info is None:
        return "Draft rule book, no version given: not yet signed off by a clinician."
    if record is None:
        return f"Draft rule book, version {info.version}: not yet signed off by a clinician."
    return (
        f"Rule book version {info.version}, signed off by {record.name} ({record.role}) "
        f"on {record.date.isoformat()}."
    )


def status_data(book: RuleBook) -> dict[str, str | None]:
    """For JSON: `rule_book: {version, status}` (status is "draft" until signed off)."""
    info = book.info
    return {
        "version": info.version if info else None,
        "status": "approved" if sign_off(info) else "draft",
    }


def checked_phrase(checked: Checked) -> str:
    """A rule's check against its sources, never to be read as a clinical sign-off."""
    return f"{checked.date.isoformat()} by {checked.by} (a check against sources, not a clinical sign-off)"
