"""axe-core's WCAG 2 A and AA rules, in real Chromium, on one page of every kind of the example
plan's site, light and dark: no violation, theme included; the phone's agenda and the desktop's
grid; week pages and the channel filter followed like a reader."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import test_site_browser
from conftest import EXAMPLE_PARTS, EXAMPLE_TODAY, REPO
from playwright.sync_api import Browser
from test_site_browser import OUTPUT, TIMEOUT_MS, _Quiet

from smmplan.build import build_site

#: the module-scoped Chromium of the other browser tests
browser = test_site_browser.browser

AXE = REPO / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"

#: One page of every kind the site has; the example plan holds each of them.
PAGES = {
    "overview": "/",
    "calendar index": "/calendar/",
    "month": "/calendar/2026-12/",
    "month with today": "/calendar/2026-11/",
    "month in the horizon": "/calendar/2027-02/",
    "channel grid": "/calendar/2026-12/instagram/",
    "week": "/calendar/2026-W52/",
    "post": "/posts/2026-12-01-12-hari-ngopi-dimulai/",
    "channel": "/channels/instagram/",
    "persona": "/personas/mahasiswa-ngopi/",
    "campaign": "/campaigns/akhir-tahun/",
    "mix": "/mix/",
    "engagement": "/engagement/",
    "backlog": "/backlog/",
    "checks": "/checks/",
    "guidelines": "/guidelines/",
    "subscribe": "/subscribe/",
}

RUN_AXE = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']},
                                     resultTypes: ['violations']});
  return r.violations.flatMap(v => v.nodes.map(n =>
    `${v.id} ${n.target.join(' ')}: ${(n.any[0] || n.all[0] || n.none[0] || {}).message}`));
}"""


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("a11y")
    plan = root / "plan"
    plan.mkdir()
    for part in EXAMPLE_PARTS:
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, plan / part)
    outcome = build_site(plan, root / "site", today=dt.date.fromisoformat(EXAMPLE_TODAY),
                         strict=False)
    assert outcome.site_dir is not None, outcome.result.diagnostics
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


#: Pages whose layout changes on a phone: there, wide tables must still not become scrolling
#: regions a keyboard cannot reach. Colours do not depend on the width, so one scheme will do.
PHONE_PAGES = ("overview", "month", "week", "guidelines", "subscribe", "engagement")


@pytest.mark.parametrize(("scheme", "width", "kinds"), [
    ("light", 1400, tuple(PAGES)), ("dark", 1400, tuple(PAGES)), ("light", 390, PHONE_PAGES)])
