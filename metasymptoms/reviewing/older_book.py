"""An older rule book, read by this program to compare it with a newer one (`rules diff`,
the release gate). When this program moves a sentence a person reads into guidance.yaml, the
loader rightly refuses a book without that key, so every book written before the move would
stop the comparison. Those words came from the program then, the same words the newer book
holds now: only when the older book does not load as it is, each wording text it lacks is
taken from the newer book's guidance.yaml, and each one this program no longer reads is left
out, in a copy, and named in a note. When that does not mend it, the older book's own
problems are reported, where they stand in its files."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from metasymptoms.core.layout import GUIDANCE
from metasymptoms.core.loader import load
from metasymptoms.core.model import RuleBook
from metasymptoms.core.problems import RuleBookError
from metasymptoms.core.validate import read_document


def load_older(folder: Path, newer: Path, scratch: Path) -> tuple[RuleBook, list[str]]:
    """The older book in `folder`, and the wording keys taken from the newer book's
    guidance.yaml or left out to read it (none when it loads as it is). `scratch`: an empty folder the
    copy may be written in (the older folder itself is never written to)."""
    try:
        return load(folder).book, []
    except RuleBookError as refused:
        copy = scratch / "older-book"
        shutil.copytree(folder, copy)
        taken = _fill(copy / GUIDANCE.name, newer / GUIDANCE.name)
        if not taken:
            raise
        try:
            return load(copy).book, taken
        except RuleBookError:
            raise refused from None


def note(taken: list[str]) -> str:
    """What was taken, for the reviewer (standard error: a JSON report stays clean)."""
    return (
        f"note: to read the older rule book with this program, {len(taken)} text(s) of its "
        f"guidance.yaml were made the newer book's ({', '.join(taken)}: added where it lacked "
        "them, left out where this program no longer reads them); they are not reported as changed"
    )


def _fill(older: Path, newer: Path) -> list[str]:
    """Each key of the newer guidance.yaml's `wording` that the older one lacks, copied into
    the older file (rewritten), and each the newer one lacks, left out of it; the keys, by
    their place ("wording.result.x")."""
    old_doc, _ = read_document(older)
    new_doc, _ = read_document(newer)
    if old_doc is None or new_doc is None:
        return []
    old, new = old_doc.data, new_doc.data
    if not isinstance(old, dict) or not isinstance(new, dict) or not isinstance(new.get("wording"), dict):
        return []
    if not isinstance(old.get("wording"), dict):
        return []
    taken: list[str] = []
    _copy_missing(old["wording"], new["wording"], "wording", taken)
    if taken:
        older.write_text(yaml.safe_dump(old, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return taken


def _copy_missing(old: dict[str, Any], new: dict[str, Any], where: str, taken: list[str]) -> None:
    for key in [key for key in old if key not in new]:
        del old[key]
        taken.append(f"{where}.{key}")
    for key, value in new.items():
        if key not in old:
            old[key] = value
            taken.append(f"{where}.{key}")
        elif isinstance(old[key], dict) and isinstance(value, dict):
            _copy_missing(old[key], value, f"{where}.{key}", taken)
