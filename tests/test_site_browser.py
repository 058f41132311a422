"""The built site in real Chromium: the grid, post pages, search, no console errors, no XSS."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import shutil
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLE_PARTS, FIXTURES, REPO
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, sync_playwright

from smmplan.build import build_site
from smmplan.calendar import calendar_of
from smmplan.check import check_plan
from smmplan.metrics.analysis import ranked
from smmplan.metrics.state import metrics_of

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember")

TODAY = "2026-11-25"
OUTPUT = REPO / "test-output"
# Generous on purpose: with the suite running in parallel on a shared machine, Chromium can take
# many seconds to start a search worker or to load a page. A wait ends as soon as its condition
# holds, so a healthy run is as fast as ever.
TIMEOUT_MS = 90_000
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


def build_and_serve(plan: Path, site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    outcome = build_site(plan, site, today=dt.date.fromisoformat(TODAY), strict=True)
    assert outcome.site_dir == site.resolve(), outcome.result.diagnostics
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("fixture")
    shutil.copytree(FIXTURES / "site" / "plan", root / "plan")
    base, server = build_and_serve(root / "plan", root / "site")
    yield base
    server.shutdown()


class Watched:
    """A page whose console errors, page errors and dialogs are recorded."""

    def __init__(self, browser: Browser) -> None:
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.page.set_default_timeout(TIMEOUT_MS)
        self.page.set_default_navigation_timeout(TIMEOUT_MS)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))

    def _console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            self.errors.append(msg.text)


def settle(page: Page) -> None:
    """Wait until the page has fetched everything, the search worker's index included, before
    leaving it: leaving aborts those fetches, which the browser reports as failed requests
    although the site is fine."""
    page.wait_for_load_state("networkidle")


def search(page: Page, query: str, href: str) -> Locator:
    """Type ``query`` into Material's search like a reader; the result that links to ``href``.

    Material answers from a web worker that first downloads and indexes search_index.json: wait
    until it says it is ready (its "initializing" line changes), then for the one result the
    query must find, so a slow worker or an earlier query's results cannot fool the test.
    """
    with urllib.request.urlopen(page.url, timeout=TIMEOUT_MS / 1000) as r:
        served = r.read().decode("utf-8")
    m = re.search(r'<div class="md-search-result__meta">\s*([^<]*?)\s*</div>', served)
    assert m, "no search box on " + page.url
    page.wait_for_function(
        "initializing => document.querySelector('.md-search-result__meta')"
        ".textContent.trim() !== initializing", arg=m.group(1), timeout=TIMEOUT_MS)
    page.fill("input.md-search__input", "")
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=30)  # Material searches on key events
    result = page.locator(".md-search-result__item", has=page.locator(f'a[href="{href}"]'))
    result.first.wait_for(timeout=TIMEOUT_MS)
    return result.first


def test_month_grid_shows_posts_on_their_local_days(browser: Browser, fixture_site: str
                                                    ) -> None:
    w = Watched(browser)
    page = w.page
    page.goto(f"{fixture_site}/calendar/2026-12/")
    days = page.eval_on_selector_all(
        "table.smm-month td.smm-day:not(.smm-outside)",
        "tds => tds.map(td => [td.dataset.date, [...td.querySelectorAll('a.smm-entry')]"
        ".map(a => a.innerText.replace(/\\s+/g, ' ').trim())]).filter(d => d[1].length)")
    assert days == [
        ["2026-12-01", ["10:00 IGX Gula aren blend launch"]],
        ["2026-12-02", ["06:30 IG Late night study brew"]],  # 23:30 UTC the day before
        ["2026-12-09", ["08:30 in How we source our beans"]],
        ["2026-12-25", ["all day IG Christmas greeting"]],
    ]
    # weeks are rows, Monday first: 2 December is a Wednesday, in the third column
    col = page.eval_on_selector('td[data-date="2026-12-02"]', "td => td.cellIndex")
    head = page.eval_on_selector_all("table.smm-month thead th", "ths => ths.map(t => t.innerText)")
    assert col == 2 and head[0] == "Mon" and head[col] == "Wed"
    assert page.is_visible('td[data-date="2026-12-25"] .smm-holiday-name')
    # the entry really sits inside its day's box
    cell = page.locator('td[data-date="2026-12-02"]').bounding_box()
    entry = page.locator('a[data-post="late-night"]').bounding_box()
    assert cell and entry and cell["x"] <= entry["x"] < cell["x"] + cell["width"]
    assert cell["y"] <= entry["y"] < cell["y"] + cell["height"]
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "calendar-2026-12.png"), full_page=True)
    settle(page)
    page.goto(f"{fixture_site}/calendar/2026-11/")
    assert page.get_attribute("td.smm-today", "data-date") == TODAY
    assert w.errors == []


def test_clicking_a_post_opens_its_page(browser: Browser, fixture_site: str) -> None:
    w = Watched(browser)
    w.page.goto(f"{fixture_site}/calendar/2026-12/")
    settle(w.page)
    w.page.click('a[data-post="late-night"]')
    w.page.wait_for_url(f"{fixture_site}/posts/late-night/")
    assert w.page.inner_text("article h1") == "Late night study brew"
    assert "Studying late? Our cold brew keeps you going." in w.page.inner_text(".smm-caption")
    settle(w.page)
    w.page.click("table.smm-facts >> text=December launch")
    w.page.wait_for_url(f"{fixture_site}/campaigns/december-launch/")
    assert w.errors == []


def test_search_finds_a_post_by_a_word_of_its_caption(browser: Browser, fixture_site: str
                                                      ) -> None:
    w = Watched(browser)
    w.page.goto(f"{fixture_site}/")
    result = search(w.page, "archipelago", f"{fixture_site}/posts/linkedin-story/")
    assert "How we source our beans" in result.inner_text()
    assert "archipelago" in result.inner_text()  # the caption, not a list page
    result.locator("a").first.click()
    w.page.wait_for_url(f"{fixture_site}/posts/linkedin-story/*")
    assert w.errors == []


def test_no_page_has_console_errors(browser: Browser, fixture_site: str) -> None:
    w = Watched(browser)
    addresses = ["/", "/calendar/2026-11/", "/calendar/2026-12/", "/posts/gula-aren-launch/",
                 "/posts/idea-podcast/", "/channels/instagram/", "/personas/mahasiswa/",
                 "/campaigns/december-launch/", "/mix/", "/engagement/", "/backlog/", "/checks/",
                 "/guidelines/", "/subscribe/", "/about/"]
    for address in addresses:
        response = w.page.goto(fixture_site + address)
        assert response is not None and response.status == 200, address
        w.page.wait_for_load_state("networkidle")
    assert w.errors == []


def _add_what_git_cannot_hold(plan: Path) -> None:
    """Links out of the plan, a dangling link, a FIFO, a latin-1 page and file names with
    terminal escapes or undecodable bytes: made here, since a fixture folder cannot keep them."""
    import os

    content = plan / "content"
    (content / "passwd.txt").symlink_to("/etc/passwd")
    (content / "etc").symlink_to("/etc")
    (content / "dangling.md").symlink_to(plan / "nowhere.md")
    os.mkfifo(content / "fifo.md")
    (content / "latin.md").write_bytes("# Caf\xe9 <script>window.__pwned='latin'</script>\n"
                                       .encode("latin-1"))
    (plan / ".git").mkdir()
    (plan / ".git/config").write_text("[http]\n  extraheader = AUTHORIZATION: secret\n")
    (content / "git-link").symlink_to(plan / ".git")
    with open(os.fsencode(content) + b"/caf\xe9\x1b[31m.md", "wb") as f:
        f.write(b"# Named badly <script>window.__pwned='name'</script>\n")


def visit_every_page_firing_handlers(w: Watched, base: str, site: Path) -> None:
    """Open each of the hostile plan's pages, fire every handler an injected attribute could
    have set, and check that no script ran."""
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))
    # 20 pages of the plan, and the calendar to the horizon: 2 more months, 2 channel
    # grids for each of the 4, and 18 weeks, where hostile text is placed too
    assert len(pages) == 48 and "about" in pages
    for rel in pages:
        w.page.goto(f"{base}/{'' if rel == '.' else rel + '/'}")
        w.page.wait_for_load_state("networkidle")
        w.page.evaluate("""() => document.querySelectorAll('*').forEach(e => {
            for (const t of ['mouseover', 'click', 'focus'])
                if (!(e instanceof HTMLAnchorElement)) e.dispatchEvent(new Event(t));
        })""")
        assert w.page.evaluate("() => window.__pwned === undefined"), rel


def assert_nothing_leaked(site: Path, plan: Path) -> None:
    """Nothing from outside the plan, from .git, or refused by the publish policy is published,
    and no code of the plan ran."""
    published = {p.relative_to(site).as_posix() for p in site.rglob("*")}
    for name in ("passwd.txt", "etc", "dangling", "fifo", "latin", "git-link", "raw.html",
                 "evil.svg", "caf"):
        assert not any(p.split("/")[0].startswith(name) for p in published), name
    assert not any("secret" in p.read_text(errors="replace") for p in site.rglob("*")
                   if p.is_file() and p.suffix in (".html", ".json", ".txt", ".ics"))
    assert b"X-FAKE" not in (site / "calendars/holidays.ics").read_bytes()
    assert not (plan / "PWNED").exists() and not Path("PWNED").exists()


def assert_own_pages_are_text(w: Watched, base: str) -> None:
    """The plan's own page, sanitised: its text is all there, none of its script."""
    w.page.goto(f"{base}/about/")
    body = w.page.inner_text("article")
    assert "this sentence must stay pageprose" in body
    assert "After <textarea> and <title> and <xmp> and <noscript> the text stays text." in body
    assert w.page.locator("article iframe, article script").count() == 0
    assert w.page.title().startswith("About <img src=x onerror=")
    w.page.goto(f"{base}/guidelines/")
    assert "everything after it must still show guideprose" in w.page.inner_text("article")
    assert w.page.evaluate("() => window.__pwned === undefined")


