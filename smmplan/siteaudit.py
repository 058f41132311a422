"""What mkdocs.yml asks the build to do, judged: paths kept inside the plan, code and script named.

:func:`judge` reads the data :mod:`smmplan.siteconfig` loaded and reports through it:

* SMM007 (and no build at all, whatever the plan's levels) for ``docs_dir``, ``site_dir``,
  ``theme.custom_dir``, ``hooks``, ``extra_javascript``, ``extra_css``, ``INHERIT`` and snippet
  folders that leave the plan or reach into ``.git``, and for unsafe nav links;
* SMM010 (a warning, at its position) for what runs code at build time (hooks, plugins other
  than search, smmplan and Material's own, Markdown extensions from other packages) or adds
  script to every page (``extra_javascript``, theme overrides, analytics).
"""

from __future__ import annotations

import posixpath
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from .diagnostics import Diagnostic, diag
from .files import inside
from .model import Position

CONFIG = "mkdocs.yml"
SAFE_PLUGINS = frozenset({"search", "smmplan"})
#: Python-Markdown's own extensions, by their short names.
MARKDOWN_BUILTIN = frozenset({
    "abbr", "admonition", "attr_list", "codehilite", "def_list", "extra", "fenced_code",
    "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists",
    "smarty", "tables", "toc", "wikilinks",
})

Path_ = tuple[str | int, ...]


class Report(Protocol):
    """Where :func:`judge` finds positions and puts what it finds."""

    pos: dict[Path_, Position]
    out: list[Diagnostic]

    def bad(self, where: Position, message: str, *, fatal: bool = False,
            help: str | None = None) -> None: ...


def inside_plan(root: Path, path: Path) -> bool:
    """Whether ``path`` (links followed) is inside the plan and outside its ``.git``."""
    if not inside(root, path):
        return False
    resolved = path.resolve()
    git = (root / ".git").resolve()
    return not (resolved == git or resolved.is_relative_to(git))


def _scheme(url: str) -> str | None:
    """The URL's scheme as a browser reads it (it ignores spaces and controls), ``//`` for a
    protocol-relative URL, ``""`` for a path, None when it cannot be read."""
    cleaned = "".join(ch for ch in url if ch > " " and ch != "\x7f")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return None
    return "//" if not scheme and cleaned.startswith("//") else scheme


def _has_scheme(url: str) -> bool:
    return _scheme(url) != ""


def _safe_remote(url: str) -> bool:
    return _scheme(url) in ("http", "https", "//")


def judge(root: Path, data: dict[str, Any], r: Report) -> None:
    def where(*path: str | int) -> Position:
        for n in range(len(path), 0, -1):
            if path[:n] in r.pos:
                return r.pos[path[:n]]
        return Position(CONFIG)

    def warn(path: Path_, message: str) -> None:
        r.out.append(diag("SMM010", message, where(*path),
                          help="review what it runs; CODEOWNERS should route mkdocs.yml to the "
                               "plan's managers"))

    def folder(path: Path_, value: object, what: str) -> None:
        if value is None:
            return
        if not isinstance(value, str) or not inside_plan(root, root / value):
            r.bad(where(*path), f"{what} must be a folder inside the plan, outside .git "
                  f"(found {value!r})", fatal=True)

    docs = data.get("docs_dir", "docs")
    folder(("docs_dir",), docs, "docs_dir")
    if isinstance(docs, str) and (root / docs).resolve() == root.resolve():
        r.bad(where("docs_dir"), "docs_dir must be a folder below the plan, not the plan "
              "itself (it would publish every file of it)", fatal=True)
    folder(("site_dir",), data.get("site_dir"), "site_dir")
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir") is not None:
        folder(("theme", "custom_dir"), theme.get("custom_dir"), "theme.custom_dir")
        warn(("theme", "custom_dir"), "theme.custom_dir overrides the theme's templates: they "
             "can add script to every page")
    templates = data.get("extra_templates")
    if templates:
        # mkdocs renders them with a plain Jinja2 Template, not a sandbox: any Python runs
        r.bad(where("extra_templates"), "extra_templates is refused: mkdocs renders them with "
              "unsandboxed Jinja2, so a template runs any Python code at build time", fatal=True)
    hooks = data.get("hooks")
    for i, hook in enumerate(hooks if isinstance(hooks, list) else [] if hooks is None
                             else [hooks]):
        if not isinstance(hook, str) or _has_scheme(hook) or not inside_plan(root, root / hook):
            r.bad(where("hooks", i), f"a hook must be a Python file inside the plan, outside "
                  f".git (found {hook!r})", fatal=True)
        warn(("hooks", i), f"the hook {hook} runs Python code at every build")
    _site_files(data, r, where, warn)
    _plugins(data.get("plugins"), where, warn)
    _extensions(root, data.get("markdown_extensions"), r, where, warn)
    extra = data.get("extra")
    if isinstance(extra, dict) and extra.get("analytics"):
        warn(("extra", "analytics"), "extra.analytics adds an analytics script to every page")
    _nav_links(data.get("nav"), ("nav",), r, where)


