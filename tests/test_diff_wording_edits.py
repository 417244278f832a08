"""`rules diff` says what an edit that changes no urgency, warning sign or site does for a
person, never "none": an emergency's first step, a site rule's explanation, a grade, the
answer Enter gives, the order of the answers offered or of the sources listed, a question
asked under another section's heading. Each case edits a copy of the shipped rule book as a
reviewer would and reads the exact lines of the report, in text and in markdown; where the
report gives an answers file, the two books' results for it are compared by `ask`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir

RULES = default_rules_dir()

FIRST_STEP = "    first_step: cancer_team_line  # its advice gives the 24-hour line first\n"
SEVERE_VOMITING = (
    "  - id: vomiting_on_treatment_severe\n"
    "    title: Being sick 6 or more times in 24 hours, or unable to keep fluids down, during treatment\n"
)
# Bones and back come before "How you feel in general": its first question moved under the
# heading before it, at the same place in the order.
BONES_GENERAL = (
    "        ask_if: back_pain\n\n  - id: general\n    title: How you feel in general\n    questions:\n"
    "      - finding: fatigue\n        text: Do you feel extremely tired in a way that rest does not fix?\n"
)
BONES_MOVED = (
    "        ask_if: back_pain\n"
    "      - finding: fatigue\n        text: Do you feel extremely tired in a way that rest does not fix?\n"
    "\n  - id: general\n    title: How you feel in general\n    questions:\n"
)
LEGS = "      - {value: left_leg, text: left leg}\n      - {value: right_leg, text: right leg}\n"
LEGS_SWAPPED = "      - {value: right_leg, text: right leg}\n      - {value: left_leg, text: left leg}\n"
CORD_SOURCES = "sources: [NICE-NG234, NICE-QS56, CRUK-MSCC, MC-MSCC, MAC-MSCC]"

# Each case: the file edited, the text replaced (the first after `  - id: ITEM` where one is
# named as "ITEM|text", else the only one), and what replaces it.
EDITS: dict[str, tuple[str, str, str]] = {
    "first_step": ("red_flags.yaml", "spinal_cord_compression|" + FIRST_STEP, ""),
    "why": ("sites/bones.yaml", "worse at night, and later stays.", "worse at night, and later it stays."),
    "grade": ("red_flags.yaml", SEVERE_VOMITING + "    grade: red\n", SEVERE_VOMITING),
    "sources_reordered": (
        "red_flags.yaml",
        CORD_SOURCES,
        CORD_SOURCES.replace("MC-MSCC, MAC-MSCC", "MAC-MSCC, MC-MSCC"),
    ),
    "section": ("questions.yaml", BONES_GENERAL, BONES_MOVED),
    "choices_reordered": ("findings.yaml", LEGS, LEGS_SWAPPED),
    "choice_text": ("findings.yaml", "{value: lung, text: Lung}", "{value: lung, text: Lung or airways}"),
    "label": (
        "findings.yaml",
        "label: constant, unusual thirst",
        "label: great, unusual thirst all the time",
    ),
    "why_for_everyone": (
        "sites/bones.yaml",
        "bones.fracture|    checked: {by: author, date: 2026-11-25}\n",
        "    checked: {by: author, date: 2026-11-25}\n    why_for_everyone: true\n",
    ),
    "new_sign": (
        "red_flags.yaml",
        "red_flags:\n",
        "red_flags:\n  - id: thirst_with_confusion\n    title: Great thirst with new confusion\n"
        "    when: {all: [thirst, confusion]}\n    urgency: urgent\n    advice: Contact your care team today.\n"
        "    sources: [NICE-NG234]\n    checked: {by: author, date: 2026-11-26}\n",
    ),
    "default": ("questions.yaml", "        default: unsure\n", "        default: none\n"),
    "everyones_why": (
        "sites/lymph_nodes.yaml",
        "lymph_nodes.likely_infection|and they usually go down",
        "and they mostly go down",
    ),
    "site_name": ("sites/liver.yaml", "name: Liver\n", "name: The liver\n"),
    "primary_name": ("primaries.yaml", "name: Breast cancer\n", "name: Cancer of the breast\n"),
    "sites_of_a_sign": (
        "red_flags.yaml",
        "spinal_cord_compression|    sites: [bones]\n",
        "    sites: [bones, brain]\n",
    ),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory):
    """`report(name, form, capsys)`: the edited copy, and the exit code and output of `rules
    diff` of the shipped book and that copy (each run once for the module)."""
    copies: dict[str, Path] = {}
    reports: dict[tuple[str, str], tuple[int, str]] = {}

    def read(name: str, form: str, capsys: pytest.CaptureFixture[str]) -> tuple[Path, int, str]:
        if name not in copies:
            copy = tmp_path_factory.mktemp(name) / "new"
            shutil.copytree(RULES, copy)
            file, old, new = EDITS[name]
            text = (copy / file).read_text()
            item, _, old = old.rpartition("|")
            at = text.index(old, text.index(f"  - id: {item}\n")) if item else text.index(old)
            assert item or text.count(old) == 1, name
            (copy / file).write_text(text[:at] + new + text[at + len(old) :])
            copies[name] = copy
        if (name, form) not in reports:
            code = main(["rules", "diff", str(RULES), str(copies[name]), "--format", form])
            out = capsys.readouterr().out.replace(str(RULES), "OLD").replace(str(copies[name]), "NEW")
            reports[name, form] = code, out
        return (copies[name], *reports[name, form])

    return read


def _section(out: str, heading: str) -> list[str]:
    """The lines from `heading` to the next blank line."""
    lines = out.splitlines()
    start = lines.index(heading)
    end = lines.index("", start)
    return lines[start:end]


def test_an_edited_first_step_says_which_words_change_and_when(report, capsys) -> None:
    _, code, out = report("first_step", "text", capsys)
    assert code == 0
    assert "none (no answers give a different outcome)" not in out
    assert _section(
        out, "Effect of red flag spinal_cord_compression (Possible pressure on the spinal cord):"
    ) == [
        "Effect of red flag spinal_cord_compression (Possible pressure on the spinal cord):",
        "  - first_step: changes the words people read where this warning sign shows together with",
        "    another emergency warning sign: which first step the emergency gives first, and this sign's",
        "    advice; shown alone, it reads as before; no urgency, warning sign or site changes.",
        "  For example, the result reads differently with this answers file:",
        "    cancer_history: current",
        "    primary_cancer: breast",
        "    known_spread: none",
        "    back_pain: yes",
        "    saddle_numbness: yes",
        "    recent_treatment: no",
    ]


def test_the_first_steps_answers_file_reads_differently_in_the_two_books(report, capsys, tmp_path) -> None:
    """The example is the engine's: `ask --answers` gives the same urgency and other words."""
    copy, _, out = report("first_step", "json", capsys)
    (found,) = json.loads(out)["wording_effects"]
    assert found["field"] == "first_step"
    assert found["change"] == (
        "Changes the words people read where this warning sign shows together with another emergency "
        "warning sign: which first step the emergency gives first, and this sign's advice; shown alone, "
        "it reads as before."
    )
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(found["answers"]))
    results = []
    for folder in (RULES, copy):
        assert main(["ask", "--rules", str(folder), "--answers", str(answers), "--format", "json"]) == 0
        results.append(json.loads(capsys.readouterr().out))
    assert results[0]["urgency"] == results[1]["urgency"] == "emergency"
    assert main(["ask", "--rules", str(RULES), "--answers", str(answers)]) == 0
    was = capsys.readouterr().out
    assert main(["ask", "--rules", str(copy), "--answers", str(answers)]) == 0
    assert capsys.readouterr().out != was


