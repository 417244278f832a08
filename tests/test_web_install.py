"""`make run` installs only what the questions need: the web server (Starlette and uvicorn)
is the [web] extra, which `make serve` and `make test` install. Without it, `serve` says in
one line what to run, and the questions and their printable summary work as before (the
summary is made from the pages' templates, so Jinja2 is one of the program's own needs)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tomllib
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WEB_SERVER = ("starlette", "uvicorn")


def run_without_the_web_server(*args: str) -> subprocess.CompletedProcess[str]:
    """The program as a fresh `make run` leaves it: importing Starlette or uvicorn fails."""
    script = (
        "import sys\n"
        f"sys.modules.update(dict.fromkeys({WEB_SERVER!r}))  # None: 'No module named ...'\n"
        "from metasymptoms.cli import run\n"
        f"sys.argv[1:] = {list(args)!r}\n"
        "run()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_serve_without_the_web_extra_says_what_to_run() -> None:
    result = run_without_the_web_server("serve")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "metasymptoms: the web pages need Starlette and uvicorn, which `make run` does not install: "
        "run `make serve`, or pip install 'metasymptoms[web]'\n"
    )


def test_the_questions_and_the_printable_summary_need_no_web_server() -> None:
    result = run_without_the_web_server("ask", "--answers", "docs/examples/answers.yaml", "--format", "html")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!doctype html>")
    assert "<style>" in result.stdout and "@media print" in result.stdout


def test_the_web_server_is_an_extra_not_a_dependency_of_the_questions() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    needed = {spec.split(">")[0].split("<")[0].split("[")[0].lower() for spec in project["dependencies"]}
    extra = {spec.split(">")[0].lower() for spec in project["optional-dependencies"]["web"]}
    assert needed.isdisjoint(WEB_SERVER)
    assert extra == set(WEB_SERVER)
    assert "jinja2" in needed


@pytest.mark.terminal
def test_ctrl_c_under_make_serve_stops_the_server_without_a_make_error(tmp_path: Path) -> None:
    """The stamp is given as made, so nothing is installed; a free port, so nothing is in the way."""
    import pexpect

    stamp = tmp_path / "installed"
    stamp.touch()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    child = pexpect.spawn(
        "make",
        [
            "-s",
            "-C",
            str(ROOT),
            "serve",
            f"WEB_STAMP={stamp}",
            f"BIN={Path(sys.executable).parent}",
            f"PORT={port}",
        ],
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin"},
        encoding="utf-8",
        timeout=60,
        dimensions=(24, 80),
    )
    child.expect_exact(f"metasymptoms is at http://127.0.0.1:{port}/ (press Ctrl-C to stop)")
    page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30)  # a person opens it first
    assert page.status == 200
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    said = child.before or ""
    assert said.strip().splitlines()[-1] == "Stopped. Nothing was saved."
    assert "make:" not in said and "Error 130" not in said
    # make itself was sent the Ctrl-C too: it ends by that signal, as a stopped program does
    assert child.exitstatus == 0 or child.signalstatus == signal.SIGINT
