"""A lesson page: one self-contained HTML file for a projector and for handouts.

Every word on it is computed here by the engine, the replay and the quiz; the page's small
script only moves between steps, records a prediction, reveals an answer and counts the
score, so no medical logic is written twice. No network: the styles and the script are
inside the file, so it works from a USB stick. Printed, it shows every step one after the
other, with the answers (or without, if the teacher unticks "Print the answers").
"""

from __future__ import annotations

from html import escape

from metasymptoms.core.model import RuleBook
from metasymptoms.core.scenarios import LoadedScenario
from metasymptoms.teaching.demo import Line, Step, changes_step, result_step, section_steps, walk
from metasymptoms.teaching.quiz import Quiz, QuizQuestion, build_quiz

STYLE = """
:root { --ink: #111; --paper: #fff; --soft: #555; --accent: #0b4f8a; --ok: #1d6b2f; --no: #8a1c1c; }
* { box-sizing: border-box; }
html { font-size: clamp(18px, 2.3vw, 40px); }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: var(--ink); background: var(--paper); line-height: 1.4; }
main { padding: 1.2rem 2rem 5rem; max-width: 60rem; margin: 0 auto; }
.step { display: none; }
.step.current { display: block; }
h1 { font-size: 1.6rem; margin: 0 0 .6rem; }
h2 { font-size: 1.3rem; margin: 0 0 .6rem; color: var(--accent); }
p { margin: .25rem 0; }
p.depth-1 { margin-left: 1.5rem; }
p.depth-2 { margin-left: 3rem; }
pre.screen { white-space: pre-wrap; font-size: .75rem; border: 3px solid var(--no); padding: .6rem;
             margin: .4rem 0 .4rem 3rem; background: #fff6f6; }
.choices { display: flex; flex-direction: column; gap: .4rem; margin: .8rem 0; }
button { font: inherit; font-size: .9rem; padding: .35rem .8rem; border: 2px solid var(--accent);
         background: #fff; color: var(--accent); border-radius: .3rem; cursor: pointer; text-align: left; }
button:focus-visible { outline: 4px solid #f0b400; }
button.choice[aria-pressed="true"] { background: var(--accent); color: #fff; }
.revealed button.choice.right { border-color: var(--ok); box-shadow: inset .5rem 0 0 var(--ok); }
.revealed button.choice.right::after { content: "  \2714 the answer"; color: var(--ok); font-weight: bold; }
.revealed button.choice[aria-pressed="true"]:not(.right) { background: var(--no); border-color: var(--no); }
input[type="checkbox"] { width: 1.1em; height: 1.1em; vertical-align: middle; }
.verdict { font-size: 1.2rem; }
.verdict { font-weight: bold; }
.verdict.right { color: var(--ok); }
.verdict.wrong { color: var(--no); }
.reveal { border-top: 2px solid #ccc; margin-top: .8rem; padding-top: .6rem; scroll-margin-top: 1rem; }
details summary { cursor: pointer; color: var(--accent); margin: .6rem 0; }
.teacher-notes { border-left: .4rem solid #ccc; padding-left: .8rem; margin-top: .6rem; }
nav { position: fixed; bottom: 0; left: 0; right: 0; display: flex; gap: .6rem; align-items: center;
      justify-content: center; padding: .4rem; background: #eef3f8; border-top: 1px solid #ccd; }
nav .keys { color: var(--soft); font-size: .6rem; }
.print-only { display: none; }
@media print {
  html { font-size: 12pt; }
  main { padding: 0; max-width: none; }
  nav, .reveal-button, .no-print { display: none !important; }
  .step { display: block; break-after: page; }
  .step:last-child { break-after: auto; }
  .reveal[hidden], .teacher-notes[hidden] { display: block; }
  body.without-answers .reveal, body.without-answers .teacher-notes { display: none !important; }
  button.choice { border: 1px solid #999; color: var(--ink); background: #fff !important; }
  button.choice::before { content: "\\2610  "; }
  .print-only { display: block; }
  pre.screen { font-size: 10pt; }
}
"""

