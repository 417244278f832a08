"""Reading and replacing files without surprises.

Every file metasymptoms reads (rule files, answers files, scenarios) is read here:
opened without blocking, so a FIFO never hangs; refused unless it is a regular file (a
device's or a pipe's size says 0, so only bytes actually read can bound a read); read in
chunks, so Ctrl-C is felt at once. Each file read is remembered as one of the run's inputs,
and no file this module replaces may be one of them.

Every file it writes is written whole or not at all: into a temporary file beside the
target, then renamed over it, with Ctrl-C and SIGTERM held back meanwhile, so an
interruption leaves either the old file or the new one, never a half or a stray temporary.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
from pathlib import Path

CHUNK = 1 << 20
_HELD = {signal.SIGINT, signal.SIGTERM}

# (device, inode) of every file read in this run, the rule book folders it reads (any file
# in one may be read: a scenario, a schema, the hazard log), and the files saved in it
_inputs: set[tuple[int, int]] = set()
_book_folders: set[Path] = set()
_saved: list[Path] = []


class UnreadableFile(Exception):
    """A file that cannot be read as one; `message` says why, in plain words."""

    def __init__(self, message: str, *, missing: bool = False):
        super().__init__(message)
        self.message = message
        self.missing = missing


def file_type_words(mode: int) -> str:
    """What a non-regular file is (a folder, a pipe, a device...), in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def read_limited(
    path: Path, limit: int, *, what: str = "files", follow: bool = True
) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `path` (at most `limit`, or UnreadableFile naming
    `what` is refused) and its status, as read. `follow=False` refuses a symbolic link."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile("no such file", missing=True) from None
    except IsADirectoryError:
        raise UnreadableFile("this is a folder, not a file") from None
    except OSError as error:
        raise UnreadableFile(f"the file cannot be read ({error.strerror})") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"this is {file_type_words(info.st_mode)}, not a file")
        if info.st_size > limit:
            raise UnreadableFile(too_large(info.st_size, limit, what))
        _inputs.add((info.st_dev, info.st_ino))
        chunks: list[bytes] = []
        total = 0
        while True:
            try:
                chunk = os.read(handle, min(CHUNK, limit + 1 - total))
            except OSError as error:
                raise UnreadableFile(f"the file cannot be read ({error.strerror})") from None
            if not chunk:
                return b"".join(chunks), info
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise UnreadableFile(
                    f"the file holds more than {_size(limit)}; {what} larger than that are refused"
                )
    finally:
        os.close(handle)


def too_large(size: int, limit: int, what: str) -> str:
    return f"the file is {_size(size)}; {what} larger than {_size(limit)} are refused"


def _size(count: int) -> str:
    mib = 1024 * 1024
    return f"{count // mib} MiB" if count >= mib else f"{count} bytes"


def is_input(info: os.stat_result) -> bool:
    """Whether the file with this status was read as one of this run's inputs."""
    return (info.st_dev, info.st_ino) in _inputs


def protect_folder(folder: Path) -> None:
    """Remember a rule book folder this run reads: nothing is ever written inside it."""
    with contextlib.suppress(OSError, ValueError):
        _book_folders.add(Path(os.path.realpath(folder)))


def book_folder_holding(path: Path) -> Path | None:
    """The rule book folder in use that `path` lies in (links in its folders followed), or None."""
    try:
        real = Path(os.path.realpath(path.parent)) / path.name
    except (OSError, ValueError):
        return None
    return next((folder for folder in sorted(_book_folders) if real.is_relative_to(folder)), None)


def saved_files() -> tuple[Path, ...]:
    """The files this run saved, for a truthful message when it is stopped."""
    return tuple(_saved)


def forget_run() -> None:
    """Start a new run (the command line calls this; tests call main() many times)."""
    _inputs.clear()
    _book_folders.clear()
    _saved.clear()


class _SignalsHeld:
    """Hold Ctrl-C and SIGTERM back until the block ends; they are then delivered as usual."""

    def __enter__(self) -> None:
        self.held = hasattr(signal, "pthread_sigmask")
        if self.held:
            self.before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)

    def __exit__(self, *exc: object) -> None:
        if self.held:
            signal.pthread_sigmask(signal.SIG_SETMASK, self.before)


def replace_atomically(path: Path, data: bytes, *, mode: int = 0o600, record: bool = False) -> None:
    """Write `data` to a temporary file beside `path` and rename it over `path`; on any
    failure or interruption the temporary file is removed and `path` is left as it was.
    `record` counts it among the files saved for the person (before any held-back signal
    is felt, so a message about stopping is true). Raises OSError."""
    with _SignalsHeld():
        # A random name, created exclusively: never an existing file or a planted link. Of
        # a fixed 21 characters, not built from the target's name: any name the file system
        # allows (up to 255 bytes) can be written, since its temporary is never longer.
        temporary = path.parent / f".{os.urandom(8).hex()}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        handle = os.open(temporary, flags, mode)
        try:
            # The mode exactly as asked, whatever the umask: a document for others is 0644.
            os.fchmod(handle, mode)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        if record:
            _saved.append(path)
