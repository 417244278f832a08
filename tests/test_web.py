"""`metasymptoms serve`: the person's walk through the web pages, driven in-process as a
browser without script would (tests/web_forms.py posts each page's own forms)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from metasymptoms.answering.emergency import action, call_handler_lines
from metasymptoms.cli import main
from metasymptoms.core.engine import assess
from metasymptoms.core.loader import LoadedBook
from metasymptoms.core.model import RuleBook, Urgency
from metasymptoms.core.numbers import for_country
from metasymptoms.web.app import build_app
from metasymptoms.web.walk import walk_from
from tests.helpers import urgency_headings
from tests.web_forms import CHEMOTHERAPY_AND_38_3, Form, Person


@pytest.fixture(scope="module")
def client(book: RuleBook) -> Iterator[TestClient]:
    with TestClient(build_app(book, allowed_hosts=["testserver"])) as client:  # one event loop for all
        yield client


ROUTINE_FOOTER = (
    "Educational only: this tool never says what you have. "
    "Please see a healthcare provider about any symptom that worries you."
)


def walk_to_the_end(person: Person, answers: dict[str, str]) -> None:
    """Answer every question from `answers`, else 'no' (or an empty number box), until a page
    that is not a question."""
    while person.page.kind == "question":
        form = person.page.form("answer")
        person.answer(answers.get(asked(person), _no(form)))
        assert "There is a problem" not in person.page.headings, person.page.texts


def walk_until(person: Person, finding: str, answers: dict[str, str]) -> None:
    while asked(person) != finding:
        person.answer(answers.get(asked(person), _no(person.page.form("answer"))))


def _no(form: Form) -> str:
    """No, None of these, the first choice, or an empty number box."""
    values = [value for _, value, _ in form.radios + form.checkboxes]
    return "" if form.texts else "no" if "no" in values else "none" if "none" in values else values[0]


def asked(person: Person) -> str:
    return person.page.form("answer").control("question") or ""


def test_a_person_without_cancer_walks_to_a_routine_result(client: TestClient, book: RuleBook) -> None:
    person = Person(client)
    assert person.page.h1 == "Symptoms a provider may want to check, and how soon to get help"
    person.start()
    assert asked(person) == "cancer_history"
    assert "About you · section 1 of 10" in person.page.texts
    walk_to_the_end(person, {"cancer_history": "none"})
    assert person.page.h1 == "Check your answers"
    person.press("result")
    heading = urgency_headings()[Urgency.ROUTINE]
    assert person.page.headings[:2] == ["Your result", heading]
    assert person.page.headings[-1] == heading  # the care card first and last
    # The footer's "see a provider" is left out: the last card just said it.
    assert ROUTINE_FOOTER not in person.page.texts
    assert "Educational only: this tool never says what you have." in person.page.texts
    texts = person.page.texts
    assert texts[texts.index("Save a summary") + 1] == (
        "A summary to bring to your appointment: first a short part for the clinician, then your result."
    )
    # Never a word of spread for a person with no cancer diagnosis.
    assert not [text for text in person.page.texts if "spread" in text and "cancer" in text.lower()]


def test_chemotherapy_and_a_typed_38_3_interrupt_at_once_with_the_24_hour_line_first(
    client: TestClient, book: RuleBook
) -> None:
    person = Person(client)
    person.start()
    walk_to_the_end(person, CHEMOTHERAPY_AND_38_3)
    assert person.page.kind == "emergency"  # the next page after the temperature, at once
    flag = next(flag for flag in book.red_flags if flag.id == "fever_on_chemotherapy")
    texts = person.page.texts
    card = texts[texts.index("Get help now") :]
    assert card[:3] == ["Get help now", flag.title, flag.advice]
    # Nothing routine under the emergency, the footer included.
    assert "Educational only: this tool never says what you have." in texts
    assert not [text for text in texts if "any symptom that worries you" in text]
    assert flag.advice.index("24-hour line") < flag.advice.index("911 / 999 / 112")
    # What to tell the call handler, in the terminal's words, then the number.
    walked = walk_from(book, person.page.form("go_on").hidden)
    handover = call_handler_lines(book, assess(book, walked.answers))
    assert card[3 : 5 + len(handover)] == ["Tell the call handler", *handover, action(book)]
    assert "Temperature 38.3 °C (100.9 °F)" in handover
    assert (
        card[5 + len(handover)]
        == "Go on with the questions to learn more (this advice is repeated at the end)"
    )
    person.press("go_on")
    assert asked(person) == "feeling_unwell"  # the question after the temperature
    walk_to_the_end(person, {})
    person.press("result")
    emergency = urgency_headings()[Urgency.EMERGENCY]
    assert person.page.headings[1] == emergency
    # The last words are the emergency's one instruction (a summary is offered before them).
    assert person.page.last_words == action(book)
    assert person.page.has("md")
    assert not [text for text in person.page.texts if "any symptom that worries you" in text]
    # The summary is for the people who see the person now, not for an appointment.
    texts = person.page.texts
    assert texts[texts.index("Save a summary") + 1] == (
        "A summary to show the people who see you: first a short part for them, then your result."
    )
    assert not [text for text in texts if "appointment" in text]


def test_the_emergency_card_shows_the_countrys_number(shipped: LoadedBook) -> None:
    person = Person(TestClient(build_app(for_country(shipped, "GB"), allowed_hosts=["testserver"])))
    assert (
        "If this is an emergency, stop now and call your local emergency number (999)." in person.page.texts
    )
    person.start()
    walk_to_the_end(person, CHEMOTHERAPY_AND_38_3)
    assert (
        "Get help now, as the advice above says. Your local emergency number is 999; or go to the nearest emergency department."
        in person.page.texts
    )


def checked(person: Person) -> list[str]:
    return [value for _, value, checked in person.page.form("answer").radios if checked]


def test_after_yes_to_treatment_each_kind_starts_on_not_sure(book: RuleBook, client: TestClient) -> None:
    """As Enter in the terminal: a page sent on without a choice made at a kind of treatment
    says "not sure", never "No" (a person on chemotherapy recorded none at the terminal's
    first kind). The treatment question itself starts there after "I have cancer now"."""
    person = Person(client)
    person.start()
    walk_until(person, "recent_treatment", {"cancer_history": "none"})
    assert checked(person) == []  # no diagnosis: nothing chosen at the treatment question
    person.answer("yes")
    for kind in ("recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line"):
        assert (asked(person), checked(person)) == (kind, ["unsure"])
        person.post(person.page.form("answer"))  # Continue, with the choice the page starts on
    walk_to_the_end(person, {})
    walk = walk_from(book, person.page.form("result").hidden)
    assert walk.answers["recent_chemotherapy"] == "unsure"
    again = Person(client)
    again.start()
    walk_until(again, "recent_treatment", {"cancer_history": "current", "primary_cancer": "breast"})
    assert checked(again) == ["unsure"]


def test_back_offers_the_answer_taken_back_and_drops_its_follow_ups(client: TestClient) -> None:
    person = Person(client)
    person.start()
    assert not person.page.has("back")  # the first question goes back to the start page by a link
    person.answer("current")
    assert asked(person) == "primary_cancer"
    person.press("back")
    assert asked(person) == "cancer_history"
    assert [value for _, value, checked in person.page.form("answer").radios if checked] == ["current"]
    person.answer("none")
    assert asked(person) == "recent_treatment"  # no question about where it started


def test_change_drops_follow_ups_that_no_longer_apply_and_asks_new_ones(client: TestClient) -> None:
    person = Person(client)
    person.start()
    walk_to_the_end(person, {"cancer_history": "none", "recent_treatment": "yes"})
    assert person.page.h1 == "Check your answers"
    rows = person.page.form("change").buttons
    assert (
        "question",
        "recent_chemotherapy",
        "Change your answer to: Have you had chemotherapy, immunotherapy, targeted drugs or another cancer medicine in the last 6 weeks?",
    ) in rows
    person.press("change", "recent_treatment")
    assert asked(person) == "recent_treatment"
    assert "Back to check your answers" in person.page.texts
    person.answer("no")
    assert person.page.h1 == "Check your answers"  # its follow-ups are gone, nothing new to ask
    findings = [value for _, value, _ in person.page.form("change").buttons]
    assert "recent_chemotherapy" not in findings and "temperature" not in findings
    person.press("change", "fever")
    person.answer("yes")
    assert asked(person) == "temperature"  # a new follow-up, asked before the check page again
    person.answer("")
    walk_to_the_end(person, {})  # and any other question a fever opens
    assert person.page.h1 == "Check your answers"
    assert "not given" in person.page.texts


def test_back_from_a_change_returns_to_the_check_page_with_the_answer_kept(client: TestClient) -> None:
    person = Person(client)
    person.start()
    walk_to_the_end(person, {"cancer_history": "none"})
    before = person.page.form("result").hidden
    person.press("change", "fatigue")
    person.press("back")
    assert person.page.h1 == "Check your answers"
    assert person.page.form("result").hidden == before


def test_a_refused_answer_shows_the_error_summary_and_keeps_everything(client: TestClient) -> None:
    person = Person(client)
    person.start()
    carried = person.page.form("answer").hidden
    person.post(person.page.form("answer"))  # no choice made
    assert person.page.headings[:2] == [
        "There is a problem",
        "Has a doctor ever told you that you have or had cancer?",
    ]
    assert "<title>Error: Has a doctor ever told you" in person.page.html
    assert '<a href="#answer">Choose an answer</a>' in person.page.html
    assert person.page.form("answer").hidden == carried
    walk_until(person, "temperature", {"cancer_history": "none", "fever": "yes"})
    # the hint, the help and a refusal agree: °C or °F, and an empty box leaves it out
    assert "Type it in °C, for example 38.2, or in °F, for example 100.8 F." in person.page.texts
    assert (
        "Type it like 38.5, 101.3 F, or leave the box empty if you have not measured it." in person.page.texts
    )
    assert not any("Celsius" in text or "unsure" in text for text in person.page.texts)
    person.answer("1OO F")
    assert asked(person) == "temperature"
    assert (
        '"1OO F" is not a temperature this tool can read (30 to 44 °C). Please type it like 38.5, 101.3 F, '
        "or leave the box empty if you have not measured it." in person.page.texts
    )
    assert not any("unsure" in text for text in person.page.texts)
    assert person.page.form("answer").texts == {"answer": "1OO F"}  # what was typed stays in the box
    person.answer("100")
    assert (
        '"100" is not a temperature this tool can read (30 to 44 °C). For Fahrenheit, type 100 F. Please '
        "type it like 38.5, 101.3 F, or leave the box empty if you have not measured it." in person.page.texts
    )
    person.answer("101,3 F")  # a decimal comma and Fahrenheit, as the terminal takes them
    assert asked(person) != "temperature"


def test_the_summaries_downloaded_are_ask_answers_own(client: TestClient, tmp_path: Path) -> None:
    person = Person(client)
    person.start()
    answers = {"cancer_history": "past", "primary_cancer": "prostate", "back_pain": "yes"}
    walk_to_the_end(person, answers)
    person.press("result")
    result = person.page
    sent = result.form("md").hidden
    walked = {name[2:]: value for name, value in sent if name.startswith("a.")}
    file = tmp_path / "answers.yaml"
    file.write_text("".join(f"{key}: '{value}'\n" for key, value in walked.items() if value))
    for button, form, name in (
        ("md", "markdown", "metasymptoms-summary.md"),
        ("html", "html", "metasymptoms-summary.html"),
    ):
        person.page = result
        person.press(button)
        assert person.response.headers["content-disposition"] == f'attachment; filename="{name}"'
        out = tmp_path / f"summary.{button}"
        assert main(["ask", "--answers", str(file), "--format", form, "--output", str(out)]) == 0
        made = re.compile(r"\d+ \w+ \d{4}, \d\d:\d\d \(UTC[^)]*\)")
        assert made.sub("WHEN", person.response.text) == made.sub("WHEN", out.read_text())


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for response in (client.get("/"), client.post("/walk", data={"action": "start"}), client.get("/nowhere")):
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["cache-control"] == "no-store"
    # The stylesheet holds nothing of a person: kept by the browser, asked again each time.
    stylesheet = client.get("/static/site.css")
    assert stylesheet.headers["cache-control"] == "no-cache"
    assert stylesheet.headers["x-content-type-options"] == "nosniff"
    assert (
        client.get("/static/site.css", headers={"if-none-match": stylesheet.headers["etag"]}).status_code
        == 304
    )


def test_a_host_name_not_bound_to_is_refused(book: RuleBook) -> None:
    app = build_app(book)  # the loopback names only
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost:8000").get("/").status_code == 200
    # A page on another site whose name was pointed at this address (DNS rebinding).
    assert TestClient(app, base_url="http://attacker.example:8000").get("/").status_code == 400


def test_answers_travel_only_in_posted_forms_and_pages_fetch_nothing_from_elsewhere(
    client: TestClient,
) -> None:
    person = Person(client)
    person.start()
    walk_to_the_end(person, {"cancer_history": "past", "back_pain": "yes"})
    person.press("result")
    for html in (client.get("/").text, person.page.html):
        assert not re.search(r'<form(?![^>]*method="post")', html)
        assert not re.search(r"<script|style=|<style", html)
        assets = re.findall(r'(?:src|href)="([^"]+)"', html)
        local = [asset for asset in assets if not asset.startswith("https://")]
        assert all(asset.startswith(("/", "#")) for asset in local), local
    # The only addresses elsewhere are the sources, as links to read, never loaded.
    assert re.findall(r'src="https?:', person.page.html) == []
    assert client.get("/walk").status_code == 405


def test_a_form_no_page_sent_is_refused_plainly(client: TestClient) -> None:
    for body in ("a.no_such_finding=yes", "a.back_pain=perhaps", "seen=not_a_flag", "x" * 70000):
        response = client.post(
            "/walk", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
        )
        assert response.status_code == 400
        assert "These answers could not be read" in response.text
    assert client.post("/walk", json={"action": "start"}).status_code == 400


def test_an_emergency_changed_back_at_the_check_page_still_stands_in_the_result(
    client: TestClient, book: RuleBook
) -> None:
    """38.3 °C on chemotherapy interrupts; "go on", then the temperature changed to 37.0 at
    the check page: no answer gives the emergency now, yet its advice is not taken back, and
    nothing routine follows it (the review said it still stands)."""
    person = Person(client)
    person.start()
    walk_to_the_end(person, CHEMOTHERAPY_AND_38_3)
    person.press("go_on")
    walk_to_the_end(person, {})
    person.press("change", "temperature")
    person.answer("37.0")
    walk_to_the_end(person, {})
    person.press("result")
    flag = book.red_flag("fever_on_chemotherapy")
    assert person.page.headings[1] == urgency_headings()[Urgency.EMERGENCY]
    texts = person.page.texts
    assert f"{flag.title}: {book.guidance.wording.emergency.changed_back}" in texts
    assert person.page.last_words == action(book)
    assert not [text for text in texts if "any symptom that worries you" in text or "Routine" in text]


def test_one_person_walks_through_two_app_instances_in_turn(book: RuleBook) -> None:
    """Nothing is kept between requests, so each page may come from a different worker."""
    first = TestClient(build_app(book, allowed_hosts=["testserver"]))
    second = TestClient(build_app(book, allowed_hosts=["testserver"]))
    person = Person([first, second])
    person.start()
    walk_to_the_end(person, CHEMOTHERAPY_AND_38_3)
    assert person.page.kind == "emergency"
    person.press("go_on")
    walk_to_the_end(person, {})
    person.press("result")
    assert person.page.headings[1] == urgency_headings()[Urgency.EMERGENCY]
    assert person.sent > 20


def test_serve_binds_this_computer_by_default_and_warns_for_a_network_address(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import uvicorn

    from metasymptoms.commands import serve

    bound: list[tuple[str, int]] = []
    monkeypatch.setattr(serve, "bound", lambda host, port: bound.append((host, port)))
    monkeypatch.setattr(uvicorn.Server, "run", lambda server, sockets: None)
    # this computer's addresses on its networks, as addresses_to_type would find them
    monkeypatch.setattr(serve, "addresses_to_type", lambda host: [host] if host != "0.0.0.0" else found)
    found = ["192.168.1.20", "fd00::2"]
    assert main(["serve"]) == 0
    assert capsys.readouterr().out == "metasymptoms is at http://127.0.0.1:8000/ (press Ctrl-C to stop)\n"
    assert main(["serve", "--host", "0.0.0.0", "--port", "8080", "--country", "AU"]) == 0
    assert capsys.readouterr().out == (
        "Warning: listening on 0.0.0.0: anyone who can reach this computer over the network can open "
        "these pages. Use it for a classroom on a network you trust, never on the internet.\n"
        "metasymptoms is at (students type one of these; press Ctrl-C to stop):\n"
        "  http://192.168.1.20:8080/\n"
        "  http://[fd00::2]:8080/\n"
    )
    found = []  # no network found: say how to find the address, never print 0.0.0.0
    assert main(["serve", "--host", "0.0.0.0", "--port", "8080"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == (
        "metasymptoms is listening on port 8080 of every network this computer is on; students open "
        "http://ADDRESS:8080/ with this computer's address from its network settings (press Ctrl-C to stop)"
    )
    assert bound == [("127.0.0.1", 8000), ("0.0.0.0", 8080), ("0.0.0.0", 8080)]


def test_serve_refuses_an_unknown_country_and_a_port_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--country", "XX"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.startswith(
        "metasymptoms: no emergency number is known for the country 'XX'."
    )
    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--port", "70000"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err == "metasymptoms: --port takes a number from 1 to 65535, not 70000\n"


def test_serve_says_plainly_when_another_program_holds_the_port(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit) as stopped:
            main(["serve", "--port", str(port)])
    assert stopped.value.code == 2
    said = capsys.readouterr()
    assert said.out == ""  # no address line for a server that is not there
    assert said.err == (
        f"metasymptoms: another program is using port {port}: stop it, or choose another port "
        f"with --port (with make: make serve PORT={port + 1})\n"
    )


def test_the_saved_summary_carries_the_stylesheet_the_pages_are_served_with(
    client: TestClient, book: RuleBook
) -> None:
    """One HTML layer: the summary is made from the same templates and the one stylesheet
    (inside the file, so it stays self-contained), and looks the same saved or served."""
    from metasymptoms.answering.assessment_html import render_html

    css = client.get("/static/site.css").text
    page = render_html(book, assess(book, {"cancer_history": "none", "back_pain": True}))
    assert f"<style>{css}</style>" in page
    assert "@media print" in css


def test_a_line_never_breaks_between_a_number_and_its_unit_or_inside_the_emergency_numbers(
    client: TestClient,
) -> None:
    """A unit alone at the start of a line ("°C") means nothing; "911 /" then "999 / 112" is
    easy to misread. Every page (and the saved summary, from the same templates) joins them with
    no-break spaces."""
    person = Person(client)
    assert "(911\u00a0/\u00a0999\u00a0/\u00a0112)" in person.page.html
    person.start()
    walk_until(person, "fever", {})
    assert "a temperature of 37.5\u00a0°C (99.5\u00a0°F) or higher" in person.page.html
    assert "37.5 °C" not in person.page.html
