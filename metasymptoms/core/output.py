"""Writing results: to the screen, or atomically to a file the person named.

A file the person names is replaced whole or not at all (see files.replace_atomically), and
never when it is one of this run's inputs (the answers file, a rule file) or anything but a
regular file (a device, a pipe, a folder): `--output /dev/null` or `--output answers.yaml`
is refused with a message instead. A symbolic link is replaced by the file, never followed.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from metasymptoms.core.files import file_type_words, is_input, replace_atomically
from metasymptoms.core.problems import OutputError, ScreenError

__all__ = ["OutputError", "ScreenError", "emit", "write_atomic"]


def write_atomic(path: Path, text: str, mode: int = 0o600) -> None:
    """Write the whole file or nothing: a half-written summary is worse than none. A summary
    stays private to its owner (0600); a document meant for others passes 0o644."""
    from metasymptoms.core.safetext import visible

    if "\0" in str(path):
        raise OutputError(f"cannot write {str(path)!r}: a file name cannot hold a NUL character")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder_exists = folder.is_dir()
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror}") from None
    if not folder_exists:
        raise OutputError(f"cannot write '{path}': the folder '{folder}' does not exist")
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(f"cannot write '{path}': it is a folder")
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode)):
            raise OutputError(
                f"cannot write '{path}': it is {file_type_words(info.st_mode)}, not a regular file; "
                "choose a file name"
            )
        if is_input(info):
            raise OutputError(
                f"cannot write '{path}': it is one of the files this run reads; choose another name"
            )
    try:
        replace_atomically(path, visible(text).encode("utf-8"), mode=mode, record=True)
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror}") from None


def emit(text: str, output: Path | None, mode: int = 0o600) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text, mode)
