"""The validated rule book is cached by content; an edit is never served stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from metasymptoms.problems import RuleBookError
from metasymptoms.rulebook import cache_dir, fingerprint, load_for_use
from tests.helpers import TINY


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("METASYMPTOMS_CACHE_DIR", str(folder))
    return folder


def test_second_load_comes_from_the_cache(tiny: Path, own_cache: Path) -> None:
    first = load_for_use(tiny)
    assert len(list(own_cache.glob("book-*.pickle"))) == 1
    assert load_for_use(tiny) == first


def test_an_edited_file_is_validated_again(tiny: Path) -> None:
    load_for_use(tiny)
    (tiny / "sources.yaml").write_text(TINY["sources.yaml"] + "    colour: red\n")
    with pytest.raises(RuleBookError):
        load_for_use(tiny)


def test_a_new_site_file_changes_the_fingerprint(tiny: Path) -> None:
    before = fingerprint(tiny)
    (tiny / "sites" / "brain.yaml").write_text(TINY["sites/bones.yaml"].replace("id: bones", "id: brain"))
    assert fingerprint(tiny) != before


def test_a_corrupt_cache_file_is_ignored(tiny: Path, own_cache: Path) -> None:
    book = load_for_use(tiny)
    (cached,) = own_cache.glob("book-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert load_for_use(tiny) == book


def test_an_unwritable_cache_folder_is_harmless(tiny: Path, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("METASYMPTOMS_CACHE_DIR", str(blocker / "cache"))
    assert load_for_use(tiny).findings
    assert cache_dir() == blocker / "cache"


def test_warm_ask_does_not_import_pydantic(tmp_path: Path, own_cache: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("cancer_history: current\nseizure: yes\n")
    code = (
        "import sys, io, contextlib\nfrom metasymptoms.cli import main\n"
        f"argv = ['ask', '--answers', {str(answers)!r}, '--format', 'json']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(argv)\n"
        "print('pydantic' in sys.modules)\n"
    )
    env = {**os.environ, "METASYMPTOMS_CACHE_DIR": str(own_cache)}
    cold = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert (cold.stdout, warm.stdout) == ("True\n", "False\n")
