"""SPEC §8.1 and issue 10: nothing a pull request adds can run code, leave the plan or put
script on the site; every fault ends in one clear message. One test (or more) per hole."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_build import plan

from smmplan.check import check_plan
from smmplan.oserrors import describe
from smmplan.pages.html import markdown_html
from smmplan.siteconfig import read_site_config

TODAY = "2026-11-25"
__all__ = ["plan"]  # test_build's copy of the site fixture plan


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def silence(plan: Path, *codes: str) -> None:
    """Turn codes to info, so that a build proceeds: what they guard must hold regardless."""
    append(plan / "guidelines/rules.yml",
           "severity: {" + ", ".join(f"{c}: info" for c in codes) + "}\n")


def found(plan: Path, code: str) -> list[tuple[str, int, int, str]]:
    result = check_plan(plan, __import__("datetime").date.fromisoformat(TODAY))
    return [(d.file, d.line, d.column, d.message) for d in result.diagnostics if d.code == code]


class Active(HTMLParser):
    """What in a page could run script: script elements, on* handlers, javascript: URLs,
    frames. Material's own scripts are fine; anything carrying the tests' marker is not."""

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            v = (value or "").lower()
            if name.startswith("on") or "javascript:" in v.replace(" ", ""):
                self.hits.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed"):
            self.hits.append(f"<{tag}>")
        self._in_script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._in_script and "pwned" in data:
            self.hits.append(f"script: {data[:60]}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def active(site: Path) -> list[str]:
    hits = []
    for page in site.rglob("*.html"):
        parser = Active()
        parser.feed(page.read_text(encoding="utf-8"))
        hits += [f"{page.relative_to(site)}: {h}" for h in parser.hits]
    return hits


# --- 1. mkdocs.yml runs code ----------------------------------------------------------------

def test_a_python_tag_in_mkdocs_yml_is_refused_and_never_runs(cli, plan: Path,
                                                               tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    append(plan / "mkdocs.yml",
           f'extra:\n  x: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert found(plan, "SMM007") == [
        ("mkdocs.yml", 10, 3, "the tag !!python/object/apply:os.system is refused: smmplan reads "
         "mkdocs.yml with a safe loader and runs nothing a tag names")]
    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 1
    silence(plan, "SMM007")
    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 0
    assert not marker.exists()


def test_python_names_of_markdown_modules_still_work(cli, plan: Path) -> None:
    append(plan / "mkdocs.yml", "markdown_extensions:\n  - pymdownx.superfences:\n"
           "      custom_fences:\n        - name: mermaid\n          class: mermaid\n"
           "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
           "  - pymdownx.emoji:\n      emoji_generator: !!python/name:os.system\n"
           "      emoji_index: !!python/name:markdown.markdownFromFile\n")
    # a function of an allowed package is no better: markdownFromFile writes files
    refused = "is refused: smmplan reads only the fence, emoji and slug functions of " \
        "pymdownx, Material and Markdown"
    assert [m for *_, m in found(plan, "SMM007")] == [
        f"!!python/name:os.system {refused}", f"!!python/name:markdown.markdownFromFile {refused}"]


def test_hooks_and_other_plugins_are_annotated_at_their_position(cli, plan: Path) -> None:
    (plan / "hooks").mkdir()
    (plan / "hooks/h.py").write_text("x = 1\n", encoding="utf-8")
    append(plan / "mkdocs.yml", "hooks:\n  - hooks/h.py\nextra_javascript:\n  - js/x.js\n"
           "theme:\n  name: material\n  custom_dir: overrides\n")
    text = (plan / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "plugins:\n  - search\n", "plugins:\n  - search\n  - material/tags\n  - macros\n")
    (plan / "mkdocs.yml").write_text(text.replace("theme:\n  name: material\n", "", 1),
                                     encoding="utf-8")
    (plan / "overrides").mkdir()
    result = cli("-C", str(plan), "check", "--today", TODAY, "--format", "github")
    lines = [line for line in result.output.splitlines() if "SMM010" in line]
    assert lines == [
        "::warning file=mkdocs.yml,line=7,col=5,title=SMM010 site-config::the plugin macros "
        "runs its code at every build%0Areview what it runs; CODEOWNERS should route mkdocs.yml "
        "to the plan's managers",
        "::warning file=mkdocs.yml,line=10,col=5,title=SMM010 site-config::the hook hooks/h.py "
        "runs Python code at every build%0Areview what it runs; CODEOWNERS should route "
        "mkdocs.yml to the plan's managers",
        "::warning file=mkdocs.yml,line=12,col=5,title=SMM010 site-config::extra_javascript adds "
        "the script js/x.js to every page%0Areview what it runs; CODEOWNERS should route "
        "mkdocs.yml to the plan's managers",
        "::warning file=mkdocs.yml,line=15,col=3,title=SMM010 site-config::theme.custom_dir "
        "overrides the theme's templates: they can add script to every page%0Areview what it "
        "runs; CODEOWNERS should route mkdocs.yml to the plan's managers",
    ]


@pytest.mark.parametrize("setting", ["docs_dir: ../elsewhere", "docs_dir: .git",
                                     "theme:\n  name: material\n  custom_dir: ../elsewhere",
                                     "hooks: [../elsewhere/h.py]", "site_dir: .git/site"])
def test_paths_leaving_the_plan_are_refused_whatever_the_level(cli, plan: Path,
                                                               setting: str) -> None:
    (plan.parent / "elsewhere").mkdir()
    (plan.parent / "elsewhere/secret.md").write_text("# secret\n", encoding="utf-8")
    (plan / ".git").mkdir()
    (plan / ".git/config").write_text("[core]\n", encoding="utf-8")
    text = (plan / "mkdocs.yml").read_text(encoding="utf-8")
    if setting.startswith("theme"):
        text = text.replace("theme:\n  name: material\n", "")
    text = text.replace("docs_dir: content\n", "") if setting.startswith("docs_dir") else text
    (plan / "mkdocs.yml").write_text(text + setting + "\n", encoding="utf-8")
    assert any("must be a" in m for *_, m in found(plan, "SMM007"))
    silence(plan, "SMM007")
    result = cli("-C", str(plan), "build", "--today", TODAY)
    assert result.exit_code == 2 and "mkdocs.yml is refused" in result.output
    assert not (plan / "site").exists()


def test_env_in_a_text_field_never_reaches_a_page(cli, plan: Path) -> None:
    append(plan / "mkdocs.yml", "copyright: !ENV [SMMPLAN_TEST_SECRET, Kopi Senja]\n"
           "site_dir: !ENV [SMMPLAN_TEST_SITE, site]\n")
    [(_, line, _, message)] = found(plan, "SMM007")
    assert line == 9 and message.startswith("!ENV is not read in copyright")
    silence(plan, "SMM007")
    env = {"SMMPLAN_TEST_SECRET": "hunter2-topsecret", "SMMPLAN_TEST_SITE": "public"}
    assert cli("-C", str(plan), "build", "--today", TODAY, env=env).exit_code == 0
    pages = [p.read_text(encoding="utf-8") for p in (plan / "public").rglob("*.html")]
    assert pages and not any("hunter2" in p for p in pages)
    assert all("Kopi Senja" in p for p in pages if "md-copyright" in p)


# --- 2. ordinary pages and mkdocs.yml text carry script ----------------------------------------

HOSTILE_PAGE = """\
---
title: "About <img src=x onerror=window.__pwned=1>"
description: '"><script>window.__pwned=2</script>'
---
# About us <script>window.__pwned=3</script>

