"""Plans, indicators, targets and projects (docs/guide/python.md walks through them)."""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from . import _core
from ._convert import as_of as _as_of
from ._convert import (
    dec_str,
    error,
    float_arg,
    label,
    observation_list,
    opt_dec_str,
    plan_observations,
    table_cell,
    thresholds,
    year_of,
)
from ._display import fmt, get_lang, status_badge, table
from ._results import Assessment, Decomposition, DecompositionRow, Evaluation, Projection, Svg, WhatIf, milestones, Path

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

Number = Union[Decimal, int, float, str]


class Target:
    """The target of an indicator. Build one with a class method rather than the constructor
    (whose ``spec`` is the plan file's target dict).

    The kinds are those real plans set (docs/plan-format.md): a level (``level``), a band
    (``range``), a cumulative change from the baseline (``change``), an average annual growth
    rate (``annual_growth``), growth relative to another indicator (``relative``) and none
    (``none``, monitored only). Every number may be an int, float, Decimal, str or numpy scalar.

    Examples
    --------
    >>> onpace.Target.level(2025, "1.10").to_dict()
    {'kind': 'level', 'year': 2025, 'value': '1.10'}
    >>> onpace.Target.annual_growth(2025, 0.07, "above").kind
    'annual_growth'
    >>> onpace.Target.none().year is None
    True
    """

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self._spec = dict(spec)

    @classmethod
    def level(cls, year: int, value: Number, comparator: Optional[str] = None, *, tolerance: Optional[Number] = None) -> "Target":
        """Reach ``value`` by ``year``.

        Parameters
        ----------
        year : int
            The target year.
        value : number
            The level, in the indicator's unit.
        comparator : {None, "at_least", "above", "at_most", "below", "exactly"}
            How a value is compared with the level; None means at least for an increase
            indicator and at most for a decrease indicator.
        tolerance : number, optional
            The accepted absolute deviation for ``exactly`` (0 by default).

        Returns
        -------
        Target

        Raises
        ------
        InvalidArgumentError, ParseError
            A value that is not a number, naming ``target.value``.

        Examples
        --------
        >>> import numpy as np
        >>> onpace.Target.level(2025, np.float64(20)).to_dict()["value"]
        '20.0'
        """
        spec: Dict[str, Any] = {"kind": "level", "year": year_of(year, "target.year"), "value": dec_str(value, "target.value")}
        if comparator == "exactly":
            spec["comparator"] = {"exactly": {"tolerance": dec_str(tolerance if tolerance is not None else 0, "target.tolerance")}}
        elif comparator is not None:
            spec["comparator"] = comparator
        return cls(spec)

    @classmethod
    def range(cls, year: int, low: Number, high: Number) -> "Target":
        """Be inside ``[low, high]`` (bounds included) by ``year``.

        Examples
        --------
        >>> onpace.Target.range(2025, 5, "5.5").to_dict()
        {'kind': 'range', 'year': 2025, 'low': '5', 'high': '5.5'}
        """
        return cls({"kind": "range", "year": year_of(year, "target.year"), "low": dec_str(low, "target.low"), "high": dec_str(high, "target.high")})

    @classmethod
    def change(cls, year: int, amount: Number, mode: str = "relative") -> "Target":
        """A cumulative change from the baseline by ``year`` (the plans' 〔…〕 figures).

        Parameters
        ----------
        year : int
        amount : number
            Signed: ``-0.135`` with ``mode="relative"`` is a 13.5 % cut; with
            ``mode="absolute"`` it is in the indicator's unit (percentage points for a percent).
        mode : {"relative", "absolute"}

        Examples
        --------
        >>> onpace.Target.change(2025, "-0.135").to_dict()["mode"]
        'relative'
        """
        return cls({"kind": "change", "year": year_of(year, "target.year"), "amount": dec_str(amount, "target.amount"), "mode": mode})

    @classmethod
    def annual_growth(cls, year: int, rate: Number, comparator: Optional[str] = None, *, allow_large: bool = False) -> "Target":
        """An average annual growth rate from the baseline to ``year``.

        Parameters
        ----------
        year : int
        rate : number or str
            A fraction (``0.07`` is 7 % a year) or per-cent text (``"7%"``). A bare number of 1 or
            more (``7``: +700 % a year) is refused unless ``allow_large=True``.
        comparator : {None, "at_least", "above", "at_most", "below"}

        Examples
        --------
        >>> onpace.Target.annual_growth(2025, 0.07, "above").to_dict()["rate"]
        '0.07'
        >>> onpace.Target.annual_growth(2025, "7%").to_dict()["rate"]
        '0.07'
        """
        spec: Dict[str, Any] = {"kind": "annual_growth", "year": year_of(year, "target.year"),
                                "rate": str(parse_rate(rate, allow_large=allow_large, field="target.rate"))}
        if comparator is not None:
            spec["comparator"] = comparator
        return cls(spec)

    @classmethod
    def relative(cls, year: int, to: str, relation: str = "in_step_with", *, tolerance: Optional[Number] = None) -> "Target":
        """Grow ``faster_than``, ``in_step_with`` or ``slower_than`` (``relation``) the indicator
        ``to``, from the baseline to ``year``. Between growth-rate indicators, ``tolerance``
        (percentage points) is how far below the reference "in step" still is.

        Examples
        --------
        >>> onpace.Target.relative(2025, "gdp").to_dict()["relation"]
        'in_step_with'
        """
        spec: Dict[str, Any] = {"kind": "relative", "year": year_of(year, "target.year"), "to": to, "relation": relation}
        if tolerance is not None:
            spec["tolerance"] = dec_str(tolerance, "target.tolerance")
        return cls(spec)

    @classmethod
    def every_year(cls, year: int, value: Number, comparator: Optional[str] = None) -> "Target":
        """A bound to hold in every year from the baseline to ``year``.

        Parameters
        ----------
        year : int
        value : number
            The bound, in the indicator's unit.
        comparator : {None, "at_least", "above", "at_most", "below"}
            By direction when None.

        Examples
        --------
        >>> onpace.Target.every_year(2025, "5.5", "below").to_dict()["kind"]
        'every_year'
        """
        spec: Dict[str, Any] = {"kind": "every_year", "year": year_of(year, "target.year"), "value": dec_str(value, "target.value")}
        if comparator is not None:
            spec["comparator"] = comparator
        return cls(spec)

    @classmethod
    def average_rate(cls, year: int, value: Number, comparator: Optional[str] = None) -> "Target":
        """For a growth-rate indicator: the period average of its yearly rates, chained.

        Parameters
        ----------
        year : int
        value : number
            The average rate in the indicator's unit (7 for 7 % a year).
        comparator : {None, "at_least", "above", "at_most", "below"}
            By direction when None.

        Examples
        --------
        >>> onpace.Target.average_rate(2025, 7, "above").to_dict()["value"]
        '7'
        """
        spec: Dict[str, Any] = {"kind": "average_rate", "year": year_of(year, "target.year"), "value": dec_str(value, "target.value")}
        if comparator is not None:
            spec["comparator"] = comparator
        return cls(spec)

    @classmethod
    def none(cls) -> "Target":
        """No numeric target: the indicator is monitored only.

        Examples
        --------
        >>> onpace.Target.none().kind
        'none'
        """
        return cls({"kind": "none"})

    @property
    def kind(self) -> str:
        """The kind: ``level``, ``range``, ``change``, ``annual_growth``, ``relative`` or ``none``."""
        return str(self._spec["kind"])

    @property
    def year(self) -> Optional[int]:
        """The target year (None for ``none``)."""
        y = self._spec.get("year")
        return None if y is None else int(y)

    def to_dict(self) -> Dict[str, Any]:
        """The target as in a plan file (numbers as exact decimal text)."""
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
    """A quantified indicator: baseline, target, unit and direction, and the maths on it.

    Parameters
    ----------
    id : str
        Stable id: lowercase letters, digits, ``-`` and ``_``.
    unit : str or dict
        A unit kind (``percent``, ``per_mille``, ``per_ten_thousand``, ``ratio``, ``count``,
        ``index``, ``years``) or a dict such as ``{"kind": "money", "currency": "CNY",
        "magnitude": "hundred_million"}``.
    direction : {"increase", "decrease", 1, -1}
        Which way is better.
    baseline : (year, number)
        The starting value.
    target : (year, number), Target, dict or None
        A pair is a level target; None means no numeric target (``Target.none()``).
    label : str or dict, optional
        The name: a str is the Chinese label; a dict has ``zh`` and optionally ``en``, ``ko``.
    nature : {None, "binding", "anticipatory"}
        约束性 (binding) or 预期性 (anticipatory), when the plan says.
    decimals : int, optional
        Decimals the plan publishes the indicator with (display rounding only).
    components : dict, optional
        Numerator and denominator of a ratio indicator (docs/plan-format.md).

    Raises
    ------
    InvalidPlanError, ParseError, InvalidArgumentError
        With ``field`` naming what is wrong (``baseline.value``, ``target.year``…).

    Examples
    --------
    >>> import numpy as np
    >>> ind = onpace.Indicator("rd", unit="percent", direction=1, baseline=(2020, np.float64(0.36)),
    ...                        target=(2025, "1.10"), label={"zh": "研发投入强度", "en": "R&D intensity"})
    >>> ind.baseline
    (2020, Decimal('0.36'))
    >>> ind.assess({2022: np.float32(0.6)}).status
    'lagging'
    >>> onpace.Indicator("x", unit="ratio", direction=1, baseline=(2020, 1), target=None).target.kind
    'none'
    """

    def __init__(
        self,
        id: str,
        *,
        unit: Any,
        direction: Union[str, int],
        baseline: Tuple[int, Number],
        target: Union[Tuple[int, Number], Target, Mapping[str, Any], None],
        label: Optional[Union[str, Mapping[str, str]]] = None,
        nature: Optional[str] = None,
        decimals: Optional[int] = None,
        components: Optional[Mapping[str, Any]] = None,
    ) -> None:
        if not isinstance(direction, str):
            try:
                direction = {1: "increase", -1: "decrease"}[int(dec_str(direction, "direction"))]
            except (KeyError, ValueError):
                raise error(_core.InvalidArgumentError, "invalid_argument", "direction",
                            f"{direction!r} is not a direction; expected increase, decrease, 1 or -1") from None
        if target is None:
            t = Target.none().to_dict()
        elif isinstance(target, Target):
            t = target.to_dict()
        elif isinstance(target, Mapping):
            t = dict(target)
        elif isinstance(target, (tuple, list)) and len(target) == 2:
            t = Target.level(target[0], target[1]).to_dict()
        else:
            raise error(_core.InvalidArgumentError, "invalid_argument", "target",
                        f"a target is (year, value), a Target, a dict or None, not {type(target).__name__}")
        if not isinstance(baseline, (tuple, list)) or len(baseline) != 2:
            raise error(_core.InvalidArgumentError, "invalid_argument", "baseline",
                        f"a baseline is (year, value), not {type(baseline).__name__}")
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
        self._init(_core.IndicatorHandle.from_fields(json.dumps(spec)))

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
        """An indicator from JSON text, in the shape it has in a plan file (docs/plan-format.md).

        Raises
        ------
        InvalidPlanError, ParseError
            With ``field`` the JSON path at fault.
        """
        return cls._wrap(_core.IndicatorHandle.from_json(text))

    def to_json(self) -> str:
        """The indicator as compact JSON (decimals as strings, so nothing is rounded)."""
        return self._h.to_json()

    @property
    def id(self) -> str:
        """The indicator's id."""
        return str(self._spec["id"])

    @property
    def label(self) -> Dict[str, str]:
        """The labels by language (``zh`` always; ``en``, ``ko`` when given)."""
        return dict(self._spec["label"])

    @property
    def unit(self) -> Dict[str, Any]:
        """The unit as in the plan file (``{"kind": "percent"}``)."""
        return dict(self._spec["unit"])

    @property
    def direction(self) -> str:
        """``increase`` or ``decrease``: which way is better."""
        return str(self._spec["direction"])

    @property
    def nature(self) -> Optional[str]:
        """``binding``, ``anticipatory`` or None."""
        return self._spec.get("nature")

    @property
    def decimals(self) -> Optional[int]:
        """The decimals the plan publishes the indicator with, if it says."""
        return self._spec.get("decimals")

    @property
    def baseline(self) -> Tuple[int, Decimal]:
        """``(year, value)`` of the baseline, the value exact."""
        b = self._spec["baseline"]
        return int(b["year"]), Decimal(b["value"])

    @property
    def target(self) -> Target:
        """The target."""
        return Target(self._spec["target"])

    @property
    def components(self) -> Optional[Dict[str, Any]]:
        """Numerator and denominator of a ratio indicator, if any."""
        return self._spec.get("components")

    def name(self, lang: Optional[str] = None) -> str:
        """The label in ``lang`` (the display language by default), falling back to Chinese.

        Examples
        --------
        >>> onpace.builtin_plan().indicator("rd-intensity").name("en")
        'R&D expenditure as a share of GDP'
        """
        lab = self.label
        return lab.get(lang or get_lang()) or lab["zh"]

    def implied_target(self) -> Tuple[int, Decimal, str]:
        """The target resolved to ``(year, level, comparator)``.

        A growth-rate or change target becomes the level it implies from the baseline.

        Raises
        ------
        NoTargetError
            For ``none`` and for ``relative`` targets (they need the reference's growth).

        Examples
        --------
        >>> onpace.builtin_plan().indicator("rd-intensity").implied_target()
        (2025, Decimal('1.10'), 'at_least')
        """
        d = json.loads(self._h.implied_target())
        return int(d["year"]), Decimal(d["value"]), str(d["comparator"])

    def target_text(self, lang: Optional[str] = None) -> str:
        """The target as the plan writes it, in ``lang`` (the display language by default):
        ``≥ 1.10 %``, ``> 7 %/yr``, ``−13.5 % (cumulative)``, ``in step with gdp growth`` (a
        relative target names its reference by id here; the evaluation table uses its label).

        Examples
        --------
        >>> onpace.builtin_plan("cn-14th-fyp-st").indicator("rd-expenditure").target_text("en")
        '> 7 %/yr'
        """
        return self._h.target_text(lang or get_lang())

    def path(self, kind: str = "linear", *, from_year: Optional[int] = None, from_value: Optional[Number] = None) -> Path:
        """Required milestones from the baseline to the target, one per year.

        Parameters
        ----------
        kind : {"linear", "geometric"}
            Equal annual increments, or equal annual growth rates.
        from_year, from_value : int and number, optional
            Re-plan from this point instead of the baseline (give both).

        Returns
        -------
        Path
            A list of ``Milestone(year, value)`` with exact values; ``.to_pandas()`` gives a Series.

        Raises
        ------
        UndefinedGrowthError
            A geometric path through zero or a sign change.
        NoTargetError
            No level target to reach.

        Examples
        --------
        >>> rd = onpace.builtin_plan().indicator("rd-intensity")
        >>> [str(m.value) for m in rd.path()]
        ['0.36', '0.508', '0.656', '0.804', '0.952', '1.10']
        """
        req: Dict[str, Any] = {"kind": kind}
        if from_year is not None:
            req["from_year"] = year_of(from_year, "from_year")
        from_text = opt_dec_str(from_value, "from_value")
        if from_text is not None:
            req["from_value"] = from_text
        return milestones(json.loads(self._h.path(json.dumps(req))))

    def assess(
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
        """Assess the indicator on its observations with a named method.

        Parameters
        ----------
        observations : dict, list, pandas Series or DataFrame
            ``{year: value}``, ``[(year, value), ...]``, a list of dicts with ``year``,
            ``value`` and optionally ``numerator``, ``denominator``, ``vintage``, ``flag``
            (``preliminary``, ``estimated``, ``revised``, ``break``…) and ``source``; a Series
            indexed by year; or a long DataFrame. Values may be any number type; in pandas input
            NaN means "no figure", in a dict it is an error.
        as_of : int, str, date or None
            What "now" is: a year, a date ``"YYYY-MM-DD"`` (vintages published later are
            ignored) or None for the latest data.
        method : str
            ``cn-plan-pace`` (default), ``eurostat``, ``open-sdg``, ``unsd``, ``escap``,
            ``destatis`` or ``sdsn`` (``onpace.methods()`` lists them; docs/methods.md).
        model : str, optional
            Projection model for ``escap``: ``endpoint_cagr``, ``ols_linear``,
            ``ols_loglinear`` or ``weighted_geometric``.
        reference_rate : number or str, optional
            The reference indicator's annual growth (``0.05`` or ``"5%"``), for a ``relative`` target.
        baseline : {"plan", "revised"}
            The plan's printed baseline, or its latest revision known at ``as_of``.
        **thresholds_ : number
            Band edges of the method by name (``ahead_margin=0.1``, ``lag_tolerance=0.05`` for
            ``cn-plan-pace``; ``onpace.methods()`` gives each method's names and defaults).

        Returns
        -------
        Assessment

        Raises
        ------
        UnknownMethodError, InvalidArgumentError, ParseError, InvalidObservationsError

        Examples
        --------
        >>> import numpy as np
        >>> rd = onpace.builtin_plan().indicator("rd-intensity")
        >>> a = rd.assess({2022: np.float64(0.60)}, lag_tolerance=np.float32(0.1))
        >>> a.status, a.completion.quantize(Decimal("0.001")), a.time_share
        ('on_track', Decimal('0.324'), Decimal('0.4'))
        """
        if reference_rate is None:
            # The thin call path (docs/python-call-path.md): plain observations go to the core
            # through typed conversions; anything else (None back) takes the JSON route below,
            # which normalises it and raises each error as it always has, in the same order.
            try:
                plain = (_as_of(as_of), thresholds(thresholds_))
            except Exception:  # noqa: BLE001 - re-raised, in order, by the JSON route
                plain = None
            if plain is not None:
                found = self._h.assess_plain(observations, plain[0], method, plain[1], model, baseline)
                if found is not None:
                    return found
        req: Dict[str, Any] = {
            "observations": observation_list(observations),
            "as_of": _as_of(as_of),
            "method": method,
            "thresholds": thresholds(thresholds_),
        }
        if model is not None:
            req["model"] = model
        reference = opt_dec_str(reference_rate, "reference_rate")
        if reference is not None:
            req["reference_rate"] = reference
        if baseline != "plan":
            req["baseline"] = baseline
        return Assessment._from(json.loads(self._h.assess(json.dumps(req))))

    def progress(self, observations: Any, **options: Any) -> Assessment:
        """Deprecated: the old name of :meth:`assess` (one name in Rust, Python and JS), kept for
        one release; it warns (``DeprecationWarning``) and assesses ``observations`` with the
        ``options`` :meth:`assess` takes."""
        warnings.warn("Indicator.progress() is deprecated, use Indicator.assess()", DeprecationWarning, stacklevel=2)
        return self.assess(observations, **options)

    def project(self, observations: Any, *, model: str = "ols_linear", level: float = 0.9, as_of: Any = None) -> Projection:
        """Project to the target year: value, prediction interval, P(meet), year reached.

        Parameters
        ----------
        observations : as for :meth:`assess`
        model : {"ols_linear", "ols_loglinear", "endpoint_cagr", "weighted_geometric"}
        level : number
            The prediction interval's level, in (0, 1).
        as_of : as for :meth:`assess`

        Returns
        -------
        Projection

        Examples
        --------
        >>> rd = onpace.builtin_plan().indicator("rd-intensity")
        >>> p = rd.project({2021: "0.45", 2022: "0.55", 2023: "0.62"})
        >>> p.year, p.points
        (2025, 4)
        """
        req = {"observations": observation_list(observations), "model": model, "level": float_arg(level, "level"), "as_of": _as_of(as_of)}
        return Projection._from(json.loads(self._h.project(json.dumps(req))))

    def what_if(self, from_year: int, value: Number, *, rate: Optional[Number] = None, increment: Optional[Number] = None,
                allow_large: bool = False) -> WhatIf:
        """Grow from ``(from_year, value)`` at a constant rate or increment to the target year.

        Parameters
        ----------
        from_year : int
        value : number
        rate : number or str, optional
            Annual growth as a fraction (0.05 is 5 % a year) or per-cent text (``"5%"``). Give
            this or ``increment``. A bare rate of 1 or more (``5``: +500 % a year) is refused.
        increment : number, optional
            Annual increment in the indicator's unit.
        allow_large : bool
            Accept a bare rate of ±1 (±100 % a year) or more on purpose.

        Returns
        -------
        WhatIf
            The path, whether it meets the target, and the year it does.

        Examples
        --------
        >>> rd = onpace.builtin_plan().indicator("rd-intensity")
        >>> w = rd.what_if(2022, "0.60", increment=0.15)     # 0.60 + 3 × 0.15 = 1.05 < 1.10
        >>> w.meets_target, w.year_reached, w.path[-1].value
        (False, None, Decimal('1.05'))
        >>> rd.what_if(2022, "0.60", increment=0.17).year_reached   # 1.11 in 2025
        2025
        """
        req: Dict[str, Any] = {"from_year": year_of(from_year, "from_year"), "value": dec_str(value, "value")}
        for key, given in (("rate", rate), ("increment", increment)):
            text = opt_dec_str(given, key)
            if text is not None:
                req[key] = text
        if allow_large:
            req["allow_large_rates"] = True
        d = json.loads(self._h.what_if(json.dumps(req)))
        return WhatIf(milestones(d["path"]), d["meets_target"], d["year_reached"])

    def numerator_path(self, denominator_year: int, denominator: Number, growth: Number, *, kind: str = "linear",
                       allow_large: bool = False) -> Decomposition:
        """For a ratio indicator: the numerator needed each year if the denominator grows at ``growth``.

        Parameters
        ----------
        denominator_year : int
        denominator : number
            The denominator's value that year, in its own unit.
        growth : number or str
            The denominator's annual growth (0.05 or ``"5%"`` is 5 %).
        allow_large : bool
            Accept a bare rate of ±1 (±100 % a year) or more on purpose.
        kind : {"linear", "geometric"}
            The required path of the ratio.

        Returns
        -------
        Decomposition

        Examples
        --------
        >>> plan = onpace.builtin_plan()
        >>> gdp_year, gdp = plan.reference_value("gdp")
        >>> d = plan.indicator("rd-intensity").numerator_path(gdp_year, gdp, "0.05")
        >>> d.rows[0].year, d.kind
        (2020, 'linear')
        """
        req = {"denominator_year": year_of(denominator_year, "denominator_year"), "denominator": dec_str(denominator, "denominator"),
               "growth": dec_str(growth, "growth"), "kind": kind, "allow_large_rates": allow_large}
        d = json.loads(self._h.numerator_path(json.dumps(req)))
        rows = [DecompositionRow(r["year"], Decimal(r["denominator"]), Decimal(r["ratio"]), Decimal(r["numerator"])) for r in d["rows"]]
        return Decomposition(d["kind"], Decimal(d["denominator_growth"]), rows, d["numerator_cagr"])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Indicator) and other._spec == self._spec

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        y0, v0 = self.baseline
        return f"Indicator({self.id!r}, {v0} ({y0}) → {self.target.to_dict()}, {self.direction})"

    def _repr_html_(self) -> str:
        y0, v0 = self.baseline
        year = self.target.year
        target = self.target_text() + (f" ({year})" if year is not None else "")
        rows = [["baseline", fmt(f"{v0} ({y0})")], ["target", fmt(target)], ["unit", fmt(self.unit.get("kind"))],
                ["direction", fmt(self.direction)], ["nature", fmt(self.nature)]]
        return table(["", ""], rows, self.name())


