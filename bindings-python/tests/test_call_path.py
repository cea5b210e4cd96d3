"""The thin call path (docs/python-call-path.md) against the JSON route it stands in for.

``Plan.evaluate`` and ``Indicator.assess`` send plain input to the core through typed
conversions and get their rows built in Rust; anything else takes the JSON route. The JSON
route is the reference here: every case runs both ways — the second through a handle whose
``*_plain`` methods always decline — and must give the same evaluation (the core's JSON of it,
byte for byte), the same Python objects field by field (``repr`` of ``asdict``: exact decimal
digits, float bits, types), or the same error (class, code, field, message).
"""

from __future__ import annotations

import copy
import json
import random
from dataclasses import asdict
from decimal import Decimal
from typing import Any, Dict, List

import numpy as np
import pytest

import onpace
from conftest import load_vectors
from onpace._results import Assessment

METHODS = [m["id"] for m in onpace.methods()]


class _JsonOnly:
    """A handle that declines every typed call, so the wrapper takes the JSON route."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def evaluate_plain(self, *args: Any) -> None:
        return None

    def assess_plain(self, *args: Any) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def _json_route(obj: Any) -> Any:
    twin = copy.copy(obj)
    twin._h = _JsonOnly(obj._h)
    return twin


def _fields(a: Assessment) -> str:
    return repr(asdict(a))


def _same_evaluation(plan: onpace.Plan, observations: Any, **kw: Any) -> None:
    thin, ref = plan.evaluate(observations, **kw), _json_route(plan).evaluate(observations, **kw)
    assert thin.to_json() == ref.to_json()
    assert [_fields(r) for r in thin.rows] == [_fields(Assessment._from(r)) for r in json.loads(ref.to_json())["rows"]]
    assert [_fields(r) for r in thin.rows] == [_fields(r) for r in ref.rows]
    assert thin.summary == ref.summary and thin.as_of == ref.as_of and thin.method_version == ref.method_version


def _same_error(call: Any, ref_call: Any) -> None:
    with pytest.raises(Exception) as thin:
        call()
    with pytest.raises(Exception) as ref:
        ref_call()
    t, r = thin.value, ref.value
    assert (type(t), str(t), getattr(t, "code", None), getattr(t, "field", None)) == \
        (type(r), str(r), getattr(r, "code", None), getattr(r, "field", None))


def test_plain_input_takes_the_typed_route() -> None:
    # Guards the comparisons below: they would pass trivially if the typed route declined all.
    plan = onpace.builtin_plan()
    ind = plan.indicator("rd-intensity")
    assert plan._h.evaluate_plain({"rd-intensity": {2022: 0.6}}, None, "open-sdg", {}, None, {}, "exclude", "plan") is not None
    a = ind._h.assess_plain([{"year": 2022, "value": "0.6"}], 2023, "eurostat", {}, None, "plan")
    assert isinstance(a, Assessment)
    # Not plain: pandas, numpy scalars, missing values, extra columns, padded text, bools.
    for obs in ({2022: np.float64(0.6)}, {2022: None}, [{"year": 2022, "value": 0.6, "flag": "estimated"}],
                {2022: " 0.6"}, {2022: True}, {2022.0: 0.6}, {2022: float("nan")}, [(2022, 0.6, 1)]):
        assert ind._h.assess_plain(obs, None, "cn-plan-pace", {}, None, "plan") is None, obs


def test_shared_vectors_both_routes() -> None:
    """Every assessment and plan-evaluation vector, as given and reduced to plain year/value
    pairs (so the typed route runs on every one of them)."""
    typed = 0
    for name in ("methods.json", "cn_plan_pace.json", "regressions.json", "plan_forms.json", "evaluations.json"):
        for c in load_vectors(name)["cases"]:
            i = c["input"]
            if c["op"] == "assess":
                ind = onpace.Indicator.from_json(json.dumps(i["indicator"]))
                as_of = i.get("as_of")
                as_of = None if as_of is None else as_of.get("year", as_of.get("date"))
                plain = [{"year": o["year"], "value": o["value"]} for o in i["observations"] if "value" in o]
                for obs in (i["observations"], plain):
                    kw: Dict[str, Any] = dict(as_of=as_of, method=i["method"], **i.get("thresholds", {}))
                    try:
                        ref = _json_route(ind).assess(obs, **kw)
                    except onpace.OnpaceError:
                        _same_error(lambda: ind.assess(obs, **kw), lambda: _json_route(ind).assess(obs, **kw))
                        continue
                    assert _fields(ind.assess(obs, **kw)) == _fields(ref), c["name"]
                    typed += obs is plain
            elif c["op"] == "evaluate_plan":
                plan = onpace.Plan.from_json(json.dumps(i["plan"]))
                plain = {k: [{"year": o["year"], "value": o["value"]} for o in v if "value" in o]
                         for k, v in i["observations"].items()}
                for obs in (i["observations"], plain):
                    _same_evaluation(plan, obs, method=i["method"], as_of=i.get("as_of"), baseline=i["baseline"])
                    typed += obs is plain
    assert typed > 100, typed


@pytest.mark.parametrize("seed", range(4))
def test_random_plain_observations_both_routes(seed: int) -> None:
    """Random plain input in every form and number type, every method, both built-in plans."""
    rng = random.Random(seed)

    def number() -> Any:
        v = rng.uniform(-5, 120)
        return rng.choice([round(v, 3), int(v), Decimal(f"{v:.4f}"), f"{v:.2f}", Decimal(f"{v:.1e}"), f"{v:.3e}"])

    compared = 0
    for plan_id in onpace.builtin_plans():
        plan = onpace.builtin_plan(plan_id)
        ids = [i.id for i in plan.indicators]
        for method in METHODS:
            obs: Dict[str, Any] = {}
            for ident in rng.sample(ids, rng.randint(0, len(ids))):
                years = rng.sample(range(2019, 2027), rng.randint(0, 4))
                form = rng.randrange(3)
                if form == 0:
                    obs[ident] = {y: number() for y in years}
                elif form == 1:
                    obs[ident] = [{"year": y, "value": number()} for y in years]
                else:
                    obs[ident] = [(y, number()) for y in years]
            as_of = rng.choice([None, 2022, 2023, "2024-06-30", "latest"])
            kw: Dict[str, Any] = {"method": method, "as_of": as_of, "missing": rng.choice(["exclude", "count_as_off_pace"])}
            try:
                _json_route(plan).evaluate(obs, **kw)
            except onpace.OnpaceError:
                _same_error(lambda: plan.evaluate(obs, **kw), lambda: _json_route(plan).evaluate(obs, **kw))
                continue
            _same_evaluation(plan, obs, **kw)
            compared += 1
            for ident, o in list(obs.items())[:3]:
                ind = plan.indicator(ident)
                assert _fields(ind.assess(o, method=method, as_of=as_of)) == \
                    _fields(_json_route(ind).assess(o, method=method, as_of=as_of))
    assert compared >= len(METHODS), compared  # most cases evaluate rather than fail


BAD: List[Any] = [
    {"rd-intensity": {2022: True}},                      # a bool is not a number
    {"rd-intensity": {2022: float("nan")}},              # NaN outside pandas is an error
    {"rd-intensity": {2022: "0_6"}},                      # lenient number forms are refused
    {"rd-intensity": {2022: "0.6 "}},                     # padded text: the JSON route strips it (accepted)
    {"rd-intensity": {2022: 10 ** 40}},                   # beyond 28 digits
    {"rd-intensity": {2022: Decimal("Infinity")}},
    {"rd-intensity": {2022: "1e400"}},
    {"rd-intensity": {2022.5: 0.6}},                      # not a whole year
    {"rd-intensity": {10 ** 12: 0.6}},                    # a year beyond i32
    {"rd-intensity": [{"year": 2022}]},                   # no value
    {"nope": {2022: 0.6}},                                # an id the plan lacks
    {"rd-intensity": "0.6"},                               # text where observations go
]


@pytest.mark.parametrize("obs", BAD, ids=range(len(BAD)))
def test_bad_input_errors_are_the_json_routes(obs: Any) -> None:
    plan = onpace.builtin_plan()
    try:
        _json_route(plan).evaluate(obs)
    except Exception:  # noqa: BLE001 - compared below
        _same_error(lambda: plan.evaluate(obs), lambda: _json_route(plan).evaluate(obs))
    else:
        _same_evaluation(plan, obs)
    ind = plan.indicator("rd-intensity")
    one = obs.get("rd-intensity", obs.get("nope"))
    try:
        _json_route(ind).assess(one)
    except Exception:  # noqa: BLE001 - compared below
        _same_error(lambda: ind.assess(one), lambda: _json_route(ind).assess(one))
    else:
        assert _fields(ind.assess(one)) == _fields(_json_route(ind).assess(one))


@pytest.mark.parametrize("kw", [{"method": 5}, {"method": "nope"}, {"missing": "never"}, {"baseline": "printed"},
                                {"as_of": 2022.5}, {"as_of": "2022/1/1"}, {"model": 3}, {"weights": {"rd-intensity": -1}},
                                {"weights": {"rd-intensity": True}}, {"lag_tolerance": "x"}, {"nonsense": 1}],
                         ids=lambda kw: next(iter(kw)))
def test_bad_arguments_errors_are_the_json_routes(kw: Dict[str, Any]) -> None:
    plan = onpace.builtin_plan()
    obs = {"rd-intensity": {2022: 0.6}}
    _same_error(lambda: plan.evaluate(obs, **kw), lambda: _json_route(plan).evaluate(obs, **kw))
    if "weights" not in kw and "missing" not in kw:
        ind = plan.indicator("rd-intensity")
        _same_error(lambda: ind.assess({2022: 0.6}, **kw), lambda: _json_route(ind).assess({2022: 0.6}, **kw))


def test_rows_are_built_once_and_kept() -> None:
    ev = onpace.builtin_plan("cn-14th-fyp-st").evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
    assert ev.rows is ev.rows and isinstance(ev.rows, list)
    assert ev.rows[0].thresholds == {k: Decimal(v) for k, v in json.loads(ev.to_json())["rows"][0]["thresholds"].items()}


def test_open_sdg_bench_runs() -> None:
    """benches/python/open_sdg_compare.py on 200 series, one untimed round: its check that every
    status and score equals the Open SDG peer model's runs in CI, and the bench cannot rot (its
    timings are read by hand, benches/README.md, never asserted)."""
    import importlib.util
    import sys
    from pathlib import Path

    benches = Path(__file__).resolve().parents[2] / "benches" / "python"
    sys.path.insert(0, str(benches))
    spec = importlib.util.spec_from_file_location("open_sdg_compare", benches / "open_sdg_compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.run(200, rounds=1)["series"] == 200
