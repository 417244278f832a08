"""diagnostic-wording: text a person reads that tells them what they have, or gives a
number that reads as the chance of disease.

metasymptoms is educational: it never diagnoses. Every text a person can see is checked:
labels, questions, help, titles, advice, explanations and the guidance.

PASS: "These symptoms can have many causes; a provider can check them."
FAIL: "You probably have cancer in your bones." or "a 30% chance of spread":

    sites/bones.yaml:12:11: [error] this text tells a person what they have ("You probably
    have cancer"); describe what symptoms can relate to instead (diagnostic-wording)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime

    from metasymptoms.core.loader import LoadedBook

from metasymptoms.core.layout import GUIDANCE
from metasymptoms.core.problems import Location

ID = "diagnostic-wording"
LEVEL = "error"

DIAGNOSIS = re.compile(
    r"(?<!told )(?<!if )\byou (probably |likely |most likely |definitely |certainly )?"
    r"(have|are suffering from) (cancer|metasta\w*|a tumou?r|spread|secondar\w*)"
    r"|\byour diagnosis is\b|\bthis (means|confirms) (you have|cancer)",
    re.I,
)
CHANCE = re.compile(
    r"\b\d+(\.\d+)? ?(%|percent|per ?cent)( chance| probability| likel\w*| risk)?|\b(probability|likelihood) of\b|\brisk score\b",
    re.I,
)
PERSON_FACING = {
    "label",
    "meaning",
    "text",
    "help",
    "title",
    "intro",
    "advice",
    "explain",
    "why",
    "about",
    "how_found",
    "name",
    "note",
}
GUIDANCE_FILE = GUIDANCE.name


def texts_in(
    data: Any, path: tuple[str | int, ...] = (), all_keys: bool = False
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Each text below `data` with its path, in dicts and lists: those under a person-facing
    key, or every one (`all_keys`). advice-softened walks the emergency wording with it too."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and (all_keys or key in PERSON_FACING):
                yield path + (key,), value
            elif isinstance(value, (dict, list)):
                yield from texts_in(value, path + (key,), all_keys)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            if isinstance(value, str) and all_keys:
                yield path + (index,), value
            elif isinstance(value, (dict, list)):
                yield from texts_in(value, path + (index,), all_keys)


def check(loaded: LoadedBook, today: datetime.date) -> Iterator[tuple[Location, str]]:
    for file, doc in loaded.documents.items():
        guidance = file.name == GUIDANCE_FILE and file.parent == loaded.folder
        for path, text in texts_in(doc.data, all_keys=guidance):
            if path and path[-1] == "sources":
                continue
            match = DIAGNOSIS.search(text) or CHANCE.search(text)
            if match is None:
                continue
            position = doc.position(path)
            what = (
                "tells a person what they have"
                if DIAGNOSIS.search(text)
                else "gives a number that reads as a chance of disease"
            )
            yield (
                Location(file, position.line, position.column),
                (f'this text {what} ("{match.group(0)}"); describe what symptoms can relate to instead'),
            )
