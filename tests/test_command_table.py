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
    assert set(commands.DISPATCH) == kinds
    for kind, function in commands.DISPATCH.items():
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
    source = "".join(
        (PACKAGE / name).read_text() for name in ("cli.py", "arguments.py", "commands/__init__.py")
    )
    assert "__import__" not in source and "importlib" not in source and "func=" not in source


def test_an_empty_country_is_refused_for_the_web_pages_too(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        parse(["serve", "--country", ""])
    assert stop.value.code == 2
    assert capsys.readouterr().err.endswith(
        "argument --country: give a two-letter country code, such as GB, US or AU\n"
    )


# What the questions never need: the web stack, and the reviewers' and teachers' code (rules
# diff, export, the lesson pages). Each module loaded is time before the first question.
HEAVY = (
    "starlette",
    "jinja2",
    "uvicorn",
    "metasymptoms.web",
    "metasymptoms.reviewing",
    "metasymptoms.teaching",
)
# `--version` is answered before the parser, the commands and pydantic are loaded (issue 23's
# goal: at most half the time of `python -c "import pydantic, yaml"`).
NOT_FOR_VERSION = (
    *HEAVY,
    "argparse",
    "pydantic",
    "yaml",
    "prompt_toolkit",
    "metasymptoms.arguments",
    "metasymptoms.commands",
    "metasymptoms.core.",
    "metasymptoms.answering",
)
# Every run writes through the one sanitiser of terminal text, --version too.
ALWAYS = ("metasymptoms.core.safetext",)
# An answers file read for JSON needs no arrow-key prompts and no text, Markdown or HTML result.
NOT_FOR_JSON = (
    *HEAVY,
    "prompt_toolkit",
    "metasymptoms.answering.assessment_text",
    "metasymptoms.answering.assessment_html",
    "metasymptoms.answering.interview",
)
# Before the first question: no arrow keys for --plain, no JSON or clinician's summary yet.
NOT_BEFORE_A_QUESTION = (
    *HEAVY,
    "prompt_toolkit",
    "metasymptoms.answering.assessment_json",
    "metasymptoms.answering.summary",
)
LOADED = (
    "import sys\nfrom metasymptoms.cli import main\n"
    "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
    "print(' '.join(sorted(sys.modules)), file=sys.__stderr__)\n"
)


def loaded_modules(argv: list[str], tmp_path: Path) -> list[str]:
    """The modules one run of the command line has loaded when it ends."""
    answers = tmp_path / "answers.yaml"
    answers.write_text("cancer_history: none\nseizure: yes\n")
    argv = [str(answers) if word == "A" else word for word in argv]
    result = subprocess.run(
        [sys.executable, "-c", LOADED, *argv], input="", capture_output=True, text=True, timeout=60
    )
    return result.stderr.splitlines()[-1].split()


@pytest.mark.slow  # a new interpreter each
@pytest.mark.parametrize(
    ("argv", "never"),
    [
        (["--version"], NOT_FOR_VERSION),
        (["--help"], HEAVY),
        (["ask", "--help"], HEAVY),
        (["ask", "--plain"], NOT_BEFORE_A_QUESTION),
        (["ask", "--answers", "A"], HEAVY),
        (["ask", "--answers", "A", "--format", "json"], NOT_FOR_JSON),
    ],
    ids=["version", "help", "ask help", "ask plain", "ask answers", "ask answers json"],
)
def test_each_command_loads_only_what_it_needs(
    argv: list[str], never: tuple[str, ...], tmp_path: Path
) -> None:
    """Guards the start-up time without timing it: a module that starts loading on a path
    that does not need it fails here, by name."""
    loaded = loaded_modules(argv, tmp_path)
    assert "metasymptoms.cli" in loaded  # the run happened
    assert [name for name in loaded if name.startswith(never) and name not in ALWAYS] == []
