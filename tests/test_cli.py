"""The command line: every exit code of the contract, and whole messages."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from metasymptoms.cli import main
from tests.helpers import TINY, run_main, write_book
from tests.helpers import run_metasymptoms as run


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "cancer_history: past\nprimary_cancer: colorectal\njaundice: yes\nitching: yes\ndark_urine: yes\n"
    )
    return path


def test_ask_json_follows_the_contract(answers: Path, capsys) -> None:
    assert main(["ask", "--answers", str(answers), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == [
        "schema",
        "urgency",
        "red_flags",
        "sites",
        "primary_cancer",
        "advice",
        "not_a_diagnosis",
        "sources",
        "made_at",  # added beside the contract's keys, never renamed
        "rule_book",
        "asked",
        "not_asked",
        "emergency_signs",  # every ending lists them
        "ending",  # last, as in every format: how soon and what to do
    ]
    assert data["rule_book"] == {"version": "0.1", "status": "draft"}  # nobody has signed it off
    assert data["schema"] == "metasymptoms.assessment/1"
    assert data["urgency"] == "urgent"
    assert data["red_flags"][0]["id"] == "jaundice"
    assert list(data["red_flags"][0]) == ["id", "title", "urgency", "advice", "because"]
    assert data["sites"] == [
        {
            "id": "liver",
            "name": "Liver",
            "rules": ["liver.jaundice"],
            "because": ["jaundice", "dark_urine", "itching"],
        }
    ]
    assert data["primary_cancer"] == {"id": "colorectal", "common_sites": ["liver", "lungs", "peritoneum"]}
    # It sends to a healthcare provider (the contract); urgent, in its own words for "today".
    assert data["advice"] == ("Contact your care team, a nurse line or another healthcare provider today.")
    assert all(set(source) == {"id", "title"} for source in data["sources"])
    assert datetime.datetime.fromisoformat(data["made_at"]).tzinfo is not None
    assert data["rule_book"] == {"version": "0.1", "status": "draft"}
    # Every question answered in the file, in the questionnaire's order, with its answer.
    assert [(item["finding"], item["answer"]) for item in data["asked"]] == [
        ("cancer_history", "past"),
        ("primary_cancer", "colorectal"),
        ("jaundice", True),
        ("itching", True),
        ("dark_urine", True),
    ]
    assert data["asked"][0]["question"] == "Has a doctor ever told you that you have or had cancer?"
    not_asked = [item["finding"] for item in data["not_asked"]]
    assert "back_pain" in not_asked and "jaundice" not in not_asked


def test_ask_text_puts_urgency_first(answers: Path, capsys) -> None:
    assert main(["ask", "--answers", str(answers)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "URGENT: GET HELP TODAY"


def test_ask_markdown_to_a_file_atomically(answers: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "summary.md"
    assert main(["ask", "--answers", str(answers), "--format", "markdown", "--output", str(out)]) == 0
    assert capsys.readouterr().out == ""
    text = out.read_text()
    assert text.startswith("# metasymptoms: summary to bring to your appointment\n")
    assert "- Symptoms reported: yellow skin or yellow whites of the eyes; itchy skin" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_output_into_a_missing_folder_is_bad_input(answers: Path, tmp_path: Path, capsys) -> None:
    assert_exit(2, ["ask", "--answers", str(answers), "--output", str(tmp_path / "no" / "x.md")])
    assert (
        capsys.readouterr().err
        == f"metasymptoms: cannot write '{tmp_path / 'no' / 'x.md'}': the folder '{tmp_path / 'no'}' does not exist\n"
    )


def assert_exit(code: int, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == code


def test_broken_rule_files_exit_1_with_located_problems(tmp_path: Path, answers: Path, capsys) -> None:
    folder = write_book(tmp_path / "rules", {"sources.yaml": TINY["sources.yaml"] + "    colour: red\n"})
    assert_exit(1, ["ask", "--rules", str(folder), "--answers", str(answers)])
    assert capsys.readouterr().err == (
        f"{folder}/sources.yaml:6:5: [error] 'colour' is not a key this file knows; the keys allowed here are: "
        "id, title, publisher, url, note, reviewed, accessed, written_for (schema)\n"
        "1 problem in the rule files; nothing else was done.\n"
        "The questions cannot start. If this is an emergency, call your local emergency number "
        "(911 / 999 / 112) now; otherwise please see your healthcare provider.\n"
    )


def test_missing_rules_folder_exits_2(tmp_path: Path, answers: Path, capsys) -> None:
    assert_exit(2, ["ask", "--rules", str(tmp_path / "none"), "--answers", str(answers)])
    assert (
        capsys.readouterr().err
        == f"metasymptoms: the rules folder '{tmp_path / 'none'}' does not exist or is not a folder\n"
    )


def test_invalid_answers_exit_2_naming_the_id(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("jaundise: yes\n")
    assert_exit(2, ["ask", "--answers", str(path)])
    assert (
        capsys.readouterr().err
        == f"metasymptoms: {path}:1:1: 'jaundise' is not a finding (did you mean 'jaundice'?)\n"
    )


def test_unknown_option_exits_2(capsys) -> None:
    assert_exit(2, ["ask", "--colour"])
    assert "unrecognized arguments: --colour" in capsys.readouterr().err


def test_interactive_without_a_terminal_exits_2_with_a_hint() -> None:
    result = run_main("ask", stdin="")
    assert result.returncode == 2
    assert result.stderr == (
        "metasymptoms: the guided questions need a terminal to type in. To answer them through a "
        "pipe or a screen reader, add --plain (numbered choices, one a line). To use answers "
        "written in a file, run: metasymptoms ask --answers FILE\n"
    )
    assert run_main(stdin="").returncode == 2  # bare `metasymptoms` is `ask`


def test_ctrl_c_exits_130_with_one_calm_line(monkeypatch, answers: Path, capsys) -> None:
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("metasymptoms.commands.ask.read_answers_file", interrupted)
    assert_exit(130, ["ask", "--answers", str(answers)])
    assert capsys.readouterr().err == "\nStopped. Nothing was saved.\n"


def test_a_bug_exits_3_without_a_traceback(monkeypatch, answers: Path, capsys) -> None:
    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("metasymptoms.commands.ask.assess", broken)
    assert_exit(3, ["ask", "--answers", str(answers)])
    err = capsys.readouterr().err
    assert err.startswith("metasymptoms: something went wrong inside metasymptoms (ZeroDivisionError: boom).")
    assert "Traceback" not in err


def test_version_and_help_do_not_import_pydantic_or_questionary() -> None:
    code = (
        "import sys\nfrom metasymptoms.cli import main\n"
        "for argv in (['--version'], ['--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "print(sorted(m for m in ('pydantic', 'questionary', 'yaml') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "[]"
    assert result.stdout.startswith("metasymptoms 0.1.0\n")


def test_python_dash_m_is_the_same_program(answers: Path) -> None:
    result = run("ask", "--answers", str(answers), "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)["urgency"] == "urgent"


def test_rules_check_clean_and_broken(tmp_path: Path, capsys) -> None:
    assert main(["rules", "check"]) == 0
    assert capsys.readouterr().out.endswith(": no problems found\n")
    folder = write_book(
        tmp_path / "rules", {"primaries.yaml": TINY["primaries.yaml"].replace("[bones]", "[bone]")}
    )
    assert main(["rules", "check", str(folder), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "problems": [
            {
                "file": f"{folder}/primaries.yaml",
                "line": 4,
                "column": 20,
                "level": "error",
                "message": "'bone' is not a site of this rule book (did you mean 'bones'?)",
                "check": "schema",
            }
        ]
    }


@pytest.mark.parametrize("primary", ["other", "unknown"])
def test_a_primary_without_a_table_row_is_still_reported(tmp_path: Path, primary: str, capsys) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(f"cancer_history: current\nprimary_cancer: {primary}\n")
    assert main(["ask", "--answers", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["primary_cancer"] == {"id": primary, "common_sites": []}
    assert main(["ask", "--answers", str(path)]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "ABOUT YOUR CANCER" in text and "your care team can tell you which places matter for you" in text


def test_options_before_the_command_are_the_commands(tmp_path: Path, capsys) -> None:
    """A new user typed `--country GB ask`; it means `ask --country GB`."""
    from metasymptoms.arguments import COMMANDS, build_parser

    commands = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(COMMANDS) == set(commands)
    answers = tmp_path / "answers.yaml"
    answers.write_text("cancer_history: none\nseizure: yes\n")
    outputs = []
    for argv in (
        ["--country", "GB", "ask", "--answers", str(answers)],
        ["ask", "--country", "GB", "--answers", str(answers)],
    ):
        assert main(argv) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and "999" in outputs[0]
