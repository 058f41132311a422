"""What ``check`` says about the editor: SMM011 when content/admin/config.yml no longer matches
the plan, SMM012 on each file the editor would rewrite beyond the creator's change.

Both run only in a plan that has the configuration, so a plan without the editor pays nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, diag
from ..files import read_text
from ..model import Plan, Position
from ..yamlpos import Doc, YamlError, child_path, parse
from .config import COLLECTIONS, PATH, backend_for, backend_of, cms_config
from .roundtrip import first_rewrite

#: More differences than this are summed up in the last diagnostic.
MAX_DRIFT = 5
FIX = "run `smmplan cms` to regenerate it from the plan"


def check_cms(root: Path, plan: Plan) -> list[Diagnostic]:
    path = root / PATH
    if not path.exists() and not path.is_symlink():
        return []
    text, problem = read_text(root, path)
    if problem is not None:
        return [problem]
    assert text is not None
    return [*drift(text, plan), *rewrites(root, plan)]


def drift(text: str, plan: Plan) -> list[Diagnostic]:
    """SMM011 at each setting of the file that differs from what the plan gives now."""
    try:
        doc = parse(text)
    except YamlError as exc:
        return [diag("SMM011", f"the editor's configuration does not parse: {exc.message}",
                     Position(PATH, exc.line + 1, exc.column + 1), help=FIX)]
    expected = cms_config(plan, backend_of(doc.value) or backend_for(plan))
    found = list(_differences(expected, doc.value, ""))
    out = [diag("SMM011", message, _at(doc, where), help=FIX) for where, message in found]
    if len(out) > MAX_DRIFT:
        rest = len(out) - MAX_DRIFT + 1
        more = diag("SMM011", f"{rest} more settings differ from the plan",
                    out[MAX_DRIFT - 1].position, help=FIX)
        out = [*out[:MAX_DRIFT - 1], more]
    return out


def _at(doc: Doc, where: str) -> Position:
    line, column = doc.keys.get(where) or doc.values.get(where) or (0, 0)
    return Position(PATH, line + 1, column + 1)


def _label(where: str) -> str:
    return f"`{where}`" if where else "the configuration"


def _differences(expected: Any, actual: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key, value in expected.items():
            if key not in actual:
                yield where, f"{_label(where)} lacks `{key}`, which the plan gives"
            else:
                yield from _differences(value, actual[key], child_path(where, key))
        for key in actual:
            if key not in expected:
                yield child_path(where, key), f"`{child_path(where, key)}` is not from the plan"
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(
            actual):
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            yield from _differences(e, a, child_path(where, i))
    elif expected != actual:
        if where.endswith(".options") and isinstance(actual, list):
            yield where, _options_message(where, expected, actual)
        else:
            yield where, f"{_label(where)} is {_short(actual)}; the plan gives {_short(expected)}"


def _options_message(where: str, expected: list[Any], actual: list[Any]) -> str:
    def values(options: list[Any]) -> list[str]:
        return [str(o.get("value")) if isinstance(o, dict) else str(o) for o in options]

    missing = [v for v in values(expected) if v not in values(actual)]
    extra = [v for v in values(actual) if v not in values(expected)]
    parts = ([f"lacks {', '.join(missing)}"] if missing else []) + (
        [f"offers {', '.join(extra)}, which the plan no longer has"] if extra else [])
    return (f"the choices of {_label(where)} no longer match the plan: "
            + ("; ".join(parts) or "their names or order changed"))


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def rewrites(root: Path, plan: Plan) -> Iterator[Diagnostic]:
    """SMM012 on each post, campaign and persona file the editor would not save as it is."""
    files = ([(p.path, p.id, "posts") for p in plan.posts]
             + [(c.path, None, "campaigns") for c in plan.campaigns.values()]
             + [(p.path, None, "personas") for p in plan.personas.values()])
    for path, post, name in files:
        collection = COLLECTIONS[name]
        text, problem = read_text(root, root / path, walked=True)
        if text is None or problem is not None:
            continue  # the loader reported it already
        found = first_rewrite(text, collection.order, front_matter=collection.front_matter,
                              lists=collection.lists)
        if found is not None:
            line, why = found
            yield diag("SMM012", f"the web editor would rewrite line {line} on saving: {why}",
                       Position(path, line, 1), post=post,
                       help="edit this file in git, or write the line as the editor does "
                            "(see `smmplan rule SMM012`); the editor refuses to save it")
