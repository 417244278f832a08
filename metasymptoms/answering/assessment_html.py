"""The assessment as a printable HTML summary: one self-contained file (no scripts, no
fonts, nothing fetched), laid out for A4 or Letter paper by its print CSS.

First a short part for the clinician (when, which rule book, the urgency, the warning signs,
every question asked with its answer, which were not asked); then the person's explanation,
the same content as the text and markdown formats; the sources with their web addresses.
"""

from __future__ import annotations

import datetime
from html import escape

from metasymptoms.answering.result import Block, result
from metasymptoms.answering.summary import (
    SKIPPED_NOTE,
    ClinicianSummary,
    clinician_summary,
    not_answered_lines,
    reported_facts,
    summary_title,
    when_text,
)
from metasymptoms.core.engine import Assessment
from metasymptoms.core.model import RuleBook

CSS = """
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #999; padding-bottom: .15rem; }
h3 { font-size: 1.05rem; margin: 1.1rem 0 .35rem; }
h4 { font-size: 1rem; margin: .9rem 0 .3rem; }
p, ul { margin: .35rem 0; }
.meta { color: #333; }
.clinician { border: 1px solid #777; padding: .2rem 1rem .8rem; border-radius: 4px; }
.clinician h2 { margin-top: .6rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .4rem 0; }
dt { font-weight: 600; }
dd { margin: 0; }
dd ul { padding-left: 1.1rem; margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .18rem .4rem; border-bottom: 1px solid #ccc; }
th { border-bottom: 2px solid #777; }
td.n { color: #555; width: 2rem; }
td.answer { width: 30%; }
tr.yes td.answer { font-weight: 700; }
.emergency { color: #a00000; }
.emergency-box { border: 3px solid #a00000; padding: .3rem 1rem; margin: 1rem 0; }
.ending-box { border: 2px solid #333; padding: .3rem 1rem; margin: 1rem 0; }
.sources li { overflow-wrap: anywhere; }
@page { margin: 16mm 15mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; }
  tr, li, dl, .emergency-box, .ending-box { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


def render_html(book: RuleBook, assessment: Assessment, made: datetime.datetime | None = None) -> str:
    summary = clinician_summary(book, assessment, made)
    when = when_text(summary.made)
    out: list[str] = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>metasymptoms summary, {escape(when)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(summary_title(summary))}</h1>",
        f'<p class="meta">Made with metasymptoms on {escape(when)}. '
        "Educational summary, not a diagnosis.</p>",
        "</header>",
    ]
    out += _clinician_section(summary, when)
    out += _for_you_section(book, assessment)
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


def _clinician_section(summary: ClinicianSummary, when: str) -> list[str]:
    out = [
        '<section class="clinician" aria-labelledby="for-clinician">',
        '<h2 id="for-clinician">For the clinician</h2>',
        "<dl>",
        f"<dt>Made</dt><dd>{escape(when)}</dd>",
        f"<dt>Rule book</dt><dd>{escape(summary.rule_book_version)}</dd>",
    ]
    urgent = ' class="emergency"' if summary.urgency.value == "emergency" else ""
    out.append(f"<dt>Urgency shown</dt><dd{urgent}><strong>{escape(summary.urgency_heading)}</strong></dd>")
    for heading, value in reported_facts(summary):
        if isinstance(value, str):
            out.append(f"<dt>{escape(heading)}</dt><dd>{escape(value)}</dd>")
        else:
            items = "".join(
                f"<li><strong>{escape(label)}:</strong> {escape(text)}</li>" for label, text in value
            )
            out.append(f"<dt>{escape(heading)}</dt><dd><ul>{items}</ul></dd>")
    out.append("</dl>")
    out += _answers_table(summary)
    if summary.not_answered:
        items = "".join(f"<li>{escape(line)}</li>" for line in not_answered_lines(summary))
        out.append(f"<p><strong>Not answered:</strong></p><ul>{items}</ul>")
    if any(item.did_not_apply for item in summary.not_asked):
        out.append(f"<p>{escape(SKIPPED_NOTE)}</p>")
    out.append("</section>")
    return out


def _answers_table(summary: ClinicianSummary) -> list[str]:
    out = ["<h3>Every question asked, with its answer</h3>"]
    if not summary.asked:
        return out + ["<p>No questions were answered.</p>"]
    out.append(
        '<table><thead><tr><th scope="col">#</th><th scope="col">Question</th>'
        '<th scope="col">Answer</th></tr></thead><tbody>'
    )
    for number, item in enumerate(summary.asked, start=1):
        marked = ' class="yes"' if item.answer is True or isinstance(item.answer, str) else ""
        out.append(
            f'<tr{marked}><td class="n">{number}</td><td>{escape(item.question)}</td>'
            f'<td class="answer">{escape(item.answer_text)}</td></tr>'
        )
    out.append("</tbody></table>")
    return out


def _for_you_section(book: RuleBook, assessment: Assessment) -> list[str]:
    """The person's part; it ends, as every format does, on how soon and what to do."""
    out = ['<section aria-labelledby="for-you">', '<h2 id="for-you">For you</h2>']
    for block in result(book, assessment).blocks():
        level = block.level + 1
        emergency = block.role == "emergency"
        boxed = emergency or block.role == "ending"
        css = ' class="emergency"' if emergency else ""
        heading = f"<h{level}{css}>{escape(block.heading)}</h{level}>"
        if block.role == "sources":
            out += _sources_html(book, assessment, block, heading)
            continue
        box = "emergency-box" if emergency else "ending-box"
        out.append(f'<div class="{box}">{heading}' if boxed else heading)
        for paragraph in block.paragraphs:
            if paragraph:
                out.append(f"<p>{escape(paragraph)}</p>")
        if block.items:
            out.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>")
        if boxed:
            out.append("</div>")
    out.append("</section>")
    return out


def _sources_html(book: RuleBook, assessment: Assessment, block: Block, heading: str) -> list[str]:
    """The sources with their addresses as links."""
    out = [f'<div class="sources">{heading}']
    out.extend(f"<p>{escape(paragraph)}</p>" for paragraph in block.paragraphs)
    out.append("<ul>")
    for key in assessment.sources:
        source = book.source(key)
        address = escape(source.url)
        link = f', <a href="{address}">{address}</a>'
        out.append(
            f"<li>[{escape(key)}] {escape(source.publisher)}, &ldquo;{escape(source.title)}&rdquo;{link}</li>"
        )
    out.append("</ul></div>")
    return out