def _label(value: Any) -> Dict[str, str]:
    return label(value)


@dataclass(frozen=True)
class Project:
    """A key project of the plan's tables.

    Attributes
    ----------
    table, number : int
        The plan table and the project's number in it.
    name : str
        The Chinese name.
    undertakers : list of str
    start_year, start_month, end_year, end_month : int (months may be None)
    phase : str or None
    location : str
    county : str or None
    summary : dict of str to str
        The project's content by language.
    investments : list of (item, Decimal amount, magnitude)
    """

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
        """Whether the project runs in ``year``."""
        return self.start_year <= year <= self.end_year

    def total_investment(self, magnitude: str = "ten_thousand") -> Optional[Decimal]:
        """The investments given, summed exactly, in the ``magnitude`` asked: 万元
        (``ten_thousand``), 亿元 (``hundred_million``) or 元 (``one``); None when none is given."""
        # The core's sum, with its overflow check (DecimalOverflowError beyond 28 digits).
        request = {"investments": [{"item": i, "amount": str(a), "magnitude": m} for i, a, m in self.investments],
                   "magnitude": magnitude}
        total = json.loads(_core.investment_total_json(json.dumps(request)))["total"]
        return None if total is None else Decimal(total)


class Plan:
    """A development plan with quantified indicators.

    Build one from :class:`Indicator` objects, from a table (:meth:`from_dataframe`,
    :meth:`from_records`, :func:`read_plan_csv`), from JSON (:meth:`from_json`), or take a
    built-in one (:func:`builtin_plan`). Indicators are indexed by id: loading is linear in
    their number and ``plan.indicator(id)`` takes constant time.

    Parameters
    ----------
    indicators : list of Indicator
        The plan's indicators, in order (ids unique).
    id : str
        The plan's id (lowercase letters, digits, ``-``).
    name : str, optional
        Its title (Chinese title in the plan file); the id by default.

    Raises
    ------
    InvalidPlanError
        Repeated ids, a relative target naming no indicator of the plan, no indicators.

    Examples
    --------
    >>> rd = onpace.Indicator("rd", unit="percent", direction=1, baseline=(2020, "0.36"), target=(2025, "1.10"))
    >>> plan = onpace.Plan([rd], id="demo", name="示例")
    >>> plan.period, plan.indicator("rd").baseline
    ((2021, 2025), (2020, Decimal('0.36')))
    """

    def __init__(self, indicators: Any = None, *, id: str = "plan", name: Optional[str] = None) -> None:
        if isinstance(indicators, _core.PlanHandle):  # the internal route: a plan held in Rust
            self._set(indicators)
            return
        if indicators is None or isinstance(indicators, (str, bytes, Mapping)):
            raise error(_core.InvalidArgumentError, "invalid_argument", "indicators",
                        "a plan is built from a list of Indicator objects (or use Plan.from_dataframe / from_json)")
        specs = []
        for i, ind in enumerate(indicators):
            if not isinstance(ind, Indicator):
                raise error(_core.InvalidArgumentError, "invalid_argument", f"indicators[{i}]",
                            f"expected an Indicator, got {type(ind).__name__}")
            specs.append(ind._spec)
        # The base year and period are derived by the core, by the same rule as for tables.
        req = {"id": id, "name": name if name is not None else id, "indicators": specs}
        self._set(_core.PlanHandle.from_indicators(json.dumps(req, ensure_ascii=False)))

    def _set(self, handle: "_core.PlanHandle") -> None:
        self._h = handle
        self._spec: Dict[str, Any] = json.loads(handle.to_json())
        self._specs: Dict[str, Dict[str, Any]] = {i["id"]: i for i in self._spec["indicators"]}
        self._built: Dict[str, Indicator] = {}

    @classmethod
    def _wrap(cls, handle: "_core.PlanHandle") -> "Plan":
        obj = cls.__new__(cls)
        obj._set(handle)
        return obj

    @classmethod
    def from_json(cls, text: str) -> "Plan":
        """Load and validate a plan from JSON ``text`` (docs/plan-format.md).

        Numbers and strings both load exactly (``0.36`` and ``"0.36"`` are 0.36); unknown
        fields are refused.

        Raises
        ------
        InvalidPlanError, ParseError
            With ``field`` the JSON path at fault (``indicators[0].target.year``).

        Examples
        --------
        >>> plan = onpace.Plan.from_json(onpace.builtin_plan().to_json())
        >>> len(plan.indicators)
        7
        """
        return cls._wrap(_core.PlanHandle.from_json(text))

    @classmethod
    def from_file(cls, path: Union[str, FsPath]) -> "Plan":
        """Load a plan from the JSON file at ``path`` (UTF-8)."""
        return cls.from_json(FsPath(path).read_text(encoding="utf-8"))

    @classmethod
    def from_records(cls, rows: Any, *, id: str = "plan", name: Optional[str] = None) -> "Plan":
        """A plan from table rows, one dict per indicator, keyed by column.

        The columns are the dotted paths of the plan file's indicator fields (docs/plan-format.md):
        ``id``, ``label.zh`` (or ``label``), ``label.en``, ``label.ko``, ``unit.kind`` (or
        ``unit``), ``unit.currency``, ``unit.magnitude``, ``direction``, ``nature``,
        ``decimals``, ``baseline.year``, ``baseline.value``, ``target.kind``, ``target.year``,
        and what the target kind needs: ``target.value``, ``target.comparator``,
        ``target.tolerance`` (level); ``target.low``, ``target.high`` (range);
        ``target.amount``, ``target.mode`` (change); ``target.rate`` (annual_growth);
        ``target.to``, ``target.relation`` (relative). Empty cells (None, NaN, pandas NA)
        are absent fields; numbers may be any number type and stay exact.

        Parameters
        ----------
        rows : iterable of dict
        id : str
            The plan's id.
        name : str, optional
            Its title.

        Returns
        -------
        Plan
            Base year: the earliest baseline year; period: from the year after to the latest
            target year.

        Raises
        ------
        InvalidPlanError
            ``field`` is ``rows[i].column``.
        ParseError
            A malformed number, naming ``rows[i].column``.

        Examples
        --------
        >>> plan = onpace.Plan.from_records([
        ...     {"id": "rd", "label": "研发经费投入强度", "unit": "percent", "direction": "increase",
        ...      "baseline.year": 2020, "baseline.value": 0.36,
        ...      "target.kind": "level", "target.year": 2025, "target.value": "1.10"}], id="demo")
        >>> plan.indicator("rd").implied_target()
        (2025, Decimal('1.10'), 'at_least')
        """
        out = []
        for i, row in enumerate(rows):
            if not isinstance(row, Mapping):
                raise error(_core.InvalidArgumentError, "invalid_argument", f"rows[{i}]", f"a row is a dict, not {type(row).__name__}")
            out.append({str(k): table_cell(v, f"rows[{i}].{k}") for k, v in row.items()})
        req = {"id": id, "name": name if name is not None else id, "rows": out}
        return cls._wrap(_core.PlanHandle.from_rows(json.dumps(req, ensure_ascii=False)))

    @classmethod
    def from_dataframe(cls, frame: Any, *, id: str = "plan", name: Optional[str] = None) -> "Plan":
        """A plan from a DataFrame ``frame``, one row per indicator (the columns of
        :meth:`from_records`; ``id`` may be the index); ``id`` and ``name`` name the plan.

        Examples
        --------
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["rd"], "label": ["研发经费投入强度"], "unit": ["percent"],
        ...                    "direction": ["increase"], "baseline.year": [2020], "baseline.value": [0.36],
        ...                    "target.kind": ["level"], "target.year": [2025], "target.value": [1.1]})
        >>> onpace.Plan.from_dataframe(df, id="demo").indicator("rd").target.to_dict()
        {'kind': 'level', 'year': 2025, 'value': '1.1'}
        """
        if not hasattr(frame, "to_dict") or not hasattr(frame, "columns"):
            raise error(_core.InvalidArgumentError, "invalid_argument", "frame", f"expected a pandas DataFrame, got {type(frame).__name__}")
        if "id" not in frame.columns and getattr(frame.index, "name", None) == "id":
            frame = frame.reset_index()
        return cls.from_records(frame.to_dict("records"), id=id, name=name)

    def to_records(self) -> List[Dict[str, Any]]:
        """The indicators as table rows (the inverse of :meth:`from_records`): years and
        decimals as ``int``, values as exact ``Decimal``, empty cells left out.

        Examples
        --------
        >>> onpace.builtin_plan().to_records()[0]["baseline.value"]
        Decimal('0.36')
        """
        table = json.loads(self._h.table_json())
        convert: Dict[str, Callable[[str], Any]] = {"integer": int, "decimal": Decimal, "bool": lambda t: t == "true", "text": str}
        fns = [convert[t] for t in table["types"]]
        return [{c: f(v) for c, f, v in zip(table["columns"], fns, row) if v is not None} for row in table["rows"]]

    def to_dataframe(self) -> "pd.DataFrame":
        """The indicators as a DataFrame, one row per indicator; ``Plan.from_dataframe`` of it
        gives the same indicators back, exactly (values are ``Decimal`` objects).

        Examples
        --------
        >>> df = onpace.builtin_plan().to_dataframe()
        >>> list(df.columns[:4])
        ['id', 'label.zh', 'label.en', 'label.ko']
        >>> onpace.Plan.from_dataframe(df, id="yanbian-st-14").indicators == onpace.builtin_plan().indicators
        True
        """
        from ._results import _pandas  # noqa: PLC0415

        pdm = _pandas()
        table = json.loads(self._h.table_json())
        records = self.to_records()
        frame = pdm.DataFrame.from_records(records, columns=table["columns"])
        for c, t in zip(table["columns"], table["types"]):
            if t == "integer":
                frame[c] = frame[c].astype("Int64")
            elif t == "decimal":
                frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
        out: "pd.DataFrame" = frame
        return out

    def to_csv(self) -> str:
        """The indicators as the CSV plan template (read back by :func:`read_plan_csv`).

        Examples
        --------
        >>> onpace.builtin_plan().to_csv().splitlines()[0][:30]
        'id,label.zh,label.en,label.ko,'
        """
        return self._h.to_csv()

    def to_json(self) -> str:
        """The plan as compact JSON (decimals as strings)."""
        return self._h.to_json()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plan) and other._spec == self._spec

    __hash__ = None  # type: ignore[assignment]

    @property
    def id(self) -> str:
        """The plan's id."""
        return str(self._spec["id"])

    @property
    def title(self) -> Dict[str, str]:
        """The title by language."""
        return dict(self._spec["title"])

    @property
    def period(self) -> Tuple[int, int]:
        """``(first year, last year)`` of the plan."""
        return int(self._spec["period"]["start"]), int(self._spec["period"]["end"])

    @property
    def base_year(self) -> int:
        """The plan's base year (the last year of the previous plan)."""
        return int(self._spec["base_year"])

    @property
    def indicators(self) -> List[Indicator]:
        """The indicators, in the plan's order."""
        return [self.indicator(i) for i in self._specs]

    def indicator(self, id: str) -> Indicator:
        """The indicator with this id (constant time).

        Raises
        ------
        UnknownIndicatorError

        Examples
        --------
        >>> onpace.builtin_plan().indicator("rd-intensity").unit
        {'kind': 'percent'}
        """
        found = self._built.get(id)
        if found is None:
            spec = self._specs.get(id)
            if spec is None:
                return Indicator._wrap(self._h.indicator(str(id)))  # raises UnknownIndicatorError
            found = Indicator._wrap(_core.IndicatorHandle.from_fields(json.dumps(spec, ensure_ascii=False)))
            self._built[id] = found
        return found

    @property
    def projects(self) -> List[Project]:
        """The key projects of the plan's tables (the Yanbian plan has them)."""
        return [Project._from(p) for p in self._spec.get("projects", [])]

    def projects_active(self, year: int) -> List[Project]:
        """The key projects running in ``year`` (the core's selection)."""
        found = json.loads(self._h.projects(json.dumps({"year": year_of(year, "year")})))
        return [Project._from(p) for p in found["projects"]]

    @property
    def achievements(self) -> List[Dict[str, Any]]:
        """The previous period's achievements, as in the plan file."""
        return [dict(a) for a in self._spec.get("achievements", [])]

    @property
    def key_fields(self) -> List[Dict[str, Any]]:
        """The plan's key fields and directions, as in the plan file."""
        return [dict(k) for k in self._spec.get("key_fields", [])]

    @property
    def sources(self) -> List[Dict[str, Any]]:
        """Where the plan's figures come from."""
        return [dict(s) for s in self._spec.get("sources", [])]

    def reference_value(self, id: str) -> Tuple[int, Decimal]:
        """The published figure ``id`` shipped with the plan (e.g. ``gdp``): ``(year, value)``.

        Raises
        ------
        InvalidArgumentError
            The plan has no such figure.

        Examples
        --------
        >>> onpace.builtin_plan().reference_value("gdp")[0]
        2020
        """
        if not isinstance(id, str):
            raise error(_core.InvalidArgumentError, "invalid_argument", "id", f"expected a string, got {type(id).__name__}")
        r = json.loads(self._h.reference_value(id))
        return int(r["year"]), Decimal(r["value"])

    def evaluate(
        self,
        observations: Any,
        *,
        as_of: Any = None,
        method: str = "cn-plan-pace",
        model: Optional[str] = None,
        weights: Optional[Mapping[str, Number]] = None,
        missing: str = "exclude",
        layout: Optional[str] = None,
        baseline: str = "plan",
        **thresholds_: Number,
    ) -> Evaluation:
        """Assess every indicator with one method and roll the verdicts up.

        Parameters
        ----------
        observations : dict or pandas DataFrame
            ``{indicator: observations}`` (each as :meth:`Indicator.assess` takes), the
            result of :func:`read_observations_csv`, or a DataFrame: long (columns
            ``indicator``, ``year``, ``value`` and optionally ``numerator``, ``denominator``,
            ``vintage``, ``flag``, ``source``) or wide (see ``layout``). NaN / NA cells are
            "no figure".
        as_of, method, model, **thresholds_
            As for :meth:`Indicator.assess`.
        weights : dict, optional
            ``{indicator: weight}`` for the weighted share on pace (1 when absent).
        missing : {"exclude", "count_as_off_pace"}
            Whether not-assessable indicators count in the share on pace.
        layout : {None, "long", "by_indicator", "by_year"}
            A DataFrame's shape: long; a row per indicator and a column per year; or a row
            per year (or a ``year`` column) and a column per indicator. Detected when None.
        baseline : {"plan", "revised"}
            The plans' printed baselines, or their latest revisions known at ``as_of``.

        Returns
        -------
        Evaluation

        Raises
        ------
        UnknownIndicatorError
            Observations of an id the plan does not have.

        Examples
        --------
        >>> import pandas as pd
        >>> cn = onpace.builtin_plan("cn-14th-fyp-st")
        >>> wide = pd.DataFrame({"basic-research-share": [6.09, 6.5]}, index=pd.Index([2021, 2022], name="year"))
        >>> e = cn.evaluate(wide)   # (6.5 − 6.01)/(8 − 6.01) = 0.246 done at a time share of 0.4
        >>> [r.status for r in e.rows if r.indicator == "basic-research-share"]
        ['lagging']
        """
        if layout is None:
            # The thin call path, as in Indicator.assess.
            try:
                plain = (_as_of(as_of), thresholds(thresholds_),
                         {k: dec_str(v, f"weights.{k}") for k, v in (weights or {}).items()})
            except Exception:  # noqa: BLE001 - re-raised, in order, by the JSON route
                plain = None
            if plain is not None:
                handle = self._h.evaluate_plain(observations, plain[0], method, plain[1], model, plain[2], missing, baseline)
                if handle is not None:
                    return Evaluation(handle)
        req: Dict[str, Any] = {
            "observations": plan_observations(observations, layout),
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
        return Evaluation(self._h.evaluate(json.dumps(req)))

    def to_html(self, lang: Optional[str] = None) -> str:
        """The plan report (every indicator's required schedule, the key projects) as a
        self-contained HTML page in ``lang`` (zh, en, ko)."""
        return self._h.to_html(lang or get_lang())

    def projects_svg(self, lang: Optional[str] = None) -> "Svg":
        """The key projects as a timeline (SVG), labels in ``lang``."""
        return Svg(self._h.projects_svg(lang or get_lang()))

    def projects_chart(self, lang: Optional[str] = None) -> "Svg":
        """Deprecated: the old name of :meth:`projects_svg` (JS's ``projectsSvg``), kept for one
        release; it warns (``DeprecationWarning``) and draws in ``lang``."""
        warnings.warn("Plan.projects_chart() is deprecated, use Plan.projects_svg()", DeprecationWarning, stacklevel=2)
        return self.projects_svg(lang)

    def projects_where(self, *, year: Optional[int] = None, location: Optional[str] = None,
                       undertaker: Optional[str] = None, table: Optional[int] = None) -> Tuple[List[Project], Optional[Decimal]]:
        """Key projects by year active, location (county), undertaker and table, with the total of
        the investments the plan gives for them (万元, exact; None when it gives none)."""
        req = {"year": year, "location": location, "undertaker": undertaker, "table": table}
        d = json.loads(self._h.projects(json.dumps({k: v for k, v in req.items() if v is not None})))
        total = Decimal(d["investment_total_ten_thousand"]) if d["with_investment"] else None
        return [Project._from(p) for p in d["projects"]], total

    def schedule_markdown(self, lang: str = "zh") -> str:
        """Every indicator's required schedule (rates and both paths) as Markdown in ``lang``.

        Examples
        --------
        >>> onpace.builtin_plan().schedule_markdown("en").splitlines()[0]
        '### R&D expenditure as a share of GDP'
        """
        return self._h.schedule_markdown(lang)

    def __repr__(self) -> str:
        return f"Plan({self.id!r}, {len(self._specs)} indicators, {self.period[0]}–{self.period[1]})"

    def _repr_html_(self) -> str:
        lang = get_lang()
        rows = []
        for i in self.indicators:
            y0, v0 = i.baseline
            # The target as written (a growth target as its rate, not the level it implies).
            year = i.target.year
            target = i.target_text(lang) + (f" ({year})" if year is not None else "")
            rows.append([fmt(i.name(lang)), fmt(f"{v0} ({y0})"), fmt(target), fmt(i.direction)])
        title = self.title.get(lang) or self.title["zh"]
        return table(["indicator", "baseline", "target", "direction"], rows, title)


def parse_rate(rate: Number, *, allow_large: bool = False, field: str = "rate") -> Decimal:
    """A rate as a fraction, by the core's one rate parser.

    Parameters
    ----------
    rate : number or str
        ``"7%"`` and ``0.07`` are 0.07; a bare ``7`` is refused ("7 means +700 % a year; write
        0.07 or '7%'") unless ``allow_large=True``.
    allow_large : bool
        Accept a bare rate of ±1 (±100 % a year) or more on purpose.
    field : str
        The name an error gives the value.

    Examples
    --------
    >>> onpace.parse_rate("7%")
    Decimal('0.07')
    """
    req = {"rate": dec_str(rate, field), "allow_large": allow_large, "field": field}
    return Decimal(json.loads(_core.parse_rate_json(json.dumps(req)))["rate"])


def builtin_plans() -> List[str]:
    """Ids of the built-in plans, the default (``yanbian-st-14``) first.

    Examples
    --------
    >>> onpace.builtin_plans()
    ['yanbian-st-14', 'cn-14th-fyp-st']
    """
    return list(_core.builtin_plan_ids())


def builtin_plan(id: str = "yanbian-st-14") -> Plan:
    """The built-in plan ``id``: ``yanbian-st-14`` (the Yanbian 14th Five-Year S&T plan) or
    ``cn-14th-fyp-st`` (the national 14th Five-Year Plan's S&T indicators).

    Raises
    ------
    UnknownPlanError

    Examples
    --------
    >>> onpace.builtin_plan().period
    (2021, 2025)
    """
    return Plan._wrap(_core.builtin_plan(id))


def read_plan_csv(text: str, *, id: str = "plan", name: Optional[str] = None) -> Plan:
    r"""A plan (``id``, ``name``) from its CSV template ``text``: a header of columns (those of :meth:`Plan.from_records`)
    and one row per indicator, read by the Rust core (the JS package's ``readPlanCsv`` is the
    same reader). A UTF-8 BOM, CRLF and quoted fields are handled.

    Raises
    ------
    ParseError, YearOutOfRangeError, InvalidPlanError
        ``line`` is the CSV line and ``field`` the column at fault.

    Examples
    --------
    >>> text = ("id,label,unit,direction,baseline.year,baseline.value,target.kind,target.year,target.rate\n"
    ...         "gdp,地区生产总值,index,increase,2020,100,annual_growth,2025,0.06\n")
    >>> onpace.read_plan_csv(text, id="demo").indicator("gdp").implied_target()[1].quantize(Decimal("0.01"))
    Decimal('133.82')
    >>> try:
    ...     onpace.read_plan_csv(text.replace("2020,100", "2020,l00"))
    ... except onpace.ParseError as e:
    ...     print(e.line, e.field)
    2 baseline.value
    """
    return Plan._wrap(_core.PlanHandle.from_csv(text, id, name if name is not None else id))


def builtin_observations(id: str) -> Dict[str, Dict[int, Decimal]]:
    """The published observations shipped with the built-in plan ``id``: ``{indicator: {year: value}}``.

    Examples
    --------
    >>> sorted(onpace.builtin_observations("cn-14th-fyp-st")["basic-research-share"])[:2]
    [2020, 2021]
    """
    raw = json.loads(_core.builtin_observations_json(id))
    return {k: {int(o["year"]): Decimal(o["value"]) for o in v if o.get("value") is not None} for k, v in raw.items()}


def read_observations_csv(text: str) -> Dict[str, List[Dict[str, Any]]]:
    r"""Observations from CSV text, read by the Rust core (the JS package uses the same reader).

    Long: ``indicator,year,value`` and optionally
    ``numerator,denominator,vintage,flag,source,annual_change,period``; an ``annual_change``
    (``-0.027`` or ``-2.7%``) may stand instead of the value and is chained from the baseline.
    Wide, as a yearbook prints them: ``indicator,2021,2022,…`` (a row per indicator) or
    ``year,<id>,<id>,…`` (a row per year); empty cells are years without a figure. A UTF-8
    BOM, CRLF and quoted fields are handled.

    Returns
    -------
    dict
        ``{indicator: [{"year", "value", …}]}`` with exact ``Decimal`` values, ready for
        :meth:`Plan.evaluate`.

    Raises
    ------
    ParseError, InvalidObservationsError, YearOutOfRangeError
        ``line`` is the CSV line at fault.

    Examples
    --------
    >>> obs = onpace.read_observations_csv("year,rd-intensity\n2021,0.45\n2022,\n2023,0.62\n")
    >>> [(o["year"], o["value"]) for o in obs["rd-intensity"]]
    [(2021, Decimal('0.45')), (2023, Decimal('0.62'))]
    """
    raw: Dict[str, List[Dict[str, Any]]] = json.loads(_core.read_observations_csv_json(text))
    for rows in raw.values():
        for o in rows:
            for k in ("value", "numerator", "denominator", "annual_change"):
                if k in o:
                    o[k] = Decimal(o[k])
    return raw


def methods() -> List[Dict[str, Any]]:
    """Every assessment method: id, version, description, statuses, and its thresholds with
    their defaults (the keyword names :meth:`Indicator.assess` and :meth:`Plan.evaluate`
    take). The formulas and band edges are in ``onpace.docs.methods`` (docs/methods.md).

    Examples
    --------
    >>> m = {x["id"]: x for x in onpace.methods()}
    >>> sorted(m["cn-plan-pace"]["thresholds"])
    ['ahead_margin', 'binding_lag_tolerance', 'lag_tolerance']
    """
    return list(json.loads(_core.methods_json()))


def defaults() -> Dict[str, Any]:
    """The defaults every language shares, from the core (``onpace::DEFAULTS``): the method,
    the projection model and interval level, the projection model of ``escap``, the path kind,
    the missing-data policy and the report language. The keyword defaults of
    :meth:`Indicator.assess`, :meth:`Indicator.project`, :meth:`Plan.evaluate`, :func:`project`
    and :func:`required_path` are these (tests/test_defaults.py checks them).

    Examples
    --------
    >>> d = onpace.defaults()
    >>> d["method"], d["projection_model"], d["level"]
    ('cn-plan-pace', 'ols_linear', 0.9)
    """
    return dict(json.loads(_core.defaults_json()))


def status_html(code: str, lang: Optional[str] = None) -> str:
    """The badge of the status ``code`` as HTML: colour, symbol and word (``lang``: zh, en, ko).

    Examples
    --------
    >>> "▼ 滞后" in onpace.status_html("lagging", "zh")
    True
    """
    return status_badge(code, lang)