SCRIPT = """
(function () {
  "use strict";
  var steps = Array.prototype.slice.call(document.querySelectorAll(".step"));
  var current = 0;
  function show(n) {
    current = Math.max(0, Math.min(n, steps.length - 1));
    steps.forEach(function (step, i) { step.classList.toggle("current", i === current); });
    document.getElementById("where").textContent = "Step " + (current + 1) + " of " + steps.length;
    document.getElementById("back").disabled = current === 0;
    document.getElementById("next").disabled = current === steps.length - 1;
    var reveal = steps[current].querySelector(".reveal-button");
    if (reveal) { reveal.focus(); }
    window.scrollTo(0, 0);
  }
  function pick(step, button) {
    if (step.classList.contains("revealed")) { return; }
    step.querySelectorAll("button.choice").forEach(function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
  }
  function reveal(step) {
    var answer = step.querySelector(".reveal");
    if (!answer || !answer.hidden) { return; }
    answer.hidden = false;
    step.classList.add("revealed");
    step.querySelector(".reveal-button").hidden = true;
    var picked = step.querySelector('button.choice[aria-pressed="true"]');
    var verdict = step.querySelector(".verdict");
    if (!picked) {
      verdict.textContent = "No prediction was made.";
    } else if (picked.classList.contains("right")) {
      verdict.textContent = "Right.";
      verdict.classList.add("right");
      step.dataset.score = "right";
    } else {
      verdict.textContent = "Not this time.";
      verdict.classList.add("wrong");
      step.dataset.score = "wrong";
    }
    var questions = document.querySelectorAll(".question").length;
    var right = document.querySelectorAll('.question[data-score="right"]').length;
    document.getElementById("score").textContent =
      "Predictions right: " + right + " of " + questions + ".";
    answer.scrollIntoView({block: "start"});
  }
  // A step taller than the screen: the space bar and Page Down (a presenter's clicker) first
  // scroll it a screen at a time, never further than what was on screen, and move on only
  // from its end; Page Up and Backspace go back the same way.
  function screenful() {
    return window.innerHeight - document.querySelector("nav").offsetHeight - 48;
  }
  function atEnd() {
    return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
  }
  function forward() {
    if (atEnd()) { show(current + 1); } else { window.scrollBy(0, screenful()); }
  }
  function backward() {
    if (window.scrollY <= 0) { show(current - 1); } else { window.scrollBy(0, -screenful()); }
  }
  function teacher(step) {
    var notes = step.querySelector(".teacher-notes");
    if (!notes) { return; }
    notes.hidden = !notes.hidden;
    step.querySelector(".teacher-button").setAttribute("aria-expanded", String(!notes.hidden));
    if (!notes.hidden) { notes.scrollIntoView({block: "nearest"}); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var step = steps[current];
    var key = event.key;
    if (key === "ArrowRight") { show(current + 1); }
    else if (key === "ArrowLeft") { show(current - 1); }
    else if (key === "PageDown" || key === " ") { forward(); }
    else if (key === "PageUp" || key === "Backspace") { backward(); }
    else if (key === "t" || key === "T") { teacher(step); }
    else if (key === "Home") { show(0); }
    else if (key === "End") { show(steps.length - 1); }
    else if (key === "r" || key === "R") { reveal(step); }
    else if (/^[1-9]$/.test(key)) {
      var choice = step.querySelectorAll("button.choice")[Number(key) - 1];
      if (choice) { pick(step, choice); } else { return; }
    }
    else { return; }
    event.preventDefault();
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) { return; }
    var step = button.closest(".step");
    if (button.id === "next") { show(current + 1); }
    else if (button.id === "back") { show(current - 1); }
    else if (button.classList.contains("choice")) { pick(step, button); }
    else if (button.classList.contains("reveal-button")) { reveal(step); }
    else if (button.classList.contains("teacher-button")) { teacher(step); }
  });
  document.getElementById("print-answers").addEventListener("change", function (event) {
    document.body.classList.toggle("without-answers", !event.target.checked);
  });
  show(0);
})();
"""


def _lines(lines: tuple[Line, ...] | list[Line]) -> str:
    out = []
    for line in lines:
        if line.kind == "screen":
            out.append(f'<pre class="screen">{escape(line.text)}</pre>')
        else:
            text = "\u2192 " + line.text[3:] if line.text.startswith("-> ") else line.text
            out.append(f'<p class="depth-{min(line.depth, 2)}">{escape(text)}</p>')
    return "\n".join(out)


def _step(kind: str, heading: str, body: str, extra: str = "") -> str:
    return f'<section class="step {kind}"{extra}>\n<h2>{escape(heading)}</h2>\n{body}\n</section>'


