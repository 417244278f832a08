"""`ask --answers` with many files or a folder: the rule book read once, one JSON line a file
naming it; a bad file gets a located line of its own and the rest go on; exit 2 if any failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metasymptoms.cli import main

SEIZURE = "cancer_history: none\nseizure: yes\n"
JAUNDICE = "cancer_history: past\nprimary_cancer: colorectal\njaundice: yes\n"
MISTYPED = "cancer_history: none\nbakc_pain: yes\n"


def lines(text: str) -> list[dict]:
    assert text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def without_time(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "made_at"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "b.yml").write_text(JAUNDICE)
    (folder / "a.yaml").write_text(SEIZURE)
    (folder / "c.json").write_text('{"cancer_history": "unsure"}')
    (folder / "notes.txt").write_text("not an answers file\n")
    (folder / "old").mkdir()  # a folder inside is not read
    (folder / "old" / "d.yaml").write_text(SEIZURE)
    return folder


def test_a_folder_gives_one_line_a_file_in_name_order(folder: Path, capsys) -> None:
    assert main(["ask", "--answers", str(folder)]) == 0
    out, err = capsys.readouterr()
    found = lines(out)
    assert [line["file"] for line in found] == [str(folder / name) for name in ("a.yaml", "b.yml", "c.json")]
    assert [line["urgency"] for line in found] == ["emergency", "urgent", "routine"]
    assert err == ""


def test_each_line_is_the_files_own_json_result_with_its_name_first(folder: Path, capsys) -> None:
    assert main(["ask", "--answers", str(folder / "b.yml"), str(folder / "a.yaml")]) == 0
    batch = lines(capsys.readouterr().out)
    for line, name in zip(batch, ("b.yml", "a.yaml"), strict=True):
        assert next(iter(line)) == "file" and line["file"] == str(folder / name)
        assert main(["ask", "--answers", str(folder / name), "--format", "json"]) == 0
        alone = json.loads(capsys.readouterr().out)
        assert without_time(line) == {"file": str(folder / name), **without_time(alone)}


def test_a_bad_file_gets_a_located_line_and_the_rest_go_on(folder: Path, capsys) -> None:
    (folder / "b.yml").write_text(MISTYPED)
    assert main(["ask", "--answers", str(folder), str(folder / "missing.yaml")]) == 2
    out, err = capsys.readouterr()
    found = lines(out)
    assert found[1] == {
        "file": str(folder / "b.yml"),
        "problems": [f"{folder / 'b.yml'}:2:1: 'bakc_pain' is not a finding (did you mean 'back_pain'?)"],
    }
    assert found[3] == {
        "file": str(folder / "missing.yaml"),
        "problems": [f"{folder / 'missing.yaml'}: no such file"],
    }
    assert [line.get("urgency") for line in found] == ["emergency", None, "routine", None]
    assert (
        err == "metasymptoms: 2 of 4 answers files could not be used; the line of each names its problems\n"
    )


def test_the_rule_book_is_read_once(folder: Path, monkeypatch, capsys) -> None:
    from metasymptoms.commands import ask

    reads = []
    real = ask.load_book
    monkeypatch.setattr(
        ask,
        "load_book",
        lambda folder, *country, **named: reads.append(folder) or real(folder, *country, **named),
    )
    assert main(["ask", "--answers", str(folder)]) == 0
    assert reads == [None]  # the shipped book, once for three files


def test_a_batch_writes_json_lines_only(folder: Path, capsys) -> None:
    assert main(["ask", "--answers", str(folder), "--format", "json"]) == 0
    assert len(lines(capsys.readouterr().out)) == 3
    with pytest.raises(SystemExit) as stop:
        main(["ask", "--answers", str(folder), "--format", "html"])
    assert stop.value.code == 2
    assert capsys.readouterr() == (
        "",
        "metasymptoms: a batch of answers files is written as JSON lines, one a file, not as html: "
        "leave out --format, or give --format json\n",
    )


def test_a_folder_without_answers_files_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "readme.txt").write_text("hello\n")
    with pytest.raises(SystemExit) as stop:
        main(["ask", "--answers", str(tmp_path)])
    assert stop.value.code == 2
    assert capsys.readouterr() == (
        "",
        f"metasymptoms: '{tmp_path}' holds no answers files (names ending in .yaml, .yml, .json)\n",
    )


def test_output_holds_every_line(folder: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "results.jsonl"
    assert main(["ask", "--answers", str(folder), "--output", str(target)]) == 0
    assert [line["file"] for line in lines(target.read_text())] == [
        str(folder / name) for name in ("a.yaml", "b.yml", "c.json")
    ]
    assert capsys.readouterr() == ("", f"Wrote the results to {target}.\n")


def test_one_file_is_still_one_result(folder: Path, capsys) -> None:
    assert main(["ask", "--answers", str(folder / "a.yaml"), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)  # one object, written out over many lines
    assert "file" not in result and result["urgency"] == "emergency"
