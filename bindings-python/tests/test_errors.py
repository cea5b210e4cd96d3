"""Every error code reaches Python as its own exception class with .code and .field."""

from __future__ import annotations

import json
from typing import Any, Callable

import pytest

import onpace

IND = onpace.Indicator("x", unit="percent", direction="increase", baseline=(2020, 1), target=(2025, 2))


def _plan_with(**changes: Any) -> str:
    base = json.loads(onpace.builtin_plan("cn-14th-fyp-st").to_json())
    base.update(changes)
    return json.dumps(base)


CASES: dict[str, Callable[[], Any]] = {
    "invalid_plan": lambda: onpace.Plan.from_json(_plan_with(id="Bad Id")),
    "parse": lambda: onpace.Plan.from_json("{"),
    "invalid_observations": lambda: IND.assess([(2021, 1), (2021, 2)]),
    "unknown_indicator": lambda: onpace.builtin_plan().indicator("nope"),
    "unknown_plan": lambda: onpace.builtin_plan("nope"),
    "unknown_method": lambda: IND.assess({2021: 1}, method="nope"),
    "invalid_argument": lambda: IND.assess({2021: 1}, no_such_threshold=1),
    "undefined_growth": lambda: onpace.required_path((2020, 0), (2025, 1), "geometric"),
    "insufficient_data": lambda: IND.project({2021: 1}, model="ols_linear"),
    "no_target": lambda: onpace.Indicator("y", unit="percent", direction=1, baseline=(2020, 1), target=onpace.Target.none()).implied_target(),
    "year_out_of_range": lambda: onpace.Indicator("y", unit="percent", direction=1, baseline=(2020, 1), target=(2019, 2)),
    "overflow": lambda: onpace.required_path((2020, "79228162514264337593543950335"), (2022, "-79228162514264337593543950335")),
}


def test_every_code_has_a_case() -> None:
    assert set(CASES) == set(onpace.ERRORS)


@pytest.mark.parametrize("code", sorted(CASES))
def test_error_class_and_attributes(code: str) -> None:
    with pytest.raises(onpace.OnpaceError) as exc:
        CASES[code]()
    err: Any = exc.value
    assert err.code == code, f"{code}: got {err.code}: {err}"
    assert type(err) is onpace.ERRORS[code]
    assert isinstance(err, ValueError)
    assert isinstance(err.field, str)
    assert str(err)


def test_fields_name_the_fault() -> None:
    with pytest.raises(onpace.YearOutOfRangeError) as exc:
        onpace.Indicator("y", unit="percent", direction=1, baseline=(2020, 1), target=(2019, 2))
    assert exc.value.field == "indicator.target.year"  # type: ignore[attr-defined]
    with pytest.raises(onpace.ParseError) as p:
        IND.assess({2021: float("nan")})
    assert "2021" in p.value.field  # type: ignore[attr-defined]
    with pytest.raises(onpace.InvalidArgumentError):
        IND.assess({2021: True})


def test_observations_are_named_by_year_with_no_position_in_built_json() -> None:
    # The core names an observation by the year the caller wrote (issue 15's rule, the same path
    # as in JS): the 2022 value is the second of the list the wrapper builds, not "[1]".
    for obs in ({2021: "0.4", 2022: "abc"}, [(2021, "0.4"), (2022, "abc")], [{"year": 2021, "value": "0.4"}, {"year": 2022, "value": "abc"}]):
        with pytest.raises(onpace.ParseError) as exc:
            IND.assess(obs)
        err: Any = exc.value
        assert err.field == "observations[2022].value", err
        assert str(err) == "observations[2022].value: `abc` is not a decimal number"
        assert err.line is None
    plan = onpace.builtin_plan("yanbian-st-14")
    with pytest.raises(onpace.ParseError) as exc:
        plan.evaluate({"rd-intensity": [(2021, "0.4"), (2023, "1x")]})
    assert exc.value.field == "observations.rd-intensity[2023].value"  # type: ignore[attr-defined]
    # The constructor's JSON is the wrapper's: no "at line 1 column 86" in the message.
    with pytest.raises(onpace.InvalidPlanError) as bad:
        onpace.Indicator("x", unit="percent", direction="sideways", baseline=(2020, 1), target=(2025, 2))
    assert bad.value.field == "direction"  # type: ignore[attr-defined]
    assert "line" not in str(bad.value) and "column" not in str(bad.value), str(bad.value)
    # JSON the caller wrote keeps its line, to find the place in their file.
    with pytest.raises(onpace.ParseError) as own:
        onpace.Plan.from_json('{\n  "id": "x",\n  "title": }')
    assert own.value.line == 3  # type: ignore[attr-defined]


def test_instance_survives_bad_input() -> None:
    bad = ["", "{", "[]", "null", '{"id": 1}', "\x00", "1e400"]
    for text in bad:
        with pytest.raises(onpace.OnpaceError):
            onpace.Plan.from_json(text)
    # still computes a known case: 0.36 → 1.10, first linear milestone 0.508.
    assert onpace.builtin_plan().indicator("rd-intensity").path()[1].value == onpace.Milestone(2021, __import__("decimal").Decimal("0.508")).value
