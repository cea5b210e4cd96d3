"""The error and warning codes, read from the core's source so the documentation cannot drift.

Errors: `core/src/error.rs` — the `Error` enum (each variant's doc comment), the `code()` match
(variant → code) and the `Error::CODES` list; the three must agree or the build fails.
Warnings: the codes are the `WarningCode` enum (`core/src/model/warning.rs`, variant → code);
every `Warning::new(code, field, message)` call in `core/src/` is read for where each is raised
(its code must be a `WarningCode::Variant` or `WarningCode::from_error(..)`, or the build fails). Used by gen_pages.py (the site's codes page) and tested by
tools/tests/test_docs_codes.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ErrorCode:
    code: str
    variant: str
    doc: str
    python: str = ""  # the class names of the core's error table (`Error::TABLE`)
    js: str = ""


@dataclass(frozen=True)
class WarningSite:
    code: str
    field: str
    message: str
    location: str  # path:line, relative to the repository


def error_codes(core: Path) -> list[ErrorCode]:
    text = (core / "src" / "error.rs").read_text(encoding="utf-8")
    enum = re.search(r"pub enum Error \{(.*?)\n\}", text, flags=re.S)
    assert enum, "core/src/error.rs: no `pub enum Error`"
    docs: dict[str, str] = {}
    pending: list[str] = []
    for line in enum.group(1).splitlines():
        stripped = line.strip()
        # Variants sit at one indentation level (4 spaces); their fields' docs are deeper.
        if line.startswith("    ///") and not line.startswith("        "):
            pending.append(stripped[3:].strip())
        elif re.match(r"^    [A-Z]\w* \{", line) or re.match(r"^    [A-Z]\w*,", line):
            docs[re.match(r"^    ([A-Z]\w*)", line).group(1)] = " ".join(pending)  # type: ignore[union-attr]
            pending = []
        elif not line.startswith(("        ", "    #[")):
            pending = []  # anything else at variant level ends a doc comment
    mapping = dict(re.findall(r"Error::(\w+) \{ \.\. \} => \"([a-z_]+)\"", text))
    listed = re.search(r"pub const CODES: &'static \[&'static str\] = &\[(.*?)\];", text, flags=re.S)
    assert listed, "core/src/error.rs: no `Error::CODES`"
    codes = re.findall(r'"([a-z_]+)"', listed.group(1))
    assert set(docs) == set(mapping), f"variants {sorted(docs)} vs code() arms {sorted(mapping)}"
    assert sorted(mapping.values()) == sorted(codes), f"code() gives {sorted(mapping.values())}, CODES lists {codes}"
    by_code = {code: variant for variant, code in mapping.items()}
    rows = re.findall(r'ErrorInfo \{\s*code: "([a-z_]+)",\s*python: "(\w+)",\s*js: "(\w+)"', text)
    names = {code: (python, js) for code, python, js in rows}
    assert [r[0] for r in rows] == codes, f"Error::TABLE lists {[r[0] for r in rows]}, CODES {codes}"
    return [ErrorCode(code, by_code[code], docs[by_code[code]], *names[code]) for code in codes]


def _split_args(src: str, start: int) -> tuple[list[str], int]:
    """The top-level arguments of the call whose `(` is at `start`, and the index after `)`."""
    args, depth, current, i = [], 0, [], start + 1
    while i < len(src):
        ch = src[i]
        if ch == '"':
            end = i + 1
            while src[end] != '"':
                end += 2 if src[end] == "\\" else 1
            current.append(src[i : end + 1])
            i = end + 1
            continue
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            if depth == 0:
                last = "".join(current).strip()
                if last:  # a trailing comma leaves nothing after it
                    args.append(last)
                return args, i + 1
            depth -= 1
        elif ch == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
            i += 1
            continue
        current.append(ch)
        i += 1
    raise AssertionError("unbalanced Warning::new call")


def _text(arg: str) -> str:
    """A string literal as its text, `format!("…", …)` as its template, `x.into()` unwrapped."""
    arg = re.sub(r"\.(into|to_string|to_owned)\(\)$", "", arg.strip())
    arg = re.sub(r"\\\n\s*", "", arg)  # a Rust string continued on the next line
    literal = re.fullmatch(r'"((?:[^"\\]|\\.)*)"', arg)
    if literal:
        return literal.group(1).replace('\\"', '"')
    fmt = re.match(r'format!\(\s*"((?:[^"\\]|\\.)*)"', arg, flags=re.S)
    if fmt:
        return fmt.group(1).replace('\\"', '"')
    return f"`{' '.join(arg.split())}`"


def warning_code_names(core: Path) -> dict[str, str]:
    """Variant → code of the `WarningCode` enum (its `Variant => "code",` table)."""
    path = core / "src" / "model" / "warning.rs"
    table = dict(re.findall(r'^\s*(\w+) => "([a-z_]+)",$', path.read_text(encoding="utf-8"), flags=re.M))
    assert table, f"no `Variant => \"code\"` table in {path}"
    return table


def warning_sites(core: Path) -> list[WarningSite]:
    sites = []
    root = core.parent
    names = warning_code_names(core) if (core / "src" / "model" / "warning.rs").is_file() else {}
    for path in sorted((core / "src").rglob("*.rs")):
        src = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\bWarning::new\(", src):
            if src[: m.start()].rstrip().endswith("fn"):
                continue
            args, _ = _split_args(src, m.end() - 1)
            assert len(args) == 3, f"{path}: Warning::new with {len(args)} arguments"
            code_arg = args[0]
            literal = re.fullmatch(r'"([a-z_]+)"', code_arg)
            typed = re.fullmatch(r"WarningCode::(\w+)", code_arg)
            if literal:
                code = literal.group(1)
            elif typed and typed.group(1) in names:
                code = names[typed.group(1)]
            elif re.fullmatch(r"\w+\.code\(\)|WarningCode::from_error\(&?\w+\)", code_arg):
                code = "(the error's code)"
            else:
                raise AssertionError(f"{path}: a warning code that is neither a literal nor an error's code: {code_arg}")
            line = src.count("\n", 0, m.start()) + 1
            message = "(the error's message)" if code.startswith("(") else _text(args[2])
            sites.append(WarningSite(code, _text(args[1]), message, f"{path.relative_to(root)}:{line}"))
    assert sites, "no Warning::new call found in core/src"
    return sites


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def hand_descriptions(page: Path) -> dict[str, dict[str, str]]:
    """The descriptions a hand-written codes page gives, per section (`errors`, `warnings`:
    the `| `code` | … | description |` rows under a heading naming errors or warnings, the
    last cell taken), so the generated page keeps their words."""
    out: dict[str, dict[str, str]] = {"errors": {}, "warnings": {}}
    if not page.is_file():
        return out
    section = None
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            low = line.lower()
            section = "errors" if "error" in low else "warnings" if "warning" in low else section
            continue
        m = re.match(r"^\|\s*`([a-z_]+)`\s*\|(.*)\|\s*$", line)
        if m and section:
            out[section][m.group(1)] = m.group(2).split("|")[-1].strip()
    return out


def markdown(core: Path, described: dict[str, dict[str, str]] | None = None) -> str:
    """The codes page: every error code (from `Error`) and every warning code (from the
    `Warning::new` calls), described in the hand-written words of `described` where it has
    them. A code `described` names that the core does not have fails: the page may not
    document what does not exist."""
    errors = error_codes(core)
    sites = warning_sites(core)
    warning_codes = sorted({s.code for s in sites if not s.code.startswith("(")})
    error_words = (described or {}).get("errors", {})
    warning_words = (described or {}).get("warnings", {})
    unknown = sorted((set(error_words) - {e.code for e in errors}) | (set(warning_words) - set(warning_codes)))
    assert not unknown, f"the hand-written codes page documents codes the core does not have: {unknown}"
    out = [
        "# Error and warning codes",
        "",
        "<!-- Generated by tools/docs/codes.py from core/src at build time: do not edit. -->",
        "",
        "Every error onpace raises carries one of these codes, in every language: Rust",
        "`Error::code()`, Python `OnpaceError.code` (one exception class per code, `onpace.ERRORS`),",
        "JavaScript `error.code`. Codes are never renamed, only added. Every error also names the",
        "field, path or id at fault (`field`), and errors raised while reading text give the input",
        "`line`. The lists on this page are read from the core's source when the site is built, so",
        "a code cannot be missing from them.",
        "",
        "## Errors",
        "",
        "| code | Rust variant | Python class | JS class | meaning |",
        "|------|--------------|--------------|----------|---------|",
    ]
    out += [f"| `{e.code}` | `Error::{e.variant}` | `{e.python}` | `{e.js}` | {_cell(error_words.get(e.code, e.doc))} |"
            for e in errors]
    out += [
        "",
        "## Warnings",
        "",
        "A quantity that does not exist for the inputs (a growth rate of a series that changes sign,",
        "a projection from one point) is returned as *none* with a warning saying why; the result",
        "itself still stands. Each warning has a `code`, the `field` concerned and a `message`.",
        "When a part of a result fails with an error (say, a target that cannot be resolved for one",
        "method), that part becomes a warning carrying the **error's code** from the table above.",
        "",
        "| code | meaning |",
        "|------|---------|",
    ]
    for code in warning_codes:
        messages = sorted({s.message for s in sites if s.code == code})
        out.append(f"| `{code}` | {_cell(warning_words.get(code, '; '.join(messages)))} |")
    out += [
        "",
        "### Where each warning is raised",
        "",
        "| code | field | message (`{…}` is filled in) | raised at |",
        "|------|-------|------------------------------|-----------|",
    ]
    for s in sorted(sites, key=lambda s: (s.code.startswith("("), s.code, s.location)):
        out.append(f"| `{s.code}` | {_cell(s.field)} | {_cell(s.message)} | `{s.location}` |")
    out.append("")
    return "\n".join(out)