def test_hostile_plan_runs_no_script(browser: Browser, tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "site" / "hostile", tmp_path / "plan")
    _add_what_git_cannot_hold(tmp_path / "plan")
    base, server = build_and_serve(tmp_path / "plan", tmp_path / "site")
    site = tmp_path / "site"
    try:
        assert_nothing_leaked(site, tmp_path / "plan")
        w = Watched(browser)
        visit_every_page_firing_handlers(w, base, tmp_path / "site")
        w.page.goto(f"{base}/posts/xss-title/")
        # the hostile texts are shown as text
        assert "<script>window.__pwned='caption'</script>" in w.page.inner_text(".smm-caption")
        assert w.page.title().startswith("</title><script>")
        settle(w.page)
        w.page.goto(f"{base}/engagement/")
        top = w.page.locator(".smm-top-posts td").first
        assert top.inner_text().startswith("<script>window.__pwned='top-post'</script><img")
        # search results show the hostile title, caption and rules as text, and run nothing
        post = search(w.page, "uniquecaptionword", f"{base}/posts/xss-title/")
        assert "<script>window.__pwned='title'</script>" in post.inner_text()
        assert "<script>window.__pwned='caption'</script>" in post.inner_text()
        rules = search(w.page, "onmouseover", f"{base}/guidelines/#voice")
        assert "onmouseover" in rules.inner_text()
        assert w.page.evaluate("() => window.__pwned === undefined")
        # the plan's own page, sanitised: its text is all there, none of its script
        page = search(w.page, "pageprose", f"{base}/about/")
        assert "Never paste a <style> block" in page.inner_text()
        assert_own_pages_are_text(w, base)
        assert w.page.evaluate("() => window.__pwned === undefined")
        assert w.dialogs == []
    finally:
        server.shutdown()


