"""scripts/check-tracked fails on what it must catch, and only on that.

Each case builds a throw-away git repository, so the check is run exactly as CI runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CHECK = Path(__file__).resolve().parents[2] / "scripts" / "check-tracked"


def repo_with(tmp_path: Path, files: dict[str, bytes], allow: str = "") -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name, data in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if allow:
        (tmp_path / "scripts").mkdir(exist_ok=True)
        (tmp_path / "scripts" / "tracked-allow.txt").write_text(allow)
    subprocess.run(["git", "-C", str(tmp_path), "add", "-A"], check=True)
    return tmp_path


def run(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK), str(repo)], capture_output=True, text=True)


def test_clean_repository_passes(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, {"src/lib.rs": b"fn main() {}\n", "data.json": b"{}" * 1000})
    result = run(repo)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        # The file this check exists for: a compiled Python extension (ELF) under its real name.
        ("bindings-python/python/onpace/_core.abi3.so", b"\x7fELF\x02\x01\x01" + bytes(64), ".so"),
        # A renamed ELF: caught by its first bytes, not its name.
        ("tools/helper", b"\x7fELF\x02\x01\x01" + bytes(64), "ELF binary"),
        ("pkg/module.bin", b"\x00asm\x01\x00\x00\x00", "WebAssembly module"),
        ("lib/libfoo.data", b"!<arch>\n" + bytes(16), "ar archive"),
        # A PE: MZ, the offset 0x40 at 0x3c, then the PE signature there.
        ("win/tool.dat", b"MZ" + bytes(0x3A) + (0x40).to_bytes(4, "little") + b"PE\x00\x00", "PE"),
        ("dist/onpace-0.1.0-cp39-abi3-manylinux_2_28_x86_64.whl", b"PK\x03\x04", ".whl"),
        ("onpace-0.1.0.tgz", b"\x1f\x8b", ".tgz"),
    ],
)
def test_compiled_artifacts_fail(tmp_path: Path, name: str, data: bytes, why: str) -> None:
    result = run(repo_with(tmp_path, {name: data}))
    assert result.returncode == 1
    assert name in result.stderr and why in result.stderr


def test_text_starting_with_mz_passes(tmp_path: Path) -> None:
    # "MZ" alone is not a PE header (a CSV could start with it).
    result = run(repo_with(tmp_path, {"names.csv": b"MZ,Mazowieckie\n" * 10}))
    assert result.returncode == 0, result.stderr


def test_large_file_fails_unless_allowed(tmp_path: Path) -> None:
    big = {"tests/fixtures/big.csv": b"a,b\n" * 250_001}  # 1 000 004 bytes: just over 1 MB
    result = run(repo_with(tmp_path, big))
    assert result.returncode == 1
    assert "1000004 bytes" in result.stderr
    allowed = run(repo_with(tmp_path, big, allow="tests/fixtures/*.csv  # the published data set\n"))
    assert allowed.returncode == 0, allowed.stderr


def test_exactly_one_megabyte_passes(tmp_path: Path) -> None:
    result = run(repo_with(tmp_path, {"edge.txt": b"x" * 1_000_000}))
    assert result.returncode == 0, result.stderr


def test_this_repository_passes() -> None:
    result = run(CHECK.parent.parent)
    assert result.returncode == 0, result.stderr
