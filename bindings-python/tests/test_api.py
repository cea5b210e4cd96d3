"""Every public function and every input form. Expected values are hand calculations
(shown inline) or come from the built-in plans' published figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import onpace

D = Decimal


def test_builtins(yanbian: Any) -> None:
    assert onpace.builtin_plans() == ["yanbian-st-14", "cn-14th-fyp-st"]
    assert yanbian.id == "yanbian-st-14"
    assert [i.id for i in yanbian.indicators][:2] == ["rd-intensity", "industrial-rd-personnel-share"]
    rd = yanbian.indicator("rd-intensity")
    assert rd.baseline == (2020, D("0.36"))
    assert rd.implied_target() == (2025, D("1.10"), "at_least")
    assert rd.name("en") == "R&D expenditure as a share of GDP"
    obs = onpace.builtin_observations("cn-14th-fyp-st")
    assert obs["rd-expenditure"][2024] == D("36326.8")
    assert onpace.builtin_observations("yanbian-st-14") == {}
    assert yanbian.reference_value("gdp") == (2020, D("726.86"))


def test_projects(yanbian: Any) -> None:
    assert len(yanbian.projects) == 26
    # Hand count from Tables 2, 3 and 5 (see tests/tests/builtins.rs): 19 projects run in 2024.
    assert len(yanbian.projects_active(2024)) == 19
    sanghuang = [p for p in yanbian.projects if p.table == 3 and p.number == 2][0]
    assert sanghuang.total_investment() == D("42900")  # 6400 + 5500 + 10000 + 4500 + 16500 万元
    assert sanghuang.phase == "一期工程"
    assert len(yanbian.achievements) >= 20 and len(yanbian.key_fields) == 5


def test_wrapper_lookups_are_the_cores(yanbian: Any) -> None:
    """reference_value, projects_active and total_investment come from the core (issue 17)."""
    # The core's error for a missing figure, with its field.
    with pytest.raises(onpace.InvalidArgumentError) as exc:
        yanbian.reference_value("no-such-figure")
    assert exc.value.field == "reference_value"  # type: ignore[attr-defined]
    with pytest.raises(onpace.InvalidArgumentError):
        yanbian.reference_value(7)
    # No project runs before the plan (2021–2025) nor after its tables' last end year.
    assert yanbian.projects_active(1990) == [] and yanbian.projects_active(2100) == []
    with pytest.raises(onpace.InvalidArgumentError):
        yanbian.projects_active("soon")
    sanghuang = [p for p in yanbian.projects if p.table == 3 and p.number == 2][0]
    # 42900 万元 = 429 000 000 元 = 4.29 亿元 (hand conversion).
    assert sanghuang.total_investment("one") == D("429000000")
    assert sanghuang.total_investment("hundred_million") == D("4.29")
    assert sanghuang.total_investment() == D("42900")
    empty = onpace.Project(table=2, number=1, name="x", undertakers=[], start_year=2021, start_month=None, end_year=2022,
                           end_month=None, phase=None, location="x", county=None, summary={})
    assert empty.total_investment() is None
    # Two amounts of 79228162514264337593543950335 元 (2^96 − 1, the largest 96-bit decimal) do not
    # sum in 28 digits: the core's overflow check, which the Python sum lacked.
    big = "79228162514264337593543950335"
    huge = onpace.Project(table=2, number=1, name="x", undertakers=[], start_year=2021, start_month=None, end_year=2022,
                          end_month=None, phase=None, location="x", county=None, summary={},
                          investments=[("a", D(big), "one"), ("b", D(big), "one")])
    with pytest.raises(onpace.DecimalOverflowError):
        huge.total_investment()
    with pytest.raises(onpace.ParseError):
        sanghuang.total_investment("lakh")


def test_chart_names_are_the_cores_with_deprecated_aliases(yanbian: Any) -> None:
    """chart_svg, pace_svg, projects_svg: the names of Rust and JS; the old Python names warn."""
    e = onpace.builtin_plan("cn-14th-fyp-st").evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
    with pytest.warns(DeprecationWarning, match=r"chart_svg"):
        assert str(e.chart("rd-expenditure", "en")) == str(e.chart_svg("rd-expenditure", "en"))
    with pytest.warns(DeprecationWarning, match=r"pace_svg"):
        assert str(e.pace_chart("en")) == str(e.pace_svg("en"))
    with pytest.warns(DeprecationWarning, match=r"projects_svg"):
        assert str(yanbian.projects_chart("en")) == str(yanbian.projects_svg("en"))


def test_progress_is_a_deprecated_alias_of_assess(yanbian: Any) -> None:
    rd = yanbian.indicator("rd-intensity")
    with pytest.warns(DeprecationWarning, match=r"Indicator\.assess\(\)"):
        old = rd.progress({2022: "0.60"}, method="eurostat", window_years=0)
    assert old == rd.assess({2022: "0.60"}, method="eurostat", window_years=0)


def test_path_forms(yanbian: Any) -> None:
    rd = yanbian.indicator("rd-intensity")
    # 0.36 → 1.10 in five equal steps of 0.148.
    assert [m.value for m in rd.path()] == [D("0.36"), D("0.508"), D("0.656"), D("0.804"), D("0.952"), D("1.10")]
    geo = rd.path("geometric")
    assert geo[0].value == D("0.36") and geo[-1].value == D("1.10")
    # Re-planned from 0.60 in 2022: 0.60 + (1.10 − 0.60)·k/3.
    again = rd.path(from_year=2022, from_value="0.60")
    assert again[0] == onpace.Milestone(2022, D("0.60")) and again[-1].value == D("1.10")
    s = rd.path().to_pandas()
    assert s.loc[2021] == D("0.508")


@pytest.mark.parametrize(
    "observations",
    [
        {2022: D("0.60")},
        {2022: "0.60"},
        {2022: 0.6},  # a float enters through its shortest repr, so it is exactly 0.6
        [(2022, D("0.60"))],
        [{"year": 2022, "value": "0.60"}],
        pd.Series([0.6], index=[2022]),
        pd.DataFrame({"year": [2022], "value": [0.6]}),
    ],
)
def test_observation_forms(yanbian: Any, observations: Any) -> None:
    a = yanbian.indicator("rd-intensity").assess(observations)
    # (0.6 − 0.36)/(1.10 − 0.36) = 0.24/0.74 = 12/37 against τ = 2/5 → lagging.
    assert a.status == "lagging"
    assert a.time_share == D("0.4")
    assert abs(a.completion - D(12) / D(37)) < D("1e-26")


def test_pandas_nan_is_missing() -> None:
    s = pd.Series([0.5, float("nan"), 0.6], index=[2021, 2022, 2023])
    ind = onpace.Indicator("x", unit="ratio", direction=1, baseline=(2020, "0.36"), target=(2025, "1.10"))
    a = ind.assess(s)
    assert a.inputs is not None and a.inputs.latest_year == 2023


def test_float_input_is_its_shortest_repr() -> None:
    ind = onpace.Indicator("x", unit="ratio", direction="increase", baseline=(2020, 0.1), target=(2025, 0.3))
    assert ind.baseline == (2020, D("0.1"))
    p = onpace.progress((2020, 0.1), (2022, 0.2), (2025, 0.3))
    assert p.completion == D("0.5")  # exactly, not 0.5000000000000001


def test_indicator_construction_and_targets() -> None:
    t = onpace.Target.annual_growth(2025, "0.07")
    ind = onpace.Indicator("rd", unit={"kind": "money", "currency": "CNY", "magnitude": "hundred_million"},
                           direction="increase", baseline=(2020, "24393.1"), target=t, label={"zh": "研发", "en": "R&D"},
                           nature="anticipatory", decimals=1)
    # 24393.1 × 1.07^5 = 34212.58462213817 (exact; Python decimal).
    assert ind.implied_target()[1] == D("34212.58462213817")
    assert ind.nature == "anticipatory" and ind.decimals == 1
    assert onpace.Indicator.from_json(ind.to_json()).to_json() == ind.to_json()
    for target, value in [
        (onpace.Target.level(2025, 5, "below"), D("5")),
        (onpace.Target.range(2025, 5, "5.5"), D("5")),
        (onpace.Target.change(2025, "-0.135"), D("86.5")),
        (onpace.Target.change(2025, 1, "absolute"), D("101")),
        (onpace.Target.level(2025, 12, "exactly", tolerance="0.1"), D("12")),
    ]:
        i = onpace.Indicator("x", unit="percent", direction=1, baseline=(2020, 100), target=target)
        assert i.implied_target()[1] == value
    with pytest.raises(onpace.NoTargetError):
        onpace.Indicator("x", unit="percent", direction=1, baseline=(2020, 1), target=onpace.Target.none()).implied_target()


def test_methods_and_projection() -> None:
    cn = onpace.builtin_plan("cn-14th-fyp-st")
    obs = onpace.builtin_observations("cn-14th-fyp-st")
    ids = [m["id"] for m in onpace.methods()]
    assert ids == ["cn-plan-pace", "eurostat", "open-sdg", "unsd", "escap", "destatis", "sdsn"]
    for m in ids:
        e = cn.evaluate(obs, method=m)
        assert len(e.rows) == 4 and e.rows[0].status == "achieved"
    basic = cn.indicator("basic-research-share")
    a = basic.assess(obs["basic-research-share"], method="eurostat", window_years=0)
    assert a.status == "insufficient_progress" and a.ratio is not None
    p = basic.project(obs["basic-research-share"], model="ols_linear", level=0.9)
    # OLS on 2020–2024: slope 0.201 (hand: Sxy/Sxx = 2.01/10), 7.149 in 2025.
    assert abs(p.value - 7.149) < 1e-9 and p.low is not None and p.low < p.value < (p.high or 0)
    assert p.p_meet is not None and 0 <= p.p_meet < 0.05
    assert p.to_pandas().loc[0, "model"] == "ols_linear"
    with pytest.raises(onpace.InsufficientDataError):
        basic.project({2021: "6.5"}, model="ols_linear")


def test_evaluation(yanbian: Any) -> None:
    cn = onpace.builtin_plan("cn-14th-fyp-st")
    obs = onpace.builtin_observations("cn-14th-fyp-st")
    e = cn.evaluate(obs)
    assert [r.status for r in e.rows] == ["achieved", "achieved", "lagging", "not_assessable"]
    assert e.summary.assessed == 3 and e.summary.on_pace == 2
    df = e.to_pandas()
    assert df.loc["basic-research-share", "completion"] == pytest.approx(0.87 / 1.99, rel=1e-15)
    assert df["completion"].dtype == "float64"
    exact = e.to_pandas(decimals=True)
    assert exact.loc["basic-research-share", "time_share"] == D("0.8")
    assert "基础研究经费占研发经费比重" in e.to_markdown("zh")
    assert "滞后" in e._repr_html_() and "lagging" in e.to_html("en")
    # As known at the end of 2023 (see tests/tests/builtins.rs for the hand calculation).
    then = cn.evaluate(obs, as_of="2023-12-31")
    # The time share is the date's (3/5), and R&D's growth target is judged on the geometric path.
    assert [r.status for r in then.rows][:3] == ["on_track", "lagging", "lagging"]
    # A long DataFrame works too.
    long = pd.DataFrame([{"indicator": k, "year": y, "value": v} for k, s in obs.items() for y, v in s.items()])
    assert cn.evaluate(long).to_json() == e.to_json()
    weighted = cn.evaluate(obs, weights={"basic-research-share": 2}, missing="count_as_off_pace")
    # On pace 1 + 1 of weights 1 + 1 + 2 + 1 = 5 → 2/5.
    assert weighted.summary.weighted_share_on_pace == D("0.4")


def test_scenarios(yanbian: Any) -> None:
    rd = yanbian.indicator("rd-intensity")
    w = rd.what_if(2020, "0.36", rate="0.25")
    # 0.36 × 1.25^5 = 1.0986328125 < 1.10: not met.
    assert w.path[-1].value == D("1.0986328125") and w.meets_target is False
    d = rd.numerator_path(2020, "726.86", "0.05")
    # 0.36 % of 726.86 亿元 = 26166.96 万元 (hand calculation).
    assert d.rows[0].numerator == D("26166.96")
    assert d.to_pandas().shape == (6, 3)


def test_plan_files(tmp_path: Path, yanbian: Any) -> None:
    f = tmp_path / "plan.json"
    f.write_text(yanbian.to_json(), encoding="utf-8")
    again = onpace.Plan.from_file(f)
    assert again.to_json() == yanbian.to_json()
    assert "properties" in onpace.plan_schema()


def test_display(yanbian: Any) -> None:
    onpace.set_lang("en")
    try:
        assert "R&amp;D expenditure" in yanbian._repr_html_()
        rd = yanbian.indicator("rd-intensity")
        assert "≥ 1.10 % (2025)" in rd._repr_html_()  # the target as the plan writes it
        a = rd.assess({2022: "0.6"})
        html = a._repr_html_()
        assert "lagging" in html and "▼" in html
        assert "Assessment('rd-intensity'" in repr(a)
        assert onpace.get_lang() == "en"
        with pytest.raises(onpace.InvalidArgumentError):
            onpace.set_lang("fr")
    finally:
        onpace.set_lang("zh")
    assert "滞后" in onpace.status_html("lagging")
