"""The Python result types carry exactly the fields the core's result structs serialize.

The field lists come from the core: core/schema/results.schema.json is generated from the Rust
types (onpace::io::schema::results_schema_json, a core test keeps the committed file identical),
so a field added to, removed from or renamed in a Rust result fails here until the dataclass
follows. Nullability too: a field the core may leave null is Optional in Python."""

from __future__ import annotations

import dataclasses
import json
import pathlib
import typing
from typing import Any, Dict

import pytest

import onpace

SCHEMA = pathlib.Path(__file__).resolve().parents[2] / "core" / "schema" / "results.schema.json"
CORE: Dict[str, Any] = json.loads(SCHEMA.read_text(encoding="utf-8"))

#: Rust result type → the Python type that mirrors it.
PYTHON = {
    "Assessment": onpace.Assessment,
    "UsedInputs": onpace.UsedInputs,
    "Warning": onpace.ResultWarning,
    "Milestone": onpace.Milestone,
    "Progress": onpace.Progress,
    "Projection": onpace.Projection,
    "Summary": onpace.Summary,
    "StatusCount": onpace.StatusCount,
    "WhatIf": onpace.WhatIf,
    "Decomposition": onpace.Decomposition,
    "DecompositionRow": onpace.DecompositionRow,
}


def test_every_core_result_has_a_python_type() -> None:
    assert set(PYTHON) == set(CORE)


def _nullable(schema: Dict[str, Any], root: Dict[str, Any]) -> bool:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _nullable(root.get("$defs", {}).get(name, {}), root)
    kinds = schema.get("type")
    if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    return any(_nullable(s, root) for s in schema.get("anyOf", []) + schema.get("oneOf", []))


@pytest.mark.parametrize("name", sorted(PYTHON))
def test_fields_are_the_cores(name: str) -> None:
    cls = PYTHON[name]
    assert dataclasses.is_dataclass(cls)
    python = {f.name for f in dataclasses.fields(cls)}
    core = set(CORE[name]["properties"])
    assert python == core, f"{name}: only in the core {sorted(core - python)}, only in Python {sorted(python - core)}"


@pytest.mark.parametrize("name", sorted(PYTHON))
def test_nullable_fields_are_optional(name: str) -> None:
    root = CORE[name]
    hints = typing.get_type_hints(PYTHON[name])
    for field, schema in root["properties"].items():
        optional = type(None) in typing.get_args(hints[field])
        assert optional == _nullable(schema, root), f"{name}.{field}: core nullable {_nullable(schema, root)}, Python {hints[field]}"
