"""Input normalisation: exact decimals in, observations in every form a statistician has."""

from __future__ import annotations

import math
import operator
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional

from . import _core

Obs = Dict[str, Any]

OPTIONAL_COLUMNS = ("numerator", "denominator", "vintage", "flag", "source", "annual_change", "period")


def error(cls: type, code: str, field: str, message: str) -> Exception:
    """An onpace exception raised from Python, with the same attributes as Rust's."""
    exc: Any = cls(f"{field}: {message}" if field else message)
    exc.code = code
    exc.field = field
    exc.line = None
    return exc  # type: ignore[no-any-return]


def dec_str(value: Any, field: str) -> str:
    """An exact decimal as text: Decimal, int, str, or float (via its shortest repr)."""
    if isinstance(value, bool):
        raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{value!r} is a bool, not a number")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise error(_core.ParseError, "parse", field, f"{value} is not a finite number")
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise error(_core.ParseError, "parse", field, f"{value!r} is not a finite number")
        return repr(value)
    if isinstance(value, str):
        return value.strip()
    # numpy scalars and other number types
    if hasattr(value, "item"):
        return dec_str(value.item(), field)
    raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{type(value).__name__} is not a number")


def opt_dec(value: Optional[str]) -> Optional[Decimal]:
    return None if value is None else Decimal(value)


def year_of(value: Any, field: str) -> int:
    if isinstance(value, bool):
        raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{value!r} is not a year")
    if isinstance(value, float):
        if not value.is_integer():
            raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{value!r} is not a whole year")
        return int(value)
    try:
        return operator.index(value)
    except TypeError:
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        if hasattr(value, "year") and isinstance(value.year, int):  # a date, datetime or pandas Period
            return int(value.year)
        raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{value!r} is not a year") from None


def _is_missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    try:
        import pandas as pd  # noqa: PLC0415

        return bool(pd.isna(v)) if not isinstance(v, (str, bytes, Decimal)) else False
    except ImportError:
        return False


def _obs(year: Any, value: Any, extra: Optional[Mapping[str, Any]] = None, field: str = "observations",
         nan_is_missing: bool = False) -> Obs:
    """One observation. In pandas input NaN means "no value" (the pandas convention); in a dict
    or list an explicit NaN or infinity is an error, never silently dropped."""
    o: Obs = {"year": year_of(year, f"{field}.year")}
    missing = _is_missing if nan_is_missing else (lambda v: v is None)
    if not missing(value):
        o["value"] = dec_str(value, f"{field}[{o['year']}].value")
    for k in OPTIONAL_COLUMNS:
        v = None if extra is None else extra.get(k)
        if not _is_missing(v):
            o[k] = dec_str(v, f"{field}[{o['year']}].{k}") if k in ("numerator", "denominator") else str(v)
    return o


def observation_list(observations: Any, field: str = "observations") -> List[Obs]:
    """One indicator's observations from a dict {year: value}, pairs, dicts, or a pandas Series."""
    if observations is None:
        return []
    if _is_pandas(observations, "Series"):
        return _present([_obs(y, v, None, field, True) for y, v in observations.items()])
    if _is_pandas(observations, "DataFrame"):
        return _present([_obs(r.get("year"), r.get("value"), r, field, True) for r in observations.to_dict("records")])
    if isinstance(observations, Mapping):
        return [_obs(y, v, None, field) for y, v in observations.items()]
    if isinstance(observations, (str, bytes)):
        raise error(_core.InvalidArgumentError, "invalid_argument", field, "expected observations, got text")
    out: List[Obs] = []
    for item in observations:
        if isinstance(item, Mapping):
            out.append(_obs(item.get("year"), item.get("value"), item, field))
        else:
            try:
                year, value = item
            except (TypeError, ValueError):
                raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{item!r} is not a (year, value) pair") from None
            out.append(_obs(year, value, None, field))
    return out


def plan_observations(observations: Any) -> Dict[str, List[Obs]]:
    """A plan's observations from {indicator: observations} or a long DataFrame."""
    if observations is None:
        return {}
    if _is_pandas(observations, "DataFrame"):
        cols = set(observations.columns)
        missing = {"indicator", "year"} - cols
        if missing or ("value" not in cols and not {"numerator", "denominator"} <= cols):
            raise error(_core.InvalidArgumentError, "invalid_argument", "observations",
                        "a long DataFrame needs columns indicator, year and value (or numerator and denominator)")
        out: Dict[str, List[Obs]] = {}
        for r in observations.to_dict("records"):
            ind = str(r["indicator"])
            o = _obs(r.get("year"), r.get("value"), r, f"observations.{ind}", True)
            if _present([o]):
                out.setdefault(ind, []).append(o)
        return out
    if isinstance(observations, Mapping):
        return {str(k): observation_list(v, f"observations.{k}") for k, v in observations.items()}
    raise error(_core.InvalidArgumentError, "invalid_argument", "observations",
                "expected a dict {indicator: observations} or a long pandas DataFrame")


def _present(rows: List[Obs]) -> List[Obs]:
    """Drop pandas rows with no value and no numerator/denominator (missing data)."""
    return [o for o in rows if "value" in o or "annual_change" in o or ("numerator" in o and "denominator" in o)]


def as_of(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if hasattr(value, "isoformat") and hasattr(value, "month"):
        return str(value.isoformat())[:10]
    return year_of(value, "as_of")


def _is_pandas(obj: Any, name: str) -> bool:
    t = type(obj)
    return t.__name__ == name and t.__module__.startswith("pandas")


def thresholds(values: Mapping[str, Any]) -> Dict[str, str]:
    return {k: dec_str(v, f"thresholds.{k}") for k, v in values.items()}


def label(value: Any, field: str = "label") -> Dict[str, str]:
    if isinstance(value, str):
        return {"zh": value}
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    raise error(_core.InvalidArgumentError, "invalid_argument", field, "a label is a string or a dict {zh, en, ko}")


def iter_pairs(values: Iterable[Any]) -> List[Any]:
    return list(values)