def test_an_edited_first_step_in_markdown(report, capsys) -> None:
    _, _, out = report("first_step", "markdown", capsys)
    at = out.index("## Effect of red flag spinal\\_cord\\_compression")
    assert out[at:].splitlines()[:8] == [
        "## Effect of red flag spinal\\_cord\\_compression (Possible pressure on the spinal cord)",
        "",
        "- first\\_step: changes the words people read where this warning sign shows together with "
        "another emergency warning sign: which first step the emergency gives first, and this sign's "
        "advice; shown alone, it reads as before; no urgency, warning sign or site changes.",
        "",
        "For example, the result reads differently with this answers file:",
        "",
        "```yaml",  # a fenced block, highlighted as YAML
        "cancer_history: current",
    ]
    assert out[at:].splitlines()[12:15] == ["recent_treatment: no", "```", ""]
    assert "None: no answers give a different outcome." not in out


def test_a_site_rules_explanation_says_where_it_is_read(report, capsys) -> None:
    _, code, out = report("why", "text", capsys)
    assert code == 0
    lines = _section(out, "Text changed (what a person reads; wording alone changes no urgency):")
    assert lines[1] == "  - rule bones.bone_pain: why"
    assert lines[4:] == [
        "      Changes the words people read where this rule names the site 'Bones' and the advice is",
        "        neither urgent nor an emergency (read by people who have or had cancer).",
        "      For example, the result reads differently with: {cancer_history: current, primary_cancer:",
        "        breast, known_spread: none, bone_pain: yes, recent_treatment: no}",
    ]
    _, _, page = report("why", "markdown", capsys)
    assert "| Where | Was | Now | What it changes |" in page
    assert (
        "(read by people who have or had cancer). For example, the result reads differently with: "
        "{cancer\\_history: current, primary\\_cancer: breast, known\\_spread: none, bone\\_pain: yes, "
        "recent\\_treatment: no} |" in page
    )


