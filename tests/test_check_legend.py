"""`rules check` says in words what the check names at the ends of its lines mean."""

from __future__ import annotations

from pathlib import Path

from metasymptoms.cli import main
from tests.helpers import TINY, write_book


def test_the_names_in_brackets_are_explained_once_before_the_count(tmp_path: Path, capsys) -> None:
    broken = TINY["primaries.yaml"] + "x: [\n"
    folder = write_book(tmp_path / "rules", {"primaries.yaml": broken})
    assert main(["rules", "check", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[-6].endswith("(yaml)")
    assert lines[-5:-1] == [
        "What the names in brackets mean:",
        "  (yaml) the file cannot be read as YAML.",
        "  For more, with examples: metasymptoms rules check --explain NAME",
        f"1 error, 0 warnings in {folder}",
    ]
    assert lines[-1].startswith("Some checks run only once the whole rule book loads")  # what waits


def test_no_legend_without_problems(capsys) -> None:
    assert main(["rules", "check"]) == 0
    assert "What the names in brackets mean" not in capsys.readouterr().out
