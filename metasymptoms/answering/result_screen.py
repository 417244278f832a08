"""The result in a terminal: what to do first on one screen, the rest when asked for, the
emergency card, the ending, and the offer to save a summary (written atomically, only when
the person asks). Drawn through any prompter: the arrow keys' (interview.py) or plain lines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from metasymptoms.answering.emergency import action, call_handler_lines, emergency_card
from metasymptoms.answering.formats import renderer
from metasymptoms.answering.prompter import (
    Prompter,
    ResultPrompter,
)
from metasymptoms.answering.questionnaire import say_card
from metasymptoms.answering.result import Block, ending_block, result
from metasymptoms.core.engine import Assessment
from metasymptoms.core.kinds import Answer
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.model_base import filled
from metasymptoms.core.output import write_atomic, wrote
from metasymptoms.core.problems import OutputError
from metasymptoms.core.status import status_line


def present_result(
    prompter: ResultPrompter,
    book: RuleBook,
    assessment: Assessment,
    heading: str | None = None,
    *,
    can_save: bool,
) -> None:
    """What to do first, on one screen; the rest when asked for ("Enter: read more"), then
    the offer to save a summary. The ending (show_ending) follows, whatever was chosen."""
    parts = result(book, assessment)
    show_first(prompter, parts.first, heading)
    keys = {"": "more", "s": "save", "q": "finish"} if can_save else {"": "more", "q": "finish"}
    words = book.guidance.wording.screen
    choice = prompter.press(words.read_more if can_save else words.read_more_no_save, keys)
    if choice == "more":
        show_blocks(prompter, parts.more)
        prompter.say(status_line(book))  # the rule book's review status, as every result gives it
        if can_save:
            offer_to_save(prompter, book, assessment)
    elif choice == "save":
        offer_to_save(prompter, book, assessment, asked_for=True)


def show_ending(prompter: Prompter, book: RuleBook, assessment: Assessment) -> None:
    """The last words of every run: how soon and what to do. In an emergency, the one
    instruction with the number to call, never routine wording after it."""
    if assessment.urgency is Urgency.EMERGENCY:
        prompter.say("")
        prompter.say(action(book), "emergency")
        return
    show_blocks(prompter, [ending_block(book, assessment)])


def show_emergency_card(prompter: Prompter, book: RuleBook, assessment: Assessment) -> None:
    """What an emergency needs, and nothing else: each emergency warning sign with its own
    advice (the rule book's words), then what to tell the call handler. The number to call
    is the last line, after it (run_interview)."""
    flags = [flag.id for flag in assessment.red_flags if flag.urgency is Urgency.EMERGENCY]
    if flags:
        say_card(prompter, book, emergency_card(book, flags))
    else:  # stopped after an emergency an answer changed back: still get help
        prompter.say(book.guidance.wording.emergency.heading, "emergency")
    prompter.say(f"{book.guidance.wording.emergency.call_handler}:", "subheading")
    for line in call_handler_lines(book, assessment):
        prompter.say(f"  - {line}")


def stopped_note(book: RuleBook, answers: Mapping[str, Answer]) -> str:
    """Where the person is when the result is shown after stopping for an emergency."""
    from metasymptoms.core.engine import applicable_questions

    left = sum(1 for question in applicable_questions(book, answers) if question.finding not in answers)
    words = book.guidance.wording.screen
    unasked = (
        (words.one_not_asked if left == 1 else filled(words.some_not_asked, count=str(left))) if left else ""
    )
    return filled(words.stopped, not_asked=unasked)


def show_result(
    prompter: Prompter, book: RuleBook, assessment: Assessment, heading: str | None = None
) -> None:
    """The whole result at once, as `ask --format text` gives it, laid out through the prompter."""
    parts = result(book, assessment)
    prompter.say(heading or book.guidance.wording.screen.your_result, "heading")
    show_blocks(prompter, [*parts.first, *parts.more])
    prompter.say(status_line(book))
    show_blocks(prompter, [parts.ending])


def show_first(prompter: Prompter, first: Sequence[Block], heading: str | None = None) -> None:
    """How soon, then, set apart by one blank line, every warning sign with its advice, close
    together: five signs still fit one 80x24 screen with the key line below them."""
    if heading:
        prompter.say(heading, "heading")
    show_blocks(prompter, first[:1])
    if len(first) > 1:
        prompter.say("")
        show_blocks(prompter, first[1:], compact=True)


def show_blocks(prompter: Prompter, shown: Sequence[Block], *, compact: bool = False) -> None:
    """`compact`: a warning sign's heading follows the text above it with no blank line, so
    five signs and their advice still fit one 80x24 screen below how soon."""
    for block in shown:
        kind = "emergency" if block.role == "emergency" else "heading" if block.level == 2 else "subheading"
        if compact and kind == "subheading":
            kind = "strong"
        prompter.say(block.heading, kind)
        for paragraph in block.paragraphs:
            if paragraph:
                prompter.say(paragraph)
        for item in block.items:
            prompter.say(f"  - {item}")


SUMMARY_FORMATS = {"markdown": "metasymptoms-summary.md", "html": "metasymptoms-summary.html"}


def offer_to_save(
    prompter: Prompter, book: RuleBook, assessment: Assessment, *, asked_for: bool = False
) -> None:
    """A summary to keep: in an emergency, to show at the hospital or to the ambulance crew.
    Offered after "read more", Enter declines; `asked_for` (the person pressed "s" to save),
    Enter saves the page to print, and "No, thank you" is still there to choose: a new user
    who pressed "s" and then Enter lost the summary they had just asked for."""
    emergency = assessment.urgency is Urgency.EMERGENCY
    words = book.guidance.wording.save
    choice = prompter.choose(
        words.question_in_emergency if emergency else words.question,
        [(words.decline, "none"), (words.html, "html"), (words.markdown, "markdown")],
        "html" if asked_for else "none",
    )
    if choice not in SUMMARY_FORMATS:
        prompter.say(words.nothing_saved, "hint")
        return
    form = choice
    summary = renderer(form)(book, assessment)
    while True:
        name = prompter.ask_text(words.file_name, free_name(SUMMARY_FORMATS[form])).strip()
        try:
            path = Path(name).expanduser()
        except RuntimeError:  # no home folder for '~'
            path = Path(name)
        try:
            exists = path.exists() and not path.is_dir()
        except (OSError, ValueError):  # unreadable, or a character no file name may hold
            exists = False  # write_atomic says why it cannot write there
        if exists:
            again = prompter.choose(
                filled(words.exists, path=str(path)),
                [(words.choose_another, "no"), (words.replace, "yes")],
                "no",
            )
            if again != "yes":
                continue
        try:
            write_atomic(path, summary)
        except OutputError as error:
            prompter.say(filled(words.failed, error=str(error)), "emergency")
            retry = prompter.choose(
                words.try_again, [(words.try_another, "yes"), (words.do_not_save, "no")], "yes"
            )
            if retry == "yes":
                continue
            prompter.say(words.nothing_saved, "hint")
            return
        bring = words.bring_in_emergency if emergency else words.bring
        prompter.say(wrote(book.guidance.wording.written.your_summary, path.resolve(), bring), "hint")
        return


def free_name(name: str) -> str:
    """The file name offered for a summary: `name`, or where a file of that name is already
    there, the first free "stem-2.suffix", "stem-3.suffix", ... A person who presses Enter at
    every prompt would otherwise be offered the name taken again after "choose another name",
    round and round (a new user's trial found it)."""
    path = Path(name)
    count = 1
    while _taken(path):
        count += 1
        path = Path(f"{Path(name).stem}-{count}{Path(name).suffix}")
    return str(path)


def _taken(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # unreadable here: write_atomic says why when it is tried
        return False
