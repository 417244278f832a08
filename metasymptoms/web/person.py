"""The person's pages: start, one question a page, the emergency interrupt, check your
answers, the result, and the summary downloads.

Every step posts the whole walk back (walk.py): the server decides the next page from the
form alone, with the terminal's own engine functions, and keeps nothing.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from metasymptoms.answering.questionnaire import how_to_type, refused
from metasymptoms.core.engine import Assessment, applicable_questions, assess
from metasymptoms.core.explain import answer_text, why_items
from metasymptoms.core.kinds import UNSURE, BadAnswer, kind_of
from metasymptoms.core.model import Question, RedFlag, RuleBook
from metasymptoms.core.model_base import filled
from metasymptoms.core.unsaid import starts_unsure
from metasymptoms.web import result as result_view
from metasymptoms.web.pages import FormTooLarge, notice_page, page, posted_form
from metasymptoms.web.walk import (
    BadForm,
    Walk,
    answer_from,
    back,
    fields_of,
    new_emergencies,
    next_to_ask,
    option_of,
    record,
    shown,
    walk_from,
)

# A download's header (its syntax, not words a person reads).
ATTACHMENT = 'attachment; filename="{}"'

# The controls a page posts besides the walk itself.
ACTION, QUESTION, ANSWER, CHANGING = "action", "question", "answer", "changing"


def _book(request: Request) -> RuleBook:
    book: RuleBook = request.app.state.book
    return book


async def start(request: Request) -> Response:
    book = _book(request)
    return page(
        book,
        "start.html",
        title=book.guidance.wording.pages.start.title,
        guidance=book.guidance,
    )


async def not_found(request: Request, error: Exception) -> Response:
    """No page here (404), or a question page's address opened directly (405: the questions
    are reached by posting a form, never by an address that could hold answers)."""
    status = getattr(error, "status_code", 404)
    book = _book(request)
    if request.url.path in ("/walk", "/summary"):  # opened again (a restored tab): no answers came
        return notice_page(book, book.guidance.wording.pages.answers_gone, status)
    return notice_page(book, book.guidance.wording.pages.not_found, status)


def _bad_form(request: Request) -> HTMLResponse:
    book = _book(request)
    return notice_page(book, book.guidance.wording.pages.bad_form, 400)


async def _read(request: Request) -> tuple[RuleBook, Walk, dict[str, str]]:
    book = _book(request)
    try:
        form = await posted_form(request)
        walk = walk_from(book, form)
    except (FormTooLarge, BadForm):
        raise HTTPException(400) from None
    controls = {name: value for name, value in form if name in (ACTION, QUESTION, CHANGING)}
    ticked = [value for name, value in form if name == ANSWER]  # a checkbox group sends several
    if ticked:
        controls[ANSWER] = " ".join(ticked)
    return book, walk, controls


async def walk_page(request: Request) -> Response:
    try:
        book, walk, controls = await _read(request)
    except HTTPException:
        return _bad_form(request)
    action = controls.get(ACTION, "")
    changing = controls.get(CHANGING) == "1"
    if action == "answer":
        return _answered(book, walk, controls, changing)
    if action == "back":
        return _check_page(book, walk) if changing else _next_page(book, back(book, walk))
    if action == "change" and controls.get(QUESTION) in walk.answers:
        question = book.question(controls[QUESTION])
        assert question is not None  # walk_from keeps only answers a question asks
        return _question_page(book, walk, question, changing=True)
    if action == "result" and next_to_ask(book, walk) is None:
        return _result_page(book, walk)
    return _next_page(book, walk)  # start, go on after an emergency, or anything else


def _answered(book: RuleBook, walk: Walk, controls: dict[str, str], changing: bool) -> Response:
    finding = controls.get(QUESTION, "")
    question = next(
        (item for item in applicable_questions(book, walk.answers) if item.finding == finding), None
    )
    if question is None or (finding not in walk.answers and question != next_to_ask(book, walk)):
        return _next_page(book, walk)  # an old page posted again: show where the walk now is
    typed = controls.get(ANSWER)
    if typed is None:
        return _question_page(
            book, walk, question, changing=changing, error=book.guidance.wording.pages.question.choose
        )
    try:
        value = answer_from(book, finding, typed)
    except BadAnswer as bad:
        kind = kind_of(book.finding(finding))
        words = book.guidance.wording
        if bad.refusal is not None:  # ticked, not typed: boxes that cannot go together
            error = words.which_of_these.mixed_ticked
        elif kind.measured:  # a typed number: the terminal's words
            error = refused(words, book.finding(finding), typed, "", on_a_page=True)
        else:  # a value none of the page's choices sends: a form this page did not make
            error = words.pages.question.choose
        return _question_page(book, walk, question, changing=changing, error=error, typed=typed)
    walk = record(book, walk, finding, value)
    flags = new_emergencies(book, walk)
    if flags:
        return _emergency_page(book, shown(walk, flags), flags)
    return _next_page(book, walk)


def _next_page(book: RuleBook, walk: Walk) -> Response:
    question = next_to_ask(book, walk)
    if question is None:
        return _check_page(book, walk)
    return _question_page(book, walk, question)


def _options(
    offered: list[tuple[str, str]] | None,
    boxes: tuple[list[tuple[str, str]], list[tuple[str, str]]] | None,
    chosen: str | None,
) -> list[dict[str, object]]:
    """The radios, or for "which of these" a checkbox group then the answers that go alone."""
    if boxes is None:
        return [
            {"label": label, "value": value, "checked": value == chosen, "alone": False}
            for label, value in offered or []
        ]
    ticked = set((chosen or "").split())
    choices, alone = boxes
    return [
        {"label": label, "value": value, "checked": value in ticked, "alone": (label, value) in alone}
        for label, value in choices + alone
    ]


def _chosen_first(
    book: RuleBook, walk: Walk, finding_id: str, offered: list[tuple[str, str]] | None
) -> str | None:
    """The choice a question page starts with: the answer given (when changing it), or the
    one taken back with Back; else "not sure" where the terminal's Enter gives it, because
    "No" would say what was not said of treatment (unsaid.py); else none."""
    if finding_id in walk.answers:
        return option_of(book, finding_id, walk.answers[finding_id])
    if finding_id in walk.earlier:
        return walk.earlier[finding_id]
    if starts_unsure(book, walk.answers, finding_id) and any(value == UNSURE for _, value in offered or ()):
        return UNSURE
    return None


def _question_page(
    book: RuleBook,
    walk: Walk,
    question: Question,
    *,
    changing: bool = False,
    error: str | None = None,
    typed: str | None = None,
) -> HTMLResponse:
    finding = book.finding(question.finding)
    kind = kind_of(finding)
    answer_words = book.guidance.wording.answer_words
    offered = kind.options(finding, answer_words, offer_unsure=finding.id in book.warning_sign_findings)
    chosen = _chosen_first(book, walk, finding.id, offered)
    section = book.section_of(finding.id)
    sections = book.sections
    number = None
    boxes = kind.checkboxes(finding, answer_words)
    options = _options(offered, boxes, typed if typed is not None and boxes else chosen)
    if offered is None and boxes is None:  # a number, typed
        typed_numbers = book.guidance.wording.typed_numbers
        number = {
            "symbol": answer_words.unit(finding.unit or "").symbol,
            # A number not measured is left out by leaving its box empty: no "unsure" here.
            "how": filled(typed_numbers.hint_on_a_page, like=how_to_type(book.guidance.wording, finding)),
            "value": typed if typed is not None else chosen or "",
        }
    words = book.guidance.wording.pages.question
    title = question.text if error is None else filled(words.error_title, question=question.text)
    return page(
        book,
        "question.html",
        title=title,
        question=question,
        finding=finding,
        options=options,
        several=boxes is not None,
        number=number,
        why=why_items(book, finding.id),
        section=section,
        section_number=sections.index(section) + 1 if section else None,
        section_count=len(sections),
        section_of=filled(
            words.section_of, position=str(sections.index(section) + 1), count=str(len(sections))
        )
        if section
        else "",
        answered=len(walk.answers),
        error=error,
        changing=changing,
        can_go_back=changing or bool(walk.answers),
        # Said where it helps, not on every page: by the first Back, and on a page Back led to.
        back_hint=changing or len(walk.answers) == 1 or finding.id in walk.earlier,
        fields=fields_of(book, walk),
    )


def _emergency_page(book: RuleBook, walk: Walk, flags: tuple[RedFlag, ...]) -> HTMLResponse:
    """The interrupt, as the terminal's: the one first step where several signs meet, each new
    sign with its advice, what to tell the call handler, and the number."""
    from metasymptoms.answering.emergency import action, call_handler_lines, emergency_card
    from metasymptoms.core.engine import fired_emergencies

    fired = [flag.id for flag in fired_emergencies(book, walk.answers)]
    card = emergency_card(book, [flag.id for flag in flags], fired)
    return page(
        book,
        "emergency.html",
        title=filled(book.guidance.wording.pages.emergency.title, title=flags[0].title),
        card=card,
        handover=call_handler_lines(book, assess(book, walk.answers)),
        action_line=action(book),
        fields=fields_of(book, walk),
    )


def _check_page(book: RuleBook, walk: Walk) -> HTMLResponse:
    rows = [
        {
            "finding": question.finding,
            "question": question.text,
            "answer": answer_text(book, question.finding, walk.answers[question.finding]),
        }
        for question in book.questions
        if question.finding in walk.answers
    ]
    emergency = _standing_emergency(book, walk)
    words = book.guidance.wording.pages.check
    title = words.title_in_emergency if emergency else words.title
    return page(book, "check.html", title=title, rows=rows, fields=fields_of(book, walk), **emergency)


def _standing_emergency(book: RuleBook, walk: Walk) -> dict[str, Any]:
    """After "go on" at an emergency, its card stands at the top of the long check page,
    as in the terminal's review: the signs fired now, or else those shown before."""
    from metasymptoms.answering.emergency import action, call_handler_lines, emergency_card, standing

    flags = standing(book, walk.answers, walk.seen)
    if not flags:
        return {}
    return {
        "card": emergency_card(book, flags),
        "handover": call_handler_lines(book, assess(book, walk.answers)),
        "action_line": action(book),
    }