def test_example_plan_builds_strict_and_renders(browser: Browser, tmp_path: Path) -> None:
    plan = tmp_path / "example"
    plan.mkdir()
    for part in EXAMPLE_PARTS:
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, plan / part)
    result = check_plan(plan, dt.date.fromisoformat(TODAY))
    assert result.errors == 0, [d for d in result.diagnostics if d.severity == "error"]
    outcome = build_site(plan, tmp_path / "site", today=dt.date.fromisoformat(TODAY))
    assert outcome.site_dir is not None
    handler = functools.partial(_Quiet, directory=str(tmp_path / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        w = Watched(browser)
        w.page.goto(f"http://127.0.0.1:{server.server_port}/calendar/2026-12/")
        entries = w.page.locator("a.smm-entry").count()
        # one entry per occurrence: a recurring post stands on each of its days
        expected = sum(1 for s in calendar_of(result.plan).slots
                       if (s.start.year, s.start.month) == (2026, 12))
        assert entries == expected > 0
        OUTPUT.mkdir(exist_ok=True)
        w.page.screenshot(path=str(OUTPUT / "example-calendar-2026-12.png"), full_page=True)
        settle(w.page)
        w.page.locator("a.smm-entry").first.click()
        w.page.wait_for_url("**/posts/*/")
        # the monthly engagement report, reached from the nav after the content mix
        settle(w.page)
        w.page.click('a.md-tabs__link:text-is("Kinerja")')
        w.page.wait_for_url("**/engagement/")
        numbers = metrics_of(result.plan, dt.date.fromisoformat(TODAY))
        months = numbers.by("month").windows
        assert w.page.locator("article h2[id^=m-]").all_inner_texts() == [
            f"{MONTHS_ID[m.start.month - 1]} {m.start.year}" for m in reversed(months)]
        # the newest month's table comes first; its last row is all channels together
        total = w.page.locator(".smm-engagement table").first.locator("tr").last
        assert total.locator("td").nth(9).inner_text() == \
            f"{months[-1].total.rate}%".replace(".", ",")
        drawn = w.page.eval_on_selector_all(
            "svg.smm-chart", "s => s.map(e => e.getBoundingClientRect().width)")
        assert len(drawn) >= 3 and min(drawn) > 0
        w.page.screenshot(path=str(OUTPUT / "example-engagement.png"), full_page=True)
        settle(w.page)
        best = ranked(numbers.items)[0][0]
        w.page.locator(".smm-top-posts a").first.click()
        w.page.wait_for_url(f"**/posts/{best.post.id}/")
        assert w.errors == []
    finally:
        server.shutdown()
