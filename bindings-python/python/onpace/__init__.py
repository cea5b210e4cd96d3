"""onpace — are we on pace to reach the target, and what does it take from here?

Development-plan indicators (baseline, target, unit, direction) with exact decimals: required
paths, completion against time, seven named assessment methods, projections with prediction
intervals, scenarios, and plan evaluations that speak pandas and display in Jupyter.

>>> import onpace
>>> plan = onpace.builtin_plan()
>>> plan.indicator("rd-intensity").path()[1].value
Decimal('0.508')
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, Tuple

from . import _core, batch, docs
from ._core import (
    DecimalOverflowError,
    InsufficientDataError,
    InvalidArgumentError,
    InvalidObservationsError,
    InvalidPlanError,
    NoTargetError,
    OnpaceError,
    ParseError,
    UndefinedGrowthError,
    UnknownIndicatorError,
    UnknownMethodError,
    UnknownPlanError,
    YearOutOfRangeError,
)
from ._display import get_lang, set_lang
from ._maths import Progress, progress, project_trend, required_path
from ._model import (
    Indicator,
    Plan,
    Project,
    Target,
    builtin_observations,
    builtin_plan,
    builtin_plans,
    defaults,
    methods,
    parse_rate,
    read_observations_csv,
    read_plan_csv,
    status_html,
)
from ._results import (
    Assessment,
    Decomposition,
    DecompositionRow,
    Evaluation,
    Milestone,
    Path,
    Projection,
    ResultWarning,
    StatusCount,
    Summary,
    Svg,
    UsedInputs,
    WhatIf,
)

__version__ = _core.core_version()

#: Every error code, mapped to its exception class (the core's error table, ``_core.error_table()``;
#: tests/test_error_table.py checks that the two agree).
ERRORS = {
    "invalid_plan": InvalidPlanError,
    "parse": ParseError,
    "invalid_observations": InvalidObservationsError,
    "unknown_indicator": UnknownIndicatorError,
    "unknown_plan": UnknownPlanError,
    "unknown_method": UnknownMethodError,
    "invalid_argument": InvalidArgumentError,
    "undefined_growth": UndefinedGrowthError,
    "insufficient_data": InsufficientDataError,
    "no_target": NoTargetError,
    "year_out_of_range": YearOutOfRangeError,
    "overflow": DecimalOverflowError,
}


#: Old names kept for one release, outside ``__all__``: using one warns (``DeprecationWarning``).
_DEPRECATED: Dict[str, Tuple[str, Any]] = {
    "OverflowError": ("DecimalOverflowError", DecimalOverflowError),
    # The trend projection of points; `Project` is a key project of a plan's tables (Rust: project_trend).
    "project": ("project_trend", project_trend),
}


def __getattr__(name: str) -> Any:
    """Old names, still there for one release with a warning: ``onpace.OverflowError`` (now
    :class:`DecimalOverflowError`: it shadowed the builtin on ``from onpace import *``) and
    ``onpace.project`` (now :func:`project_trend`, apart from the registry's :class:`Project`)."""
    if name in _DEPRECATED:
        new, value = _DEPRECATED[name]
        warnings.warn(f"onpace.{name} is deprecated, use onpace.{new}", DeprecationWarning, stacklevel=2)
        return value
    raise AttributeError(f"module 'onpace' has no attribute {name!r}")


def plan_schema() -> str:
    """The JSON Schema of the plan file format."""
    return _core.plan_schema()


__all__ = [
    "Assessment", "DecimalOverflowError", "Decomposition", "DecompositionRow", "ERRORS", "Evaluation", "Indicator", "InsufficientDataError",
    "InvalidArgumentError", "InvalidObservationsError", "InvalidPlanError", "Milestone", "NoTargetError", "OnpaceError",
    "ParseError", "Path", "Plan", "Project", "Projection", "ResultWarning", "StatusCount", "Summary", "Svg",
    "Target", "UndefinedGrowthError", "UnknownIndicatorError", "UnknownMethodError", "UnknownPlanError", "UsedInputs",
    "WhatIf", "YearOutOfRangeError", "batch", "docs", "builtin_observations", "builtin_plan", "builtin_plans", "defaults", "get_lang",
    "methods", "parse_rate", "plan_schema", "read_observations_csv", "read_plan_csv", "set_lang", "status_html", "Progress", "progress", "project_trend", "required_path",
]
