"""The examples in the docstrings run (doctest), and help() of every public name explains it:
a docstring with a Parameters, Returns or Examples section wherever the callable takes
arguments besides ``self``."""

from __future__ import annotations

import doctest
import re
import inspect
from decimal import Decimal
from typing import Any, Iterator, Tuple

import pytest

import onpace
from onpace import _convert, _display, _maths, _model, _results, batch, docs

MODULES = [onpace, _model, _results, _maths, _display, _convert, batch, docs]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples_run(module: Any) -> None:
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs = {"onpace": onpace, "Decimal": Decimal}
    tests = finder.find(module, module.__name__, globs=globs)
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} doctest example(s) failed in {module.__name__}"


def _public() -> Iterator[Tuple[str, Any]]:
    for name in onpace.__all__:
        obj = getattr(onpace, name)
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            continue
        if name in ("ERRORS", "batch", "docs"):
            continue
        yield name, obj
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_") and attr != "__init__":
                    continue
                if isinstance(member, (classmethod, staticmethod)):
                    member = member.__func__
                if callable(member) or isinstance(member, property):
                    yield f"{name}.{attr}", member


def test_every_public_name_has_a_docstring() -> None:
    missing = [n for n, obj in _public() if not (inspect.getdoc(obj) or "").strip()
               and not n.endswith(".__init__")]
    assert missing == [], f"no docstring: {missing}"


#: Constructors that users do not call (the library builds these objects); their docstrings
#: say so instead of documenting internal handles.
INTERNAL_CONSTRUCTORS = {"Evaluation", "Path"}


def test_callables_with_parameters_document_them() -> None:
    """help(name) names every parameter (in a Parameters or Attributes section, or the text)."""
    lacking = []
    for n, obj in _public():
        if n in INTERNAL_CONSTRUCTORS:
            continue
        fn = obj.fget if isinstance(obj, property) else obj
        if inspect.isclass(fn):
            fn_doc = inspect.getdoc(fn) or ""
            try:
                params = [p for p in inspect.signature(fn).parameters if p not in ("self", "args", "kwargs")]
            except (TypeError, ValueError):
                continue
        elif callable(fn):
            fn_doc = inspect.getdoc(fn) or ""
            params = [p for p in inspect.signature(fn).parameters if p not in ("self", "cls")]
        else:
            continue
        if n.endswith(".__init__"):
            continue
        undocumented = [p for p in params if not re.search(rf"\b{re.escape(p)}(\b|\W)", fn_doc)
                        and not re.search(rf"\b{re.escape(p.rstrip('_'))}\b", fn_doc)]
        if undocumented:
            lacking.append(f"{n}: {undocumented}")
    assert lacking == [], "\n".join(lacking)


def test_the_methods_reference_ships_with_the_package() -> None:
    """onpace.docs.methods is the repository's docs/methods.md, byte for byte."""
    from conftest import ROOT

    assert onpace.docs.methods == (ROOT / "docs" / "methods.md").read_text(encoding="utf-8")
    assert onpace.docs.topics() == ["methods"]
    with pytest.raises(onpace.InvalidArgumentError):
        onpace.docs.show("nope")


def test_docs_codes_lists_every_error_code() -> None:
    from conftest import ROOT

    text = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")
    for code, cls in onpace.ERRORS.items():
        assert f"`{code}`" in text and cls.__name__ in text, code


def test_docs_python_blocks_run() -> None:
    """The Python blocks of docs/guide/python.md and docs/worked-example.md run as written."""
    from conftest import ROOT

    for name in ("guide/python.md", "worked-example.md"):
        text = (ROOT / "docs" / name).read_text(encoding="utf-8")
        blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
        assert blocks, name
        scope: dict = {}
        for block in blocks:
            exec(compile(block, name, "exec"), scope)  # noqa: S102 - our own docs