def _question(question: QuizQuestion) -> str:
    choices = "\n".join(
        f'<button type="button" class="choice{" right" if index == question.answer else ""}" '
        f'aria-pressed="false">{escape(choice)}</button>'
        for index, choice in enumerate(question.choices)
    )
    body = (
        f"<p><strong>{escape(question.prompt)}</strong></p>\n"
        f'<div class="choices">\n{choices}\n</div>\n'
        '<button type="button" class="reveal-button">Reveal the answer (R)</button>\n'
        f'<div class="reveal" hidden>\n<p class="verdict"></p>\n'
        f"<p><strong>The answer: {escape(question.choices[question.answer])}</strong></p>\n"
        f"{_lines(question.reveal)}\n</div>"
    )
    return _step("question", f"Predict: {question.title}", body, f' data-id="{question.id}"')


def _teacher_notes(quiz: Quiz) -> str:
    """The teacher's notes, hidden from the class until the teacher asks for them (T)."""
    if not quiz.for_the_teacher:
        return ""
    return (
        '\n<button type="button" class="teacher-button no-print" aria-expanded="false">'
        "For the teacher (T)</button>\n"
        f'<div class="teacher-notes" hidden>\n{_lines(quiz.for_the_teacher)}\n</div>'
    )


def _replay_step(step: Step) -> str:
    body = _lines(step.lines)
    if step.more:
        body += (
            f"\n<details><summary>Show all {len(step.lines) + len(step.more)} changes</summary>\n"
            f"{_lines(step.more)}\n</details>"
        )
    return _step("replay", step.heading, body)


def _busy_sections(book: RuleBook, item: LoadedScenario) -> set[str]:
    """The sections where something happens: an answer the scenario gives, or a warning sign
    or rule starting to hold. The others (answered No throughout) are named in one line."""
    return {
        event.section
        for event in walk(book, item.answers)
        if event.kind in ("flag", "rule", "screen")
        or (event.kind == "asked" and event.finding in item.answers)
    }


def lesson_page(book: RuleBook, item: LoadedScenario) -> str:
    quiz = build_quiz(book, item)
    return page(book, item, quiz)


def page(book: RuleBook, item: LoadedScenario, quiz: Quiz) -> str:
    scenario = item.scenario
    busy = _busy_sections(book, item)
    sections = list(zip(book.sections, section_steps(book, item.answers)))
    shown = [step for section, step in sections if section.id in busy]
    quiet = [section.title for section, _ in sections if section.id not in busy]
    screens = [
        _step(
            "title",
            "Predict, then reveal",
            f"<h1>{escape(scenario.title)}</h1>\n"
            "<p>A teaching case: where cancer commonly spreads, and which symptoms that can cause. "
            "For learning only, never a diagnosis.</p>\n"
            '<p class="no-print">Next: the right arrow or the Next button; the space bar (or Page '
            "Down) scrolls a long step first, then moves on. Back: the left arrow. On a question, "
            "choose the class's prediction (or press 1, 2, 3, 4), then reveal the answer with R. "
            "Your own notes stay hidden on the last step until you press T.</p>\n"
            '<p class="no-print"><label><input type="checkbox" id="print-answers" checked> '
            "Print the answers (untick for a handout to fill in)</label></p>",
        ),
        _step("case", "The person's answers", _lines(quiz.case)),
    ]
    total = len(quiz.questions)
    screens += [_question(question) for question in quiz.questions]
    screens += [_replay_step(step) for step in shown]
    if quiet:
        screens.append(
            _step(
                "replay",
                "Questions answered No throughout",
                f"<p>{escape(', '.join(quiet))}.</p>\n"
                "<p>Nothing started to hold in these sections; the full replay shows them: "
                f"<code>metasymptoms demo {escape(item.name)}</code></p>",
            )
        )
    screens.append(_replay_step(result_step(book, item.answers)))
    screens.append(_replay_step(changes_step(book, item.answers)))
    screens.append(
        _step(
            "closing",
            "What to take away",
            f'<p id="score" class="no-print">Predictions right: 0 of {total}.</p>\n{_lines(quiz.closing)}'
            + _teacher_notes(quiz),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(scenario.title)}: a metasymptoms lesson</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n" + "\n".join(screens) + "\n</main>\n"
        '<nav><button type="button" id="back">&larr; Back</button>'
        '<span id="where" aria-live="polite"></span>'
        '<button type="button" id="next">Next &rarr;</button>'
        '<span class="keys">&larr; &rarr; step; space scrolls, then moves on; R reveals</span></nav>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