def _site_files(data: dict[str, Any], r: Report, where: Any, warn: Any) -> None:
    for key in ("extra_javascript", "extra_css"):
        items = data.get(key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            path = item.get("path") if isinstance(item, dict) else item
            if not isinstance(path, str):
                r.bad(where(key, i), f"{key} entries are paths or URLs", fatal=True)
                continue
            if _has_scheme(path):
                if not _safe_remote(path):
                    r.bad(where(key, i), f"{key} may hold https URLs and paths inside the site "
                          f"only (found {path!r})", fatal=True)
            elif posixpath.normpath("/" + path.replace("\\", "/")).startswith("/.git") or \
                    posixpath.normpath(path.replace("\\", "/")).startswith(".."):
                r.bad(where(key, i), f"{key} must name a file inside the site (found {path!r})",
                      fatal=True)
            if key == "extra_javascript":
                warn((key, i), f"extra_javascript adds the script {path} to every page")


def _entries(value: object) -> list[tuple[int | str, str, object]]:
    """Plugins or extensions as (index or key, name, options), list or mapping form."""
    if isinstance(value, dict):
        return [(k, str(k), v) for k, v in value.items()]
    out: list[tuple[int | str, str, object]] = []
    for i, item in enumerate(value if isinstance(value, list) else []):
        if isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            out.append((i, str(name), options))
        elif isinstance(item, str):
            out.append((i, item, None))
    return out


def _material_plugin(name: str) -> bool:
    if name.startswith("material/"):
        return True
    try:
        found = metadata.entry_points(group="mkdocs.plugins", name=name)
    except Exception:  # a broken distribution's metadata must not stop the check
        return False
    return any(ep.value.startswith("material.") for ep in found)


def _plugins(value: object, where: Any, warn: Any) -> None:
    for key, name, _ in _entries(value):
        if name not in SAFE_PLUGINS and not _material_plugin(name):
            warn(("plugins", key), f"the plugin {name} runs its code at every build")


def _extensions(root: Path, value: object, r: Report, where: Any, warn: Any) -> None:
    for key, name, options in _entries(value):
        if name in MARKDOWN_BUILTIN or name.startswith(("markdown.extensions.", "pymdownx.",
                                                        "material.")):
            pass
        else:
            warn(("markdown_extensions", key), f"the Markdown extension {name} runs code from "
                 "another package at every build")
        if name == "pymdownx.snippets":
            _snippets(root, options, r, where("markdown_extensions", key))


def _snippets(root: Path, options: object, r: Report, at: Position) -> None:
    """pymdownx.snippets pastes files into pages: from the plan's root it would reach .git."""
    base = options.get("base_path") if isinstance(options, dict) else None
    paths = base if isinstance(base, list) else [base]
    for path in paths:
        if not isinstance(path, str) or not inside_plan(root, root / path) or \
                (root / path).resolve() == root.resolve():
            r.bad(at, "pymdownx.snippets needs base_path: folders inside the plan, below its "
                  f"top and outside .git (found {path!r}); else a page could include .git "
                  "files", fatal=True)
    if isinstance(options, dict) and options.get("url_download"):
        r.bad(at, "pymdownx.snippets url_download is refused: a build may not fetch from "
              "the network", fatal=True)
    if isinstance(options, dict) and options.get("restrict_base_path") is False:
        r.bad(at, "pymdownx.snippets restrict_base_path: false is refused: a page could "
              "include any file, .git's included", fatal=True)
    if isinstance(options, dict) and (options.get("auto_append") or options.get("auto_prepend")):
        r.bad(at, "pymdownx.snippets auto_append is refused: it adds a file's raw HTML to every "
              "generated page, past the sanitiser", fatal=True)


def _nav_links(value: object, path: Path_, r: Report, where: Any) -> None:
    if isinstance(value, list):
        for i, item in enumerate(value):
            _nav_links(item, (*path, i), r, where)
    elif isinstance(value, dict):
        for key, item in value.items():
            _nav_links(item, (*path, str(key)), r, where)
    elif isinstance(value, str) and _has_scheme(value) and not _safe_link(value):
        r.bad(where(*path), f"the nav link {value!r} is refused: only http(s) and mailto links")


def _safe_link(url: str) -> bool:
    return _scheme(url) in ("", "http", "https", "mailto")
