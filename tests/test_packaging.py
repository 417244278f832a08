"""A non-editable install works from any folder and carries the shipped rule book."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("metasymptoms-*.whl")
    return built


def test_wheel_holds_every_module_and_rule_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "metasymptoms").rglob("*.py")}
    rules = {"metasymptoms/" + p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    assert sources - names == set()
    assert rules - names == set()


def test_installed_wheel_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    answers = tmp_path / "a.yaml"
    answers.write_text("cancer_history: none\nseizure: yes\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(site)!r}); import metasymptoms; assert metasymptoms.__file__.startswith({str(site)!r}); from metasymptoms.cli import run; sys.argv[1:] = ['ask', '--answers', {str(answers)!r}, '--format', 'json']; run()",
        ],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert '"urgency": "emergency"' in result.stdout
