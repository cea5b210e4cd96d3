"""Result objects: exact values as ``decimal.Decimal``, irrational ones as ``float``."""

from __future__ import annotations

import json
import warnings
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

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
    """A machine-readable caveat attached to a result.

    Attributes
    ----------
    code : str
        Stable code (``linear_fallback``, ``insufficient_data``, ``component_mismatch``…;
        docs/codes.md lists them).
    field : str
        The quantity or input concerned.
    message : str
        An explanation in English.
    """

    code: str
    field: str
    message: str


@dataclass(frozen=True)
class Milestone:
    """The value a required path asks for in one year.

    Attributes
    ----------
    year : int
    value : Decimal
        Exact.
    """

    year: int
    value: Decimal


class Path(List[Milestone]):
    """A list of :class:`Milestone` that also converts to pandas (built by the library; the
    ``iterable`` of the list constructor is milestones).

    Examples
    --------
    >>> onpace.builtin_plan().indicator("rd-intensity").path().to_pandas().loc[2021]
    Decimal('0.508')
    """

    def to_pandas(self) -> "pd.Series":
        """The milestones as a Series indexed by year (values exact ``Decimal``)."""
        pdm = _pandas()
        series: "pd.Series" = pdm.Series([m.value for m in self], index=pdm.Index([m.year for m in self], name="year"), name="value")
        return series


@dataclass(frozen=True)
class UsedInputs:
    """The values an assessment actually used.

    Attributes
    ----------
    base_year, base_value : int, Decimal
        The baseline (or the method's window start).
    latest_year, latest_value : int, Decimal
        The observation the verdict rests on.
    target_year, target_value : int, Decimal
        The target as a level (the bound, for a bound held every year).
    baseline : str
        ``plan`` (the printed baseline) or ``revised`` (a later revision was used).
    plan_base_value : Decimal or None
        The plan's printed baseline when a revision was used.
    revision_date : str or None
        The date of the revision used.
    chained_annual_changes : list of (int, Decimal)
        The annual changes the levels were chained from.
    latest_period : str or None
        The sub-annual period of the latest value (``H1``, ``Q3``…) when one was used.
    """

    base_year: int
    base_value: Decimal
    latest_year: int
    latest_value: Decimal
    target_year: int
    target_value: Decimal
    baseline: str = "plan"
    plan_base_value: Optional[Decimal] = None
    revision_date: Optional[str] = None
    chained_annual_changes: List[Tuple[int, Decimal]] = field(default_factory=list)
    latest_period: Optional[str] = None


#: The key under which a lazy row (docs/python-call-path.md, "Rows") keeps its source in its
#: ``__dict__``: an ``_core.RowSource`` holding the core's result, which converts the fields the
#: ``__dict__`` does not hold yet when they are first read.
_SOURCE = "_onpace_row_source"


def _warnings(items: List[Dict[str, str]]) -> List[ResultWarning]:
    return [ResultWarning(w["code"], w["field"], w["message"]) for w in items]


