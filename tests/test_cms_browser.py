"""The web editor end to end: Decap CMS from the built site, in real Chromium, saving through
decap-server (npm) in git mode into a real plan repository, then `smmplan check` on the branch.

Nothing reaches the network: the CMS script is the npm package under tests/js, copied into the
site by the ``cms_assets`` option, and both servers listen on loopback.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import test_site_browser
from click.testing import CliRunner
from conftest import REPO
from playwright.sync_api import Browser, Page
from test_site_browser import TIMEOUT_MS

from smmplan.build import build_site
from smmplan.cli import main

JS = REPO / "tests" / "js" / "node_modules"
DIST = JS / "decap-cms" / "dist"
#: Screenshots for docs/review-loop.md: copy them to docs/images/ when the editor changes.
SHOTS = REPO / "test-output" / "cms"
TODAY = "2026-11-25"
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@example.org"}

#: A post with a comment: saving it in the editor would drop the comment, so it is refused.
COMMENTED = """---
id: commented
title: Commented post
date: 2026-12-05 09:00   # after the market opens
channel:
  - instagram
pillar: education
status: draft
---
A caption.
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def git(repo: Path, *args: str) -> str:
    out = subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                         text=True, env={**os.environ, **GIT_ENV})
    return out.stdout


def smmplan(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@dataclass
class Editor:
    plan: Path
    admin: str


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    root = tmp_path_factory.mktemp("cms")
    plan = root / "plan"
    code, out = smmplan("init", str(plan), "--timezone", "Asia/Jakarta", "--today", TODAY)
    assert code == 0, out
    port = _free_port()
    code, out = smmplan("-C", str(plan), "cms", "--local-url",
                        f"http://127.0.0.1:{port}/api/v1")
    assert code == 0, out
    (plan / "content/posts/2026/12/commented.md").write_text(COMMENTED, encoding="utf-8")
    mkdocs = plan / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace(
        "  - smmplan\n", f"  - smmplan:\n      cms_assets: {DIST}\n"), encoding="utf-8")
    git(plan, "init", "-q", "-b", "main")
    git(plan, "add", "-A")
    git(plan, "commit", "-qm", "Plan")
    server = subprocess.Popen(
        ["node", str(JS / "decap-server" / "dist" / "index.js")],
        env={**os.environ, **GIT_ENV, "MODE": "git", "GIT_REPO_DIRECTORY": str(plan),
             "PORT": str(port), "BIND_HOST": "127.0.0.1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    site = root / "site"
    outcome = build_site(plan, site, today=dt.date.fromisoformat(TODAY))
    assert outcome.site_dir is not None, outcome.result.diagnostics
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    _wait_for(f"http://127.0.0.1:{port}/api/v1")
    try:
        yield Editor(plan, f"http://127.0.0.1:{httpd.server_port}/admin/")
    finally:
        httpd.shutdown()
        server.terminate()
        server.wait(10)


def _wait_for(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            req = urllib.request.Request(url, data=b'{"action":"info","params":{}}',
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"decap-server did not start at {url}")


#: the module-scoped Chromium of the other browser tests
browser = test_site_browser.browser


def open_editor(browser: Browser, editor: Editor) -> tuple[Page, list[str]]:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(TIMEOUT_MS)
    failed: list[str] = []
    page.on("request", lambda r: failed.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    page.on("pageerror", lambda e: failed.append(f"pageerror: {e.message} {e.stack}"))
    page.goto(editor.admin)
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Welcome post").wait_for()
    return page, failed


def choose(page: Page, field: str, *labels: str) -> None:
    box = page.locator(f"input[id^='{field}-field']")
    for label in labels:
        box.click()
        box.fill(label)
        page.get_by_role("option", name=label, exact=True).click()


def cms_branches(plan: Path) -> list[str]:
    return git(plan, "branch", "--list", "cms/*", "--format=%(refname:short)").split()


def test_a_creator_creates_a_post_that_checks_clean(browser: Browser, editor: Editor,
                                                    tmp_path: Path) -> None:
    page, outside = open_editor(browser, editor)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "cms-posts.png"))
    page.get_by_text("＋ Post").first.click()
    page.locator("input[id^='id-field']").fill("cold-brew-tips")
    page.locator("input[id^='title-field']").fill("Cold brew tips")
    page.locator("input[id^='date-field']").fill("2026-12-01T07:30")
    choose(page, "channel", "Instagram", "X")
    choose(page, "pillar", "education")
    choose(page, "personas", "Everyday customer")
    choose(page, "author", "Alex Creator (alex)")
    link = page.locator("input[id^='link-field']")
    link.fill("https://example.org")
    link.fill("")  # emptied: left out, not written as link: ''
    caption = ("Cold brew at home: 1 part coffee, 8 parts water, 12 hours in the fridge."
               "\n\n#coldbrew")
    page.locator("textarea[id^='body-field']").fill(caption)
    preview = page.frame_locator("iframe").first
    x_row = preview.locator("tr[data-channel='x']")
    x_row.wait_for()
    assert "/ 280 (weighted)" in x_row.inner_text()
    assert "/ 2200" in preview.locator("tr[data-channel='instagram']").inner_text()
    page.screenshot(path=str(SHOTS / "cms-new-post.png"))
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Entry saved").wait_for()
    assert outside == []
    branch = "cms/posts/2026/12/cold-brew-tips"
    assert branch in cms_branches(editor.plan)
    page.screenshot(path=str(SHOTS / "cms-saved.png"))
    board, _ = open_editor(browser, editor)
    board.get_by_role("link", name="Workflow").click()
    board.get_by_text("Cold brew tips").first.wait_for()
    board.screenshot(path=str(SHOTS / "cms-workflow.png"))
    board.close()
    path = "content/posts/2026/12/cold-brew-tips.md"
    text = git(editor.plan, "show", f"{branch}:{path}")
    assert "date: 2026-12-01 07:30\n" in text
    assert "link:" not in text and "campaign:" not in text
    assert text.endswith(caption + "\n")
    checkout = tmp_path / "branch"
    # a clone, not a worktree: decap-server checks the branch out itself to list drafts
    subprocess.run(["git", "clone", "-q", "--branch", branch, str(editor.plan), str(checkout)],
                   check=True)
    code, out = smmplan("-C", str(checkout), "check", "--today", TODAY)
    assert code == 0, out
    assert "cold-brew-tips" not in out, out  # not even SMM012: the editor's own form


def test_editing_a_caption_changes_only_the_caption(browser: Browser, editor: Editor) -> None:
    path = "content/posts/2026/12/welcome.md"
    before = (editor.plan / path).read_text(encoding="utf-8")
    page, outside = open_editor(browser, editor)
    page.get_by_text("Welcome post").click()
    body = page.locator("textarea[id^='body-field']")
    body.wait_for()
    body.fill("A new caption for the welcome post.\n\n#hello")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Entry saved").wait_for()
    assert outside == []
    after = git(editor.plan, "show", f"cms/posts/2026/12/welcome:{path}")
    head_before, _, _ = before.partition("\n---\n")
    head_after, _, caption = after.partition("\n---\n")
    assert head_after == head_before
    assert caption == "A new caption for the welcome post.\n\n#hello\n"


def test_a_file_the_editor_would_rewrite_is_refused(browser: Browser, editor: Editor) -> None:
    page, _ = open_editor(browser, editor)
    page.get_by_text("Commented post").click()
    body = page.locator("textarea[id^='body-field']")
    body.wait_for()
    banner = page.frame_locator("iframe").first.locator(".smmplan-refused")
    assert "line 4 would be rewritten (the comment at the end of the line is dropped)" in (
        banner.inner_text())
    body.fill("Another caption.")
    page.get_by_role("button", name="Save").click()
    message = page.get_by_text("would be rewritten")
    message.wait_for()
    assert "line 4 would be rewritten (the comment at the end" in message.inner_text()
    page.screenshot(path=str(SHOTS / "cms-refused.png"))
    assert not any("commented" in b for b in cms_branches(editor.plan))
    assert (editor.plan / "content/posts/2026/12/commented.md").read_text(
        encoding="utf-8") == COMMENTED


def test_the_site_holds_the_pinned_release() -> None:
    from smmplan.cms import admin, pinned

    files = admin.release_files(DIST)
    assert pinned.SCRIPT in files and len(files) > 50
    assert shutil.which("node")


EVERY_OPTION = {
    "mkdocs.yml": "site_name: Every option\nsite_url: https://kopi-org.github.io/plan/\n"
                  "docs_dir: content\ntheme: {name: material}\nplugins: [search, smmplan]\n",
    "guidelines/rules.yml": "timezone: America/New_York\nlanguage: id\npillars:\n"
                            "  education: {target: 50%}\n  promo: {target: 50%, max: 60%}\n"
                            "channels:\n" + "".join(
                                f"  {p}-main: {{platform: {p}, name: \"{p.title()} «main»\"}}\n"
                                for p in ("x", "bluesky", "threads", "mastodon", "instagram",
                                          "linkedin", "tiktok", "facebook", "youtube",
                                          "pinterest")) +
                            "  own: {platform: newsletter, name: Newsletter, max_length: 900}\n",
    "guidelines/team.yml": "members:\n  rina: {name: \"Rina 'R' W.\", github: rinaw, "
                           "roles: [creator]}\n  dimas: {name: Dimas, roles: [editor, "
                           "manager]}\n",
    "personas/a.yml": "name: \"Ayu: <b>bold</b>\"\nlast_reviewed: 2026-11-01\n",
    "personas/b.yml": "name: Budi\nlast_reviewed: 2026-11-01\n",
    "content/campaigns/c.md": "---\nname: Campaign & co\nstart: 2026-11-01\nend: 2026-12-31\n"
                              "---\nBrief.\n",
    "content/posts/p.md": "---\ntitle: P\ndate: 2026-12-01 09:00\nchannel: x-main\n"
                          "pillar: education\n---\nCaption.\n",
}


def serve_config(root: Path, config: str) -> tuple[str, http.server.ThreadingHTTPServer]:
    """A site holding only the admin page (the pinned release from npm) and ``config``."""
    from smmplan.cms import admin
    from smmplan.load import load_plan

    plan, _ = load_plan(REPO)
    site = root / "site"
    for name, data in admin.site_files(plan, DIST).items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
    (site / "admin" / "config.yml").write_text(config, encoding="utf-8")
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_port}/admin/", httpd


def decap_verdict(browser: Browser, url: str) -> str:
    """What Decap says of its configuration: ``valid`` when it gets to sign-in, else its
    list of configuration errors."""
    page = browser.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:"))
            else None)
    page.goto(url)
    login = page.get_by_role("button", name="Login with GitHub")
    errors = page.get_by_text("Error loading the CMS configuration")
    login.or_(errors).first.wait_for()
    verdict = "valid" if login.is_visible() else page.inner_text("body")
    page.close()
    assert outside == []
    return verdict


