"""The codes page generator (tools/docs/codes.py) reads what the core really has.

Expected values come from running the library (the installed onpace package), not from the
parser: every code the package raises or warns with must be on the page."""

from __future__ import annotations

import sys
from pathlib import Path

import onpace
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "docs"))
import codes  # noqa: E402


def test_error_codes_are_the_packages() -> None:
    parsed = [e.code for e in codes.error_codes(ROOT / "core")]
    assert sorted(parsed) == sorted(onpace.ERRORS)
    assert all(e.doc for e in codes.error_codes(ROOT / "core")), "every error code has its variant's doc"


def test_error_raised_at_run_time_is_listed() -> None:
    with pytest.raises(onpace.OnpaceError) as info:
        onpace.builtin_plan("no-such-plan")
    assert info.value.code in {e.code for e in codes.error_codes(ROOT / "core")}


def test_warnings_emitted_at_run_time_are_listed() -> None:
    listed = {s.code for s in codes.warning_sites(ROOT / "core")}
    rd = onpace.builtin_plan().indicator("rd-intensity")
    # The baseline and two observations: a three-point trend (one degree of freedom).
    emitted = {w.code for w in rd.project({2022: "0.60", 2023: "0.70"}).warnings}
    # Nothing observed after the baseline year.
    emitted |= {w.code for w in rd.assess({2020: "0.36"}).warnings}
    assert emitted, "the cases above emit warnings"
    assert emitted <= listed, emitted - listed


def test_non_literal_warning_code_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "x.rs").write_text('fn f(c: &str) { Warning::new(c, "field", "message"); }\n')
    with pytest.raises(AssertionError, match="neither a literal"):
        codes.warning_sites(tmp_path)


def test_codes_list_out_of_step_fails_the_build(tmp_path: Path) -> None:
    text = (ROOT / "core" / "src" / "error.rs").read_text(encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "error.rs").write_text(text.replace('        "overflow",\n    ];', "    ];"))
    with pytest.raises(AssertionError, match="CODES lists"):
        codes.error_codes(tmp_path)


def test_page_lists_every_code() -> None:
    page = codes.markdown(ROOT / "core")
    for code in onpace.ERRORS:
        assert f"| `{code}` |" in page
    for site in codes.warning_sites(ROOT / "core"):
        assert site.location in page


def test_hand_written_descriptions_are_used_and_cannot_invent_codes(tmp_path: Path) -> None:
    page = tmp_path / "codes.md"
    page.write_text(
        "## Errors\n\n| code | class | when |\n|---|---|---|\n"
        "| `parse` | `ParseError` | text that does not read |\n| `overflow` | `OverflowError` | beyond 28 digits |\n\n"
        "## Warnings\n\n| code | meaning |\n|---|---|\n"
        "| `few_points` | an OLS interval from three points |\n| `overflow` | beyond a 64-bit float |\n"
    )
    described = codes.hand_descriptions(page)
    assert described["errors"] == {"parse": "text that does not read", "overflow": "beyond 28 digits"}
    assert described["warnings"] == {"few_points": "an OLS interval from three points", "overflow": "beyond a 64-bit float"}
    out = codes.markdown(ROOT / "core", described)
    assert "| `parse` | `Error::Parse` | `ParseError` | `ParseError` | text that does not read |" in out
    # One code, two meanings: the error's in the errors table, the warning's in the warnings table.
    # Python's class avoids the builtin OverflowError; JS has no such builtin.
    assert "| `overflow` | `Error::Overflow` | `DecimalOverflowError` | `OverflowError` | beyond 28 digits |" in out
    assert "| `overflow` | beyond a 64-bit float |" in out
    assert "| `few_points` | an OLS interval from three points |" in out
    # Codes the hand page does not describe still get a row, from the core's own text.
    assert "| `unknown_plan` | `Error::UnknownPlan` |" in out
    page.write_text("## Warnings\n\n| `no_such_code` | a code the core never raises |\n")
    with pytest.raises(AssertionError, match="no_such_code"):
        codes.markdown(ROOT / "core", codes.hand_descriptions(page))
