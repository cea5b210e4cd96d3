"""The bad-input catalogue (tests/vectors/bad_inputs.json) through the Python API: the same
error codes as Rust and JS; inputs are not modified; the process still computes afterwards."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from typing import Any, Dict

import pytest

import onpace
from conftest import load_vectors


def _text(i: Dict[str, Any]) -> str:
    if "text" in i:
        return str(i["text"])
    if "generate" in i:
        g = i["generate"]
        return str(g["prefix"] + g["repeat"] * g["times"] + g["suffix"])
    b = i["builtin_with"]
    doc = json.loads(onpace.builtin_plan(b["plan"]).to_json())
    for pointer, value in b["set"]:
        parts = pointer.split("/")[1:]
        node = doc
        for p in parts[:-1]:
            node = node[int(p)] if isinstance(node, list) else node[p]
        last = parts[-1]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value
    return json.dumps(doc, ensure_ascii=False)


def _run(op: str, i: Dict[str, Any]) -> None:
    if op == "indicator_json":
        onpace.Indicator.from_json(_text(i))
    elif op == "plan_json":
        onpace.Plan.from_json(_text(i))
    elif op == "assess":
        ind = onpace.Indicator.from_json(json.dumps(i["indicator"]))
        before = copy.deepcopy(i["observations"])
        try:
            ind.assess(i["observations"], method=i.get("method", "cn-plan-pace"), as_of=i.get("as_of"), **i.get("thresholds", {}))
        finally:
            assert i["observations"] == before, "the input was modified"
    elif op == "float_value":
        onpace.Indicator("x", unit="percent", direction=1, baseline=(2020, float(i["float"])), target=(2025, 2))
    elif op == "required_path":
        onpace.required_path((i["from_year"], i["from_value"]), (i["to_year"], i["to_value"]), i["kind"])
    elif op == "path":
        onpace.builtin_plan(i["plan"]).indicator(i["indicator"]).path(i["kind"], from_year=i["from_year"], from_value=i["from_value"])
    elif op == "what_if":
        ind = onpace.builtin_plan(i["plan"]).indicator(i["indicator"])
        ind.what_if(i["from_year"], i["value"], rate=i.get("rate"), increment=i.get("increment"))
    elif op == "progress":
        onpace.progress((i["base_year"], i["base_value"]), (i["latest_year"], i["latest_value"]), (i["target_year"], i["target_value"]))
    elif op == "project_points":
        onpace.project_trend([(p[0], p[1]) for p in i["points"]], i["year"], model=i["model"], level=i["level"])
    elif op == "evaluate":
        onpace.builtin_plan(i["plan"]).evaluate(i["observations"], weights=i.get("weights"))
    elif op == "csv":
        onpace.read_observations_csv(i["text"])
    else:
        raise AssertionError(f"unknown op {op}")


def test_catalogue() -> None:
    data = load_vectors("bad_inputs.json")
    assert len(data["cases"]) >= 60
    ran = 0
    for case in data["cases"]:
        if "python" not in case.get("languages", ["python"]):
            continue
        with pytest.raises(onpace.OnpaceError) as exc:
            _run(case["op"], case["input"])
        err: Any = exc.value
        assert err.code == case["expected"]["code"], f"{case['name']}: {err.code}: {err}"
        assert isinstance(err, onpace.ERRORS[err.code])
        ran += 1
    assert ran == len(data["cases"])
    # The same process still computes a known case: 0.36 → 1.10, first milestone 0.508.
    assert onpace.builtin_plan().indicator("rd-intensity").path()[1].value == Decimal("0.508")


def test_csv_reader() -> None:
    obs = onpace.read_observations_csv("\ufeffindicator,year,value\r\nrd-intensity,2022,\"0.60\"\r\n")
    assert obs["rd-intensity"][0]["value"] == Decimal("0.60")
    assert onpace.builtin_plan().evaluate(obs).rows[0].status == "lagging"