<img src=x onerror="window.__pwned=4"> [click](javascript:window.__pwned=5)

A paragraph with attributes.
{: onclick="window.__pwned=6" }

<iframe src="javascript:window.__pwned=7"></iframe>

Never paste a <style> block into a caption; this sentence must stay.

!!! tip "Kept"
    Admonitions still work.
"""


def test_ordinary_pages_are_sanitised_like_captions(cli, plan: Path) -> None:
    (plan / "content/about.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    append(plan / "mkdocs.yml", "markdown_extensions: [admonition, attr_list, md_in_html]\n")
    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 0
    assert active(plan / "site") == []
    page = (plan / "site/about/index.html").read_text(encoding="utf-8")
    assert "this sentence must stay" in page and "&lt;style&gt;" in page
    assert 'class="admonition tip"' in page


def test_mkdocs_yml_text_fields_are_escaped(cli, plan: Path) -> None:
    payload = "<script>window.__pwned=1</script>"
    append(plan / "mkdocs.yml", f"copyright: '{payload}<b>bold</b>'\n"
           f"site_description: '\"><script>window.__pwned=2</script>'\n"
           f"site_author: '{payload}'\n"
           "repo_url: 'https://github.com/x/y\"><script>window.__pwned=3</script>'\n"
           f"repo_name: '{payload}'\n"
           "extra:\n  homepage: 'javascript:window.__pwned=4'\n  social:\n"
           "    - {icon: fontawesome/brands/github, link: 'javascript:window.__pwned=5', "
           f"name: '{payload}'}}\n")
    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 0
    assert active(plan / "site") == []
    index = (plan / "site/index.html").read_text(encoding="utf-8")
    assert "<b>bold</b>" in index  # a copyright keeps simple markup
    assert 'href="https://github.com/x/y%22%3E%3Cscript%3E' in index


def test_unsafe_extra_javascript_is_refused(plan: Path) -> None:
    append(plan / "mkdocs.yml", 'extra_javascript: ["javascript:alert(1)", "https://cdn.example/a.js"]\n')
    codes = [(c, m.split(" (")[0]) for c in ("SMM007", "SMM010") for *_, m in found(plan, c)]
    assert codes == [("SMM007", "extra_javascript may hold https URLs and paths inside the site "
                      "only"),
                     ("SMM010", "extra_javascript adds the script javascript:alert(1) to every "
                      "page"),
                     ("SMM010", "extra_javascript adds the script https://cdn.example/a.js to "
                      "every page")]


# --- 3, 5, 8. what the site folder may publish ---------------------------------------------------

def test_files_that_cannot_be_published_are_diagnosed_and_left_out(cli, plan: Path) -> None:
    content = plan / "content"
    (content / "passwd.txt").symlink_to("/etc/passwd")
    (content / "dangling.md").symlink_to(plan / "nowhere.md")
    os.mkfifo(content / "fifo.md")
    (content / "latin.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    (content / "raw.html").write_text("<script>window.__pwned=1</script>", encoding="utf-8")
    (content / "logo.svg").write_text('<svg onload="window.__pwned=2"/>', encoding="utf-8")
    (content / "ok.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (content / "calendars").mkdir()
    (content / "calendars/holidays.ics").write_text("BEGIN:VCALENDAR\n", encoding="utf-8")
    (content / "git").symlink_to(plan / ".git")
    (plan / ".git").mkdir()
    (plan / ".git/config").write_text("[credential]\n", encoding="utf-8")
    assert [(f, m) for f, _, _, m in found(plan, "SMM008")] == [
        ("content/calendars/holidays.ics", "/calendars/holidays.ics is an address the site "
         "generates; it is not published"),
        ("content/dangling.md", "this link leads nowhere; it is not published"),
        ("content/fifo.md", "not a regular file (a FIFO, socket or device); it is not published"),
        ("content/git", "this link leads outside the plan; it is not published"),
        ("content/latin.md", "file is not UTF-8 (byte 0xe9)"),
        ("content/logo.svg", "a browser would run script from this file; it is not published"),
        ("content/passwd.txt", "this link leads outside the plan; it is not published"),
        ("content/raw.html", "a browser would run script from this file; it is not published"),
    ]
    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 1
    silence(plan, "SMM008")
    result = cli("-C", str(plan), "build", "--today", TODAY)
    assert result.exit_code == 0, result.output
    site = plan / "site"
    for gone in ("passwd.txt", "dangling", "fifo", "latin", "raw.html", "logo.svg", "git"):
        assert not any(p.name.startswith(gone) for p in site.iterdir()), gone
    assert (site / "ok.svg").is_file()
    assert (site / "calendars/holidays.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_new_does_not_write_through_a_folder_link_leading_outside(cli, plan: Path,
                                                                   tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (plan / "content/posts/2027").symlink_to(outside)
    result = cli("-C", str(plan), "new", "Resep", "--channel", "instagram", "--date",
                 "2027-01-05 09:00", "--pillar", "education")
    assert result.exit_code == 2 and "link leading outside the plan" in result.output
    assert list(outside.iterdir()) == []


# --- 4. X length -----------------------------------------------------------------------------

def test_a_caption_that_nfc_lengthens_is_too_long_on_x(plan: Path) -> None:
    post = plan / "content/posts/2026/12/gula-aren-launch.md"
    text = post.read_text(encoding="utf-8")
    head, _, _ = text.rpartition("---\n")
    post.write_text(head + "---\n" + "\U0001d15e" * 100 + "\n", encoding="utf-8")
    messages = [m for *_, m in found(plan, "SMM301")]
    assert any("400" in m and "280" in m for m in messages), messages


# --- 5. tracebacks instead of diagnostics ---------------------------------------------------------

def test_a_far_today_is_a_usage_error(cli, plan: Path) -> None:
    for command in ("check", "build", "report", "ical"):
        result = cli("-C", str(plan), command, "--today", "9999-12-20")
        assert result.exit_code == 2 and "too far ahead" in result.output, command


def test_a_persona_file_name_too_long_for_its_feed_is_smm003(plan: Path) -> None:
    (plan / "personas" / ("p" * 250 + ".yml")).write_text("name: Long\n", encoding="utf-8")
    [(file, _, _, message)] = found(plan, "SMM003")
    assert file.endswith("p.yml") and "250 characters long, over the limit of 100" in message


def smmplan(*args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smmplan", *args], capture_output=True,
                          text=True, timeout=120, **kw)  # type: ignore[call-overload]


def in_namespace(script: str) -> subprocess.CompletedProcess[str]:
    """Run ``script`` as root of a private user and mount namespace (mounts need no real root
    and vanish with the process)."""
    return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                           script], capture_output=True, text=True, timeout=300)


def test_full_disk_read_only_and_mount_point_keep_the_previous_site(plan: Path,
                                                                     tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    run = f"{sys.executable} -m smmplan -C {plan} build --today {TODAY}"
    done = in_namespace(f"""
        mount -t tmpfs -o size=12m tmpfs {disk}
        {run} --site-dir {disk}/site >/dev/null || exit 9
        cp -r {disk}/site {tmp_path}/before
        dd if=/dev/zero of={disk}/filler bs=1M count=64 2>/dev/null
        {run} --site-dir {disk}/site; echo "full=$?"
        rm {disk}/filler; mount -o remount,ro {disk}
        {run} --site-dir {disk}/site; echo "readonly=$?"
        {run} --site-dir {disk}/new/site; echo "readonly-new=$?"
        diff -r {tmp_path}/before {disk}/site && echo same
        ls -A {disk}
        mount -t tmpfs tmpfs {tmp_path}/mounted 2>/dev/null || (mkdir {tmp_path}/mounted &&
            mount -t tmpfs tmpfs {tmp_path}/mounted)
        {run} --site-dir {tmp_path}/mounted; echo "busy=$?"
    """)
    out = done.stdout + done.stderr
    assert "Traceback" not in out
    assert "full=2" in out and "the disk is full (ENOSPC)" in out
    assert "the previous site is unchanged" in out
    assert "readonly=2" in out and "readonly-new=2" in out and "read-only (EROFS)" in out
    assert "same" in out and "site\n" in out and ".site.building" not in out
    assert "busy=2" in out and "(EBUSY); choose a folder below it" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["before", "disk", "mounted", "plan"]


def test_every_os_fault_has_its_own_sentence() -> None:
    for code in (errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EBUSY, errno.ENAMETOOLONG,
                 errno.EADDRINUSE):
        text = describe(OSError(code, os.strerror(code), "/x\x1b[31m"))
        assert text.startswith("/x\\x1b[31m: ") and errno.errorcode[code] in text


def test_serve_on_a_busy_or_impossible_port_says_so(plan: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        busy = smmplan("-C", str(plan), "serve", "--dev-addr", f"127.0.0.1:{port}",
                       "--today", TODAY)
    assert busy.returncode == 2 and "already in use (another preview running?) (EADDRINUSE)" \
        in busy.stderr and "Traceback" not in busy.stderr
    bad = smmplan("-C", str(plan), "serve", "--dev-addr", "127.0.0.1:99999")
    assert bad.returncode == 2 and "port from 1 to 65535" in bad.stderr


def test_diff_of_a_commit_with_a_300_byte_file_name(plan: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}

    def git(*args: str, data: bytes | None = None) -> str:
        return subprocess.run(["git", "-C", str(plan), *args], input=data, env=env, check=True,
                              capture_output=True).stdout.decode().strip()

    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "base")
    blob = git("hash-object", "-w", "--stdin", data=b"---\ntitle: x\n---\n")
    name = "content/posts/" + "x" * 297 + ".md"  # git keeps it; the file system cannot
    git("update-index", "--add", "--cacheinfo", f"100644,{blob},{name}")
    git("commit", "-qm", "long")
    done = smmplan("-C", str(plan), "diff", "HEAD~1", "HEAD", "--today", TODAY)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "SMM008 unreadable-file: cannot be read from history: File name too long" in done.stdout


# --- 6. guides keep their text --------------------------------------------------------------------

@pytest.mark.parametrize("tag", ["style", "textarea", "title", "xmp", "noscript", "script"])
def test_prose_naming_a_raw_text_tag_keeps_the_rest(tag: str) -> None:
    html = markdown_html(f"Never paste a <{tag}> block.\n\nThe **rest** stays.\n")
    assert f"&lt;{tag}&gt; block" in html and "The <strong>rest</strong> stays." in html


# --- 7. file names ------------------------------------------------------------------------------

def test_undecodable_and_escape_names_print_safely(plan: Path) -> None:
    posts = os.fsencode(plan / "content/posts")
    with open(posts + b"/caf\xe9.md", "wb") as f:
        f.write(b"---\ntitle: x\n---\nbody\n")
    with open(posts + b"/red\x1b[31m.md", "wb") as f:
        f.write(b"---\ntitle: y\n---\nbody\n")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"}
    as_json = subprocess.run([sys.executable, "-m", "smmplan", "-C", str(plan), "check",
                              "--today", TODAY, "--format", "json"], capture_output=True,
                             env=env, timeout=120)
    data = json.loads(as_json.stdout.decode("utf-8"))  # strict UTF-8
    files = {d["file"] for d in data["diagnostics"]}
    assert {"content/posts/caf\\xe9.md", "content/posts/red\\x1b[31m.md"} <= files
    text = subprocess.run([sys.executable, "-m", "smmplan", "-C", str(plan), "check",
                           "--today", TODAY], capture_output=True, env=env, timeout=120)
    assert b"\x1b" not in text.stdout and b"red\\x1b[31m.md" in text.stdout
    assert b"Traceback" not in text.stderr + as_json.stderr


# --- 8. leftovers -----------------------------------------------------------------------------

def test_debris_of_a_killed_build_is_removed_and_a_failed_build_leaves_no_folders(
        cli, plan: Path, tmp_path: Path) -> None:
    debris = plan / ".site.building-999999999-abc"
    (debris / "assets").mkdir(parents=True)
    (debris / "assets/big.js").write_bytes(b"x" * 10_000)
    assert cli("-C", str(plan), "build", "--today", TODAY).exit_code == 0
    assert not debris.exists()
    assert sorted(p.name for p in plan.iterdir() if p.name.startswith(".")) == []
    # an mkdocs failure (a broken link, --strict) into a new path leaves no parent folders
    append(plan / "content/about.md", "\n[missing](nowhere.md)\n")
    target = tmp_path / "new" / "deep" / "site"
    result = cli("-C", str(plan), "build", "--today", TODAY, "--strict", "--site-dir",
                 str(target))
    assert result.exit_code == 2
    assert not (tmp_path / "new").exists()


def test_a_shallow_clone_warns_that_feed_stamps_are_unreliable(plan: Path,
                                                               tmp_path: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    for i in range(2):
        subprocess.run(["git", "-C", str(plan), "init", "-q"], check=True, env=env)
        subprocess.run(["git", "-C", str(plan), "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", str(plan), "commit", "-qm", f"c{i}", "--allow-empty"],
                       check=True, env=env)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{plan}", str(clone)],
                   check=True, env=env)
    done = smmplan("-C", str(clone), "ical", "--today", TODAY)
    assert done.returncode == 0
    assert "shallow git clone: the feeds' SEQUENCE and DTSTAMP are unreliable" in done.stderr
    full = smmplan("-C", str(plan), "ical", "--today", TODAY)
    assert "shallow" not in full.stderr


def test_serve_survives_mkdocs_yml_broken_mid_edit(plan: Path) -> None:
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = plan.parent / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "smmplan", "-C", str(plan), "serve",
                                 "--dev-addr", f"127.0.0.1:{port}", "--today", TODAY],
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/kopi/"

    def wait(check: object, seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if check():  # type: ignore[operator]
                return
            time.sleep(0.3)
        raise AssertionError(log.read_text(errors="replace")[-2000:])

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return str(r.read().decode("utf-8"))
        except OSError:
            return ""

    try:
        wait(lambda: "Kopi Nusantara plan" in page())
        config = plan / "mkdocs.yml"
        good = config.read_text(encoding="utf-8")
        config.write_text(good.replace("site_name: Kopi Nusantara plan", "site_name: [Kopi"),
                          encoding="utf-8")
        wait(lambda: "mkdocs.yml cannot be read: mkdocs.yml:2:9: YAML syntax" in
             log.read_text(errors="replace"))
        assert "Kopi Nusantara plan" in page()  # the last good site is still served
        config.write_text(good.replace("Kopi Nusantara plan", "Kopi Nusantara renewed"),
                          encoding="utf-8")
        wait(lambda: "Kopi Nusantara renewed" in page())
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)
    assert "Traceback" not in log.read_text(errors="replace")


_YAML_PIECES = ["site_name: x\n", "docs_dir: ", "content\n", "plugins:\n", "  - ", "search\n",
                "!!python/object/apply:os.system [x]", "!ENV ", "[A, b]", "!relative ",
                "!!python/name:pymdownx.x", "<<: ", "*a", "&a ", "{", "}", "[", "]", ": ",
                "\n", "  ", "hooks: ", "extra:\n", "'", '"', "- ", "!!binary ", "1", "?", "~",
                "!!set ", "!!omap ", "nav:\n", "javascript:x", "../", ".git"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_YAML_PIECES), max_size=30).map("".join))
def test_any_mkdocs_yml_gives_diagnostics_never_a_traceback(tmp_path_factory, text: str
                                                            ) -> None:
    root = tmp_path_factory.mktemp("any")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    site = read_site_config(root)
    assert all(d.code in ("SMM001", "SMM007", "SMM008", "SMM010") for d in site.diagnostics)
    if site.parsed and not site.fatal:
        assert isinstance(site.data, dict)
