"""Which warning signs a number answered "not sure" shows (a count of times being sick, a
temperature): the urgency is the safer reading of every value it could be, but the cards
shown say only what the person said.

A "not sure" number is unknown to every threshold (conditions.py), so each sign that reads
the number may hold: "3 to 5 times" and "6 or more times" both, and two such signs count as
"two ambers make a red". A person who said "being sick, not sure how often" would read two
counts that contradict each other, and "two or more signs", for one symptom. Where the rule
book has a sign for the number not given (`not: {vomiting_times: {at_least: 0}}`), that sign
says what is known, and the signs that hold only because the number is unknown are left out
of what is shown: never the urgency, which the engine takes from every sign that may hold.
"""

from __future__ import annotations

from collections.abc import Mapping

from metasymptoms.core.conditions import findings_in, holds
from metasymptoms.core.kinds import UNSURE, kind_of
from metasymptoms.core.model import RedFlag, RuleBook


def unsure_numbers(book: RuleBook, read: Mapping[str, object]) -> frozenset[str]:
    """The number findings answered "not sure"."""
    return frozenset(
        finding
        for finding, value in read.items()
        if isinstance(value, str) and value == UNSURE and kind_of(book.finding(finding)).measured
    )


def shown_with_unsure_numbers(
    book: RuleBook, read: Mapping[str, object], fired: tuple[RedFlag, ...]
) -> tuple[RedFlag, ...]:
    """The fired signs (on answers already read, engine.reading) to show as cards: a sign
    that holds only because a number is "not sure" is left out when a sign at least as
    urgent that reads the same number holds with the number not given (the sign for an
    uncounted answer). Reading a number as not given only settles what was unknown, so the
    signs that hold then are among those fired."""
    unsure = unsure_numbers(book, read)
    if not unsure:
        return fired
    not_given = {finding: value for finding, value in read.items() if finding not in unsure}
    certain = [flag for flag in fired if holds(flag.when, not_given)]
    telling = [flag for flag in certain if unsure & set(findings_in(flag.when))]

    def told_by_another(flag: RedFlag) -> bool:
        # Only by a sign reading one of the same unsure numbers: a sign for an uncounted
        # count of being sick says nothing of an unsure temperature.
        reads = unsure & set(findings_in(flag.when))
        return any(
            other.urgency.rank >= flag.urgency.rank and reads & set(findings_in(other.when))
            for other in telling
        )

    return tuple(flag for flag in fired if flag in certain or not told_by_another(flag))
