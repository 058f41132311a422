"""The mkdocs plugin ``smmplan``: adds the plan's pages, feeds and schemas to an mkdocs build.

A thin adapter over the engine-neutral site (:func:`smmplan.site.files.site_files`: pages,
navigation, feeds, schemas, the editor, and which plan files stay out). Here they only become
mkdocs files; the plan's own pages are sanitised once rendered; the navigation stays small;
``serve`` also watches personas/ and guidelines/.

``mkdocs.yml``::

    plugins: [search, smmplan]
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import zlib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .check import CheckResult, check_plan
from .cms.admin import AssetError
from .pages.html import clean_page
from .site.files import ASSET_DIR, STYLES, site_files
from .site.sanitise import escaped, sanitise_settings

log = logging.getLogger("mkdocs.plugins.smmplan")
_MARKER = re.compile(r"<!--smmplan:(\d+)-->")
_STASHED = "<!--smmplan-->"
_HEADING = re.compile(r"<h[1-6][\s>]")
POST_TEMPLATE = "smmplan-post.html"
"""Material's main.html with the navigation rendered once for all post pages."""

#: Plan folders whose changes rebuild a live preview (``mkdocs serve`` and ``smmplan serve``).
WATCHED = ("content", "personas", "guidelines", "data")


class SmmplanConfig(Config):
    today = c.Optional(c.Type(str))
    """Take this day (YYYY-MM-DD) as today; default: SMMPLAN_TODAY, else today in the plan."""
    cms_assets = c.Optional(c.Type(str))
    """A folder holding the pinned Decap CMS release (its dist/): the /admin/ editor loads the
    CMS from the site instead of a CDN (see smmplan.cms.admin)."""


