"""mkdocs.yml read by smmplan: a safe loader, paths kept inside the plan, code and script reported.

mkdocs' own loader builds any Python object a tag names (``!!python/object/apply:os.system``), so
smmplan never lets mkdocs read the file: it composes the YAML (composing runs no constructor),
turns the nodes into data itself and hands mkdocs the result as a dict (SPEC §8.1).

* ``!!python/name:`` is read only for names in ``markdown.``, ``pymdownx.`` and ``material.``
  modules (Markdown extensions take functions that way); any other tag is SMM007 and dropped.
* ``!ENV`` is read only in build settings that never reach a page (:data:`ENV_KEYS`); anywhere
  else an environment value would be printed on every page of a pull request's preview, so it is
  SMM007 and its default (the last item of ``!ENV [NAME, default]``) is used instead.
* ``docs_dir``, ``site_dir``, ``theme.custom_dir``, ``hooks``, ``extra_javascript`` and
  ``extra_css`` must stay inside the plan and out of ``.git`` (SMM007); such a fault stops every
  build whatever level the plan gives SMM007 (:attr:`SiteConfig.fatal`).
* What runs code at build time or adds script to the pages is SMM010 at its position, so the
  pull-request check annotates it for the reviewer (:mod:`smmplan.siteaudit`).
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic, diag
from .files import inside, read_text, rel
from .model import Position
from .siteaudit import CONFIG, Path_, inside_plan, judge
from .yamlpos import YamlError, parse

#: Top-level keys where ``!ENV`` is read: build settings, never shown on a page.
ENV_KEYS = frozenset({"site_dir", "dev_addr", "strict", "use_directory_urls"})
#: Modules whose names ``!!python/name:`` may give (Markdown extension callables).
NAME_MODULES = ("markdown.", "pymdownx.", "material.")
#: The functions of those modules a config may name: what Material's and pymdownx's documents
#: name for fences, emoji and slugs. Not a prefix: a prefix lets a config call any function of
#: those packages with arguments of its choosing (Zensical calls ``{object, kwds}``), some of
#: which read or write files.
NAMED_FUNCTIONS = frozenset({
    "pymdownx.superfences.fence_code_format", "pymdownx.superfences.fence_div_format",
    "pymdownx.arithmatex.arithmatex_inline_format",
    "pymdownx.arithmatex.arithmatex_fenced_format",
    "pymdownx.slugs.slugify", "markdown.extensions.toc.slugify",
    "markdown.extensions.toc.slugify_unicode",
    *(f"pymdownx.emoji.{f}" for f in ("emojione", "gemoji", "twemoji", "to_png", "to_svg",
                                      "to_png_sprite", "to_svg_sprite", "to_alt")),
    *(f"{m}.extensions.emoji.{f}" for m in ("material", "zensical")
      for f in ("twemoji", "to_svg")),
})
_NAME_TAG = "tag:yaml.org,2002:python/name:"
_STANDARD = "tag:yaml.org,2002:"
MAX_NODES = 50_000
MAX_INHERIT = 5

log = logging.getLogger("mkdocs.config")



class SiteConfigError(Exception):
    """mkdocs.yml cannot be used for a build; the message says why."""


@dataclass(frozen=True)
class PythonName:
    """``!!python/name:module.attr``, imported only when mkdocs needs the value."""

    name: str

    def resolve(self) -> Any:
        module, _, attr = self.name.rpartition(".")
        return getattr(importlib.import_module(module), attr)


@dataclass(frozen=True)
class Relative:
    """mkdocs' ``!relative`` (a path relative to the page, the docs or the config folder)."""

    value: str


@dataclass(frozen=True)
class SiteConfig:
    data: Mapping[str, Any]
    """mkdocs.yml as data, tags left as :class:`PythonName`/:class:`Relative` markers."""
    diagnostics: tuple[Diagnostic, ...]
    fatal: tuple[str, ...] = ()
    """Why no site may be built from this configuration, whatever levels the plan sets."""
    parsed: bool = True
    """False when mkdocs.yml is missing or does not parse (load reports SMM001)."""
    positions: Mapping[Path_, Position] = field(default_factory=dict)

    @property
    def docs_dir(self) -> str:
        value = self.data.get("docs_dir", "docs")
        return value if isinstance(value, str) else "docs"

    def docs_ok(self, root: Path) -> bool:
        """Whether docs_dir is a folder below the plan, outside .git."""
        docs = root / self.docs_dir
        return self.parsed and inside_plan(root, docs) and docs.resolve() != root.resolve()


def read_site_config(root: Path) -> SiteConfig:
    """Read ``root/mkdocs.yml`` (and what it ``INHERIT``s) safely and judge it."""
    reader = _Reader(root)
    data = reader.load(root / CONFIG, ())
    if data is None:
        why = reader.unreadable
        reason = f"{why.file}:{why.line}:{why.column}: {why.message}" if why else "no mapping"
        return SiteConfig({}, tuple(reader.out), (f"mkdocs.yml cannot be read: {reason}",),
                          parsed=False)
    judge(root, data, reader)
    return SiteConfig(data, tuple(reader.out), tuple(reader.fatal), True, reader.pos)


