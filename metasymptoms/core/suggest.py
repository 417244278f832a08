"""Close matches ("did you mean ...?"): `close_match` for one mistake, `Suggestions` for a
run's many mistakes against one set of names.

A name of several words (`persistent_symptoms`) is matched first on its words in any order
(`symptoms_persistent`), or on all its words within a longer name (`prostate_back` in
`prostate_mid_back_pain`). Failing that, on its spelling; a name of several words must then
be close (a ratio of 0.8), since a loose match between long names shares only a few letters
here and there (`frequent_urination` is not `recent_infection`). A single word keeps the
looser 0.6, which still catches `yse` for `yes`.

difflib compares a word with every candidate; doing that afresh for each of 50,000 unknown
keys took most of a minute. A Suggestions is prepared once per set of candidates, answers
each distinct word once, and stops suggesting after `limit` words: past that point a person
is looking at the wrong file, not at a typo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_WORD_BREAK = re.compile(r"[\s_.\-]+")
_ONE_WORD_CUTOFF = 0.6
_SEVERAL_WORDS_CUTOFF = 0.8


def close_match(word: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest candidate, or '' when none is near.

    >>> close_match("yse", ["yes", "no"])
    " (did you mean 'yes'?)"
    >>> close_match("symptoms_persistent", ["persistent_symptoms", "fever"])
    " (did you mean 'persistent_symptoms'?)"
    >>> close_match("frequent_urination", ["recent_infection"])
    ''
    """
    return _did_you_mean(_nearest(str(word), list(candidates)))


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    """The nearest candidate itself, or None (close_match's choice, for a message of its own)."""
    return _nearest(str(word), list(candidates))


def _words(name: str) -> frozenset[str]:
    return frozenset(part for part in _WORD_BREAK.split(name.lower()) if part)


def _nearest(word: str, candidates: Sequence[str]) -> str | None:
    import difflib  # only when there is a mistake to explain

    words = _words(word)
    if len(words) > 1:
        # fewest extra words first, then the candidate's place in the list (stable)
        holding = [name for name in candidates if words <= _words(name)]
        if holding:
            return min(holding, key=lambda name: len(_words(name)))
    cutoff = _SEVERAL_WORDS_CUTOFF if len(words) > 1 else _ONE_WORD_CUTOFF
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return matches[0] if matches else None


def _did_you_mean(match: str | None) -> str:
    return f" (did you mean '{match}'?)" if match else ""


class Suggestions:
    def __init__(self, candidates: Iterable[str], limit: int = 50):
        self.candidates = list(candidates)
        self.limit = limit
        self.memo: dict[str, str] = {}

    def hint(self, word: str) -> str:
        """' (did you mean 'x'?)' for the nearest candidate, or ''."""
        found = self.memo.get(word)
        if found is None:
            if len(self.memo) >= self.limit:
                return ""
            found = self.memo[word] = _did_you_mean(_nearest(word, self.candidates))
        return found
