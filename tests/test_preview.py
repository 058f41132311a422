"""The live preview's fast path (smmplan.preview): a saved post's page and month grid are
rendered at once and are exactly what a full build makes; every other page is stale until the
full build of the child process is swapped in; anything but an edit of known posts builds all.

These run the real mkdocs build in process, without the HTTP server (test_build_serve.py
covers the server).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES

from smmplan.preview import Preview, _load

TODAY = dt.date(2026, 11, 25)
POST = "content/posts/2026/12/late-night.md"


def _site_pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.suffix == ".html"}


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)  # quiet here; given back, since strict builds count warnings
    plan = tmp_path / "plan"
    shutil.copytree(FIXTURES / "site" / "plan", plan)
    site = tmp_path / "work" / "site"
    site.mkdir(parents=True)
    p = Preview(plan, site, "127.0.0.1:8765", TODAY, serve_url="http://127.0.0.1:8765/kopi/")
    config = _load(p.root, str(site), p.dev_addr)
    config.plugins.on_startup(command="serve", dirty=False)
    assert p.full_build(config)
    yield p
    p.close()
    logger.setLevel(level)


def _save(p: Preview, rel: str, old: str, new: str) -> None:
    path = p.root / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    p.note_change(str(path))


def _finish_background(p: Preview, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not p.swap_ready:
        assert p.background is not None, "no full build was started"
        assert time.monotonic() < deadline, "the full build never finished"
        time.sleep(0.1)
    p.rebuild()


def test_a_saved_post_shows_at_once_and_the_rest_waits_for_the_full_build(
        preview: Preview) -> None:
    site = preview.site_dir
    before = _site_pages(site)
    _save(preview, POST, "title: Late night study brew", "title: Midnight gula aren")
    preview.rebuild()
    # the fast path: the post's page and December's grids, nothing else written
    assert preview.background is not None and preview.stale
    fresh = set(preview.fresh)
    assert "posts/late-night/index.html" in fresh and "calendar/2026-12/index.html" in fresh
    assert "calendar/2026-12/instagram/index.html" in fresh
    assert all(not preview.is_stale(f) for f in fresh)
    after = _site_pages(site)
    assert {f for f in after if after[f] != before.get(f)} <= fresh
    for f in ("posts/late-night/index.html", "calendar/2026-12/index.html"):
        assert "Midnight gula aren" in after[f].decode()
    # every other page is stale, and so are the feeds and the search index
    for other in ("index.html", "channels/instagram/index.html", "calendar.ics",
                  "search/search_index.json"):
        assert preview.is_stale(other), other
    assert not preview.is_stale("assets/smmplan/smmplan.css")
    fast = {f: after[f] for f in fresh}
    _finish_background(preview)
    assert not preview.stale and preview.fresh == {}
    full = _site_pages(site)
    # what the fast path wrote is byte for byte what the full build makes
    assert {f: full[f] for f in fast} == fast
    assert "Midnight gula aren" in full["channels/instagram/index.html"].decode()


def test_a_save_while_the_full_build_runs_keeps_the_newer_page(preview: Preview) -> None:
    _save(preview, POST, "title: Late night study brew", "title: First edit")
    preview.rebuild()
    first = preview.background
    _save(preview, POST, "title: First edit", "title: Second edit")
    preview.rebuild()
    assert preview.background is first  # one full build at a time
    _finish_background(preview)
    # the first full build saw "First edit": the page the second save wrote is kept, and a
    # second full build runs for the rest
    page = (preview.site_dir / "posts/late-night/index.html").read_text(encoding="utf-8")
    assert "Second edit" in page and "First edit" not in page
    assert preview.stale and preview.background is not None
    assert preview.is_stale("channels/instagram/index.html")
    _finish_background(preview)
    assert not preview.stale
    text = (preview.site_dir / "channels/instagram/index.html").read_text(encoding="utf-8")
    assert "Second edit" in text


@pytest.mark.parametrize("change", ["new post", "id", "persona", "month"])
def test_anything_but_an_edit_of_known_posts_builds_the_whole_site(
        preview: Preview, change: str) -> None:
    root = preview.root
    if change == "new post":
        new = root / "content/posts/2026/12/extra.md"
        new.write_text((root / POST).read_text(encoding="utf-8").replace(
            "Late night study brew", "A brand new post").replace("id: late-night", "id: extra"),
            encoding="utf-8")
        preview.note_change(str(new))
        expected = ("posts/extra/index.html", "A brand new post")
    elif change == "id":
        _save(preview, POST, "id: late-night", "id: renamed-post")
        expected = ("posts/renamed-post/index.html", "Late night study brew")
    elif change == "persona":
        persona = next((root / "personas").glob("*.yml"))
        persona.write_text(persona.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        preview.note_change(str(persona))
        expected = ("posts/late-night/index.html", "Late night study brew")
    else:  # the post moves to a month that had no page
        _save(preview, POST, "date: 2026-12-01T23:30:00Z", "date: 2027-06-01T23:30:00Z")
        expected = ("calendar/2027-06/index.html", "Late night study brew")
    preview.rebuild()
    assert preview.background is None and not preview.stale  # built in place, all current
    page, text = expected
    assert text in (preview.site_dir / page).read_text(encoding="utf-8")


def test_an_editors_temporary_file_changes_nothing(preview: Preview) -> None:
    swap = preview.root / "content/posts/2026/12/.late-night.md.swp"
    swap.write_text("x", encoding="utf-8")
    swap.unlink()
    preview.note_change(str(swap))
    before = _site_pages(preview.site_dir)
    preview.rebuild()
    assert preview.background is None and not preview.stale
    assert _site_pages(preview.site_dir) == before


def test_a_failed_full_build_falls_back_to_the_last_good_site(preview: Preview) -> None:
    preview.dev_addr = "not an address"  # the child's config and the in-place one both fail
    _save(preview, POST, "title: Late night study brew", "title: Broken later")
    preview.rebuild()
    job = preview.background
    assert job is not None
    job.process.wait(timeout=120)
    deadline = time.monotonic() + 30
    while not preview.failed:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    preview.rebuild()
    # nothing could be built: the site as it was (the quick pages included) is served whole,
    # rather than every other page waiting for a build that cannot come
    assert preview.background is None and not preview.stale and not preview.failed
    page = (preview.site_dir / "posts/late-night/index.html").read_text(encoding="utf-8")
    assert "Broken later" in page


def test_a_deleted_page_or_persona_rebuilds_the_site(preview: Preview) -> None:
    about = preview.root / "content/about.md"
    assert (preview.site_dir / "about/index.html").is_file()
    about.unlink()
    preview.note_change(str(about))
    preview.rebuild()
    assert not (preview.site_dir / "about/index.html").exists()
    assert preview.background is None and not preview.stale


def test_every_page_is_stale_from_the_moment_a_change_is_seen(preview: Preview) -> None:
    """Between the watcher's event and the build thread's quick render no page is current:
    not even one the last quick render wrote."""
    _save(preview, POST, "title: Late night study brew", "title: One")
    preview.rebuild()
    assert not preview.is_stale("posts/late-night/index.html")
    _save(preview, POST, "title: One", "title: Two")  # seen, not yet handled
    assert preview.is_stale("posts/late-night/index.html")
    assert not preview.wait_until_current("posts/late-night/index.html", timeout=0.1)
    preview.rebuild()
    assert not preview.is_stale("posts/late-night/index.html")
    assert "Two" in (preview.site_dir / "posts/late-night/index.html").read_text(
        encoding="utf-8")
