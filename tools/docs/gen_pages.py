"""Pages generated while mkdocs builds the site (mkdocs-gen-files runs this; see mkdocs.yml):

- codes.md: the error and warning codes, read from the core's source (codes.py), worded as a
  hand-written docs/codes.md words them where it exists (it is replaced in the site), with the
  Python exception class of each error code from the installed package (the build fails if
  the package's ERRORS and the core's Error::CODES differ);
- charts/*.svg: the library's own charts, rendered by the installed onpace package, so the
  pictures in the guide are what the current code draws."""

from __future__ import annotations

import sys
from pathlib import Path

import mkdocs_gen_files

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import codes  # noqa: E402  (beside this file)
import onpace  # noqa: E402  (the installed wheel: scripts/docs makes sure it is there)

# A hand-written docs/codes.md, where there is one, lends its descriptions; the lists stay the core's.
page = codes.markdown(ROOT / "core", codes.hand_descriptions(ROOT / "docs" / "codes.md"))
core_codes = [e.code for e in codes.error_codes(ROOT / "core")]
if sorted(onpace.ERRORS) != sorted(core_codes):
    raise SystemExit(f"onpace.ERRORS {sorted(onpace.ERRORS)} differs from the core's Error::CODES {sorted(core_codes)}")
classes = "\n".join(f"| `{code}` | `onpace.{onpace.ERRORS[code].__name__}` |" for code in core_codes)
bases = ", ".join(f"`{b.__name__}`" for b in onpace.OnpaceError.__bases__)
page += (
    "\n## Python exception classes\n\n"
    f"Every class derives from `onpace.OnpaceError` (itself derived from {bases}) and carries\n"
    "`code`, `field` and `line`.\n\n| code | class |\n|------|-------|\n" + classes + "\n"
)
with mkdocs_gen_files.open("codes.md", "w") as f:
    f.write(page)

# Charts: the national plan evaluated on its published figures, and the Yanbian key projects.
cn = onpace.builtin_plan("cn-14th-fyp-st")
evaluation = cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st"))
charts = {
    "charts/national-basic-research-share.svg": evaluation.chart_svg("basic-research-share", "en"),
    "charts/national-pace.svg": evaluation.pace_svg("en"),
    "charts/yanbian-projects.svg": onpace.builtin_plan().projects_svg("en"),
}
for name, svg in charts.items():
    with mkdocs_gen_files.open(name, "w") as f:
        f.write(str(svg))

# Methods side by side on real data: the national plan's statuses under every method,
# appended to the user-guide page so the table is what the current code computes.
rows = {m["id"]: cn.evaluate(onpace.builtin_observations("cn-14th-fyp-st"), method=m["id"]).rows for m in onpace.methods()}
ids = [a.indicator for a in next(iter(rows.values()))]
table = [
    "",
    "## The national plan under each method",
    "",
    "The science-and-technology indicators of the national 14th Five-Year Plan outline on their",
    "published figures, one column per method (computed when this site was built).",
    "",
    "| indicator | " + " | ".join(f"`{m}`" for m in rows) + " |",
    "|---|" + "---|" * len(rows),
]
for i, indicator in enumerate(ids):
    table.append(f"| `{indicator}` | " + " | ".join(rows[m][i].status for m in rows) + " |")
with mkdocs_gen_files.open("user-guide/methods.md", "a") as f:
    f.write("\n".join(table) + "\n")
