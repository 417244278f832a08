"""advice-urgency: a red flag's advice does not agree with its urgency.

The advice is what a person does next, and the urgency is the heading they read above it.
An emergency's advice must send them to emergency help (the emergency number, an emergency
department, an ambulance); any other level's advice must not tell them outright to do so:
"URGENT: GET HELP TODAY" above "call the emergency number now" tells one person two things.
Emergency help named as the way out of a worse turn ("If you become breathless, call ...")
is the right advice at every level and passes; "If ..., call your team; otherwise, call the
emergency number" sends everyone without a team there, and does not.

PASS: `urgency: urgent` with `advice: Call your care team's 24-hour line now. If you
become breathless, call your local emergency number.`
FAIL: `urgency: urgent` with `advice: Call your local emergency number now.`:

    red_flags.yaml:12:14: [error] the advice of 'spinal_cord_compression' sends the person
    to emergency help ('Call your local emergency number now.') but its urgency is urgent;
    make the urgency emergency, or say when emergency help is needed ('If ..., call ...')
    (advice-urgency)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterator

    from metasymptoms.core.loader import LoadedBook
    from metasymptoms.core.model import RuleBook
    from metasymptoms.core.problems import Location

ID = "advice-urgency"
LEVEL = "error"

EMERGENCY_HELP = re.compile(
    r"emergency (number|department|services)|\b(999|911|112)\b|\bA&E\b|ambulance", re.IGNORECASE
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")


def outright(advice: str) -> list[str]:
    """The sentences that send the person to emergency help outright: not only for a worse
    turn ("If ..., call ..."); "If ..., call X; otherwise call the emergency number" sends
    everyone without X there."""
    found = []
    for sentence in _SENTENCES.split(" ".join(advice.split())):
        if not EMERGENCY_HELP.search(sentence):
            continue
        words = sentence.lower()
        if words.startswith("if ") and "otherwise" not in words:
            continue
        found.append(sentence)
    return found


def disagreements(book: RuleBook) -> Iterator[tuple[str, str]]:
    """Each red flag whose advice disagrees with its urgency: its id, and what is wrong.
    Read by this check and by the `rules verify` property of the same id (proofs.py)."""
    from metasymptoms.core.model import Urgency

    for flag in book.red_flags:
        if flag.urgency is Urgency.EMERGENCY:
            if not EMERGENCY_HELP.search(flag.advice):
                yield (
                    flag.id,
                    f"'{flag.id}' is an emergency but its advice does not send the person to emergency "
                    "help; name the emergency number, an emergency department or an ambulance",
                )
            continue
        sent = outright(flag.advice)
        if sent:
            quoted = sent[0] if len(sent[0]) <= 80 else sent[0][:77] + "..."
            yield (
                flag.id,
                f"the advice of '{flag.id}' sends the person to emergency help ('{quoted}') but its "
                f"urgency is {flag.urgency.value}; make the urgency emergency, or say when emergency "
                "help is needed ('If ..., call ...')",
            )


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    for flag_id, message in disagreements(loaded.book):
        yield loaded.at("red_flag", flag_id, "advice"), message
