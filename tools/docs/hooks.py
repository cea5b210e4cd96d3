"""mkdocs hook: the API references that other tools build (rustdoc for the crate, TypeDoc for
the JS package) become part of the site's files, so mkdocs copies them and its link
validation sees them. scripts/docs builds them into target/docs-api/ before mkdocs runs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

GENERATED = Path(__file__).resolve().parents[2] / "target" / "docs-api"
EXPECTED = ("api/rust/onpace/index.html", "api/javascript/index.html")


def on_files(files: Files, config: Any, **kwargs: Any) -> Files:
    for rel in EXPECTED:
        if not (GENERATED / rel).is_file():
            raise SystemExit(f"{GENERATED / rel} is missing: build the site with scripts/docs")
    for dirpath, _, names in os.walk(GENERATED):
        for name in names:
            rel = Path(dirpath, name).relative_to(GENERATED).as_posix()
            files.append(File(rel, src_dir=str(GENERATED), dest_dir=config["site_dir"], use_directory_urls=False))
    return files
