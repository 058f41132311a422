"""The Zensical adapter: the site's files and a config smmplan wrote, built by ``zensical``.

Zensical runs no mkdocs plugin, so the pages are generated first (:mod:`.files`) into a project
folder of their own beside the target: ``docs/`` holds the plan's own pages (its docs_dir
without the post and campaign sources) plus every generated page and file, ``mkdocs.yml`` is
the plan's config read as data (:mod:`.config`) with the generated navigation, the plan's
language, smmplan's stylesheet and no plugins but search. The built site is swapped in whole.
"""

from __future__ import annotations

import html
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .config import ConfigError, read_config

__all__ = ["ConfigError", "ZensicalError", "build", "read_config", "site_dir_of"]
from .files import SiteFiles

#: The release smmplan is tested with (pyproject.toml pins it).
VERSION = "0.0.73"
SOURCE_FOLDERS = ("content/posts", "content/campaigns")


class ZensicalError(Exception):
    """Zensical could not build the site; the message says why."""


def site_dir_of(root: Path) -> Path:
    """mkdocs.yml's ``site_dir`` (default ``site``), relative to the plan."""
    try:
        config = read_config(root / "mkdocs.yml")
    except ConfigError as e:
        raise ZensicalError(f"mkdocs.yml: {e}") from None
    return Path(str(config.get("site_dir") or "site"))


def build(root: Path, site: SiteFiles, project: Path, *, language: str, strict: bool,
          epoch: int) -> Path:
    """Write the Zensical project into the empty folder ``project``, build it and return the
    folder holding the built site (inside ``project``)."""
    if importlib.util.find_spec("zensical") is None:
        raise ZensicalError("Zensical is not installed: pip install 'smmplan[zensical]' "
                            f"(smmplan is tested with zensical {VERSION})")
    try:
        config = read_config(root / "mkdocs.yml")
    except ConfigError as e:
        raise ZensicalError(f"mkdocs.yml: {e}") from None
    docs = project / "docs"
    own = _copy_own_pages(root / str(config.get("docs_dir") or "docs"), root, docs, site)
    site.write(docs)
    (docs / "nav.yml").unlink()
    generated = _config(config, root, site, own, language)
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(generated, allow_unicode=True, sort_keys=False), encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    command = [sys.executable, "-m", "zensical", "build", "-f", str(project / "mkdocs.yml")]
    if strict:
        command.append("--strict")
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise ZensicalError("zensical: " + ("\n".join(lines[-20:]) or f"exit {done.returncode}"))
    out = project / "site"
    shutil.rmtree(out / ".cache", ignore_errors=True)
    return out


def _config(plan: dict[str, Any], root: Path, site: SiteFiles, own: list[str], language: str
            ) -> dict[str, Any]:
    config = dict(plan)
    config.pop("hooks", None)  # Python files: code, never run on a plan's say-so
    # Zensical prints site_name and nav titles unescaped in places (as mkdocs themes do)
    config["site_name"] = html.escape(str(plan.get("site_name") or ""), quote=True)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    theme = plan.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    theme["language"] = language
    # The default font would be fetched from Google on every page view: a network request.
    if theme.get("font") in (None, {"text": "Roboto"}) or (
            isinstance(theme.get("font"), dict) and theme["font"].get("text") == "Roboto"):
        theme["font"] = False
    if theme.get("custom_dir"):
        custom = (root / str(theme["custom_dir"])).resolve()
        if not custom.is_relative_to(root.resolve()):
            raise ZensicalError(f"mkdocs.yml: theme.custom_dir {theme['custom_dir']} is outside "
                                "the plan; keep template overrides inside it")
        theme["custom_dir"] = str(custom)
    config["theme"] = theme
    search = [p for p in plan.get("plugins") or [] if p == "search" or (
        isinstance(p, dict) and "search" in p)]
    config["plugins"] = search or ["search"]
    config["extra_css"] = [*(plan.get("extra_css") or []), *site.css]
    if not plan.get("nav"):
        config["nav"] = site.nav_config(own)
    return config


def _copy_own_pages(docs_dir: Path, root: Path, out: Path, site: SiteFiles) -> list[str]:
    """Copy the plan's docs_dir into ``out`` without the post and campaign sources and the
    files the site generates; return its Markdown pages, for the end of the navigation."""
    sources = [(root / f).resolve() for f in SOURCE_FOLDERS]
    own: list[str] = []
    out.mkdir(parents=True)
    if not docs_dir.is_dir():
        return own
    for dirpath, dirnames, filenames in os.walk(docs_dir):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and (here / d).resolve() not in sources)
        for name in sorted(filenames):
            rel = (here / name).relative_to(docs_dir).as_posix()
            if name.startswith(".") or rel in site.pages or rel in site.files or (
                    here / name).is_symlink():
                continue
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(here / name, out / rel)
            if rel.endswith(".md"):
                own.append(rel)
    return own
