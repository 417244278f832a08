"""The shipped rule book: clean, complete against docs/contract.md and docs/clinical-basis.md,
safely worded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from metasymptoms.core.conditions import findings_in
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.model import RuleBook, Urgency
from tests.conftest import CHECK_DAY
from tests.helpers import TINY, problems_of, write_book

# The findings the contract names, and the values of its choice findings, as docs/contract.md
# lists them: the rule book and the document a script's author reads cannot drift apart.
CONTRACT = (Path(__file__).resolve().parents[1] / "docs" / "contract.md").read_text(encoding="utf-8")
_LISTED = CONTRACT.split("\n## Findings\n", 1)[1].split("\n## ", 1)[0]
CONTRACT_FINDINGS = re.findall(r"^- `([a-z_]+)`", _LISTED, re.M)
CONTRACT_CHOICES = {
    finding: re.findall(r"`([a-z_]+)`", values)
    for finding, values in re.findall(r"^- `([a-z_]+)`: one of (.*)$", _LISTED, re.M)
}
CONTRACT_SEVERAL = {  # "which of these": each value listed first in backticks, its words after
    finding: re.findall(r"`([a-z_]+)`", values)
    for finding, values in re.findall(r"^- `([a-z_]+)`: which of these: (.*)$", _LISTED, re.M)
}

PRIMARY_SITES = {  # docs/clinical-basis.md: where each cancer commonly spreads
    "breast": {"bones", "brain", "liver", "lungs"},
    "colorectal": {"liver", "lungs", "peritoneum"},
    "lung": {"adrenal_glands", "bones", "brain", "liver", "lungs"},
    "ovarian": {"liver", "lungs", "peritoneum"},
    "pancreatic": {"liver", "lungs", "peritoneum"},
    "prostate": {"adrenal_glands", "bones", "liver", "lungs"},
    "stomach": {"liver", "lungs", "peritoneum"},
    "uterine": {"bones", "liver", "lungs", "peritoneum"},
    "kidney": {"adrenal_glands", "bones", "brain", "liver", "lungs"},
    "thyroid": {"bones", "liver", "lungs"},
    "bladder": {"bones", "liver", "lungs"},
}


def test_loads_without_problems_or_warnings(shipped: LoadedBook) -> None:
    assert shipped.warnings == []


def test_every_contract_finding_exists_with_its_choices(book: RuleBook) -> None:
    assert len(CONTRACT_FINDINGS) == 53 and set(CONTRACT_CHOICES) == {"cancer_history", "primary_cancer"}
    ids = {finding.id for finding in book.findings}
    assert [finding for finding in CONTRACT_FINDINGS if finding not in ids] == []
    for finding_id, choices in (CONTRACT_CHOICES | CONTRACT_SEVERAL).items():
        assert [choice.value for choice in book.finding(finding_id).choices] == choices
    assert set(CONTRACT_SEVERAL) == {"back_pain_red_features", "limb_weakness"}


def test_every_finding_is_asked_once(book: RuleBook) -> None:
    asked = [question.finding for question in book.questions]
    assert sorted(asked) == sorted(finding.id for finding in book.findings)


def test_seven_sites_each_with_rules(book: RuleBook) -> None:
    assert sorted(site.id for site in book.sites) == [
        "adrenal_glands",
        "bones",
        "brain",
        "liver",
        "lungs",
        "lymph_nodes",
        "peritoneum",
    ]
    assert all(site.rules for site in book.sites)


def test_fourteen_primaries_with_their_sites(book: RuleBook) -> None:
    assert len(book.primaries) == 14
    for primary_id, sites in PRIMARY_SITES.items():
        assert set(book.primary(primary_id).common_sites) == sites
    assert {"adrenal_glands", "bones", "brain", "liver", "lungs"} <= set(
        book.primary("melanoma").common_sites
    )
    assert {"liver", "lungs", "bones", "brain"} <= set(book.primary("esophageal").common_sites)


def test_common_sites_are_unranked_alphabetical(book: RuleBook) -> None:
    for primary in book.primaries:
        assert list(primary.common_sites) == sorted(primary.common_sites), primary.id


_BONES, _FLAGS = TINY["sites/bones.yaml"], TINY["red_flags.yaml"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (
            {"sites/bones.yaml": _BONES.replace("    sources: [SRC-A]\n    checked", "    checked")},
            "rules/sites/bones.yaml:7:5: [error] 'sources' is missing here; add it (schema)",
        ),
        (
            {"red_flags.yaml": _FLAGS.replace("sources: [SRC-A]", "sources: []")},
            "rules/red_flags.yaml:11:14: [error] 'sources' must not be empty (schema)",
        ),
        (
            {"sites/bones.yaml": _BONES.replace("    checked: {by: author, date: 2026-01-01}\n", "")},
            "rules/sites/bones.yaml:7:5: [error] 'checked' is missing here; add it (schema)",
        ),
        (
            {"red_flags.yaml": _FLAGS.replace("{by: author, date: 2026-01-01}", "{date: 2026-01-01}")},
            "rules/red_flags.yaml:12:14: [error] 'by' is missing here; add it (schema)",
        ),
    ],
    ids=["rule without sources", "red flag with no sources", "rule without a check", "check without who"],
)
def test_every_rule_and_red_flag_cites_a_source_and_a_check_against_them(
    tmp_path, change: dict[str, str], problem: str
) -> None:
    """The shipped book loads, so this holds for it: a rule or red flag without its sources or
    the record of its check is refused, at its place. (Asserting it over the loaded book could
    not fail: a loaded book has passed these checks.)"""
    assert problems_of(write_book(tmp_path / "rules", change)) == [problem]


def test_the_shipped_book_is_a_draft_until_a_clinician_signs_it_off(book: RuleBook) -> None:
    # Nobody has signed this rule book off: it must say so, and no sign-off may be invented.
    from metasymptoms.core.status import status_line

    assert book.info is not None and book.info.status == "draft" and book.info.sign_offs == ()
    assert status_line(book) == "Draft rule book, version 0.1: not yet signed off by a clinician."


@pytest.mark.parametrize(
    ("flag_id", "urgency"),
    [
        ("spinal_cord_compression", "emergency"),
        ("spinal_pain_warning", "urgent"),
        ("cauda_equina", "emergency"),
        ("seizure", "emergency"),
        ("sudden_severe_headache", "emergency"),
        ("stroke_like_signs", "emergency"),
        ("sudden_confusion", "emergency"),
        ("severe_breathlessness", "emergency"),
        ("coughing_blood_heavy", "emergency"),
        ("coughing_blood_streaks", "urgent"),
        ("breathlessness_worsening", "urgent"),
        ("high_calcium", "urgent"),
        ("jaundice", "urgent"),
        ("jaundice_with_fever", "emergency"),
        ("fever_on_chemotherapy", "emergency"),
        ("superior_vena_cava", "urgent"),
        ("superior_vena_cava_severe", "emergency"),
        ("bowel_obstruction", "emergency"),
        ("possible_fracture", "emergency"),
        ("airway_swallowing", "emergency"),
        ("persistent_bloating", "prompt"),
        ("lump_to_check", "prompt"),
        ("new_symptom_with_cancer", "prompt"),
    ],
)
def test_every_row_of_facts_section_3_is_a_red_flag(book: RuleBook, flag_id: str, urgency: str) -> None:
    flag = next(flag for flag in book.red_flags if flag.id == flag_id)
    assert flag.urgency is Urgency(urgency)


def test_emergency_advice_names_the_emergency_number(book: RuleBook) -> None:
    for flag in book.red_flags:
        if flag.urgency is Urgency.EMERGENCY:
            assert "911 / 999 / 112" in flag.advice, flag.id
    assert "911 / 999 / 112" in book.guidance.advice.emergency


def test_no_diagnostic_wording_anywhere_a_person_reads(shipped: LoadedBook) -> None:
    """The product's own diagnostic-wording check (the one `rules check` runs), not a copy."""
    from metasymptoms.reviewing.checks import diagnostic_wording

    assert list(diagnostic_wording.check(shipped, CHECK_DAY)) == []


