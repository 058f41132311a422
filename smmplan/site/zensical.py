"""The Zensical adapter: the site's files and a config smmplan wrote, built by ``zensical``.

Zensical runs no mkdocs plugin, so smmplan prepares a project folder of its own first:

* ``docs/`` holds every generated page and file (:mod:`.files`) and the plan's own files that
  the site publishes (the same :meth:`~.files.SiteFiles.left_out` decision as with mkdocs);
  the own pages' front matter and titles are escaped here (:mod:`.sanitise`);
* ``mkdocs.yml`` is the plan's config read safely by :mod:`smmplan.siteconfig` (Zensical's own
  loader would build any Python object a tag names), its printed text sanitised, with the
  generated navigation, the plan's language, smmplan's stylesheet, no plugins but search, and
  :mod:`.inert` last among the Markdown extensions: it sanitises the own pages' HTML and table
  of contents, as the mkdocs plugin does, before Zensical renders or indexes them.

What Zensical would import by name from plain strings (fence formats, emoji generators,
slugify functions) must name the packages a ``!!python/name:`` may name, else the build is
refused: otherwise a pull request's mkdocs.yml could name any function to call.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.meta import get_data

from ..files import ignored, read_text
from ..publish import PAGE_SUFFIXES
from ..siteaudit import MARKDOWN_BUILTIN
from ..siteconfig import NAMED_FUNCTIONS, SiteConfigError, plain_config, read_site_config
from .files import STYLES, SiteFiles
from .inert import marker
from .sanitise import escaped, page_meta, sanitise_settings

#: The release smmplan is tested with (pyproject.toml pins it).
VERSION = "0.0.73"
#: Option keys whose string values Zensical imports (see zensical/config.py ``_resolve_*``).
_RESOLVED = frozenset({"format", "validator", "object", "emoji_generator", "emoji_index",
                       "slugify"})
#: The settings handed to Zensical; any other (``watch``, ``extra_templates``, ``hooks``,
#: ``exclude_docs``, plugins' own) is left out, so nothing unreviewed steers the engine.
SETTINGS = ("site_name", "site_url", "site_description", "site_author", "copyright",
            "repo_url", "repo_name", "edit_uri", "theme", "extra", "extra_css",
            "extra_javascript", "markdown_extensions", "nav", "use_directory_urls",
            "docs_dir", "strict", "not_in_nav", "validation")
#: Markdown extensions Zensical may load: Python-Markdown's own, pymdownx's and the emoji of
#: Material. Zensical maps ``material.extensions.*`` to its own extensions, among them macros
#: (unsandboxed Jinja2) and include_markdown (reads any file): those are refused.
def _allowed_extension(name: str) -> bool:
    bare = name.removeprefix("markdown.extensions.")
    return bare in MARKDOWN_BUILTIN or name.startswith("pymdownx.") or name in (
        "material.extensions.emoji", "zensical.extensions.emoji", "smmplan.site.inert")




class ZensicalError(Exception):
    """Zensical could not build the site; the message says why."""


def settings(root: Path) -> dict[str, Any]:
    """mkdocs.yml as data (:func:`smmplan.siteconfig.plain_config`); :class:`ZensicalError`."""
    try:
        return plain_config(root, read_site_config(root))
    except SiteConfigError as e:
        raise ZensicalError(str(e)) from None


def cms_assets(plan: dict[str, Any]) -> str | None:
    """The smmplan plugin's ``cms_assets`` option, which Zensical itself never reads."""
    for entry in plan.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("smmplan"), dict):
            value = entry["smmplan"].get("cms_assets")
            return str(value) if value else None
    return None


