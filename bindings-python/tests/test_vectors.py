"""The shared vectors in tests/vectors/, run through the public Python API: the same expected
values as the Rust and JS suites. A case whose op no runner here knows fails the suite."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict

import pytest

import onpace
from conftest import VECTORS, check_dec, check_float, load_vectors


def run_path(c: Dict[str, Any]) -> None:
    i, e = c["input"], c["expected"]
    start, end = (i["from_year"], i["from_value"]), (i["to_year"], i["to_value"])
    if "error" in e:
        with pytest.raises(onpace.OnpaceError) as exc:
            onpace.required_path(start, end, i["kind"])
        assert exc.value.code == e["error"]  # type: ignore[attr-defined]
        return
    path = onpace.required_path(start, end, i["kind"])
    if "values" in e:
        assert len(path) == len(e["values"])
        for m, v in zip(path, e["values"]):
            check_dec(c["name"], f"milestone {m.year}", m.value, v)
    if "floats" in e:
        assert len(path) == len(e["floats"])
        for m, v in zip(path, e["floats"]):
            check_float(c["name"], f"milestone {m.year}", float(m.value), v, c["tolerance"])
        assert str(path[0].value) == str(onpace.required_path(start, end, "linear")[0].value)


def run_progress(c: Dict[str, Any]) -> None:
    i, e, tol = c["input"], c["expected"], c["tolerance"]
    p = onpace.progress((i["base_year"], i["base_value"]), (i["latest_year"], i["latest_value"]),
                        (i["target_year"], i["target_value"]), i["direction"])
    for f in ("time_share", "milestone", "required_slope"):
        check_dec(c["name"], f, getattr(p, f), e[f])
    for f in ("completion", "pace", "actual_slope", "required_slope_from_now"):
        check_dec(c["name"], f, getattr(p, f), e[f])
    for f in ("actual_cagr", "required_cagr", "required_cagr_from_now", "years_to_target", "acceleration"):
        check_float(c["name"], f, getattr(p, f), e[f], tol)


def run_assess(c: Dict[str, Any]) -> None:
    i, e = c["input"], c["expected"]
    ind = onpace.Indicator.from_json(json.dumps(i["indicator"]))
    as_of = i.get("as_of")
    as_of = None if as_of is None else as_of.get("year", as_of.get("date"))
    a = ind.assess(i["observations"], as_of=as_of, method=i["method"], **i.get("thresholds", {}))
    assert a.status == e["status"], f"{c['name']}: {a.status} != {e['status']}"
    if "time_share" in e:
        check_dec(c["name"], "time_share", a.time_share, e["time_share"])
    if "completion" in e:
        check_dec(c["name"], "completion", a.completion, e["completion"])
    for f in ("ratio", "score", "index"):
        if f in e:
            check_float(c["name"], f, getattr(a, f), e[f], c.get("tolerance", 0.0))
    for code in e.get("warnings", []):
        assert any(w.code == code for w in a.warnings), f"{c['name']}: no {code} warning in {a.warnings}"


def run_implied(c: Dict[str, Any]) -> None:
    ind = onpace.Indicator.from_json(json.dumps(c["input"]["indicator"]))
    e = c["expected"]
    if "error" in e:
        with pytest.raises(onpace.OnpaceError) as exc:
            ind.implied_target()
        assert exc.value.code == e["error"]  # type: ignore[attr-defined]
        return
    _, value, comparator = ind.implied_target()
    check_dec(c["name"], "value", value, e["value"])
    assert comparator == e["comparator"]


def run_project(c: Dict[str, Any]) -> None:
    i, e = c["input"], c["expected"]
    band = i["band"] or {}
    kw = dict(low=band.get("low"), high=band.get("high"), model=i["model"], level=i["level"])
    if "error" in e:
        with pytest.raises(onpace.OnpaceError) as exc:
            onpace.project_trend([tuple(p) for p in i["points"]], i["year"], **kw)  # type: ignore[arg-type]
        assert exc.value.code == e["error"]  # type: ignore[attr-defined]
        return
    p = onpace.project_trend([tuple(p) for p in i["points"]], i["year"], **kw)  # type: ignore[arg-type]
    for f in ("value", "low", "high", "p_meet", "growth"):
        check_float(c["name"], f, getattr(p, f), e[f], c["tolerance"])
    if "slope" in e:
        check_float(c["name"], "slope", p.slope, e["slope"], c["tolerance"])
    assert p.year_reached == e["year_reached"]


def run_numerator_path(c: Dict[str, Any]) -> None:
    i, e = c["input"], c["expected"]
    ind = onpace.builtin_plan(i["plan"]).indicator(i["indicator"])
    d = ind.numerator_path(i["denominator_year"], i["denominator"], i["growth"], kind=i["kind"])
    for r, n, den in zip(d.rows, e["numerators"], e["denominators"]):
        check_dec(c["name"], f"numerator {r.year}", r.numerator, n)
        check_dec(c["name"], f"denominator {r.year}", r.denominator, den)
    assert len(d.rows) == len(e["numerators"])
    check_float(c["name"], "numerator_cagr", d.numerator_cagr, e["numerator_cagr"], c["tolerance"])


def run_what_if(c: Dict[str, Any]) -> None:
    i, e = c["input"], c["expected"]
    ind = onpace.Indicator.from_json(json.dumps(i["indicator"]))
    w = ind.what_if(i["from_year"], i["value"], **i["growth"])
    assert len(w.path) == len(e["values"])
    for m, v in zip(w.path, e["values"]):
        check_dec(c["name"], f"value {m.year}", m.value, v)
    assert w.meets_target == e["meets_target"]
    assert w.year_reached == e["year_reached"]


def run_evaluate(c: Dict[str, Any]) -> None:
    i, e = c["input"], c["expected"]
    plan = onpace.builtin_plan(i["plan"])
    ev = plan.evaluate(onpace.builtin_observations(i["plan"]), method=i["method"], as_of=i.get("as_of"))
    assert [r.status for r in ev.rows] == e["statuses"], c["name"]
    assert (ev.summary.assessed, ev.summary.not_assessable, ev.summary.on_pace) == (e["assessed"], e["not_assessable"], e["on_pace"])
    if "mean_score" in e:
        assert ev.summary.mean_score is not None and abs(ev.summary.mean_score - e["mean_score"]) <= c["tolerance"] * abs(e["mean_score"]), c["name"]
    if "overall_status" in e:
        assert ev.summary.overall_status == e["overall_status"], c["name"]


def run_evaluate_plan(c: Dict[str, Any]) -> None:
    i, e = c["input"], c["expected"]
    plan = onpace.Plan.from_json(json.dumps(i["plan"]))
    ev = plan.evaluate(i["observations"], method=i["method"], as_of=i.get("as_of"), baseline=i["baseline"])
    rows = e["rows"]
    seen = 0
    for r in ev.rows:
        if r.indicator not in rows:
            continue
        seen += 1
        x, name = rows[r.indicator], f"{c['name']} / {r.indicator}"
        assert r.status == x["status"], f"{name}: {r.status} != {x['status']}"
        if "path" in x:
            assert r.path == x["path"], name
        if "breach_years" in x:
            assert r.breach_years == x["breach_years"], name
            assert (r.completion, r.pace, r.milestone) == (None, None, None), name
        if "time_share" in x:
            check_dec(name, "time_share", r.time_share, x["time_share"])
        if isinstance(x.get("completion"), str):
            check_dec(name, "completion", r.completion, x["completion"])
        elif "completion" in x:
            check_float(name, "completion", None if r.completion is None else float(r.completion), x["completion"], c["tolerance"])
        if "latest_value" in x:
            assert r.inputs is not None, name
            check_dec(name, "latest_value", r.inputs.latest_value, x["latest_value"])
    assert seen == len(rows), c["name"]


RUNNERS: Dict[str, Callable[[Dict[str, Any]], None]] = {
    "evaluate_plan": run_evaluate_plan,
    "path": run_path,
    "progress": run_progress,
    "assess": run_assess,
    "implied_target": run_implied,
    "project": run_project,
    "numerator_path": run_numerator_path,
    "what_if": run_what_if,
    "evaluate": run_evaluate,
}

FILES = ["paths.json", "progress.json", "cn_plan_pace.json", "implied_targets.json", "methods.json", "projections.json", "scenarios.json",
         "evaluations.json", "regressions.json", "plan_forms.json"]


@pytest.mark.parametrize("name", FILES)
def test_vector_file(name: str) -> None:
    data = load_vectors(name)
    assert data["cases"], name
    for case in data["cases"]:
        assert case["source"].strip(), case["name"]
        runner = RUNNERS.get(case["op"])
        assert runner is not None, f"{case['name']}: no Python runner for op {case['op']}"
        runner(case)


def test_every_vector_file_is_run() -> None:
    on_disk = {p.name for p in VECTORS.glob("*.json")}
    assert on_disk == set(FILES) | {"bad_plans.json", "bad_inputs.json"}, on_disk


def _set(doc: Any, pointer: str, value: Any) -> None:
    parent, key = pointer.rsplit("/", 1)
    node = doc
    for part in [p for p in parent.split("/") if p]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(key)] = value
    else:
        node[key] = value


def test_bad_plans() -> None:
    data = load_vectors("bad_plans.json")
    assert len(data["cases"]) >= 20
    for case in data["cases"]:
        i = case["input"]
        if "nest" in i:
            d = i["nest"]
            text = '{"indicators":[{"target":{"x":' + "[" * d + "]" * d + ',"kind":"none"}}]}'
        elif "text" in i:
            text = i["text"]
        else:
            doc = json.loads(json.dumps(data["base"]))
            for pointer, value in i.get("set", []):
                _set(doc, pointer, value)
            for pointer in i.get("remove", []):
                parent, key = pointer.rsplit("/", 1)
                node = doc
                for part in [p for p in parent.split("/") if p]:
                    node = node[part]
                del node[key]
            text = json.dumps(doc, ensure_ascii=False) + i.get("append", "")
        with pytest.raises(onpace.OnpaceError) as exc:
            onpace.Plan.from_json(text)
        err: Any = exc.value
        assert err.code == case["expected"]["code"], f"{case['name']}: {err.code} {err}"
        assert isinstance(err, onpace.ERRORS[err.code])
        if "path" in case["expected"]:
            assert err.field == case["expected"]["path"], f"{case['name']}: {err.field!r}"
