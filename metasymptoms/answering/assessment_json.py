"""The assessment as JSON, exactly in the shape of docs/contract.md (schema metasymptoms.assessment/1).

Keys are only ever added beside the contract's, never renamed: `made_at`, `rule_book`,
`asked` and `not_asked` carry the clinician's part of a saved summary.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from metasymptoms.answering.result import ending_block
from metasymptoms.answering.summary import clinician_summary
from metasymptoms.core.engine import Assessment
from metasymptoms.core.model import RuleBook
from metasymptoms.core.status import status_data

SCHEMA = "metasymptoms.assessment/1"


def assessment_data(
    book: RuleBook, assessment: Assessment, made: datetime.datetime | None = None
) -> dict[str, Any]:
    primary = assessment.primary_cancer
    summary = clinician_summary(book, assessment, made)
    return {
        "schema": SCHEMA,
        "urgency": assessment.urgency.value,
        "red_flags": [
            {
                "id": flag.id,
                "title": flag.title,
                "urgency": flag.urgency.value,
                "advice": flag.advice,
                "because": list(flag.because),
            }
            for flag in assessment.red_flags
        ],
        "sites": [
            {
                "id": site.id,
                "name": site.name,
                "rules": [rule.id for rule in site.rules],
                "because": list(site.because),
            }
            for site in assessment.sites
        ],
        "primary_cancer": (
            {"id": primary.id, "common_sites": list(primary.common_sites)} if primary else None
        ),
        "advice": assessment.advice,
        "not_a_diagnosis": book.guidance.not_a_diagnosis,
        "sources": [{"id": key, "title": book.source(key).title} for key in assessment.sources],
        "made_at": summary.made.isoformat(),
        "rule_book": status_data(book),
        "asked": [
            {
                "finding": item.finding,
                "question": item.question,
                "answer": item.answer,
                "answer_text": item.answer_text,
            }
            for item in summary.asked
        ],
        "not_asked": [
            {"finding": item.finding, "question": item.question, "did_not_apply": item.did_not_apply}
            for item in summary.not_asked
        ],
        # Last, as in every format: the emergency signs, then how soon and what to do.
        **_ending_data(book, assessment),
    }


def _ending_data(book: RuleBook, assessment: Assessment) -> dict[str, Any]:
    """The emergency signs every ending lists, and the ending: how soon, what to do, and
    first, where that is so, that no symptom at all was reported (else null)."""
    ending = ending_block(book, assessment)
    return {
        "emergency_signs": {
            "heading": book.guidance.wording.emergency.signs_heading,
            "signs": list(book.guidance.emergency_signs),
        },
        "ending": {
            "heading": ending.heading,
            "what_to_do": ending.paragraphs[-1],
            "about_your_answers": " ".join(ending.paragraphs[:-1]) or None,
        },
    }


def render_json(book: RuleBook, assessment: Assessment, made: datetime.datetime | None = None) -> str:
    return json.dumps(assessment_data(book, assessment, made), indent=2, ensure_ascii=False) + "\n"
