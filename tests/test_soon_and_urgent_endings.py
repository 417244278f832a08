"""The prompt ("soon") and urgent endings, read as a worried person reads them: what to do,
said once. Urgent advice is not followed by the everyday "see your provider about any
symptom that is new ... or lasts" (after "today" it reads as softening, and it sent the
person to a provider twice in a row); the first screen of a "soon" result says what to do
within days once, and its last words add the everyday advice."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.answering.assessment_text import render_text
from metasymptoms.answering.result import result
from metasymptoms.core.engine import assess
from metasymptoms.core.model import RuleBook
from tests.helpers import run_main
from tests.test_result_order import CASES

SOON = {"cancer_history": "none", "back_pain": True, "numbness": True}
URGENT_WITHOUT_CANCER = {"cancer_history": "none", "jaundice": True}


def test_soon_says_what_to_do_once_first_and_adds_the_everyday_advice_last(book: RuleBook) -> None:
    text = render_text(book, assess(book, SOON))
    assert text.startswith(
        "metasymptoms: what your answers point to\n"
        "\n"
        "SOON: SEE A HEALTHCARE PROVIDER WITHIN THE NEXT FEW DAYS\n"
        "========================================================\n"
        "Book an appointment within the next few days to have these symptoms checked.\n"
        "\n"
        "See a provider within days: Back pain with numbness or pins and needles\n"
    )
    assert text.endswith(
        "SOON: SEE A HEALTHCARE PROVIDER WITHIN THE NEXT FEW DAYS\n"
        "========================================================\n"
        "Book an appointment within the next few days to have these symptoms checked.\n"
        "Please see your healthcare provider about any symptom that is new, that\n"
        "worries you, or that lasts or gets worse.\n"
    )


def test_urgent_ends_on_its_own_advice(book: RuleBook, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("cancer_history: none\njaundice: yes\n")
    done = run_main("ask", "--answers", str(answers))
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith(
        "Draft rule book, version 0.1: not yet signed off by a clinician.\n"
        "\n"
        "URGENT: GET HELP TODAY\n"
        "======================\n"
        "Contact a healthcare provider today: a doctor, urgent care or a nurse line.\n"
    )
    with_cancer = assess(book, CASES["urgent"])
    assert with_cancer.advice == "Contact your care team, a nurse line or another healthcare provider today."


@pytest.mark.parametrize("case", [*CASES, "soon, no site"])
def test_how_soon_and_the_last_words_send_to_a_provider_once(book: RuleBook, case: str) -> None:
    assessment = assess(book, CASES.get(case, SOON))
    parts = result(book, assessment)
    for block in (parts.first[0], parts.ending):
        said = " ".join(block.paragraphs)
        assert said.count("provider") <= 1, (case, said)
