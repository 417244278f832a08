"""The whole assessment a person is given: who it speaks to, its urgency and advice, the
sources in the order shown, and how the answers are read the safer way."""

from __future__ import annotations

from pathlib import Path

import pytest

from metasymptoms.core.engine import assess
from metasymptoms.core.loader import load
from tests.helpers import TINY, indented, write_book

QUESTIONS_WITH = TINY["questions.yaml"].replace

# --- who the result speaks to: a cancer named, or spread told of, means a history ------------


@pytest.mark.parametrize(
    ("answers", "audience"),
    [
        pytest.param({"primary_cancer": "breast"}, "with_cancer", id="a primary cancer without a history"),
        pytest.param({"known_spread": "bones"}, "with_cancer", id="spread to the bones told of"),
        pytest.param({"known_spread": "elsewhere"}, "with_cancer", id="spread elsewhere told of"),
        pytest.param({"known_spread": "none"}, "unsure", id="no spread told of, history not given"),
        pytest.param({}, "unsure", id="nothing given"),
        pytest.param({"cancer_history": "none"}, "without_cancer", id="never told of cancer"),
        pytest.param({"cancer_history": "past"}, "with_cancer", id="cancer in the past"),
    ],
)
def test_the_audience_reads_a_history_from_a_named_cancer_or_spread(
    book, answers: dict, audience: str
) -> None:
    assert assess(book, answers).audience == audience


# --- the whole assessment a person is given -------------------------------------------------

# The tiny book with a primary cancer, a history that can be past or unsure, an urgent site
# rule, and a source for each part, so the order of the sources shows where each came from.
PERSON = {
    "findings.yaml": TINY["findings.yaml"].replace(
        "      - {value: current, text: Now}\n",
        "      - {value: current, text: Now}\n      - {value: past, text: Before}\n      - {value: unsure, text: Not sure}\n",
    )
    + indented(
        """\
        - id: primary_cancer
          label: the cancer you were told of
          role: primary_cancer
          type: choice
          choices:
            - {value: breast, text: Breast}
            - {value: other, text: Another kind of cancer}
        """,
        "  ",
    ),
    "questions.yaml": QUESTIONS_WITH(
        "        text: Have you been told you have cancer?\n",
        "        text: Have you been told you have cancer?\n      - finding: primary_cancer\n        text: Which cancer?\n",
    ),
    "sources.yaml": TINY["sources.yaml"]
    + "".join(
        f"  - id: SRC-{k}\n    title: {k}\n    publisher: P\n    url: https://example.org/{k}\n"
        for k in "BCD"
    ),
    "guidance.yaml": TINY["guidance.yaml"] + "with_cancer_sources: [SRC-D]\n",
    "primaries.yaml": TINY["primaries.yaml"].replace(
        "sources: [SRC-A]", "sources: [SRC-C]\n    note: Often the bones."
    ),
    "sites/bones.yaml": TINY["sites/bones.yaml"].replace(
        "    sources: [SRC-A]\n", "    urgency: urgent\n    sources: [SRC-B]\n"
    ),
}
BONES_URGENT = [("bones", "bones.back", "urgent", ("cancer_history", "back_pain"))]
UNKNOWN_PRIMARY_NOTE = "Where cancer spreads depends on where it started: your care team can tell you which places matter for you."


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param(
            {"cancer_history": "current", "primary_cancer": "breast", "back_pain": True},
            {
                "urgency": "urgent",
                "flags": [],
                "rules": BONES_URGENT,
                "primary": ("breast", "Breast cancer", ("bones",), "Often the bones."),
                "audience": "with_cancer",
                "advice": "Today.",  # urgent: its own advice, nothing everyday after it
                "sources": ("SRC-B", "SRC-C", "SRC-A", "SRC-D"),
                "unsure": (),
            },
            id="cancer now, a known primary: rule, primary, guidance, care-team sources in that order",
        ),
        pytest.param(
            {"primary_cancer": "other", "back_pain": True},
            {
                "urgency": "urgent",
                "flags": [],
                "rules": BONES_URGENT,
                "primary": ("other", "Another kind of cancer", (), UNKNOWN_PRIMARY_NOTE),
                "audience": "with_cancer",
                "advice": "Today.",  # urgent: its own advice, nothing everyday after it
                "sources": ("SRC-B", "SRC-A", "SRC-D"),
                "unsure": ("cancer_history",),
            },
            id="a primary with no row of common sites implies a history",
        ),
        pytest.param(
            {"cancer_history": "unsure", "back_pain": True},
            {
                "urgency": "urgent",
                "flags": [],
                "rules": BONES_URGENT,
                "primary": None,
                "audience": "unsure",
                "advice": "Contact a doctor, an urgent care service or a nurse line today.",
                "sources": ("SRC-B", "SRC-A"),
                "unsure": ("cancer_history",),
            },
            id="not sure of a history: the safer reading fires the rule, advice needs no care team",
        ),
        pytest.param(
            {"cancer_history": "unsure", "primary_cancer": "breast"},
            {
                "urgency": "routine",
                "flags": [],
                "rules": [],
                "primary": ("breast", "Breast cancer", ("bones",), "Often the bones."),
                "audience": "unsure",
                "advice": "At your next visit. See your healthcare provider.",
                "sources": ("SRC-C", "SRC-A"),
                "unsure": ("cancer_history",),
            },
            id="a primary beside a history answered not sure",
        ),
        pytest.param(
            {"cancer_history": "current", "back_pain": True, "limb_weakness": True, "jaundice": "unsure"},
            {
                "urgency": "emergency",
                "flags": [
                    (
                        "cord",
                        "emergency",
                        "Call your local emergency number now.",
                        ("cancer_history", "back_pain", "limb_weakness"),
                    )
                ],
                "rules": BONES_URGENT,
                "primary": None,
                "audience": "with_cancer",
                "advice": "Call now, to be seen by a healthcare provider at once.",
                # no outlook questions beside emergency advice, so not their sources (SRC-D)
                "sources": ("SRC-A", "SRC-B"),
                "unsure": ("jaundice", "primary_cancer"),  # the primary left out: read "I do not know"
            },
            id="an emergency: its advice alone, its sources first",
        ),
        pytest.param(
            {"jaundice": "unsure"},
            {
                "urgency": "routine",
                "flags": [],
                "rules": [],
                "primary": None,
                "audience": "unsure",
                "advice": "At your next visit. See your healthcare provider.",
                "sources": ("SRC-A",),
                "unsure": ("cancer_history", "jaundice"),
            },
            id="a history not given comes first among the unsure",
        ),
    ],
)
def test_the_whole_assessment(tmp_path: Path, answers: dict, expected: dict) -> None:
    book = load(write_book(tmp_path / "rules", PERSON)).book
    result = assess(book, answers)
    primary = result.primary_cancer
    assert {
        "urgency": result.urgency.value,
        "flags": [(flag.id, flag.urgency.value, flag.advice, flag.because) for flag in result.red_flags],
        "rules": [
            (site.id, rule.id, rule.urgency and rule.urgency.value, rule.because)
            for site in result.sites
            for rule in site.rules
        ],
        "primary": primary and (primary.id, primary.name, primary.common_sites, primary.note),
        "audience": result.audience,
        "advice": result.advice,
        "sources": result.sources,
        "unsure": result.unsure,
    } == expected


