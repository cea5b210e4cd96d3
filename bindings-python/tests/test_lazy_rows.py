"""Lazy result rows (docs/python-call-path.md, "Rows") against eagerly built ones.

The rows of ``Evaluation.rows`` and the ``Assessment`` of ``Indicator.assess`` on plain input
are made with their identity fields only; every other field is converted from the core's
result when first read. The reference is the eager row ``Assessment._from`` builds from the
core's JSON of the same result (the JSON route, which converts every field at once). Each
case makes fresh lazy rows for every way of reading one first — each field alone, a few
fields, every field backwards, ``asdict``, ``astuple``, ``to_dict``, ``repr``, HTML, pickle at
every protocol, ``copy``, ``deepcopy``, ``==``, ``replace`` — and then requires the lazy row to
be the eager one exactly: the same class, the same ``repr`` of ``asdict`` and ``astuple``
(exact decimal digits, float bits, types) and, once converted, the same ``__dict__`` in the
same order with no source left in it.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import json
import pickle
import threading
import weakref
from dataclasses import asdict, astuple, fields
from decimal import Decimal
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest

import onpace
from conftest import load_vectors
from onpace._results import _SOURCE, Assessment

FIELDS = [f.name for f in fields(Assessment)]
METHODS = [m["id"] for m in onpace.methods()]


def _exact(a: Any) -> Tuple[Any, str, str]:
    return type(a), repr(asdict(a)), repr(astuple(a))


def _is_lazy(a: Assessment) -> bool:
    return _SOURCE in vars(a)


def _read_fields(names: List[str]) -> Callable[[Assessment], None]:
    def read(a: Assessment) -> None:
        for n in names:
            getattr(a, n)
    return read


def _pickle(protocol: int) -> Callable[[Assessment], None]:
    def read(a: Assessment) -> None:
        pickle.dumps(a, protocol=protocol)
    return read


#: Ways of reading a fresh lazy row first, by name.
READERS: Dict[str, Callable[[Assessment], None]] = {
    "nothing": lambda a: None,
    **{f"field {n}": _read_fields([n]) for n in FIELDS},
    "status then decimals": _read_fields(["status", "completion", "pace", "time_share", "milestone"]),
    "a float, a decimal, inputs": _read_fields(["score", "completion", "inputs", "thresholds"]),
    "every field backwards": _read_fields(FIELDS[::-1]),
    "asdict": asdict,
    "astuple": astuple,
    "to_dict": lambda a: a.to_dict(),
    "repr": repr,
    "html": lambda a: a._repr_html_(),
    "status_label": lambda a: a.status_label("en"),
    **{f"pickle {p}": _pickle(p) for p in range(pickle.HIGHEST_PROTOCOL + 1)},
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "replace": lambda a: dataclasses.replace(a, status="x"),
    "__getstate__": lambda a: a.__getstate__(),
}


#: The fresh rows _check_row makes: one per reader, one per field, four compared unread.
FRESH_PER_ROW = len(READERS) + len(FIELDS) + 4


def _check_row(fresh: Callable[[], Assessment], eager: Assessment, case: str) -> None:
    """Every reader on a fresh lazy row, then the row against the eager one."""
    exact, keys, shown = _exact(eager), list(vars(eager)), (repr(eager), eager._repr_html_())
    for reader_name, reader in READERS.items():
        row = fresh()
        assert type(row) is Assessment and _is_lazy(row), (case, reader_name)
        reader(row)
        where = (case, reader_name)
        assert _exact(row) == exact, where
        assert row == eager and eager == row, where
        assert list(vars(row)) == keys and not _is_lazy(row), where
        assert (repr(row), row._repr_html_()) == shown, where
    for name in FIELDS:  # each field read first: the same value, type and digits
        row = fresh()
        got, want = getattr(row, name), getattr(eager, name)
        assert (type(got), repr(got)) == (type(want), repr(want)), (case, name)
        assert getattr(row, name) is got, (case, name)  # converted once, then kept
    # Two lazy rows, neither read, compare equal; and each to the eager one, either way round.
    assert fresh() == fresh(), case
    assert fresh() == eager and eager == fresh(), case


def _assess_cases() -> Iterator[Tuple[str, Callable[[], Assessment], Assessment]]:
    from test_call_path import _json_route

    for name in ("methods.json", "cn_plan_pace.json", "regressions.json"):
        for c in load_vectors(name)["cases"]:
            i = c["input"]
            ind = onpace.Indicator.from_json(json.dumps(i["indicator"]))
            as_of = i.get("as_of")
            as_of = None if as_of is None else as_of.get("year", as_of.get("date"))
            plain = [{"year": o["year"], "value": o["value"]} for o in i["observations"] if "value" in o]
            kw: Dict[str, Any] = dict(as_of=as_of, method=i["method"], **i.get("thresholds", {}))
            try:
                eager = _json_route(ind).assess(plain, **kw)
            except onpace.OnpaceError:
                continue
            yield c["name"], (lambda ind=ind, plain=plain, kw=kw: ind.assess(plain, **kw)), eager


def _evaluation_cases() -> Iterator[Tuple[str, onpace.Evaluation]]:
    for c in load_vectors("plan_forms.json")["cases"]:
        i = c["input"]
        plan = onpace.Plan.from_json(json.dumps(i["plan"]))
        yield c["name"], plan.evaluate(i["observations"], method=i["method"], as_of=i.get("as_of"), baseline=i["baseline"])
    for c in load_vectors("evaluations.json")["cases"]:
        i = c["input"]
        plan = onpace.builtin_plan(i["plan"])
        yield c["name"], plan.evaluate(onpace.builtin_observations(i["plan"]), method=i["method"])
    # Every method on every built-in plan, as of two years (some rows assessable, some not).
    for plan_id in onpace.builtin_plans():
        plan = onpace.builtin_plan(plan_id)
        for method in METHODS:
            for as_of in (2022, None):
                yield f"{plan_id} {method} {as_of}", plan.evaluate(onpace.builtin_observations(plan_id), method=method, as_of=as_of)


def test_assess_rows_are_the_eager_rows_in_every_read_order() -> None:
    lazy = 0
    for name, fresh, eager in _assess_cases():
        if not _is_lazy(fresh()):  # the JSON route (not plain input) builds eagerly
            assert fresh() == eager, name
            continue
        _check_row(fresh, eager, name)
        lazy += 1
    assert lazy > 200, lazy  # guards the loop: nearly every vector takes the typed route


def test_evaluation_rows_are_the_eager_rows_in_every_read_order() -> None:
    rows, methods = 0, set()
    for name, ev in _evaluation_cases():
        eager = [Assessment._from(r) for r in json.loads(ev.to_json())["rows"]]
        assert len(ev.rows) == len(eager), name
        # Fresh rows for each check of each row, made a whole evaluation at a time.
        fresh = list(zip(*[ev._handle.rows() for _ in range(FRESH_PER_ROW)]))
        for k, want in enumerate(eager):
            _check_row(iter(fresh[k]).__next__, want, f"{name} row {k}")
            rows += 1
            methods.add(want.method)
        assert ev.rows == eager, name
    assert rows > 200 and methods == set(METHODS), (rows, methods)


def _some_rows() -> Tuple[onpace.Evaluation, List[Assessment]]:
    plan = onpace.builtin_plan("cn-14th-fyp-st")
    ev = plan.evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
    return ev, [Assessment._from(r) for r in json.loads(ev.to_json())["rows"]]


def test_rows_outlive_their_evaluation_and_plan() -> None:
    from test_call_path import _json_route

    plan = onpace.builtin_plan("cn-14th-fyp-st")
    ev = plan.evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
    eager = [Assessment._from(r) for r in json.loads(ev.to_json())["rows"]]
    rows = ev.rows
    ind = plan.indicator("rd-expenditure")
    one = ind.assess({2021: "2.1", 2023: "3.3"})
    one_eager = _json_route(ind).assess({2021: "2.1", 2023: "3.3"})
    assert all(_is_lazy(r) for r in rows) and _is_lazy(one)
    gone = weakref.ref(ev), weakref.ref(plan), weakref.ref(ind)
    del ev, plan, ind
    gc.collect()
    assert [w() for w in gone] == [None, None, None]
    assert [_exact(r) for r in rows] == [_exact(r) for r in eager]
    assert _exact(one) == _exact(one_eager)


def test_field_set_before_it_is_read_wins() -> None:
    """The dataclass is frozen: plain assignment raises on a lazy row as on an eager one. A
    value set anyway (``object.__setattr__``, as ``__post_init__`` code does) before the field
    is read wins over the conversion, then and after every other field is converted."""
    ev, eager = _some_rows()
    for k, want in enumerate(eager):
        row = ev._handle.rows()[k]
        with pytest.raises(dataclasses.FrozenInstanceError):
            row.completion = Decimal("9")  # type: ignore[misc]
        with pytest.raises(dataclasses.FrozenInstanceError):
            want.completion = Decimal("9")  # type: ignore[misc]
        object.__setattr__(row, "completion", Decimal("9.99"))
        object.__setattr__(row, "thresholds", {"mine": Decimal("1")})
        object.__setattr__(row, "note", "a user's attribute")  # not a field: kept after the fields
        assert row.completion == Decimal("9.99") and row.score == want.score and row.inputs == want.inputs
        expected = dataclasses.replace(want, completion=Decimal("9.99"), thresholds={"mine": Decimal("1")})
        assert _exact(row) == _exact(expected)
        assert list(vars(row)) == FIELDS + ["note"] and row.note == "a user's attribute"  # type: ignore[attr-defined]
        back = pickle.loads(pickle.dumps(row))
        assert _exact(back) == _exact(expected) and back.note == "a user's attribute"
        # A field set after every field was converted wins too (a plain dataclass).
        object.__setattr__(row, "status", "mine")
        assert row.status == "mine" and row != want


def test_replace_copy_and_pickle_round_trips() -> None:
    ev, eager = _some_rows()
    for k, want in enumerate(eager):
        fresh = lambda: ev._handle.rows()[k]  # noqa: E731
        changed = dataclasses.replace(fresh(), status="lagging", completion=Decimal("0.1"))
        assert _exact(changed) == _exact(dataclasses.replace(want, status="lagging", completion=Decimal("0.1")))
        row = fresh()
        assert dataclasses.replace(row) == want and _is_lazy(row) is False  # replace reads every field
        for p in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(fresh(), protocol=p))
            assert _exact(back) == _exact(want) and list(vars(back)) == list(vars(want)), p
        for dup in (copy.copy, copy.deepcopy):
            row = fresh()
            twin = dup(row)
            assert _exact(twin) == _exact(want) and _exact(row) == _exact(want) and not _is_lazy(twin)
        deep = copy.deepcopy(fresh())
        assert deep.thresholds == want.thresholds and deep.thresholds is not want.thresholds


def test_missing_attribute_errors_as_on_an_eager_row() -> None:
    ev, eager = _some_rows()
    row = ev._handle.rows()[0]
    for obj in (row, eager[0]):
        with pytest.raises(AttributeError, match="'Assessment' object has no attribute 'no_such_field'"):
            obj.no_such_field  # type: ignore[attr-defined]
    assert _is_lazy(row)  # asking for a name that is not a field converts nothing
    assert dir(row) == dir(eager[0]) and "completion" in dir(row)  # what completion in Jupyter lists
    assert _is_lazy(row)
    assert isinstance(row, Assessment) and dataclasses.is_dataclass(row) and dataclasses.fields(row) == fields(eager[0])


def test_rows_read_from_threads() -> None:
    """Several threads reading the same lazy rows in different orders all see the eager rows
    (the GIL orders the conversions; a field is stored once, setdefault-style)."""
    ev, eager = _some_rows()
    rows = ev._handle.rows() * 1
    batches = [ev._handle.rows() for _ in range(20)]
    errors: List[BaseException] = []

    def reader(order: List[str]) -> None:
        try:
            for rs in batches:
                for r, want in zip(rs, eager):
                    for n in order:
                        assert repr(getattr(r, n)) == repr(getattr(want, n))
            for r, want in zip(rows, eager):
                assert r == want
        except BaseException as e:  # reported below, in the test's thread
            errors.append(e)

    orders = [FIELDS, FIELDS[::-1], FIELDS[4:] + FIELDS[:4], ["inputs", "completion"] + FIELDS]
    threads = [threading.Thread(target=reader, args=(o,)) for o in orders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert all(not _is_lazy(r) for rs in batches for r in rs)


def test_the_collector_is_left_as_it_was() -> None:
    """Making rows and converting them pause Python's cyclic GC, and leave it as they found it."""
    ev, eager = _some_rows()
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            rows = ev._handle.rows()
            assert gc.isenabled() is enabled
            assert [r.to_dict() for r in rows] == [r.to_dict() for r in eager]
            assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
