"""The command table: each command line becomes one command's typed arguments, and each kind
of arguments runs one function; nothing past the parser reads an argparse.Namespace."""

from __future__ import annotations

import ast
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from metasymptoms import arguments, cli, commands
from metasymptoms.arguments import parse
from metasymptoms.commands import (
    Ask,
    Demo,
    Explore,
    RulesCheck,
    RulesDiff,
    RulesExport,
    RulesList,
    RulesShow,
    RulesVerify,
    Serve,
)
from tests.helpers import parsed

PACKAGE = Path(cli.__file__).parent

EVERY_COMMAND = [
    (
        ["ask"],
        Ask(rules=None, answers=(), format=None, output=None, plain=False, country=None),
    ),
    (
        ["ask", "--rules", "r", "--answers", "a.yaml", "--format", "json", "--output", "out/", "--plain"]
        + ["--country", "GB"],
        Ask(
            rules=Path("r"),
            answers=(Path("a.yaml"),),
            format="json",
            output="out/",
            plain=True,
            country="GB",
        ),
    ),
    (
        ["ask", "--answers", "a.yaml", "b.json", "folder"],
        Ask(
            rules=None,
            answers=(Path("a.yaml"), Path("b.json"), Path("folder")),  # a tuple: the arguments are frozen
            format=None,
            output=None,
            plain=False,
            country=None,
        ),
    ),
    (["rules", "check"], RulesCheck(dir=None, rules=None, format="text", explain=None)),
    (
        ["rules", "check", "d", "--format", "json", "--explain", "schema"],
        RulesCheck(dir=Path("d"), rules=None, format="json", explain="schema"),
    ),
    (["rules", "verify", "--rules", "r"], RulesVerify(dir=None, rules=Path("r"))),
    (["rules", "list", "--kind", "site"], RulesList(dir=None, rules=None, kind="site")),
    (["rules", "show", "bones", "d"], RulesShow(dir=Path("d"), rules=None, id="bones")),
    (
        ["rules", "export", "--format", "dot", "--only", "bones", "--output", "g.dot"],
        RulesExport(dir=None, rules=None, format="dot", output="g.dot", only="bones"),
    ),
    (
        ["rules", "diff", "--git", "main", "--format", "markdown"],
        RulesDiff(old=None, new=None, git="main", format="markdown"),
    ),
    (["explore", "site", "bones"], Explore(kind="site", id="bones", plain=False, rules=None)),
    (
        ["demo", "x", "--html", "--output", "-", "--all-changes"],
        Demo(
            scenario="x",
            list=False,
            step=False,
            quiz=False,
            html=True,
            output="-",
            all_changes=True,
            plain=False,
            check=False,
            rules=None,
            format=None,
        ),
    ),
    (
        ["demo", "x", "--format", "html", "--output", "-"],
        Demo(
            scenario="x",
            list=False,
            step=False,
            quiz=False,
            html=False,
            output="-",
            all_changes=False,
            plain=False,
            check=False,
            rules=None,
            format="html",
        ),
    ),
    (["serve", "--port", "8001"], Serve(host="127.0.0.1", port=8001, country=None, rules=None)),
]


@pytest.mark.parametrize(
    ("argv", "expected"), EVERY_COMMAND, ids=[" ".join(argv[:3]) for argv, _ in EVERY_COMMAND]
)
def test_each_command_line_becomes_its_typed_arguments(argv: list[str], expected: object) -> None:
    assert parse(argv) == expected


def test_every_kind_of_arguments_is_parsed_and_runs_its_own_function() -> None:
    kinds = set(typing.get_args(commands.Arguments))
    assert {type(expected) for _, expected in EVERY_COMMAND} == kinds
    assert set(cli.DISPATCH) == kinds
    for kind, function in cli.DISPATCH.items():
        hints = typing.get_type_hints(function, vars(commands))
        assert hints["arguments"] is kind, function.__name__


def test_typed_arguments_are_frozen() -> None:
    typed = parse(["serve"])
    with pytest.raises(AttributeError):
        typed.port = 1  # type: ignore[misc, union-attr]


def test_only_the_parser_knows_argparse() -> None:
    """No command reads a Namespace (or getattr on one): they take typed arguments."""
    for path in PACKAGE.rglob("*.py"):
        if path == Path(arguments.__file__):
            continue
        tree = parsed(path)
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        } | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert "argparse" not in imported, path


def test_commands_are_found_in_a_table_not_by_name() -> None:
    source = (PACKAGE / "cli.py").read_text() + (PACKAGE / "arguments.py").read_text()
    assert "__import__" not in source and "importlib" not in source and "func=" not in source


def test_an_empty_country_is_refused_for_the_web_pages_too(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        parse(["serve", "--country", ""])
    assert stop.value.code == 2
    assert capsys.readouterr().err.endswith(
        "argument --country: give a two-letter country code, such as GB, US or AU\n"
    )


HEAVY = (
    "starlette",
    "jinja2",
    "uvicorn",
    "metasymptoms.web",
    "metasymptoms.reviewing",
    "metasymptoms.teaching",
)
LOADED = (
    "import sys\nfrom metasymptoms.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})), file=sys.__stderr__)\n"
)


@pytest.mark.slow  # a new interpreter each
@pytest.mark.parametrize(
    "argv", [["--help"], ["ask", "--help"], ["ask", "--plain"], ["ask", "--answers", "A"]]
)
def test_help_and_the_questions_load_no_web_reviewing_or_teaching_code(
    argv: list[str], tmp_path: Path
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("cancer_history: none\nseizure: yes\n")
    argv = [str(answers) if word == "A" else word for word in argv]
    result = subprocess.run(
        [sys.executable, "-c", LOADED, *argv], input="", capture_output=True, text=True, timeout=60
    )
    assert result.stderr.splitlines()[-1] == "[]"
