"""Diagnostics as text (concise or with source), JSON and GitHub Actions workflow commands."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from ..diagnostics import Diagnostic, counts

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def summary_line(diagnostics: Sequence[Diagnostic], posts: int) -> str:
    c = counts(diagnostics)
    plural = f"{posts} post{'s' * (posts != 1)}"
    if not diagnostics:
        return f"All checks passed: {plural}, no problems."
    parts = [f"{c['errors']} error{'s' * (c['errors'] != 1)}",
             f"{c['warnings']} warning{'s' * (c['warnings'] != 1)}",
             f"{c['info']} info"]
    return f"Found {', '.join(parts)} in {plural}."


def text(diagnostics: Sequence[Diagnostic], posts: int, *, root: Path | None = None,
         show_source: bool = False, colour: bool = False) -> str:
    """ruff-like output: ``path:line:col: severity[CODE] message`` and a summary line."""
    paint: Callable[[str, str], str] = (lambda s, c: f"{c}{s}{_RESET}") if colour else \
        (lambda s, c: s)
    lines: list[str] = []
    cache: dict[str, list[str] | None] = {}
    for d in diagnostics:
        head = (f"{paint(d.file, _BOLD)}:{d.line}:{d.column}: "
                f"{paint(d.severity, _COLOURS[d.severity])}[{d.code}] {d.message}")
        lines.append(head)
        if show_source:
            src = _source_line(root, d, cache)
            if src is not None:
                gutter = f"{d.line} | "
                lines.append(paint(gutter, _DIM) + src)
                caret = " " * (len(gutter) + _width(src[: d.column - 1])) + "^"
                lines.append(paint(caret, _COLOURS[d.severity]))
            lines.append(f"  = {d.name}" + (f"; help: {d.help}" if d.help else ""))
            lines.append("")
    lines.append(summary_line(diagnostics, posts))
    return "\n".join(lines) + "\n"


def _width(s: str) -> int:
    return len(s.expandtabs(4))


def _source_line(root: Path | None, d: Diagnostic, cache: dict[str, list[str] | None]
                 ) -> str | None:
    if root is None:
        return None
    if d.file not in cache:
        try:
            path = (root / d.file).resolve()
            if not path.is_relative_to(root.resolve()) or path.stat().st_size > 1024 * 1024:
                cache[d.file] = None
            else:
                cache[d.file] = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[d.file] = None
    lines = cache[d.file]
    if lines is None or not 0 < d.line <= len(lines):
        return None
    return lines[d.line - 1].expandtabs(4)


def as_json(diagnostics: Sequence[Diagnostic], posts: int) -> str:
    c = counts(diagnostics)
    data = {
        "version": 1,
        "summary": {"posts": posts, "errors": c["errors"], "warnings": c["warnings"],
                    "info": c["info"]},
        "diagnostics": [d.to_json() for d in diagnostics],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(diagnostics: Sequence[Diagnostic], posts: int) -> str:
    """GitHub Actions workflow commands: one annotation per diagnostic (info as ``notice``)."""
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    lines = []
    for d in diagnostics:
        title = _escape_property(f"{d.code} {d.name}")
        message = d.message + (f"\n{d.help}" if d.help else "")
        lines.append(f"::{kinds[d.severity]} file={_escape_property(d.file)},line={d.line},"
                     f"col={d.column},title={title}::{_escape_data(message)}")
    lines.append(summary_line(diagnostics, posts))
    return "\n".join(lines) + "\n"
