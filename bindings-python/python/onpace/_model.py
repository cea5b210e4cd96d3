"""Plans, indicators, targets and projects."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _core
from ._convert import as_of as _as_of
from ._convert import dec_str, error, label, observation_list, plan_observations, thresholds, year_of
from ._display import fmt, get_lang, status_badge, table
from ._results import Assessment, Decomposition, DecompositionRow, Evaluation, Projection, Svg, WhatIf, milestones, Path

Number = Union[Decimal, int, float, str]


class Target:
    """A target: a level, a range, a cumulative change, an average annual growth rate, a
    relation to another indicator, or none. Build one with the class methods."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self._spec = dict(spec)

    @classmethod
    def level(cls, year: int, value: Number, comparator: Optional[str] = None, *, tolerance: Optional[Number] = None) -> "Target":
        """Reach ``value`` by ``year``; comparator at_least, above, at_most, below or exactly (with tolerance)."""
        spec: Dict[str, Any] = {"kind": "level", "year": year_of(year, "target.year"), "value": dec_str(value, "target.value")}
        if comparator == "exactly":
            spec["comparator"] = {"exactly": {"tolerance": dec_str(tolerance if tolerance is not None else 0, "target.tolerance")}}
        elif comparator is not None:
            spec["comparator"] = comparator
        return cls(spec)

    @classmethod
    def range(cls, year: int, low: Number, high: Number) -> "Target":
        """Be inside ``[low, high]`` by ``year``."""
        return cls({"kind": "range", "year": year_of(year, "target.year"), "low": dec_str(low, "target.low"), "high": dec_str(high, "target.high")})

    @classmethod
    def change(cls, year: int, amount: Number, mode: str = "relative") -> "Target":
        """A cumulative change from the baseline: relative (-0.135 is a 13.5 % cut) or absolute (points)."""
        return cls({"kind": "change", "year": year_of(year, "target.year"), "amount": dec_str(amount, "target.amount"), "mode": mode})

    @classmethod
    def annual_growth(cls, year: int, rate: Number, comparator: Optional[str] = None, *, allow_large: bool = False) -> "Target":
        """An average annual growth rate from the baseline: ``0.07`` or ``"7%"`` is 7 % a year. A bare
        number of 1 or more (``7``: +700 % a year) is refused unless ``allow_large=True``."""
        spec: Dict[str, Any] = {"kind": "annual_growth", "year": year_of(year, "target.year"),
                                "rate": str(parse_rate(rate, allow_large=allow_large, field="target.rate"))}
        if comparator is not None:
            spec["comparator"] = comparator
        return cls(spec)

    @classmethod
    def relative(cls, year: int, to: str, relation: str = "in_step_with", *, tolerance: Optional[Number] = None) -> "Target":
        """Grow faster_than, in_step_with or slower_than another indicator. Between growth-rate
        indicators, ``tolerance`` (percentage points) is how far below the reference "in step" still is."""
        spec: Dict[str, Any] = {"kind": "relative", "year": year_of(year, "target.year"), "to": to, "relation": relation}
        if tolerance is not None:
            spec["tolerance"] = dec_str(tolerance, "target.tolerance")
        return cls(spec)

    @classmethod
    def every_year(cls, year: int, value: Number, comparator: Optional[str] = None) -> "Target":
        """A bound to hold in every year up to ``year`` (at_least, above, at_most, below; by direction when absent)."""
        spec: Dict[str, Any] = {"kind": "every_year", "year": year_of(year, "target.year"), "value": dec_str(value, "target.value")}
        if comparator is not None:
            spec["comparator"] = comparator
        return cls(spec)

    @classmethod
    def average_rate(cls, year: int, value: Number, comparator: Optional[str] = None) -> "Target":
        """For a growth-rate indicator: the period average of its yearly rates (in its unit, 7 for 7 % a year)."""
        spec: Dict[str, Any] = {"kind": "average_rate", "year": year_of(year, "target.year"), "value": dec_str(value, "target.value")}
        if comparator is not None:
            spec["comparator"] = comparator
        return cls(spec)

    @classmethod
    def none(cls) -> "Target":
        """No numeric target: monitored only."""
        return cls({"kind": "none"})

    @property
    def kind(self) -> str:
        return str(self._spec["kind"])

    @property
    def year(self) -> Optional[int]:
        y = self._spec.get("year")
        return None if y is None else int(y)

    def to_dict(self) -> Dict[str, Any]:
        return dict(self._spec)

    def __repr__(self) -> str:
        return f"Target({self._spec!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Target) and other._spec == self._spec


