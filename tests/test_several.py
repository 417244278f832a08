"""The "which of these" answer kind (several): answers files, the reading of the rules, the
questions (typed and plain), the summaries, JSON, FHIR, and what `rules verify` and `rules
diff` search. A small test book (the tiny book with its weak legs as "which of these")
shows the proofs reading it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.answering.summary import clinician_summary
from metasymptoms.cli import main
from metasymptoms.core.answers import AnswersError, read_answers_file
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import UNSURE, BadAnswer, kind_of
from metasymptoms.core.loader import load
from metasymptoms.core.model import RuleBook, Urgency
from tests.helpers import TINY, write_book
from tests.scripted import ScriptedPrompter

# The tiny book's weak legs as a "which of these".
SEVERAL = TINY["findings.yaml"].replace(
    "    label: weak legs\n",
    "    label: weakness\n    type: several\n    choices:\n"
    "      - {value: left_leg, text: left leg}\n      - {value: left_arm, text: left arm}\n",
)
CORD = {"cancer_history": "current", "primary_cancer": "prostate", "known_spread": "none", "back_pain": True}


def read(tmp_path: Path, book: RuleBook, text: str) -> dict:
    path = tmp_path / "a.yaml"
    path.write_text(text)
    return read_answers_file(path, book)


def test_an_answers_file_takes_a_list_yes_none_or_unsure(tmp_path: Path, book: RuleBook) -> None:
    answers = read(
        tmp_path,
        book,
        "back_pain: yes\nback_pain_red_features: [worse_on_straining, wakes_at_night]\nlimb_weakness: left_leg\n",
    )
    # In the choices' order, whatever order the file gives; one value alone is a list of one.
    assert answers == {
        "back_pain": True,
        "back_pain_red_features": ("wakes_at_night", "worse_on_straining"),
        "limb_weakness": ("left_leg",),
    }
    # The contract: plain yes, no and unsure keep working; none is none of them.
    assert read(tmp_path, book, "limb_weakness: yes\n") == {"limb_weakness": True}
    assert read(tmp_path, book, "limb_weakness: no\n") == {"limb_weakness": False}
    assert read(tmp_path, book, "limb_weakness: none\n") == {"limb_weakness": False}
    assert read(tmp_path, book, "limb_weakness: unsure\n") == {"limb_weakness": UNSURE}


CHOICES = "(wakes_at_night, worse_on_straining, upper_back_or_neck)"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # An answer that goes alone, as a list of one: that answer.
        ("[none]", False),
        ("[NONE]", False),
        ("[unsure]", UNSURE),
        # With a choice: refused, saying how to write either.
        (
            "[none, wakes_at_night]",
            "'none' cannot go in a list with other answers; write 'back_pain_red_features: none' on its "
            f"own, or a list of only the choices that apply {CHOICES}",
        ),
        (
            "[wakes_at_night, unsure]",
            "'unsure' cannot go in a list with other answers; write 'back_pain_red_features: unsure' on "
            f"its own, or a list of only the choices that apply {CHOICES}",
        ),
        # Not a list of choices at all.
        (
            "[]",
            f"'back_pain_red_features' takes a list of its choices {CHOICES}, or none, yes or unsure, not '[]'",
        ),
        (
            "[1, 2]",
            f"'back_pain_red_features' takes a list of its choices {CHOICES}, or none, yes or unsure, not '[1, 2]'",
        ),
        (
            "3",
            f"'back_pain_red_features' takes a list of its choices {CHOICES}, or none, yes or unsure, not '3'",
        ),
    ],
)
def test_a_list_with_an_answer_that_goes_alone(
    tmp_path: Path, book: RuleBook, written: str, expected: object
) -> None:
    text = f"back_pain: yes\nback_pain_red_features: {written}\n"
    if isinstance(expected, str) and expected != UNSURE:
        with pytest.raises(AnswersError) as error:
            read(tmp_path, book, text)
        assert error.value.problems == [f"{tmp_path / 'a.yaml'}:2:25: {expected}"]
    else:
        assert read(tmp_path, book, text)["back_pain_red_features"] == expected


def test_a_value_that_is_not_a_choice_is_named_with_its_place(tmp_path: Path, book: RuleBook) -> None:
    with pytest.raises(AnswersError) as error:
        read(tmp_path, book, "limb_weakness: [left_leg, rigth_leg]\n")
    assert error.value.problems == [
        f"{tmp_path / 'a.yaml'}:1:16: 'rigth_leg' is not a choice of 'limb_weakness' (did you mean "
        "'right_leg'?); give a list of its choices (left_leg, right_leg, arms, walking), or none, yes or unsure"
    ]


def test_typed_numbers_none_and_not_sure(book: RuleBook) -> None:
    finding = book.finding("limb_weakness")
    kind = kind_of(finding)
    assert kind.from_option(finding, "1 2") == ("left_leg", "right_leg")
    assert kind.from_option(finding, "3,1") == ("left_leg", "arms")
    assert kind.from_option(finding, "0") is False
    assert kind.from_option(finding, "none") is False
    assert kind.from_option(finding, "u") == UNSURE
    # Refused for a reason the questions say in the rule book's words (wording.which_of_these).
    for wrong, reason in [("", "numbers"), ("5", "numbers"), ("left", "numbers"), ("0 1", "mixed")]:
        with pytest.raises(BadAnswer) as error:
            kind.from_option(finding, wrong)
        assert error.value.refusal == reason
    words = book.guidance.wording.which_of_these
    assert words.refusal("numbers", 4) == (
        "Type the numbers of those that apply (1 to 4), 0 for none of these, or u if you are not sure."
    )
    assert words.refusal("mixed", 4) == "None of these cannot go with one of them: choose one or the other."
    assert words.mixed_ticked == "Choose the ones that apply, or “None of these” or “I'm not sure” on its own"
    # What is typed back (a changed answer starts from it) gives the same answer.
    for value in [("left_leg", "walking"), False, UNSURE, True]:
        assert kind.from_option(finding, kind.option_of(value)) == value


def test_the_plain_questions_list_the_choices_and_ask_again_after_a_mistake(book: RuleBook) -> None:
    question = book.question("limb_weakness")
    assert question is not None
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none", "back_pain": True})
    typed = iter(["0 2", "1 4"])
    original = prompter.ask_text

    def ask_text(message: str, default: str) -> str:
        if message.startswith(question.text):
            prompter.asked.append(message)
            return next(typed)
        return original(message, default)

    prompter.ask_text = ask_text  # type: ignore[method-assign]
    outcome = Questionnaire(book, prompter).run()
    assert outcome.answers["limb_weakness"] == ("left_leg", "walking")
    asked = [message for message in prompter.asked if message.startswith(question.text)]
    assert asked[0].split("\n")[1:] == [
        "  1. left leg",
        "  2. right leg",
        "  3. one or both arms",
        "  4. walking is difficult",
        "Type the numbers of all that apply (for example 1 3), 0 or Enter alone for none of these, u if you are not sure",
        "? = why, b = back",  # nothing answered yet, so nothing for Enter to keep
    ]
    assert ("hint", "None of these cannot go with one of them: choose one or the other.") in prompter.shown


@pytest.mark.parametrize(
    ("earlier", "enter", "typed"),
    [
        (("wakes_at_night", "upper_back_or_neck"), "(Enter: 1 3)", "2"),
        (False, "(Enter: none)", "1"),
        (True, "(Enter: yes)", "0"),
    ],
)
def test_an_earlier_answer_to_change_is_said_once_in_the_numbers_typed(
    book: RuleBook, earlier: object, enter: str, typed: str
) -> None:
    # --plain, changing an answer (from the review, or after Back): Enter keeps it. It was
    # said back as its ids ("wakes_at_night upper_back_or_neck"), which a screen reader reads
    # letter by letter, under a line that still said "Enter alone for none of these".
    import io

    from metasymptoms.answering.prompter import PlainPrompter

    question = book.question("back_pain_red_features")
    assert question is not None
    answers = {"cancer_history": "none", "back_pain": True, "back_pain_red_features": earlier}
    for keys, answer in (("\n", earlier), (f"{typed}\n", None)):
        shown = io.StringIO()
        prompter = PlainPrompter(book.guidance.wording, io.StringIO(keys), shown, width=200)
        said = Questionnaire(book, prompter, answers=dict(answers)).ask(question)  # type: ignore[arg-type]
        lines = shown.getvalue().splitlines()
        assert lines[lines.index("  3. in the upper or middle back, or the neck") + 1 :] == [
            "Type the numbers of all that apply (for example 1 3), 0 for none of these, u if you are not sure",
            "Press Enter to keep it; ? = why, b = back",
            enter,
            f"> {keys.strip()}",
        ]
        finding = book.finding("back_pain_red_features")
        assert said == (answer if answer is not None else kind_of(finding).from_option(finding, typed))


def test_enter_alone_is_none_of_these_as_a_yes_no_questions_enter_is_no(book: RuleBook) -> None:
    prompter = ScriptedPrompter(book, answers={"cancer_history": "none", "back_pain": True})
    outcome = Questionnaire(book, prompter).run()
    assert outcome.answers["limb_weakness"] is False
    assert outcome.answers["back_pain_red_features"] is False


@pytest.mark.parametrize(
    ("weakness", "urgency", "flags"),
    [
        (("left_leg",), Urgency.EMERGENCY, {"spinal_cord_compression", "nerve_signs_with_cancer"}),
        (("arms",), Urgency.EMERGENCY, {"spinal_cord_compression", "nerve_signs_with_cancer"}),
        (True, Urgency.EMERGENCY, {"spinal_cord_compression", "nerve_signs_with_cancer"}),  # yes: any of them
        (UNSURE, Urgency.EMERGENCY, {"spinal_cord_compression", "nerve_signs_with_cancer"}),  # the safer way
        (False, Urgency.PROMPT, set()),  # a new back pain with cancer, within days; no nerve sign
    ],
)
def test_a_rule_that_names_none_reads_any_of_them(
    book: RuleBook, weakness: object, urgency: Urgency, flags: set[str]
) -> None:
    assessment = assess(book, {**CORD, "limb_weakness": weakness})
    assert assessment.urgency is urgency
    nerve = {"spinal_cord_compression", "nerve_signs_with_cancer"}
    assert {flag.id for flag in assessment.red_flags} & nerve == flags


def several_book(tmp_path: Path, *, naming: str | None = None) -> Path:
    """The small test book: the tiny book, its weak legs a "which of these"; with `naming`,
    its emergency names that one only."""
    changes = {"findings.yaml": SEVERAL}
    if naming is not None:
        changes["red_flags.yaml"] = TINY["red_flags.yaml"].replace(
            "        - limb_weakness\n", f"        - limb_weakness: [{naming}]\n"
        )
    return write_book(tmp_path / (naming or "any"), changes)


def test_a_rule_naming_one_holds_for_it_and_may_hold_for_yes_or_not_sure(tmp_path: Path) -> None:
    book = load(several_book(tmp_path, naming="left_leg")).book
    base = {"cancer_history": "current", "back_pain": True}

    def urgency(value: object) -> Urgency:
        return assess(book, {**base, "limb_weakness": value}).urgency

    assert urgency(("left_leg",)) is Urgency.EMERGENCY
    assert urgency(("left_leg", "left_arm")) is Urgency.EMERGENCY
    assert urgency(("left_arm",)) is Urgency.ROUTINE  # named: the arm alone is not the leg
    assert urgency(True) is Urgency.EMERGENCY  # "yes", not said which: it may be the leg
    assert urgency(UNSURE) is Urgency.EMERGENCY  # not sure: the safer reading
    assert urgency(False) is Urgency.ROUTINE


def test_the_clinicians_summary_says_which(book: RuleBook) -> None:
    answers = {
        **CORD,
        "back_pain_red_features": ("wakes_at_night", "worse_on_straining"),
        "limb_weakness": ("left_leg",),
    }
    summary = clinician_summary(book, assess(book, answers))
    assert summary.reported == (
        "new back or neck pain",
        "back or neck pain with warning features (wakes at night; worse on coughing, sneezing or straining)",
        "weakness or heaviness in the arms or legs, or difficulty walking (left leg)",
    )
    shown = {item.question: item.answer_text for item in summary.asked}
    assert shown[book.question("limb_weakness").text] == "left leg"  # type: ignore[union-attr]
    finding = book.finding("limb_weakness")
    assert [
        kind_of(finding).text(finding, value, book.guidance.wording.answer_words)
        for value in (False, UNSURE, True)
    ] == [
        "None of these",
        "Not sure",
        "Yes (not said which)",
    ]


def test_json_and_html_give_the_list_and_its_words(tmp_path: Path, capsys) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text(
        "cancer_history: current\nprimary_cancer: prostate\nback_pain: yes\n"
        "back_pain_red_features: [worse_on_straining, wakes_at_night]\nlimb_weakness: unsure\n"
    )
    assert main(["ask", "--answers", str(answers), "--format", "json"]) == 0
    asked = {item["finding"]: item for item in json.loads(capsys.readouterr().out)["asked"]}
    assert (asked["back_pain_red_features"]["answer"], asked["back_pain_red_features"]["answer_text"]) == (
        ["wakes_at_night", "worse_on_straining"],
        "wakes at night; worse on coughing, sneezing or straining",
    )
    assert (asked["limb_weakness"]["answer"], asked["limb_weakness"]["answer_text"]) == ("unsure", "Not sure")
    assert main(["ask", "--answers", str(answers), "--format", "html"]) == 0
    html = capsys.readouterr().out
    # The row of a "which of these" answer is marked as a reported one is.
    import re

    row = re.search(
        r"<tr([^>]*)><td class=\"n\">\d+</td><td>Does the pain wake you at night[^<]*</td>"
        r"<td class=\"answer\">([^<]*)</td></tr>",
        html,
    )
    assert row is not None
    assert row.groups() == (' class="yes"', "wakes at night; worse on coughing, sneezing or straining")


def test_fhir_offers_each_choice_and_reads_several_codes_back(tmp_path: Path, capsys, book: RuleBook) -> None:
    assert main(["rules", "export", "--format", "fhir-r4"]) == 0
    exported = json.loads(capsys.readouterr().out)

    def items(item: dict) -> list[dict]:
        return [item, *(found for child in item.get("item", []) for found in items(child))]

    weakness = next(item for item in items(exported) if item.get("linkId") == "limb_weakness")
    assert weakness["repeats"] is True
    assert [option["valueCoding"]["code"] for option in weakness["answerOption"]] == [
        "left_leg",
        "right_leg",
        "arms",
        "walking",
        "none",
        "unsure",
    ]
    system = weakness["answerOption"][0]["valueCoding"]["system"]
    response = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "item": [
            {"linkId": "cancer_history", "answer": [{"valueCoding": {"code": "current"}}]},
            {"linkId": "back_pain", "answer": [{"valueBoolean": True}]},
            {
                "linkId": "limb_weakness",
                "answer": [
                    {"valueCoding": {"system": system, "code": "walking"}},
                    {"valueCoding": {"system": system, "code": "left_leg"}},
                ],
            },
        ],
    }
    path = tmp_path / "response.json"
    path.write_text(json.dumps(response))
    assert read_answers_file(path, book)["limb_weakness"] == ("left_leg", "walking")


def test_verify_searches_the_small_several_book(tmp_path: Path, capsys) -> None:
    book = several_book(tmp_path, naming="left_leg")
    loaded = load(book).book
    finding = loaded.finding("limb_weakness")
    assert kind_of(finding).representatives(finding, []) == [
        False,
        UNSURE,
        ("left_leg",),
        ("left_arm",),
        ("left_leg", "left_arm"),
    ]
    assert main(["rules", "verify", str(book)]) == 0
    out = capsys.readouterr().out
    assert "ok    every red flag can be reached by some answers (1)" in out


def test_diff_tries_each_value_the_kind_gives(tmp_path: Path, capsys) -> None:
    """Narrowing "any weakness" to "the left leg" lowers the emergency for an arm alone: rules
    diff finds it because it tries the kind's values (kinds.representatives), not yes/no."""
    old, new = several_book(tmp_path), several_book(tmp_path, naming="left_leg")
    code = main(["rules", "diff", str(old), str(new), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    lowered = [s for s in data["statements"] if s["lowered"]]
    assert code == 1
    assert [(s["was"], s["now"], s["answers"]["limb_weakness"]) for s in lowered] == [
        ("emergency", "routine", ["left_arm"])
    ]


def test_rules_check_refuses_more_choices_than_verify_can_try(tmp_path: Path, capsys) -> None:
    many = SEVERAL.replace(
        "      - {value: left_arm, text: left arm}\n",
        "".join(f"      - {{value: c{n}, text: choice {n}}}\n" for n in range(5)),
    )
    folder = write_book(tmp_path / "many", {"findings.yaml": many})
    assert main(["rules", "check", str(folder)]) == 1
    err = capsys.readouterr()
    assert (  # placed at its list of choices, where the reviewer takes some out
        f"{folder}/findings.yaml:15:7: [error] 'limb_weakness' lists 6 choices; a 'which of these' finding "
        "takes at most 5 (rules verify tries every combination of them) (schema)"
    ) in (err.out + err.err).splitlines()
