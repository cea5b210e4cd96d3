"""The Rust crate's documented public API as a plain-text listing, read from rustdoc's HTML.

`python3 tools/public_api.py DOC_DIR` prints it; `--check FILE` compares it with the committed
listing (core/public-api.txt) and fails with a diff when they differ; `--write FILE` rewrites it.
scripts/check-docs-rs runs the check on the docs.rs-style build, so a change to the supported API
(an item, variant, field or inherent method added, removed or renamed, a signature changed, a
`#[non_exhaustive]` or a trait impl dropped; auto traits are left out, their list changes with
the nightly) shows in review as a diff of that file.

Why rustdoc's HTML and not cargo-public-api or rustdoc's JSON: the JSON output is unstable and
its format version changes with the nightly (cargo-public-api pins a nightly per release and
takes minutes to build); the HTML of the same docs.rs build is there anyway, and the parts read
here (all.html's item list, the `id="method.x"` / `variant.x` / `structfield.x` / `impl-…`
anchors and the code headers) are what rustdoc's own links rely on. What this does not see:
items hidden with `#[doc(hidden)]` (by design: they are not the supported API, docs/rust-crate.md)
and generic bounds inside trait impls beyond their names.
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
import sys
from pathlib import Path
from urllib.parse import unquote

KINDS = {
    "struct": "struct",
    "enum": "enum",
    "trait": "trait",
    "fn": "fn",
    "type": "type",
    "constant": "const",
    "static": "static",
    "macro": "macro",
    "union": "union",
}


def _text(fragment: str) -> str:
    """Code-header HTML as one line of plain text."""
    fragment = re.sub(r"<(?:span|div) class=\"where\">", " ", fragment)
    plain = html.unescape(re.sub(r"<[^>]+>", "", fragment))
    return re.sub(r"\s+", " ", plain).strip()


def _section(page: str, start_id: str) -> str:
    """The part of an item page from the heading `start_id` to the next `<h2`."""
    i = page.find(f'id="{start_id}"')
    if i < 0:
        return ""
    j = page.find("<h2", i + 1)
    return page[i : j if j > 0 else len(page)]


def items(doc: Path) -> list[tuple[str, str, str]]:
    """(kind, path, href) of every item all.html lists."""
    page = (doc / "all.html").read_text(encoding="utf-8")
    out = []
    for href, name in re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', page):
        kind = href.rsplit("/", 1)[-1].split(".", 1)[0]
        out.append((KINDS.get(kind, kind), f"onpace::{html.unescape(name)}", href))
    assert out, f"no item in {doc / 'all.html'}"
    return sorted(set(out), key=lambda t: (t[1], t[0]))


def listing(doc: Path) -> str:
    lines: list[str] = []
    for kind, path, href in items(doc):
        lines += _item(doc, kind, path, href)
    return "\n".join(lines) + "\n"


def _item(doc: Path, kind: str, path: str, href: str) -> list[str]:
    """The lines of one item: its head, then its variants, fields, inherent methods, impls."""
    lines = []
    page = (doc / href).read_text(encoding="utf-8")
    decl = re.search(r'<pre class="rust item-decl">(.*?)</pre>', page, flags=re.S)
    head = f"{kind} {path}"
    if decl and "#[non_exhaustive]" in decl.group(1):
        head += " #[non_exhaustive]"
    if re.search(r'class="stab deprecated"', page.split('id="implementations"')[0]):
        head += " (deprecated)"
    if kind in ("fn", "const", "type", "static") and decl:
        head += f" = {_text(decl.group(1))}"
    lines.append(head)
    for variant in re.findall(r'id="variant\.(\w+)"', page):
        lines.append(f"    variant {variant}")
    for field in re.findall(r'id="structfield\.(\w+)"', page):
        lines.append(f"    field {field}")
    inherent = _section(page, "implementations")
    for m in re.finditer(
        r'id="((?:method|associatedconstant|tymethod)\.\w+)"[^>]*>.*?<h4 class="code-header">(.*?)</h4>',
        inherent,
        flags=re.S,
    ):
        lines.append(f"    {_text(m.group(2))}")
    if kind == "trait":
        for m in re.finditer(r'id="tymethod\.(\w+)"', page):
            lines.append(f"    required fn {m.group(1)}")
        for m in re.finditer(r'id="method\.(\w+)"', _section(page, "provided-methods")):
            lines.append(f"    provided fn {m.group(1)}")
    # Trait impls by name; not the auto traits (Send, Sync, …: their list grows with the
    # nightly, e.g. `UnsafeUnpin`) nor the compiler's marker `StructuralPartialEq`.
    for impl in re.findall(r'id="impl-([^"]+)"', _section(page, "trait-implementations")):
        name = re.sub(r"-\d+$", "", unquote(impl)).replace("-for-", " for ")
        if not name.startswith("StructuralPartialEq"):
            lines.append(f"    impl {name}")
    # An impl shown twice (two blocks for one trait) is one line.
    return list(dict.fromkeys(lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doc", type=Path, help="rustdoc output of the crate (…/doc/onpace)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", type=Path, help="fail when the committed listing differs")
    group.add_argument("--write", type=Path, help="write the listing")
    args = parser.parse_args()
    text = listing(args.doc)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
        return 0
    if args.check:
        old = args.check.read_text(encoding="utf-8") if args.check.is_file() else ""
        if old != text:
            sys.stdout.writelines(
                difflib.unified_diff(old.splitlines(True), text.splitlines(True), str(args.check), "rustdoc")
            )
            print(
                f"\nThe documented API differs from {args.check}: if the change is meant, run\n"
                f"  python3 tools/public_api.py {args.doc} --write {args.check}\n"
                "and say in docs/rust-crate.md (\"What changed\") what a user must change.",
                file=sys.stderr,
            )
            return 1
        print(f"public API: {text.count(chr(10))} lines, as in {args.check}")
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