def build(root: Path, plan: dict[str, Any], site: SiteFiles, project: Path, *,
          language: str, strict: bool, epoch: int) -> None:
    """Write the Zensical project into the empty folder ``project`` and build it into its
    ``site/`` folder (Zensical builds only inside its project)."""
    if importlib.util.find_spec("zensical") is None:
        raise ZensicalError("Zensical is not installed: pip install 'smmplan[zensical]' "
                            f"(smmplan is tested with zensical {VERSION})")
    nonce = secrets.token_hex(16)  # never published: the marker leaves every page
    docs = project / "docs"
    own = _copy_own_files(root / str(plan.get("docs_dir") or "docs"), root, docs, site)
    for path, text in site.pages.items():
        _write(docs / path, _marked(text, nonce).encode("utf-8"))
    for path, data in site.files.items():
        _write(docs / path, data)
    config = _config(plan, root, site, own, language, nonce)
    config["site_dir"] = "site"
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    command = [sys.executable, "-m", "zensical", "build", "-f", str(project / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise ZensicalError("zensical: " + ("\n".join(lines[-20:]) or f"exit {done.returncode}"))
    shutil.rmtree(project / "site" / ".cache", ignore_errors=True)


def _marked(text: str, nonce: str) -> str:
    """A generated page with the marker that lets it pass :mod:`.inert` untouched."""
    head, sep, body = text.partition("\n---\n")
    if text.startswith("---\n") and sep:
        return f"{head}{sep}{marker(nonce)}\n\n{body}"
    return f"{marker(nonce)}\n\n{text}"


def _config(plan: dict[str, Any], root: Path, site: SiteFiles, own: list[str], language: str,
            nonce: str) -> dict[str, Any]:
    config = {k: plan[k] for k in SETTINGS if k in plan}
    config["docs_dir"] = "docs"
    theme = plan.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    theme["language"] = language
    # The default font would be fetched from Google on every page view: a network request.
    font = theme.get("font")
    if font is None or (isinstance(font, dict) and font.get("text") == "Roboto"):
        theme["font"] = False
    if theme.get("custom_dir"):  # siteconfig keeps it inside the plan
        custom = (root / str(theme["custom_dir"])).resolve()
        if (custom / "mkdocs_theme.yml").exists():
            # Zensical reads it with YAML's full loader: a Python tag there would run
            raise ZensicalError(f"mkdocs.yml: theme.custom_dir {theme['custom_dir']} holds "
                                "mkdocs_theme.yml, which Zensical would load unsafely; move "
                                "its settings into mkdocs.yml's theme")
        theme["custom_dir"] = str(custom)
    config["theme"] = theme
    sanitise_settings(config, theme)
    search = [p for p in plan.get("plugins") or [] if p == "search" or (
        isinstance(p, dict) and "search" in p)]
    config["plugins"] = search or ["search"]
    config["extra_css"] = [*(plan.get("extra_css") or []), *STYLES]
    config["markdown_extensions"] = [*_extensions(plan.get("markdown_extensions"), root),
                                     {"smmplan.site.inert": {"nonce": nonce}}]
    if not config.get("nav"):
        config["nav"] = site.nav_config(own)
    return config


def _extensions(value: Any, root: Path) -> list[Any]:
    """The plan's Markdown extensions as a list (Zensical's defaults when it names none),
    each one :func:`_allowed_extension`, every function named one of
    :data:`~smmplan.siteconfig.NAMED_FUNCTIONS`, snippets' folders made absolute."""
    if value is None:
        from zensical.config import DEFAULT_MARKDOWN_EXTENSIONS

        value = {name: _named(options) for name, options in DEFAULT_MARKDOWN_EXTENSIONS.items()}
    if isinstance(value, dict):
        value = [{name: options} if options else name for name, options in value.items()]
    if not isinstance(value, list):
        raise ZensicalError("mkdocs.yml: markdown_extensions must be a list")
    out: list[Any] = []
    for entry in value:
        if isinstance(entry, dict) and len(entry) != 1:
            raise ZensicalError("mkdocs.yml: each markdown_extensions entry is a name, or one "
                                f"name with its options (found {sorted(map(str, entry))})")
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if not isinstance(name, str) or not _allowed_extension(name):
            raise ZensicalError(
                f"mkdocs.yml: markdown_extensions {name}: Zensical would run this extension's "
                "code (macros and include_markdown among them); smmplan builds with Zensical "
                "only Python-Markdown's, pymdownx's and Material's emoji extensions")
        _check_names(name, options)
        if name == "pymdownx.snippets" and isinstance(options, dict):
            # Zensical runs inside smmplan's project, where relative folders would reach the
            # generated pages; siteaudit judged them against the plan
            base = options.get("base_path", ".")
            paths = base if isinstance(base, list) else [base]
            options = {**options, "base_path": [str(root / str(p)) for p in paths]}
        out.append({name: options} if isinstance(entry, dict) else name)
    return out


def _named(value: Any) -> Any:
    """Zensical's default options with its functions as the dotted names it resolves."""
    if callable(value):
        return f"{value.__module__}.{value.__qualname__}"
    if isinstance(value, dict):
        return {k: _named(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_named(v) for v in value]
    return value


def _check_names(extension: str, value: Any, key: str = "") -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _check_names(extension, v, str(k) if k != "kwds" else "")
    elif isinstance(value, list):
        for v in value:
            _check_names(extension, v, key)
    elif isinstance(value, str) and key in _RESOLVED and value not in NAMED_FUNCTIONS:
        raise ZensicalError(
            f"mkdocs.yml: markdown_extensions {extension}: {key}: {value} is not one of the "
            "fence, emoji and slug functions smmplan lets Zensical import and call")


def _copy_own_files(docs_dir: Path, root: Path, out: Path, site: SiteFiles) -> list[str]:
    """Copy what the site publishes of the plan's docs_dir into ``out``; return its Markdown
    pages, for the end of the navigation."""
    own: list[str] = []
    out.mkdir(parents=True)
    if not docs_dir.is_dir():
        return own
    seen: set[Path] = set()
    for dirpath, dirnames, filenames in os.walk(docs_dir, followlinks=True):
        here = Path(dirpath)
        if here.resolve() in seen:  # a link loop or a folder linked twice
            dirnames[:] = []
            continue
        seen.add(here.resolve())
        base = here.relative_to(docs_dir).as_posix()
        prefix = "" if base == "." else base + "/"
        dirnames[:] = sorted(d for d in dirnames
                             if not ignored(d) and not site.left_out(prefix + d))
        for name in sorted(filenames):
            rel = prefix + name
            if ignored(name) or site.left_out(rel):
                continue
            if name.lower().endswith(PAGE_SUFFIXES):
                text, problem = read_text(root, here / name)
                if text is None:  # the publish policy let it through: it changed meanwhile
                    raise ZensicalError(problem.message if problem else f"cannot read {rel}")
                rel = rel.rsplit(".", 1)[0] + ".md"  # a page, as mkdocs makes it
                _write(out / rel, _own_page(text, rel).encode("utf-8"))
                own.append(rel)
            else:
                _write(out / rel, (here / name).read_bytes())
    return own


def _own_page(text: str, rel: str) -> str:
    """The plan's page (``text`` read as mkdocs reads it: no byte-order mark, LF line ends, so
    Zensical's own front-matter parser finds nothing this one missed) with its front matter
    escaped and its title given outright, since Zensical prints both as HTML unescaped; its
    body is left to :mod:`.inert`. Front matter that does not parse is dropped rather than
    handed on."""
    body, meta = get_data(text)
    if not meta and body.startswith("---\n"):
        end = body.find("\n---\n", 4)
        body = body[end + 5:] if end != -1 else body
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        title = _first_heading(body) or _title_of_name(rel)
    meta = page_meta(meta)
    meta["title"] = escaped(title)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
    return f"---\n{front}---\n\n{body}"


def _first_heading(body: str) -> str | None:
    """The page's first level-one heading, ATX (``# Title``, ``#Title``) or setext."""
    fenced = False
    previous = ""
    for line in body.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and line.startswith("#") and not line.startswith("##"):
            return line[1:].strip().rstrip("#").strip() or None
        elif not fenced and previous.strip() and line.strip() and set(line.strip()) == {"="}:
            return previous.strip()
        previous = "" if fenced else line
    return None


def _title_of_name(rel: str) -> str:
    """mkdocs' title for a page without one (``Page.title``): "Home" for the home page, else
    the file name, capitalised when it is all lower case."""
    if rel in ("index.md", "README.md"):
        return "Home"
    title = rel.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
