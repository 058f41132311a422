"""The site's files, engine-neutral: generated pages, the navigation, feeds, schemas, styles.

    files = site_files(result, feeds)
    files.pages["posts/kopi.md"]          # Markdown with the plan's values in HTML blocks
    files.nav_config()                    # mkdocs' (and Zensical's) ``nav:`` list
    files.write(Path("out"))              # ``smmplan pages --output out``
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..check import CheckResult
from ..pages import NavItem, navigation, render_pages, source_path
from ..pages.feeds import describe_feeds
from ..pages.schemas import schema_files

ASSET_DIR = "assets/smmplan"
ASSETS = ("smmplan.css",)
#: The navigation file ``smmplan pages`` writes beside the pages.
NAV_FILE = "nav.yml"


@dataclass(frozen=True)
class SiteFiles:
    pages: Mapping[str, str]
    """Markdown source path (``posts/kopi.md``) -> page text."""
    nav: tuple[NavItem, ...]
    files: Mapping[str, bytes]
    """Site path -> bytes of every other file: feeds, schemas, the stylesheet."""

    @property
    def css(self) -> list[str]:
        return [f"{ASSET_DIR}/{name}" for name in ASSETS]

    def nav_config(self, own_pages: list[str] | None = None, *, escape: bool = True
                   ) -> list[Any]:
        """The ``nav:`` list of mkdocs.yml, the plan's own pages last.

        ``escape`` HTML-escapes the titles, for themes that print them as HTML unescaped
        (mkdocs-material does).
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


def site_files(result: CheckResult, feeds: Mapping[str, bytes], *,
               directory_urls: bool = True) -> SiteFiles:
    """The site of a checked plan; ``feeds`` as rendered by :func:`smmplan.ical.render_feeds`."""
    pages = render_pages(result, feeds=describe_feeds(result.plan),
                         directory_urls=directory_urls)
    files: dict[str, bytes] = {}
    for name in ASSETS:
        files[f"{ASSET_DIR}/{name}"] = resources.files("smmplan").joinpath(
            "assets", name).read_bytes()
    files.update(sorted(feeds.items()))
    files.update((p, t.encode("utf-8")) for p, t in schema_files().items())
    return SiteFiles({source_path(a): text for a, text in pages.items()},
                     tuple(navigation(result)), files)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
