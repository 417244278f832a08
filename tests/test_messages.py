"""Messages that name what they refuse without drowning the person: a value is quoted to 80
characters, a UTF-16 or UTF-32 file is told to be saved as UTF-8, more than 20 problems end
with "and N more", and a file of 700,000 keys is refused unread (its speed is in `make bench`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TINY, write_book
from tests.test_hostile import run

LONG = "x" * 1_000_000
CUT = f"'{'x' * 80}…' (1,000,000 characters)"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            f"{'k' * 1000}: yes",
            f"1:1: '{'k' * 80}…' (1,000 characters) is not a finding",
        ),  # YAML's longest key
        (f"seizure: {LONG}", f"1:10: 'seizure' takes yes, no or unsure (not sure), not {CUT}"),
        (f"cancer_history: {LONG}", f"1:17: {CUT} is not a choice of 'cancer_history'; "),
        (
            f"temperature: {LONG}",
            f"1:14: 'temperature' takes a number in degrees Celsius, or unsure, not {CUT}",
        ),
        (f"{'y' * 80}: yes", f"1:1: '{'y' * 80}' is not a finding"),  # 80 characters: quoted whole
    ],
)
def test_a_refused_value_is_quoted_to_80_characters(tmp_path: Path, written: str, message: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(written + "\n")
    code, out, err = run(["ask", "--answers", str(path)])
    assert (code, out) == (2, "")
    assert err.startswith(f"metasymptoms: {path}:{message}")
    assert len(err) < 400


@pytest.mark.parametrize(
    ("encoding", "bom", "name"),
    [
        ("utf-16-le", b"", "UTF-16"),
        ("utf-16-be", b"", "UTF-16"),
        ("utf-16", b"", "UTF-16"),  # with its byte-order mark
        ("utf-32-le", b"", "UTF-32"),
        ("utf-32", b"", "UTF-32"),
    ],
)
def test_a_utf16_or_utf32_file_is_told_to_be_saved_as_utf8(
    tmp_path: Path, encoding: str, bom: bytes, name: str
) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(bom + "cancer_history: current\nseizure: yes\n".encode(encoding))
    assert run(["ask", "--answers", str(path)])[1:] == (
        "",
        f"metasymptoms: {path}:1:1: the file is {name} text, not UTF-8; save it as UTF-8 in your editor\n",
    )


def test_a_utf16_rule_file_is_located_the_same_way(tmp_path: Path) -> None:
    book = write_book(tmp_path / "rules")
    (book / "sources.yaml").write_bytes(TINY["sources.yaml"].encode("utf-16"))
    code, out, _ = run(["rules", "check", str(book)])
    assert code == 1
    assert out.splitlines()[0] == (
        f"{book}/sources.yaml:1:1: [error] the file is UTF-16 text, not UTF-8; save it as UTF-8 in your editor (yaml)"
    )


def test_more_than_20_problems_in_answers_end_with_and_n_more(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("".join(f"unknown_{n}: yes\n" for n in range(23)))
    code, _, err = run(["ask", "--answers", str(path)])
    lines = err.splitlines()
    assert (code, len(lines)) == (2, 21)
    assert lines[19] == f"metasymptoms: {path}:20:1: 'unknown_19' is not a finding"
    assert lines[20] == f"metasymptoms: {path}: and 3 more problems like these"


def test_more_than_20_problems_in_the_rule_book_end_with_and_n_more(tmp_path: Path) -> None:
    """A person meets the first 20 and where to see them all; `rules check` lists every one."""
    flags = TINY["red_flags.yaml"].replace(
        "sources: [SRC-A]", "sources: [" + ", ".join(f"NO-{n}" for n in range(25)) + "]"
    )
    book = write_book(tmp_path / "rules", {"red_flags.yaml": flags})
    code, _, err = run(["ask", "--rules", str(book), "--answers", "/dev/null"])
    lines = err.splitlines()
    assert code == 1
    assert lines[20:22] == [
        "and 5 more; every one: metasymptoms rules check",
        "25 problems in the rule files; nothing else was done.",
    ]
    assert len(run(["rules", "check", str(book)])[1].splitlines()) > 25


def test_700000_unknown_keys_are_refused_unread(tmp_path: Path, book) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("".join(f"u{n}: y\n" for n in range(700_000)))
    assert run(["ask", "--answers", str(path)])[1:] == (
        "",
        f"metasymptoms: {path}: the file holds 700,000 ':' characters, so it would give as many answers; "
        f"an answers file gives at most one for each of the {len(book.findings)} findings of the rule book\n",
    )
