"""Writing results: to the screen, or atomically to a file the person named.

A file the person names is replaced whole or not at all (see files.replace_atomically), and
only when it is a regular file or a new name in an existing folder. Refused, with one line
saying why: a device, a pipe, a folder, a link to any of these, anything in /dev, /proc or
/sys (`--output /dev/stdout` would otherwise replace the machine's link with a file), a
name ending in '/', a file this run reads (the answers, standard input), and any name inside
the rule book folder in use (a scenario, a schema or the hazard log may be read at any time).
`-` means the standard output, written directly. A symbolic link to a regular file is
replaced by the file, never followed.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from metasymptoms.core.files import book_folder_holding, file_type_words, is_input, replace_atomically
from metasymptoms.core.model_base import filled
from metasymptoms.core.problems import OutputError

STANDARD_OUTPUT = "-"
_SYSTEM_FOLDERS = (Path("/dev"), Path("/proc"), Path("/sys"))


def output_path(typed: str | Path | None) -> Path | None:
    """The file `--output` names as typed, or None for the standard output (no option, or
    `-`); refused at once (OutputError) when nothing may be written there, so a person
    never answers every question only to lose the result."""
    if typed is None or str(typed) == STANDARD_OUTPUT:
        return None
    text = str(typed)
    if not text:
        raise OutputError("cannot write '': name a file, or - for the standard output")
    if text.endswith(("/", os.sep)):
        raise OutputError(f"cannot write '{text}': a name ending in '/' is a folder; name a file in it")
    path = Path(text)
    refuse_unsafe_target(path)
    return path


def refuse_unsafe_target(path: Path) -> None:
    """Raise OutputError unless `path` is a regular file, a link to one, or a new name in an
    existing folder, and none of the run's inputs or rule book folders."""
    if "\0" in str(path):
        raise OutputError(f"cannot write {str(path)!r}: a file name cannot hold a NUL character")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder_exists = folder.is_dir()
        real_folder = Path(os.path.realpath(folder))
    except (OSError, ValueError) as error:
        raise OutputError(f"cannot write '{path}': {getattr(error, 'strerror', None) or error}") from None
    if not folder_exists:
        raise OutputError(f"cannot write '{path}': the folder '{folder}' does not exist")
    if any(real_folder.is_relative_to(system) for system in _SYSTEM_FOLDERS):
        raise OutputError(
            f"cannot write '{path}': it is in /{real_folder.parts[1]}, which holds the system's devices, "
            "not files; choose a file name, or - for the standard output"
        )
    refuse_book_folder(path)
    _refuse_existing(path)


def refuse_book_folder(path: Path) -> None:
    """Raise OutputError when `path` lies inside a rule book folder this run reads."""
    book = book_folder_holding(path)
    if book is not None:
        raise OutputError(
            f"cannot write '{path}': it is inside the rule book folder '{book}' that this run reads; "
            "choose a name outside it"
        )


def _refuse_existing(path: Path) -> None:
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write '{path}': it is a folder")
    link = stat.S_ISLNK(info.st_mode)
    if link:
        try:
            info = os.stat(path)
        except OSError:  # a link to nothing: a new name, the link is replaced
            return
    if not stat.S_ISREG(info.st_mode):
        what = file_type_words(info.st_mode)
        raise OutputError(
            f"cannot write '{path}': it is {'a link to ' if link else ''}{what}, not a regular file; "
            "choose a file name"
        )
    if not link and (is_input(info) or _is_standard_input(info)):
        raise OutputError(
            f"cannot write '{path}': it is one of the files this run reads; choose another name"
        )


def _is_standard_input(info: os.stat_result) -> bool:
    try:
        standard = os.fstat(0)
    except OSError:
        return False
    return stat.S_ISREG(standard.st_mode) and (standard.st_dev, standard.st_ino) == (info.st_dev, info.st_ino)


def write_atomic(path: Path, text: str, mode: int = 0o600) -> bool:
    """Write the whole file or nothing: a half-written summary is worse than none. A summary
    stays private to its owner (0600); a document meant for others passes 0o644. True when a
    file stood there before and was replaced (the person is told: nothing goes silently)."""
    from metasymptoms.core.safetext import visible

    refuse_unsafe_target(path)
    existed = os.path.lexists(path)
    try:
        replace_atomically(path, visible(text).encode("utf-8"), mode=mode, record=True)
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror}") from None
    return existed


def wrote(said: str, path: Path | str, then: str = "") -> str:
    """The one line every command says once it has written a file the person named: `said`
    with its {path} filled in ("Wrote the summary to summary.html.") and, where it helps, what
    to do with it. A person's command takes `said` from the rule book (wording.written)."""
    return filled(said, path=str(path)) + (f" {then}" if then else "")


def tell_wrote(said: str, path: Path | str, then: str = "") -> None:
    """Say `wrote(...)` on the standard error: the standard output carries results (and may
    be closed or piped); a closed standard error does not undo a file already written."""
    try:
        sys.stderr.write(wrote(said, path, then) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def emit(
    text: str, output: Path | None, said: str, mode: int = 0o600, then: str = "", replaced: str = ""
) -> None:
    """The text on the standard output, or written to the file named, saying so (`wrote`),
    and with `replaced` where a file stood there before (scripts keep working: the file is
    replaced as before, and the person reads that it was)."""
    if output is None or str(output) == STANDARD_OUTPUT:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        existed = write_atomic(output, text, mode)
        tell_wrote(said, output, " ".join(part for part in (replaced if existed else "", then) if part))
