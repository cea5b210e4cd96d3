"""Reports and charts from Python: the same bytes as the Rust renderers (tests/golden/), well
formed, hostile labels escaped, displayable in Jupyter."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import onpace
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"


def _parse(text: str) -> None:
    ET.fromstring(text.split("\n", 1)[1] if text.startswith("<!DOCTYPE") else text)


def test_same_bytes_as_rust() -> None:
    cn = onpace.builtin_plan("cn-14th-fyp-st")
    e = cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
    assert e.to_html("en") == (GOLDEN / "national-evaluation.en.html").read_text(encoding="utf-8")
    assert e.to_html("zh") == (GOLDEN / "national-evaluation.zh.html").read_text(encoding="utf-8")
    assert str(e.chart_svg("basic-research-share", "zh")) == (GOLDEN / "basic-research-share.zh.svg").read_text(encoding="utf-8")
    assert str(e.pace_svg("en")) == (GOLDEN / "pace.en.svg").read_text(encoding="utf-8")
    assert onpace.builtin_plan().to_html("zh") == (GOLDEN / "yanbian-report.zh.html").read_text(encoding="utf-8")


def test_well_formed_and_displayable() -> None:
    plan = onpace.builtin_plan()
    for lang in ("zh", "en", "ko"):
        _parse(plan.to_html(lang))
        _parse(str(plan.projects_svg(lang)))
    cn = onpace.builtin_plan("cn-14th-fyp-st")
    e = cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st"), method="open-sdg")
    svg = e.chart_svg("rd-expenditure")
    assert svg._repr_svg_().startswith("<svg") and "<svg" in e._repr_html_()
    # The report table's columns, written once in the core (report/table.rs CSV_COLUMNS).
    from onpace._results import _TABLE_COLUMNS

    assert e.to_csv().splitlines()[0].split(",") == list(_TABLE_COLUMNS)


def test_hostile_labels_are_escaped() -> None:
    spec = json.loads(onpace.builtin_plan("cn-14th-fyp-st").to_json())
    evil = "<script>alert(\"x\")</script> & 'q'"
    spec["indicators"][0]["label"]["zh"] = evil
    plan = onpace.Plan.from_json(json.dumps(spec, ensure_ascii=False))
    e = plan.evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
    html = e.to_html("zh")
    _parse(html)
    assert "<script>" not in html and "&lt;script&gt;" in html
    _parse(str(e.chart_svg(spec["indicators"][0]["id"], "zh")))


def test_project_registry() -> None:
    projects, total = onpace.builtin_plan().projects_where(table=2)
    # 16 + 19 + 13 亿元 = 480000 万元 (hand sum of the plan's Table 2 amounts).
    assert len(projects) == 6 and total == onpace._model.Decimal("480000")
    assert len(onpace.builtin_plan().projects_where(location="敦化市", table=3)[0]) == 7