class SmmplanPlugin(BasePlugin[SmmplanConfig]):
    """Generates the plan site's pages, navigation and feeds inside an mkdocs build."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.result: CheckResult | None = None
        """Set by ``smmplan build`` to the result it already checked; else checked here."""
        self.feeds: dict[str, bytes] | None = None
        """Set by ``smmplan build`` to the feeds it rendered; else rendered here."""
        self.root: Path | None = None
        self.pages: Mapping[str, str] = {}
        """The generated pages by source path, each rendered as mkdocs reads it (see
        :meth:`on_page_read_source`); every other page is the plan's own, and is sanitised
        (see :meth:`on_page_content`)."""
        self.blocks: dict[str, bytes] = {}
        """Generated page -> its HTML blocks, compressed, put back in place of their marker
        after Markdown ran (see :meth:`on_page_content`)."""
        self.generated: frozenset[str] = frozenset()
        """Source paths of the generated pages, kept after the build (:meth:`rebuild_pages`)."""
        self.spool: Path | None = None
        """Where the feeds wait for mkdocs to copy them (see :meth:`on_files`)."""
        self.nav: Any = None
        self.env: Any = None
        self.files: Files | None = None
        """The last build's navigation, theme environment and files, for :meth:`rebuild_pages`."""
        self.deferred: dict[str, list[str]] = {}
        """Generated page -> HTML left out of the search index, put back after the theme
        rendered the page (see :meth:`on_post_page`)."""
        self.late = False
        """Whether generated pages get their HTML only when the theme renders them: when no
        other plugin reads pages' HTML at ``on_page_content`` (see :meth:`on_page_context`)."""
        self.unexpanded: dict[str, str] = {}
        """Generated page -> its content before :meth:`on_page_context` put the HTML in."""

    @event_priority(100)  # before search and theme plugins read the language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        if self.result is None:
            self.result = check_plan(self.root, _today(self.config.today))
            log.info("smmplan: %d posts, %d errors, %d warnings",
                     len(self.result.plan.posts), self.result.errors, self.result.warnings)
        language = self.result.plan.settings.language
        config.theme["language"] = language
        # Material fetches its default font from Google: a network request (and a console error
        # offline) on every page view. Plan sites use the system font unless a font is chosen.
        font = config.theme.get("font")
        if isinstance(font, dict) and font.get("text") == "Roboto":
            config.theme["font"] = False
        sanitise_settings(config, config.theme)  # type: ignore[arg-type]
        theme_dir = str(resources.files("smmplan").joinpath("assets", "theme"))
        if theme_dir not in config.theme.dirs:
            config.theme.dirs.append(theme_dir)  # last: a plan's own overrides come first
        for path in STYLES:
            if path not in config.extra_css:
                config.extra_css.append(path)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.result is not None and self.root is not None
        docs = os.path.relpath(Path(config.docs_dir).resolve(), self.root)
        feeds = self.feeds if self.feeds is not None else _feeds(self.result)
        assets = None if self.config.cms_assets is None else self.root / self.config.cms_assets
        try:
            site = site_files(self.result, feeds, root=self.root, docs_dir=docs,
                              directory_urls=config.use_directory_urls, cms_assets=assets)
        except AssetError as exc:
            raise PluginError(str(exc)) from None
        # the one decision on what of the plan's folder is published (site.left_out), applied
        # whatever level the plan gives its diagnostics
        for f in list(files):
            if site.left_out(f.src_uri):
                files.remove(f)
        self.pages = site.pages
        self.generated = frozenset(site.pages)
        self.blocks = {}
        self.late = all(getattr(hook, "__self__", None) is self
                        for hook in config.plugins.events["page_content"])
        for src in site.pages:
            # post pages are reached from the calendar, never from the nav
            inclusion = (InclusionLevel.NOT_IN_NAV if src.startswith("posts/")
                         else InclusionLevel.UNDEFINED)
            # no text yet: on_page_read_source renders the page when mkdocs reads it
            files.append(File.generated(config, src, content="", inclusion=inclusion))
        # The feeds wait on disk, not in memory (some 60 MB at 20,000 posts): mkdocs copies
        # them like any static file.
        self._drop_spool()
        self.spool = Path(tempfile.mkdtemp(prefix="smmplan-feeds-"))
        for path, data in site.files.items():
            inclusion = (InclusionLevel.NOT_IN_NAV if path.startswith((ASSET_DIR, "admin/"))
                         else InclusionLevel.UNDEFINED)
            if path in feeds:
                (self.spool / path).parent.mkdir(parents=True, exist_ok=True)
                (self.spool / path).write_bytes(data)
                files.append(File(path, str(self.spool), config.site_dir,
                                  config.use_directory_urls, inclusion=inclusion))
            else:
                files.append(File.generated(config, path, content=data, inclusion=inclusion))
        self.feeds = None
        if not config.nav:
            own = sorted(f.src_uri for f in files.documentation_pages()
                         if f.src_uri not in site.pages)
            config.nav = site.nav_config(own)
        return files

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        src = page.file.src_uri
        return self._stash(src, self.pages[src]) if src in self.pages else None

    def _stash(self, src: str, text: str) -> str:
        """Swap the page's HTML blocks for one marker that Markdown passes through untouched.

        The blocks are finished HTML: parsing them again as Markdown would only cost time (most
        of the build, on a plan with thousands of posts) and give the plan's Markdown
        extensions a chance to act on plan text. They wait compressed: mkdocs reads every
        page before it renders the first, and 20,000 post pages are 30 MB of HTML.
        """
        head, sep, body = text.partition("\n---\n")
        if not sep or not all(b.startswith("<") for b in _blocks(body)):
            return text
        self.blocks[src] = zlib.compress(body.encode("utf-8"), 1)
        return f"{head}{sep}\n{_STASHED}\n"

    # First, before any plugin that might tidy HTML comments away: the markers are comments.
    @event_priority(100)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Put back the blocks that search should see; leave the rest to :meth:`on_post_page`.

        Material's search parses every page's HTML: a section it would leave out of the index
        anyway (a page with ``search: exclude``, a heading with ``data-search-exclude``) stays
        a marker until the page is rendered, so the parser never reads it.
        """
        src = page.file.src_uri
        if src not in self.blocks:
            if src in self.pages:
                return html
            _sanitise_page(page)
            return clean_page(html)
        if src.startswith("posts/") and "template" not in page.meta:
            page.meta["template"] = POST_TEMPLATE
        return html if self.late else self._expand(page, html)

    # Before search, which indexes the page's HTML.
    @event_priority(100)
    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig,
                        nav: Any) -> Any:
        """With :attr:`late`, put a generated page's HTML in only now, as the theme renders the
        page; :meth:`on_post_page` takes it out again. mkdocs reads and converts every page
        before it renders the first: the HTML of all pages at once would be most of the build's
        memory."""
        src = page.file.src_uri
        if self.late and src in self.blocks and page.content is not None:
            self.unexpanded[src] = page.content
            page.content = self._expand(page, page.content)
        return context

    def _expand(self, page: Page, html: str) -> str:
        """``html`` with the page's stashed blocks in place of the marker."""
        src = page.file.src_uri
        blocks = _blocks(zlib.decompress(self.blocks.pop(src)).decode("utf-8"))
        excluded = bool((page.meta.get("search") or {}).get("exclude"))
        shown: list[str] = []
        later: list[str] = []
        for run_excluded, run in _runs(blocks, excluded):
            if run_excluded:
                shown.append(f"<!--smmplan:{len(later)}-->")
                later.append("\n".join(run))
            else:
                shown.append("\n".join(run))
        if later:
            self.deferred[src] = later
        return html.replace(_STASHED, "\n".join(shown), 1)

    @event_priority(100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        src = page.file.src_uri
        if src in self.unexpanded:
            page.content = self.unexpanded.pop(src)  # written: the HTML need not stay
        later = self.deferred.pop(src, None)
        if later is None:
            return output
        return _MARKER.sub(lambda m: later[int(m.group(1))], output)

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.nav = nav
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        env.globals["smmplan_fragment"] = _FragmentCache().fragment
        self.env, self.files = env, files
        return env

    def rebuild_pages(self, config: MkDocsConfig, pages: Mapping[str, str]) -> list[str] | None:
        """Render generated pages (source path -> new text) again into the built site, with the
        navigation and theme of the last build; the site paths written. None, with nothing
        written, when one of them is not a page of that build (the pages changed: the whole
        site must be built)."""
        from mkdocs.commands.build import _build_page, _populate_page

        if self.files is None or self.nav is None or self.env is None:
            return None
        found = {src: self.files.get_file_from_path(src) for src in pages}
        if any(f is None or f.page is None or src not in self.generated
               for src, f in found.items()):
            return None
        docs = self.files.documentation_pages()
        written = []
        self.pages = dict(pages)  # what on_page_read_source hands mkdocs
        try:
            for src in pages:
                file = found[src]
                assert file is not None and file.page is not None
                _populate_page(file.page, config, self.files)
                _build_page(file.page, config, docs, self.nav, self.env)
                written.append(file.dest_uri)
        finally:
            self.pages, self.blocks = {}, {}
        return written

    # Before search, which writes its index at the end: the largest allocation of the build.
    @event_priority(100)
    def on_post_build(self, /, *, config: MkDocsConfig) -> None:
        """Every page is written: let go of the page renderers and the plan indexes they share,
        so that the search index is written in the memory they held."""
        self.pages = {}
        self.blocks = {}
        self._drop_spool()

    def on_build_error(self, /, *, error: Exception) -> None:
        self._drop_spool()

    def _drop_spool(self) -> None:
        if self.spool is not None:
            shutil.rmtree(self.spool, ignore_errors=True)
            self.spool = None

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        assert self.root is not None
        for folder in WATCHED:
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server


def _sanitise_page(page: Page) -> None:
    """An ordinary page's front matter and title are plan text that the theme prints raw."""
    page.meta = escaped(page.meta)
    if "title" not in vars(page):  # a title from the nav is escaped already
        title = page.title
        page.title = None if title is None else escaped(title)


def _blocks(body: str) -> list[str]:
    """A generated page's body as its blocks (:func:`smmplan.pages.html.block`)."""
    return [b.strip() for b in body.split("\n\n") if b.strip()]


def _runs(blocks: list[str], page_excluded: bool) -> list[tuple[bool, list[str]]]:
    """``blocks`` in runs of (left out of search?, blocks): a heading opens a section, which
    is left out when the heading says ``data-search-exclude`` (or the whole page is)."""
    out: list[tuple[bool, list[str]]] = []
    excluded = page_excluded
    for b in blocks:
        if not page_excluded and _HEADING.match(b):
            excluded = "data-search-exclude" in b[: b.index(">")]
        if out and out[-1][0] == excluded:
            out[-1][1].append(b)
        else:
            out.append((excluded, [b]))
    return out


class _FragmentCache:
    """Theme fragments that many pages render alike, rendered once (``smmplan_fragment``).

    Thousands of post pages sit outside the navigation at the same depth, with no table of
    contents: their sidebars are the same HTML, and rendering the navigation is a good part of
    Material's time per page. Pages that differ (in the nav, with a toc, hiding a sidebar)
    are rendered as usual.
    """

    def __init__(self) -> None:
        self.cache: dict[tuple[Any, ...], Any] = {}

    def fragment(self, name: str, page: Page, caller: Any) -> Any:
        if page.file.inclusion != InclusionLevel.NOT_IN_NAV or len(page.toc.items) or (
                page.meta.get("hide")):
            return caller()
        key = (name, page.url.count("/"))
        if key not in self.cache:
            self.cache[key] = caller()
        return self.cache[key]


def _today(configured: str | None) -> Any:
    import datetime as dt

    value = configured or os.environ.get("SMMPLAN_TODAY") or None
    return dt.date.fromisoformat(value) if value else None


def _feeds(result: CheckResult) -> dict[str, bytes]:
    try:
        from . import ical
    except ImportError:
        log.info("smmplan: smmplan.ical is not installed; the site has no feeds")
        return {}
    return dict(ical.render_feeds(result.plan, today=result.today))
