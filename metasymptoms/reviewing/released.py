"""The last released rule book, as book.yaml names it (`released_book`), and the hazard
log's control `diff: released_book`: `rules diff` of the released book against this one,
which fails when an urgency is lowered and the new book.yaml does not declare it.

A book never released names none, and the control says it was not run: it never passes
for want of something to compare with."""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from metasymptoms.core.book_record import ReleasedBook
from metasymptoms.core.layout import FINDINGS, TOP_FILES
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.problems import Problem, RuleBookError, RulesFolderMissing, UsageError
from metasymptoms.reviewing.older_book import load_older

CONTROL = "released_book"  # the control's name in hazards.yaml: `- diff: released_book`
NOT_NAMED = "not run: no released book named (book.yaml has no released_book)"


def _git(folder: Path, revision: str, *words: str) -> bytes:
    """git's output, run in `folder`; a refusal in words about the folder the person gave."""
    try:
        done = subprocess.run(["git", *words], cwd=folder, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(
            "the git program is not installed; reading a rule book at a git revision needs it"
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if message and "not a git repository" in message[-1]:
            raise UsageError(
                f"'{folder}' is not inside a git repository, so it has no version at '{revision}'; "
                "give a folder inside the repository, or two folders: metasymptoms rules diff OLD NEW"
            )
        raise UsageError(
            f"git could not read the rule book at '{revision}': {message[-1] if message else 'unknown error'}"
        )
    return done.stdout


def checkout(revision: str, folder: Path, into: Path) -> Path:
    """The rule-book folder as it was at a git revision, written into `into` (git show).
    Every refusal names `folder` as the person gave it, never `into`."""

    def git(*words: str) -> bytes:
        return _git(folder, revision, *words)

    prefix = git("rev-parse", "--show-prefix").decode().strip()
    names = git("ls-tree", "-r", "--full-name", "--name-only", "-z", revision, "--", ".").decode().split("\0")
    if not any(names):
        raise UsageError(
            f"git holds no file in '{folder}' at {revision}: the folder is newer than that, or git does not track it"
        )
    for name in filter(None, names):
        relative = name[len(prefix) :] if name.startswith(prefix) else name
        if not relative.endswith((".yaml", ".yml")) or relative.startswith("scenarios/"):
            continue
        target = into / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(git("show", f"{revision}:{name}"))
    refuse_non_book(into, folder, f"'{folder}' at {revision}")
    return into


def as_in_git(problems: list[Problem], revision: str, folder: Path, into: Path) -> list[Problem]:
    """The problems of a book read by `checkout`, each located in git's own words
    (`main:rules/red_flags.yaml:35:14`, as `git show` takes it), not in the copy."""
    prefix = _git(folder, revision, "rev-parse", "--show-prefix").decode().strip()

    def moved(problem: Problem) -> Problem:
        if not problem.location.file.is_relative_to(into):
            return problem
        name = f"{revision}:{prefix}{problem.location.file.relative_to(into).as_posix()}"
        return replace(problem, location=replace(problem.location, file=Path(name)))

    return [moved(problem) for problem in problems]


def refuse_non_book(folder: Path, given: Path, shown: str) -> None:
    """Stop with a plain message when `folder` holds none of the files every rule book has
    (a sub-folder such as rules/sites, or one git did not track at that revision): else each
    missing file would be listed as a problem of a folder the person never meant. `given`:
    the folder as the person typed it; `shown`: how the message names it."""
    if any((folder / spec.name).is_file() for spec in TOP_FILES):
        return
    holder = next((parent for parent in given.parents if (parent / FINDINGS.name).is_file()), None)
    hint = f" (did you mean '{holder}'?)" if holder is not None else ""
    raise UsageError(
        f"{shown} is not a rule book folder: it has no {FINDINGS.name}; "
        f"give the folder that holds {FINDINGS.name}{hint}"
    )


def _named(released: ReleasedBook, folder: Path) -> tuple[str, str]:
    """The released book in words, and the command that shows the comparison."""
    if released.git is not None:
        return f"git {released.git}", f"metasymptoms rules diff --git {released.git} {folder}"
    old = folder / (released.folder or "")
    return f"folder {released.folder}", f"metasymptoms rules diff {old} {folder}"


def released_result(loaded: LoadedBook) -> str:
    """The control's result in words: "passes ...", "FAILS (...)" or "not run: ..."."""
    from metasymptoms.reviewing.diff import diff

    released = loaded.book.info.released_book if loaded.book.info else None
    if released is None:
        return NOT_NAMED
    what, command = _named(released, loaded.folder)
    with tempfile.TemporaryDirectory(prefix="metasymptoms-released-") as temporary:
        try:
            if released.git is not None:
                old_folder = checkout(released.git, loaded.folder, Path(temporary) / "checkout")
            else:
                old_folder = loaded.folder / (released.folder or "")
            old, _ = load_older(old_folder, loaded.folder, Path(temporary))
        except (UsageError, RulesFolderMissing) as error:
            return f"not run: {error}"
        except RuleBookError as error:
            return f"not run: the released book ({what}) does not load: {error.problems[0]}"
    result = diff(old, loaded.book)
    # Counted as `rules diff` lists them: by group of answers (one answers file each).
    undeclared = len(result.refused_groups) or len(result.undeclared_lowerings)
    lowered = [group for effect in result.effects for group in effect.groups if group.label == "LOWERED"]
    declared = sum(1 for group in lowered if not group.refused)
    if undeclared:
        return (
            f"FAILS ({undeclared} lowered urgenc{'y' if undeclared == 1 else 'ies'} not declared since "
            f"the released book, {what}; see: {command})"
        )
    if declared:
        return f"passes with {declared} declared lowering(s) since the released book, {what}"
    return f"passes (no urgency lowered since the released book, {what})"
