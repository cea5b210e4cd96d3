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


def _numpy_dtype_kind(value: Any) -> Optional[str]:
    """The dtype kind of a numpy scalar (``'f'``, ``'i'``, ``'u'``, ``'b'``, ``'c'``…), else None.
    Checked by module name so that numpy is never imported for plain Python values."""
    mod = type(value).__module__
    if (mod == "numpy" or mod.startswith("numpy.")) and hasattr(value, "dtype"):
        return str(value.dtype.kind)
    return None


def is_missing(value: Any) -> bool:
    """None, a float NaN (numpy's included), ``pandas.NA`` or ``pandas.NaT``: a missing value."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if _numpy_dtype_kind(value) == "f":
        return bool(value != value)  # NaN is the only value unequal to itself
    name = type(value).__name__
    return name in ("NAType", "NaTType") and type(value).__module__.startswith("pandas")


def _float_text(value: Any, field: str) -> str:
    """A binary float as the shortest text that reads back as the same float, in its own
    precision: ``np.float32(0.1)`` is ``0.1``, not ``0.10000000149011612``."""
    if isinstance(value, float):  # Python floats and np.float64 (a float subclass)
        f = float(value)
        if not math.isfinite(f):
            raise error(_core.ParseError, "parse", field, f"{f!r} is not a finite number")
        # float.__repr__, never repr(): numpy 2 writes np.float64(12.0) as 'np.float64(12.0)'.
        return float.__repr__(f)
    import numpy as np  # noqa: PLC0415  (only numpy scalars of other float dtypes get here)

    if not bool(np.isfinite(value)):
        raise error(_core.ParseError, "parse", field, f"{value!r} is not a finite number")
    return str(np.format_float_positional(value, unique=True, trim="-"))


def dec_str(value: Any, field: str) -> str:
    """An exact decimal as text from what people have: ``Decimal``, ``int``, ``str``, a float
    (through its shortest round-trip text), or a numpy scalar of any integer or float dtype.
    Anything else (bool, complex, None, a date, a list) is an ``InvalidArgumentError`` naming
    ``field``; a NaN or an infinity is a ``ParseError``."""
    if isinstance(value, (bool,)) or _numpy_dtype_kind(value) == "b":
        raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{value!r} is a bool, not a number")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise error(_core.ParseError, "parse", field, f"{value} is not a finite number")
        return str(value)
    if isinstance(value, str):
        return value.strip()
    kind = _numpy_dtype_kind(value)
    if kind in ("i", "u"):
        return str(int(value))
    if kind == "f" or isinstance(value, float):
        return _float_text(value, field)
    if isinstance(value, int):
        return str(int(value))
    if value is None or is_missing(value):
        raise error(_core.InvalidArgumentError, "invalid_argument", field, "a number is required here, not a missing value")
    raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{type(value).__name__} is not a number")


def opt_dec_str(value: Any, field: str) -> Optional[str]:
    """Like :func:`dec_str`, with None (or pandas NA) meaning "not given"."""
    if value is None or _explicit_na(value):
        return None
    return dec_str(value, field)


def float_arg(value: Any, field: str) -> float:
    """A float parameter (an interval level): any number :func:`dec_str` takes."""
    return float(dec_str(value, field))


def opt_dec(value: Optional[str]) -> Optional[Decimal]:
    return None if value is None else Decimal(value)


def year_of(value: Any, field: str) -> int:
    """A year from an int, a whole float, a numpy integer or float, digit text, or a date."""
    if isinstance(value, bool) or _numpy_dtype_kind(value) == "b":
        raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{value!r} is not a year")
    if _numpy_dtype_kind(value) == "f":
        value = float(value)
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
    return is_missing(v)


def _obs(year: Any, value: Any, extra: Optional[Mapping[str, Any]] = None, field: str = "observations",
         nan_is_missing: bool = False) -> Obs:
    """One observation. In pandas input NaN means "no value" (the pandas convention); in a dict
    or list an explicit NaN or infinity is an error, never silently dropped."""
    o: Obs = {"year": year_of(year, f"{field}.year")}
    # pandas.NA says "missing" wherever it is; a bare NaN only in pandas input.
    missing = _is_missing if nan_is_missing else (lambda v: v is None or _explicit_na(v))
    if not missing(value):
        o["value"] = dec_str(value, f"{field}[{o['year']}].value")
    for k in OPTIONAL_COLUMNS:
        v = None if extra is None else extra.get(k)
        if not _is_missing(v):
            o[k] = dec_str(v, f"{field}[{o['year']}].{k}") if k in ("numerator", "denominator") else str(v)
    return o


def _explicit_na(v: Any) -> bool:
    """``pandas.NA`` / ``NaT``: a value that says "missing" wherever it appears (unlike None,
    which in a dict is an observation without a value, or a bare NaN, which is an error)."""
    return type(v).__name__ in ("NAType", "NaTType") and type(v).__module__.startswith("pandas")


def observation_list(observations: Any, field: str = "observations") -> List[Obs]:
    """One indicator's observations from a dict {year: value}, pairs, dicts, or a pandas Series."""
    if observations is None:
        return []
    if _is_pandas(observations, "Series"):
        return _present([_obs(y, v, None, field, True) for y, v in observations.items()])
    if _is_pandas(observations, "DataFrame"):
        return _present([_obs(r.get("year"), r.get("value"), r, field, True) for r in observations.to_dict("records")])
    if isinstance(observations, Mapping):
        return [_obs(y, v, None, field) for y, v in observations.items() if not _explicit_na(v)]
    if isinstance(observations, (str, bytes)):
        raise error(_core.InvalidArgumentError, "invalid_argument", field, "expected observations, got text")
    out: List[Obs] = []
    for item in observations:
        if isinstance(item, Mapping):
            if _explicit_na(item.get("value")) and (item.get("numerator") is None or _explicit_na(item.get("numerator"))):
                continue
            out.append(_obs(item.get("year"), item.get("value"), item, field))
        else:
            try:
                year, value = item
            except (TypeError, ValueError):
                raise error(_core.InvalidArgumentError, "invalid_argument", field, f"{item!r} is not a (year, value) pair") from None
            if not _explicit_na(value):
                out.append(_obs(year, value, None, field))
    return out


