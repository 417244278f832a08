"""A README that stays true: short, every command it shows works as written in a fresh clone
after `make run` and `make test`, every link leads somewhere, `make run` installs only what
the questions need, and Ctrl-C under `make run` ends without a `make` error line."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from metasymptoms.arguments import parse
from metasymptoms.commands import Ask

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))


def shown_commands(text: str) -> list[str]:
    """Every command line in the ```sh blocks, without its comment."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            command = line.split("  #", 1)[0].strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def make_targets() -> set[str]:
    return set(re.findall(r"(?m)^([a-z][a-z-]*):", (ROOT / "Makefile").read_text()))


def test_the_readme_is_short() -> None:
    assert len(README.read_text().splitlines()) < 200


def test_every_command_the_readme_shows_works_as_written() -> None:
    """Right after `make run` (or `make test`) in the clone's folder: the program is in .venv,
    a bare `metasymptoms` is "command not found" until the venv is activated."""
    commands = shown_commands(README.read_text())
    assert len(commands) >= 10
    for command in commands:
        words = shlex.split(command)
        if words[0] == "make":
            assert set(words[1:]) <= make_targets(), command
        elif words[:2] == ["source", ".venv/bin/activate"]:
            continue
        else:
            assert words[0] == ".venv/bin/metasymptoms", command
            if words[1:] in (["--help"], ["--version"]):
                continue
            arguments = parse(words[1:])  # an unknown option or command exits 2 here
            for path in arguments.answers if isinstance(arguments, Ask) else ():
                assert (ROOT / path).exists(), f"{command}: {path} is not in the repository"


def test_every_file_a_readme_command_writes_is_ignored_by_git() -> None:
    """Trying the README's examples in a clone leaves no untracked files behind: each name a
    command writes with --output is ignored, at the top level only (a file of that name
    elsewhere, such as one under docs/, is still seen)."""
    written = sorted(
        {
            words[words.index("--output") + 1]
            for words in map(shlex.split, shown_commands(README.read_text()))
            if "--output" in words
        }
    )
    assert written == ["lesson.html", "questionnaire.json", "rulebook.html", "summary.html"]
    ignored = set((ROOT / ".gitignore").read_text().splitlines())
    assert [name for name in written if f"/{name}" not in ignored] == []


def test_every_link_in_the_readme_and_docs_leads_to_a_file() -> None:
    for page in [README, ROOT / "CONTRIBUTING.md", *DOCS]:
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", page.read_text()):
            if target.startswith(("http://", "https://")):
                continue
            assert (page.parent / target).exists(), f"{page.name}: {target}"


# --- make -------------------------------------------------------------------------------------


def dry_run(target: str, venv: Path) -> str:
    return subprocess.run(
        ["make", "-n", "-C", str(ROOT), target, f"VENV={venv}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_make_run_installs_only_what_the_questions_need(tmp_path: Path) -> None:
    run = dry_run("run", tmp_path / "fresh")
    assert re.search(r"pip install .*-e '?\.'?( |$)", run, re.M), run
    assert "[dev" not in run and "web]" not in run
    serve = dry_run("serve", tmp_path / "fresh")
    assert "-e '.[web]'" in serve and "[dev" not in serve
    test = dry_run("test", tmp_path / "fresh")
    assert "-e '.[dev,web]'" in test


@pytest.mark.terminal
def test_ctrl_c_under_make_run_ends_without_a_make_error(tmp_path: Path) -> None:
    """The program's calm last line is the last line: no `make: *** [Makefile:..: run]
    Error 130` after it. The stamp is given as made, so nothing is installed."""
    import pexpect

    stamp = tmp_path / "installed"
    stamp.touch()
    child = pexpect.spawn(
        "make",
        ["-s", "-C", str(ROOT), "run", f"RUN_STAMP={stamp}", f"BIN={Path(sys.executable).parent}"],
        env={"TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "PATH": "/usr/bin:/bin"},
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 80),
    )
    child.expect_exact("Has a doctor ever told you")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    said = child.before or ""
    assert "Stopped." in said
    assert "make:" not in said and "Error 130" not in said
    assert child.exitstatus == 0


def test_the_readme_holds_no_measured_figures() -> None:
    """Speed figures grow old on the page: `make bench` prints them, measured in the same run.
    The README may state a goal ("under 1 s"), never a figure or the day it was measured."""
    text = README.read_text()
    assert re.findall(r"\b20\d\d-\d\d-\d\d\b", text) == []
    figures = re.finditer(r"(\S+\s+)?\d+(?:\.\d+)?\s?(?:ms|s|seconds|%|MB|MiB)\b", text)
    assert [found[0] for found in figures if found[1] not in ("under ", "below ")] == []
