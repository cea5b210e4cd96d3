"""Runs the README's Python code blocks against the installed wheel, as a user would.

Usage: python readme_python.py README.md   (run with the clean venv's python, outside the
checkout, with a PATH that has no Rust)"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path


def main() -> None:
    # The point of the exercise: nothing here can build Rust.
    for tool in ("cargo", "rustc"):
        assert shutil.which(tool) is None, f"{tool} is on PATH: not clean ground"
    blocks = re.findall(r"```python\n(.*?)```", Path(sys.argv[1]).read_text(encoding="utf-8"), flags=re.S)
    assert blocks, "the README has no Python quick start"

    import onpace

    # The installed wheel, not the source tree.
    installed = Path(onpace.__file__).resolve()
    assert Path(sys.prefix).resolve() in installed.parents, f"onpace imported from {installed}"
    scope: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), scope)  # noqa: S102 - our own README
    # The quick start's stated result, checked here too so a silent change cannot pass:
    # rd-intensity 0.36 (2020) → 1.10 (2025) on equal increments of (1.10 − 0.36)/5 = 0.148.
    rd = onpace.builtin_plan().indicator("rd-intensity")
    values = [str(m.value) for m in rd.path()]
    assert values[0] == "0.36" and values[1] == "0.508" and values[-1] == "1.10", values
    print(f"README Python quick start ran on the wheel ({installed.parent}), {len(blocks)} block(s)")


if __name__ == "__main__":
    main()
