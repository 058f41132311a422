"""Post templates (SPEC §5.5): ``content/_templates/<name>.md`` holds front matter and a body to
start a post from; ``smmplan new TITLE --template NAME`` fills them in, and every option given on
the command line wins over the template's value.

The folder starts with ``_``, so the loader never takes a template for a post.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .fields import ID_RE, did_you_mean
from .files import read_text
from .yamlpos import YamlError, parse

TEMPLATES_DIR = "content/_templates"
#: Keys a template may not set: they name one post, not a kind of post.
OWN_KEYS = ("id", "title")
#: Front matter keys in the order ``new`` writes them; others follow in the template's order.
ORDER = ("id", "title", "date", "channel", "pillar", "status", "format", "personas", "campaign",
         "author", "editor", "tags", "link", "media", "repeat")
_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.DOTALL | re.MULTILINE)


class TemplateProblem(Exception):
    """A template that cannot be used, with the reason for the user."""


@dataclass(frozen=True)
class PostTemplate:
    name: str
    path: str
    fields: Mapping[str, Any]
    """The template's front matter, as written (without ``id`` and ``title``)."""
    body: str


def names(root: Path) -> list[str]:
    """The templates of the plan at ``root``, by name."""
    folder = root / TEMPLATES_DIR
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.md") if p.is_file() and ID_RE.match(p.stem))


def load(root: Path, name: str) -> PostTemplate:
    """The template ``name``; :class:`TemplateProblem` says why it cannot be used."""
    known = names(root)
    if not ID_RE.match(name) or name not in known:
        listed = ", ".join(known) if known else f"none yet: add {TEMPLATES_DIR}/<name>.md"
        raise TemplateProblem(f"unknown template {name!r}{did_you_mean(name, known)} "
                              f"(templates: {listed})")
    rel = f"{TEMPLATES_DIR}/{name}.md"
    text, problem = read_text(root, root / rel)
    if problem is not None or text is None:
        raise TemplateProblem(f"{rel}: {problem.message if problem else 'cannot be read'}")
    found = _FENCE.match(text)
    if found is None:
        return PostTemplate(name, rel, {}, text.strip())
    try:
        doc = parse(found.group(1))
    except YamlError as exc:
        raise TemplateProblem(f"{rel}:{exc.line + 2}:{exc.column + 1}: YAML syntax: "
                              f"{exc.message}") from None
    if doc.value is None:
        doc.value = {}
    if not isinstance(doc.value, dict):
        raise TemplateProblem(f"{rel}: the front matter must be a mapping of keys to values")
    fields = {k: v for k, v in doc.value.items() if k not in OWN_KEYS}
    return PostTemplate(name, rel, fields, text[found.end():].strip())


def merge(template: PostTemplate | None, given: Mapping[str, Any]) -> dict[str, Any]:
    """The new post's front matter: the template's keys, then the command line's (which win),
    in the order of :data:`ORDER`."""
    merged: dict[str, Any] = dict(template.fields) if template else {}
    merged.update(given)
    ordered = {k: merged[k] for k in ORDER if k in merged}
    ordered.update({k: v for k, v in merged.items() if k not in ordered})
    return ordered


def dump_value(value: Any) -> str:
    """A template value (a list or mapping, as the template wrote it) as one line of YAML."""
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True,
                          width=10_000, sort_keys=False).strip().removesuffix("\n...").strip()
