"""mkdocs hook: the API references that other tools build (rustdoc for the crate, TypeDoc for
the JS package) become part of the site's files, so mkdocs copies them and its link
validation sees them. scripts/docs builds them into target/docs-api/ before mkdocs runs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

GENERATED = Path(__file__).resolve().parents[2] / "target" / "docs-api"
EXPECTED = ("api/rust/onpace/index.html", "api/javascript/index.html")


def _generated() -> list[str]:
    return [
        Path(dirpath, name).relative_to(GENERATED).as_posix()
        for dirpath, _, names in os.walk(GENERATED)
        for name in names
    ]


def on_files(files: Files, config: Any, **kwargs: Any) -> Files:
    for rel in EXPECTED:
        if not (GENERATED / rel).is_file():
            raise SystemExit(f"{GENERATED / rel} is missing: build the site with scripts/docs")
    for rel in _generated():
        # A .md among them (rustdoc's font licence) would become a page: copied after the build.
        if not rel.endswith(".md"):
            files.append(File(rel, src_dir=str(GENERATED), dest_dir=config["site_dir"], use_directory_urls=False))
    return files


def on_post_build(config: Any, **kwargs: Any) -> None:
    for rel in _generated():
        if rel.endswith(".md"):
            dest = Path(config["site_dir"], rel)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(GENERATED / rel, dest)
