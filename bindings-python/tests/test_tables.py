"""The statistician's workflow: plans from tables and back, numbers of every type, wide
observations, the report table, and escaping in every HTML the Python layer writes.
Expected values are hand calculations (inline) or the plan files' own figures."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Callable, Dict

import numpy as np
import pandas as pd
import pytest

import onpace
from onpace._convert import dec_str

D = Decimal

# The national plan's R&D-intensity-like indicator written three ways: as JSON by hand, as a
# DataFrame and as the CSV template.
PLAN_JSON = {
    "id": "demo", "title": {"zh": "示例规划"}, "issuer": {"zh": ""}, "region": {"zh": ""},
    "period": {"start": 2021, "end": 2025}, "base_year": 2020,
    "indicators": [
        {"id": "rd", "label": {"zh": "研发经费投入强度", "en": "R&D intensity"}, "unit": {"kind": "percent"},
         "direction": "increase", "nature": "anticipatory", "baseline": {"year": 2020, "value": "2.40"},
         "target": {"kind": "level", "year": 2025, "value": "2.80", "comparator": {"exactly": {"tolerance": "0.05"}}}},
        {"id": "gdp", "label": {"zh": "地区生产总值"}, "unit": {"kind": "money", "currency": "CNY", "magnitude": "hundred_million"},
         "direction": "increase", "baseline": {"year": 2020, "value": "1000"},
         "target": {"kind": "annual_growth", "year": 2025, "rate": "0.06", "comparator": "above"}},
        {"id": "energy", "label": {"zh": "单位GDP能耗"}, "unit": {"kind": "index"}, "direction": "decrease",
         "nature": "binding", "baseline": {"year": 2020, "value": "100"},
         "target": {"kind": "change", "year": 2025, "amount": "-0.135", "mode": "relative"}},
        {"id": "income", "label": {"zh": "居民人均可支配收入增长"}, "unit": {"kind": "index"}, "direction": "increase",
         "baseline": {"year": 2020, "value": "100"}, "target": {"kind": "relative", "year": 2025, "to": "gdp", "relation": "in_step_with"}},
        {"id": "watch", "label": {"zh": "监测指标"}, "unit": {"kind": "ratio"}, "direction": "increase",
         "baseline": {"year": 2020, "value": "0.5"}, "target": {"kind": "none"}},
    ],
}

FRAME = pd.DataFrame({
    "id": ["rd", "gdp", "energy", "income", "watch"],
    "label": ["研发经费投入强度", "地区生产总值", "单位GDP能耗", "居民人均可支配收入增长", "监测指标"],
    "label.en": ["R&D intensity", None, None, None, None],
    "unit": ["percent", "money", "index", "index", "ratio"],
    "unit.currency": [None, "CNY", None, None, None],
    "unit.magnitude": [None, "hundred_million", None, None, None],
    "direction": ["increase", "increase", "decrease", "increase", "increase"],
    "nature": ["anticipatory", None, "binding", None, None],
    "baseline.year": [2020, 2020, 2020, 2020, 2020],
    # Object column: exact decimals, as a statistician's table read with dtype=str would hold.
    "baseline.value": [D("2.40"), 1000, 100, np.int64(100), "0.5"],
    "target.kind": ["level", "annual_growth", "change", "relative", "none"],
    "target.year": [2025, 2025, 2025, 2025, np.nan],  # float64 because of the gap: 2025.0
    "target.value": ["2.80", None, None, None, None],
    "target.comparator": ["exactly", "above", None, None, None],
    "target.tolerance": [0.05, np.nan, np.nan, np.nan, np.nan],
    "target.rate": [None, 0.06, None, None, None],
    "target.amount": [None, None, "-0.135", None, None],
    "target.mode": [None, None, "relative", None, None],
    "target.to": [None, None, None, "gdp", None],
    "target.relation": [None, None, None, "in_step_with", None],
})


def test_plan_from_a_dataframe_equals_the_plan_from_json() -> None:
    from_json = onpace.Plan.from_json(json.dumps(PLAN_JSON, ensure_ascii=False))
    from_frame = onpace.Plan.from_dataframe(FRAME, id="demo", name="示例规划")
    assert from_frame == from_json
    assert from_frame.to_json() == from_json.to_json()
    assert from_frame.indicator("rd").baseline == (2020, D("2.40"))  # the trailing zero kept


def test_plans_survive_to_dataframe_and_back() -> None:
    for pid in onpace.builtin_plans():
        plan = onpace.builtin_plan(pid)
        df = plan.to_dataframe()
        assert len(df) == len(plan.indicators)
        back = onpace.Plan.from_dataframe(df, id=pid)
        assert back.indicators == plan.indicators, pid
        # and through CSV text (the template), and through records
        assert onpace.read_plan_csv(plan.to_csv(), id=pid).indicators == plan.indicators
        assert onpace.Plan.from_records(plan.to_records(), id=pid).indicators == plan.indicators
    df = onpace.builtin_plan().to_dataframe()
    assert df["baseline.year"].dtype == "Int64" and isinstance(df.loc[0, "baseline.value"], Decimal)


def test_plan_from_indicators_and_from_csv() -> None:
    rd = onpace.Indicator("rd", unit="percent", direction=1, baseline=(2020, "2.40"), target=(2025, "2.80"))
    plan = onpace.Plan([rd], id="demo", name="示例")
    assert plan.period == (2021, 2025) and plan.base_year == 2020 and plan.title == {"zh": "示例"}
    assert plan.indicator("rd") == rd
    csv = ("id,label,unit,direction,baseline.year,baseline.value,target.kind,target.year,target.value\r\n"
           "rd,rd,percent,increase,2020,2.40,level,2025,2.80\r\n")
    assert onpace.read_plan_csv(csv, id="demo", name="示例").indicators == [
        onpace.Indicator("rd", unit="percent", direction=1, baseline=(2020, "2.40"), target=(2025, "2.80"), label="rd")]
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.Plan("rd")  # type: ignore[arg-type]
    assert e.value.field == "indicators"
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.Plan([rd, "x"])
    assert e.value.field == "indicators[1]"
    with pytest.raises(onpace.InvalidPlanError):
        onpace.Plan([rd, rd])  # the same id twice
    with pytest.raises(onpace.InvalidPlanError):
        onpace.Plan([])


def test_table_errors_name_the_row_and_column() -> None:
    bad = FRAME.copy()
    bad.loc[2, "baseline.value"] = "1OO"
    with pytest.raises(onpace.InvalidPlanError) as e:
        onpace.Plan.from_dataframe(bad, id="demo")
    assert e.value.field == "rows[2].baseline.value"
    bad = FRAME.astype(object)
    bad.loc[1, "baseline.year"] = 2020.5
    with pytest.raises(onpace.OnpaceError) as e:
        onpace.Plan.from_dataframe(bad, id="demo")
    assert e.value.field == "rows[1].baseline.year"
    csv = "id,label,unit,direction,baseline.year,baseline.value,target.kind,target.year,target.value\nrd,rd,percent,sideways,2020,1,level,2025,2\n"
    with pytest.raises(onpace.ParseError) as pe:
        onpace.read_plan_csv(csv)
    assert (pe.value.line, pe.value.field) == (2, "direction")
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.Plan.from_records([{"id": "x", "baseline.value": 1 + 2j}])
    assert e.value.field == "rows[0].baseline.value"


# --- numbers as people have them -------------------------------------------------------------

INT_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
FLOAT_DTYPES = [np.float16, np.float32, np.float64, np.longdouble]


def test_number_text() -> None:
    # Shortest text that reads back as the same binary float, in the value's own precision.
    assert dec_str(np.float64(12.0), "x") == "12.0"
    assert dec_str(np.float32(0.1), "x") == "0.1"
    assert dec_str(np.float16(0.1), "x") == "0.1"
    assert dec_str(np.longdouble("0.1"), "x") == "0.1"
    assert dec_str(0.1 + 0.2, "x") == "0.30000000000000004"
    assert dec_str(np.uint64(2**64 - 1), "x") == "18446744073709551615"
    assert dec_str(np.int8(-7), "x") == "-7"
    assert dec_str(D("1.10"), "x") == "1.10"
    assert dec_str(" 2.5 ", "x") == "2.5"
    for bad in (True, np.bool_(True), 1 + 2j, np.complex64(1), None, [1], object()):
        with pytest.raises(onpace.InvalidArgumentError) as e:
            dec_str(bad, "target.value")
        assert e.value.field == "target.value"
    for bad in (float("nan"), np.float32("inf"), D("NaN")):
        with pytest.raises(onpace.ParseError):
            dec_str(bad, "x")


@pytest.mark.parametrize("dtype", INT_DTYPES + FLOAT_DTYPES, ids=lambda t: t.__name__)
def test_numpy_scalars_in_every_number_argument(dtype: Any) -> None:
    """Each argument given a numpy scalar of this dtype gives what the same value as a
    Decimal gives. 12 and 0.5 are exact in every dtype; 2 is a valid direction-free rate."""
    twelve, half = dtype(12), dtype(0.5) if dtype in FLOAT_DTYPES else dtype(1)
    plain_half = D("0.5") if dtype in FLOAT_DTYPES else D(1)

    def both(fn: Callable[[Any, Any], Any]) -> None:
        assert fn(twelve, half) == fn(D(12), plain_half)

    def ind(b: Any, t: Any) -> onpace.Indicator:
        return onpace.Indicator("x", unit="index", direction=1, baseline=(2020, b), target=(2025, b + 8 if isinstance(b, Decimal) else twelve + dtype(8)))

    assert ind(twelve, half).baseline == (2020, D(12))
    assert ind(twelve, half).implied_target()[1] == D(20)
    x = ind(D(12), D(1))
    both(lambda a, b: onpace.Target.level(2025, a).to_dict()["value"].rstrip("0").rstrip("."))
    both(lambda a, b: onpace.Target.range(2025, b, a).to_dict()["high"].rstrip("0").rstrip("."))
    both(lambda a, b: x.assess({2022: a + 4 if isinstance(a, Decimal) else a + dtype(4)}, ahead_margin=b).status)
    both(lambda a, b: x.assess([(np.int64(2022), a)], lag_tolerance=b).status)
    both(lambda a, b: [m.value for m in x.path(from_year=np.int16(2022), from_value=a)])
    both(lambda a, b: x.what_if(np.int32(2022), a, increment=b).path[-1].value)
    # b is 1 for integer dtypes: +100 % a year, refused as a likely per-cent figure unless meant (issue 12).
    both(lambda a, b: x.what_if(2022, a, rate=b, allow_large=True).meets_target)
    both(lambda a, b: onpace.progress((2020, a), (2022, a + 1 if isinstance(a, Decimal) else a + dtype(1)), (2025, 20)).completion)
    both(lambda a, b: [m.value for m in onpace.required_path((2020, a), (2025, 20))])
    both(lambda a, b: round(onpace.project_trend([(2020, a), (2021, 13), (2022, 15)], 2025, low=a).value, 9))
    cn = onpace.builtin_plan("cn-14th-fyp-st")
    obs = onpace.builtin_observations("cn-14th-fyp-st")
    both(lambda a, b: cn.evaluate(obs, weights={"rd-expenditure": b}).summary.weighted_share_on_pace)
    rel = onpace.Indicator("y", unit="index", direction=1, baseline=(2020, 100), target=onpace.Target.relative(2025, "gdp"))
    both(lambda a, b: rel.assess({2022: 110}, reference_rate=b / 10 if isinstance(b, Decimal) else b / dtype(10)).status)
    if dtype in FLOAT_DTYPES:  # a level in (0, 1)
        assert x.project({2021: 13, 2022: 14}, level=dtype(0.5)).level == 0.5


def test_target_none_and_wrong_types() -> None:
    ind = onpace.Indicator("x", unit="ratio", direction="increase", baseline=(2020, 1), target=None)
    assert ind.target.kind == "none"
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.Indicator("x", unit="ratio", direction=1, baseline=(2020, 1), target=2025)  # type: ignore[arg-type]
    assert e.value.field == "target"
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.Indicator("x", unit="ratio", direction=1, baseline=2020, target=None)  # type: ignore[arg-type]
    assert e.value.field == "baseline"
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.Indicator("x", unit="ratio", direction=1, baseline=(2020, None), target=None)
    assert e.value.field == "baseline.value"
    with pytest.raises(onpace.InvalidArgumentError) as e:
        onpace.Indicator("x", unit="ratio", direction=2, baseline=(2020, 1), target=None)
    assert e.value.field == "direction"
    assert onpace.Indicator("x", unit="ratio", direction=np.int64(-1), baseline=(2020, 1), target=None).direction == "decrease"
    rd = onpace.builtin_plan().indicator("rd-intensity")
    with pytest.raises(onpace.InvalidArgumentError) as e:
        rd.what_if(2022, "0.6", rate=[0.05])  # type: ignore[arg-type]
    assert e.value.field == "rate"
    with pytest.raises(onpace.InvalidArgumentError) as e:
        rd.assess({2022: 0.6}, ahead_margin=True)
    assert e.value.field == "thresholds.ahead_margin"


def test_missing_values() -> None:
    rd = onpace.builtin_plan().indicator("rd-intensity")
    # pandas NA / NaN are "no figure" in pandas input and pd.NA anywhere; a bare NaN in a dict is an error.
    s = pd.Series([0.45, np.nan, pd.NA, 0.60], index=[2021, 2022, 2023, 2024], dtype=object)
    assert rd.assess(s).inputs.latest_year == 2024  # type: ignore[union-attr]
    assert rd.assess({2021: 0.45, 2022: pd.NA}).inputs.latest_year == 2021  # type: ignore[union-attr]
    for nan in (float("nan"), np.float64("nan"), np.float32("nan")):
        with pytest.raises(onpace.ParseError):
            rd.assess({2021: 0.45, 2022: nan})
    assert rd.what_if(2022, "0.6", increment=0.2, rate=None).year_reached == 2025  # 0.6 + 3 × 0.2 = 1.2


def test_wide_observations_equal_long() -> None:
    cn = onpace.builtin_plan("cn-14th-fyp-st")
    long = pd.DataFrame({"indicator": ["basic-research-share"] * 2 + ["rd-expenditure"] * 2,
                         "year": [2021, 2022, 2021, 2022], "value": [6.09, 6.57, 27956.3, 30782.9]})
    by_year = pd.DataFrame({"basic-research-share": [6.09, 6.57], "rd-expenditure": [27956.3, 30782.9]},
                           index=pd.Index([2021, 2022], name="year"))
    by_indicator = by_year.T
    with_year_column = by_year.reset_index()
    want = cn.evaluate(long).to_json()
    assert cn.evaluate(by_year).to_json() == want
    assert cn.evaluate(by_indicator).to_json() == want
    assert cn.evaluate(with_year_column).to_json() == want
    assert cn.evaluate(by_indicator, layout="by_indicator").to_json() == want
    with pytest.raises(onpace.InvalidArgumentError) as e:
        cn.evaluate(by_year, layout="sideways")
    assert e.value.field == "layout"
    text = "indicator,2021,2022\nbasic-research-share,6.09,6.57\nrd-expenditure,27956.3,30782.9\n"
    assert cn.evaluate(onpace.read_observations_csv(text)).to_json() == want


# --- the report table --------------------------------------------------------------------------

def test_report_table_columns() -> None:
    cn = onpace.builtin_plan("cn-14th-fyp-st")
    e = cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
    df = e.to_pandas(lang="en")
    rd = df.loc["rd-expenditure"]
    assert (rd["label"], rd["unit"], rd["nature"]) == ("Gross domestic expenditure on R&D", "100m CNY", "anticipatory")
    assert (rd["target_kind"], rd["comparator"], rd["target"], rd["target_year"]) == ("annual_growth", "above", "> 7 %/yr", 2025)
    # The outline's >7 %/yr from 24393.1 (2020): 24393.1 × 1.07⁵ = 34212.6… (the implied level).
    assert round(rd["target_value"], 1) == 34212.6
    assert (rd["observation_year"], rd["observation_value"]) == (2024, 36326.8)
    # The observation a verdict used, with its vintage, source and flag (the latest vintage wins).
    given = [{"year": 2023, "value": "33357.1"},
             {"year": 2024, "value": "36130", "vintage": "2025-01-20", "source": "first release", "flag": "preliminary"},
             {"year": 2024, "value": "36326.8", "vintage": "2025-09-30", "source": "yearbook"}]
    row = cn.evaluate({"rd-expenditure": given}).to_pandas(lang="en", decimals=True).loc["rd-expenditure"]
    assert (row["observation_value"], row["observation_vintage"], row["observation_source"]) == (D("36326.8"), "2025-09-30", "yearbook")
    early = cn.evaluate({"rd-expenditure": given}, as_of="2025-06-30").to_records("en")[0]
    assert (early["observation_value"], early["observation_source"], early["observation_flag"]) == (D("36130"), "first release", "preliminary")
    assert df.loc["basic-research-share", "status_label"] == "lagging"
    exact = e.to_pandas(decimals=True)
    assert exact.loc["rd-expenditure", "observation_value"] == D("36326.8")
    zh = e.to_pandas(lang="zh")
    assert zh.loc["rd-expenditure", "target"] == "> 7%/年"
    csv_header = e.to_csv("en").splitlines()[0].split(",")
    assert csv_header == ["indicator"] + list(df.columns[:-2])  # latest_year/latest_value are pandas-only aliases
    by = e.summary_by("nature")
    # One group holding every indicator rolls up exactly like the whole plan, under any method.
    assert set(by) == {"anticipatory"} and by["anticipatory"] == e.summary
    for method in ("open-sdg", "eurostat"):
        em = cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st"), method=method)
        assert em.summary_by("nature")["anticipatory"] == em.summary, method
    plan = onpace.Plan.from_json(json.dumps(PLAN_JSON, ensure_ascii=False))
    split = plan.evaluate({"rd": {2022: "2.60"}, "energy": {2022: 95}}).summary_by("nature")
    assert sorted(split) == ["anticipatory", "binding", "unspecified"]
    assert split["binding"].counts and split["binding"].assessed == 1
    t = plan.evaluate({}).to_pandas(lang="en")
    assert t.loc["income", "target"] == "in step with 地区生产总值 growth"  # the reference's label (no en label)
    assert t.loc["energy", "target"] == "−13.5 % (cumulative)"
    assert t.loc["watch", "target"] == "—"
    assert t.loc["rd", "target"] == "= 2.80 % ± 0.05"
    with pytest.raises(onpace.InvalidArgumentError):
        e.summary_by("colour")


# --- escaping ------------------------------------------------------------------------------------

EVIL = '<img src=x onerror=alert(1)>'


def test_every_python_side_html_is_escaped() -> None:
    # The case: a standalone indicator's relative-target id in a warning message.
    ind = onpace.Indicator("x", unit="index", direction=1, baseline=(2020, 100),
                           target={"kind": "relative", "year": 2025, "to": EVIL, "relation": "in_step_with"},
                           label={"zh": EVIL, "en": EVIL})
    a = ind.assess({2022: 110})
    assert a.warnings and any(EVIL in w.message for w in a.warnings)
    htmls = [a._repr_html_(), ind._repr_html_()]
    spec = json.loads(json.dumps(PLAN_JSON, ensure_ascii=False))
    spec["title"]["zh"] = EVIL
    spec["indicators"][0]["label"]["zh"] = EVIL
    plan = onpace.Plan.from_json(json.dumps(spec, ensure_ascii=False))
    htmls += [plan._repr_html_(), plan.indicator("rd")._repr_html_()]
    p = plan.indicator("gdp").project({2021: 1060, 2022: 1120, 2023: 1190})
    htmls.append(p._repr_html_())
    e = plan.evaluate({"rd": {2022: "2.60"}})
    htmls += [e._repr_html_(), onpace.status_html("lagging")]
    for h in htmls:
        assert "<img" not in h, h
    assert "&lt;img src=x onerror=alert(1)&gt;" in htmls[0]
    md = e.to_markdown("zh")
    assert "<img" not in md and "&lt;img src=x onerror=alert(1)&gt;" in md
    md = plan.schedule_markdown("zh")
    assert "<img" not in md
    bell = plan.evaluate({}).to_markdown("zh")
    assert "\x07" not in bell


def test_plan_scale_bench_runs() -> None:
    """benches/python/plan_scale.py at small sizes, untimed: the scaling bench cannot rot
    (its timings are read from `benches/run-python`, never asserted in a test)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benches" / "python" / "plan_scale.py"
    spec = importlib.util.spec_from_file_location("plan_scale", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = module.run([20, 200])
    assert set(results) >= {"Plan.from_json", "plan.indicator(id) for every id"}
    plan = onpace.Plan.from_json(module.plan_json(200))
    assert len(plan.indicators) == 200 and plan.indicator("i199").baseline == (2020, D(100 + 199 % 7))
