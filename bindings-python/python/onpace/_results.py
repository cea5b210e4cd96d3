"""Result objects: exact values as ``decimal.Decimal``, irrational ones as ``float``."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from . import _core
from ._convert import opt_dec
from ._display import fmt, get_lang, pct, status_badge, status_label, table

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd


def _pandas() -> Any:
    try:
        import pandas as pd  # noqa: PLC0415
    except ImportError as e:  # pragma: no cover - exercised without pandas only
        raise ImportError("this needs pandas: pip install 'onpace[pandas]'") from e
    return pd


@dataclass(frozen=True)
class ResultWarning:
    """A machine-readable caveat attached to a result."""

    code: str
    field: str
    message: str


@dataclass(frozen=True)
class Milestone:
    """The value a required path asks for in one year."""

    year: int
    value: Decimal


class Path(List[Milestone]):
    """A list of milestones that also converts to pandas."""

    def to_pandas(self) -> "pd.Series":
        pdm = _pandas()
        series: "pd.Series" = pdm.Series([m.value for m in self], index=pdm.Index([m.year for m in self], name="year"), name="value")
        return series


@dataclass(frozen=True)
class UsedInputs:
    """The values an assessment actually used."""

    base_year: int
    base_value: Decimal
    latest_year: int
    latest_value: Decimal
    target_year: int
    target_value: Decimal


def _warnings(items: List[Dict[str, str]]) -> List[ResultWarning]:
    return [ResultWarning(w["code"], w["field"], w["message"]) for w in items]


@dataclass(frozen=True)
class Assessment:
    """One indicator assessed with one method."""

    indicator: str
    method: str
    method_version: str
    status: str
    completion: Optional[Decimal]
    time_share: Optional[Decimal]
    pace: Optional[Decimal]
    actual_cagr: Optional[float]
    required_cagr: Optional[float]
    required_cagr_from_now: Optional[float]
    ratio: Optional[float]
    score: Optional[float]
    index: Optional[float]
    years_to_target: Optional[float]
    acceleration: Optional[float]
    milestone: Optional[Decimal]
    inputs: Optional[UsedInputs]
    thresholds: Dict[str, Decimal]
    warnings: List[ResultWarning] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Assessment":
        i = d.get("inputs")
        inputs = None if i is None else UsedInputs(
            i["base_year"], Decimal(i["base_value"]), i["latest_year"], Decimal(i["latest_value"]),
            i["target_year"], Decimal(i["target_value"]),
        )
        return cls(
            indicator=d["indicator"], method=d["method"], method_version=d["method_version"], status=d["status"],
            completion=opt_dec(d["completion"]), time_share=opt_dec(d["time_share"]), pace=opt_dec(d["pace"]),
            actual_cagr=d["actual_cagr"], required_cagr=d["required_cagr"],
            required_cagr_from_now=d["required_cagr_from_now"], ratio=d["ratio"], score=d["score"], index=d["index"],
            years_to_target=d["years_to_target"], acceleration=d["acceleration"], milestone=opt_dec(d["milestone"]),
            inputs=inputs, thresholds={k: Decimal(v) for k, v in d["thresholds"].items()},
            warnings=_warnings(d["warnings"]),
        )

    def status_label(self, lang: Optional[str] = None) -> str:
        """The status in words (``lang``: zh, en or ko; the display language by default)."""
        return status_label(self.status, lang)

    def to_dict(self) -> Dict[str, Any]:
        return asdict(self)

    def __repr__(self) -> str:
        extra = f", completion={self.completion}, time_share={self.time_share}" if self.completion is not None else ""
        return f"Assessment({self.indicator!r}, {self.method}: {self.status}{extra})"

    def _repr_html_(self) -> str:
        rows = [
            ["status", status_badge(self.status)],
            ["completion", pct(self.completion)],
            ["time share", pct(self.time_share)],
            ["pace", fmt(self.pace, 2) if self.pace is not None else "—"],
            ["actual CAGR", pct(Decimal(repr(self.actual_cagr))) if self.actual_cagr is not None else "—"],
            ["required CAGR from now", pct(Decimal(repr(self.required_cagr_from_now))) if self.required_cagr_from_now is not None else "—"],
            ["ratio", fmt(self.ratio)],
            ["warnings", "<br>".join(f"{w.code}: {w.message}" for w in self.warnings) or "—"],
        ]
        return table(["", ""], rows, f"{self.indicator} · {self.method}")


@dataclass(frozen=True)
class Projection:
    """A projection to the target year."""

    model: str
    year: int
    value: float
    low: Optional[float]
    high: Optional[float]
    level: float
    p_meet: Optional[float]
    year_reached: Optional[int]
    growth: Optional[float]
    slope: Optional[float]
    points: int
    warnings: List[ResultWarning] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Projection":
        d = dict(d)
        d["warnings"] = _warnings(d["warnings"])
        return cls(**d)

    def to_pandas(self) -> "pd.DataFrame":
        pdm = _pandas()
        row = {k: v for k, v in asdict(self).items() if k != "warnings"}
        frame: "pd.DataFrame" = pdm.DataFrame([row])
        return frame

    def _repr_html_(self) -> str:
        interval = f"[{fmt(self.low)}, {fmt(self.high)}] at {self.level:.0%}" if self.low is not None else "—"
        rows = [["value", fmt(self.value)], ["interval", interval], ["P(meet)", fmt(self.p_meet)],
                ["year reached", fmt(self.year_reached)], ["growth", fmt(self.growth)]]
        return table(["", ""], rows, f"{self.model} → {self.year}")


@dataclass(frozen=True)
class StatusCount:
    status: str
    count: int


@dataclass(frozen=True)
class Summary:
    """The roll-up of an evaluation."""

    counts: List[StatusCount]
    assessed: int
    not_assessable: int
    on_pace: int
    share_on_pace: Optional[Decimal]
    weighted_share_on_pace: Optional[Decimal]
    mean_score: Optional[float]
    all_achieved: bool
    missing: str
    overall_status: Optional[str] = None

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Summary":
        return cls(
            counts=[StatusCount(c["status"], c["count"]) for c in d["counts"]], assessed=d["assessed"],
            not_assessable=d["not_assessable"], on_pace=d["on_pace"], share_on_pace=opt_dec(d["share_on_pace"]),
            weighted_share_on_pace=opt_dec(d["weighted_share_on_pace"]), mean_score=d["mean_score"],
            all_achieved=d["all_achieved"], missing=d["missing"], overall_status=d["overall_status"],
        )


class Svg:
    """An SVG chart: Jupyter displays it; ``str(svg)`` is the SVG text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_svg_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Svg({len(self.text)} characters)"

    def save(self, path: str) -> None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.text)


