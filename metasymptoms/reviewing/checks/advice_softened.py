"""advice-softened: an emergency's advice, or the book's emergency wording, tells the person
they may wait or that it is routine.

A person reading an emergency's advice must be sent for help now. One softening phrase
("You may wait to see if it passes", "if it persists", "make an appointment") gives a
frightened person the reason to stay home that they were looking for; it is checked in each
emergency warning sign's advice and in the guidance's emergency wording (the emergency
advice, its first steps, the emergency card, the choice to stop or go on, the exported form's
emergency line). A phrase straight after "not", "never" or "n't" is the opposite and passes:
"Do not wait to see if it passes."

PASS: `urgency: emergency` with `advice: ... call your local emergency number now. Do not
wait to see if it passes.`
FAIL: `urgency: emergency` with `advice: ... call your local emergency number. You may wait
to see if it passes.`:

    red_flags.yaml:454:13: [error] the advice of 'fever_on_chemotherapy', an emergency, tells
    the person "You may wait"; emergency advice must send them for help now, never tell them
    to wait or that it is routine (advice-softened)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from metasymptoms.core.model import Urgency
from metasymptoms.reviewing.checks.diagnostic_wording import texts_in

if TYPE_CHECKING:
    import datetime

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.problems import Location

ID = "advice-softened"
LEVEL = "error"

# The one list of softening phrases, matched on word boundaries whatever the case.
SOFTENING = (
    # Leave to wait: the person stays home.
    "you may wait",
    "you can wait",
    "it can wait",
    "wait and see",
    "wait to see",
    # Says it is not urgent: the heading above says it is.
    "not urgent",
    "no need to",
    "no rush",
    "routine",
    # Help only if it lasts: an emergency does not wait to see whether it passes.
    "if it persists",
    "if it does not go away",
    "if it doesn't go away",
    # A later appointment: help in days, not now.
    "make an appointment",
    "book an appointment",
    "in the next few days",
    "within the next few days",
    "when convenient",
    "when it is convenient",
    "at your next visit",
)
_SOFTENING = re.compile(r"\b(" + "|".join(re.escape(phrase) for phrase in SOFTENING) + r")\b", re.IGNORECASE)
# "Do not wait to see", "never routine", "don't wait and see": the opposite of softening.
_NEGATED = re.compile(r"(\bnot|\bnever|n't)\s+$", re.IGNORECASE)

# The guidance's emergency wording, as paths in guidance.yaml (every text under each).
EMERGENCY_WORDING = (
    ("advice", "emergency"),
    ("first_steps",),
    ("wording", "emergency"),
    ("wording", "interrupt"),
    ("wording", "after_stopping"),
    ("wording", "urgency_headings", "emergency"),
    ("wording", "urgency_labels", "emergency"),
    ("wording", "export", "emergency"),
)


def softening(text: str) -> str | None:
    """The first softening phrase in the text as written, or None."""
    text = " ".join(text.split())
    for found in _SOFTENING.finditer(text):
        if not _NEGATED.search(text[: found.start()]):
            return found.group(0)
    return None


def _guidance(loaded: LoadedBook) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if ("guidance", "guidance") not in loaded.paths:
        return
    file, _ = loaded.paths[("guidance", "guidance")]
    doc = loaded.documents.get(file)
    data = doc.data if doc is not None else None
    for steps in EMERGENCY_WORDING:
        value = data
        for step in steps:
            value = value.get(step) if isinstance(value, dict) else None
        if isinstance(value, str):
            yield steps, value
        else:  # a block of wording: every text in it, lists' too (diagnostic_wording's walk)
            yield from texts_in(value, steps, all_keys=True)


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    must = "must send them for help now, never tell them to wait or that it is routine"
    for flag in loaded.book.red_flags:
        phrase = softening(flag.advice) if flag.urgency is Urgency.EMERGENCY else None
        if phrase:
            yield (
                loaded.at("red_flag", flag.id, "advice"),
                f"the advice of '{flag.id}', an emergency, tells the person \"{phrase}\"; "
                f"emergency advice {must}",
            )
    for steps, text in _guidance(loaded):
        phrase = softening(text)
        if phrase:
            yield (
                loaded.at("guidance", "guidance", *steps),
                f'this emergency wording tells the person "{phrase}"; emergency wording {must}',
            )