def test_a_grade_says_it_changes_the_order_of_the_signs(report, capsys) -> None:
    _, _, out = report("grade", "text", capsys)
    heading = (
        "Effect of red flag vomiting_on_treatment_severe (Being sick 6 or more times in 24 hours, or "
        "unable to keep fluids down, during treatment):"
    )
    assert _section(out, heading)[1:5] == [
        "  - grade: changes the order in which the warning signs of one urgency are listed where this one",
        "    shows together with another (signs that together need a same-day check first, then each red,",
        "    then those with no grade, then each amber); no urgency, warning sign or site changes.",
        "  For example, the result reads differently with this answers file:",
    ]


def test_sources_put_in_another_order_are_reported(report, capsys) -> None:
    _, code, out = report("sources_reordered", "text", capsys)
    assert code == 0
    assert "  - red flag spinal_cord_compression: sources (shown below)" in out
    assert _section(out, "Sources changed (as a person is shown them):")[1:] == [
        "  - red flag spinal_cord_compression: sources: the same sources, listed to a person in another",
        "    order: NICE-NG234, NICE-QS56, CRUK-MSCC, MAC-MSCC, MC-MSCC (was NICE-NG234, NICE-QS56,",
        "    CRUK-MSCC, MC-MSCC, MAC-MSCC)",
    ]
    _, _, page = report("sources_reordered", "markdown", capsys)
    assert (
        "- red flag spinal\\_cord\\_compression: sources: the same sources, listed to a person in another "
        "order: NICE-NG234, NICE-QS56, CRUK-MSCC, MAC-MSCC, MC-MSCC (was NICE-NG234, NICE-QS56, "
        "CRUK-MSCC, MC-MSCC, MAC-MSCC)"
    ) in page.splitlines()


