"""The example plan built by both engines: the same addresses, feeds, styles and search index;
Zensical gets a config smmplan wrote from mkdocs.yml read as data; ``smmplan pages``."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import json
import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
import vobject
from conftest import EXAMPLE_PARTS, FIXTURES, REPO
from icalendar import Calendar
from playwright.sync_api import Browser, Locator, Page
from test_site_browser import (
    TIMEOUT_MS,
    Watched,
    _add_what_git_cannot_hold,
    _Quiet,
    assert_nothing_leaked,
    assert_own_pages_are_text,
    browser,
    settle,
    visit_every_page_firing_handlers,
)

from smmplan import ical
from smmplan.build import build_site
from smmplan.check import check_plan
from smmplan.gitdates import read_history
from smmplan.pages import render_pages
from smmplan.site.files import NAV_FILE

TODAY = dt.date(2026, 11, 25)
ENGINES = ("mkdocs", "zensical")
__all__ = ["browser"]  # the module's Chromium, shared with the other browser tests


def copy_example(dest: Path) -> Path:
    dest.mkdir()
    for part in EXAMPLE_PARTS:
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    return dest


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Path]]:
    """The example plan and its site built strict by each engine."""
    root = tmp_path_factory.mktemp("engines")
    plan = copy_example(root / "plan")
    sites = {}
    for engine in ENGINES:
        outcome = build_site(plan, root / engine, today=TODAY, strict=True, engine=engine)
        assert outcome.site_dir == (root / engine).resolve(), outcome.result.diagnostics[:3]
        sites[engine] = root / engine
    return plan, sites


def html_addresses(site: Path) -> set[str]:
    out = set()
    for p in site.rglob("index.html"):
        rel = p.parent.relative_to(site).as_posix()
        out.add("/" if rel == "." else f"/{rel}/")
    return out


def test_both_engines_publish_every_address_of_the_site(example) -> None:
    plan, sites = example
    result = check_plan(plan, TODAY)
    expected = set(render_pages(result))
    posts = {p.id for p in result.plan.posts}
    # SPEC §4 by kind, from the plan itself, not from the pages module
    spec = {"/", "/calendar/", "/mix/", "/backlog/", "/checks/", "/guidelines/", "/subscribe/",
            "/engagement/"}
    spec |= {f"/posts/{pid}/" for pid in posts}
    spec |= {f"/channels/{c}/" for c in result.plan.settings.channels}
    spec |= {f"/personas/{p}/" for p in result.plan.personas}
    spec |= {f"/campaigns/{c}/" for c in result.plan.campaigns}
    spec |= {f"/calendar/{p.start:%Y-%m}/" for p in result.plan.posts
             if p.start is not None and p.status != "idea"}
    assert spec <= expected
    for engine, site in sites.items():
        got = html_addresses(site)
        assert expected <= got, (engine, sorted(expected - got)[:5])
        for schema in ("post", "persona", "rules", "team"):
            assert (site / "schemas" / f"{schema}.schema.json").is_file(), engine
    assert html_addresses(sites["mkdocs"]) == html_addresses(sites["zensical"])


def test_both_engines_publish_the_same_feeds_and_they_parse(example) -> None:
    plan, sites = example
    feeds = ical.render_feeds(check_plan(plan, TODAY).plan, read_history(plan))
    assert "calendar.ics" in feeds and "calendars/holidays.ics" in feeds
    for path, data in feeds.items():
        for engine, site in sites.items():
            assert (site / path).read_bytes() == data, (engine, path)
        list(vobject.readComponents(data.decode("utf-8"), validate=True))
        assert Calendar.from_ical(data).name == "VCALENDAR"


def test_every_zensical_page_uses_smmplans_styles(example) -> None:
    _plan, sites = example
    site = sites["zensical"]
    css = (REPO / "smmplan" / "assets" / "smmplan.css").read_bytes()
    assert (site / "assets" / "smmplan" / "smmplan.css").read_bytes() == css
    for page in site.rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert "assets/smmplan/smmplan.css" in text, page
        assert "fonts.googleapis.com" not in text, page  # nothing fetched from the network
    month = (site / "calendar" / "2026-12" / "index.html").read_text(encoding="utf-8")
    assert 'class="smm-entry' in month


def test_both_search_indexes_hold_the_same_pages(example) -> None:
    _plan, sites = example
    mk = json.loads((sites["mkdocs"] / "search" / "search_index.json").read_text("utf-8"))
    zs = json.loads((sites["zensical"] / "search.json").read_text("utf-8"))
    mk_pages = {d["location"].split("#")[0] for d in mk["docs"]}
    zs_pages = {d["location"].split("#")[0] for d in zs["items"]}
    assert mk_pages == zs_pages
    assert any(p.startswith("posts/") for p in zs_pages)
    # pages that only list what the post pages say stay out of both
    assert not any(p.startswith(("calendar/", "channels/", "personas/")) for p in zs_pages)


def test_zensical_builds_are_byte_identical(example, tmp_path: Path) -> None:
    plan, sites = example
    again = tmp_path / "again"
    build_site(plan, again, today=TODAY, strict=True, engine="zensical")
    first = {p.relative_to(sites["zensical"]): p.read_bytes()
             for p in sites["zensical"].rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def fixture_plan(tmp_path: Path, rules: str = "") -> Path:
    """The site fixture plan, with ``rules`` added to its rules.yml."""
    plan = tmp_path / "plan"
    shutil.copytree(FIXTURES / "site" / "plan", plan)
    path = plan / "guidelines" / "rules.yml"
    path.write_text(path.read_text(encoding="utf-8") + rules, encoding="utf-8")
    return plan


def test_the_engine_comes_from_rules_yml_and_the_option_wins(cli, tmp_path: Path) -> None:
    plan = fixture_plan(tmp_path, "engine: zensical\n")
    done = cli("-C", str(plan), "build", "--today", "2026-11-25")
    assert done.exit_code == 0, done.output
    assert (plan / "site" / "search.json").is_file()  # Zensical's index
    assert not (plan / "site" / "search").exists()
    done = cli("-C", str(plan), "build", "--today", "2026-11-25", "--engine", "mkdocs")
    assert done.exit_code == 0, done.output
    assert (plan / "site" / "search" / "search_index.json").is_file()


def test_a_bad_engine_in_rules_yml_is_a_diagnostic(cli, tmp_path: Path) -> None:
    plan = fixture_plan(tmp_path, "engine: hugo\n")
    done = cli("-C", str(plan), "check", "--today", "2026-11-25")
    assert "engine" in done.output and "zensical" in done.output, done.output


@pytest.mark.parametrize("tag", [
    '!!python/object/apply:os.system ["touch {pwned}"]',
    '!!python/name:os.system',
    '!custom nothing',
])
def test_zensical_never_evaluates_a_yaml_tag_of_the_plan(tmp_path: Path, tag: str) -> None:
    plan = fixture_plan(tmp_path)
    pwned = tmp_path / "PWNED"
    config = plan / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  x: "
                      + tag.format(pwned=pwned) + "\n", encoding="utf-8")
    line = config.read_text(encoding="utf-8").count("\n")
    outcome = build_site(plan, tmp_path / "site", today=TODAY, engine="zensical")
    # refused as with mkdocs: SMM007 at the tag's line, no site
    assert outcome.site_dir is None
    assert [(d.code, d.file, d.line) for d in outcome.result.diagnostics
            if d.file == "mkdocs.yml"] == [("SMM007", "mkdocs.yml", line)]
    assert not pwned.exists()
    assert not (tmp_path / "site").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]  # no temp folder left


def test_zensical_refuses_template_overrides_outside_the_plan(tmp_path: Path) -> None:
    plan = fixture_plan(tmp_path)
    config = plan / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", "  name: material\n  custom_dir: ../..\n"), encoding="utf-8")
    outcome = build_site(plan, tmp_path / "site", today=TODAY, engine="zensical")
    assert outcome.site_dir is None
    assert [d.message for d in outcome.result.diagnostics if d.code == "SMM007"] == [
        "theme.custom_dir must be a folder inside the plan, outside .git (found '../..')"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


def test_zensical_gets_the_fences_material_documents(example) -> None:
    """The example's mermaid fence names pymdownx's formatter: kept, as a name."""
    plan, _sites = example
    from smmplan.site.zensical import settings

    fences = settings(plan)["markdown_extensions"][-1][
        "pymdownx.superfences"]["custom_fences"]
    assert fences == [{"name": "mermaid", "class": "mermaid",
                       "format": "pymdownx.superfences.fence_code_format"}]


def test_pages_writes_markdown_navigation_and_feeds(cli, tmp_path: Path) -> None:
    import yaml

    plan = fixture_plan(tmp_path)
    out = tmp_path / "docs"
    done = cli("-C", str(plan), "pages", "--output", str(out), "--today", "2026-11-25")
    assert done.exit_code == 0, done.output
    result = check_plan(plan, TODAY)
    pages = render_pages(result)
    from smmplan.pages import source_path

    for address, text in pages.items():
        assert (out / source_path(address)).read_text(encoding="utf-8") == text
    nav = yaml.safe_load((out / NAV_FILE).read_text(encoding="utf-8"))["nav"]
    flat = json.dumps(nav)
    assert "calendar/2026-12.md" in flat and "posts/" not in flat  # never every post
    assert (out / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert (out / "assets" / "smmplan" / "smmplan.css").is_file()
    # a second run replaces its own output; a folder of the user's is never replaced
    assert cli("-C", str(plan), "pages", "-o", str(out), "--today", "2026-11-25").exit_code == 0
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.md").write_text("mine\n", encoding="utf-8")
    done = cli("-C", str(plan), "pages", "-o", str(mine), "--today", "2026-11-25")
    assert done.exit_code != 0 and "was not built by smmplan" in done.output
    assert (mine / "notes.md").read_text(encoding="utf-8") == "mine\n"


# In Chromium: Zensical's search (its own dialog, in a shadow root Playwright reads through).

def serve(site: Path) -> tuple[str, Any]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


def zensical_search(page: Page, query: str, href: str) -> Locator:
    """Open Zensical's search like a reader, type ``query``; the result linking to ``href``."""
    page.click("button.md-search__button")
    box = page.locator('dialog input[role="combobox"]')
    box.fill("")
    box.click()
    page.keyboard.type(query, delay=30)
    result = page.locator('ol[role="listbox"] li', has=page.locator(f'a[href^="{href}"]'))
    result.first.wait_for(timeout=TIMEOUT_MS)
    return result.first


