"""The result page's parts, from the same three parts every format lays out
(answering/result.py): what to do first (the urgency as a care card, each warning sign's advice
open under it), the rest as sections the person can open, and the ending as a care card again.
"""

from __future__ import annotations

from typing import Any

from metasymptoms.answering.assessment_html import cited_sources
from metasymptoms.answering.result import Block, result
from metasymptoms.core.engine import Assessment
from metasymptoms.core.model import RuleBook, Urgency

# How each urgency's card is drawn (the NHS service manual's care cards, without its branding).
CARD_STYLE = {
    Urgency.EMERGENCY: "emergency",
    Urgency.URGENT: "urgent",
    Urgency.PROMPT: "soon",
    Urgency.ROUTINE: "routine",
}


def _block(block: Block) -> dict[str, Any]:
    return {
        "heading": block.heading,
        "paragraphs": [paragraph for paragraph in block.paragraphs if paragraph],
        "items": list(block.items),
        "level": block.level,
        "emergency": block.role == "emergency",
    }


def view(book: RuleBook, assessment: Assessment) -> dict[str, Any]:
    """card: how soon; signs: the warning signs' advice, open under it; sections: each part
    of the rest with the smaller parts under it; last: the ending, as a card."""
    parts = result(book, assessment)
    first, *signs = parts.first
    sections: list[dict[str, Any]] = []
    for block in parts.more:
        if block.level == 2 or not sections:
            # Open from the start: the signs to call the emergency number for, which every
            # ending lists in full.
            always = block.items == book.guidance.emergency_signs
            sections.append(
                {**_block(block), "parts": [], "sources": block.role == "sources", "open": always}
            )
        else:
            sections[-1]["parts"].append(_block(block))
    style = CARD_STYLE[assessment.urgency]
    return {
        "card": {**_block(first), "style": style},
        "signs": [_block(block) for block in signs],
        "sections": sections,
        "sources": cited_sources(book, assessment),
        "last": {**_block(parts.ending), "style": style},
        # The summary is for the people who see the person now, not for an appointment.
        "emergency": assessment.urgency is Urgency.EMERGENCY,
    }
