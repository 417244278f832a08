"""site-without-rules: a site with no symptom rules, so no answers can ever point to it.

PASS: sites/bones.yaml has at least one entry under `rules:`.
FAIL: sites/skin.yaml has `rules: []` or no `rules:` at all:

    sites/skin.yaml:1:1: [warning] the site 'skin' has no rules, so no answers can point
    to it (site-without-rules)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

ID = "site-without-rules"
LEVEL = "warning"


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    for site in loaded.book.sites:
        if not site.rules:
            yield (
                loaded.at("site", site.id, "id"),
                (f"the site '{site.id}' has no rules, so no answers can point to it"),
            )
