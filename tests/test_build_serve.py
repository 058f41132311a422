"""``smmplan serve``: a live preview where an edit to one post shows without a restart."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import FIXTURES


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str, timeout: float = 2) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return str(r.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, needle: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = fetch(url)
        if text is not None and needle in text:
            return text
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared at {url}")


@contextmanager
def serving(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """``smmplan serve`` on a copy of the fixture plan: the plan and the site's address."""
    plan = tmp_path / "plan"
    shutil.copytree(FIXTURES / "site" / "plan", plan)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "smmplan", "-C", str(plan), "serve", "--dev-addr",
         f"127.0.0.1:{port}", "--today", "2026-11-25"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ},
        start_new_session=True)
    try:
        yield plan, f"http://127.0.0.1:{port}/kopi"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def test_serve_shows_an_edited_post_without_restart(tmp_path: Path) -> None:
    with serving(tmp_path) as (plan, base):
        url = f"{base}/posts/late-night/"
        wait_for(url, "Our cold brew keeps you going")
        post = plan / "content/posts/2026/12/late-night.md"
        post.write_text(post.read_text(encoding="utf-8").replace(
            "Our cold brew keeps you going", "Our iced gula aren latte keeps you awake"),
            encoding="utf-8")
        page = wait_for(url, "Our iced gula aren latte keeps you awake")
        assert "Our cold brew keeps you going" not in page
        # a change to a persona (outside docs_dir) rebuilds as well
        persona = plan / "personas/mahasiswa.yml"
        persona.write_text(persona.read_text(encoding="utf-8").replace(
            "name: Mahasiswa", "name: Mahasiswa rantau"), encoding="utf-8")
        wait_for(url, "Mahasiswa rantau")


def test_serve_never_shows_a_page_older_than_the_save(tmp_path: Path) -> None:
    """After a save, the post's page shows it at once; a page the quick render left alone
    (the channel's list) is held back until the full build, so it too shows the new title."""
    with serving(tmp_path) as (plan, base):
        channel = f"{base}/channels/instagram/"
        wait_for(channel, "Late night study brew")
        post = plan / "content/posts/2026/12/late-night.md"
        for n in range(2):
            old = "Late night study brew" if n == 0 else "Edited title 0"
            post.write_text(post.read_text(encoding="utf-8").replace(
                f"title: {old}", f"title: Edited title {n}"), encoding="utf-8")
            wait_for(f"{base}/posts/late-night/", f"Edited title {n}")
            # held back until the full build, rather than shown with the old title
            page = fetch(channel, timeout=90)
            assert page is not None and f"Edited title {n}" in page and old not in page


def test_a_terminated_serve_leaves_no_build_running_and_no_folder(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(FIXTURES / "site" / "plan", plan)
    temp = tmp_path / "tmp"
    temp.mkdir()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "smmplan", "-C", str(plan), "serve", "--dev-addr",
         f"127.0.0.1:{port}", "--today", "2026-11-25"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(temp)}, start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/kopi"
        wait_for(f"{base}/posts/late-night/", "Late night study brew")
        post = plan / "content/posts/2026/12/late-night.md"
        post.write_text(post.read_text(encoding="utf-8").replace(
            "title: Late night study brew", "title: Stopped midway"), encoding="utf-8")
        wait_for(f"{base}/posts/late-night/", "Stopped midway")  # the full build now runs
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while _builds_of(plan) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _builds_of(plan) == []
    assert list(temp.iterdir()) == []


def _builds_of(plan: Path) -> list[int]:
    """Processes whose command line names the plan (the background build)."""
    out = []
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"smmplan.preview" in cmd and str(plan).encode() in cmd:
            out.append(int(proc.name))
    return out
