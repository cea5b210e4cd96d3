"""The new-user notebook runs top to bottom without an error."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "yanbian.ipynb"


def test_notebook_runs_clean() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = "".join(str(o.get("data", {}).get("text/html", "")) for o in outputs)
    assert "lagging" in html and "<svg" in html  # the evaluation displays as a report with charts
    # The section built from a DataFrame: the report table with the observation used, and the
    # exported files (the cell asserts the plan CSV reads back to the same plan).
    assert "observation_value" in html and "我的规划" in html
    text = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "evaluation.csv" in text and "pace.svg" in text and "report.html" in text
