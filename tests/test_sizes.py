"""Small modules, short functions: at most 400 lines a module and 60 a function (methods and
functions inside functions included), over the whole package."""

from __future__ import annotations

import ast
from pathlib import Path

import metasymptoms
from tests.helpers import parsed

PACKAGE = Path(metasymptoms.__file__).parent
MODULE_LINES = 400
FUNCTION_LINES = 60


def long_modules(package: Path) -> dict[str, int]:
    found = {}
    for path in package.rglob("*.py"):
        lines = len(path.read_text().splitlines())
        if lines > MODULE_LINES:
            found[path.relative_to(package).as_posix()] = lines
    return found


def long_functions(package: Path) -> dict[str, int]:
    found = {}
    for path in package.rglob("*.py"):
        for node in ast.walk(parsed(path)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > FUNCTION_LINES:
                    found[f"{path.relative_to(package).as_posix()}:{node.lineno} {node.name}"] = lines
    return found


def test_every_module_is_at_most_400_lines() -> None:
    assert long_modules(PACKAGE) == {}


def test_every_function_is_at_most_60_lines() -> None:
    assert long_functions(PACKAGE) == {}


def test_the_limits_are_counted(tmp_path: Path) -> None:
    """The tests above could pass by counting nothing: a long module and function are found."""
    body = "".join(f"    x{n} = {n}\n" for n in range(60))
    (tmp_path / "long.py").write_text("def long():\n" + body + "\n" * 340)
    assert long_modules(tmp_path) == {"long.py": 401}
    assert long_functions(tmp_path) == {"long.py:1 long": 61}
