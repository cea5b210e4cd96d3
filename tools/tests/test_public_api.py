"""tools/public_api.py: the listing shows what a semver reviewer needs and the check catches a change.

The pages are small hand-written copies of rustdoc's markup (the parts the listing reads: the
item list of all.html, the item declaration, the `id="…"` anchors and code headers)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "public_api.py"

ALL = """<html><body><h3 id="structs">Structs</h3><ul class="all-items">
<li><a href="model/plan/struct.Plan.html">model::plan::Plan</a></li></ul>
<h3 id="functions">Functions</h3><ul class="all-items">
<li><a href="math/trend/fn.project.html">math::trend::project</a></li></ul></body></html>"""

PLAN = """<pre class="rust item-decl"><code><div class="code-attribute">#[non_exhaustive]</div>pub struct Plan {
    pub id: String,
}</code></pre>
<span id="structfield.id" class="structfield section-header"><code>id: String</code></span>
<h2 id="implementations" class="section-header">Implementations</h2>
<section id="method.new" class="method"><h4 class="code-header">pub fn <a href="#method.new" class="fn">new</a>(id: &amp;<a class="primitive">str</a>) -&gt; Plan</h4></section>
<section id="method.validate" class="method"><h4 class="code-header">pub fn <a class="fn">validate</a>(&amp;self)</h4></section>
<h2 id="trait-implementations" class="section-header">Trait Implementations</h2>
<section id="impl-Clone-for-Plan" class="impl"></section>
<section id="impl-StructuralPartialEq-for-Plan" class="impl"></section>
<h2 id="synthetic-implementations" class="section-header">Auto Trait Implementations</h2>
<section id="impl-UnsafeUnpin-for-Plan" class="impl"></section>
"""

PROJECT = """<span class="stab deprecated">Deprecated: renamed</span>
<pre class="rust item-decl"><code>pub fn project(points: &amp;[<a>YearValue</a>]) -&gt; <a>Result</a>&lt;<a>Projection</a>&gt;</code></pre>"""


def doc(tmp_path: Path, plan: str = PLAN) -> Path:
    root = tmp_path / "onpace"
    (root / "model" / "plan").mkdir(parents=True)
    (root / "math" / "trend").mkdir(parents=True)
    (root / "all.html").write_text(ALL, encoding="utf-8")
    (root / "model" / "plan" / "struct.Plan.html").write_text(plan, encoding="utf-8")
    (root / "math" / "trend" / "fn.project.html").write_text(PROJECT, encoding="utf-8")
    return root


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True)


def test_listing_shows_items_fields_methods_impls_and_marks(tmp_path: Path) -> None:
    out = run(str(doc(tmp_path))).stdout.splitlines()
    assert out == [
        "fn onpace::math::trend::project (deprecated) = pub fn project(points: &[YearValue]) -> Result<Projection>",
        "struct onpace::model::plan::Plan #[non_exhaustive]",
        "    field id",
        "    pub fn new(id: &str) -> Plan",
        "    pub fn validate(&self)",
        "    impl Clone for Plan",
    ]


def test_check_fails_on_a_removed_method_and_passes_when_written(tmp_path: Path) -> None:
    listing = tmp_path / "public-api.txt"
    assert run(str(doc(tmp_path)), "--write", str(listing)).returncode == 0
    assert run(str(tmp_path / "onpace"), "--check", str(listing)).returncode == 0
    changed = tmp_path / "changed"
    changed.mkdir()
    without = PLAN.replace('<section id="method.validate"', '<section id="x"')
    r = run(str(doc(changed, without)), "--check", str(listing))
    assert r.returncode == 1
    assert "-    pub fn validate(&self)" in r.stdout
