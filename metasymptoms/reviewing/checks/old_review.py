"""old-review: a rule or red flag last checked against its sources more than two years ago.

Medical advice changes; each rule records who last checked it against its sources and when
(`checked: {by: author, date: 2026-11-25}`). That check is the author's, not a clinical
sign-off, which book.yaml records for the whole book.

PASS: `checked: {by: author, date: 2026-11-25}` (checked on 2027-01-01).
FAIL: `checked: {by: author, date: 2023-03-01}` (checked on 2026-11-25):

    red_flags.yaml:13:32: [warning] 'cord' was last checked against its sources on
    2023-03-01, more than two years ago; check it again and update the date (old-review)
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

ID = "old-review"
LEVEL = "warning"


def _two_years_before(today: datetime.date) -> datetime.date:
    try:
        return today.replace(year=today.year - 2)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 2, day=28)


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    limit = _two_years_before(today)
    items = [("red_flag", flag.id, flag.checked.date) for flag in loaded.book.red_flags]
    items += [("rule", rule.id, rule.checked.date) for site in loaded.book.sites for rule in site.rules]
    for kind, item_id, date in items:
        if date < limit:
            yield (
                loaded.at(kind, item_id, "checked", "date"),
                (
                    f"'{item_id}' was last checked against its sources on {date.isoformat()}, "
                    "more than two years ago; check it again and update the date"
                ),
            )