class Evaluation:
    """A plan evaluated with one method: ``.rows`` (one Assessment per indicator), ``.summary``."""

    def __init__(self, handle: "_core.EvaluationHandle", labels: Dict[str, Dict[str, str]]) -> None:
        self._handle = handle
        d = json.loads(handle.to_json())
        self.plan: str = d["plan"]
        self.method: str = d["method"]
        self.method_version: str = d["method_version"]
        self.as_of: Any = d["as_of"]
        self.rows: List[Assessment] = [Assessment._from(r) for r in d["rows"]]
        self.summary: Summary = Summary._from(d["summary"])
        self._labels = labels

    def to_json(self) -> str:
        """The evaluation as JSON (decimals as strings) — the same bytes the JS package gives."""
        return self._handle.to_json()

    def to_markdown(self, lang: str = "zh") -> str:
        """The table as Markdown, labels in ``lang`` (zh, en, ko)."""
        return self._handle.to_markdown(lang)

    def to_pandas(self, decimals: bool = False) -> "pd.DataFrame":
        """One row per indicator. Exact columns are float64 unless ``decimals=True`` keeps Decimals."""
        pdm = _pandas()
        records = []
        for r in self.rows:
            rec: Dict[str, Any] = {
                "indicator": r.indicator, "status": r.status, "completion": r.completion, "time_share": r.time_share,
                "pace": r.pace, "actual_cagr": r.actual_cagr, "required_cagr": r.required_cagr,
                "required_cagr_from_now": r.required_cagr_from_now, "ratio": r.ratio, "score": r.score,
                "index": r.index, "years_to_target": r.years_to_target,
                "latest_year": r.inputs.latest_year if r.inputs else None,
                "latest_value": r.inputs.latest_value if r.inputs else None,
                "target_value": r.inputs.target_value if r.inputs else None,
                "warnings": ";".join(w.code for w in r.warnings),
            }
            records.append(rec)
        df = pdm.DataFrame.from_records(records).set_index("indicator")
        exact = ["completion", "time_share", "pace", "latest_value", "target_value"]
        floats = ["actual_cagr", "required_cagr", "required_cagr_from_now", "ratio", "score", "index", "years_to_target"]
        for c in floats + ([] if decimals else exact):
            df[c] = pdm.to_numeric(df[c].astype(object).where(df[c].notna(), None), errors="coerce").astype("float64")
        df["latest_year"] = df["latest_year"].astype("Int64")
        out: "pd.DataFrame" = df
        return out

    def to_html(self, lang: Optional[str] = None) -> str:
        """The self-contained HTML report (table, roll-up, charts) — the same bytes as Rust and JS."""
        return self._handle.to_html(lang or get_lang())

    def chart(self, indicator_id: str, lang: Optional[str] = None) -> Svg:
        """One indicator's chart: required paths, observations, projection band, target."""
        return Svg(self._handle.chart_svg(indicator_id, lang or get_lang()))

    def pace_chart(self, lang: Optional[str] = None) -> Svg:
        """Completion against time share for every indicator (the diagonal is on pace)."""
        return Svg(self._handle.pace_svg(lang or get_lang()))

    def to_csv(self) -> str:
        """The evaluation as CSV (exact values as decimal text)."""
        return self._handle.to_csv()

    def _repr_html_(self) -> str:
        # The report's body (the page wrapper is not needed inside a notebook cell).
        html = self.to_html()
        start, end = html.find("<body>"), html.rfind("</body>")
        style = html[html.find("<style>"): html.find("</style>") + len("</style>")]
        return style + html[start + len("<body>"): end] if start >= 0 and end > start else html

    def __repr__(self) -> str:
        counts = ", ".join(f"{c.status}={c.count}" for c in self.summary.counts if c.count)
        return f"Evaluation({self.plan!r}, {self.method}: {counts})"


@dataclass(frozen=True)
class WhatIf:
    """A what-if path and what it means for the target."""

    path: Path
    meets_target: Optional[bool]
    year_reached: Optional[int]

    def to_pandas(self) -> "pd.Series":
        return self.path.to_pandas()


@dataclass(frozen=True)
class DecompositionRow:
    year: int
    denominator: Decimal
    ratio: Decimal
    numerator: Decimal


@dataclass(frozen=True)
class Decomposition:
    """The numerator a ratio target needs each year, given a denominator forecast."""

    kind: str
    denominator_growth: Decimal
    rows: List[DecompositionRow]
    numerator_cagr: Optional[float]

    def to_pandas(self, decimals: bool = False) -> "pd.DataFrame":
        pdm = _pandas()
        df: "pd.DataFrame" = pdm.DataFrame([asdict(r) for r in self.rows]).set_index("year")
        return df if decimals else df.astype("float64")


def milestones(items: List[Dict[str, Any]]) -> Path:
    return Path(Milestone(int(m["year"]), Decimal(m["value"])) for m in items)
