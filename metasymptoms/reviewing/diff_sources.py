"""Which sources a person is shown that an edit changed (`rules diff`): a source cited or no
longer cited by a warning sign, site rule, site, primary cancer or the guidance, and an
entry of sources.yaml added, removed, or with another publisher, title, web address or
audience, and an item's sources put in another order (a result lists them in that order).
A result lists each source as its publisher, title and web address, so those are
what a person reads; the dates a page was read or reviewed, and the reviewer's note, are not
shown to a person and are left out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from metasymptoms.core.model import RuleBook, Source

SHOWN = ("publisher", "title", "url", "written_for")  # written_for: who is shown the page
GUIDANCE = {
    "sources": "the sources every result lists",
    "with_cancer_sources": "the sources shown with the survival note",
}

Cited = dict[tuple[str, str], tuple[str, ...]]  # (item's id, field) -> the keys it cites


@dataclass(frozen=True)
class SourceChange:
    kind: str  # "red flag", "site rule", "site", "primary", "guidance" or "source" (sources.yaml)
    id: str  # the item's id, or the source's key ("" for the guidance)
    field: str  # "sources" or "with_cancer_sources"; of a source, one of SHOWN, or "" added/removed
    old: Any  # the keys cited, or the source's value; None when added
    new: Any  # None when removed
    words: str  # the change in a nurse's words

    @property
    def where(self) -> str:
        if self.kind == "source":
            return f"source {self.id}"
        return f"guidance: {self.field}" if self.kind == "guidance" else f"{self.kind} {self.id}: sources"

    def as_dict(self) -> dict[str, Any]:
        return {
            **{key: getattr(self, key) for key in ("kind", "id", "field", "old", "new")},
            "change": self.words,
        }


def source_changes(old: RuleBook, new: RuleBook) -> list[SourceChange]:
    out: list[SourceChange] = []
    for kind, old_items, new_items in _citing(old, new):
        # An item added or removed is an edit (diff_edits); here, those in both books.
        for (item, field), was in old_items.items():
            now = new_items.get((item, field), was)
            if was != now:  # a result lists an item's sources in its order
                out.append(_cited(old, new, kind, item, field, was, now))
    return out + _entries(old, new)


def _citing(old: RuleBook, new: RuleBook) -> Iterable[tuple[str, Cited, Cited]]:
    """Each kind of item that cites sources, with each book's items: (id, field) -> keys."""

    def keyed(records: Iterable[Any]) -> Cited:
        return {(record.id, "sources"): tuple(record.sources) for record in records}

    def rules(book: RuleBook) -> list[Any]:
        return [rule for site in book.sites for rule in site.rules]

    def guidance(book: RuleBook) -> Cited:
        return {("", field): tuple(getattr(book.guidance, field)) for field in GUIDANCE}

    yield "red flag", keyed(old.red_flags), keyed(new.red_flags)
    yield "site rule", keyed(rules(old)), keyed(rules(new))
    yield "site", keyed(old.sites), keyed(new.sites)
    yield "primary", keyed(old.primaries), keyed(new.primaries)
    yield "guidance", guidance(old), guidance(new)


def _cited(
    old: RuleBook, new: RuleBook, kind: str, item: str, field: str, was: tuple[str, ...], now: tuple[str, ...]
) -> SourceChange:
    removed = [_key_words(old, key) for key in was if key not in now]
    added = [_key_words(new, key) for key in now if key not in was]
    if not removed and not added:
        said = (
            f"the same sources, listed to a person in another order: {', '.join(now)} (was {', '.join(was)})"
        )
    elif len(removed) == len(added) == 1:
        said = f"swapped {removed[0]} for {added[0]}"
    else:
        said = "; ".join([*(f"removed {w}" for w in removed), *(f"added {w}" for w in added)])
    where = f"guidance: {GUIDANCE[field]} ({field})" if kind == "guidance" else f"{kind} {item}: sources"
    return SourceChange(kind, item, field, list(was), list(now), f"{where}: {said}")


def _entries(old: RuleBook, new: RuleBook) -> list[SourceChange]:
    """The entries of sources.yaml that were added, removed, or changed where a person reads them."""
    was, now = {s.id: s for s in old.sources}, {s.id: s for s in new.sources}
    out = []
    for key in dict.fromkeys([*was, *now]):
        a, b = was.get(key), now.get(key)
        if a is None or b is None:
            shown = _shown(b or a)  # type: ignore[arg-type]
            said = "added" if a is None else "removed"
            old_value, new_value = (None, shown) if a is None else (shown, None)
            out.append(
                SourceChange("source", key, "", old_value, new_value, f"source {key}: {said}: {shown}")
            )
            continue
        for field in SHOWN:
            x, y = getattr(a, field), getattr(b, field)
            if x != y:
                out.append(SourceChange("source", key, field, x, y, f"source {key}: {field}: {x} -> {y}"))
    return out


def _key_words(book: RuleBook, key: str) -> str:
    """A source the book cites, with its publisher and title. A book that loads cites only
    its own sources (core/citations.py refuses any other), and so does an older one read to
    compare (older_book.py fills in wording, never sources): there is no key without one."""
    source = next(s for s in book.sources if s.id == key)
    return f'{key} ({source.publisher}, "{source.title}")'


def _shown(source: Source) -> str:
    """A source as a result lists it."""
    return f'{source.publisher}, "{source.title}", {source.url}'
