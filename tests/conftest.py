from __future__ import annotations

import datetime
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.loader import LoadedBook, load
from metasymptoms.core.model import RuleBook

if TYPE_CHECKING:
    from tests.test_terminal_screens import Terminal
    from tests.web_browser import Served

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
def served() -> Iterator[Served]:
    """`metasymptoms serve` with the shipped book, one for each test process (it keeps no
    one's answers: each page's state is in the form it was posted with)."""
    from tests.web_browser import Served

    server = Served()
    yield server
    server.stop()


class _Chromium:
    """The one Chromium of a test process, launched when a test first asks for it, and the
    pages it keeps for the tests that ask for a page made with the same options (`reused_page`)."""

    def __init__(self) -> None:
        self._running: Iterator[Any] | None = None
        self.browser: Any = None
        self._pages: dict[str, Any] = {}

    def launched(self) -> Any:
        if self._running is None:
            from tests.web_browser import launched_browser

            running = launched_browser()
            # Where Chromium or Playwright cannot be had, this skips the test with the reason,
            # and the next browser test asks again (so it skips too, not fails on a None).
            self.browser = next(running)
            self._running = running
        return self.browser

    def page(self, url: str, **options: Any) -> Any:
        """A page at `url`, in a context made with `options` (`browser.new_context`'s), kept
        for the next test that asks with the same options; its size and media as the options
        make them, whatever the last test set."""
        key = repr(sorted(options.items()))
        page = self._pages.get(key)
        if page is None:
            page = self._pages[key] = self.launched().new_context(**options).new_page()
        else:
            page.set_viewport_size(options.get("viewport", {"width": 1280, "height": 720}))
            page.emulate_media(media="null")
        page.goto(url)
        return page

    def close(self) -> None:
        if self._running is not None:
            next(self._running, None)  # past its yield: the browser and Playwright closed
            self._running = self.browser = None
            self._pages = {}


@pytest.fixture(scope="session")
def _chromium() -> Iterator[_Chromium]:
    chromium = _Chromium()
    yield chromium
    chromium.close()


@pytest.fixture
def browser(_chromium: _Chromium) -> Any:
    """The system Chromium through Playwright; a test opens a context of its own
    (`browser.new_context`), which it closes. One launch serves the browser tests that run one
    after another, whatever their module (about 1.8 CPU-seconds a launch): it is closed before
    the first test that does not ask for it (`_no_browser_left_open`), since Playwright's
    event loop stays current while it is open, and the tests that run an event loop of their
    own (prompt_toolkit's, asyncio.run) would fail. `pytest_collection_modifyitems` puts the
    browser tests together."""
    return _chromium.launched()


@pytest.fixture
def reused_page(browser: Any, _chromium: _Chromium) -> Callable[..., Any]:
    """`reused_page(url, **options)`: a page at `url` in a browser context made with `options`,
    the same page for every test that asks with the same options while the browser is open.
    A new context and page start a renderer process, about 0.5 processor-seconds, three times
    a page load. For tests whose subject is the pages, not a fresh browser: the server keeps
    nothing of a person's (each page's answers travel in its form), the pages keep nothing in
    the browser (no cookie, no storage), and the first `goto` leaves nothing of the page
    before. A test that listens to the page's events opens its own; one that routes a page's
    requests takes the route off again."""
    return _chromium.page


@pytest.fixture(autouse=True)
def _no_browser_left_open(request: pytest.FixtureRequest, _chromium: _Chromium) -> None:
    if "browser" not in request.fixturenames:
        _chromium.close()


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
    """Stop a test whose prompt waits for keystrokes that never come (after 120 s), with an
    error naming why; always disarmed afterwards, so no alarm outlives its test. It guards
    against a hang, not a slow run: the whole questionnaire on Enter takes about 9 s alone
    and over 20 s on a loaded 2-core machine, so the limit is far above either."""

    def expired(signum, frame):
        raise TimeoutError("a prompt waited for keystrokes that were never sent")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(120)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    from tests.helpers import write_book

    return write_book(tmp_path / "rules")