def test_zensical_search_finds_a_post_in_chromium(browser: Browser, example) -> None:
    _plan, sites = example
    base, server = serve(sites["zensical"])
    try:
        w = Watched(browser)
        for address in ("/", "/calendar/2026-12/", "/mix/", "/engagement/", "/subscribe/",
                        "/posts/2026-11-05-blooming/"):
            response = w.page.goto(base + address)
            assert response is not None and response.status == 200, address
            settle(w.page)
        w.page.goto(base + "/calendar/2026-11/")
        result = zensical_search(w.page, "blooming", f"{base}/posts/2026-11-05-blooming/")
        assert "Blooming" in result.inner_text()
        result.locator("a").first.click()
        w.page.wait_for_url(f"{base}/posts/2026-11-05-blooming/*")
        assert w.page.locator(".smm-caption").count() == 1
        settle(w.page)
        assert w.errors == []
    finally:
        server.shutdown()


def test_zensical_hostile_plan_runs_no_script(browser: Browser, tmp_path: Path) -> None:
    """The same hostile plan as with mkdocs (test_site_browser), links, FIFO and bad names
    included: nothing leaks, nothing runs, the own pages are text."""
    shutil.copytree(FIXTURES / "site" / "hostile", tmp_path / "plan")
    _add_what_git_cannot_hold(tmp_path / "plan")
    outcome = build_site(tmp_path / "plan", tmp_path / "site", today=TODAY, engine="zensical")
    assert outcome.site_dir is not None
    assert_nothing_leaked(tmp_path / "site", tmp_path / "plan")
    base, server = serve(tmp_path / "site")
    try:
        w = Watched(browser)
        visit_every_page_firing_handlers(w, base, tmp_path / "site")
        assert_own_pages_are_text(w, base)
        page = zensical_search(w.page, "pageprose", f"{base}/about/")
        assert "Never paste a <style> block" in page.inner_text()
        w.page.goto(f"{base}/posts/xss-title/")
        assert "<script>window.__pwned='caption'</script>" in w.page.inner_text(".smm-caption")
        settle(w.page)
        assert w.page.title().startswith("</title><script>")
        post = zensical_search(w.page, "uniquecaptionword", f"{base}/posts/xss-title/")
        # shown as text; Zensical's results show the title's quotes as &#x27; (README)
        assert "</title><script>window.__pwned=" in post.inner_text()
        assert "<script>window.__pwned='caption-fence'</script>" in post.inner_text()
        assert w.page.evaluate("() => window.__pwned === undefined")
        assert w.dialogs == []
    finally:
        server.shutdown()