def test_a_question_under_another_heading_in_the_same_place_is_reported(report, capsys) -> None:
    _, code, out = report("section", "text", capsys)
    assert code == 0
    assert "  - the sections some questions are asked under (shown below)" in out
    assert _section(out, "Questions under another heading (as a person is asked them):")[1:] == [
        "  - Asked under another heading: 'extreme tiredness that rest does not fix' (fatigue); now under",
        "    'Bones and back' (bones), was under 'How you feel in general' (general); at the same place",
        "    in the order",
    ]
    _, _, page = report("section", "markdown", capsys)
    assert "## Questions under another heading (as a person is asked them)" in page
    _, _, data = report("section", "json", capsys)
    assert json.loads(data)["questions_in_other_sections"] == [
        {
            "finding": "fatigue",
            "was_section": "general",
            "now_section": "bones",
            "change": "Asked under another heading: 'extreme tiredness that rest does not fix' (fatigue); now "
            "under 'Bones and back' (bones), was under 'How you feel in general' (general); at the same "
            "place in the order",
        }
    ]


def test_choices_in_another_order_are_said_by_value(report, capsys) -> None:
    _, _, out = report("choices_reordered", "text", capsys)
    assert _section(out, "What was edited:")[1:] == [
        "  - finding limb_weakness (weakness or heaviness in the arms or legs, or difficulty walking):",
        "    choices: the same answers in another order: right_leg, left_leg, arms, walking (was",
        "    left_leg, right_leg, arms, walking)",
    ]
    heading = (
        "Effect of finding limb_weakness (weakness or heaviness in the arms or legs, or difficulty walking):"
    )
    assert _section(out, heading)[1:] == [
        "  - choices: changes the order of the answers offered with this question; no urgency, warning",
        "    sign or site changes.",
    ]


def test_a_choices_words_are_wording_not_a_list_of_every_choice(report, capsys) -> None:
    _, _, out = report("choice_text", "text", capsys)
    assert "{value: breast" not in out
    assert _section(out, "Text changed (what a person reads; wording alone changes no urgency):")[1:] == [
        "  - finding primary_cancer: choice lung",
        "      was: Lung",
        "      now: Lung or airways",
        "      Changes the words of an answer offered with this question, read by everyone asked it and",
        "        wherever that answer is named back (the review of answers).",
    ]


def test_a_new_default_says_what_pressing_enter_now_answers(report, capsys) -> None:
    _, _, out = report("default", "text", capsys)
    heading = "Effect of question cancer_history (Has a doctor ever told you that you have or had cancer?):"
    assert _section(out, heading)[1:] == [
        "  - default: changes the answer pressing Enter gives: now 'I have never been told I have cancer'",
        "    (none), was 'I am not sure, or I would rather not say' (unsure); asked of everyone; no",
        "    urgency, warning sign or site changes.",
    ]


def test_a_signs_sites_say_only_the_explorer_reads_them(report, capsys) -> None:
    _, _, out = report("sites_of_a_sign", "markdown", capsys)
    assert (
        "- sites: changes only which sites the explorer (metasymptoms explore) lists this warning sign "
        "with; a person answering the questions does not read it; no urgency, warning sign or site changes."
    ) in out.splitlines()


def test_a_findings_label_says_where_it_is_named_with_answers_that_name_it(report, capsys) -> None:
    """The example comes from a rule that tests the finding (never from its kind's type)."""
    _, _, out = report("label", "text", capsys)
    assert _section(out, "Text changed (what a person reads; wording alone changes no urgency):")[1:] == [
        "  - finding thirst: label",
        "      was: constant, unusual thirst",
        "      now: great, unusual thirst all the time",
        "      Changes the words people read where this answer is named back to them (the reasons for a",
        "        result, the review of answers, the emergency handover).",
        "      For example, the result reads differently with: {cancer_history: current, primary_cancer:",
        "        breast, known_spread: bones, thirst: yes, recent_treatment: no}",
    ]


