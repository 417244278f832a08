"""`rules diff` tells a nurse what an edit changed that no outcome shows: questions asked in
another order (a warning sign asked later delays its emergency advice), the sources a person
is shown, and every other text a person reads (the guidance's, emergency numbers included;
a section's; where a primary cancer commonly spreads). Each test edits a copy of the shipped rule book as a reviewer would and reads
the exact lines of the report, in text, markdown and JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from metasymptoms.cli import main
from metasymptoms.core.bookfiles import default_rules_dir

RULES = default_rules_dir()
SEVERE = "      - finding: back_pain_severe_progressive\n"
SEVERE_QUESTION = (
    SEVERE + "        text: Is the pain severe and not easing, or does it keep getting worse?\n"
    "        ask_if: back_pain\n"
)
BACK_PAIN = "      - finding: back_pain\n        text: Do you have new pain in your back or neck?\n"


def ask_severe_pain_after_back_pain(folder: Path) -> None:
    """The question whether the back pain is severe moved up, to straight after back pain."""
    questions = folder / "questions.yaml"
    text = questions.read_text()
    assert text.count(SEVERE_QUESTION) == 1 and text.count(BACK_PAIN) == 1
    questions.write_text(text.replace(SEVERE_QUESTION, "").replace(BACK_PAIN, BACK_PAIN + SEVERE_QUESTION))


def swap_survival_source_and_retitle_one(folder: Path) -> None:
    """The survival note cites another page, one source's title and address change, and a
    warning sign cites one more source."""
    guidance = folder / "guidance.yaml"
    text = guidance.read_text()
    assert text.count("with_cancer_sources: [ASCO-STATS, MAYO-SURV]") == 1
    guidance.write_text(text.replace("[ASCO-STATS, MAYO-SURV]", "[ACS-SX, MAYO-SURV]"))
    sources = folder / "sources.yaml"
    text = sources.read_text()
    old_title = 'title: "Could This Be Cancer? and Cancer Symptoms You Shouldn\'t Ignore"'
    old_url = "url: https://www.cancer.org/cancer/latest-news/could-this-be-cancer.html"
    assert text.count(old_title) == 1 and text.count(old_url) == 1
    text = text.replace(old_title, "title: Could This Be Cancer?")
    sources.write_text(text.replace(old_url, "url: https://www.cancer.org/could-this-be-cancer.html"))
    flags = folder / "red_flags.yaml"
    text = flags.read_text()
    cited = "    sources: [NICE-NG234, NICE-QS56, CRUK-MSCC, MC-MSCC, MAC-MSCC]\n"
    assert text.count(cited) == 1
    flags.write_text(text.replace(cited, cited.replace("MAC-MSCC]", "MAC-MSCC, ACS-SX]")))


def diff_of(tmp_path: Path, edit: Callable[[Path], None], form: str, capsys) -> str:
    copy = tmp_path / "new"
    shutil.copytree(RULES, copy)
    edit(copy)
    assert main(["rules", "diff", str(RULES), str(copy), "--format", form]) == 0
    return capsys.readouterr().out.replace(str(RULES), "OLD").replace(str(copy), "NEW")


MOVED = (
    "Asked earlier: 'back or neck pain that is severe and does not ease, or keeps getting worse' "
    "(back_pain_severe_progressive); now straight after 'new back or neck pain' (back_pain), was "
    "straight after 'back or neck pain with warning features' (back_pain_red_features)"
)


def test_a_question_asked_earlier_is_reported_with_what_it_now_follows(tmp_path: Path, capsys) -> None:
    text = diff_of(tmp_path, ask_severe_pain_after_back_pain, "text", capsys)
    assert text == (
        "What changed for a person, from OLD to NEW:\n"
        "  both books: Draft rule book, version 0.1: not yet signed off by a clinician.\n\n"
        "What was edited:\n"
        "  - the order of the questions (shown below)\n\n"
        "No answers give a different urgency, red flag or site.\n\n"
        "Order of the questions changed (as a person is asked them):\n"
        "  - Asked earlier: 'back or neck pain that is severe and does not ease, or keeps getting worse'\n"
        "    (back_pain_severe_progressive); now straight after 'new back or neck pain' (back_pain), was\n"
        "    straight after 'back or neck pain with warning features' (back_pain_red_features)\n\n"
        "No urgency is lowered without a declared reason.\n"
    )
    markdown = diff_of(tmp_path / "md", ask_severe_pain_after_back_pain, "markdown", capsys)
    assert "## Order of the questions changed (as a person is asked them)\n\n- Asked earlier: " in markdown
    assert "- the order of the questions (shown below)\n" in markdown
    data = json.loads(diff_of(tmp_path / "json", ask_severe_pain_after_back_pain, "json", capsys))
    assert data["moved_questions"] == [
        {
            "findings": ["back_pain_severe_progressive"],
            "earlier": True,
            "now_after": "back_pain",
            "was_after": "back_pain_red_features",
            "change": MOVED,
        }
    ]
    assert data["source_changes"] == [] and data["text_changes"] == [] and data["edited"] == []


SOURCE_LINES = [
    'red flag spinal_cord_compression: sources: added ACS-SX (American Cancer Society, "Could This Be'
    ' Cancer?")',
    "guidance: the sources shown with the survival note (with_cancer_sources): swapped ASCO-STATS"
    ' (Cancer.Net (ASCO), "Understanding Statistics Used to Guide Prognosis and Evaluate Treatment")'
    ' for ACS-SX (American Cancer Society, "Could This Be Cancer?")',
    "source ACS-SX: title: Could This Be Cancer? and Cancer Symptoms You Shouldn't Ignore -> Could This"
    " Be Cancer?",
    "source ACS-SX: url: https://www.cancer.org/cancer/latest-news/could-this-be-cancer.html ->"
    " https://www.cancer.org/could-this-be-cancer.html",
]


def test_a_source_swapped_added_or_retitled_is_reported(tmp_path: Path, capsys) -> None:
    text = diff_of(tmp_path, swap_survival_source_and_retitle_one, "text", capsys)
    edited, _, rest = text.partition("What was edited:\n")[2].partition("\n\n")
    assert edited.splitlines() == [
        "  - red flag spinal_cord_compression: sources (shown below)",
        "  - guidance: with_cancer_sources (shown below)",
        "  - source ACS-SX (shown below)",
    ]
    assert rest.endswith(
        "Sources changed (as a person is shown them):\n"
        '  - red flag spinal_cord_compression: sources: added ACS-SX (American Cancer Society, "Could\n'
        '    This Be Cancer?")\n'
        "  - guidance: the sources shown with the survival note (with_cancer_sources): swapped ASCO-STATS\n"
        '    (Cancer.Net (ASCO), "Understanding Statistics Used to Guide Prognosis and Evaluate\n'
        '    Treatment") for ACS-SX (American Cancer Society, "Could This Be Cancer?")\n'
        "  - source ACS-SX: title: Could This Be Cancer? and Cancer Symptoms You Shouldn't Ignore ->\n"
        "    Could This Be Cancer?\n"
        "  - source ACS-SX: url: https://www.cancer.org/cancer/latest-news/could-this-be-cancer.html ->\n"
        "    https://www.cancer.org/could-this-be-cancer.html\n\n"
        "No urgency is lowered without a declared reason.\n"
    )
    data = json.loads(diff_of(tmp_path / "json", swap_survival_source_and_retitle_one, "json", capsys))
    assert [change["change"] for change in data["source_changes"]] == SOURCE_LINES
    assert data["source_changes"][1] == {
        "kind": "guidance",
        "id": "",
        "field": "with_cancer_sources",
        "old": ["ASCO-STATS", "MAYO-SURV"],
        "new": ["ACS-SX", "MAYO-SURV"],
        "change": SOURCE_LINES[1],
    }
    markdown = diff_of(tmp_path / "md", swap_survival_source_and_retitle_one, "markdown", capsys)
    assert (
        "## Sources changed (as a person is shown them)\n\n- red flag spinal\\_cord\\_compression" in markdown
    )


@pytest.mark.parametrize("form", ["text", "json"])
def test_a_source_removed_and_added_is_shown_as_a_person_reads_it(tmp_path: Path, capsys, form: str) -> None:
    def rename_a_source(folder: Path) -> None:
        for name in ("sources.yaml", "guidance.yaml"):
            path = folder / name
            path.write_text(path.read_text().replace("ASCO-STATS", "ASCO-STATISTICS"))

    out = diff_of(tmp_path, rename_a_source, form, capsys)
    removed = (
        'source ASCO-STATS: removed: Cancer.Net (ASCO), "Understanding Statistics Used to Guide Prognosis'
        ' and Evaluate Treatment", https://www.cancer.net/navigating-cancer-care/cancer-basics/'
        "understanding-statistics-used-guide-prognosis-and-evaluate-treatment"
    )
    if form == "json":
        changes = json.loads(out)["source_changes"]
        assert [change["change"] for change in changes][1] == removed
        assert changes[1]["old"] == removed.partition("removed: ")[2] and changes[1]["new"] is None
    else:  # the web address whole on its own line, to copy
        assert (
            '  - source ASCO-STATS: removed: Cancer.Net (ASCO), "Understanding Statistics Used to Guide\n'
            '    Prognosis and Evaluate Treatment",\n'
            "    https://www.cancer.net/navigating-cancer-care/cancer-basics/understanding-statistics-used-guide-prognosis-and-evaluate-treatment\n"
        ) in out


def edit_texts_beyond_the_rules(folder: Path) -> None:
    """An emergency number, the survival note, a sentence around the result, a section's
    title and the sites a primary cancer commonly spreads to."""
    guidance = folder / "guidance.yaml"
    text = guidance.read_text()
    edits = [
        ('{country: GB, number: "999"', '{country: GB, number: "998"'),
        ("and they lag behind newer treatments.", "and they lag behind."),
    ]
    for old, new in edits:
        assert text.count(old) == 1
        text = text.replace(old, new)
    guidance.write_text(text)
    questions = folder / "questions.yaml"
    assert questions.read_text().count("    title: About you\n") == 1
    questions.write_text(
        questions.read_text().replace("    title: About you\n", "    title: About yourself\n")
    )
    primaries = folder / "primaries.yaml"
    text = primaries.read_text()
    assert text.count("    common_sites: [bones, brain, liver, lungs]\n") == 1
    primaries.write_text(text.replace("[bones, brain, liver, lungs]\n", "[bones, brain, liver]\n", 1))


def test_every_text_a_person_reads_is_compared(tmp_path: Path, capsys) -> None:
    data = json.loads(diff_of(tmp_path, edit_texts_beyond_the_rules, "json", capsys))
    changes = {change["where"]: (change["old"], change["new"]) for change in data["text_changes"]}
    survival = (
        "This tool does not show survival figures. They describe large groups of people, not you, and"
        " they lag behind{} If you want to talk about them, your care team can explain what they mean"
        " for you."
    )
    assert changes == {
        "section about_you: title": ("About you", "About yourself"),
        "primary breast: common_sites": ("Bones, Brain, Liver, Lungs", "Bones, Brain, Liver"),
        "guidance: survival_note": (survival.format(" newer treatments."), survival.format(".")),
        "guidance: emergency_numbers.countries[GB].number": ("999", "998"),
    }
    assert data["edited"] == [] and data["statements"] == []
    text = diff_of(tmp_path / "text", edit_texts_beyond_the_rules, "text", capsys)
    assert text.partition("What was edited:\n")[2].partition("\n\n")[0].splitlines() == [
        "  - section about_you: title (wording, shown below)",
        "  - primary breast: common_sites (wording, shown below)",
        "  - guidance (wording, shown below)",
    ]
    assert "  - guidance: emergency_numbers.countries[GB].number\n      was: 999\n      now: 998\n" in text


def reorder_breast_cancers_sources(folder: Path) -> None:
    primaries = folder / "primaries.yaml"
    text = primaries.read_text()
    cited = "    sources: [NCI-META, CRUK-MSCC]\n"
    at = text.index(cited, text.index("  - id: breast\n"))
    primaries.write_text(text[:at] + "    sources: [CRUK-MSCC, NCI-META]\n" + text[at + len(cited) :])


def test_a_primary_cancers_sources_in_another_order_are_reported(tmp_path: Path, capsys) -> None:
    """The page about a primary cancer lists its sources in their order."""
    data = json.loads(diff_of(tmp_path, reorder_breast_cancers_sources, "json", capsys))
    assert data["source_changes"] == [
        {
            "kind": "primary",
            "id": "breast",
            "field": "sources",
            "old": ["NCI-META", "CRUK-MSCC"],
            "new": ["CRUK-MSCC", "NCI-META"],
            "change": "primary breast: sources: the same sources, listed to a person in another order: "
            "CRUK-MSCC, NCI-META (was NCI-META, CRUK-MSCC)",
        }
    ]
