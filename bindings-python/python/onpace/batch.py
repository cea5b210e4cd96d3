"""Many series at once with numpy: the f64 kernel, GIL released, both cores for large arrays.

``assess(..., method=...)`` runs any method that needs no more than the baseline, the target,
the latest observation (and, for ``eurostat``, the window start) and the thresholds:
``cn-plan-pace``, ``eurostat``, ``open-sdg``, ``unsd``, ``escap`` (endpoint-CAGR projection)
and ``sdsn``. ``destatis`` needs a run of annual values and is not in the array batch: ``evaluate(frame)``
assesses a long-format panel (indicator × region × year rows) with any method, whole-series
ones included, through the exact method series by series. Every series is a level target with the direction's own comparator (at
least when higher is better, at most when lower is better). It returns float64 arrays, named
as the exact API's result fields, and an int8 array ``status`` whose codes
``status_codes(method)`` names (the position in the method's statuses, best first; -1
``not_assessable``):

- ``cn-plan-pace``: ``completion``, ``time_share``, ``pace``, ``actual_cagr``,
  ``required_cagr``, ``ratio`` (``d·ga/|gr|``) — what ``progress`` returns;
- ``eurostat``: ``ratio`` from the window start (``start_year``/``start_value``, default the
  baseline: pass the first value from ``year - 5`` on for the exact method's short-term
  window);
- ``open-sdg``: ``ratio``, ``score``; ``unsd``: ``ratio``, ``score`` (3/2/1);
  ``escap``: ``ratio`` (anticipated progress), ``index`` (CSI); ``sdsn``: ``ratio``, ``score``.

A NaN target means the series has no target (a missing value in a DataFrame column, as
``Indicator(..., target=None)``): the row gets the exact API's no-target result — ``eurostat``,
``open-sdg`` and ``unsd`` judge the growth ``x = d·ga`` (``ratio`` = x; ``eurostat`` adds the
statuses ``moderate_movement_away`` and ``significant_movement_away``), ``cn-plan-pace`` says
``monitored`` (code -2), ``escap`` and ``sdsn`` ``not_assessable``. Rows with and without a
target mix in one call. Any other NaN input, a plan length ≤ 0, an observation not after the
baseline year (or the window start) or a direction other than ±1 gives NaN outputs and status
-1 for that row only. Band edges follow the exact API's rule (a value within 1e-12 of an edge
is on it), so both APIs give one status. Thresholds are the exact method's, by name, the
no-target ones included (``no_target_band``, ``no_target_on_track``,
``no_target_acceleration_needed``, ``natural_limit``); defaults come from the core; those the
batch cannot honour (``window_years``, ``binding_lag_tolerance``) and non-finite or negative
values are refused (``InvalidArgumentError``). See docs/batch.md.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Tuple

from . import _core
from ._convert import error

_KEYS = ("completion", "time_share", "pace", "actual_cagr", "required_cagr", "ratio", "status")

# method id → (value columns, thresholds taken, {code: status}), from the core.
_METHODS: Dict[str, Tuple[List[str], List[str], Dict[int, str]]] = {
    m: (list(cols), list(th), dict(codes)) for m, cols, th, codes in _core.batch_methods()
}

#: int8 status code → status code (the ``cn-plan-pace`` method, what ``progress`` returns):
#: 0 achieved … 4 regressing, -1 not_assessable, -2 monitored (no target).
STATUS_CODES: Dict[int, str] = dict(_METHODS["cn-plan-pace"][2])

#: The methods the batch runs.
METHODS: Tuple[str, ...] = tuple(_METHODS)


def status_codes(method: str = "cn-plan-pace") -> Dict[int, str]:
    """The int8 status codes of a batch method → status codes."""
    if method not in _METHODS:
        raise error(_core.UnknownMethodError, "unknown_method", method, f"the batch runs: {', '.join(METHODS)}")
    return dict(_METHODS[method][2])


def _columns(*inputs: Any) -> Tuple[List[Any], Tuple[int, ...]]:
    """float64 1-D columns for the kernel and the broadcast shape. A single value stays a
    1-element column (the kernel broadcasts it), so scalar years cost no n-element copy."""
    import numpy as np  # noqa: PLC0415

    names = ("baseline", "target", "base_year", "target_year", "year", "value", "direction", "start_year", "start_value")
    arrays = []
    for name, a in zip(names, inputs):
        try:
            arrays.append(np.asarray(a, dtype=np.float64))
        except (TypeError, ValueError) as e:
            # Text or objects in a column: a typed error naming it (a missing value, None or
            # pandas' NA, is NaN: for the target, no target).
            raise error(_core.InvalidArgumentError, "invalid_argument", name, f"numbers are required: {e}") from None
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
    except ValueError as e:
        raise error(_core.InvalidArgumentError, "invalid_argument", "columns", f"the inputs do not broadcast together: {e}") from None
    cols = []
    for a in arrays:
        flat = a.reshape(1) if a.size == 1 else np.broadcast_to(a, shape).reshape(-1)
        # Contiguous *and* aligned: buffers that arrive through pickling (dask workers) can be
        # misaligned, which the zero-copy view into Rust refuses.
        cols.append(np.require(flat, dtype=np.float64, requirements=["C_CONTIGUOUS", "ALIGNED"]))
    return cols, shape


def _run(method: str, cols: List[Any], starts: Tuple[Any, Any], th: Dict[str, float], shape: Tuple[int, ...]) -> Dict[str, Any]:
    """The kernel into outputs numpy allocates with ``empty``: memory reused from earlier
    arrays and not zeroed, so the kernel's one write is the only touch of each element."""
    import numpy as np  # noqa: PLC0415

    if method not in _METHODS:
        raise error(_core.UnknownMethodError, "unknown_method", method, f"the batch runs: {', '.join(METHODS)}")
    n = int(np.prod(shape))
    names = _METHODS[method][0]
    values = [np.empty(n, dtype=np.float64) for _ in names]
    status = np.empty(n, dtype=np.int8)
    _core.batch_assess_into(method, cols[:7], starts[0], starts[1], th, values, status)
    result: Dict[str, Any] = {k: v.reshape(shape) for k, v in zip(names, values)}
    result["status"] = status.reshape(shape)
    return result


