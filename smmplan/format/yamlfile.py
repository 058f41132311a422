"""Read one YAML file (or front matter) of the plan, reporting why it cannot be read."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, diag
from ..fields import ID_RE, default_id, kind_of
from ..files import read_text, rel
from ..model import Position
from ..yamlpos import Doc, YamlError, parse


def read_yaml(root: Path, path: Path, out: list[Diagnostic], *, lax: bool = False,
              walked: bool = False) -> Doc | None:
    """The YAML document at ``path``; ``lax`` accepts unknown tags (mkdocs.yml's ``!!python``)."""
    text, problem = read_text(root, path, walked=walked)
    if problem:
        out.append(problem)
        return None
    assert text is not None
    return parse_yaml(text, rel(root, path), 0, out, lax=lax)


def parse_yaml(text: str, name: str, line_offset: int, out: list[Diagnostic], *,
               lax: bool = False) -> Doc | None:
    try:
        return parse(text, allow_unknown_tags=lax)
    except YamlError as exc:
        out.append(diag("SMM001", f"YAML syntax: {exc.message}",
                        Position(name, exc.line + 1 + line_offset, exc.column + 1)))
        return None


def mapping_doc(doc: Doc | None, name: str, code: str, out: list[Diagnostic],
                line_offset: int = 0, what: str = "this file") -> bool:
    """Whether ``doc`` holds a mapping; reports what it holds instead."""
    if doc is None:
        return False
    if isinstance(doc.value, dict):
        return True
    found = kind_of(doc.value)
    line, col = doc.values.get("", (0, 0))
    out.append(diag(code, f"{what} must be a mapping of keys to values, but holds {found}",
                    Position(name, line + 1 + line_offset, col + 1),
                    help="write one `key: value` per line"))
    return False


def file_id(path: Path, name: str, out: list[Diagnostic]) -> str | None:
    """The id a file's name gives (personas, campaigns), or None with SMM003."""
    pid = default_id(path.stem)
    if not ID_RE.match(pid):
        out.append(diag("SMM003", f"the file name gives the id {pid!r}, which is not a valid id",
                        Position(name), help="rename the file with lower-case letters, digits "
                        "and dashes"))
        return None
    return pid
