"""Answers files: every mistake named, with its place and a close match."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.core.answers import AnswersError, read_answers_file
from tests.helpers import run_main


def read(tmp_path: Path, book, text: str, name: str = "a.yaml"):
    path = tmp_path / name
    path.write_text(text)
    return read_answers_file(path, book)


def test_yes_no_and_choices(tmp_path: Path, book) -> None:
    answers = read(
        tmp_path, book, "cancer_history: past\nback_pain: yes\nlimb_weakness: false\nnumbness: 'No'\nfever:\n"
    )
    assert answers == {"cancer_history": "past", "back_pain": True, "limb_weakness": False, "numbness": False}


@pytest.mark.parametrize(
    ("typed", "celsius"), [("38.4", 38.4), ("'38,4'", 38.4), ("'101,3 F'", 38.5), ("'38,4 °C'", 38.4)]
)
def test_a_temperature_takes_a_decimal_comma_too(tmp_path: Path, book, typed: str, celsius: float) -> None:
    # A new user typed 38,4 (as much of the world writes it) and was refused.
    answers = read(tmp_path, book, f"cancer_history: none\ntemperature: {typed}\n")
    assert answers["temperature"] == pytest.approx(celsius, abs=0.05)


def test_json_works_too(tmp_path: Path, book) -> None:
    assert read(tmp_path, book, '{"cancer_history": "none", "jaundice": true}', "a.json") == {
        "cancer_history": "none",
        "jaundice": True,
    }


def test_every_mistake_is_named(tmp_path: Path, book) -> None:
    with pytest.raises(AnswersError) as error:
        read(tmp_path, book, "bak_pain: yes\ncancer_history: currnet\nfever: maybe\n")
    path = tmp_path / "a.yaml"
    assert error.value.problems == [
        f"{path}:1:1: 'bak_pain' is not a finding (did you mean 'back_pain'?)",
        f"{path}:2:17: 'currnet' is not a choice of 'cancer_history' (did you mean 'current'?); its choices are none, current, past, unsure",
        f"{path}:3:8: 'fever' takes yes, no or unsure (not sure), not 'maybe'",
    ]


@pytest.mark.parametrize(
    ("key", "message"),
    [
        # the same words in another order, or all of them inside a longer name
        (
            "persistent_symptoms",
            "'persistent_symptoms' is not a finding (did you mean 'symptoms_persistent'?)",
        ),
        ("sweats_night", "'sweats_night' is not a finding (did you mean 'night_sweats'?)"),
        ("shortness_breath", "'shortness_breath' is not a finding (did you mean 'shortness_of_breath'?)"),
        # a loose likeness of spelling between long names is no suggestion at all
        ("frequent_urination", "'frequent_urination' is not a finding"),
        ("urinating_oftn", "'urinating_oftn' is not a finding (did you mean 'urinating_often'?)"),
    ],
)
def test_did_you_mean_suggests_only_a_key_that_is_near(tmp_path: Path, book, key: str, message: str) -> None:
    with pytest.raises(AnswersError) as error:
        read(tmp_path, book, f"{key}: yes\n")
    assert error.value.problems == [f"{tmp_path / 'a.yaml'}:1:1: {message}"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- back_pain\n", "an answers file is one mapping of finding id to value, such as 'back_pain: yes'"),
        ("back_pain: [yes\n", "1:12: this list opened with \\[ on line 1 is never closed with \\]"),
        # an answers file is not called a rule file (a new user's trial read "in rule files")
        ("a: &x yes\nb: *x\n", "are not allowed in this file; write the value out in full"),
    ],
)
def test_malformed_files(tmp_path: Path, book, text: str, message: str) -> None:
    with pytest.raises(AnswersError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read(tmp_path, book, text)


def test_missing_file(tmp_path: Path, book) -> None:
    with pytest.raises(AnswersError, match="no such file"):
        read_answers_file(tmp_path / "nope.yaml", book)


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "{}\n", "back_pain:\nfatigue:\n"])
def test_a_file_that_answers_nothing_is_refused(tmp_path: Path, book, text: str) -> None:
    """Read as every sign absent, it gave a routine result (exit 0) that never said nothing
    was answered."""
    with pytest.raises(AnswersError) as raised:
        read(tmp_path, book, text)
    assert raised.value.problems == [
        f"{tmp_path / 'a.yaml'}: no answers are given (the file is empty, or every answer is left "
        "blank); write one 'finding: answer' a line, such as 'back_pain: yes', or run 'metasymptoms "
        "ask' without --answers to be asked the questions"
    ]


def test_an_empty_answers_file_is_exit_2_with_its_message(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("")
    done = run_main("ask", "--answers", str(tmp_path / "empty.yaml"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr.startswith(f"metasymptoms: {tmp_path / 'empty.yaml'}: no answers are given")
