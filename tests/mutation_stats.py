"""A pytest plugin for `make mutate` only (loaded by pyproject's [tool.mutmut] settings).

mutmut runs the tests once first and records, test by test, which functions each one calls;
later it runs against a mutant only the tests recorded for the mutated function. The shipped
rule book is loaded once per session (the `shipped` and `book` fixtures), so the loader and
the condition parser would be recorded for the first test that asks for the book and for no
other: a mutant of the parser that changes a warning sign's threshold would be tried against
that one test and "survive". During that first recording run only, this plugin forgets the
project's wider-scoped fixtures after each test, so each test sets them up again and is
recorded as using the code they run. Mutant runs and `make test` are untouched.
"""

from __future__ import annotations

import os

import pytest


def _recording() -> bool:
    return os.environ.get("MUTANT_UNDER_TEST") == "stats"


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    if not _recording():
        return
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return
    for definitions in info.name2fixturedefs.values():
        for definition in definitions:
            ours = getattr(definition.func, "__module__", "").startswith("tests.")
            if ours and definition.scope != "function":
                definition.finish(item._request)  # type: ignore[attr-defined]  # set up anew next test