class _Reader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.out: list[Diagnostic] = []
        self.fatal: list[str] = []
        self.pos: dict[Path_, Position] = {}
        self.budget = MAX_NODES
        self.file = CONFIG
        self._safe = yaml.SafeLoader("")
        self.unreadable: Diagnostic | None = None

    def load(self, path: Path, chain: tuple[Path, ...]) -> dict[str, Any] | None:
        name = rel(self.root, path) if inside(self.root, path.parent) else path.name
        text, problem = read_text(self.root, path)
        if problem is not None or text is None:
            self._problem(problem, chain)
            return None
        try:
            parse(text, allow_unknown_tags=True)  # the shape limits of every plan YAML file
            node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (YamlError, yaml.YAMLError, RecursionError) as exc:
            line, column = getattr(exc, "line", 0) + 1, getattr(exc, "column", 0) + 1
            self._problem(diag("SMM001", f"YAML syntax: {exc}", Position(name, line, column)),
                          chain)
            return None
        saved, self.file = self.file, name
        try:
            data = self.convert(node, ()) if node is not None else {}
        except (YamlError, yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
            mark = getattr(exc, "problem_mark", None)
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            self._problem(diag("SMM007", f"mkdocs.yml cannot be read: {exc}",
                               Position(name, line, column)), chain)
            return None
        finally:
            self.file = saved
        if not isinstance(data, dict):
            return None
        parent = data.pop("INHERIT", None)
        if parent is None:
            return data
        where = self.pos.get(("INHERIT",), Position(name))
        base = self._inherit(path, parent, where, (*chain, path))
        return _merge(base, data) if base is not None else data

    def _problem(self, problem: Diagnostic | None, chain: tuple[Path, ...]) -> None:
        if problem is None:
            return
        if chain:
            self.out.append(problem)
        else:  # the main file's problems are load's to report; kept for build and serve
            self.unreadable = problem

    def _inherit(self, path: Path, parent: object, where: Position,
                 chain: tuple[Path, ...]) -> dict[str, Any] | None:
        target = (path.parent / str(parent)).resolve()
        if len(chain) > MAX_INHERIT or target in chain:
            self.bad(where, "INHERIT goes round in a circle or too deep", fatal=True)
            return None
        if not isinstance(parent, str) or not inside_plan(self.root, path.parent / parent):
            self.bad(where, "INHERIT must name a file inside the plan, outside .git", fatal=True)
            return None
        if not target.is_file():
            self.bad(where, f"INHERIT names {parent!r}, which does not exist", fatal=True)
            return None
        return self.load(target, chain)

    def at(self, path: Path_, node: Any) -> Position:
        mark = node.start_mark
        return Position(self.file, mark.line + 1, mark.column + 1)

    def bad(self, where: Position, message: str, *, fatal: bool = False,
            help: str | None = None) -> None:
        self.out.append(diag("SMM007", message, where, help=help))
        if fatal:
            self.fatal.append(f"{where.file}:{where.line}:{where.column}: {message}")

    def convert(self, node: Any, path: Path_) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise YamlError("mkdocs.yml expands to too many values (aliases?)", 0, 0)
        self.pos.setdefault(path, self.at(path, node))
        tag = node.tag
        if tag == "!ENV":
            return self.env(node, path)
        if tag == "!relative":
            return Relative(str(node.value)) if isinstance(node, yaml.ScalarNode) else None
        if tag.startswith(_NAME_TAG):
            name = tag[len(_NAME_TAG):]
            if name in NAMED_FUNCTIONS:
                return PythonName(name)
            self.bad(self.pos[path], f"!!python/name:{name} is refused: smmplan reads only "
                     "the fence, emoji and slug functions of pymdownx, Material and Markdown",
                     help="remove the tag; nothing it names is run")
            return None
        if not tag.startswith(_STANDARD) or tag.startswith(_STANDARD + "python/"):
            shown = "!!" + tag[len(_STANDARD):] if tag.startswith(_STANDARD) else tag
            self.bad(self.pos[path], f"the tag {shown} is refused: smmplan reads mkdocs.yml with a "
                     "safe loader and runs nothing a tag names",
                     help="remove the tag (allowed: !ENV, !relative, !!python/name: of "
                          "markdown., pymdownx. and material. names)")
            return None
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            self._safe.flatten_mapping(node)
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self._safe.construct_object(key_node) if isinstance(
                    key_node, yaml.ScalarNode) and key_node.tag.startswith(_STANDARD) and \
                    "python/" not in key_node.tag else None
                if not isinstance(key, (str, int, float, bool)) or key is None:
                    self.bad(self.at(path, key_node), "a key must be a plain word")
                    continue
                sub = (*path, str(key))
                self.pos[sub] = self.at(sub, key_node)
                out[str(key) if not isinstance(key, (int, bool)) else key] = self.convert(
                    value_node, sub)
            return out
        try:
            return self._safe.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError):
            self.bad(self.pos[path], f"{node.value!r} cannot be read as {tag}")
            return None

    def env(self, node: Any, path: Path_) -> Any:
        """``!ENV NAME`` / ``!ENV [NAME, OTHER, default]``, as pyyaml-env-tag reads it."""
        items = [node] if isinstance(node, yaml.ScalarNode) else list(node.value)
        if not items or not all(isinstance(i, yaml.ScalarNode) for i in items):
            self.bad(self.pos[path], "!ENV takes a name or a list of names and a default")
            return None
        default = self._scalar(items[-1].value) if len(items) > 1 else None
        names = [str(i.value) for i in (items[:-1] if len(items) > 1 else items)]
        if not path or path[0] not in ENV_KEYS or len(path) != 1:
            self.bad(self.pos[path], f"!ENV is not read in {_dotted(path)}: the value of "
                     f"{names[0]} would be shown on the site's pages; the default is used",
                     help=f"write the value itself; !ENV is read only in "
                          f"{', '.join(sorted(ENV_KEYS))}")
            return default
        for name in names:
            if name in os.environ:
                return self._scalar(os.environ[name])
        return default

    def _scalar(self, text: str) -> Any:
        resolved = self._safe.resolve(yaml.ScalarNode, text, (True, False))
        return self._safe.construct_object(yaml.ScalarNode(tag=resolved, value=text))


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """mkdocs' INHERIT merge: mappings merge key by key, anything else the child replaces."""
    out = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _dotted(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the top level"


# --- handing the data to mkdocs -----------------------------------------------------------------

def _usable(site: SiteConfig) -> None:
    """Raise :class:`SiteConfigError` when no build may use ``site``."""
    if not site.parsed:
        raise SiteConfigError("\n  ".join(site.fatal + tuple(
            f"{d.file}:{d.line}:{d.column}: {d.message}" for d in site.diagnostics)))
    if site.fatal:
        raise SiteConfigError("mkdocs.yml is refused:\n  " + "\n  ".join(site.fatal))


def mkdocs_config(root: Path, site: SiteConfig, **overrides: Any) -> Any:
    """An mkdocs ``MkDocsConfig`` built from ``site.data`` (mkdocs never reads the YAML).

    Raises :class:`SiteConfigError` when the configuration may not or cannot be used.
    """
    from mkdocs.config.defaults import MkDocsConfig

    _usable(site)
    config = MkDocsConfig(config_file_path=str(root / CONFIG))
    try:
        data = _resolve(site.data, config)
    except (ImportError, AttributeError) as exc:
        raise SiteConfigError(f"mkdocs.yml: {exc}") from None
    config.load_dict(data)
    config.load_dict({k: v for k, v in overrides.items() if v is not None})
    errors, warnings = config.validate()
    for name, warning in warnings:
        log.warning(f"Config value '{name}': {warning}")
    if errors:
        raise SiteConfigError("mkdocs.yml: " + "; ".join(f"{n}: {e}" for n, e in errors))
    if config.strict and warnings:
        raise SiteConfigError(f"mkdocs.yml: {len(warnings)} configuration warnings in strict "
                              "mode")
    return config


def _resolve(value: Any, config: Any) -> Any:
    from mkdocs.utils.yaml import (
        ConfigDirPlaceholder,
        DocsDirPlaceholder,
        RelativeDirPlaceholder,
    )

    if isinstance(value, dict):
        return {k: _resolve(v, config) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, config) for v in value]
    if isinstance(value, PythonName):
        return value.resolve()
    if isinstance(value, Relative):
        prefix, _, suffix = value.value.partition("/")
        if prefix == "$config_dir":
            return ConfigDirPlaceholder(config, suffix)
        if prefix == "$docs_dir":
            return DocsDirPlaceholder(config, suffix)
        return RelativeDirPlaceholder(config, value.value)
    return value


def plain_config(root: Path, site: SiteConfig) -> dict[str, Any]:
    """``site.data`` as plain YAML data, for an engine that reads mkdocs.yml itself (Zensical):
    a Python name becomes its dotted string, which Zensical imports as it does from its own
    TOML; ``!relative $config_dir/…`` and ``$docs_dir/…`` become absolute paths in the plan.

    Raises :class:`SiteConfigError` as :func:`mkdocs_config` does, and for a page-relative
    ``!relative``, which only mkdocs can resolve.
    """
    _usable(site)
    docs = root / site.docs_dir

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, PythonName):
            return value.name
        if isinstance(value, Relative):
            prefix, _, suffix = value.value.partition("/")
            if prefix not in ("$config_dir", "$docs_dir"):
                raise SiteConfigError(f"mkdocs.yml: !relative {value.value} is relative to the "
                                      "page, which only mkdocs resolves; name $config_dir/ or "
                                      "$docs_dir/ instead")
            return str((root if prefix == "$config_dir" else docs) / suffix)
        return value

    return plain(dict(site.data))
