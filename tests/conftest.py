from __future__ import annotations

import datetime
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from metasymptoms.core.loader import LoadedBook, default_rules_dir, load
from metasymptoms.core.model import RuleBook

# Property tests: `make test` tries 50 cases each (a few seconds in all, and hypothesis keeps
# any failing case in .hypothesis/ and tries it first next time); a long search is
# `pytest --hypothesis-profile=thorough`. No deadline: timings on a shared machine vary.
settings.register_profile("quick", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile("quick")


@pytest.fixture(scope="session")
def shipped() -> LoadedBook:
    return load(default_rules_dir())


@pytest.fixture(scope="session")
def book(shipped: LoadedBook) -> RuleBook:
    return shipped.book


# "Today" for the rule-book checks in every test: review dates grow old (the old-review check
# warns two years after a check), and a test must not turn red on a later day with no change.
CHECK_DAY = datetime.date(2026, 11, 26)


@pytest.fixture(autouse=True)
def check_day(monkeypatch: pytest.MonkeyPatch) -> datetime.date:
    """`rules check`, `rules hazards` and the rest run the checks on CHECK_DAY unless a test
    passes its own day."""
    from metasymptoms.reviewing import checks

    real = checks.run_checks

    def run_checks(loaded, today=None):
        return real(loaded, today or CHECK_DAY)

    monkeypatch.setattr(checks, "run_checks", run_checks)
    return CHECK_DAY


@pytest.fixture(scope="session")
def shipped_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped rule book as its HTML page, written once: it takes seconds (the hazard log
    in it runs every proof). Read it; do not change it."""
    from metasymptoms.cli import main

    out = tmp_path_factory.mktemp("page") / "book.html"
    assert main(["rules", "export", "--format", "html", "--output", str(out)]) == 0
    return out


@pytest.fixture
def time_limit() -> Iterator[None]:
    """Stop a test whose prompt waits for keystrokes that never come (after 20 s), with an
    error naming why; always disarmed afterwards, so no alarm outlives its test."""

    def expired(signum, frame):
        raise TimeoutError("a prompt waited for keystrokes that were never sent")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    from tests.helpers import write_book

    return write_book(tmp_path / "rules")


def pytest_configure(config: pytest.Config) -> None:
    """Keep the rule-book cache of the test run out of the developer's home folder."""
    import os
    import tempfile

    os.environ["METASYMPTOMS_CACHE_DIR"] = tempfile.mkdtemp(prefix="metasymptoms-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's cache folder goes with the run (a mutation run starts thousands of them)."""
    import os
    import shutil

    folder = os.environ.pop("METASYMPTOMS_CACHE_DIR", None)
    if folder and os.path.basename(folder).startswith("metasymptoms-cache-"):
        shutil.rmtree(folder, ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The real-terminal sessions first: they are the longest and mostly wait for the program,
    so under pytest-xdist (`make test`) the other workers take the rest meanwhile."""
    items.sort(key=lambda item: item.get_closest_marker("terminal") is None)
