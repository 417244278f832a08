"""The HTML rule book in the system Chromium through Playwright: navigable, filterable,
printable, no errors."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.web_browser import errors_of


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


def test_rule_book_page_in_chromium(reused_page: Callable[..., Any], page: Path, tmp_path: Path) -> None:
    screen = reused_page("about:blank", viewport={"width": 1100, "height": 900})
    with errors_of(screen) as errors:
        screen.goto(page.as_uri())
        assert screen.locator("h1").first.inner_text() == "The metasymptoms rule book"
        top = screen.evaluate("document.querySelector('p.status').textContent")
        assert top == "Draft rule book, version 0.1: not yet signed off by a clinician."
        # Contents per site and per red flag, nested under their headings.
        nested = screen.evaluate(
            "Array.from(document.querySelectorAll('nav ul ul a')).map(a => a.textContent)"
        )
        assert "Bones (bones)" in nested and "Possible pressure on the spinal cord (emergency)" in nested
        # A red flag's finding link jumps to the findings index.
        screen.evaluate(
            "document.getElementById('red-flag-spinal_cord_compression').parentElement"
            ".querySelector('a[href=\"#finding-back_pain\"]').click()"
        )
        assert screen.evaluate("location.hash") == "#finding-back_pain"
        # The filter box: typing keeps only the items that mention the words.
        items = screen.evaluate("document.querySelectorAll('section.item').length")
        screen.evaluate("document.getElementById('filter').focus()")
        screen.keyboard.insert_text("jaundice")
        shown = screen.evaluate(
            "Array.from(document.querySelectorAll('section.item')).filter(s => !s.hidden)"
            ".map(s => [s.querySelector('h3').textContent, s.textContent.toLowerCase().includes('jaundice')])"
        )
        assert 0 < len(shown) < items
        assert all(mentions for _, mentions in shown)
        assert ["Liver (liver)", True] in shown
        assert screen.evaluate("document.getElementById('filter-count').textContent").endswith(" shown")
        screen.evaluate(
            "document.getElementById('filter').value = ''; document.getElementById('filter').dispatchEvent(new Event('input'))"
        )
        assert screen.evaluate("document.querySelectorAll('section.item:not([hidden])').length") == items
        # The hazard log shows each control's current result.
        log = screen.evaluate(
            "document.getElementById('hazards').nextElementSibling.nextElementSibling.textContent"
        )
        assert (
            "verify no-silent-downgrade: holds" in log and "scenario breast_cord_compression: passes" in log
        )
        # Print: no filter box or contents on paper.
        screen.emulate_media(media="print")
        assert screen.evaluate("getComputedStyle(document.querySelector('.filter')).display") == "none"
        screen.emulate_media(media="null")
        shot = tmp_path / "rule-book.png"
        screen.screenshot(path=shot)
        assert shot.stat().st_size > 10_000
    assert errors == []
