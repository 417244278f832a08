"""CONTRIBUTING.md works as written: its warning sign and golden case, put into a copy of the
shipped book, load, pass `rules check` and `rules verify` and give the case's result; its
`rules check` check runs and finds what its docstring says it finds; the files, functions and
`make` verbs it names are there."""

from __future__ import annotations

import datetime
import re
import shutil
import types
import typing
from pathlib import Path
from typing import Any

import pytest
import yaml

from metasymptoms.cli import main
from metasymptoms.core.answers import check_answers
from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.engine import assess
from metasymptoms.core.loader import load
from metasymptoms.core.problems import Problem
from tests.helpers import TINY, write_book

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of the `## title` section."""
    return GUIDE.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def blocks(text: str, language: str) -> list[str]:
    """The fenced blocks of `language` in `text`, dedented as they would be pasted."""
    found = re.findall(rf"(?ms)^( *)```{language}\n(.*?)^\1```", text)
    return [re.sub(rf"(?m)^{indent}", "", body) for indent, body in found]


def test_the_make_verbs_it_names_are_in_the_makefile() -> None:
    from tests.test_readme import make_targets

    named = re.findall(r"(?m)^make ([a-z]+)", blocks(section("Before you start"), "")[0])
    assert named and set(named) <= make_targets()


def test_the_files_it_names_are_there() -> None:
    """Every path in backquotes, but the example's new module (written by the reader)."""
    paths = set(re.findall(r"`((?:metasymptoms|rules|tests|docs)/[\w/.]*)`", GUIDE))
    paths |= {
        f"metasymptoms/{path}" for path in re.findall(r"`((?:core|reviewing|answering)/[\w/.]*)`", GUIDE)
    }
    new = {"metasymptoms/answering/assessment_plain.py"}
    assert len(paths) > 10
    assert sorted(path for path in paths - new if not (ROOT / path).exists()) == []


# --- "Add a red flag": the example is one the shipped book holds, so it is taken out first -----


def book_with_the_example(folder: Path) -> Path:
    flag, *_ = blocks(section("Add a red flag (a warning sign)"), "yaml")
    shutil.copytree(default_rules_dir(), folder)
    red_flags = folder / "red_flags.yaml"
    text = red_flags.read_text(encoding="utf-8")
    flag_id = re.search(r"- id: (\w+)", flag)
    assert flag_id is not None
    shipped = re.search(rf"(?ms)^  - id: {flag_id[1]}\n.*?\n\n", text)
    assert shipped is not None, "the example is no longer in the shipped book: adjust this test"
    text = text.replace(shipped[0], "")
    # The example goes last among the warning signs, before the combinations.
    red_flags.write_text(text.replace("\ncombinations:\n", "\n" + flag + "\ncombinations:\n", 1))
    return folder


def test_the_red_flag_example_passes_rules_check_and_verify(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = book_with_the_example(tmp_path / "rules")
    assert main(["rules", "check", str(folder)]) == 0, capsys.readouterr()
    assert main(["rules", "verify", str(folder)]) == 0, capsys.readouterr()


def test_the_golden_case_example_passes_as_a_golden_case(tmp_path: Path) -> None:
    _, case_text = blocks(section("Add a red flag (a warning sign)"), "yaml")
    (case,) = yaml.safe_load(case_text)
    book = load(book_with_the_example(tmp_path / "rules")).book
    assessment = assess(book, check_answers(book, case["answers"]))
    assert assessment.urgency.value == case["urgency"]
    assert [site.id for site in assessment.sites] == case["sites"]
    assert [flag.id for flag in assessment.red_flags] == case["flags"]


# --- "Add a `rules check` check" ----------------------------------------------------------------


def example_check() -> Any:
    (source,) = blocks(section("Add a `rules check` check"), "python")
    module = types.ModuleType("example_check")
    exec(compile(source, "CONTRIBUTING.md", "exec"), module.__dict__)
    return module


def problems(module: Any, folder: Path) -> list[str]:
    loaded = load(folder)
    found = module.check(loaded, datetime.date(2026, 11, 26))
    return [str(Problem(where, message, module.LEVEL, module.ID)) for where, message in found]


def test_the_check_example_finds_what_its_docstring_says(tmp_path: Path) -> None:
    module = example_check()
    assert "PASS:" in module.__doc__ and "FAIL:" in module.__doc__
    assert module.__doc__.startswith(f"{module.ID}: ") and module.LEVEL in ("error", "warning")
    # The tiny book's one emergency sign cites one source: found at its sources.
    tiny = write_book(tmp_path / "one")
    assert problems(module, tiny) == [
        f"{tiny}/red_flags.yaml:11:14: [warning] the emergency 'cord' rests on one source; "
        "cite a second one (single-source-emergency)"
    ]
    two = {
        "sources.yaml": TINY["sources.yaml"]
        + "  - id: SRC-B\n    title: B\n    publisher: P\n    url: https://example.org/b\n",
        "red_flags.yaml": TINY["red_flags.yaml"].replace("sources: [SRC-A]", "sources: [SRC-A, SRC-B]"),
    }
    assert problems(module, write_book(tmp_path / "two", two)) == []


# --- "Add an output format" and "Add a kind of finding": the places named ------------------------


def test_the_places_a_new_output_format_goes_are_there() -> None:
    from metasymptoms import arguments
    from metasymptoms.answering import formats

    text = section("Add an output format for the result")
    assert "`FORMATS` in `metasymptoms/arguments.py`" in text and "json" in arguments.FORMATS
    assert "renderer()" in text and formats.renderer("json").__name__ == "render_json"


def test_the_parts_of_a_kind_it_names_are_there() -> None:
    from metasymptoms.core import kinds, model
    from metasymptoms.reviewing.space import Space

    text = section("Add a kind of finding")
    step_1 = text.split("\n1. ", 1)[1].split("\n2. ", 1)[0]
    methods = re.findall(r"\(`(\w+)`(?:, `(\w+)`)*\)", step_1)
    named = set(re.findall(r"`(\w+)`", step_1)) - {"Kind", "KINDS"}
    assert len(methods) >= 5 and named
    assert sorted(name for name in named if not hasattr(kinds.Kind, name)) == []
    assert set(kinds.KINDS) == set(typing.get_args(typing.get_type_hints(model.Finding)["type"]))
    assert "representatives" in (Space.domain.__doc__ or "")
