"""``smmplan build``: a real mkdocs-material build, refusal on errors, swap, same bytes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

import pytest
from conftest import FIXTURES

PLAN = FIXTURES / "site" / "plan"
TODAY = "2026-11-25"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    dest = tmp_path / "plan"
    shutil.copytree(PLAN, dest)
    return dest


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_every_page_and_feed(cli, plan: Path) -> None:
    result = cli("-C", str(plan), "build", "--today", TODAY)
    assert result.exit_code == 0, result.output
    site = plan / "site"
    assert result.output == f"Built 25 pages and 9 feeds into {site}\n"
    for page in ("index.html", "calendar/2026-12/index.html", "posts/late-night/index.html",
                 "channels/instagram/index.html", "personas/mahasiswa/index.html",
                 "campaigns/december-launch/index.html", "mix/index.html",
                 "engagement/index.html", "backlog/index.html", "checks/index.html",
                 "guidelines/index.html", "subscribe/index.html", "about/index.html",
                 "assets/smmplan/smmplan.css", "calendar.ics", "calendars/channel-instagram.ics"):
        assert (site / page).is_file(), page
    # post and campaign sources are not pages of their own
    assert not (site / "posts" / "2026").exists()
    assert "Launch the <strong>gula aren</strong> blend" in (
        site / "campaigns" / "december-launch" / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in plan.iterdir()) == [
        "content", "guidelines", "mkdocs.yml", "personas", "site"]  # no temp folder left
    assert (site / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_the_site_publishes_the_json_schemas_editors_use(cli, plan: Path) -> None:
    import json

    import jsonschema
    import yaml

    from smmplan.schema import KINDS, dumps, schema

    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 0
    published = plan / "site" / "schemas"
    assert sorted(p.name for p in published.iterdir()) == sorted(
        f"{kind}.schema.json" for kind in KINDS)
    for kind in KINDS:
        text = (published / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert text == dumps(schema(kind))
        jsonschema.Draft202012Validator.check_schema(json.loads(text))
    # the plan's own files pass the schemas the site publishes for them, read as the YAML
    # language server reads them (YAML 1.2: a date is a string)
    class Yaml12(yaml.SafeLoader):
        yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
            k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
            for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    for kind, path in (("rules", "guidelines/rules.yml"), ("team", "guidelines/team.yml"),
                       ("persona", "personas/mahasiswa.yml")):
        loaded = json.loads((published / f"{kind}.schema.json").read_text(encoding="utf-8"))
        data = yaml.load((plan / path).read_text(encoding="utf-8"), Loader=Yaml12)
        jsonschema.Draft202012Validator(loaded).validate(data)
    guidelines = (plan / "site" / "guidelines" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../schemas/rules.schema.json">' in guidelines


def test_search_indexes_a_post_by_its_caption_and_the_page_still_shows_its_facts(
        cli, plan: Path) -> None:
    import json

    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 0
    index = json.loads((plan / "site/search/search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("posts/late-night/")]
    assert entries == [{"location": "posts/late-night/", "title": "Late night study brew",
                        "text": "<p>approved soft-sell IG</p>Studying late? Our cold brew keeps "
                                "you going. Ask for it at any outlet."}]
    assert not [d for d in index["docs"] if d["location"].startswith(("channels/", "calendar/"))]
    html = (plan / "site/posts/late-night/index.html").read_text(encoding="utf-8")
    assert "smmplan:" not in html  # every stashed block is back in place
    assert '<h2 id="facts" data-search-exclude>Facts</h2>' in html
    assert "(Asia/Jakarta)" in html and "No diagnostics for this post." in html


def test_post_pages_sidebars_rendered_once_are_those_material_renders(
        plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from smmplan import mkdocs_plugin
    from smmplan.build import build_site

    today = dt.date.fromisoformat(TODAY)
    build_site(plan, tmp_path / "cached", today=today)
    monkeypatch.setattr(mkdocs_plugin._FragmentCache, "fragment",
                        lambda self, name, page, caller: caller())
    build_site(plan, tmp_path / "rendered", today=today)
    cached, rendered = tree(tmp_path / "cached"), tree(tmp_path / "rendered")
    assert list(cached) == list(rendered)
    assert [k for k in cached if cached[k] != rendered[k]] == []
    assert b'href="../../calendar/2026-12/"' in cached["posts/late-night/index.html"]


def test_two_builds_are_byte_identical(cli, plan: Path, tmp_path: Path) -> None:
    assert cli("-C", str(plan), "build", "--today", TODAY, "--site-dir",
               str(tmp_path / "a")).exit_code == 0
    assert cli("-C", str(plan), "build", "--today", TODAY, "--site-dir",
               str(tmp_path / "b")).exit_code == 0
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert "sitemap.xml.gz" in a and "search/search_index.json" in a
    assert list(a) == list(b)
    assert [k for k in a if a[k] != b[k]] == []


def test_plan_errors_write_nothing_and_keep_the_old_site(cli, plan: Path) -> None:
    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 0
    before = tree(plan / "site")
    post = plan / "content/posts/2026/12/late-night.md"
    post.write_text(post.read_text(encoding="utf-8").replace("pillar: soft-sell",
                                                             "pillar: gossip"),
                    encoding="utf-8")
    result = cli("-C", str(plan), "build", "--today", TODAY)
    assert result.exit_code == 1
    assert ("content/posts/2026/12/late-night.md:6:9: error[SMM006] unknown pillar 'gossip'"
            in result.output)
    assert result.output.endswith("Not built: the plan has errors; nothing was written.\n")
    assert tree(plan / "site") == before
    assert sorted(p.name for p in plan.iterdir()) == [
        "content", "guidelines", "mkdocs.yml", "personas", "site"]


def test_strict_refuses_warnings(cli, plan: Path, tmp_path: Path) -> None:
    post = plan / "content/posts/2026/12/linkedin-story.md"
    post.write_text(post.read_text(encoding="utf-8") + "Mantap gan.\n", encoding="utf-8")
    result = cli("-C", str(plan), "build", "--today", TODAY, "--strict", "--site-dir",
                 str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "warning[SMM303]" in result.output
    assert not (tmp_path / "out").exists()
    assert cli("-C", str(plan), "build", "--today", TODAY, "--site-dir",
               str(tmp_path / "out")).exit_code == 0


def test_mkdocs_failure_leaves_no_half_site(cli, plan: Path, tmp_path: Path) -> None:
    (plan / "content" / "about.md").write_text("[broken](missing.md)\n", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("-C", str(plan), "build", "--today", TODAY, "--strict", "--site-dir", str(out))
    assert result.exit_code == 2
    assert "Aborted with 1 warnings in strict mode" in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


@pytest.mark.parametrize("where", [".", "content", "content/site", "guidelines"])
def test_site_dir_that_would_replace_the_plan_is_refused(cli, plan: Path, where: str) -> None:
    result = cli("-C", str(plan), "build", "--today", TODAY, "--site-dir", str(plan / where))
    assert result.exit_code == 2
    assert "--site-dir" in result.output
    assert (plan / "content/posts/2026/12/late-night.md").is_file()


@pytest.mark.parametrize("site_dir_in", ["option", "mkdocs.yml"])
def test_a_folder_smmplan_did_not_build_is_never_replaced(cli, plan: Path, tmp_path: Path,
                                                          site_dir_in: str) -> None:
    """A mistyped --site-dir (or a pull request setting site_dir in mkdocs.yml) must not delete
    a folder of the user's: only an empty folder or an earlier smmplan site is replaced."""
    home = tmp_path / "home"
    (home / "notes").mkdir(parents=True)
    (home / "notes" / "todo.txt").write_text("keep me\n", encoding="utf-8")
    args = ["-C", str(plan), "build", "--today", TODAY]
    if site_dir_in == "option":
        args += ["--site-dir", str(home)]
    else:
        config = plan / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + f"site_dir: {home}\n",
                          encoding="utf-8")
    result = cli(*args)
    assert result.exit_code == 2
    assert f"{home} exists and was not built by smmplan" in result.output
    assert tree(home) == {"notes/todo.txt": b"keep me\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "plan"]


def test_an_earlier_smmplan_site_is_replaced(cli, plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()  # an empty folder is fine too
    for _ in range(2):
        result = cli("-C", str(plan), "build", "--today", TODAY, "--site-dir", str(out))
        assert result.exit_code == 0, result.output
        assert (out / ".smmplan-site").is_file()
    (out / "stale.html").write_text("old", encoding="utf-8")
    assert cli("-C", str(plan), "build", "--today", TODAY, "--site-dir", str(out)).exit_code == 0
    assert not (out / "stale.html").exists()


@pytest.mark.parametrize("directory_urls", [True, False])
def test_real_mkdocs_build_strict_with_the_plugin(plan: Path, tmp_path: Path,
                                                  directory_urls: bool) -> None:
    if not directory_urls:
        with (plan / "mkdocs.yml").open("a", encoding="utf-8") as fh:
            fh.write("use_directory_urls: false\n")
    env = {**os.environ, "SMMPLAN_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    site = tmp_path / "site"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                          str(plan / "mkdocs.yml"), "-d", str(site)],
                         capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    assert "WARNING" not in run.stderr
    assert (site / ("posts/late-night/index.html" if directory_urls
                    else "posts/late-night.html")).is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    assert "fonts.googleapis.com" not in home  # no network request from a plan site
    assert_links_resolve(site)


def test_theme_language_follows_the_plan(plan: Path, tmp_path: Path, cli) -> None:
    rules = plan / "guidelines/rules.yml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("language: en", "language: id"),
                     encoding="utf-8")
    assert cli("-C", str(plan), "build", "--today", TODAY, "--site-dir",
               str(tmp_path / "s")).exit_code == 0
    page = (tmp_path / "s/calendar/2026-12/index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in page
    assert "<title>Desember 2026 - Kopi Nusantara plan</title>" in page
    assert 'placeholder="Cari"' in page  # Material's own labels in Indonesian


def assert_links_resolve(site: Path) -> None:
    """Every relative href/src in the built HTML points at a file of the site."""
    broken = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:href|src)="([^"#?]*)[^"]*"', html):
            if not url or urlsplit(url).scheme or url.startswith("/"):  # 404.html: site_url
                continue
            target = (page.parent / unquote(url)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {url}")
    assert broken == []
