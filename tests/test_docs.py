"""The documentation stays true: its pictures and samples are made from what the program
shows now (`make docs`), its clinical basis and contract agree with the rule book, and
nothing in the repository cites a file that is not in it."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

from metasymptoms.core.model import RuleBook

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def make_docs():
    spec = importlib.util.spec_from_file_location("make_docs", DOCS / "make_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pictures_and_samples_show_what_the_program_shows_now() -> None:
    """Each picture is made from a text kept beside it; the texts are made again here and
    must be the ones in docs/ (run `make docs` after changing what a person sees)."""
    for name, text in make_docs().texts().items():
        kept = (DOCS / name).read_text(encoding="utf-8")
        assert kept == text, f"docs/{name} is not what the program shows now: run `make docs`"
    for picture in ("result-screen.png", "summary-page.png"):
        assert (DOCS / picture).read_bytes().startswith(b"\x89PNG")


def test_the_result_picture_is_one_screen() -> None:
    screen = (DOCS / "result-screen.txt").read_text(encoding="utf-8").splitlines()
    assert len(screen) <= 24 and all(len(row) <= 80 for row in screen)


# --- what the repository cites ----------------------------------------------------------------

# Written in two halves, so that this file does not cite them itself.
OUTSIDE = [
    "CONTRACT" + ".md",
    "FACTS" + ".md",
    "EXAMPLES" + ".md",
    "/work/" + "shared",
    "shared/" + "content",
]
OUTSIDE_WORDS = re.compile(r"\b(?:FACTS|EXAMPLES)\b")  # "FACTS row 32", "FACTS section 7"


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard"], capture_output=True, text=True
    )
    if listed.returncode != 0:  # not a git checkout (an unpacked source archive)
        names = [str(path.relative_to(ROOT)) for path in ROOT.rglob("*") if path.is_file()]
    else:
        names = listed.stdout.splitlines()
    files = []
    for name in names:
        path = ROOT / name
        if path.suffix in (".png", ".pdf") or not path.is_file() or ".venv" in path.parts:
            continue
        files.append(path)
    return files


def test_nothing_cites_a_file_that_is_not_in_the_repository() -> None:
    found = []
    for path in tracked_text_files():
        if path == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if any(name in line for name in OUTSIDE) or OUTSIDE_WORDS.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


# --- the clinical basis and the contract agree with the rule book --------------------------------

KEY = re.compile(r"\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b")


def test_every_source_of_the_rule_book_is_in_the_clinical_basis(book: RuleBook) -> None:
    basis = (DOCS / "clinical-basis.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| ([A-Z][A-Z0-9-]+) \|", basis.split("## The sources")[1], re.M)
    assert sorted(listed) == sorted(source.id for source in book.sources)
    cited = set(KEY.findall(basis.split("## The sources")[0]))
    assert cited - set(listed) == set()  # every key a fact cites is a source of the rule book


def test_every_warning_sign_pattern_cites_a_source_key(book: RuleBook) -> None:
    basis = (DOCS / "clinical-basis.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\d+b?) \|(.*)\|$", basis, re.M)
    assert [row for row, _ in rows][:3] == ["1", "2", "3"] and rows[-1][0] == "42"
    ids = {source.id for source in book.sources}
    for row, text in rows:
        said_so = "no key in the rule book yet" in text or "the safer reading" in text
        assert set(KEY.findall(text)) & ids or said_so, f"fact {row} names no source key"


# --- the docstrings' examples run -----------------------------------------------------------------

PACKAGE = ROOT / "metasymptoms"


def modules_with_examples() -> list[str]:
    return sorted(
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in PACKAGE.rglob("*.py")
        if ">>> " in path.read_text(encoding="utf-8")
    )


def test_make_test_runs_the_docstring_examples_of_the_package(pytestconfig: pytest.Config) -> None:
    """pytest collects the package as well as tests/, with --doctest-modules (pyproject.toml),
    and doctest finds each example written in the package (not one hidden in a comment or a
    string that is no docstring, which would never run)."""
    assert pytestconfig.option.doctestmodules
    assert pytestconfig.getini("testpaths") == ["tests", "metasymptoms"]
    found = {}
    for name in modules_with_examples():
        module = importlib.import_module(name)
        tests = doctest.DocTestFinder().find(module)
        found[name] = sum(len(test.examples) for test in tests if test.name.startswith(name))
    assert len(found) >= 6 and all(found.values()), found


def test_a_docstring_example_that_is_wrong_fails_the_tests(tmp_path: Path) -> None:
    """The project's own pytest settings turn a docstring whose example no longer matches the
    function into a failing test, naming the function, the line and what it gave instead."""
    (tmp_path / "stale.py").write_text(
        "def celsius(fahrenheit):\n"
        '    """Degrees Celsius, to the tenth.\n'
        "\n"
        "    >>> celsius(101.3)\n"
        "    38.5\n"
        '    """\n'
        "    return round((fahrenheit - 32) * 5 / 9)  # to the degree: not what the example says\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path)]
        + ["-p", "no:xdist", "-p", "no:cacheprovider", "-q", str(tmp_path / "stale.py")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    assert "FAILED stale.py::stale.celsius" in run.stdout
    assert "Expected:\n    38.5\nGot:\n    38\n" in run.stdout
