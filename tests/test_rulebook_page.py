"""The HTML rule book in real headless Chromium: navigable, filterable, printable, no errors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cdp import Browser, BrowserError, chromium_path


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    if chromium_path() is None:
        pytest.skip("Chromium is not installed (CI installs it in .ci/run: apt-get install -y chromium)")
    try:
        opened = Browser(tmp_path / "profile", width=1100, height=900)
    except (BrowserError, OSError) as error:
        pytest.skip(f"Chromium could not start: {error}")
    yield opened
    opened.close()


@pytest.fixture
def page(shipped_page: Path) -> Path:
    return shipped_page


def test_every_link_of_the_page_leads_somewhere(page: Path) -> None:
    text = page.read_text()
    targets = set(re.findall(r' id="([^"]+)"', text))
    links = set(re.findall(r'href="#([^"]+)"', text))
    assert links - targets == set()
    for expected in (
        "red-flag-spinal_cord_compression",
        "site-bones",
        "finding-back_pain",
        "source-NICE-NG234",
        "hazards",
    ):
        assert expected in links and expected in targets


def test_rule_book_page_in_chromium(browser: Browser, page: Path, tmp_path: Path) -> None:
    browser.open(page.as_uri())
    top = browser.evaluate("document.querySelector('p.status').textContent")
    assert top == "Draft rule book, version 0.1: not yet signed off by a clinician."
    # Contents per site and per red flag, nested under their headings.
    nested = browser.evaluate("Array.from(document.querySelectorAll('nav ul ul a')).map(a => a.textContent)")
    assert "Bones (bones)" in nested and "Possible pressure on the spinal cord (emergency)" in nested
    # A red flag's finding link jumps to the findings index.
    browser.evaluate(
        "document.getElementById('red-flag-spinal_cord_compression').parentElement"
        ".querySelector('a[href=\"#finding-back_pain\"]').click()"
    )
    assert browser.evaluate("location.hash") == "#finding-back_pain"
    # The filter box: typing keeps only the items that mention the words.
    items = browser.evaluate("document.querySelectorAll('section.item').length")
    browser.evaluate("document.getElementById('filter').focus()")
    browser.send("Input.insertText", {"text": "jaundice"})
    shown = browser.evaluate(
        "Array.from(document.querySelectorAll('section.item')).filter(s => !s.hidden)"
        ".map(s => [s.querySelector('h3').textContent, s.textContent.toLowerCase().includes('jaundice')])"
    )
    assert 0 < len(shown) < items
    assert all(mentions for _, mentions in shown)
    assert ["Liver (liver)", True] in shown
    assert browser.evaluate("document.getElementById('filter-count').textContent").endswith(" shown")
    browser.evaluate(
        "document.getElementById('filter').value = ''; document.getElementById('filter').dispatchEvent(new Event('input'))"
    )
    assert browser.evaluate("document.querySelectorAll('section.item:not([hidden])').length") == items
    # The hazard log shows each control's current result.
    log = browser.evaluate(
        "document.getElementById('hazards').nextElementSibling.nextElementSibling.textContent"
    )
    assert "verify no-silent-downgrade: holds" in log and "scenario breast_cord_compression: passes" in log
    # Print: no filter box or contents on paper.
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    assert browser.evaluate("getComputedStyle(document.querySelector('.filter')).display") == "none"
    browser.send("Emulation.setEmulatedMedia", {"media": ""})
    shot = tmp_path / "rule-book.png"
    browser.screenshot(shot)
    assert shot.stat().st_size > 10_000
    assert browser.errors() == []
