"""source-audience: a warning sign that a person without a cancer diagnosis can be shown cites
a page written for people living with cancer.

Such a person is listed only the pages written for everyone (sources.yaml: `written_for`),
and is never told that others exist, so the page would back advice its reader never sees
the source of. Cite a page written for everyone, or for professionals, that backs the same
fact; or keep the page on a warning sign of its own that needs a cancer history.

PASS: `cauda_equina` holds for anyone and cites NHS-SCIATICA, a page for everyone.
FAIL: `superior_vena_cava` holds for anyone but cites MAC-SVCO, a page for people with cancer:

    red_flags.yaml:345:15: [warning] 'superior_vena_cava' can be shown to a person without a
    cancer diagnosis, but cites 'MAC-SVCO', a page written for people with cancer; they are
    never shown it (source-audience)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from metasymptoms.core.for_whom import histories_shown

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

ID = "source-audience"
LEVEL = "warning"


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    book = loaded.book
    for flag in book.red_flags:
        # shown to a person who said "never told I have cancer", every other answer still open
        shown = histories_shown(book, flag.when)
        if shown is None or "none" not in shown:
            continue
        for index, key in enumerate(flag.sources):
            if book.source(key).written_for == "people_with_cancer":
                yield (
                    loaded.at("red_flag", flag.id, "sources", index),
                    f"'{flag.id}' can be shown to a person without a cancer diagnosis, but cites "
                    f"'{key}', a page written for people with cancer; they are never shown it",
                )
