"""What one rule file names of another by id: the sources an item cites, the sites a warning
sign or a primary cancer points to, the finding a question asks. Each is checked on the files'
data as written, before any model is built, so a file with other problems still has every
such name checked in the same run: a reviewer who fixes four errors should not meet a fifth,
an unknown source, on the next run (a new user's trial did)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from metasymptoms.core.layout import GUIDANCE, PRIMARIES, QUESTIONS, RED_FLAGS, SITE, RuleFile
from metasymptoms.core.problems import Problem
from metasymptoms.core.suggest import close_match
from metasymptoms.core.validate import location
from metasymptoms.core.yamlfile import Path_, YamlDocument

EVERY = -1  # a step that stands for every item of a list


@dataclass(frozen=True)
class Citation:
    """Where a file of the kind `file` names items of the kind `names`: the steps that lead
    to a list of ids (or with `one`, to a single id), `EVERY` for each item of a list."""

    file: RuleFile
    steps: Path_
    names: str
    one: bool = False


CITATIONS = (
    Citation(RED_FLAGS, ("red_flags", EVERY, "sources"), "source"),
    Citation(RED_FLAGS, ("red_flags", EVERY, "sites"), "site"),
    Citation(RED_FLAGS, ("combinations", EVERY, "sources"), "source"),
    Citation(SITE, ("sources",), "source"),
    Citation(SITE, ("rules", EVERY, "sources"), "source"),
    Citation(PRIMARIES, ("primaries", EVERY, "sources"), "source"),
    Citation(PRIMARIES, ("primaries", EVERY, "common_sites"), "site"),
    Citation(GUIDANCE, ("sources",), "source"),
    Citation(GUIDANCE, ("with_cancer_sources",), "source"),
    Citation(QUESTIONS, ("sections", EVERY, "questions", EVERY, "finding"), "finding", one=True),
)

UNKNOWN = {
    "source": "the source '{}' is not in sources.yaml",
    "site": "'{}' is not a site of this rule book",
    "finding": "'{}' is not a finding in findings.yaml",
}


def unknown_names(
    documents: Mapping[Path, YamlDocument],
    kinds: Mapping[Path, RuleFile],
    known: Mapping[str, set[str] | None],
) -> list[Problem]:
    """An error at each name in `documents` that is not among the `known` ids of its kind
    (None: that kind's file could not be read, so its names are not checked)."""
    problems = []
    for path, doc in documents.items():
        for citation in CITATIONS:
            ids = known.get(citation.names)
            if kinds.get(path) is not citation.file or ids is None:
                continue
            for steps, name in _names(doc.data, citation, ()):
                if name not in ids:
                    message = UNKNOWN[citation.names].format(name) + close_match(name, ids)
                    problems.append(Problem(location(path, doc, steps), message))
    return problems


def _names(data: Any, citation: Citation, at: Path_, depth: int = 0) -> Iterator[tuple[Path_, str]]:
    """Each id `citation` finds in `data`, with where it stands (what is not there, or is
    not written as the models take it, is the models' to report)."""
    if depth == len(citation.steps):
        if citation.one and isinstance(data, str):
            yield at, data
        elif not citation.one and isinstance(data, list):
            yield from ((at + (k,), item) for k, item in enumerate(data) if isinstance(item, str))
        return
    step = citation.steps[depth]
    if step == EVERY:
        for k, item in enumerate(data if isinstance(data, list) else []):
            yield from _names(item, citation, at + (k,), depth + 1)
    elif isinstance(data, dict) and step in data:
        yield from _names(data[step], citation, at + (step,), depth + 1)


def known_ids(
    documents: Mapping[Path, YamlDocument], sources: Path, site_ids: set[str], finding_ids: set[str] | None
) -> dict[str, set[str] | None]:
    """The ids each kind of name may take, read from the files as written (a file with
    problems still tells its ids); None where the file could not be read."""
    doc = documents.get(sources)
    items = doc.data.get("sources") if doc is not None and isinstance(doc.data, dict) else None
    keys = (
        {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}
        if isinstance(items, list)
        else None
    )
    return {"source": keys, "site": site_ids, "finding": finding_ids}
