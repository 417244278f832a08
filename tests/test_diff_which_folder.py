"""`rules diff` names the folder the person typed, never the copy it reads a git revision
into, and a book it cannot compare stops with exit 2 (exit 1 is its "an urgency is lowered and
not declared", which a release script reads as a refusal). A new user's trial met
`/tmp/metasymptoms-diff-.../checkout/findings.yaml:1:1: the file is missing` for
`--git main rules/sites`, and exit 1 for a broken older book."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from metasymptoms.cli import main
from tests.helpers import TINY, write_book

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

MISSPELT = {"red_flags.yaml": TINY["red_flags.yaml"].replace("urgency: emergency", "urgency: emergancy", 1)}


def committed(repo: Path, changes: dict[str, str | None] | None = None) -> Path:
    """A git repository holding the tiny book in `rules/` (with `changes`) as its one commit;
    the working copy's book is the tiny one as it is."""
    folder = write_book(repo / "rules", changes)

    def git(*words: str) -> None:
        subprocess.run(["git", "-C", str(repo), *words], check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "book")
    write_book(folder)
    return folder


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    return err


def test_a_sub_folder_of_the_book_is_named_as_typed(tmp_path: Path, monkeypatch, capsys) -> None:
    committed(tmp_path)
    monkeypatch.chdir(tmp_path)
    message = (
        "metasymptoms: 'rules/sites' is not a rule book folder: it has no findings.yaml; give the "
        "folder that holds findings.yaml (did you mean 'rules'?)\n"
    )
    assert refused(["rules", "diff", "--git", "HEAD", "rules/sites"], capsys) == message
    assert refused(["rules", "diff", "rules/sites", "rules"], capsys) == message


def test_a_folder_outside_any_repository(tmp_path: Path, monkeypatch, capsys) -> None:
    write_book(tmp_path / "copy")
    monkeypatch.chdir(tmp_path)
    assert refused(["rules", "diff", "--git", "main", "copy"], capsys) == (
        "metasymptoms: 'copy' is not inside a git repository, so it has no version at 'main'; give a "
        "folder inside the repository, or two folders: metasymptoms rules diff OLD NEW\n"
    )


def test_a_folder_git_did_not_hold_at_the_revision(tmp_path: Path, monkeypatch, capsys) -> None:
    committed(tmp_path)
    write_book(tmp_path / "rules-copy")
    monkeypatch.chdir(tmp_path)
    assert refused(["rules", "diff", "--git", "HEAD", "rules-copy"], capsys) == (
        "metasymptoms: git holds no file in 'rules-copy' at HEAD: the folder is newer than that, "
        "or git does not track it\n"
    )


def test_a_broken_book_at_the_revision_is_located_in_git_words(tmp_path: Path, monkeypatch, capsys) -> None:
    committed(tmp_path, MISSPELT)
    line = next(n for n, row in enumerate(MISSPELT["red_flags.yaml"].splitlines(), 1) if "emergancy" in row)
    monkeypatch.chdir(tmp_path / "rules")
    err = refused(["rules", "diff", "--git", "HEAD", "."], capsys)
    assert err == (
        f"HEAD:rules/red_flags.yaml:{line}:14: [error] 'urgency' must be one of 'emergency', 'urgent', "
        "'prompt' or 'routine', not 'emergancy' (did you mean 'emergency'?) (schema)\n"
        "metasymptoms: the older rule book (. at HEAD) does not load (1 problem above), so nothing was compared\n"
    )


def test_a_broken_older_folder_exits_2_with_its_own_locations(tmp_path: Path, capsys) -> None:
    old = write_book(tmp_path / "old", MISSPELT)
    new = write_book(tmp_path / "new")
    err = refused(["rules", "diff", str(old), str(new)], capsys)
    assert f"{old / 'red_flags.yaml'}:" in err and "not 'emergancy'" in err
    assert err.endswith(
        f"metasymptoms: the older rule book ({old}) does not load (1 problem above), so nothing was compared\n"
    )
