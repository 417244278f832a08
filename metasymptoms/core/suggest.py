"""Close matches ("did you mean ...?"): `close_match` for one mistake, `Suggestions` for a
run's many mistakes against one set of names.

difflib compares a word with every candidate; doing that afresh for each of 50,000 unknown
keys took most of a minute. A Suggestions is prepared once per set of candidates, answers
each distinct word once, and stops suggesting after `limit` words: past that point a person
is looking at the wrong file, not at a typo.
"""

from __future__ import annotations

from collections.abc import Iterable


def close_match(word: str, candidates: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest candidate, or '' when none is near."""
    import difflib  # only when there is a mistake to explain

    matches = difflib.get_close_matches(str(word), list(candidates), n=1, cutoff=0.6)
    return _did_you_mean(matches)


def _did_you_mean(matches: list[str]) -> str:
    return f" (did you mean '{matches[0]}'?)" if matches else ""


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
            import difflib

            matches = difflib.get_close_matches(word, self.candidates, n=1, cutoff=0.6)
            found = self.memo[word] = _did_you_mean(matches)
        return found