@dataclass(frozen=True)
class Assessment:
    """One indicator assessed with one method (docs/methods.md defines every field).

    Attributes
    ----------
    indicator, method, method_version : str
    status : str
        The verdict's code (``achieved``, ``ahead``, ``on_track``, ``lagging``,
        ``regressing``, ``not_assessable`` and each method's own; :meth:`status_label` words it).
    completion, time_share, pace : Decimal or None
        Share of the way done, share of the period elapsed, and their ratio (exact).
    actual_cagr, required_cagr, required_cagr_from_now : float or None
        Average annual growth so far, needed from the baseline, needed from now.
    ratio, score, index : float or None
        The method's own numbers (Eurostat's ratio, Open SDG's score, ESCAP's index…).
    years_to_target, acceleration : float or None
    milestone : Decimal or None
        The linear path's value in the latest year.
    inputs : UsedInputs or None
        The values used.
    thresholds : dict of str to Decimal
        The band edges applied (defaults merged with overrides).
    warnings : list of ResultWarning
    path : str or None
        The required path completion is measured on: ``linear`` (level targets) or
        ``geometric`` (growth targets) under ``cn-plan-pace`` (docs/methods-cn-plan-pace-forms.md).
    breach_years : list of int
        The years a bound held every year was breached in (``every_year`` targets).

    Examples
    --------
    >>> a = onpace.builtin_plan().indicator("rd-intensity").assess({2022: "0.60"})
    >>> a.status, a.status_label("en"), a.inputs.latest_year
    ('lagging', 'lagging', 2022)
    """

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
    path: Optional[str] = None
    breach_years: List[int] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Assessment":
        i = d.get("inputs")
        inputs = None if i is None else UsedInputs(
            i["base_year"], Decimal(i["base_value"]), i["latest_year"], Decimal(i["latest_value"]),
            i["target_year"], Decimal(i["target_value"]), i.get("baseline", "plan"), opt_dec(i.get("plan_base_value")),
            i.get("revision_date"), [(c["year"], Decimal(c["value"])) for c in i.get("chained_annual_changes", [])],
            i.get("latest_period"),
        )
        return cls(
            indicator=d["indicator"], method=d["method"], method_version=d["method_version"], status=d["status"],
            completion=opt_dec(d["completion"]), time_share=opt_dec(d["time_share"]), pace=opt_dec(d["pace"]),
            actual_cagr=d["actual_cagr"], required_cagr=d["required_cagr"],
            required_cagr_from_now=d["required_cagr_from_now"], ratio=d["ratio"], score=d["score"], index=d["index"],
            years_to_target=d["years_to_target"], acceleration=d["acceleration"], milestone=opt_dec(d["milestone"]),
            inputs=inputs, thresholds={k: Decimal(v) for k, v in d["thresholds"].items()},
            warnings=_warnings(d["warnings"]), path=d.get("path"), breach_years=list(d.get("breach_years", [])),
        )

    if not TYPE_CHECKING:  # hidden from type checkers: a __getattr__ would make any name type-check

        def __getattr__(self, name: str) -> Any:
            # Reached only for a name the instance's __dict__ and the class lack: on a lazy row
            # (rows.rs in the extension), a field not converted yet.
            state = self.__dict__
            source = state.get(_SOURCE)
            if source is None or name not in _FIELD_NAMES:
                # The usual AttributeError; or the value, if another thread has just filled it.
                return object.__getattribute__(self, name)
            return source.read(state, name)

    def __dir__(self) -> List[str]:
        # What an eager row lists (Jupyter's completion reads it): every field, never the source.
        return sorted((set(object.__dir__(self)) | _FIELD_NAMES) - {_SOURCE})

    def __getstate__(self) -> Dict[str, Any]:
        # pickle, copy and deepcopy take the state from here: a lazy row converts its remaining
        # fields first, so the state is the eager row's and the copy holds no Rust object.
        state = self.__dict__
        source = state.get(_SOURCE)
        if source is not None:
            source.fill(state)
        return state

    def status_label(self, lang: Optional[str] = None) -> str:
        """The status in words (``lang``: zh, en or ko; the display language by default)."""
        return status_label(self.status, lang)

    def to_dict(self) -> Dict[str, Any]:
        """The assessment as a plain dict (nested dataclasses as dicts)."""
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
            # Every text is escaped: a message can quote an id or a label from the user's plan.
            ["warnings", "<br>".join(f"{fmt(w.code)}: {fmt(w.message)}" for w in self.warnings) or "—"],
        ]
        return table(["", ""], rows, f"{self.indicator} · {self.method}")


_FIELD_NAMES = frozenset(f.name for f in fields(Assessment))


@dataclass(frozen=True)
class Projection:
    """A projection to the target year.

    Attributes
    ----------
    model : str
        ``ols_linear``, ``ols_loglinear``, ``endpoint_cagr`` or ``weighted_geometric``.
    year : int
        The target year.
    value : float
        The projected value.
    low, high : float or None
        The Student-t prediction interval at ``level``.
    level : float
    p_meet : float or None
        Probability of meeting the target under the model.
    year_reached : int or None
        First year the projected path meets the target.
    growth, slope : float or None
        The fitted annual growth rate or increment.
    points : int
        Points fitted (baseline included).
    warnings : list of ResultWarning
    """

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
        """The projection as a one-row DataFrame."""
        pdm = _pandas()
        row = {k: v for k, v in asdict(self).items() if k != "warnings"}
        frame: "pd.DataFrame" = pdm.DataFrame([row])
        return frame

    def _repr_html_(self) -> str:
        interval = f"[{fmt(self.low)}, {fmt(self.high)}] at {self.level:.0%}" if self.low is not None else "—"
        rows = [["value", fmt(self.value)], ["interval", interval], ["P(meet)", fmt(self.p_meet)],
                ["year reached", fmt(self.year_reached)], ["growth", fmt(self.growth)],
                ["warnings", "<br>".join(f"{fmt(w.code)}: {fmt(w.message)}" for w in self.warnings) or "—"]]
        return table(["", ""], rows, f"{self.model} → {self.year}")


@dataclass(frozen=True)
class StatusCount:
    """How many indicators got a status.

    Attributes
    ----------
    status : str
    count : int
    """

    status: str
    count: int


