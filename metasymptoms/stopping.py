"""Ctrl-C and SIGTERM, from the program's first moment to its last.

The package installs `stop` as the handler of both signals as soon as it is imported by the
program itself (the `metasymptoms` command or `python -m metasymptoms`), before any other
module is imported. While a command runs under the command line's error handler (cli.py,
inside `raising()`), a signal raises KeyboardInterrupt (Terminated for SIGTERM), so whatever
is being written is finished or removed and the error handler says what was saved. At any
other moment (imports, parsing the command line, the interpreter's exit) there is nothing
half-done to tidy: the calm line is written straight to the standard error and the program
ends with 130 (143 for SIGTERM), never a traceback of a half-imported module.

Only the standard library is used here: this runs before anything else is loaded.
"""

from __future__ import annotations

import os
import signal
import sys

_SIGNALS = (signal.SIGINT, signal.SIGTERM)
_raising = False


class Terminated(KeyboardInterrupt):
    """SIGTERM: stop as for Ctrl-C (nothing half-written is left), with exit 143."""


def exit_code(signum: int) -> int:
    return 143 if signum == signal.SIGTERM else 130


def calm_line() -> str:
    """What a stop says: the files saved so far (files.py knows, once it is loaded), or none."""
    files = sys.modules.get("metasymptoms.core.files")
    saved = getattr(files, "saved_files", lambda: ())() if files is not None else ()
    if saved:
        names = ", ".join(str(path) for path in saved)
        return f"\nStopped. Saved before you stopped: {names}. Nothing else was saved."
    return "\nStopped. Nothing was saved."


def stop(signum: int, frame: object) -> None:
    """The handler of both signals: raise inside a command, else end at once and calmly."""
    if _raising:
        raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt
    try:  # noqa: SIM105 (contextlib would be one more import before anything else)
        os.write(2, (calm_line() + "\n").encode("utf-8", "replace"))
    except OSError:  # a closed standard error: the exit code still says it
        pass
    os._exit(exit_code(signum))


def install() -> None:
    """Make `stop` the handler of Ctrl-C and SIGTERM (from the main thread only)."""
    try:
        for signum in _SIGNALS:
            signal.signal(signum, stop)
    except ValueError:  # not the main thread: leave signals alone
        pass


class raising:
    """While a command runs: a signal raises (KeyboardInterrupt or Terminated) for the error
    handler to report; the handlers before are put back afterwards."""

    def __enter__(self) -> None:
        global _raising
        try:
            self.before = [signal.signal(signum, stop) for signum in _SIGNALS]
        except ValueError:  # not the main thread: leave signals alone
            self.before = []
        self.was_raising, _raising = _raising, True

    def __exit__(self, *exc: object) -> None:
        global _raising
        _raising = self.was_raising
        for signum, handler in zip(_SIGNALS, self.before, strict=False):
            signal.signal(signum, handler)


def stop_raising() -> None:
    """The error handler has begun its message: a second signal ends the program at once."""
    global _raising
    _raising = False


def started_as_program() -> bool:
    """Whether this process is the program (not a test or another program importing it)."""
    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    return name in ("metasymptoms", "-m")
