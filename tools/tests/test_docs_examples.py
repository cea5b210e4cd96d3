"""The Python blocks of the site's getting-started and user-guide pages run as written, against
the installed package (the other pages' blocks run in bindings-python/tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = [DOCS / "getting-started" / "python.md", *sorted((DOCS / "user-guide").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_run(page: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    scope: dict[str, object] = {}
    exec("import onpace", scope)  # noqa: S102 - the pages assume it, as a reader's session would
    for block in blocks:
        exec(compile(block, str(page), "exec"), scope)  # noqa: S102 - our own docs


def test_pages_with_python_blocks_exist() -> None:
    # The parametrised test above must not pass by finding nothing.
    counts = {p.name: len(re.findall(r"```python\n", p.read_text(encoding="utf-8"))) for p in PAGES}
    assert counts["python.md"] >= 3 and sum(counts.values()) >= 7, counts
