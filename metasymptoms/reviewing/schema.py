"""JSON Schema of the rule files, for editors (yaml-language-server completes and checks
files that name their schema in a first-line comment)."""

from __future__ import annotations

import json
from typing import Any

from metasymptoms.core.layout import RULE_FILES
from metasymptoms.core.scenarios import Scenario
from metasymptoms.reviewing.hazards import HazardLog

# Each kind of file by its short name: the rule files (layout.py), then the reviewers' and
# teachers' own files.
FILE_MODELS: dict[str, type] = {spec.kind: spec.model for spec in RULE_FILES}
FILE_MODELS.update(hazards=HazardLog, scenario=Scenario)

_FINDING_ID = {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}
CONDITION: dict[str, Any] = {
    "description": (
        "A finding id (reported), 'finding: no', a choice 'finding: [values]', a number's "
        "range 'finding: {at_least: 37.5, below: 39}', or one of all:, any:, not:, or at_least: with of:."
    ),
    "anyOf": [
        _FINDING_ID,
        {
            "type": "object",
            "properties": {"all": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}}},
            "required": ["all"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {"any": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}}},
            "required": ["any"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {"not": {"$ref": "#/$defs/condition"}},
            "required": ["not"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "properties": {
                "at_least": {"type": "integer", "minimum": 1},
                "of": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}},
            },
            "required": ["at_least", "of"],
            "additionalProperties": False,
        },
        {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "patternProperties": {
                "^[a-z][a-z0-9_]*$": {
                    "anyOf": [
                        {"type": "boolean"},
                        {"type": "string"},
                        {"type": "array", "minItems": 1, "items": {"type": "string"}},
                        {
                            "type": "object",
                            "minProperties": 1,
                            "properties": {"at_least": {"type": "number"}, "below": {"type": "number"}},
                            "additionalProperties": False,
                        },
                    ]
                }
            },
            "additionalProperties": False,
        },
    ],
}


def file_schema(kind: str) -> dict[str, Any]:
    from pydantic import TypeAdapter

    schema = _with_condition_refs(TypeAdapter(FILE_MODELS[kind]).json_schema())
    schema.setdefault("$defs", {})["condition"] = CONDITION
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": f"metasymptoms rule file: {kind}",
    }


def _with_condition_refs(node: Any) -> Any:
    if isinstance(node, dict):
        if node.get("x-metasymptoms-condition"):
            return {"$ref": "#/$defs/condition"}
        return {key: _with_condition_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_with_condition_refs(value) for value in node]
    return node


def all_schemas() -> dict[str, dict[str, Any]]:
    return {kind: file_schema(kind) for kind in FILE_MODELS}


def schema_text(kind: str) -> str:
    return json.dumps(file_schema(kind), indent=2, sort_keys=False) + "\n"
