"""Two warning signs with one title ("twins"), one for a person who has or had cancer or is not
sure, one for a person with no cancer diagnosis: the explorer's pages and the rule-book
document say whom each is for, read from its condition on the history of cancer (never from
its id), and every other sign keeps its line as it was. A triage nurse's review found a
symptom's page listing "Getting more breathless than usual (Urgent)" twice, with two advices
and nothing saying which was whose."""

from __future__ import annotations

import shutil
from pathlib import Path

from starlette.testclient import TestClient

from metasymptoms.core.bookfiles import default_rules_dir
from metasymptoms.core.loader import load_book
from metasymptoms.core.model import RuleBook
from metasymptoms.reviewing.graph import to_dot, to_mermaid
from metasymptoms.teaching.explore import cancer_page, site_page, symptom_page
from metasymptoms.web.app import build_app


def section(page: str, heading: str) -> list[str]:
    return page.split(f"{heading}\n{'-' * len(heading)}\n", 1)[1].split("\n\n", 1)[0].split("\n")


def test_a_symptoms_page_says_whom_each_twin_is_for(book: RuleBook) -> None:
    page = symptom_page(book, "shortness_of_breath")
    assert section(page, "Warning signs it is part of") == [
        "  - Severe breathlessness, or chest pain with breathlessness (Emergency)",
        "  - Coughing up a lot of blood, or blood with breathlessness or chest",
        "    pain (Emergency)",
        "  - Getting more breathless than usual, for a person who has or had",
        "    cancer, or is not sure (Urgent)",
        "  - Getting more breathless than usual, for a person with no cancer",
        "    diagnosis (Urgent)",
        "  - A new symptom to tell a care team or doctor about (Soon)",
        "  - Symptoms that last or keep getting worse (Soon)",
        "  - Black or dark red stools with dizziness, breathlessness or chest",
        "    pain (Emergency)",
        "  - A swollen leg with breathlessness or chest pain (Emergency)",
    ]
    # Each twin's words with its own advice, read as one line (unwrapped).
    entries = "\n".join(section(page, "When to see a provider")).split("\n  - ")
    assert [" ".join(entry.split()) for entry in entries if entry.startswith("Getting more breathless")] == [
        "Getting more breathless than usual, for a person who has or had cancer, or is not sure (Urgent): "
        + book.red_flag("breathlessness_worsening").advice,
        "Getting more breathless than usual, for a person with no cancer diagnosis (Urgent): "
        + book.red_flag("breathlessness_worsening_no_cancer_diagnosis").advice,
    ]


def test_a_sign_without_a_twin_keeps_its_line_though_its_condition_can_be_read(book: RuleBook) -> None:
    # thirst_and_urine_no_cancer_diagnosis is for a person with no cancer diagnosis, with a
    # title of its own: nothing to tell apart.
    assert section(symptom_page(book, "thirst"), "Warning signs it is part of") == [
        "  - Possible high calcium in the blood (Urgent)",
        "  - Constant thirst with passing urine more often (Soon)",
        "  - A new symptom to tell a care team or doctor about (Soon)",
        "  - Symptoms that last or keep getting worse (Soon)",
    ]


def test_a_cancers_page_lists_no_sign_only_a_person_with_no_diagnosis_is_shown(book: RuleBook) -> None:
    # It listed "Swelling of the face or neck with breathing trouble" twice: the twin of a
    # person with no cancer diagnosis has the same title, and is never shown with lung cancer.
    signs = section(cancer_page(book, "lung"), "Emergency signs")
    assert signs.count("  - Swelling of the face or neck with breathing trouble") == 1
    assert len(signs) == len(set(signs))


