"""The arrow-key questions never ask the terminal where its cursor is (a cursor-position
request, ESC [6n). A terminal that never answers one (some CI runners, a dumb or recorded
terminal) had each prompt wait for the answer and then show "WARNING: your terminal doesn't
support cursor position requests (CPR)" above the question. Run here without the
PROMPT_TOOLKIT_NO_CPR the other terminal tests set: pexpect answers no request either. A
request would be sent whatever the terminal's size, so one size is tried."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pexpect
import pytest

pytestmark = pytest.mark.terminal

REQUEST = "\x1b[6n"


def test_the_questions_send_no_cursor_position_request(tmp_path: Path) -> None:
    env = {**os.environ, "TERM": "xterm"}
    for name in ("PROMPT_TOOLKIT_NO_CPR", "NO_COLOR", "COLUMNS", "LINES", "METASYMPTOMS_COUNTRY"):
        env.pop(name, None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "metasymptoms", "ask"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=15,
        dimensions=(20, 60),
    )
    seen = io.StringIO()
    child.logfile_read = seen  # everything the program writes to the terminal
    try:
        child.expect("Has a doctor ever told you")
        child.expect("never been told")  # the list of choices is drawn
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert REQUEST not in seen.getvalue()
    assert "cursor position requests" not in seen.getvalue()
    assert child.exitstatus == 130