def generated_configs(tmp_path: Path) -> dict[str, str]:
    from conftest import write_files

    from smmplan.cms.config import Backend, backend_for, render
    from smmplan.load import load_plan

    example, _ = load_plan(REPO)
    every = load_plan(write_files(tmp_path / "every", EVERY_OPTION))[0]
    bare = load_plan(write_files(tmp_path / "bare", {
        "guidelines/rules.yml": "timezone: UTC\nchannels: {x: {platform: x}}\n"}))[0]
    return {
        "example": render(example, backend_for(example)),
        "every option": render(every, Backend("kopi-org/plan", "drafts/main",
                                              "https://auth.example.org",
                                              "http://127.0.0.1:9/api/v1")),
        "no personas, campaigns or team": render(bare, backend_for(bare)),
    }


def test_decap_accepts_the_generated_configurations(browser: Browser, tmp_path: Path) -> None:
    configs = generated_configs(tmp_path)
    import yaml

    bare = yaml.safe_load(configs["no personas, campaigns or team"])
    fields = [f["name"] for f in bare["collections"][0]["fields"]]
    assert fields == ["id", "title", "date", "channel", "pillar", "status", "format", "tags",
                      "link", "body"]  # no select without choices: Decap refuses those
    for name, config in configs.items():
        url, httpd = serve_config(tmp_path / name.replace(" ", "-"), config)
        try:
            assert decap_verdict(browser, url) == "valid", name
        finally:
            httpd.shutdown()
    # the same check sees a configuration Decap's schema rejects
    broken = configs["example"].replace("publish_mode: editorial_workflow",
                                        "publish_mode: straight_to_main")
    url, httpd = serve_config(tmp_path / "broken", broken)
    try:
        verdict = decap_verdict(browser, url)
    finally:
        httpd.shutdown()
    assert "publish_mode" in verdict and "Config Errors" in verdict, verdict
