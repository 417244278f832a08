"""Rule books generated for the proof benchmarks: the shipped book grown N times, and the
shipped book with one red flag that needs at least N of M findings.

A grown book holds N copies of every finding, question, red flag and site rule (the copies'
ids end in `_xK`); the findings with a special role (history, primary cancer, treatment,
known spread) stay single, so every copy asks about the same person, as a larger real book
would. A finding book.yaml declares may lower the urgency is declared in every copy. Amber
flags are copied too, so the "two ambers make a red" combination counts N
times as many.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

WORDS = ("all", "any", "not", "at_least", "of")


def _renamer(single: set[str], suffix: str):
    def finding(name: str) -> str:
        return name if name in single else name + suffix

    def condition(raw: Any) -> Any:
        if isinstance(raw, str):
            return finding(raw)
        if isinstance(raw, list):
            return [condition(part) for part in raw]
        if isinstance(raw, dict):
            out = {}
            for key, value in raw.items():
                if key in ("all", "any", "of", "not"):
                    out[key] = condition(value)
                elif key == "at_least":
                    out[key] = value
                else:
                    out[finding(key)] = value
            return out
        return raw

    return finding, condition


class _Plain(yaml.SafeDumper):
    """Writes every shared value out in full: rule files refuse anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(path: Path, data: Any) -> None:
    path.write_text(yaml.dump(data, Dumper=_Plain, sort_keys=False, allow_unicode=True, width=1000))


def grown_book(source: Path, folder: Path, times: int, share: bool = False) -> Path:
    """The book in `source` with `times` copies of everything (times=1: the book itself).
    With `share`, the copies keep referring to the same number and choice findings
    (temperature, counts, history, treatment, spread), as a larger real book would."""
    shutil.copytree(source, folder)
    if times == 1:
        return folder
    findings = yaml.safe_load((folder / "findings.yaml").read_text())
    questions = yaml.safe_load((folder / "questions.yaml").read_text())
    flags = yaml.safe_load((folder / "red_flags.yaml").read_text())
    sites = {path: yaml.safe_load(path.read_text()) for path in sorted((folder / "sites").glob("*.yaml"))}
    single = {
        item["id"]
        for item in findings["findings"]
        if item.get("role") or (share and item.get("type", "yes_no") in ("number", "choice"))
    }
    originals = (
        list(findings["findings"]),
        list(questions["sections"]),
        list(flags["red_flags"]),
        {path: list(site["rules"]) for path, site in sites.items()},
    )
    for copy in range(1, times):
        suffix = f"_x{copy}"
        finding, condition = _renamer(single, suffix)
        for item in originals[0]:
            if item["id"] in single:
                continue
            new = {**item, "id": finding(item["id"]), "label": f"{item['label']} ({copy})"}
            if "implies" in new:
                new["implies"] = finding(new["implies"])
            findings["findings"].append(new)
        for section in originals[1]:
            asked = [
                {
                    **question,
                    "finding": finding(question["finding"]),
                    **({"ask_if": condition(question["ask_if"])} if "ask_if" in question else {}),
                }
                for question in section["questions"]
                if question["finding"] not in single
            ]
            if asked:
                questions["sections"].append({**section, "id": section["id"] + suffix, "questions": asked})
        for flag in originals[2]:
            flags["red_flags"].append({**flag, "id": flag["id"] + suffix, "when": condition(flag["when"])})
        for path, rules in originals[3].items():
            sites[path]["rules"] += [
                {**rule, "id": rule["id"] + suffix, "when": condition(rule["when"])} for rule in rules
            ]
    info = yaml.safe_load((folder / "book.yaml").read_text())
    declared = list(info.get("lowers_urgency_when_reported") or [])
    for copy in range(1, times):
        finding, _ = _renamer(single, f"_x{copy}")
        info["lowers_urgency_when_reported"] += [
            {**entry, "finding": finding(entry["finding"])} for entry in declared
        ]
    _dump(folder / "book.yaml", info)
    _dump(folder / "findings.yaml", findings)
    _dump(folder / "questions.yaml", questions)
    _dump(folder / "red_flags.yaml", flags)
    for path, site in sites.items():
        _dump(path, site)
    return folder


def at_least_book(source: Path, folder: Path, needed: int = 10, of: int = 30) -> Path:
    """The book in `source` with one more red flag: at least `needed` of `of` yes/no findings
    that every person is asked (the first `of` in the questionnaire's order)."""
    shutil.copytree(source, folder)
    findings = yaml.safe_load((folder / "findings.yaml").read_text())
    questions = yaml.safe_load((folder / "questions.yaml").read_text())
    yes_no = {
        item["id"]
        for item in findings["findings"]
        if item.get("type", "yes_no") == "yes_no" and not item.get("role")
    }
    asked = [
        question["finding"]
        for section in questions["sections"]
        for question in section["questions"]
        if question["finding"] in yes_no and "ask_if" not in question
    ][:of]
    assert len(asked) == of, f"the book asks only {len(asked)} yes/no findings of everyone"
    flags = yaml.safe_load((folder / "red_flags.yaml").read_text())
    flags["red_flags"].append(
        {
            "id": "many_signs",
            "title": "Many signs at once",
            "when": {"at_least": needed, "of": asked},
            "urgency": "urgent",
            "advice": "Many of these signs together need a check today: call your healthcare provider.",
            "sources": ["CC-META"],
            "checked": {"by": "author", "date": "2026-01-01"},
        }
    )
    _dump(folder / "red_flags.yaml", flags)
    return folder


def wide_book(source: Path, folder: Path, of: int = 100, join: str = "any", gated: bool = True) -> Path:
    """The book in `source` with one more red flag: `any` (or `all`) of `of` yes/no findings,
    every yes/no finding of the book (with `gated`, those behind an ask_if too) and, past
    those, new findings each asked of everyone."""
    shutil.copytree(source, folder)
    findings = yaml.safe_load((folder / "findings.yaml").read_text())
    questions = yaml.safe_load((folder / "questions.yaml").read_text())
    behind = {
        question["finding"]
        for section in questions["sections"]
        for question in section["questions"]
        if "ask_if" in question
    }
    wide = [
        item["id"]
        for item in findings["findings"]
        if item.get("type", "yes_no") == "yes_no"
        and not item.get("role")
        and (gated or item["id"] not in behind)
    ][:of]
    extra = [f"extra_sign_{n}" for n in range(of - len(wide))]
    findings["findings"] += [{"id": name, "label": f"an extra sign ({name})"} for name in extra]
    if extra:
        questions["sections"].append(
            {
                "id": "extra_signs",
                "title": "Extra signs",
                "questions": [{"finding": name, "text": f"Do you have {name}?"} for name in extra],
            }
        )
    flags = yaml.safe_load((folder / "red_flags.yaml").read_text())
    flags["red_flags"].append(
        {
            "id": "wide_signs",
            "title": "Any of many signs",
            "when": {join: wide + extra},
            "urgency": "prompt",
            "advice": "Any of these signs needs a check within days: contact your healthcare provider.",
            "sources": ["CC-META"],
            "checked": {"by": "author", "date": "2026-01-01"},
        }
    )
    _dump(folder / "findings.yaml", findings)
    _dump(folder / "questions.yaml", questions)
    _dump(folder / "red_flags.yaml", flags)
    return folder