def _assessment(book: RuleBook, walk: Walk) -> Assessment:
    """The walk's result: its answers', with an emergency shown before still standing (as in
    the terminal) where an answer was changed after it."""
    from metasymptoms.answering.emergency import still_standing

    return still_standing(book, assess(book, walk.answers), walk.seen)


def _result_page(book: RuleBook, walk: Walk) -> HTMLResponse:
    assessment = _assessment(book, walk)
    view: dict[str, Any] = result_view.view(book, assessment)
    return page(book, "result.html", title=view["card"]["heading"], fields=fields_of(book, walk), **view)


async def summary(request: Request) -> Response:
    """The printable HTML or the Markdown summary of the walk posted, as a download."""
    from metasymptoms.answering.formats import renderer
    from metasymptoms.answering.result_screen import SUMMARY_FORMATS

    try:
        book, walk, controls = await _read(request)
    except HTTPException:
        return _bad_form(request)
    form = {"md": "markdown", "html": "html"}.get(controls.get(ACTION, ""))
    if form is None or next_to_ask(book, walk) is not None:
        return _next_page(book, walk)
    text = renderer(form)(book, _assessment(book, walk))
    media = "text/markdown" if form == "markdown" else "text/html"
    name = SUMMARY_FORMATS[form]
    return Response(
        text.encode("utf-8"),
        media_type=f"{media}; charset=utf-8",
        headers={"content-disposition": ATTACHMENT.format(name)},
    )
