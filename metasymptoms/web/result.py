"""The result page's parts, from the same blocks as the text and markdown results
(assessment_text.blocks): the urgency as a care card first, the warning signs' advice open
beneath it, every other part as a section the person can open, and the card again last.
"""

from __future__ import annotations

from typing import Any

from metasymptoms.answering.assessment_text import Block, blocks
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
    """card: the urgency; signs: the parts that stay open under it (the warning signs, the
    answers read the safer way); sections: each later part with the smaller parts under it;
    last: what the page ends on (in an emergency, the one instruction with the number)."""
    from metasymptoms.answering.emergency import action

    first, *rest = blocks(book, assessment)
    signs: list[dict[str, Any]] = []
    sections: list[dict[str, Any]] = []
    for block in rest:
        if block.level == 2:
            # Open from the start: what the answers point to (the first part), and the signs to
            # call the emergency number for, which every ending lists in full.
            always = not sections or block.items == book.guidance.emergency_signs
            sections.append(
                {**_block(block), "parts": [], "sources": block.role == "sources", "open": always}
            )
        elif sections:
            sections[-1]["parts"].append(_block(block))
        else:
            signs.append(_block(block))
    sources = [
        {
            "key": key,
            "publisher": book.source(key).publisher,
            "title": book.source(key).title,
            "url": book.source(key).url,
        }
        for key in assessment.sources
    ]
    emergency = assessment.urgency is Urgency.EMERGENCY
    card = {**_block(first), "style": CARD_STYLE[assessment.urgency]}
    last = (
        {**card, "paragraphs": [action(book)]}
        if emergency
        else {
            **card,
            "paragraphs": [*card["paragraphs"], "Take care, and please see your healthcare provider."],
        }
    )
    return {"card": card, "signs": signs, "sections": sections, "sources": sources, "last": last}