def test_the_served_rule_book_says_whom_each_twin_is_for(book: RuleBook) -> None:
    with TestClient(build_app(book, allowed_hosts=["testserver"])) as client:
        page = client.get("/rules").text
    assert (
        '<h3 id="red-flag-jaundice">Yellowing of the skin or eyes (jaundice), for a person who has or '
        "had cancer, or is not sure (urgent)</h3>"
    ) in page
    assert (
        '<h3 id="red-flag-jaundice_no_cancer_diagnosis">Yellowing of the skin or eyes (jaundice), for a '
        "person with no cancer diagnosis (urgent)</h3>"
    ) in page
    assert (
        '<li><a href="#red-flag-jaundice_no_cancer_diagnosis">Yellowing of the skin or eyes (jaundice), '
        "for a person with no cancer diagnosis (urgent)</a></li>"
    ) in page
    assert (
        '<h3 id="red-flag-spinal_cord_compression">Possible pressure on the spinal cord (emergency)</h3>'
        in page
    )


def test_the_graph_of_the_rule_book_says_whom_each_twin_is_for(book: RuleBook) -> None:
    # Two nodes of the lungs' cluster, each with its own findings, read the same.
    nodes = [
        line
        for line in to_mermaid(book, "lungs").splitlines()
        if "_r_breathlessness_worsening" in line and "{{" in line
    ]
    assert nodes == [
        '    site_lungs_r_breathlessness_worsening{{"Getting more breathless than usual, for a person who '
        'has or had cancer, or is not sure (urgent)"}}',
        '    site_lungs_r_breathlessness_worsening_no_cancer_diagnosis{{"Getting more breathless than '
        'usual, for a person with no cancer diagnosis (urgent)"}}',
    ]
    assert (
        '"red_flag_jaundice_no_cancer_diagnosis.r.jaundice_no_cancer_diagnosis" [label="Yellowing of the '
        'skin or eyes (jaundice), for a person with no cancer diagnosis (urgent)"'
    ) in to_dot(book, "jaundice_no_cancer_diagnosis")


def _edited_book(tmp_path: Path, *edits: tuple[str, str]) -> RuleBook:
    folder = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), folder, ignore=shutil.ignore_patterns("scenarios"))
    flags = (folder / "red_flags.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert flags.count(old) == 1, old
        flags = flags.replace(old, new)
    (folder / "red_flags.yaml").write_text(flags, encoding="utf-8")
    return load_book(folder)


TITLE = "    title: Yellowing of the skin or eyes (jaundice)\n    when:\n      all:\n"
JAUNDICE = (
    TITLE + "        - not: {cancer_history: [none]}  # with no cancer diagnosis: the sign after this one\n"
)
WITH_CANCER = "  - Yellowing of the skin or eyes (jaundice), for a person who has or\n    had cancer, or is not sure (Urgent)"
NO_DIAGNOSIS = (
    "  - Yellowing of the skin or eyes (jaundice), for a person with no\n    cancer diagnosis (Urgent)"
)
NOT_SAID = "  - Yellowing of the skin or eyes (jaundice) (Urgent)"


def test_whom_a_twin_is_for_is_read_from_its_condition_not_its_id(tmp_path: Path) -> None:
    book = _edited_book(
        tmp_path,
        ("  - id: jaundice_no_cancer_diagnosis\n", "  - id: yellow_skin_without_a_diagnosis\n"),
        (JAUNDICE, TITLE + "        - cancer_history: [current, past, unsure]\n"),
    )
    page = site_page(book, "liver")
    assert WITH_CANCER in page and NO_DIAGNOSIS in page


def test_a_twin_whose_reading_is_neither_of_the_two_says_nothing_of_whom(tmp_path: Path) -> None:
    # Shown with "current", and with "not sure" (it may hold), never with "past": not the
    # words of either twin, so its line is left as it was, and its twin still says its own.
    book = _edited_book(tmp_path, (JAUNDICE, TITLE + "        - cancer_history: [current]\n"))
    page = site_page(book, "liver")
    assert f"{NOT_SAID}\n{NO_DIAGNOSIS}\n" in page and WITH_CANCER not in page
