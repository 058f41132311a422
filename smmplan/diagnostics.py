"""The one diagnostic type every rule produces, and the step that applies the plan's levels."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .model import Position
from .names import printable, valid_utf8
from .ruletable import RULES, lookup

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    file: str
    line: int = 1
    column: int = 1
    severity: str = "error"
    help: str | None = None
    post: str | None = None

    @property
    def name(self) -> str:
        return RULES[self.code].name

    @property
    def position(self) -> Position:
        return Position(self.file, self.line, self.column)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "rule": self.name,
            "severity": self.severity,
            "message": self.message,
        }
        if self.help:
            out["help"] = self.help
        if self.post:
            out["post"] = self.post
        return out


def diag(
    code: str,
    message: str,
    at: Position,
    *,
    help: str | None = None,
    post: str | None = None,
    severity: str | None = None,
) -> Diagnostic:
    """Build a diagnostic at ``at``; ``severity`` defaults to the rule's default level.

    File names and messages may hold undecodable bytes or terminal escapes from the plan's file
    names: they are escaped here, once, so that every output is printable and valid UTF-8.
    """
    level = severity or RULES[code].level
    if level not in SEVERITY_ORDER:  # "per rule" rules must pass their level
        raise ValueError(f"{code} needs an explicit severity")
    return Diagnostic(code, printable(message), printable(at.file), at.line, at.column, level,
                      valid_utf8(help) if help else help, post)


def finalize(
    diagnostics: Iterable[Diagnostic],
    overrides: Mapping[str, str],
    ignored: Mapping[str, Iterable[str]],
) -> list[Diagnostic]:
    """Apply ``severity:`` overrides (by code or name) and per-post ``ignore:``, drop ``off``, sort.

    ``ignored`` maps a post id to the rule codes or names that post silences.
    """
    levels: dict[str, str] = {}
    for key, wanted in overrides.items():
        rule = lookup(key)
        if rule is not None:
            levels[rule.code] = wanted
    silenced: dict[str, set[str]] = {}
    for post_id, names in ignored.items():
        codes = {r.code for r in (lookup(n) for n in names) if r is not None}
        if codes:
            silenced[post_id] = codes
    out = []
    for d in diagnostics:
        if d.post is not None and d.code in silenced.get(d.post, ()):
            continue
        override = levels.get(d.code)
        if override == "off":
            continue
        if override is not None and override != d.severity:
            d = replace(d, severity=override)
        out.append(d)
    out.sort(key=Diagnostic.sort_key)
    return out


def counts(diagnostics: Iterable[Diagnostic]) -> dict[str, int]:
    out = {"errors": 0, "warnings": 0, "info": 0}
    for d in diagnostics:
        out[{"error": "errors", "warning": "warnings", "info": "info"}[d.severity]] += 1
    return out
