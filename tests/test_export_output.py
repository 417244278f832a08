"""Where exported documents and saved summaries go, and who may read them."""

from __future__ import annotations

import stat
from pathlib import Path

from metasymptoms.cli import main


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# The tiny book: where a document goes and who may read it do not depend on the book, and the
# shipped book's documents take seconds to write (its hazard log runs every proof).


def test_a_trailing_slash_makes_the_folder(tiny: Path, tmp_path: Path) -> None:
    target = tmp_path / "some" / "dir"
    assert main(["rules", "export", "--format", "json-schema", "--output", f"{target}/"]) == 0
    assert (target / "findings.schema.json").is_file()
    assert (
        main(["rules", "export", str(tiny), "--format", "markdown", "--output", f"{tmp_path / 'docs'}/"]) == 0
    )
    assert (tmp_path / "docs" / "rulebook.md").read_text().startswith("#")


def test_exported_documents_are_readable_by_others_and_summaries_stay_private(
    tiny: Path, tmp_path: Path
) -> None:
    page = tmp_path / "book.html"
    assert main(["rules", "export", str(tiny), "--format", "html", "--output", str(page)]) == 0
    assert mode(page) == 0o644
    answers = tmp_path / "a.yaml"
    answers.write_text("fatigue: yes\n")
    summary = tmp_path / "summary.html"
    assert main(["ask", "--answers", str(answers), "--format", "html", "--output", str(summary)]) == 0
    assert mode(summary) == 0o600


def test_every_command_that_writes_a_page_says_so_in_the_same_line(tmp_path: Path, capsys) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("fatigue: yes\n")
    runs = [
        (
            ["ask", "--answers", str(answers), "--format", "html"],
            "summary.html",
            "Wrote the summary to {}.\n",
        ),
        (
            ["ask", "--answers", str(answers), "--format", "markdown"],
            "summary.md",
            "Wrote the summary to {}.\n",
        ),
        (["ask", "--answers", str(answers), "--format", "json"], "result.json", "Wrote the result to {}.\n"),
        (["rules", "export", "--format", "html"], "book.html", "Wrote the rule book as html to {}.\n"),
        (["rules", "export", "--format", "json-schema"], "schemas.json", "Wrote the JSON schemas to {}.\n"),
        (
            ["demo", "tired_no_cancer", "--html"],
            "lesson.html",
            "Wrote the lesson page to {}. Open it in a browser; it needs no network.\n",
        ),
    ]
    for argv, name, line in runs:
        target = tmp_path / name
        assert main([*argv, "--output", str(target)]) == 0
        captured = capsys.readouterr()
        assert (captured.out, captured.err) == ("", line.format(target))
        assert target.is_file()


REPLACED = "The file that was there before has been replaced."


def test_a_file_that_was_there_is_replaced_and_the_line_says_so(tmp_path: Path, capsys) -> None:
    """`--output` replaces a file as it always did (scripts keep working), and says so in the
    same line: a new user's trial lost a file to `ask --answers F --output keep.txt` without a
    word, while saving from the result screen asks before replacing."""
    answers = tmp_path / "a.yaml"
    answers.write_text("fatigue: yes\n")
    runs = [
        (["ask", "--answers", str(answers)], "keep.txt", "Wrote the result to {}. " + REPLACED + "\n"),
        (
            ["ask", "--answers", str(tmp_path / "a.yaml"), str(answers)],
            "lines.json",
            "Wrote the results to {}. " + REPLACED + "\n",
        ),
        (
            ["rules", "export", "--format", "html"],
            "book.html",
            "Wrote the rule book as html to {}. " + REPLACED + "\n",
        ),
        (
            ["demo", "tired_no_cancer", "--html"],
            "lesson.html",
            "Wrote the lesson page to {}. " + REPLACED + " Open it in a browser; it needs no network.\n",
        ),
    ]
    for argv, name, line in runs:
        target = tmp_path / name
        target.write_text("important\n")
        assert main([*argv, "--output", str(target)]) == 0
        captured = capsys.readouterr()
        assert (captured.out, captured.err) == ("", line.format(target))
        assert target.read_text() != "important\n"
