"""uncited-source: a source in sources.yaml that nothing cites.

(A source that is cited but not listed is an error the loader reports itself; so is a rule
or red flag with no source at all.)

PASS: every key in sources.yaml appears in some `sources:` list.
FAIL:

    sources.yaml:9:9: [warning] the source 'OLD-LEAFLET' is not cited by any rule, red flag,
    site, primary or guidance (uncited-source)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

ID = "uncited-source"
LEVEL = "warning"


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    book = loaded.book
    cited: set[str] = set(book.guidance.sources) | set(book.guidance.with_cancer_sources)
    for flag in book.red_flags:
        cited.update(flag.sources)
    for site in book.sites:
        cited.update(site.sources)
        for rule in site.rules:
            cited.update(rule.sources)
    for primary in book.primaries:
        cited.update(primary.sources)
    for source in book.sources:
        if source.id not in cited:
            yield (
                loaded.at("source", source.id, "id"),
                (f"the source '{source.id}' is not cited by any rule, red flag, site, primary or guidance"),
            )
