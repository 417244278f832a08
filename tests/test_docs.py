"""The documentation stays true: its pictures and samples are made from what the program
shows now (`make docs`), its clinical basis and contract agree with the rule book, and
nothing in the repository cites a file that is not in it."""

from __future__ import annotations

import importlib.util
import re
import subprocess
from pathlib import Path

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