def progress(
    baseline: Any,
    target: Any,
    base_year: Any,
    target_year: Any,
    year: Any,
    value: Any,
    *,
    direction: Any = 1,
    method: str = "cn-plan-pace",
    ahead_margin: float = 0.10,
    lag_tolerance: float = 0.05,
) -> Dict[str, Any]:
    """``cn-plan-pace`` over arrays of series (arguments broadcast; scalars are fine)."""
    if method != "cn-plan-pace":
        raise error(_core.UnknownMethodError, "unknown_method", method, "onpace.batch.progress runs cn-plan-pace; use onpace.batch.assess(method=...)")
    th = {"ahead_margin": float(ahead_margin), "lag_tolerance": float(lag_tolerance)}
    out = assess(baseline, target, base_year, target_year, year, value, direction=direction, thresholds=th)
    return {k: out[k] for k in _KEYS}


def assess(
    baseline: Any,
    target: Any,
    base_year: Any,
    target_year: Any,
    year: Any,
    value: Any,
    *,
    direction: Any = 1,
    method: str = "cn-plan-pace",
    start_year: Any = None,
    start_value: Any = None,
    thresholds: Optional[Mapping[str, float]] = None,
) -> Dict[str, Any]:
    """Any batch method over arrays of series (arguments broadcast; scalars are fine); a NaN
    target is a series without one (the method's no-target variant)."""
    if (start_year is None) != (start_value is None):
        raise error(_core.InvalidArgumentError, "invalid_argument", "start_year", "give both start_year and start_value, or neither")
    extra = () if start_year is None else (start_year, start_value)
    cols, shape = _columns(baseline, target, base_year, target_year, year, value, direction, *extra)
    th = {str(k): float(v) for k, v in (thresholds or {}).items()}
    starts = (cols[7], cols[8]) if extra else (None, None)
    return _run(method, cols, starts, th, shape)


#: The columns ``evaluate`` returns besides the series keys: the status, the exact
#: assessment's numbers (NaN where the method gives none) and the error of a series that could
#: not be assessed (None otherwise).
PANEL_COLUMNS: Tuple[str, ...] = (
    "status", "completion", "time_share", "pace", "actual_cagr", "required_cagr", "ratio", "score", "index", "error", "message",
)

_LEVELS = ("baseline", "base_year", "target", "target_year")