def test_a_sign_that_stops_showing_on_the_groups_own_answers_is_not_listed_twice(tmp_path, capsys) -> None:
    """A warning sign that no longer shows on answers among the group's own is said in one
    line: before, its answers followed again in brackets, in another order."""
    copy = tmp_path / "new"
    shutil.copytree(RULES, copy)
    flags = copy / "red_flags.yaml"
    text = flags.read_text()
    assert text.count("vomiting_times: {at_least: 3, below: 6}") == 1
    flags.write_text(
        text.replace("vomiting_times: {at_least: 3, below: 6}", "vomiting_times: {at_least: 4, below: 6}")
    )
    assert main(["rules", "diff", str(RULES), str(copy)]) == 1
    out = capsys.readouterr().out
    heading = (
        "Effect of red flag vomiting_on_treatment (Being sick 3 to 5 times in 24 hours during treatment):"
    )
    assert _section(out, heading)[5:11] == [
        "  1. LOWERED, NOT DECLARED",
        "     - urgency: urgent -> routine",
        "     - the warning sign 'Being sick 3 to 5 times in 24 hours during treatment'",
        "       (vomiting_on_treatment) no longer shows",
        "     With:",
        '       - your history of cancer: "I have never been told I have cancer"',
    ]


def test_a_site_rule_is_named_with_its_site_and_a_why_no_one_reads_is_said(report, capsys) -> None:
    """A broken bone always shows an emergency warning sign, under which a site's explanation
    is left out: the report says no answers were found whose result shows it."""
    _, _, out = report("why_for_everyone", "text", capsys)
    assert "  - site rule bones.fracture (site Bones): why_for_everyone: no -> yes" in out.splitlines()
    assert _section(out, "Effect of site rule bones.fracture (site Bones):")[1:] == [
        "  - why_for_everyone: people with no cancer diagnosis now read this rule's words where it names",
        "    the site 'Bones'; no urgency, warning sign or site changes. No answers were found whose",
        "    result shows it.",
    ]


def test_a_new_sign_is_listed_once_as_added_its_words_below(report, capsys) -> None:
    _, _, out = report("new_sign", "text", capsys)
    assert _section(out, "What was edited:")[1:] == [
        "  - red flag thirst_with_confusion (Great thirst with new confusion): added"
    ]
    assert "  - red flag thirst_with_confusion: title" in out.splitlines()


def test_a_why_read_by_everyone_says_so(report, capsys) -> None:
    """A rule's explanation marked for everyone is read by people with no cancer diagnosis too."""
    _, _, out = report("everyones_why", "text", capsys)
    lines = _section(out, "Text changed (what a person reads; wording alone changes no urgency):")
    assert lines[1] == "  - rule lymph_nodes.likely_infection: why"
    assert lines[4:6] == [
        "      Changes the words people read where this rule names the site 'Lymph nodes' and the advice",
        "        is neither urgent nor an emergency (read by everyone).",
    ]


def test_a_sites_name_says_where_it_is_read_with_answers_that_name_it(report, capsys) -> None:
    _, _, out = report("site_name", "text", capsys)
    lines = _section(out, "Text changed (what a person reads; wording alone changes no urgency):")
    assert lines[1:8] == [
        "  - site liver: name",
        "      was: Liver",
        "      now: The liver",
        "      Changes the words people read where the site 'The liver' is named.",
        "      For example, the result reads differently with: {cancer_history: current, primary_cancer:",
        "        breast, known_spread: none, jaundice: yes, recent_treatment: no}",
        "  - primary breast: common_sites",
    ]


def test_a_primary_cancers_name_says_who_reads_it_with_answers_that_name_it(report, capsys) -> None:
    _, _, out = report("primary_name", "text", capsys)
    lines = _section(out, "Text changed (what a person reads; wording alone changes no urgency):")
    assert lines[1:] == [
        "  - primary breast: name",
        "      was: Breast cancer",
        "      now: Cancer of the breast",
        "      Changes the words people read who answer that their cancer is cancer of the breast.",
        "      For example, the result reads differently with: {cancer_history: current, primary_cancer:",
        "        breast, known_spread: none, recent_treatment: no}",
    ]
