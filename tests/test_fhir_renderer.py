"""The exported form in a real renderer: LHC-Forms in headless Chromium, and back.

A scripted person fills in the Questionnaire in LHC-Forms (the National Library of Medicine's
FHIR form renderer), including a typed number and an answer that a changed answer then
hides; LHC-Forms writes the QuestionnaireResponse, and `ask --answers` must give the same
urgency, warning signs and sites as the same answers written as YAML.

LHC-Forms is fetched from npm for the tests only (it is never shipped) and kept in pytest's
cache; Chromium is the system's (/usr/bin/chromium), driven by Playwright, never a browser
Playwright downloads. Without either, the test is skipped and says why.
"""

from __future__ import annotations

import json
import mimetypes
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.helpers import run_main
from tests.test_fhir_export import SCHEMA

LFORMS = "lforms@40.1.3"
ORIGIN = "http://renderer.test"  # served from the files by Playwright's routing: no server, no network
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>form</title>
<link rel="stylesheet" href="/lforms/webcomponent/styles.css">
<script src="/lforms/webcomponent/assets/lib/zone.min.js"></script>
<script src="/lforms/webcomponent/runtime.js" type="module"></script>
<script src="/lforms/webcomponent/polyfills.js" type="module"></script>
<script src="/lforms/webcomponent/main.js" type="module"></script>
<script src="/lforms/fhir/R4/lformsFHIR.min.js" defer></script>
</head><body><div id="form"></div></body></html>"""


@pytest.fixture(scope="session")
def lforms(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """LHC-Forms' built files (dist/lforms), unpacked from the npm package once."""
    cache = request.config.cache
    home = cache.mkdir("lforms-40.1.3") if cache is not None else tmp_path_factory.mktemp("lforms")
    dist = home / "package" / "dist" / "lforms"
    if (dist / "webcomponent" / "main.js").is_file():
        return dist
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip(f"the renderer test needs npm to fetch {LFORMS}, and npm is not installed")
    with tempfile.TemporaryDirectory() as folder:
        packed = subprocess.run(
            [npm, "pack", LFORMS, "--pack-destination", folder], capture_output=True, text=True, timeout=300
        )
        tarballs = list(Path(folder).glob("*.tgz"))
        if packed.returncode != 0 or not tarballs:
            pytest.skip(f"could not fetch {LFORMS} with npm: {packed.stderr.strip()[-300:]}")
        with tarfile.open(tarballs[0]) as tar:
            tar.extractall(home, filter="data")
    return dist


class Form:
    """The exported Questionnaire in LHC-Forms, answered as a person does: by clicking the
    answer shown, by typing a number."""

    def __init__(self, page: Any, questionnaire: dict[str, Any], expect: Any):
        self.page, self.expect = page, expect
        self.displays = {
            (item["linkId"], option["valueCoding"]["code"]): option["valueCoding"]["display"]
            for item in _items(questionnaire)
            for option in item.get("answerOption", [])
        }

    def field(self, link_id: str) -> Any:
        return self.page.locator(f'[id="{link_id}/1/1"]')

    def choose(self, link_id: str, code: str, *, several: bool = False) -> None:
        display = self.displays[link_id, code]
        self.field(link_id).click()
        shown = re.compile(r":\s+" + re.escape(display) + "$")
        self.page.locator("li[autocomprawlistindex]:visible", has_text=shown).click()
        if several:  # "which of these": a multi-select shows each chosen beside the box
            self.field(link_id).press("Escape")
            self.expect(self.page.get_by_text(display, exact=False).first).to_be_visible()
        else:
            self.expect(self.field(link_id)).to_have_value(display)  # taken, before the next answer

    def type(self, link_id: str, text: str) -> None:
        self.field(link_id).fill(text)
        self.field(link_id).press("Tab")
        self.expect(self.field(link_id)).to_have_value(text)

    def response(self, answered: set[str]) -> dict[str, Any]:
        """The form's QuestionnaireResponse, once it holds answers to exactly `answered` (the
        form may take a moment, under load, to take in the last click)."""
        self.page.wait_for_function(
            """links => {
                const made = LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4');
                const found = [];
                const walk = items => (items || []).forEach(item => {
                    if (item.answer && item.answer.length) found.push(item.linkId);
                    walk(item.item);
                });
                walk(made.item);
                return found.sort().join(' ') === links.slice().sort().join(' ');
            }""",
            arg=sorted(answered),
        )
        made: dict[str, Any] = self.page.evaluate(
            "() => LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4')"
        )
        return made