@dataclass(frozen=True)
class Summary:
    """The roll-up of an evaluation (or of a group of its indicators, :meth:`Evaluation.summary_by`).

    Attributes
    ----------
    counts : list of StatusCount
        Every status of the method, in its order, then ``not_assessable``.
    assessed, not_assessable, on_pace : int
    share_on_pace : Decimal or None
        ``on_pace`` over the indicators counted (``missing`` decides whether not-assessable
        ones count).
    weighted_share_on_pace : Decimal or None
    mean_score : float or None
        For methods with scores.
    all_achieved : bool
    missing : str
        The missing-data policy used.
    overall_status : str or None
        For methods that define one (``open-sdg``): the status of the mean score
        (``achieved`` only when every assessed indicator is).
    monitored : int
        Indicators with no numeric target (monitored, neither assessed nor counted in shares).
    by_nature : list of dict
        The binding / anticipatory roll-ups (``nature``, ``total``, ``assessed``, ``on_pace``,
        ``off_pace``), when the plan marks natures.
    """

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
    monitored: int = 0
    # A breakdown of the roll-up, not part of it: summaries compare equal without it.
    by_nature: List[Dict[str, Any]] = field(default_factory=list, compare=False)

    @classmethod
    def _from(cls, d: Dict[str, Any]) -> "Summary":
        return cls(
            counts=[StatusCount(c["status"], c["count"]) for c in d["counts"]], assessed=d["assessed"],
            not_assessable=d["not_assessable"], on_pace=d["on_pace"], share_on_pace=opt_dec(d["share_on_pace"]),
            weighted_share_on_pace=opt_dec(d["weighted_share_on_pace"]), mean_score=d["mean_score"],
            all_achieved=d["all_achieved"], missing=d["missing"], overall_status=d["overall_status"],
            monitored=d.get("monitored", 0), by_nature=list(d.get("by_nature", [])),
        )


#: The report table's columns (core/src/report/table.rs), and those that are exact decimals.
_TABLE_COLUMNS = (
    "indicator", "label", "unit", "nature", "target_kind", "comparator", "target", "target_year", "target_value",
    "method", "status", "status_label", "completion", "time_share", "pace", "actual_cagr", "required_cagr",
    "required_cagr_from_now", "ratio", "score", "index", "years_to_target", "baseline_year", "baseline_value",
    "observation_year", "observation_value", "observation_vintage", "observation_source", "observation_flag", "warnings",
)
_EXACT_COLUMNS = ("completion", "time_share", "pace", "baseline_value", "observation_value", "target_value")


class Svg:
    """An SVG chart: Jupyter displays it; ``str(svg)`` is the SVG text; ``text`` holds it.

    Examples
    --------
    >>> cn = onpace.builtin_plan("cn-14th-fyp-st")
    >>> svg = cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st")).pace_svg("en")
    >>> str(svg).startswith("<svg")
    True
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_svg_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Svg({len(self.text)} characters)"

    def save(self, path: str) -> None:
        """Write the SVG to the file ``path`` (UTF-8)."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.text)