def evaluate(
    frame: Any,
    *,
    method: str = "cn-plan-pace",
    plan: Any = None,
    thresholds: Optional[Mapping[str, Any]] = None,
    model: Optional[str] = None,
    by: Tuple[str, ...] = ("indicator", "region"),
    year: str = "year",
    value: str = "value",
) -> Any:
    """Assess a long-format panel: one row per series (``by``: indicator × region) and year.

    Every method runs, the whole-series ones included (``destatis``, ``escap`` with a fitted
    ``model``, the no-target variants): each series is assessed by the exact method, as
    ``Indicator.assess`` would assess it, in Rust over both cores (``docs/batch.md``,
    "Panels").

    Parameters
    ----------
    frame : pandas.DataFrame
        Columns ``indicator``, ``region`` (the ``by`` keys), ``year`` (whole years) and ``value``
        (NaN: no figure). Without ``plan``, also ``baseline``, ``base_year``, ``target``,
        ``target_year`` and optionally ``direction`` (+1/-1 or ``"increase"``/``"decrease"``,
        default +1): a level target per series, read from its first row.
    plan : onpace.Plan or mapping of id → onpace.Indicator, optional
        Take each series' indicator (any target kind, nature, unit) by the first ``by`` key.
    thresholds, model : as for ``Indicator.assess``.

    Returns
    -------
    pandas.DataFrame
        One row per series, sorted by the ``by`` keys, with ``PANEL_COLUMNS``.
    """
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    from ._convert import dec_str  # noqa: PLC0415

    if not isinstance(frame, pd.DataFrame):
        raise error(_core.InvalidArgumentError, "invalid_argument", "frame", f"a pandas DataFrame is required, not {type(frame).__name__}")
    keys = list(by)
    needed = keys + [year, value] + ([] if plan is not None else list(_LEVELS))
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise error(_core.InvalidArgumentError, "invalid_argument", "frame", f"missing columns: {', '.join(missing)}")
    th = {str(k): dec_str(v, f"thresholds.{k}") for k, v in (thresholds or {}).items()}
    def numbers(col: str, rows: Any = slice(None)) -> Any:
        try:
            return np.ascontiguousarray(np.asarray(frame[col], dtype=np.float64)[rows])
        except (TypeError, ValueError) as e:
            raise error(_core.InvalidArgumentError, "invalid_argument", col, f"numbers are required: {e}") from None

    codes = frame.groupby(keys, sort=True, dropna=False).ngroup().to_numpy()
    years = numbers(year)
    order = np.lexsort((years, codes))
    counts = np.bincount(codes, minlength=int(codes.max()) + 1 if len(codes) else 0)
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    first = order[offsets[:-1]]
    values = numbers(value, order)
    years = np.ascontiguousarray(years[order])
    indicators: List[str] = []
    of_series: List[int] = []
    levels = None
    if plan is not None:
        def lookup(i: Any) -> Any:
            if not isinstance(plan, Mapping):
                return plan.indicator(str(i))  # raises UnknownIndicatorError
            # A mapping's missing id is the same typed error as a plan's (and JS's batchEvaluate).
            if i not in plan:
                raise error(_core.UnknownIndicatorError, "unknown_indicator", "plan", f"no indicator {json.dumps(str(i), ensure_ascii=False)} in the plan")
            return plan[i]

        index: Dict[str, int] = {}
        for i in frame[keys[0]].to_numpy()[first]:
            if i not in index:
                index[i] = len(indicators)
                indicators.append(lookup(i).to_json())
            of_series.append(index[i])
    else:
        levels = [numbers(c, first) for c in _LEVELS]
        d = frame["direction"].to_numpy()[first] if "direction" in frame.columns else np.ones(len(first))
        d = np.array([{"increase": 1.0, "decrease": -1.0}.get(x, np.nan) if isinstance(x, str) else x for x in d], dtype=np.float64)
        levels.append(d)
    status, arrays, errors = _core.batch_panel(method, offsets.tolist(), years, values, indicators, of_series, levels, th, model)
    out = frame[keys].iloc[first].reset_index(drop=True)
    out["status"] = status
    for name, arr in arrays:
        out[name] = arr
    out["error"] = [e[0] if e else None for e in errors]
    out["message"] = [e[1] if e else None for e in errors]
    return out
