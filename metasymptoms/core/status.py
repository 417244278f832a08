"""The rule book's version and status in one calm line: every result, summary and document
shows this line, so it is made in one place."""

from __future__ import annotations

from metasymptoms.core.book_record import BookInfo, SignOff
from metasymptoms.core.model import RuleBook
from metasymptoms.core.model_base import filled


def sign_off(info: BookInfo | None) -> SignOff | None:
    """The latest sign-off of the current version, if the book is approved."""
    if info is None or info.status != "approved":
        return None
    current = [record for record in info.sign_offs if record.version == info.version]
    return max(current, key=lambda record: record.date, default=None)


def status_line(book: RuleBook) -> str:
    """In the book's words (guidance.yaml `wording.rule_book_status`)."""
    info = book.info
    record = sign_off(info)
    words = book.guidance.wording.rule_book_status
    if info is None:
        return words.draft_no_version
    if record is None:
        return filled(words.draft, version=info.version)
    return filled(
        words.signed_off,
        version=info.version,
        signer=record.name,
        role=record.role,
        date=record.date.isoformat(),
    )


def status_data(book: RuleBook) -> dict[str, str | None]:
    """For JSON: `rule_book: {version, status}` (status is "draft" until signed off)."""
    info = book.info
    return {
        "version": info.version if info else None,
        "status": "approved" if sign_off(info) else "draft",
    }
