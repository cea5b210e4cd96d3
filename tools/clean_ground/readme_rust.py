"""Writes the crate README's Rust examples as a scratch binary's main.rs, the way rustdoc runs
them: hidden `# ` lines shown, each block wrapped in a function returning the crate's Result.

Usage: python3 readme_rust.py UNPACKED_CRATE/README.md OUT/main.rs"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def unhide(line: str) -> str:
    """rustdoc's hidden lines: `# code` (but not an attribute such as `#[derive]`)."""
    if line == "#":
        return ""
    if line.startswith("# "):
        return line[2:]
    return line


blocks = re.findall(r"```rust\n(.*?)```", Path(sys.argv[1]).read_text(encoding="utf-8"), flags=re.S)
assert blocks, "the crate README has no Rust example"
out = ["// Generated from the packaged crate's README by tools/clean_ground/readme_rust.py.", ""]
for i, block in enumerate(blocks):
    out.append(f"fn readme_example_{i}() -> Result<(), onpace::Error> {{")
    out.extend("    " + unhide(line) if line else "" for line in block.splitlines())
    out.extend(["}", ""])
out.append("fn main() -> Result<(), onpace::Error> {")
out.extend(f"    readme_example_{i}()?;" for i in range(len(blocks)))
out.append(f'    println!("README Rust example ran on the packaged crate, {len(blocks)} block(s)");')
out.extend(["    Ok(())", "}", ""])
Path(sys.argv[2]).write_text("\n".join(out), encoding="utf-8")
