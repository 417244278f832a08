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


_QUOTED = re.compile(r'("[^"]*")')


def about_the_person(book: RuleBook, text: str) -> str:
    """The rule book's words to a person, said of the person in the case: 'your history of
    cancer' -> 'their history of cancer' (`wording.teaching.third_person`, a longer phrase
    tried before a shorter one it begins with). A quoted answer is left as the person gave it."""
    pairs = book.guidance.wording.teaching.third_person
    third = {pair.to_the_person.lower(): pair.of_the_person for pair in pairs}
    said_to = re.compile(r"\b(" + "|".join(re.escape(pair.to_the_person) for pair in pairs) + r")\b", re.I)

    def turn(match: re.Match[str]) -> str:
        said = third[match.group(0).lower()]
        return said[0].upper() + said[1:] if match.group(0)[0].isupper() else said

    parts = _QUOTED.split(text)
    return "".join(part if part.startswith('"') else said_to.sub(turn, part) for part in parts)


def reasons(book: RuleBook, because: Iterable[str], answers: Answers) -> str:
    """'Because they reported new back or neck pain, and they answered "..."'."""
    return about_the_person(book, because_sentence(book, because, answers))


def condition_words(book: RuleBook, condition: Condition) -> str:
    """A condition in the words a class reads: labels, never ids, about the person."""
    return about_the_person(book, condition_sentence(book, condition, ids=False))
