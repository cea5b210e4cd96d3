"""Rich display in Jupyter: HTML tables with statuses in colour *and* a symbol and a word."""

from __future__ import annotations

import html
import json
from decimal import Decimal
from functools import lru_cache
from typing import Any, Dict, List, Optional, Sequence

from . import _core

_LANG = ["zh"]

TONE_COLOURS = {
    "good": ("#1b7837", "#e7f4e4"),
    "fair": ("#8a6d00", "#fdf3cf"),
    "poor": ("#b35806", "#fde0c5"),
    "bad": ("#b2182b", "#fbdada"),
    "none": ("#555555", "#eeeeee"),
}


def set_lang(lang: str) -> None:
    """Choose the language ``lang`` of labels in displays and reports: ``"zh"`` (default),
    ``"en"`` or ``"ko"``.

    Raises
    ------
    InvalidArgumentError
        Another language.

    Examples
    --------
    >>> onpace.set_lang("en"); onpace.get_lang()
    'en'
    >>> onpace.set_lang("zh")
    """
    if lang not in ("zh", "en", "ko"):
        from ._convert import error

        raise error(_core.InvalidArgumentError, "invalid_argument", "lang", f"unknown language {lang!r}; expected zh, en or ko")
    _LANG[0] = lang


def get_lang() -> str:
    """The current display language (``zh``, ``en`` or ``ko``)."""
    return _LANG[0]


@lru_cache(maxsize=1)
def statuses() -> Dict[str, Dict[str, Any]]:
    return {s["code"]: s for s in json.loads(_core.statuses_json())}


def status_label(code: str, lang: Optional[str] = None) -> str:
    return str(statuses()[code]["labels"][lang or get_lang()])


def status_badge(code: str, lang: Optional[str] = None) -> str:
    s = statuses()[code]
    fg, bg = TONE_COLOURS[s["tone"]]
    text = f"{s['symbol']} {s['labels'][lang or get_lang()]}"
    return (f'<span style="color:{fg};background:{bg};border:1px solid {fg};border-radius:3px;'
            f'padding:0 4px;white-space:nowrap" title="{html.escape(code)}">{html.escape(text)}</span>')


def fmt(value: Any, places: Optional[int] = None) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal) and places is not None:
        from decimal import ROUND_HALF_UP

        return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    if isinstance(value, float):
        return f"{value:.4g}"
    return html.escape(str(value))


def pct(value: Any) -> str:
    if value is None:
        return "—"
    from decimal import ROUND_HALF_UP

    return f"{(Decimal(value) * 100).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str = "") -> str:
    head = "".join(f'<th style="text-align:left;padding:2px 8px">{html.escape(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f'<td style="padding:2px 8px">{c}</td>' for c in r) + "</tr>" for r in rows)
    cap = f'<caption style="text-align:left;font-weight:bold">{html.escape(caption)}</caption>' if caption else ""
    return f'<table class="onpace" style="border-collapse:collapse">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
