"""The edges of a run: a signal at any moment (imports included), standard streams that are
closed, full, broken, read-only or write-only, and standard input that never ends. Each
gives one plain line (none for a broken pipe) and a known exit code, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_hostile import cli

CALM = "\nStopped. Nothing was saved.\n"

# Started as the program is (argv[0] "metasymptoms"); the signal is sent to itself at the
# moment the named module starts to be imported, so the moment is exact, not a race. (Before
# the package's own first lines run, Python's defaults act: that moment cannot be ours.)
SIGNAL_AT_IMPORT = """\
import os, signal, sys
sys.argv = ["metasymptoms", *sys.argv[3:]]
target, signum = os.environ["AT"], int(os.environ["SIGNUM"])

class SignalAtImport:
    def find_spec(self, name, path, target_=None):
        if name == target:
            os.kill(os.getpid(), signum)
        return None

sys.meta_path.insert(0, SignalAtImport())
from metasymptoms.cli import run
run()
"""


@pytest.mark.parametrize(
    "module",
    [
        "metasymptoms.arguments",  # the command line's own imports
        "metasymptoms.commands.rules",  # the command's module
        "metasymptoms.core.answers",  # imported again by the error handler, once half there
        "yaml",
        "pydantic",
    ],
)
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_any_import_is_a_calm_stop(module: str, signum: int, code: int) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SIGNAL_AT_IMPORT, "x", "x", "rules", "check"],
        env={**os.environ, "AT": module, "SIGNUM": str(int(signum))},
        capture_output=True,
        timeout=60,
    )
    assert (result.returncode, result.stderr.decode()) == (code, CALM)


# --- standard streams -----------------------------------------------------------------

SCREEN_FAILED = "metasymptoms: the result could not be written to the standard output ({})\n"


def _run_with(argv: list[str], **streams) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "metasymptoms", *argv], stderr=subprocess.PIPE, timeout=60, **streams
    )


@pytest.mark.parametrize(
    ("argv", "stdout", "expected"),
    [
        (
            ["--version"],
            "closed",
            "metasymptoms: the standard output is closed, so the result cannot be shown; use --output FILE to save it to a file\n",
        ),
        (["--version"], "/dev/full", SCREEN_FAILED.format("No space left on device")),
        (["--help"], "/dev/full", SCREEN_FAILED.format("No space left on device")),
        (["--version"], "read-only", SCREEN_FAILED.format("Bad file descriptor")),
        (["rules", "list"], "read-only", SCREEN_FAILED.format("Bad file descriptor")),
    ],
)
def test_a_failing_standard_output_is_one_line_and_exit_2(
    tmp_path: Path, argv: list[str], stdout: str, expected: str
) -> None:
    if stdout == "closed":
        result = subprocess.run(
            [sys.executable, "-m", "metasymptoms", *argv],
            stderr=subprocess.PIPE,
            preexec_fn=lambda: os.close(1),
            timeout=60,
        )
    else:
        path = tmp_path / "read-only" if stdout == "read-only" else Path(stdout)
        path.touch(exist_ok=True)
        with path.open("r" if stdout == "read-only" else "w") as stream:
            result = _run_with(argv, stdout=stream)
    assert (result.returncode, result.stderr.decode()) == (2, expected)


def test_a_broken_pipe_is_quiet_and_exit_2() -> None:
    """The reader (`| head -1`) went away: nothing more is said, and the code says it failed."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = _run_with(["rules", "export", "--format", "markdown"], stdout=writer)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr.decode()) == (2, "")


WRITE_ONLY = (
    "metasymptoms: the standard input is open for writing only, so no answer can be read; "
    "give the answers in a file: metasymptoms ask --answers FILE\n"
)
LONG_LINE = "metasymptoms: a line typed is longer than 1000 characters; type one short answer a line\n"


@pytest.mark.parametrize(
    ("argv", "stdin", "expected"),
    [
        (["ask", "--plain"], "write-only", WRITE_ONLY),
        (["demo", "lung_first_seizure", "--step", "--plain"], "write-only", WRITE_ONLY),
        (["demo", "lung_first_seizure", "--step", "--plain"], "/dev/zero", LONG_LINE),
        (["demo", "lung_first_seizure", "--step", "--plain"], "long line", LONG_LINE),
    ],
)
def test_standard_input_that_cannot_be_read_or_never_ends(
    tmp_path: Path, argv: list[str], stdin: str, expected: str
) -> None:
    if stdin == "long line":
        result = cli(*argv, stdin=None, input=b"x" * 5000 + b"\n")
    else:
        path = tmp_path / "input" if stdin == "write-only" else Path(stdin)
        with path.open("wb" if stdin == "write-only" else "rb") as stream:
            result = cli(*argv, stdin=stream)
    assert (result.returncode, result.stderr.decode()) == (2, expected)


def test_a_long_paste_at_demo_step_is_read_at_once_not_redrawn_per_key(tmp_path: Path) -> None:
    """10 kB pasted at the projector: the keys are read in one go and the screen is drawn a
    few times (the terminal hands over at most a few kB at once), not once per key."""
    from tests.helpers import spawn_metasymptoms

    pexpect = pytest.importorskip("pexpect")
    clear = "\x1b[H\x1b[2J"
    child = spawn_metasymptoms(tmp_path, "demo", "lung_first_seizure", "--step")
    child.expect_exact("Step 1 of 13.")
    seen = ""
    # A terminal holds at most 4 kB of keys not yet read (more are dropped): the paste is
    # handed over 1 kB at a time, each after the screen it answers is drawn.
    for _ in range(10):
        child.send("z" * 1000)  # no key of the projector's: nothing moves
        child.expect_exact("Step 1 of 13.")
        seen += child.before
    child.send("q")
    child.expect(pexpect.EOF)
    seen += child.before
    child.close()
    assert child.exitstatus == 0
    assert seen.count(clear) <= 25  # one or two redraws a kB; once per key was 10,000


def test_escape_then_enter_at_a_question_asks_it_again(tmp_path: Path) -> None:
    """prompt_toolkit reads Escape then Enter as no choice at all: the question is asked again
    (it was exit 3 on the way out), and Ctrl-C still stops calmly."""
    pexpect = pytest.importorskip("pexpect")
    from tests.helpers import spawn_metasymptoms

    child = spawn_metasymptoms(tmp_path, "ask")
    child.expect_exact("(arrow keys to move, Enter to choose)")
    child.send("\x1b")
    child.send("\r")
    child.expect_exact("(arrow keys to move, Enter to choose)")  # the same question, again
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "Stopped. Nothing was saved." in child.before
    assert "went wrong" not in child.before and "Traceback" not in child.before
