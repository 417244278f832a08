"""A non-editable install works from any folder and carries the shipped rule book."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built from a copy: setuptools builds in the source's own build/ folder, and two test
    # workers building there at once broke each other's wheels.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("metasymptoms", "rules"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    # The build backend's own hook, as pip and `python -m build` call it (pip's start-up
    # alone took twice as long as the build).
    result = subprocess.run(
        [sys.executable, "-c", f"import setuptools.build_meta as b; b.build_wheel({str(out)!r})"],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    # `make run` shows what the build says before the first question: no setuptools warning
    # about a folder of data that `packages` does not name.
    assert "is absent from the `packages` configuration" not in result.stdout + result.stderr
    (built,) = out.glob("metasymptoms-*.whl")
    return built


def test_wheel_holds_every_module_and_rule_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "metasymptoms").rglob("*.py")}
    rules = {"metasymptoms/" + p.relative_to(ROOT).as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    assert sources - names == set()
    assert rules - names == set()
    pages = {
        p.relative_to(ROOT).as_posix()
        for folder in ("templates", "static")
        for p in (ROOT / "metasymptoms" / folder).rglob("*.*")
        if p.suffix in (".html", ".css", ".js")
    }
    assert pages and pages - names == set()


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


def test_every_schema_reference_resolves_in_the_installed_package(wheel: Path, tmp_path: Path) -> None:
    """Every shipped rule file names its schema on its first line, and after installing, the
    file it names is there (editors read it to complete and check the file)."""
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    rules = site / "metasymptoms" / "rules"
    shipped = sorted(rules.rglob("*.yaml"))
    assert len(shipped) >= 10
    for path in shipped:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target.is_file(), f"{path.relative_to(site)} names {target}, which the package does not hold"
        assert target.is_relative_to(rules / "schema")


def test_the_wheel_carries_the_license(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    licences = [name for name in names if name.endswith("/LICENSE")]
    assert licences, names
    text = zipfile.ZipFile(wheel).read(licences[0]).decode()
    assert text.startswith("MIT License\n")
