"""Words a triage nurse found wrong for what the person had said: neck pain with weak arms told
as "weak legs", a question that presumed a treatment not confirmed, and a list of answers that
ran a central line into the steroids."""

from __future__ import annotations

from metasymptoms.answering.formats import renderer
from metasymptoms.core.engine import assess
from metasymptoms.core.kinds import UNSURE, Answer
from metasymptoms.core.model import RuleBook, Urgency


def flattened(book: RuleBook, answers: dict[str, Answer]) -> str:
    return " ".join(renderer("text")(book, assess(book, answers)).split())


def test_neck_pain_with_weak_arms_is_told_as_weak_arms(book: RuleBook) -> None:
    answers: dict[str, Answer] = {"cancer_history": "none", "back_pain": True, "limb_weakness": ("arms",)}
    (flag,) = assess(book, answers).red_flags
    assert (flag.id, flag.urgency.value) == ("back_pain_nerve_signs", "emergency")
    text = flattened(book, answers)
    assert (
        "EMERGENCY: Back or neck pain with weak arms or legs, or numbness in both legs Back or neck pain"
        " with weakness in the arms or legs, difficulty walking, numbness in both legs or around the"
        " back passage or genitals, or a change in bladder or bowel control can mean nerves in the"
        " spine are being squeezed. Go to the emergency department now"
    ) in text


def test_the_kind_of_treatment_is_asked_without_presuming_one(book: RuleBook) -> None:
    """Asked after "not sure" to treatment too: "Was it ...?" took a treatment for granted."""
    question = book.question("recent_chemotherapy")
    assert question is not None
    assert " ".join(question.text.split()) == (
        "Have you had chemotherapy, immunotherapy, targeted drugs or another cancer medicine in the"
        " last 6 weeks?"
    )
    assert not [q.text for q in book.questions if q.text.startswith("Was it")]


def test_only_a_comma_before_the_last_item_sets_the_items_apart(book: RuleBook) -> None:
    # A new user's trial read "the answers about your history of cancer; and a lump or swollen
    # gland in the neck, armpit or groin": a semicolon before "and", with two items, where the
    # one comma is the last item's own and blurs nothing.
    lists = book.guidance.wording.lists
    lump = "a lump or swollen gland in the neck, armpit or groin"
    assert lists.all_of_apart(["your history of cancer", lump]) == f"your history of cancer and {lump}"
    assert lists.all_of_apart([lump, "a fever"]) == f"{lump}; and a fever"
    assert lists.all_of_apart(["a cough", "a fever", lump]) == f"a cough, a fever and {lump}"


def test_answers_not_sure_about_are_set_apart_when_one_has_a_comma(book: RuleBook) -> None:
    answers: dict[str, Answer] = {
        "cancer_history": "none",
        "recent_treatment": True,
        "recent_chemotherapy": False,
        "recent_radiotherapy": False,
        "on_steroids": UNSURE,
        "central_line": UNSURE,
    }
    assert (
        'Answers you were not sure about or left at "not sure" You chose "not sure", or left the'
        ' answer at "not sure", for taking steroid tablets, such as dexamethasone or prednisolone;'
        " and a central line, PICC line or port. The warning signs were checked the safer way"
    ) in flattened(book, answers)


def test_answers_not_sure_about_without_a_comma_keep_the_plain_list(book: RuleBook) -> None:
    answers: dict[str, Answer] = {
        "cancer_history": "none",
        "recent_treatment": True,
        "recent_chemotherapy": UNSURE,
        "recent_radiotherapy": UNSURE,
        "on_steroids": False,
        "central_line": False,
    }
    assert (
        'You chose "not sure", or left the answer at "not sure", for chemotherapy or another cancer'
        " drug in the last 6 weeks and radiotherapy in the last 6 weeks."
    ) in flattened(book, answers)


def test_advice_to_act_today_or_now_never_says_soon_or_that_all_can_be_treated(book: RuleBook) -> None:
    """ "Soon" is the result's word for within days: beside "today" it reads as a softer
    level, and "all of them can be treated" reads as reassurance inside urgent advice (a
    nurse found both in "Getting more breathless than usual")."""
    for flag in book.red_flags:
        if flag.urgency.rank >= Urgency.URGENT.rank:
            advice = flag.advice.lower()
            assert " soon" not in advice and "can be treated" not in advice, flag.id
