"""The class's words: how soon, in the words the person's own result uses, and the person in
the case spoken of as "the person" or "they", never "you".

A class sees what a person answering the questions would be told ("Soon: see a healthcare
provider within the next few days"), never the rule book's internal names (`prompt`, rule
ids such as `bones.spine`). The rule book's labels and the engine's reasons speak to the
person ("your history of cancer", "you reported"); a class hears them about someone else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from metasymptoms.core.conditions import Condition
from metasymptoms.core.engine import Answers
from metasymptoms.core.explain import because_sentence, condition_sentence
from metasymptoms.core.model import RuleBook, Urgency


def how_soon(book: RuleBook, urgency: Urgency) -> str:
    """The heading the person's own result starts with: 'Urgent: get help today'."""
    return book.guidance.wording.urgency_headings.for_level(urgency)


def level(book: RuleBook, urgency: Urgency) -> str:
    """The heading's first word, for a short mention: 'Emergency', 'Urgent', 'Soon', 'Routine'."""
    return how_soon(book, urgency).split(":", 1)[0]


# Second person to third, longest first so "you were" is not read as "you" + "were".
_THIRD_PERSON = {
    "yourself": "themselves",
    "your": "their",
    "you were": "they were",
    "you are": "they are",
    "you have": "they have",
    "you": "they",
}
_SECOND_PERSON = re.compile(r"\b(" + "|".join(_THIRD_PERSON) + r")\b", re.IGNORECASE)
_QUOTED = re.compile(r'("[^"]*")')


def about_the_person(text: str) -> str:
    """The rule book's words to a person, said of the person in the case: 'your history of
    cancer' -> 'their history of cancer'. A quoted answer is left as the person gave it."""

    def turn(match: re.Match[str]) -> str:
        said = _THIRD_PERSON[match.group(0).lower()]
        return said[0].upper() + said[1:] if match.group(0)[0].isupper() else said

    parts = _QUOTED.split(text)
    return "".join(part if part.startswith('"') else _SECOND_PERSON.sub(turn, part) for part in parts)


def reasons(book: RuleBook, because: Iterable[str], answers: Answers) -> str:
    """'Because they reported new back or neck pain, and they answered "..."'."""
    return about_the_person(because_sentence(book, because, answers))


def condition_words(book: RuleBook, condition: Condition) -> str:
    """A condition in the words a class reads: labels, never ids, about the person."""
    return about_the_person(condition_sentence(book, condition, ids=False))