LAYOUTS = ("long", "by_indicator", "by_year")


def _year_like(label: Any) -> bool:
    if isinstance(label, bool):
        return False
    try:
        year_of(label, "year")
        return not (isinstance(label, str) and not label.strip().isdigit())
    except Exception:  # noqa: BLE001 - anything that is not a year
        return False


def detect_layout(frame: Any) -> str:
    """``long`` (columns indicator, year, value…), ``by_indicator`` (a row per indicator, a
    column per year) or ``by_year`` (a row per year, a column per indicator)."""
    cols = [c for c in frame.columns]
    if "indicator" in cols and "year" in cols:
        return "long"
    others = [c for c in cols if c != "indicator"]
    if others and all(_year_like(c) for c in others):
        return "by_indicator"
    index_years = len(frame.index) > 0 and all(_year_like(i) for i in frame.index)
    if "year" in cols or (index_years and frame.index.name in (None, "year")):
        return "by_year"
    raise error(_core.InvalidArgumentError, "invalid_argument", "observations",
                "a DataFrame of observations is long (columns indicator, year, value), or wide: a row per "
                "indicator and a column per year, or a row per year and a column per indicator; pass layout= to say which")


def _wide(frame: Any, layout: str) -> Dict[str, List[Obs]]:
    if layout == "by_year":
        if "year" in frame.columns:
            frame = frame.set_index("year")
        frame = frame.T
    elif "indicator" in frame.columns:
        frame = frame.set_index("indicator")
    out: Dict[str, List[Obs]] = {}
    for ind, row in frame.iterrows():
        rows = [_obs(y, v, None, f"observations.{ind}", True) for y, v in row.items()]
        present = _present(rows)
        if present:
            out[str(ind)] = present
    return out


def plan_observations(observations: Any, layout: Optional[str] = None) -> Dict[str, List[Obs]]:
    """A plan's observations from {indicator: observations}, or a DataFrame, long or wide
    (``layout`` ``long``, ``by_indicator`` or ``by_year``; detected when None)."""
    if observations is None:
        return {}
    if layout is not None and layout not in LAYOUTS:
        raise error(_core.InvalidArgumentError, "invalid_argument", "layout", f"unknown layout {layout!r}; expected one of {', '.join(LAYOUTS)}")
    if _is_pandas(observations, "DataFrame"):
        layout = layout or detect_layout(observations)
        if layout != "long":
            return _wide(observations, layout)
        cols = set(observations.columns)
        missing = {"indicator", "year"} - cols
        if missing or ("value" not in cols and not {"numerator", "denominator"} <= cols and "annual_change" not in cols):
            raise error(_core.InvalidArgumentError, "invalid_argument", "observations",
                        "a long DataFrame needs columns indicator, year and value "
                        "(or numerator and denominator, or annual_change)")
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
                "expected a dict {indicator: observations} or a pandas DataFrame (long or wide)")


def table_cell(value: Any, field: str) -> Any:
    """A cell of a plan table for the core: None for empty (None, NaN, pandas NA), text as is,
    a bool as a bool, any number as exact decimal text."""
    if is_missing(value):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or _numpy_dtype_kind(value) == "b":
        return bool(value)
    return dec_str(value, field)


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