def _unit(unit: Any) -> Dict[str, Any]:
    if isinstance(unit, str):
        return {"kind": unit}
    if isinstance(unit, Mapping):
        return dict(unit)
    raise error(_core.InvalidArgumentError, "invalid_argument", "unit", "a unit is a kind such as 'percent', or a dict")


class Indicator:
    """A quantified indicator: baseline, target, unit and direction; the maths on it."""

    def __init__(
        self,
        id: str,
        *,
        unit: Any,
        direction: Union[str, int],
        baseline: Tuple[int, Number],
        target: Union[Tuple[int, Number], Target, Mapping[str, Any]],
        label: Optional[Union[str, Mapping[str, str]]] = None,
        nature: Optional[str] = None,
        decimals: Optional[int] = None,
        components: Optional[Mapping[str, Any]] = None,
    ) -> None:
        if isinstance(direction, int) and not isinstance(direction, bool):
            direction = {1: "increase", -1: "decrease"}.get(direction, str(direction))
        if isinstance(target, Target):
            t = target.to_dict()
        elif isinstance(target, Mapping):
            t = dict(target)
        else:
            t = Target.level(target[0], target[1]).to_dict()
        spec: Dict[str, Any] = {
            "id": id,
            "label": _label(label if label is not None else id),
            "unit": _unit(unit),
            "direction": direction,
            "baseline": {"year": year_of(baseline[0], "baseline.year"), "value": dec_str(baseline[1], "baseline.value")},
            "target": t,
        }
        if nature is not None:
            spec["nature"] = nature
        if decimals is not None:
            spec["decimals"] = decimals
        if components is not None:
            spec["components"] = dict(components)
        self._init(_core.IndicatorHandle.from_json(json.dumps(spec)))

    def _init(self, handle: "_core.IndicatorHandle") -> None:
        self._h = handle
        self._spec: Dict[str, Any] = json.loads(handle.to_json())

    @classmethod
    def _wrap(cls, handle: "_core.IndicatorHandle") -> "Indicator":
        obj = cls.__new__(cls)
        obj._init(handle)
        return obj

    @classmethod
    def from_json(cls, text: str) -> "Indicator":
        """An indicator from JSON text (the shape it has in a plan file)."""
        return cls._wrap(_core.IndicatorHandle.from_json(text))

    def to_json(self) -> str:
        return self._h.to_json()

    @property
    def id(self) -> str:
        return str(self._spec["id"])

    @property
    def label(self) -> Dict[str, str]:
        return dict(self._spec["label"])

    @property
    def unit(self) -> Dict[str, Any]:
        return dict(self._spec["unit"])

    @property
    def direction(self) -> str:
        return str(self._spec["direction"])

    @property
    def nature(self) -> Optional[str]:
        return self._spec.get("nature")

    @property
    def decimals(self) -> Optional[int]:
        return self._spec.get("decimals")

    @property
    def baseline(self) -> Tuple[int, Decimal]:
        b = self._spec["baseline"]
        return int(b["year"]), Decimal(b["value"])

    @property
    def target(self) -> Target:
        return Target(self._spec["target"])

    @property
    def components(self) -> Optional[Dict[str, Any]]:
        return self._spec.get("components")

    def name(self, lang: Optional[str] = None) -> str:
        """The label in a language, falling back to Chinese."""
        lab = self.label
        return lab.get(lang or get_lang()) or lab["zh"]

    def implied_target(self) -> Tuple[int, Decimal, str]:
        """The target resolved to (year, level, comparator)."""
        d = json.loads(self._h.implied_target())
        return int(d["year"]), Decimal(d["value"]), str(d["comparator"])

    def path(self, kind: str = "linear", *, from_year: Optional[int] = None, from_value: Optional[Number] = None) -> Path:
        """Required milestones to the target (re-planned from ``from_year``/``from_value`` when given)."""
        req: Dict[str, Any] = {"kind": kind}
        if from_year is not None:
            req["from_year"] = year_of(from_year, "from_year")
        if from_value is not None:
            req["from_value"] = dec_str(from_value, "from_value")
        return milestones(json.loads(self._h.path(json.dumps(req))))

    def progress(
        self,
        observations: Any,
        *,
        as_of: Any = None,
        method: str = "cn-plan-pace",
        model: Optional[str] = None,
        reference_rate: Optional[Number] = None,
        baseline: str = "plan",
        **thresholds_: Number,
    ) -> Assessment:
        """Assess the indicator on its observations with a named method."""
        req: Dict[str, Any] = {
            "observations": observation_list(observations),
            "as_of": _as_of(as_of),
            "method": method,
            "thresholds": thresholds(thresholds_),
        }
        if model is not None:
            req["model"] = model
        if reference_rate is not None:
            req["reference_rate"] = dec_str(reference_rate, "reference_rate")
        if baseline != "plan":
            req["baseline"] = baseline
        return Assessment._from(json.loads(self._h.assess(json.dumps(req))))

    def project(self, observations: Any, *, model: str = "ols_linear", level: float = 0.9, as_of: Any = None) -> Projection:
        """Project to the target year: value, prediction interval, P(meet), year reached."""
        req = {"observations": observation_list(observations), "model": model, "level": level, "as_of": _as_of(as_of)}
        return Projection._from(json.loads(self._h.project(json.dumps(req))))

    def what_if(self, from_year: int, value: Number, *, rate: Optional[Number] = None, increment: Optional[Number] = None) -> WhatIf:
        """Grow from (from_year, value) at a constant rate or increment up to the target year."""
        req: Dict[str, Any] = {"from_year": year_of(from_year, "from_year"), "value": dec_str(value, "value")}
        if rate is not None:
            req["rate"] = dec_str(rate, "rate")
        if increment is not None:
            req["increment"] = dec_str(increment, "increment")
        d = json.loads(self._h.what_if(json.dumps(req)))
        return WhatIf(milestones(d["path"]), d["meets_target"], d["year_reached"])

    def numerator_path(self, denominator_year: int, denominator: Number, growth: Number, *, kind: str = "linear") -> Decomposition:
        """For a ratio indicator: the numerator needed each year if the denominator grows at ``growth``."""
        req = {"denominator_year": year_of(denominator_year, "denominator_year"), "denominator": dec_str(denominator, "denominator"),
               "growth": dec_str(growth, "growth"), "kind": kind}
        d = json.loads(self._h.numerator_path(json.dumps(req)))
        rows = [DecompositionRow(r["year"], Decimal(r["denominator"]), Decimal(r["ratio"]), Decimal(r["numerator"])) for r in d["rows"]]
        return Decomposition(d["kind"], Decimal(d["denominator_growth"]), rows, d["numerator_cagr"])

    def __repr__(self) -> str:
        y0, v0 = self.baseline
        return f"Indicator({self.id!r}, {v0} ({y0}) → {self.target.to_dict()}, {self.direction})"

    def _repr_html_(self) -> str:
        y0, v0 = self.baseline
        try:
            ty, tv, comp = self.implied_target()
            target = f"{comp.replace('_', ' ')} {tv} ({ty})"
        except _core.OnpaceError:
            target = self.target.kind
        rows = [["baseline", f"{v0} ({y0})"], ["target", fmt(target)], ["unit", fmt(self.unit.get("kind"))],
                ["direction", self.direction], ["nature", fmt(self.nature)]]
        return table(["", ""], rows, self.name())


