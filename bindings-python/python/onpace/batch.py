"""Many series at once with numpy: the f64 kernel, GIL released, both cores for large arrays.

``progress`` returns float64 arrays ``completion``, ``time_share``, ``pace``, ``actual_cagr``,
``required_cagr``, ``ratio`` and an int8 array ``status`` with the codes in ``STATUS_CODES``.
A NaN in any input, a plan length ≤ 0, an observation not after the baseline year or a
direction other than ±1 gives NaN outputs and status -1 (``not_assessable``) for that row
only. Band edges follow the exact API's rule (a value within 1e-12 of an edge is on it), so
both APIs give one status. Thresholds must be finite and ≥ 0 (``InvalidArgumentError``).
"""

from __future__ import annotations

from typing import Any, Dict

from . import _core
from ._convert import error

#: int8 status code → status code (the ``cn-plan-pace`` method).
STATUS_CODES: Dict[int, str] = {0: "achieved", 1: "ahead", 2: "on_track", 3: "lagging", 4: "regressing", -1: "not_assessable"}

_KEYS = ("completion", "time_share", "pace", "actual_cagr", "required_cagr", "ratio", "status")


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
    """Assess arrays of series (arguments broadcast; scalars are fine)."""
    import numpy as np  # noqa: PLC0415

    if method != "cn-plan-pace":
        raise error(_core.UnknownMethodError, "unknown_method", method, "onpace.batch implements cn-plan-pace")
    arrays = np.broadcast_arrays(*(np.asarray(a, dtype=np.float64) for a in (baseline, target, base_year, target_year, year, value, direction)))
    # Contiguous *and* aligned: buffers that arrive through pickling (dask workers) can be
    # misaligned, which the zero-copy view into Rust refuses.
    flat = [np.require(a.reshape(-1), dtype=np.float64, requirements=["C_CONTIGUOUS", "ALIGNED"]) for a in arrays]
    shape = arrays[0].shape
    b, t, by, ty, y, v, d = flat
    out = _core.batch_progress(b, t, by, ty, y, v, d, float(ahead_margin), float(lag_tolerance))
    arrays_out: tuple[Any, ...] = tuple(out)
    return {k: v.reshape(shape) for k, v in zip(_KEYS, arrays_out)}
