"""The Python error classes are the core's error table (onpace::Error::TABLE): the extension
makes one class per row, and the package's ERRORS, __all__ and stubs must name exactly those.
A code added to the core without the Python side declaring it fails here (and in stubtest)."""

from __future__ import annotations

import ast
import pathlib
import warnings

import pytest

import onpace
from onpace import _core

STUB = pathlib.Path(onpace.__file__).with_name("_core.pyi")


def test_errors_map_is_the_core_table() -> None:
    table = _core.error_table()
    assert [code for code, *_ in table] == list(onpace.ERRORS), "ERRORS differs from the core's table (order included)"
    for code, python, _js, params in table:
        cls = onpace.ERRORS[code]
        assert cls.__name__ == python, f"{code}: Python calls it {cls.__name__}, the core {python}"
        assert cls is getattr(_core, python) is getattr(onpace, python)
        assert issubclass(cls, onpace.OnpaceError) and issubclass(cls, ValueError)
        assert python in onpace.__all__, f"{python} missing from onpace.__all__"
        assert cls.__module__ == "onpace._core"
        assert code in (cls.__doc__ or "") and all(p in (cls.__doc__ or "") for p in params)


def test_classes_made_from_the_table_pickle_and_keep_their_attributes() -> None:
    import pickle

    with pytest.raises(onpace.UnknownPlanError) as exc:
        onpace.builtin_plan("nope")
    back = pickle.loads(pickle.dumps(exc.value))
    assert type(back) is onpace.UnknownPlanError and str(back) == str(exc.value)


def test_stubs_declare_every_class_of_the_table() -> None:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    declared = {n.name for n in tree.body if isinstance(n, ast.ClassDef) and n.name.endswith("Error")}
    assert declared == {python for _, python, _, _ in _core.error_table()} | {"OnpaceError"}


def test_project_is_a_deprecated_alias_of_project_trend() -> None:
    with pytest.warns(DeprecationWarning, match="project_trend"):
        old = onpace.project
    assert old is onpace.project_trend and "project" not in onpace.__all__
    # 1, 2, 3 in 2020–2022: the OLS line y = x − 2019 gives 6 in 2025 (hand calculation).
    assert onpace.project_trend([(2020, 1), (2021, 2), (2022, 3)], 2025).value == 6


def test_no_builtin_is_shadowed_by_star_import() -> None:
    import builtins

    shadowed = [name for name in onpace.__all__ if hasattr(builtins, name)]
    assert shadowed == []


def test_decimal_overflow_error_and_the_deprecated_alias() -> None:
    with pytest.raises(onpace.DecimalOverflowError) as exc:
        # 2 × (2^96 − 1) does not fit in 96 bits: the path's step overflows.
        onpace.required_path((2020, "79228162514264337593543950335"), (2022, "-79228162514264337593543950335"))
    assert getattr(exc.value, "code") == "overflow"
    assert "OverflowError" not in onpace.__all__
    with pytest.warns(DeprecationWarning, match="DecimalOverflowError"):
        old = onpace.OverflowError
    assert old is onpace.DecimalOverflowError
    # The builtin is untouched by the star import.
    namespace: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec("from onpace import *", namespace)
    assert "OverflowError" not in namespace
    with pytest.raises(AttributeError):
        onpace.NoSuchThing  # noqa: B018