class Evaluation:
    """A plan evaluated with one method: ``.rows`` (one :class:`Assessment` per indicator, in the
    plan's order) and ``.summary``; made by :meth:`Plan.evaluate` (the constructor's ``handle``
    is internal; ``labels``, no longer read, is accepted for code that passes it).

    Examples
    --------
    >>> cn = onpace.builtin_plan("cn-14th-fyp-st")
    >>> e = cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
    >>> e.method, e.summary.assessed
    ('cn-plan-pace', 3)
    """

    def __init__(self, handle: "_core.EvaluationHandle", labels: Optional[Dict[str, Dict[str, str]]] = None) -> None:
        self._handle = handle
        # The rows are made in Rust, lazily (no JSON text of 10⁴ rows to write and read back,
        # docs/python-call-path.md); the rest is small and crosses as JSON.
        d = json.loads(handle.header_json())
        self.plan: str = d["plan"]
        self.method: str = d["method"]
        self.method_version: str = d["method_version"]
        self.as_of: Any = d["as_of"]
        self.summary: Summary = Summary._from(d["summary"])

    @cached_property
    def rows(self) -> List[Assessment]:
        """One :class:`Assessment` per indicator, in the plan's order. Made from the core's
        rows when first read (then kept), each row converting a field when it is first read:
        an evaluation used only for its summary, report or table never converts 10⁴ rows, and
        one read for its statuses converts little more (docs/python-call-path.md)."""
        rows: List[Assessment] = self._handle.rows()
        return rows

    def to_json(self) -> str:
        """The evaluation as JSON (decimals as strings) — the same bytes the JS package gives."""
        return self._handle.to_json()

    def to_markdown(self, lang: str = "zh") -> str:
        """The table as Markdown, labels in ``lang`` (zh, en, ko). Text from the plan is
        escaped (``|``, ``<``, ``>``, ``&``) and control characters are dropped, so a label
        cannot break the table or inject HTML where Markdown is rendered.

        Examples
        --------
        >>> e = onpace.builtin_plan("cn-14th-fyp-st").evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
        >>> e.to_markdown("en").splitlines()[0]
        '| Indicator | Baseline | Target | Latest | Completion | Time share | Pace | Status |'
        """
        return self._handle.to_markdown(lang)

    def table_json(self, lang: Optional[str] = None) -> str:
        """The report table (the columns of :meth:`to_pandas`) as JSON text in ``lang``: a list
        of objects, exact values as decimal strings, absent values as null.

        Examples
        --------
        >>> e = onpace.builtin_plan("cn-14th-fyp-st").evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
        >>> import json; json.loads(e.table_json("en"))[0]["target"]
        '> 7 %/yr'
        """
        return self._handle.table_json(lang or get_lang())

    def to_records(self, lang: Optional[str] = None) -> List[Dict[str, Any]]:
        """The report table as a list of dicts (the columns of :meth:`to_pandas`), exact values
        as ``Decimal``, rates as ``float``, absent values as None; labels in ``lang``."""
        rows: List[Dict[str, Any]] = json.loads(self._handle.table_json(lang or get_lang()))
        for r in rows:
            for k in _EXACT_COLUMNS:
                if r.get(k) is not None:
                    r[k] = Decimal(r[k])
        return rows

    def to_pandas(self, decimals: bool = False, lang: Optional[str] = None) -> "pd.DataFrame":
        """The report table, one row per indicator (index: indicator id).

        Columns: ``label`` (in ``lang``), ``unit``, ``nature`` (binding / anticipatory),
        ``target_kind``, ``comparator``, ``target`` as the plan writes it (``> 7 %/yr``,
        ``in step with GDP growth``), ``target_year``, ``target_value`` (the level it implies),
        ``method``, ``status``, ``status_label``, the method's numbers (``completion``,
        ``time_share``, ``pace``, ``actual_cagr``, ``required_cagr``,
        ``required_cagr_from_now``, ``ratio``, ``score``, ``index``, ``years_to_target``), the
        baseline (``baseline_year``, ``baseline_value``), the observation the verdict used
        (``observation_year``, ``observation_value``, ``observation_vintage``,
        ``observation_source``, ``observation_flag``) and ``warnings`` (codes, ``;``-joined).
        :meth:`to_csv` and the JS ``table()`` carry the same fields.

        Parameters
        ----------
        decimals : bool
            Keep exact values as ``Decimal`` (object columns) instead of float64.
        lang : {None, "zh", "en", "ko"}
            Language of labels and target texts; the display language by default.

        Examples
        --------
        >>> cn = onpace.builtin_plan("cn-14th-fyp-st")
        >>> df = cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st")).to_pandas(lang="en")
        >>> df.loc["rd-expenditure", ["nature", "target_kind", "comparator", "target"]].tolist()
        ['anticipatory', 'annual_growth', 'above', '> 7 %/yr']
        """
        pdm = _pandas()
        records = self.to_records(lang)
        df = pdm.DataFrame.from_records(records, columns=list(_TABLE_COLUMNS)).set_index("indicator")
        floats = ["actual_cagr", "required_cagr", "required_cagr_from_now", "ratio", "score", "index", "years_to_target"]
        for c in floats + ([] if decimals else [c for c in _EXACT_COLUMNS]):
            df[c] = pdm.to_numeric(df[c].astype(object).where(df[c].notna(), None), errors="coerce").astype("float64")
        for c in ("observation_year", "target_year", "baseline_year"):
            df[c] = df[c].astype("Int64")
        # The columns before this change, kept for code written against them.
        df["latest_year"] = df["observation_year"]
        df["latest_value"] = df["observation_value"]
        out: "pd.DataFrame" = df
        return out

    def summary_by(self, by: str = "nature") -> Dict[str, Summary]:
        """The roll-up per group of indicators, computed like :attr:`summary`.

        Parameters
        ----------
        by : {"nature", "target_kind"}
            ``nature`` splits binding (约束性) from anticipatory (预期性) indicators
            (``unspecified`` when the plan does not say).

        Returns
        -------
        dict of str to Summary

        Examples
        --------
        >>> e = onpace.builtin_plan("cn-14th-fyp-st").evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
        >>> sorted(e.summary_by("nature"))
        ['anticipatory']
        """
        raw = json.loads(self._handle.summary_by_json(str(by)))
        return {k: Summary._from(v) for k, v in raw.items()}

    def to_html(self, lang: Optional[str] = None) -> str:
        """The self-contained HTML report (table, roll-up, charts) in ``lang`` (zh, en, ko; the
        display language by default) — the same bytes as Rust and JS."""
        return self._handle.to_html(lang or get_lang())

    def chart_svg(self, indicator_id: str, lang: Optional[str] = None) -> Svg:
        """The chart of the indicator ``indicator_id``: required paths, observations (hollow
        when flagged), projection with its band, target, as-of year; labels in ``lang``.

        Raises
        ------
        UnknownIndicatorError
        """
        return Svg(self._handle.chart_svg(indicator_id, lang or get_lang()))

    def pace_svg(self, lang: Optional[str] = None) -> Svg:
        """Completion against time share for every indicator, each point labelled with its
        indicator's id (the diagonal is on pace; points beyond the axes sit on the edge with an
        arrow); labels in ``lang``."""
        return Svg(self._handle.pace_svg(lang or get_lang()))

    def chart(self, indicator_id: str, lang: Optional[str] = None) -> Svg:
        """Deprecated: the old name of :meth:`chart_svg` (Rust's ``chart_svg``, JS's ``chartSvg``),
        kept for one release; it warns (``DeprecationWarning``) and draws ``indicator_id`` in
        ``lang``."""
        warnings.warn("Evaluation.chart() is deprecated, use Evaluation.chart_svg()", DeprecationWarning, stacklevel=2)
        return self.chart_svg(indicator_id, lang)

    def pace_chart(self, lang: Optional[str] = None) -> Svg:
        """Deprecated: the old name of :meth:`pace_svg` (Rust's ``pace_svg``, JS's ``paceSvg``),
        kept for one release; it warns (``DeprecationWarning``) and draws in ``lang``."""
        warnings.warn("Evaluation.pace_chart() is deprecated, use Evaluation.pace_svg()", DeprecationWarning, stacklevel=2)
        return self.pace_svg(lang)

    def to_csv(self, lang: Optional[str] = None) -> str:
        """The report table as CSV (the columns of :meth:`to_pandas`, exact values as decimal
        text, RFC 4180 quoting, CRLF), labels in ``lang``.

        Examples
        --------
        >>> e = onpace.builtin_plan("cn-14th-fyp-st").evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
        >>> e.to_csv("en").splitlines()[0][:40]
        'indicator,label,unit,nature,target_kind,'
        """
        return self._handle.table_csv(lang or get_lang())

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
    """A what-if path and what it means for the target.

    Attributes
    ----------
    path : Path
    meets_target : bool or None
        Whether the path's last value meets the target (None without a level target).
    year_reached : int or None
        The first year it does.
    """

    path: Path
    meets_target: Optional[bool]
    year_reached: Optional[int]

    def to_pandas(self) -> "pd.Series":
        """The path as a Series indexed by year."""
        return self.path.to_pandas()


