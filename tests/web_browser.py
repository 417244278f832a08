"""A real `metasymptoms serve` and the system Chromium driven by Playwright, for the browser
tests. Never a downloaded browser: without Chromium, Playwright or axe-core (from npm, which
`make test` installs into .venv), the tests that need them skip and say why.

One server for each test process and one Chromium for each module (the `served` and
`browser` fixtures of tests/conftest.py, which start them when a test first asks); each test
opens its own browser context."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE = Path(sys.prefix) / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",  # tests may run as root in CI containers
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("no Chromium on PATH (Debian's chromium package; .ci/run installs it)")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Served:
    """`metasymptoms serve` in a process of its own, on a free port."""

    def __init__(self, *args: str):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "metasymptoms", "serve", "--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.process.stdout is not None
        self.first_line = self.process.stdout.readline()
        self.url = f"http://127.0.0.1:{self.port}"
        self._wait()

    def _wait(self) -> None:
        import time
        import urllib.request

        for _ in range(200):  # uvicorn starts listening just after the address is printed
            try:
                urllib.request.urlopen(self.url + "/", timeout=5).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise AssertionError(self.process.communicate()) from None
                time.sleep(0.05)
        raise AssertionError("the server did not start")

    def stop(self) -> tuple[str, str]:
        self.process.terminate()
        out, err = self.process.communicate(timeout=20)
        return out, err


@functools.cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page: Any) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations on the page, one line each. axe is read once and
    evaluated in the page, not added to it as a script element: the same source evaluated again
    is compiled once by the renderer, and no element of axe's own stands in the checked page (a
    <script> element read from the file for each page cost about 0.2 processor-seconds a check)."""
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE} (make test installs it with npm)")
    page.evaluate(_axe_source())
    found = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})).violations"
        ".map(v => v.id + ': ' + v.help + ' ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    return list(found)


@contextlib.contextmanager
def errors_of(page: Any) -> Iterator[list[str]]:
    """What the page reports while the block runs, one line each: an error thrown, a console
    error, warning or failed assertion, and the browser's own log of errors and warnings (a
    file that did not load, something the policy blocked), which Playwright passes on as
    console messages. Open the page under test inside the block; the listeners are taken off
    after it, as the page may be kept for other tests (`reused_page`)."""
    found: list[str] = []

    def console(message: Any) -> None:
        if message.type in ("error", "warning", "assert"):
            found.append(f"{message.type}: {message.text}")

    def thrown(error: Any) -> None:
        found.append(f"thrown: {error}")

    page.on("console", console)
    page.on("pageerror", thrown)
    try:
        yield found
        page.evaluate("1")  # the messages sent before this answer have been taken in
    finally:
        page.remove_listener("console", console)
        page.remove_listener("pageerror", thrown)


def tab_to(page: Any, test: str, limit: int = 60) -> None:
    """Press Tab until the focused element passes `test` (a JavaScript expression of `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({test}); }})()"):
            return
    raise AssertionError(f"Tab never reached {test}")


def plain_answer(values: list[str]) -> str:
    """The answer a walk gives where it is told none: No, None of these, the first choice, or
    an empty number box (no values)."""
    return "" if not values else "no" if "no" in values else "none" if "none" in values else values[0]


def skip_to(page: Any, answers: dict[str, str], until: str | None = None) -> None:
    """From the question the browser shows, answering from `answers`, else `plain_answer`;
    until the question `until` or the first page that is not a question. The questions on the
    way are answered over HTTP, posting what a browser without script posts
    (tests/web_forms.py), and the browser itself posts the last form and shows the page the
    server sends back. For tests whose subject is the page reached, not the pages on the way:
    a walk of some 45 pages by clicks in Chromium costs about 5 CPU-seconds (8 pages, about
    4), over HTTP a tenth of one. The keyboard test still walks every page."""
    from html import escape
    from urllib.parse import urljoin

    import httpx

    from tests.web_forms import Person, read_page

    with httpx.Client(base_url=urljoin(page.url, "/")) as client:
        person = Person(client, read_page(200, page.content()))
        last: tuple[str, list[tuple[str, str]]] | None = None
        while person.page.kind == "question":
            form = person.page.form("answer")
            question = form.control("question") or ""
            if question == until:
                break
            values = [value for _, value, _ in form.radios + form.checkboxes]
            chosen = answers.get(question, plain_answer(values))
            last = (urljoin(page.url, form.action), form.fields(answer=chosen))
            person.post(form, answer=chosen)
    if last is None:
        return
    action, fields = last
    inputs = "".join(f'<input type="hidden" name="{escape(n)}" value="{escape(v)}">' for n, v in fields)
    page.set_content(
        f'<meta charset="utf-8"><form method="post" action="{escape(action)}">{inputs}<button>Post</button></form>'
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Post").click()


def launched_browser() -> Iterator[Any]:
    """The system Chromium through Playwright, until the generator is closed."""
    executable = chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
