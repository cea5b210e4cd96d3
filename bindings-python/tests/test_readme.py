"""The README's Python code blocks run as written."""

from __future__ import annotations

import re

from conftest import ROOT


def test_readme_python_blocks() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "the README has a Python quick start"
    scope: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), scope)  # noqa: S102 - our own README


def test_package_readme_python_blocks() -> None:
    # The PyPI page (bindings-python/README.md): self-contained, no link into the repository.
    text = (ROOT / "bindings-python" / "README.md").read_text(encoding="utf-8")
    assert "](../" not in text, "a relative link breaks on PyPI"
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks, "the package README has a quick start"
    scope: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "bindings-python/README.md", "exec"), scope)  # noqa: S102 - our own README
