"""Issue 12's plan forms from Python: rates typed three ways, the forms plan at a mid-year date
in zh/en/ko, revised baselines, date and mixing errors. Expected values: hand calculations noted
inline, and tests/vectors/plan_forms.json (tests/reference/forms_ref.py) for the verdicts."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

import onpace

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def forms_plan() -> onpace.Plan:
    return onpace.Plan.from_file(FIXTURES / "forms-plan.json")


def forms_obs() -> dict:
    return json.loads((FIXTURES / "forms-plan.observations.json").read_text(encoding="utf-8"))


def test_a_rate_typed_three_ways() -> None:
    assert onpace.parse_rate("7%") == Decimal("0.07")
    assert onpace.parse_rate(0.07) == Decimal("0.07")
    assert onpace.parse_rate(Decimal("0.07")) == Decimal("0.07")
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.parse_rate(7)
    assert "7 means +700 % a year; write 0.07 or '7%'" in str(e.value)
    assert onpace.parse_rate(7, allow_large=True) == Decimal("7")
    assert onpace.Target.annual_growth(2025, "7%").to_dict()["rate"] == "0.07"
    assert onpace.Target.annual_growth(2025, 0.07).to_dict()["rate"] == "0.07"
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.Target.annual_growth(2025, "5")
    assert "5 means +500 % a year; write 0.05 or '5%'" in str(e.value)
    assert e.value.field == "target.rate"  # type: ignore[attr-defined]
    # Scenarios take the same parser: 100 growing 5 % a year is 105 a year later.
    ind = onpace.Indicator("x", unit="ratio", direction="increase", baseline=(2020, 100), target=(2025, 200))
    assert ind.what_if(2020, 100, rate="5%").path[1].value == Decimal("105.00")
    with pytest.raises(onpace.InvalidArgumentError):
        ind.what_if(2020, 100, rate=5)


def test_forms_plan_at_mid_year_in_three_languages() -> None:
    plan = forms_plan()
    # Round trip through JSON keeps the plan.
    assert onpace.Plan.from_json(plan.to_json()).to_json() == plan.to_json()
    ev = plan.evaluate(forms_obs(), as_of="2023-06-30")
    by = {r.indicator: r for r in ev.rows}
    assert by["gdp-growth"].status == "monitored"
    assert by["urban-unemployment"].status == "breached" and by["urban-unemployment"].breach_years == [2022]
    assert by["urban-unemployment"].completion is None and by["urban-unemployment"].pace is None
    assert by["grain-capacity"].status == "held"
    e = by["energy-intensity"]
    assert e.path == "geometric" and e.time_share == Decimal("0.5")  # 2.5 of 5 years
    assert e.inputs is not None and e.inputs.latest_value == Decimal("97.2027")  # 100 × 0.973 × 0.999
    assert [c[1] for c in e.inputs.chained_annual_changes] == [Decimal("-0.027"), Decimal("-0.001")]
    assert ev.summary.monitored == 1
    # The bound's chart draws the bound as a line (labelled), not a required path.
    assert "bound every year 5.5" in str(ev.chart_svg("urban-unemployment", "en"))
    for lang, word in [("zh", "未守住底线"), ("en", "breached"), ("ko", "기준 이탈")]:
        md = ev.to_markdown(lang)
        assert word in md, lang
        assert "<svg" in ev.to_html(lang)


def test_revised_baseline_on_request() -> None:
    obs = forms_obs()
    plan_row = [r for r in forms_plan().evaluate(obs, as_of="2023-06-30").rows if r.indicator == "life-expectancy"][0]
    rev_row = [r for r in forms_plan().evaluate(obs, as_of="2023-06-30", baseline="revised").rows if r.indicator == "life-expectancy"][0]
    # (78.2 − 77.3)/1 = 0.9 ≥ 0.5 + 0.1 → ahead; (78.2 − 77.93)/1 = 0.27 < 0.45 → lagging.
    assert (plan_row.status, plan_row.completion) == ("ahead", Decimal("0.9"))
    assert (rev_row.status, rev_row.completion) == ("lagging", Decimal("0.27"))
    assert rev_row.inputs is not None and rev_row.inputs.baseline == "revised"
    assert rev_row.inputs.plan_base_value == Decimal("77.3") and rev_row.inputs.revision_date == "2021-05-11"


def test_dates_and_mixing_are_errors() -> None:
    with pytest.raises(onpace.InvalidArgumentError):
        forms_plan().evaluate(forms_obs(), as_of="2023-02-30")
    spec = json.loads((FIXTURES / "forms-plan.json").read_text(encoding="utf-8"))
    spec["indicators"][0]["target"] = {"kind": "annual_growth", "year": 2025, "rate": "0.05"}
    with pytest.raises(onpace.InvalidPlanError) as e:
        onpace.Plan.from_json(json.dumps(spec))
    assert "compound a growth rate" in str(e.value)


def test_annual_changes_from_csv_and_from_a_dataframe() -> None:
    # The same chained changes as the JSON fixture, as a statistician types them in a CSV or
    # keeps them in a DataFrame: the level is 100 × 0.973 × 0.999 = 97.2027 either way.
    csv = "indicator,year,annual_change\nenergy-intensity,2021,-2.7%\nenergy-intensity,2022,-0.001\n"
    obs = onpace.read_observations_csv(csv)
    assert obs["energy-intensity"][0]["annual_change"] == Decimal("-0.027")
    plan = forms_plan()
    row = {r.indicator: r for r in plan.evaluate(obs, as_of="2023-06-30").rows}["energy-intensity"]
    assert row.inputs is not None and row.inputs.latest_value == Decimal("97.2027")
    import pandas as pd  # in requirements-test.txt: this never skips
    frame = pd.DataFrame({"indicator": ["energy-intensity"] * 2, "year": [2021, 2022], "annual_change": ["-2.7%", "-0.1%"]})
    row = {r.indicator: r for r in plan.evaluate(frame, as_of="2023-06-30").rows}["energy-intensity"]
    assert row.inputs is not None and row.inputs.latest_value == Decimal("97.2027")