def _items(resource: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for item in resource.get("item", []):
        yield item
        yield from _items(item)


def _serve(lforms: Path, route: Any) -> None:
    path = route.request.url.removeprefix(ORIGIN).split("?")[0]
    if path == "/":
        route.fulfill(body=PAGE, content_type="text/html")
        return
    file = (lforms / path.removeprefix("/lforms/")).resolve()
    if path.startswith("/lforms/") and file.is_relative_to(lforms.resolve()) and file.is_file():
        route.fulfill(body=file.read_bytes(), content_type=mimetypes.guess_type(file.name)[0] or "text/plain")
    else:
        route.fulfill(status=404, body="")


@pytest.fixture
def form(browser: Any, lforms: Path, tmp_path: Path) -> Iterator[tuple[Form, dict[str, Any]]]:
    exported = run_main("rules", "export", "--format", "fhir-r4")
    assert exported.returncode == 0, exported.stderr
    questionnaire = json.loads(exported.stdout)
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route("**/*", lambda route: _serve(lforms, route))
    page.goto(f"{ORIGIN}/")
    page.wait_for_function(
        "() => !!(window.LForms && LForms.Util && LForms.Util.addFormToPage && LForms.FHIR)"
    )
    page.evaluate("questionnaire => LForms.Util.addFormToPage(questionnaire, 'form', {})", questionnaire)
    page.wait_for_selector('[id="cancer_history/1/1"]')
    from playwright.sync_api import expect

    yield Form(page, questionnaire, expect), questionnaire
    page.close()
    assert errors == []


def _outcome(answers_file: Path) -> tuple[str, list[str], list[str], str]:
    result = run_main("ask", "--answers", str(answers_file), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return (
        data["urgency"],
        [flag["id"] for flag in data["red_flags"]],
        [site["id"] for site in data["sites"]],
        result.stderr,
    )


def test_a_response_made_in_lhc_forms_gives_the_same_result_as_yaml(
    form: tuple[Form, dict[str, Any]], tmp_path: Path
) -> None:
    person, questionnaire = form
    person.choose("cancer_history", "current")
    person.choose("primary_cancer", "breast")
    person.choose("recent_treatment", "yes")
    person.choose("fever", "yes")
    person.type("temperature", "38.4")
    person.choose("back_pain", "yes")
    person.choose("back_pain_band", "yes")  # hidden again below, and so not sent
    person.choose("jaundice", "unsure")
    person.choose("back_pain", "no")
    person.expect(person.field("back_pain_band")).to_have_count(0)
    person.choose(
        "limb_weakness", "left_leg", several=True
    )  # still asked: a history of cancer; which of these

    # Each kind of treatment, shown after "yes" to treatment, starts at "not sure" as Enter
    # gives in the terminal, and is sent so.
    kinds_of_treatment = {"recent_chemotherapy", "recent_radiotherapy", "on_steroids", "central_line"}
    expected = {
        "cancer_history", "primary_cancer", "recent_treatment", "fever", "temperature",
        "back_pain", "jaundice", "limb_weakness", *kinds_of_treatment,
    }  # fmt: skip
    made = person.response(expected)
    assert {item["linkId"] for item in _items(made) if item.get("answer")} == expected
    assert jsonschema.Draft6Validator(SCHEMA).is_valid(made)
    assert made["questionnaire"] == f"{questionnaire['url']}|{questionnaire['version']}"
    response_file = tmp_path / "response.json"
    response_file.write_text(json.dumps(made, indent=2), encoding="utf-8")

    yaml_file = tmp_path / "answers.yaml"
    yaml_file.write_text(
        "cancer_history: current\nprimary_cancer: breast\nrecent_treatment: yes\nfever: yes\n"
        "temperature: 38.4\nback_pain: no\njaundice: unsure\nlimb_weakness: [left_leg]\n"
        + "".join(f"{kind}: unsure\n" for kind in sorted(kinds_of_treatment)),
        encoding="utf-8",
    )
    from_form, from_yaml = _outcome(response_file), _outcome(yaml_file)
    assert from_form == from_yaml
    assert from_form[0] == "emergency"
    assert from_form[3] == ""  # LHC-Forms marks it completed, for this version: nothing to say