# --- how the shipped book reads answers: implied parents and an implied history -------------


# Kinds of treatment left out after "yes" or "not sure" to treatment: "not sure", as Enter gives.
KINDS = dict.fromkeys(["recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line"], "unsure")
OTHER_KINDS = {kind: value for kind, value in KINDS.items() if kind != "recent_chemotherapy"}


@pytest.mark.parametrize(
    ("answers", "read"),
    [
        pytest.param(
            {"cancer_history": "none", "fever": False},
            {"cancer_history": "none", "fever": False},
            id="nothing implied: nothing added",
        ),
        pytest.param(
            {"cancer_history": "none", "recent_chemotherapy": True},
            {"cancer_history": "none", "recent_chemotherapy": True, "recent_treatment": True, **OTHER_KINDS},
            id="a follow-up reported implies its parent, and the other kinds are not sure",
        ),
        pytest.param(
            {"cancer_history": "none", "recent_chemotherapy": "unsure"},
            {
                "cancer_history": "none",
                "recent_chemotherapy": "unsure",
                "recent_treatment": "unsure",
                **OTHER_KINDS,
            },
            id="not sure of a follow-up: not sure of its parent",
        ),
        pytest.param(
            {"cancer_history": "none", "recent_chemotherapy": "unsure", "recent_treatment": True},
            {
                "cancer_history": "none",
                "recent_chemotherapy": "unsure",
                "recent_treatment": True,
                **OTHER_KINDS,
            },
            id="a yes is never weakened by a not-sure follow-up",
        ),
        pytest.param(
            {"cancer_history": "none", "temperature": 38.2, "fever": False},
            {"cancer_history": "none", "temperature": 38.2, "fever": True},
            id="a high temperature is a fever even over a no",
        ),
        pytest.param(
            {"cancer_history": "none", "temperature": 37.0, "fever": False},
            {"cancer_history": "none", "temperature": 37.0, "fever": False},
            id="a normal temperature leaves the fever answer alone",
        ),
        pytest.param(
            {"cancer_history": "unsure", "primary_cancer": "lung"},
            {
                "cancer_history": frozenset({"current", "past"}),
                "primary_cancer": "lung",
                "known_spread": "unsure",
                "recent_treatment": "unsure",
                **KINDS,
            },
            id="a primary cancer beside a not-sure history: there is or was cancer, spread not known",
        ),
        pytest.param(
            {},
            {"cancer_history": "unsure", "primary_cancer": "unknown", "recent_treatment": "unsure", **KINDS},
            id="a history not given reads as not sure, the primary as not known, the treatment and its kinds as not sure",
        ),
        pytest.param(
            {"cancer_history": "past", "recent_treatment": False},
            {
                "cancer_history": "past",
                "primary_cancer": "unknown",
                "known_spread": "unsure",
                "recent_treatment": False,
            },
            id="a primary left out by a person who had cancer: I do not know, as Enter gives; spread: not sure",
        ),
        pytest.param(
            {"cancer_history": "none"},
            {"cancer_history": "none"},
            id="no cancer: no primary is read",
        ),
    ],
)
def test_reading_the_answers_the_safer_way(book, answers: dict, read: dict) -> None:
    from metasymptoms.core.engine import reading

    assert reading(book, answers) == read
