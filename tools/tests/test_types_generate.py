"""tools/types/generate.py: the TS declarations generated from the core's schemas."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("generate", ROOT / "tools" / "types" / "generate.py")
assert spec and spec.loader
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)


def test_keys_are_camel_cased_as_the_js_wrapper_does() -> None:
    # api.js camelKey: `_x` → `X` for a letter or digit.
    assert generate.camel("required_cagr_from_now") == "requiredCagrFromNow"
    assert generate.camel("p_meet") == "pMeet"
    assert generate.camel("year") == "year"


def test_schema_forms() -> None:
    e = generate.Emitter(camel_case=True)
    assert e.ts({"type": ["string", "null"]}) == "string | null"
    assert e.ts({"oneOf": [{"const": "a"}, {"const": "b"}]}) == '"a" | "b"'
    assert e.ts({"type": "array", "items": {"anyOf": [{"type": "integer"}, {"type": "null"}]}}) == "(number | null)[]"
    assert e.ts({"type": "array", "prefixItems": [{"type": "integer"}, {"$ref": "#/$defs/Decimal"}]}) == "[number, Decimal]"
    assert e.ts({"type": "object", "additionalProperties": {"type": "string"}}) == "Record<string, string>"
    obj = e.ts({"type": "object", "properties": {"time_share": {"type": "string"}, "n": {"type": "integer"}}, "required": ["time_share"]})
    assert "timeShare: string;" in obj and "n?: number;" in obj


def test_an_unknown_form_stops_the_generator() -> None:
    with pytest.raises(SystemExit):
        generate.Emitter(camel_case=False).ts({"type": "tuple-of-dreams"})


def test_the_committed_files_are_what_the_generator_writes() -> None:
    for name, (schema, camel_case, what) in generate.FILES.items():
        assert (ROOT / "bindings-wasm" / "js" / name).read_text(encoding="utf-8") == generate.generate(schema, camel_case, what), name


def test_the_error_blocks_follow_the_core_table() -> None:
    current = generate.ERRORS_JS.read_text(encoding="utf-8")
    assert generate.error_blocks(current) == current
    # A block edited by hand is written back from the table.
    edited = current.replace("  parse: 'ParseError',\n", "  parse: 'ParsingError',\n")
    assert edited != current and generate.error_blocks(edited) == current
    with pytest.raises(SystemExit):
        generate.error_blocks("no blocks here")
