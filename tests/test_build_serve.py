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
from pathlib import Path

from conftest import FIXTURES


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
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


def test_serve_shows_an_edited_post_without_restart(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(FIXTURES / "site" / "plan", plan)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "smmplan", "-C", str(plan), "serve", "--dev-addr",
         f"127.0.0.1:{port}", "--today", "2026-11-25"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ},
        start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/kopi/posts/late-night/"
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
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
