"""The FHIR names that the Questionnaire export and the QuestionnaireResponse reader share.

Written once here, so that a form made by `rules export --format fhir-r4` and a response
read by `ask --answers` agree on every address, linkId and code. FHIR R4 (4.0.1) is plain
JSON: no FHIR model library is used (see docs/fhir.md for why).

An answer is always a code (or a number): the display text beside a code is for people and
is never read back, so a reworded or translated form keeps its meaning.
"""

from __future__ import annotations

from metasymptoms.core.kinds import UNSURE, kind_of
from metasymptoms.core.model import Finding, RuleBook

# The program's own addresses. `.invalid` is reserved (RFC 2606) for names that never resolve:
# nobody else can own them, and nobody is sent to a page that is not there.
BASE = "https://metasymptoms.invalid/fhir"
YES_NO_SYSTEM = f"{BASE}/CodeSystem/yes-no"

SDC_PROFILE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
RENDERING_XHTML = "http://hl7.org/fhir/StructureDefinition/rendering-xhtml"
UCUM = "http://unitsofmeasure.org"
# A finding's unit (model.Finding.unit) as its UCUM code; how it is shown is the book's
# (wording.answer_words: the unit's `symbol`).
UCUM_CODES = {"celsius": "Cel", "times_in_24_hours": "/d"}

# linkIds of the items that are not questions: a question's linkId is its finding's id.
SECTION_PREFIX = "section-"
HELP_SUFFIX = "-help"
NOTICE_LINKS = ("about-this-form", "emergency-signs")


def questionnaire_url(book: RuleBook) -> str:
    """The Questionnaire's canonical address (a response names it, with the book's version):
    book.yaml's `url`, else one under the program's own never-resolving address."""
    given = book.info.url if book.info else None
    return given or f"{BASE}/Questionnaire/rule-book"


def book_version(book: RuleBook) -> str | None:
    return book.info.version if book.info else None


def section_link(section_id: str) -> str:
    return f"{SECTION_PREFIX}{section_id}"


def help_link(finding_id: str) -> str:
    return f"{finding_id}{HELP_SUFFIX}"


def is_structure_link(link_id: str) -> bool:
    """A group, an intro, a help text or a notice: an item that carries no answer."""
    return link_id.startswith(SECTION_PREFIX) or link_id.endswith(HELP_SUFFIX) or link_id in NOTICE_LINKS


def code_system(finding: Finding) -> str:
    """Where a finding's codes are defined: one system for yes/no/not sure, one per choice finding."""
    return YES_NO_SYSTEM if kind_of(finding).shared_codes else f"{BASE}/CodeSystem/{finding.id}"


def answer_options(book: RuleBook, finding: Finding) -> list[tuple[str, str]]:
    """(code, display) of each answer the form offers, as the guided questions offer them:
    "not sure" for a yes/no finding only where a warning sign tests it. Empty for a number."""
    words = book.guidance.wording.answer_words
    offered = kind_of(finding).codes(finding, words, offer_unsure=finding.id in book.warning_sign_findings)
    return [(value, label) for label, value in offered]


def all_codes(book: RuleBook, finding: Finding) -> list[str]:
    """Every code a response may give: an answers file takes "not sure" for any yes/no finding."""
    words = book.guidance.wording.answer_words
    return [value for _, value in kind_of(finding).codes(finding, words, offer_unsure=True)]


def required(book: RuleBook, finding_id: str) -> bool:
    """The history of cancer must be answered, starting at "not sure": the engine reads a
    missing history as "not sure", but a form reads a missing answer as matching nothing."""
    return finding_id == book.role("cancer_history")


def initial_code(book: RuleBook, finding_id: str) -> str | None:
    return UNSURE if required(book, finding_id) else None
