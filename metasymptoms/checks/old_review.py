"""old-review: a rule or red flag last reviewed more than two years ago.

Medical advice changes; each rule carries the date it was last checked against its sources.

PASS: `reviewed: 2026-11-25` (checked on 2027-01-01).
FAIL: `reviewed: 2023-03-01` (checked on 2026-11-25):

    red_flags.yaml:13:15: [warning] 'cord' was last reviewed on 2023-03-01, more than two
    years ago; check it against its sources and update the date (old-review)
"""

from __future__ import annotations

import datetime

ID = "old-review"
LEVEL = "warning"


def _two_years_before(today: datetime.date) -> datetime.date:
    try:
        return today.replace(year=today.year - 2)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 2, day=28)


def check(loaded, today):
    limit = _two_years_before(today)
    items = [("red_flag", flag.id, flag.reviewed) for flag in loaded.book.red_flags]
    items += [("rule", rule.id, rule.reviewed) for site in loaded.book.sites for rule in site.rules]
    for kind, item_id, reviewed in items:
        if reviewed < limit:
            yield (
                loaded.at(kind, item_id, "reviewed"),
                (
                    f"'{item_id}' was last reviewed on {reviewed.isoformat()}, more than two years ago; "
                    "check it against its sources and update the date"
                ),
            )
