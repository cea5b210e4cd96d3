"""The Python keyword defaults are the core's (onpace::DEFAULTS, read through onpace.defaults()):
a default changed in the core and not here, or here and not in the core, fails."""

from __future__ import annotations

import inspect
from typing import Any, Callable

import pytest

import onpace

D = onpace.defaults()


def _default(fn: Callable[..., Any], name: str) -> Any:
    return inspect.signature(fn).parameters[name].default


def test_the_core_defaults_are_the_documented_ones() -> None:
    # Hand-written: what docs/methods.md and the README promise.
    assert D == {"method": "cn-plan-pace", "projection_model": "ols_linear", "level": 0.9, "assess_model": "endpoint_cagr",
                 "path_kind": "linear", "missing": "exclude", "lang": "zh"}


@pytest.mark.parametrize(("fn", "param", "key"), [
    (onpace.Indicator.assess, "method", "method"),
    (onpace.Plan.evaluate, "method", "method"),
    (onpace.Plan.evaluate, "missing", "missing"),
    (onpace.Indicator.project, "model", "projection_model"),
    (onpace.Indicator.project, "level", "level"),
    (onpace.project_trend, "model", "projection_model"),
    (onpace.project_trend, "level", "level"),
    (onpace.Indicator.path, "kind", "path_kind"),
    (onpace.required_path, "kind", "path_kind"),
    (onpace.Plan.schedule_markdown, "lang", "lang"),
])
def test_signature_defaults_are_the_cores(fn: Callable[..., Any], param: str, key: str) -> None:
    assert _default(fn, param) == D[key], f"{fn.__qualname__}({param}=…) differs from the core's {key}"


def test_a_call_without_the_keyword_gets_the_cores_default() -> None:
    rd = onpace.builtin_plan().indicator("rd-intensity")
    assert rd.assess({2022: "0.60"}).method == D["method"]
    assert rd.project({2021: "0.45", 2022: "0.60", 2023: "0.70"}).model == D["projection_model"]
