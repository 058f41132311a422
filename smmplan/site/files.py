"""The site's files, engine-neutral: generated pages, the navigation, feeds, schemas, styles,
the editor, and which of the plan's own files join them.

    site = site_files(result, feeds, root=root, docs_dir="content")
    site.pages["posts/kopi.md"]           # Markdown with the plan's values in HTML blocks,
                                          # rendered on each read (see RenderedOnRead)
    site.files["calendars/all.ics"]       # every other generated file, as bytes
    site.left_out("posts/kopi.md")        # True: a plan file the site does not publish
    site.nav_config()                     # mkdocs' (and Zensical's) ``nav:`` list
    site.write(Path("out"))               # ``smmplan pages --output out``

Both engine adapters take the plan's own files through :meth:`SiteFiles.left_out`, so the
publish policy (:mod:`smmplan.publish`) and the editor's own addresses apply to either.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..check import CheckResult
from ..cms import admin
from ..files import ignored
from ..pages import NavItem, PageMaker, navigation, page_makers, source_path
from ..pages.feeds import describe_feeds
from ..pages.schemas import schema_files
from ..publish import SOURCES, publish_policy

ASSET_DIR = "assets/smmplan"
ASSETS = ("smmplan.css",)
#: The site paths of smmplan's stylesheets, for ``extra_css``.
STYLES = tuple(f"{ASSET_DIR}/{name}" for name in ASSETS)
#: The navigation file ``smmplan pages`` writes beside the pages.
NAV_FILE = "nav.yml"


class RenderedOnRead(Mapping[str, str]):
    """Source path -> page text, each page rendered when it is read and never kept.

    An engine reads a page once, as it builds it; holding every page of a 20,000-post plan from
    the start of the build to its end would cost more memory than all the rest of the build.
    """

    def __init__(self, makers: Mapping[str, PageMaker]) -> None:
        self._makers = makers

    def __getitem__(self, src: str) -> str:
        return self._makers[src]()

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    def __contains__(self, src: object) -> bool:
        return src in self._makers  # without rendering the page, as Mapping's would


@dataclass(frozen=True)
class SiteFiles:
    pages: Mapping[str, str]
    """Markdown source path (``posts/kopi.md``) -> page text (:class:`RenderedOnRead`)."""
    nav: tuple[NavItem, ...]
    files: Mapping[str, bytes]
    """Site path -> bytes of every other file: feeds, schemas, the stylesheet, the editor."""
    excluded: frozenset[str] = frozenset()
    """Paths under docs_dir (``/``-separated) that are never published: the post and campaign
    sources, what the publish policy refuses, and the editor's own addresses; names starting
    with ``.`` or ``_`` never are either."""

    def left_out(self, src: str) -> bool:
        """Whether the plan's own file ``src`` (relative to docs_dir) stays out of the site."""
        if src in self.pages or src in self.files or src in self.excluded:
            return True
        # names starting with . or _ are no part of the site (SPEC §1): caption templates
        return any(ignored(part) for part in src.split("/")) or any(
            src.startswith(e + "/") for e in self.excluded)

    def nav_config(self, own_pages: list[str] | None = None, *, escape: bool = True
                   ) -> list[Any]:
        """The ``nav:`` list of mkdocs.yml, the plan's own pages last.

        ``escape`` HTML-escapes the titles, for themes that print them as HTML unescaped
        (mkdocs-material and Zensical do).
        """

        def entry(item: NavItem) -> dict[str, Any]:
            title = html.escape(item.title, quote=True) if escape else item.title
            if item.children:
                return {title: [entry(child) for child in item.children]}
            assert item.address is not None
            return {title: source_path(item.address)}

        return [*(entry(item) for item in self.nav), *(own_pages or [])]

    def write(self, out: Path) -> int:
        """Write every page and file under ``out``, plus :data:`NAV_FILE`; return the count."""
        for path, text in self.pages.items():
            _write(out / path, text.encode("utf-8"))
        for path, data in self.files.items():
            _write(out / path, data)
        nav = yaml.safe_dump({"nav": self.nav_config(escape=False)}, allow_unicode=True,
                             sort_keys=False)
        _write(out / NAV_FILE, nav.encode("utf-8"))
        return len(self.pages) + len(self.files) + 1


def site_files(result: CheckResult, feeds: Mapping[str, bytes], *, root: Path | None = None,
               docs_dir: str | None = None, directory_urls: bool = True,
               cms_assets: Path | None = None) -> SiteFiles:
    """The site of a checked plan; ``feeds`` as rendered by :func:`smmplan.ical.render_feeds`.

    With the plan's ``root`` and its ``docs_dir`` (relative to it), the plan's own files are
    judged too (:attr:`SiteFiles.excluded`) and, when ``docs_dir`` holds the editor's
    configuration, the /admin/ page joins the files (``cms_assets``: the folder holding the
    pinned CMS release; raises :class:`smmplan.cms.admin.AssetError` when it does not).
    """
    pages = page_makers(result, feeds=describe_feeds(result.plan), directory_urls=directory_urls)
    files: dict[str, bytes] = {}
    for name in ASSETS:
        files[f"{ASSET_DIR}/{name}"] = resources.files("smmplan").joinpath(
            "assets", name).read_bytes()
    files.update(sorted(feeds.items()))
    schemas = schema_files()
    files.update((p, t.encode("utf-8")) for p, t in schemas.items())
    excluded: set[str] = set()
    if root is not None and docs_dir is not None:
        docs = (root / docs_dir).resolve()
        for folder in SOURCES:
            src = os.path.relpath((root / folder).resolve(), docs).replace(os.sep, "/")
            if not src.startswith(".."):
                excluded.add(src)
        excluded |= publish_policy(root, docs_dir, set(feeds) | set(schemas)).excluded
        if (docs / admin.CONFIG).is_file() and admin.CONFIG not in excluded:
            excluded |= {f"{admin.FOLDER}/{name}" for name in admin.OWN}
            excluded.add(f"{admin.FOLDER}/{admin.ASSET_FOLDER}")
            files.update(admin.site_files(result.plan, cms_assets))
    return SiteFiles(RenderedOnRead({source_path(a): make for a, make in pages.items()}),
                     tuple(navigation(result)), files, frozenset(excluded))


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