def _label(value: Any) -> Dict[str, str]:
    return label(value)


@dataclass(frozen=True)
class Project:
    """A key project of the plan's tables."""

    table: int
    number: int
    name: str
    undertakers: List[str]
    start_year: int
    start_month: Optional[int]
    end_year: int
    end_month: Optional[int]
    phase: Optional[str]
    location: str
    county: Optional[str]
    summary: Dict[str, str]
    investments: List[Tuple[str, Decimal, str]] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Project":
        p = d["period"]
        return cls(
            table=d["table"], number=d["number"], name=d["name"]["zh"], undertakers=list(d["undertakers"]),
            start_year=p["start"]["year"], start_month=p["start"].get("month"), end_year=p["end"]["year"],
            end_month=p["end"].get("month"), phase=p.get("phase"), location=d["location"], county=d.get("county"),
            summary=dict(d["summary"]),
            investments=[(i["item"], Decimal(i["amount"]), i["magnitude"]) for i in d.get("investments", [])],
        )

    def active_in(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    def total_investment(self, magnitude: str = "ten_thousand") -> Optional[Decimal]:
        """The investments given, summed exactly, in 万元 (``ten_thousand``), 亿元 or 元."""
        if not self.investments:
            return None
        factor = {"one": Decimal(1), "ten_thousand": Decimal(10_000), "hundred_million": Decimal(100_000_000)}
        total = sum((amount * factor[m] for _, amount, m in self.investments), Decimal(0))
        return (total / factor[magnitude]).normalize()


class Plan:
    """A development plan with quantified indicators."""

    def __init__(self, handle: "_core.PlanHandle") -> None:
        self._h = handle
        self._spec: Dict[str, Any] = json.loads(handle.to_json())
        self._indicators = [Indicator._wrap(handle.indicator(i["id"])) for i in self._spec["indicators"]]

    @classmethod
    def from_json(cls, text: str) -> "Plan":
        """Load and validate a plan from JSON (numbers and strings both load exactly)."""
        return cls(_core.PlanHandle.from_json(text))

    @classmethod
    def from_file(cls, path: Union[str, FsPath]) -> "Plan":
        return cls.from_json(FsPath(path).read_text(encoding="utf-8"))

    def to_json(self) -> str:
        return self._h.to_json()

    @property
    def id(self) -> str:
        return str(self._spec["id"])

    @property
    def title(self) -> Dict[str, str]:
        return dict(self._spec["title"])

    @property
    def period(self) -> Tuple[int, int]:
        return int(self._spec["period"]["start"]), int(self._spec["period"]["end"])

    @property
    def base_year(self) -> int:
        return int(self._spec["base_year"])

    @property
    def indicators(self) -> List[Indicator]:
        return list(self._indicators)

    def indicator(self, id: str) -> Indicator:
        for i in self._indicators:
            if i.id == id:
                return i
        return Indicator._wrap(self._h.indicator(id))  # raises UnknownIndicatorError

    @property
    def projects(self) -> List[Project]:
        return [Project._from(p) for p in self._spec.get("projects", [])]

    def projects_active(self, year: int) -> List[Project]:
        return [p for p in self.projects if p.active_in(year)]

    @property
    def achievements(self) -> List[Dict[str, Any]]:
        return [dict(a) for a in self._spec.get("achievements", [])]

    @property
    def key_fields(self) -> List[Dict[str, Any]]:
        return [dict(k) for k in self._spec.get("key_fields", [])]

    @property
    def sources(self) -> List[Dict[str, Any]]:
        return [dict(s) for s in self._spec.get("sources", [])]

    def reference_value(self, id: str) -> Tuple[int, Decimal]:
        """A published figure shipped with the plan (e.g. ``gdp``): (year, value)."""
        for r in self._spec.get("reference_values", []):
            if r["id"] == id:
                return int(r["year"]), Decimal(r["value"])
        raise error(_core.InvalidArgumentError, "invalid_argument", "reference_value", f"the plan has no reference value {id!r}")

    def evaluate(
        self,
        observations: Any,
        *,
        as_of: Any = None,
        method: str = "cn-plan-pace",
        model: Optional[str] = None,
        weights: Optional[Mapping[str, Number]] = None,
        missing: str = "exclude",
        baseline: str = "plan",
        **thresholds_: Number,
    ) -> Evaluation:
        """Assess every indicator and roll up (counts, share on pace, weights, missing-data policy)."""
        req: Dict[str, Any] = {
            "observations": plan_observations(observations),
            "as_of": _as_of(as_of),
            "method": method,
            "thresholds": thresholds(thresholds_),
            "weights": {k: dec_str(v, f"weights.{k}") for k, v in (weights or {}).items()},
            "missing": missing,
        }
        if baseline != "plan":
            req["baseline"] = baseline
        if model is not None:
            req["model"] = model
        labels = {i.id: i.label for i in self._indicators}
        return Evaluation(self._h.evaluate(json.dumps(req)), labels)

    def to_html(self, lang: Optional[str] = None) -> str:
        """The plan report (schedule and key projects) as self-contained HTML."""
        return self._h.to_html(lang or get_lang())

    def projects_chart(self, lang: Optional[str] = None) -> "Svg":
        """The key projects as a timeline."""
        return Svg(self._h.projects_svg(lang or get_lang()))

    def projects_where(self, *, year: Optional[int] = None, location: Optional[str] = None,
                       undertaker: Optional[str] = None, table: Optional[int] = None) -> Tuple[List[Project], Optional[Decimal]]:
        """Key projects by year active, location (county), undertaker and table, with the total of
        the investments the plan gives for them (万元, exact; None when it gives none)."""
        req = {"year": year, "location": location, "undertaker": undertaker, "table": table}
        d = json.loads(self._h.projects(json.dumps({k: v for k, v in req.items() if v is not None})))
        total = Decimal(d["investment_total_ten_thousand"]) if d["with_investment"] else None
        return [Project._from(p) for p in d["projects"]], total

    def schedule_markdown(self, lang: str = "zh") -> str:
        """Every indicator's required schedule (rates and both paths) as Markdown."""
        return self._h.schedule_markdown(lang)

    def __repr__(self) -> str:
        return f"Plan({self.id!r}, {len(self._indicators)} indicators, {self.period[0]}–{self.period[1]})"

    def _repr_html_(self) -> str:
        lang = get_lang()
        rows = []
        for i in self._indicators:
            y0, v0 = i.baseline
            try:
                ty, tv, comp = i.implied_target()
                target = f"{ {'at_least': '≥', 'above': '>', 'at_most': '≤', 'below': '<'}.get(comp, '=') }{tv} ({ty})"
            except _core.OnpaceError:
                target = "—"
            rows.append([fmt(i.name(lang)), f"{v0} ({y0})", fmt(target), i.direction])
        title = self.title.get(lang) or self.title["zh"]
        return table(["indicator", "baseline", "target", "direction"], rows, title)


def parse_rate(rate: Number, *, allow_large: bool = False, field: str = "rate") -> Decimal:
    """A rate as a fraction, by the core's one rate parser: ``"7%"`` and ``0.07`` are 0.07; a bare
    ``7`` is refused ("7 means +700 % a year; write 0.07 or '7%'") unless ``allow_large=True``."""
    req = {"rate": dec_str(rate, field), "allow_large": allow_large, "field": field}
    return Decimal(json.loads(_core.parse_rate_json(json.dumps(req)))["rate"])


def builtin_plans() -> List[str]:
    """Ids of the built-in plans, the default (``yanbian-st-14``) first."""
    return list(_core.builtin_plan_ids())


def builtin_plan(id: str = "yanbian-st-14") -> Plan:
    """A built-in plan."""
    return Plan(_core.builtin_plan(id))


def builtin_observations(id: str) -> Dict[str, Dict[int, Decimal]]:
    """The published observations shipped with a built-in plan: {indicator: {year: value}}."""
    raw = json.loads(_core.builtin_observations_json(id))
    return {k: {int(o["year"]): Decimal(o["value"]) for o in v if o.get("value") is not None} for k, v in raw.items()}


def read_observations_csv(text: str) -> Dict[str, List[Dict[str, Any]]]:
    """Observations from long CSV text (``indicator,year,value`` and optional
    ``numerator,denominator,vintage,flag,source``), read by the Rust core: BOM, CRLF and quoting
    handled, errors carry the line. Values come back as Decimal; pass the result to evaluate()."""
    raw: Dict[str, List[Dict[str, Any]]] = json.loads(_core.read_observations_csv_json(text))
    for rows in raw.values():
        for o in rows:
            for k in ("value", "numerator", "denominator"):
                if k in o:
                    o[k] = Decimal(o[k])
    return raw


def methods() -> List[Dict[str, Any]]:
    """Every assessment method: id, version, description, statuses, thresholds and defaults."""
    return list(json.loads(_core.methods_json()))


def status_html(code: str, lang: Optional[str] = None) -> str:
    """A status badge as HTML."""
    return status_badge(code, lang)
