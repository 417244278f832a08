"""The package's layers, read from every module's imports (lazy ones included): core imports
nothing above it; answering only core; reviewing and teaching stand side by side on core and
answering, neither importing the other; web on all of those; commands on anything below; the
command line (cli) on the parser, the commands and core's errors."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import metasymptoms
from tests.helpers import parsed

PACKAGE = Path(metasymptoms.__file__).parent

# Each layer and the layers it may import (its own always).
MAY_IMPORT = {
    "": {"stopping"},  # the package itself: Ctrl-C handled from its first moment
    "core": set(),
    "answering": {"core"},
    "reviewing": {"core", "answering"},
    "teaching": {"core", "answering"},
    "web": {"core", "answering", "reviewing", "teaching"},
    "commands": {"core", "answering", "reviewing", "teaching", "web"},
    "stopping": set(),  # runs before anything else is loaded: the standard library only
    "arguments": {"commands"},  # the typed arguments, never a command's module
    "cli": {"arguments", "commands", "stopping", "core"},  # core: the errors it maps to exit codes
    "__main__": {"cli"},
}


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def imports(path: Path) -> set[str]:
    """Every module of the package this file imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            assert node.level == 0, f"{path}: a relative import"
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("metasymptoms.")}


def modules() -> dict[str, Path]:
    return {
        ".".join(("metasymptoms", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
            ".__init__"
        ): path
        for path in PACKAGE.rglob("*.py")
    }


def wrong_imports() -> set[tuple[str, str]]:
    every = modules()
    wrong = set()
    for module, path in every.items():
        own = layer(module)
        for imported in imports(path):
            if imported not in every:
                continue  # a name imported from a module (`from metasymptoms.core import x`)
            target = layer(imported)
            if target != own and target not in MAY_IMPORT[own]:
                wrong.add((module, imported))
    return wrong


def test_every_module_has_a_layer() -> None:
    assert {layer(module) for module in modules()} <= set(MAY_IMPORT)


def test_every_import_goes_down_the_layers() -> None:
    assert wrong_imports() == set()


def test_the_check_finds_an_import_upwards(tmp_path: Path, monkeypatch) -> None:
    """The test above could pass by reading nothing: a planted import upwards is found."""
    copy = tmp_path / "metasymptoms"
    for path in PACKAGE.rglob("*.py"):
        target = copy / path.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text())
    engine = copy / "core" / "engine.py"
    engine.write_text(
        engine.read_text() + "\n\ndef late():\n    from metasymptoms.teaching.quiz import build_quiz\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", copy)
    assert wrong_imports() == {("metasymptoms.core.engine", "metasymptoms.teaching.quiz")}
