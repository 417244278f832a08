"""Writing results: to the screen, or atomically to a file the person named."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from metasymptoms.problems import UsageError


class OutputError(UsageError):
    """The result could not be written where the person asked."""


def write_atomic(path: Path, text: str, mode: int = 0o600) -> None:
    """Write the whole file or nothing: a half-written summary is worse than none. A summary
    stays private to its owner (0600); a document meant for others passes 0o644."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write '{path}': the folder '{folder}' does not exist")
    if path.is_dir():
        raise OutputError(f"cannot write '{path}': it is a folder")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write '{path}': {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"cannot write '{path}': {error.strerror}") from None


def emit(text: str, output: Path | None, mode: int = 0o600) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text, mode)
