"""axe-core's WCAG 2 A and AA rules, in real Chromium, on one page of every kind of the example
plan's site, in the light and the dark scheme: no violation, theme included."""

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
from test_site_browser import TIMEOUT_MS, _Quiet

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
PHONE_PAGES = ("overview", "month", "guidelines", "subscribe", "engagement")


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
