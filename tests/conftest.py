from __future__ import annotations

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


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    from tests.helpers import write_book

    return write_book(tmp_path / "rules")


def pytest_configure(config: pytest.Config) -> None:
    """Keep the rule-book cache of the test run out of the developer's home folder."""
    import os
    import tempfile

    os.environ["METASYMPTOMS_CACHE_DIR"] = tempfile.mkdtemp(prefix="metasymptoms-cache-")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The real-terminal sessions first: they are the longest and mostly wait for the program,
    so under pytest-xdist (`make test`) the other workers take the rest meanwhile."""
    items.sort(key=lambda item: item.get_closest_marker("terminal") is None)
