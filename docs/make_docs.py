"""`make docs`: the pictures and samples in the documentation, made from what the program
shows now.

Each picture is made from a text kept beside it: `result-screen.txt` (the first screen of a
result, 80 columns by 24 rows) for `result-screen.png`, and `summary-page.html` (the
printable summary) for `summary-page.png`; `summary-sample.md` is the markdown summary
itself. `tests/test_docs.py` makes those texts again and fails when they differ from the
ones here, so a change to what a person sees cannot leave the pictures behind. The pictures
are screenshots taken by headless Chromium; they are never compared pixel by pixel (fonts
differ between machines), only the texts they are made from.

The answers behind them are in `docs/examples/`, and a summary's time is fixed, so the same
program always makes the same texts.
"""

from __future__ import annotations

import datetime
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ANSWERS = DOCS / "examples"  # the answers behind each sample
COLUMNS, ROWS = 80, 24
# A summary says when it was made; the samples are made "at" one fixed moment.
MADE = datetime.datetime(2026, 11, 25, 14, 3, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))


def texts() -> dict[str, str]:
    """Every text the documentation shows, by the file name it is kept under in docs/."""
    from metasymptoms.answering.assessment_html import render_html
    from metasymptoms.answering.assessment_text import render_markdown, render_text
    from metasymptoms.core.answers import read_answers_file
    from metasymptoms.core.bookfiles import default_rules_dir
    from metasymptoms.core.engine import assess
    from metasymptoms.core.loader import load

    # No country: every emergency line gives the book's own number (book.yaml: every common
    # one), as for a person whose country is not known.
    book = load(default_rules_dir()).book
    result = assess(book, read_answers_file(ANSWERS / "result-screen.yaml", book))
    summary = assess(book, read_answers_file(ANSWERS / "answers.yaml", book))
    screen = render_text(book, result).splitlines()[:ROWS]
    return {
        "result-screen.txt": "\n".join(screen) + "\n",
        "summary-page.html": render_html(book, summary, MADE),
        "summary-sample.md": render_markdown(book, summary, MADE),
    }


def _terminal_page(text: str) -> str:
    """The first screen of a result drawn as a terminal shows it: light on dark, monospace."""
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
        "html, body { margin: 0; background: #1d1f21; }"
        "pre { margin: 0; padding: 12px 14px; color: #e8e8e8; font: 15px/1.3 'DejaVu Sans Mono', monospace; }"
        f"</style></head><body><pre>{html.escape(text)}</pre></body></html>"
    )


def _screenshot(chromium: str, page: Path, picture: Path, width: int, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={picture}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    made = texts()
    for name, text in made.items():
        (DOCS / name).write_text(text, encoding="utf-8")
        print(f"wrote docs/{name}")
    if chromium is None:
        print("make docs: Chromium is not installed, so the pictures were not made again", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        screen = Path(folder) / "screen.html"
        screen.write_text(_terminal_page(made["result-screen.txt"]), encoding="utf-8")
        _screenshot(chromium, screen, DOCS / "result-screen.png", 760, 24 + ROWS * 20)
        _screenshot(chromium, DOCS / "summary-page.html", DOCS / "summary-page.png", 1000, 1300)
    print("wrote docs/result-screen.png and docs/summary-page.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