def test_chest_pain_is_asked_among_the_signs_that_need_help_now(book: RuleBook) -> None:
    """A new user's trial met chest pain as the 48th question, under "Chest and breathing",
    though chest pain with its red features is an emergency: it is asked in the first section
    of signs, with its follow-up right after it."""
    first_signs = next(section for section in book.sections if section.id == "emergency_now")
    assert book.sections[1] is first_signs  # right after "About you"
    asked = [question.finding for question in first_signs.questions]
    at = asked.index("chest_pain")
    assert asked[at + 1] == "chest_pain_red_features"
    assert at < asked.index("coughing_blood_large")


def test_follow_up_questions_come_after_back_pain(book: RuleBook) -> None:
    order = [question.finding for question in book.questions]
    questions = {question.finding: question for question in book.questions}
    for follow_up in (
        "back_pain_red_features",
        "back_pain_band",
        "numbness",
        "limb_weakness",
    ):
        assert order.index(follow_up) > order.index("back_pain")
        assert "back_pain" in findings_in(questions[follow_up].ask_if)
    # Numbness around the back passage or genitals, and bladder or bowel changes, are an
    # emergency for everyone, even alone (fact 22 in docs/clinical-basis.md): everyone is asked.
    assert questions["saddle_numbness"].ask_if is None
    assert questions["bladder_bowel_change"].ask_if is None
    # Without a cancer history they are asked only after back pain; with one (or unsure),
    # the nerve signs are asked anyway, because they are an emergency on their own.
    from metasymptoms.core.conditions import holds

    for follow_up in ("limb_weakness", "numbness"):
        condition = questions[follow_up].ask_if
        assert not holds(condition, {"cancer_history": "none"})
        assert holds(condition, {"cancer_history": "none", "back_pain": True})
        assert holds(condition, {"cancer_history": "past"})


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("You have cancer in your bones.", True),
        ("you most likely have metastases", True),
        ("There is a 30% chance this is spread.", True),
        ("Has a doctor ever told you that you have or had cancer?", False),
        ("Have you ever been told you have cancer?", False),
        ("If you have cancer, call your team's 24-hour line.", False),
    ],
)
def test_the_wording_check_itself(tmp_path, text: str, caught: bool) -> None:
    from metasymptoms.core.loader import load
    from metasymptoms.reviewing.checks import run_checks

    why = "why: The spine is the most common bone site."
    bones = TINY["sites/bones.yaml"].replace(why, f"why: {text}")
    loaded = load(write_book(tmp_path / "rules", {"sites/bones.yaml": bones}))
    found = [problem.check for problem in run_checks(loaded, CHECK_DAY)]
    assert ("diagnostic-wording" in found) is caught, found


def test_the_lump_question_its_finding_and_its_sign_agree_on_about_a_week(book: RuleBook) -> None:
    # Triage-nurse review (session 28), 3: the sign's explanation uses the NHS's shorter time
    # (NHS-GLANDS: about a week); the question asked, and the finding it records, said 2 to 3
    # weeks, so a lump of ten days was answered "no" and read as not lasting.
    question = book.question("node_persistent")
    assert question is not None
    assert question.text == "Has the lump been there for about a week or more without going down?"
    assert book.finding("node_persistent").label == "a lump that has not gone down after about a week"
    flag = next(flag for flag in book.red_flags if flag.id == "lump_to_check")
    assert "The question asks about the shorter time" in " ".join((flag.explain or "").split())


def test_every_source_cites_a_page_not_a_publishers_home_page(book: RuleBook) -> None:
    # A home page backs no fact: a reader cannot find the fact from it.
    from urllib.parse import urlparse

    home_pages = [source.id for source in book.sources if urlparse(source.url).path in ("", "/")]
    assert home_pages == []
