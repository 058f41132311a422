"""Pages rendered one at a time: the same pages as rendered all at once, and an mkdocs build that
lets go of each generated page's HTML once written, whether or not another plugin reads pages
at ``on_page_content``."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO
from mkdocs.commands.build import build
from mkdocs.plugins import BasePlugin
from test_site_engines import copy_example

from smmplan.check import check_plan
from smmplan.pages import page_makers, render_pages
from smmplan.site.files import RenderedOnRead
from smmplan.siteconfig import mkdocs_config, read_site_config

TODAY = dt.date(2026, 11, 25)


def test_page_makers_render_the_pages_of_render_pages_in_any_order() -> None:
    result = check_plan(REPO, TODAY)
    pages = render_pages(result)
    makers = page_makers(result)
    assert list(makers) == list(pages)
    # backwards: a page must not depend on another having been rendered before it
    assert {a: makers[a]() for a in reversed(makers)} == pages


def test_rendered_on_read_renders_on_every_read_and_keeps_nothing() -> None:
    calls: list[str] = []

    def maker(src: str) -> Any:
        return lambda: calls.append(src) or f"page {src}"

    pages = RenderedOnRead({"a.md": maker("a.md"), "b.md": maker("b.md")})
    assert "a.md" in pages and "c.md" not in pages and list(pages) == ["a.md", "b.md"]
    assert len(pages) == 2 and calls == []  # neither membership nor listing renders
    assert pages["a.md"] == pages["a.md"] == "page a.md"
    assert calls == ["a.md", "a.md"]


class _Probe(BasePlugin):  # type: ignore[type-arg]
    """Sees the generated post pages as the other plugins of a build do."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: list[Any] = []
        self.shown: dict[str, str] = {}

    def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Any) -> Any:
        if page.file.src_uri.startswith("posts/"):
            self.shown[page.file.src_uri] = page.content
            self.pages.append(page)
        return context


class _ContentProbe(_Probe):
    """Also reads pages at ``on_page_content``, as a plugin tidying HTML would."""

    def __init__(self) -> None:
        super().__init__()
        self.content: dict[str, str] = {}

    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
        self.content[page.file.src_uri] = html
        return html


def _build(plan: Path, out: Path, probe: _Probe) -> dict[str, str]:
    config = mkdocs_config(plan, read_site_config(plan))
    config.plugins["probe"] = probe
    config.site_dir = str(out)
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("memory") / "plan")


def test_a_page_gets_its_html_as_the_theme_renders_it_and_lets_go_after(
        example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SMMPLAN_TODAY", TODAY.isoformat())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764028800")
    lean, compat = _Probe(), _ContentProbe()
    lean_site = _build(example, tmp_path / "lean", lean)
    compat_site = _build(example, tmp_path / "compat", compat)
    assert lean_site == compat_site  # the same bytes, whichever way the HTML came in
    post = "posts/2026-11-02-konsistensi-profil-sangrai.md"
    # search and the theme see the page's HTML in either build ...
    assert 'class="smm-caption"' in lean.shown[post] == compat.shown[post]
    # ... a plugin at on_page_content too, when there is one
    assert 'class="smm-caption"' in compat.content[post]
    # and once written, the lean build keeps only the marker of each generated page
    assert lean.pages and all("smm-caption" not in p.content for p in lean.pages)
    assert all("smm-caption" in p.content for p in compat.pages)
