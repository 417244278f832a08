"""What Enter does, as the README says it: at a new yes-or-no question it is "No", so Enter
at a warning sign's question says the person does not have it (the README once called
Enter all the way through "a complete, safe run")."""

from __future__ import annotations

from pathlib import Path

from metasymptoms.answering.interview import ArrowKeyPrompter
from metasymptoms.answering.questionnaire import Questionnaire
from metasymptoms.core.model import RuleBook
from tests.scripted import ScriptedPrompter

ROOT = Path(__file__).resolve().parents[1]


def flat(path: Path) -> str:
    return " ".join(path.read_text(encoding="utf-8").split())


def test_enter_at_a_warning_sign_question_is_no_and_the_readme_says_so(book: RuleBook) -> None:
    questionnaire = Questionnaire(book, ScriptedPrompter(book))
    questionnaire.answers = {"cancer_history": "none", "recent_treatment": False}
    signs = [
        q
        for q in book.questions
        if q.finding in book.warning_sign_findings and q.finding not in questionnaire.answers
    ]
    defaults = {questionnaire.options_for(q)[1] for q in signs if book.finding(q.finding).type == "yes_no"}
    assert defaults == {"no"}
    readme = flat(ROOT / "README.md")
    assert "Enter all the way through is a complete, safe run" not in readme
    assert "So Enter at a warning sign's question says you do not have it" in readme
    assert "Enter at a warning sign's question therefore says you do not have it" in flat(
        ROOT / "docs" / "using.md"
    )
    assert 'Enter alone picks the highlighted answer (at a new yes-or-no question, "No")' in (
        ArrowKeyPrompter(book.guidance.wording).how_to_answer
    )
