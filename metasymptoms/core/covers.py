"""One card for one problem: a warning sign may `cover` others (red_flags.yaml), the same
problem told by its other signs. Where a sign and a sign it covers are shown at once, the
covered one is told within the other's card, its reasons listed with the other's, not as a
card of its own: a person with one pressed spinal cord read five emergency cards, each saying
so in other words, and "needs checking today" under them.

Only a sign of the same or a lower urgency is told within another's card: a more urgent one
that fires keeps its own card, so no card ever stands for a sign more urgent than itself
(an edited book may lower the covering sign). What sets the urgency, the first step and the
JSON's list of signs is every sign that fired; the clinician's summary lists each too. Only
the cards a person reads are fewer. Pure functions: the result, the interrupt, the call
handler's lines and every page read them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from metasymptoms.core.model import RuleBook, Urgency

if TYPE_CHECKING:
    from metasymptoms.core.engine import FiredRedFlag


def told_within(book: RuleBook, urgencies: Mapping[str, Urgency]) -> dict[str, str]:
    """For each sign among `urgencies` (shown together, id to urgency) that another of them
    covers at the same or a higher urgency, the sign whose card tells it: its coverer's, up
    the chain to a sign no other covers. A sign whose chain comes back to itself keeps its own
    card: no sign is ever left without one."""
    covered_by = _covered_by(book, urgencies)
    within = {}
    for flag_id in covered_by:
        card, seen = flag_id, {flag_id}
        while card in covered_by and covered_by[card] not in seen:
            card = covered_by[card]
            seen.add(card)
        if card not in covered_by:  # else the chain came back: every card in it is kept
            within[flag_id] = card
    return within


def _covered_by(book: RuleBook, urgencies: Mapping[str, Urgency]) -> dict[str, str]:
    """Each covered sign's coverer: the most urgent that covers it (of those, the first
    given), so a sign covered by an emergency and by an urgent sign is told within the
    emergency's card, never listed below it."""
    by_urgency = sorted(urgencies.items(), key=lambda item: -item[1].rank)
    covered_by = {}
    for flag_id, urgency in urgencies.items():
        for other, other_urgency in by_urgency:
            if (
                other != flag_id
                and other_urgency.rank >= urgency.rank
                and flag_id in book.red_flag(other).covers
            ):
                covered_by[flag_id] = other
                break
    return covered_by


def own_cards(book: RuleBook, flag_ids: Sequence[str]) -> list[str]:
    """The signs among `flag_ids`, at the rule book's urgencies, that are shown as cards of
    their own, in the order given."""
    within = told_within(book, {flag_id: book.red_flag(flag_id).urgency for flag_id in flag_ids})
    return [flag_id for flag_id in flag_ids if flag_id not in within]


def cards(book: RuleBook, flags: Sequence[FiredRedFlag]) -> tuple[FiredRedFlag, ...]:
    """The signs shown as cards, in the order given, each with the reasons of the signs told
    within it added to its own. A kept sign neither tells nor is told within another."""
    # A kept sign (an emergency that still stands after its answer was changed back) no
    # longer holds, so the signs that do hold are not its problem told another way: each keeps
    # its own card and its own reasons, never read as the reasons for the kept emergency.
    within = told_within(book, {flag.id: flag.urgency for flag in flags if not flag.kept})
    told = []
    for flag in flags:
        if flag.id in within:
            continue
        inside = [finding for other in flags if within.get(other.id) == flag.id for finding in other.because]
        told.append(replace(flag, because=tuple(dict.fromkeys([*flag.because, *inside]))))
    return tuple(told)
