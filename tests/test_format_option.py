"""`--format` across the commands: `demo NAME --format html` writes the lesson page as
`--html` does (a teacher tried it after `ask --format html` and was refused), and every
command's `--format` choices are the ones docs/contract.md promises."""

from __future__ import annotations

import argparse
import itertools
import re
from pathlib import Path

import pytest

from metasymptoms.arguments import build_parser
from metasymptoms.cli import main
from metasymptoms.core.model import RuleBook

CONTRACT = Path(__file__).parents[1] / "docs" / "contract.md"


def format_choices(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Each command line ("rules export") with its --format choices, from the parser itself."""
    found: dict[str, tuple[str, ...]] = {}
    for action in parser._actions:
        if "--format" in action.option_strings and action.choices is not None:
            found[" ".join(path)] = tuple(action.choices)
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(format_choices(sub, (*path, name)))
    return found


def promised_choices() -> dict[str, tuple[str, ...]]:
    """Each command line in the contract's block with its --format choices."""
    block = CONTRACT.read_text(encoding="utf-8").split("```")[1]
    found: dict[str, tuple[str, ...]] = {}
    command = ""
    for line in block.splitlines():
        if line.startswith("metasymptoms "):
            words = [word for word in line.split()[1:3] if re.fullmatch(r"[a-z]+", word)]
            command = " ".join(words if words[:1] == ["rules"] else words[:1])
        match = re.search(r"--format \[?([a-z0-9|-]+)", line)
        if match:
            found[command] = tuple(match.group(1).split("|"))
    return found


def test_every_format_option_is_the_one_the_contract_promises() -> None:
    assert format_choices(build_parser()) == promised_choices()
    assert promised_choices()["demo"] == ("text", "html")


@pytest.mark.slow  # writes two whole lesson pages (half a second): left to `make test`
def test_demo_format_html_writes_the_lesson_page_as_html_does(tmp_path: Path, capsys) -> None:
    assert (
        main(["demo", "breast_cord_compression", "--format", "html", "--output", str(tmp_path / "a.html")])
        == 0
    )
    assert capsys.readouterr().err == (
        f"Wrote the lesson page to {tmp_path / 'a.html'}. Open it in a browser; it needs no network.\n"
    )
    assert main(["demo", "breast_cord_compression", "--html", "--output", str(tmp_path / "b.html")]) == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_demo_format_text_is_the_replay(capsys) -> None:
    assert main(["demo", "breast_cord_compression", "--format", "text"]) == 0
    with_format = capsys.readouterr().out
    assert main(["demo", "breast_cord_compression"]) == 0
    assert with_format == capsys.readouterr().out
    assert with_format.startswith("Scenario: Back pain with weak legs, with breast cancer\n")


def test_demo_html_with_format_text_is_refused_in_words(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["demo", "breast_cord_compression", "--html", "--format", "text"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err == (
        "metasymptoms: --html writes the lesson page and --format text the replay: give one of them\n"
    )


def test_demo_format_of_another_kind_is_refused(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["demo", "breast_cord_compression", "--format", "pdf"])
    assert stopped.value.code == 2
    assert "argument --format: invalid choice: 'pdf' (choose from 'text', 'html')" in capsys.readouterr().err


@pytest.mark.terminal
def test_ask_format_text_on_a_60_column_terminal_ends_each_line_at_its_edge(tmp_path: Path) -> None:
    # A new user read the text result in a 60-column terminal: its 78-column lines were cut by
    # the terminal in the middle of words. On a terminal, the text fits the terminal.
    import pexpect

    from tests.helpers import spawn_metasymptoms

    answers = tmp_path / "answers.yaml"
    answers.write_text("cancer_history: none\nweight_loss: yes\nbone_pain: yes\n")
    child = spawn_metasymptoms(tmp_path, "ask", "--answers", str(answers), "--format", "text", columns=60)
    out = child.read()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, out
    lines = out.replace("\r\n", "\n").splitlines()
    # Only a web address, never broken, may be longer than the line.
    assert [line for line in lines if len(line) > 59 and not line.strip().startswith("https://")] == []
    # Wrapped between words: the emergency signs' heading on two lines, underlined to its
    # longest line, each word whole.
    heading = lines.index("CALL YOUR LOCAL EMERGENCY NUMBER (911 / 999 / 112) STRAIGHT")
    assert lines[heading + 1 : heading + 3] == ["AWAY IF YOU NOTICE", "=" * 59]


# Cancer now and a swollen belly: sources with addresses longer than 60 and 80 columns.
LONG_ADDRESSES = "cancer_history: current\nabdominal_swelling: yes\n"


def sources_kept_in_their_list(lines: list[str], heading: str) -> list[str]:
    """The source list's lines (under `heading`), checked to hold every web address whole on
    a line of its own within the list's indent: none at the left edge."""
    start = lines.index(heading) + 1
    start += lines[start].startswith("=")  # the text's underline
    listed = list(itertools.takewhile(lambda line: line.startswith(("  - ", "    ")), lines[start:]))
    assert len(listed) > 10 and lines[start + len(listed)].strip() == lines[start + len(listed)]
    with_address = [line for line in listed if "https://" in line]
    assert with_address and all(line.startswith("    https://") for line in with_address), with_address
    assert all(" " not in line.strip() for line in with_address)  # whole, alone on its line
    return listed


@pytest.mark.terminal
@pytest.mark.parametrize("columns", [60, 80])
def test_ask_format_text_keeps_a_long_web_address_at_its_lists_indent(tmp_path: Path, columns: int) -> None:
    # A reviewer saw a long address start at column 0 under "  - Publisher, Title,", breaking
    # the list's edge. Unbroken (it must stay clickable and whole to copy), it is now on its
    # own line at the list's indent and runs past the right edge where it must.
    import pexpect

    from tests.helpers import spawn_metasymptoms

    answers = tmp_path / "answers.yaml"
    answers.write_text(LONG_ADDRESSES)
    child = spawn_metasymptoms(
        tmp_path, "ask", "--answers", str(answers), "--format", "text", columns=columns
    )
    out = child.read()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, out
    listed = sources_kept_in_their_list(out.replace("\r\n", "\n").splitlines(), "SOURCES")
    assert any(len(line) >= columns for line in listed)  # longer than the screen, still indented


def test_ask_format_text_to_a_file_or_a_pipe_keeps_78_columns(book: RuleBook) -> None:
    from metasymptoms.answering.assessment_text import render_text
    from metasymptoms.core.engine import assess

    answers = {"cancer_history": "none", "weight_loss": True, "bone_pain": True}
    text = render_text(book, assess(book, answers))
    assert max(map(len, text.splitlines())) == 78
    assert (
        "CALL YOUR LOCAL EMERGENCY NUMBER (911 / 999 / 112) STRAIGHT AWAY IF YOU NOTICE\n" + "=" * 78 in text
    )