@dataclass(frozen=True)
class DecompositionRow:
    """One year of a :class:`Decomposition`.

    Attributes
    ----------
    year : int
    denominator, ratio, numerator : Decimal
        The denominator's forecast, the ratio the path requires, and the numerator it takes.
    """

    year: int
    denominator: Decimal
    ratio: Decimal
    numerator: Decimal


@dataclass(frozen=True)
class Decomposition:
    """The numerator a ratio target needs each year, given a denominator forecast.

    Attributes
    ----------
    kind : str
        The ratio's required path (``linear`` or ``geometric``).
    denominator_growth : Decimal
    rows : list of DecompositionRow
    numerator_cagr : float or None
        The numerator's average annual growth over the rows.
    """

    kind: str
    denominator_growth: Decimal
    rows: List[DecompositionRow]
    numerator_cagr: Optional[float]

    def to_pandas(self, decimals: bool = False) -> "pd.DataFrame":
        """The rows as a DataFrame indexed by year; float64 unless ``decimals=True`` keeps Decimals."""
        pdm = _pandas()
        df: "pd.DataFrame" = pdm.DataFrame([asdict(r) for r in self.rows]).set_index("year")
        return df if decimals else df.astype("float64")


def milestones(items: List[Dict[str, Any]]) -> Path:
    return Path(Milestone(int(m["year"]), Decimal(m["value"])) for m in items)
