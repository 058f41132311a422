"""The analytics pages in real Chromium, in Material's light and dark (slate) palettes: every
chart is drawn (its marks have a size on screen), its text takes the page's text colour, the
figures of its table are those of the report, and no page logs a console error. Screenshots go
to test-output/ (ignored by git)."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_files
from playwright.sync_api import Browser, sync_playwright
from test_engagement import FILES, RULES
from test_site_browser import CHROMIUM_ARGS, OUTPUT, TIMEOUT_MS, Watched, _Quiet

from smmplan.build import build_site

MKDOCS = """\
site_name: Kopi analytics
docs_dir: content
theme:
  name: material
  palette:
    - scheme: default
      toggle: {icon: material/brightness-7, name: Dark mode}
    - scheme: slate
      toggle: {icon: material/brightness-4, name: Light mode}
plugins:
  - search
  - smmplan
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("analytics")
    plan = write_files(root / "plan", {**FILES, "guidelines/rules.yml": RULES,
                                       "mkdocs.yml": MKDOCS})
    outcome = build_site(plan, root / "site", today=dt.date(2026, 12, 31), strict=True)
    assert outcome.site_dir is not None, outcome.result.diagnostics
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


DRAWN = """svg => {
    const marks = [...svg.querySelectorAll(
        'polyline, circle, path, rect.smm-heat, rect[class^=smm-bar]')];
    const box = svg.getBoundingClientRect();
    return {width: box.width, height: box.height,
            marks: marks.filter(m => { const b = m.getBoundingClientRect();
                                       return b.width > 0 && b.height > 0; }).length,
            text: getComputedStyle(svg.querySelector('text')).fill,
            colour: getComputedStyle(svg).color};
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("address", ["/engagement/", "/reports/2026-q4/"])
def test_charts_are_drawn_in_both_palettes(browser: Browser, site: str, address: str,
                                           scheme: str) -> None:
    w = Watched(browser)
    page = w.page
    page.goto(site + address)
    page.wait_for_load_state("networkidle")
    # Material keeps the reader's choice on <body>; the toggle sets the same attribute
    page.evaluate(f"() => document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    text_colour = page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-typeset')).color")
    charts = page.locator("svg.smm-chart")
    assert charts.count() >= 3
    for i in range(charts.count()):
        found = charts.nth(i).evaluate(DRAWN)
        assert found["width"] > 200 and found["height"] > 50, found
        assert found["marks"] > 0, found
        # labels take the page's text colour: readable on either background
        assert found["text"] == found["colour"] == text_colour != background, found
    # the same figures as a table, for screen readers: the trend table's December row
    assert page.locator(".smm-trend-table tr", has_text="2026-12").first.inner_text() \
        .split() == ["2026-12", "3.3%", "—", "—", "6.5", "—", "—"]
    OUTPUT.mkdir(exist_ok=True)
    name = address.strip("/").replace("/", "-")
    page.screenshot(path=str(OUTPUT / f"analytics-{name}-{scheme}.png"), full_page=True)
    assert w.errors == []


def test_the_palette_toggle_switches_to_dark(browser: Browser, site: str) -> None:
    w = Watched(browser)
    page = w.page
    page.goto(site + "/engagement/")
    page.wait_for_load_state("networkidle")
    light = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    page.locator("label.md-header__button[for^='__palette']").first.click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'",
                           timeout=TIMEOUT_MS)
    dark = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert dark != light
    fill = page.locator("svg.smm-chart-line text").first.evaluate(
        "t => getComputedStyle(t).fill")
    assert fill == page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-typeset')).color")
    assert w.errors == []


def test_the_quarter_report_prints_without_the_site_frame(browser: Browser, site: str,
                                                          tmp_path: Path) -> None:
    w = Watched(browser)
    page = w.page
    page.goto(site + "/reports/2026-q4/")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator(".md-sidebar--primary").evaluate(
        "e => getComputedStyle(e).display") == "none"
    assert page.locator("svg.smm-chart").first.is_visible()
    pdf = tmp_path / "report.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "analytics-report-print.png"), full_page=True)
    assert w.errors == []
