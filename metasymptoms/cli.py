"""The command line: the parser (arguments.py), the table of commands (commands/), one error
handler.

This module imports only the standard library, and `--version` is answered before the parser
or the commands are imported; each command imports what it needs when it runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from metasymptoms import __version__, stopping
from metasymptoms.stopping import Terminated

if TYPE_CHECKING:
    from types import TracebackType
    from typing import Literal


EXIT_OK = 0
EXIT_RULES = 1  # the rule files have problems
EXIT_USAGE = 2  # bad usage or bad input
EXIT_BUG = 3  # a bug in metasymptoms itself
EXIT_INTERRUPTED = 130
MAX_PROBLEMS_SHOWN = 20  # a person who meets a broken rule book needs a few lines, not hundreds
EXIT_TERMINATED = 143  # SIGTERM, as a shell reports a process it stopped
# What a person is told when the questions cannot start (the rule book cannot be read) or the
# result cannot be shown. The rule book's own words cannot be had then, so this one sentence
# is the code's (tests/test_wording_in_rules.py allows it by this name, and no other).
LAST_RESORT = (
    "If this is an emergency, call your local emergency number (911 / 999 / 112) now; "
    "otherwise please see your healthcare provider."
)


def main(argv: Sequence[str] | None = None) -> int:
    with _guarded_streams():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv == ["--version"]:
        # Answered before argparse and the commands' arguments (dataclasses) are imported:
        # those took half the time of `--version` (issue 23: at most half of `python -c
        # "import pydantic, yaml"`; make bench). The parser answers it the same way when
        # other words come with it.
        with error_handler():  # a closed, full or read-only output is one line, exit 2
            print(f"metasymptoms {__version__}")
            sys.stdout.flush()
        return EXIT_OK
    from metasymptoms.arguments import COMMANDS, build_parser, parse
    from metasymptoms.commands import DISPATCH, Ask

    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version")):
        # Options first: `--country GB ask` means `ask --country GB`; with no command, `ask`.
        named = next((i for i, word in enumerate(argv) if word in COMMANDS), None)
        argv = ["ask", *argv] if named is None else [argv[named], *argv[:named], *argv[named + 1 :]]
    with error_handler():  # --help or --version on a closed, full or read-only output
        try:
            arguments = parse(argv)
        except SystemExit:
            sys.stdout.flush()  # said here, not by the interpreter's last flush (exit 120)
            raise
    if arguments is None:
        build_parser().print_help()
        return EXIT_USAGE
    with stopping.raising(), error_handler(person_facing=isinstance(arguments, Ask)):
        code = DISPATCH[type(arguments)](arguments)
        sys.stdout.flush()  # a full disk or a closed pipe is met here, inside the handler
        return code


class _guarded_streams:
    """For one run: every byte to the terminal through the sanitiser (safetext), a closed
    standard input that says so when read, and a fresh record of the run's inputs and saved
    files. The streams are put back afterwards."""

    def __enter__(self) -> None:
        from metasymptoms.core.safetext import ClosedInput, SafeInput, SafeStream

        files = sys.modules.get("metasymptoms.core.files")  # not imported yet: nothing to forget
        if files is not None:
            files.forget_run()
        self.streams = (sys.stdin, sys.stdout, sys.stderr)
        sys.stdin = ClosedInput() if sys.stdin is None else SafeInput(sys.stdin)
        sys.stdout = SafeStream(sys.stdout, is_output=True)
        sys.stderr = SafeStream(sys.stderr, is_output=False)

    def __exit__(self, *exc: object) -> None:
        sys.stdin, sys.stdout, sys.stderr = self.streams


class error_handler:
    """Turn every exception into a clear message and an exit code; never a traceback for a
    person's own mistake. Set METASYMPTOMS_DEBUG=1 to see tracebacks of bugs."""

    def __init__(self, person_facing: bool = False):
        # `ask` is met by people who may be unwell: whatever fails, they are told what to do.
        self.person_facing = person_facing

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> Literal[False]:
        if error is None or isinstance(error, SystemExit):
            return False
        stopping.stop_raising()  # a second Ctrl-C now ends at once, calmly
        code, message = _classify(error)
        if self.person_facing and code in (EXIT_RULES, EXIT_BUG):
            message += f"\nThe questions cannot start. {LAST_RESORT}"
        elif self.person_facing and type(error).__name__ == "ScreenError":
            message += f"\nThe result could not be shown. {LAST_RESORT}"
        if message:
            print(message, file=sys.stderr)
        if code == EXIT_BUG and os.environ.get("METASYMPTOMS_DEBUG"):
            return False
        raise SystemExit(code)


def _classify(error: BaseException) -> tuple[int, str]:
    if isinstance(error, (KeyboardInterrupt, EOFError)):
        # Before any import: stopped halfway through importing a module, that module is
        # half there, and importing it again would fail with an error of its own.
        code = EXIT_TERMINATED if isinstance(error, Terminated) else EXIT_INTERRUPTED
        # Stopped after an emergency was shown: the number to call is the last line.
        emergency = getattr(error, "line", "")
        return code, stopping.calm_line() + (f"\n{emergency}" if emergency else "")
    # Imported here: these modules pull in pydantic, which --version must not load.
    from metasymptoms.core.answers import AnswersError
    from metasymptoms.core.problems import RuleBookError, RulesFolderMissing, UsageError, counted

    if isinstance(error, RuleBookError):
        # The first few, to fix or to pass on; `rules check` lists every one.
        lines = [str(problem) for problem in error.problems[:MAX_PROBLEMS_SHOWN]]
        count = len(error.problems)
        if count > MAX_PROBLEMS_SHOWN:
            lines.append(f"and {count - MAX_PROBLEMS_SHOWN} more; every one: metasymptoms rules check")
        lines.append(f"{counted(count, 'problem')} in the rule files; nothing else was done.")
        return EXIT_RULES, "\n".join(lines)
    if isinstance(error, RulesFolderMissing):
        return EXIT_USAGE, f"metasymptoms: {error}"
    if isinstance(error, AnswersError):
        lines = [f"metasymptoms: {problem}" for problem in error.problems]
        return EXIT_USAGE, "\n".join(lines)
    if isinstance(error, UsageError):
        return EXIT_USAGE, f"metasymptoms: {error}"
    if isinstance(error, BrokenPipeError):
        # The reader went away (`| head`): stop quietly, with exit 2 as for any standard
        # stream that fails. Whatever is still buffered goes to /dev/null, so the
        # interpreter's last flush has nothing to complain about.
        _silence_stdout()
        return EXIT_USAGE, ""
    return EXIT_BUG, (
        f"metasymptoms: something went wrong inside metasymptoms ({type(error).__name__}: {error}).\n"
        "This is a bug, not something you did. Please report it; set METASYMPTOMS_DEBUG=1 for details."
    )


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def run() -> None:
    raise SystemExit(main())