def pytest_collection_finish(session: pytest.Session) -> None:
    """The objects made while collecting (the test functions, the parameters, the modules,
    the rule books some modules load) live to the end: the garbage collector stops scanning
    them (`gc.freeze`), and runs its young collections less often. It had spent a tenth of
    the processor time of a run over them (2.8 of 19 s in `make quick`, measured with
    gc.callbacks; 0.6 s with this)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The browser tests' modules run first and one after another (`_browser_tests_together`).
    Under pytest-xdist (`make test`), each worker's share of the run holds a like part of the
    real-terminal sessions, the longest at its start.

    The worksteal scheduler gives each of n workers an equal, consecutive share of this
    order to start with, and later lets an idle worker take the end of a busy one's queue.
    A terminal session mostly waits for the program to draw, so sessions are spread through
    each share among the tests that compute; the few long ones (`long`: whole walks through
    the questionnaire) open their shares, so that none is left to run last. Run one after
    another in one share, they ended the run seconds after every other worker; run all at
    once, they left the cores idle. Shares begin and sessions go in only where one module's
    tests end and the next one's begin (`_between_modules`), and not amid the browser tests."""
    import os

    items[:], together = _browser_tests_together(items)
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if workers < 2:
        return
    sessions = sorted(
        (item for item in items if item.get_closest_marker("terminal")),
        key=lambda item: item.get_closest_marker("long") is None,
    )
    rest = [item for item in items if not item.get_closest_marker("terminal")]
    order: list[pytest.Item] = []
    cuts = [_between_modules(rest, len(rest) * index // workers, together) for index in range(workers + 1)]
    for index in range(workers):
        share = rest[cuts[index] : cuts[index + 1]]
        mine = sessions[index::workers]
        opening = [item for item in mine if item.get_closest_marker("long")]
        spread = [item for item in mine if not item.get_closest_marker("long")]
        for place, item in reversed(list(enumerate(spread))):
            share.insert(_between_modules(share, len(share) * place // len(spread), together), item)
        order += opening + share
    items[:] = order


def _uses_chromium(item: pytest.Item) -> bool:
    """The test asks for the `browser` fixture above (not a module's own fixture of that name)."""
    info = getattr(item, "_fixtureinfo", None)
    definitions = info.name2fixturedefs.get("browser", ()) if info is not None else ()
    return bool(definitions) and definitions[-1].func is browser.__wrapped__  # type: ignore[attr-defined]


def _browser_tests_together(items: list[pytest.Item]) -> tuple[list[pytest.Item], set[Path]]:
    """`items` with the modules of the browser tests first, each whole and in its own order,
    and those modules' paths. The modules whose browser tests all come at their end go first
    and those whose browser tests all come at their start go last, so that no other test comes
    between two browser tests and the one Chromium serves them all (`browser`)."""
    modules: dict[Path, list[pytest.Item]] = {}
    for item in items:
        modules.setdefault(item.path, []).append(item)
    with_browser = {path: tests for path, tests in modules.items() if any(map(_uses_chromium, tests))}

    def place(tests: list[pytest.Item]) -> tuple[bool, bool]:  # (browser ends it, browser starts it)
        return not _uses_chromium(tests[-1]), _uses_chromium(tests[0])

    first = [
        item
        for path in sorted(with_browser, key=lambda path: place(with_browser[path]))
        for item in with_browser[path]
    ]
    return first + [item for item in items if item.path not in with_browser], set(with_browser)


def _between_modules(items: list[pytest.Item], at: int, together: set[Path] = frozenset()) -> int:
    """`at`, or the first place after it where one module's tests end and the next one's begin
    (the modules in `together` count as one). pytest tears a module's fixtures down whenever
    the next test is another module's: a session put amid a module's tests set up a module
    fixture such as the diff report tests' reports twice, and one amid the browser tests closed
    the browser, so that the next started another (about 1.8 CPU-seconds each)."""

    def unit(item: pytest.Item) -> object:
        return "together" if item.path in together else item.path

    while 0 < at < len(items) and unit(items[at - 1]) == unit(items[at]):
        at += 1
    return at


# Modules whose tests start a browser, a server or the program itself, or search whole answer
# spaces: a second or more each. `make quick` (the edit loop) leaves them to `make test`.
SLOW_MODULES = {
    "test_advice_urgency",
    "test_alike_follow_ups",
    "test_behaviour",
    "test_check_legend",
    "test_class_screen",
    "test_cli",
    "test_command_table",
    "test_compiled",
    "test_contributing",
    "test_diff",
    "test_diff_group_files",
    "test_diff_left_out",
    "test_diff_numbers_unanswered",
    "test_diff_older_book",
    "test_diff_order_sources",
    "test_diff_report",
    "test_diff_wording_edits",
    "test_docs",
    "test_document_pages",
    "test_every_symptom_told",
    "test_export_output",
    "test_fhir_export",
    "test_fhir_renderer",
    "test_fhir_response",
    "test_gate_over_cones",
    "test_hazards",
    "test_hostile",
    "test_interview_pipe",
    "test_layers",
    "test_lesson_page",
    "test_lesson_screen",
    "test_markdown_escape",
    "test_messages",
    "test_outlook_wish",
    "test_output_targets",
    "test_packaging",
    "test_properties",
    "test_quiz",
    "test_rulebook_page",
    "test_rules_check_every_file",
    "test_rules_tools",
    "test_search_domain",
    "test_stated_threshold",
    "test_streams_and_signals",
    "test_summary",
    "test_teaching",
    "test_web",
    "test_web_browser",
    "test_web_class",
    "test_web_install",
    "test_web_replay",
    "test_web_trial",
    "test_web_workers",
    "test_wide_conditions",
    "test_words_without_diagnosis",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="the edit loop (make quick): the slow modules (SLOW_MODULES) are not even imported",
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if config.getoption("--quick") and (
        collection_path.stem in SLOW_MODULES or _terminal_module(collection_path)
    ):
        return True
    return None  # pytest decides, as without this hook


def _terminal_module(path: Path) -> bool:
    """A test module marked `terminal` as a whole (its `pytestmark`). `make quick` runs no
    terminal test (its -m), so it need not import one: test_arrow_keys' import alone, with the
    screen tests it borrows from, was a tenth of a second of each process's collection."""
    return (
        path.name.startswith("test_")
        and path.suffix == ".py"
        and ("\npytestmark = pytest.mark.terminal\n" in path.read_text(encoding="utf-8"))
    )


def pytest_itemcollected(item: pytest.Item) -> None:
    if item.path.stem in SLOW_MODULES or _starts_a_browser_or_server(item):
        item.add_marker("slow")


def _starts_a_browser_or_server(item: pytest.Item) -> bool:
    """The test asks for Chromium (`browser`) or `metasymptoms serve` (`served`): slow wherever
    it stands. The lesson page's keyboard tests (a module of their own) had come into `make
    quick` without joining SLOW_MODULES: Chromium's start and pages were about 3 of its 22 to
    25 processor-seconds."""
    info = getattr(item, "_fixtureinfo", None)
    return info is not None and not {"browser", "served"}.isdisjoint(info.names_closure)


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: absent with -p no:xdist
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto` (`make test`) starts one worker more than there are cores: the real-terminal
    sessions spend most of their time waiting for the program to draw, and a third worker
    on two cores fills those waits (34 s instead of 38 s here). `make quick` runs no terminal
    session: its tests only compute, one worker a core."""
    import os

    return (os.cpu_count() or 1) + (0 if config.getoption("--quick") else 1)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """The program in a real terminal of the size asked for (the screen tests of three modules)."""
    import pexpect

    from tests.helpers import spawn_metasymptoms
    from tests.test_terminal_screens import Terminal

    children: list[pexpect.spawn] = []

    def start(columns: int, rows: int, *args: str) -> Terminal:
        child = spawn_metasymptoms(tmp_path, *args, rows=rows, columns=columns)
        children.append(child)
        return Terminal(child, columns, rows)

    yield start
    for child in children:
        child.close(force=True)