def test_every_kind_of_page_passes_axe_wcag2_aa(browser: Browser, example_site: str,
                                                scheme: str, width: int,
                                                kinds: tuple[str, ...]) -> None:
    axe = AXE.read_text(encoding="utf-8")
    page = browser.new_page(color_scheme=scheme,  # type: ignore[arg-type]
                            viewport={"width": width, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    violations: dict[str, list[str]] = {}
    try:
        for kind in kinds:
            address = PAGES[kind]
            response = page.goto(example_site + address)
            assert response is not None and response.status == 200, address
            # the palette really switched: Material follows prefers-color-scheme
            expected = "slate" if scheme == "dark" else "default"
            assert page.evaluate("document.body.dataset.mdColorScheme") == expected
            page.add_script_tag(content=axe)
            found = page.evaluate(RUN_AXE)
            if found:
                violations[f"{kind} {address}"] = found
    finally:
        page.close()
    assert violations == {}


def test_axe_finds_what_it_should(browser: Browser, tmp_path: Path) -> None:
    """The check above is only worth something if axe, as loaded here, reports the failures the
    site once had: grey-on-white text, a pill at 3.3:1, a link told apart by colour only."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
        '<p style="color:#aaa">faint</p>'
        '<p><span style="color:#fff;background:#1e88e5">education</span></p>'
        '<p style="color:#212121">Read the <a href="#x" style="color:#795649;'
        'text-decoration:none">calendar</a> first.</p></main></body></html>', encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto((tmp_path / "index.html").as_uri())
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        rules = sorted({v.split(" ")[0] for v in page.evaluate(RUN_AXE)})
    finally:
        page.close()
    assert rules == ["color-contrast", "link-in-text-block"]


def test_phone_gets_the_agenda_desktop_the_grid(browser: Browser, example_site: str) -> None:
    """At 390 px the month is a day-by-day list that never scrolls sideways; at 1400 px it is
    the grid. Screenshots of both are kept in test-output/."""
    OUTPUT.mkdir(exist_ok=True)
    for width in (390, 1400):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.set_default_timeout(TIMEOUT_MS)
        try:
            for address in ("/calendar/2026-12/", "/calendar/2026-W52/", "/"):
                page.goto(example_site + address)
                assert page.evaluate(
                    "document.documentElement.scrollWidth <= window.innerWidth"), (width, address)
                name = address.strip("/").replace("/", "-") or "overview"
                page.screenshot(path=str(OUTPUT / f"{name}-{width}.png"), full_page=True)
            page.goto(example_site + "/calendar/2026-12/")
            head_shown = page.is_visible("table.smm-month thead")
            days = page.eval_on_selector_all(
                "table.smm-month td.smm-day", "tds => tds.filter(td => td.offsetParent)"
                ".map(td => [td.dataset.date, Math.round(td.getBoundingClientRect().x)])")
            if width == 390:
                # a list: no weekday header, every shown day at the left edge, in order, each
                # naming its weekday; empty days and the next month's are left out
                assert not head_shown
                assert len({x for _, x in days}) == 1
                assert [d for d, _ in days] == sorted(d for d, _ in days)
                assert all(d.startswith("2026-12-") for d, _ in days)
                assert page.inner_text('td[data-date="2026-12-24"] .smm-daynum').startswith("Kam")
                assert page.is_visible('td[data-date="2026-12-24"] .smm-holiday-name')
            else:
                assert head_shown and len({x for _, x in days[:7]}) == 7  # seven columns
                assert not page.is_visible('td[data-date="2026-12-24"] .smm-wday')
            # the week: a table of days on a desktop, the same days as a list on a phone
            page.goto(example_site + "/calendar/2026-W52/")
            assert page.is_visible("table.smm-week") is (width == 1400)
            assert page.is_visible("ol.smm-week-agenda") is (width == 390)
            if width == 390:
                shown = page.eval_on_selector_all("ol.smm-week-agenda > li",
                                                  "ls => ls.map(l => l.dataset.date)")
                assert shown == [f"2026-12-{d}" for d in range(21, 28)]
                assert "Cuti Bersama Hari Raya Natal" in page.inner_text(
                    'li[data-date="2026-12-24"]')
        finally:
            page.close()


def test_week_pages_are_navigable(browser: Browser, example_site: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(example_site + "/calendar/2026-12/")
        page.click('nav.smm-weeks a:text-is("2026-W52")')
        page.wait_for_url("**/calendar/2026-W52/")
        heads = page.eval_on_selector_all("table.smm-week thead th[data-date]",
                                          "ths => ths.map(t => t.dataset.date)")
        assert heads == [f"2026-12-{d}" for d in range(21, 28)]  # Monday to Sunday as columns
        assert "Cuti Bersama Hari Raya Natal" in page.inner_text("table.smm-week tr.smm-notes")
        page.click('a[rel="next"] >> nth=0')
        page.wait_for_url("**/calendar/2026-W53/")
        page.click('a[rel="prev"] >> nth=0')
        page.wait_for_url("**/calendar/2026-W52/")
        page.click('nav.smm-month-nav span a:text-is("Desember 2026") >> nth=0')
        page.wait_for_url("**/calendar/2026-12/")
        # the channel filter is a plain link: the grid of one channel, no script needed
        page.click('nav.smm-filter a:text-is("LinkedIn")')
        page.wait_for_url("**/calendar/2026-12/linkedin/")
        marks = page.eval_on_selector_all("a.smm-entry .smm-ch", "s => s.map(e => e.innerText)")
        assert marks and set(marks) <= {"in", "IG", "f", "X"} and "in" in marks
        assert page.eval_on_selector_all("a.smm-entry", "es => es.every(e => "
                                         "e.querySelector('.smm-ch-linkedin'))")
        page.goto(example_site + "/calendar/2026-11/")
        assert page.get_attribute('td[aria-current="date"]', "data-date") == EXAMPLE_TODAY
    finally:
        page.close()
