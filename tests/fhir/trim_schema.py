"""How tests/fhir/fhir-r4.schema.json was made from the official FHIR R4 JSON Schema.

    python tests/fhir/trim_schema.py PATH/TO/fhir.schema.json > tests/fhir/fhir-r4.schema.json

It keeps the Questionnaire and QuestionnaireResponse resources and every definition they
refer to, and nothing else. The one change: `ResourceList` (what `contained` may hold) lists
only those two resources, since the others are not kept. Every kept definition is unchanged.
"""

from __future__ import annotations

import json
import sys
from typing import Any

KEPT = ("Questionnaire", "QuestionnaireResponse")


def refs(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            found.add(ref.removeprefix("#/definitions/"))
        for value in node.values():
            found |= refs(value)
    elif isinstance(node, list):
        for value in node:
            found |= refs(value)
    return found


def trim(schema: dict[str, Any]) -> dict[str, Any]:
    definitions = schema["definitions"]
    definitions["ResourceList"] = {"oneOf": [{"$ref": f"#/definitions/{name}"} for name in KEPT]}
    kept: set[str] = set()
    todo = list(KEPT)
    while todo:
        name = todo.pop()
        if name not in kept:
            kept.add(name)
            todo += sorted(refs(definitions[name]) - kept)
    return {
        "$schema": schema["$schema"],
        "id": schema["id"],
        "description": schema["description"] + " (trimmed to " + " and ".join(KEPT) + ")",
        "discriminator": {
            "propertyName": "resourceType",
            "mapping": {name: f"#/definitions/{name}" for name in KEPT},
        },
        "oneOf": [{"$ref": f"#/definitions/{name}"} for name in KEPT],
        "definitions": {name: definitions[name] for name in definitions if name in kept},
    }


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as file:
        print(json.dumps(trim(json.load(file)), indent=2, ensure_ascii=False))
