"""The assessment as JSON, exactly in the shape of CONTRACT.md (schema metasymptoms.assessment/1)."""

from __future__ import annotations

import json
from typing import Any

from metasymptoms.engine import Assessment
from metasymptoms.model import RuleBook
from metasymptoms.status import status_data

SCHEMA = "metasymptoms.assessment/1"


def assessment_data(book: RuleBook, assessment: Assessment) -> dict[str, Any]:
    primary = assessment.primary_cancer
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
        "rule_book": status_data(book),
    }


def render_json(book: RuleBook, assessment: Assessment) -> str:
    return json.dumps(assessment_data(book, assessment), indent=2, ensure_ascii=False) + "\n"
