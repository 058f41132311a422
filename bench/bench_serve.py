"""Preview latency: from saving a post to ``smmplan serve`` showing the change.

    python bench/bench_serve.py [--posts 5000] [--saves 3]

Generates a plan (``bench/generate.py``), starts ``smmplan serve`` on a free port, waits for the
first build, then edits one post's title several times; after each save it polls the post's
page and its month grid until both show the new title, then a channel page (which waits for
the full rebuild rather than show the old title). Baseline in the same run: a full
``smmplan build`` of the plan. Target (SPEC §9): both pages within 1 s of the save.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import generate_plan  # noqa: E402

OUT = HERE / "out"
TODAY = dt.date(2027, 1, 1)
TARGET_S = 1.0
POST = "post-00042"


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(urls: list[str], text: str, timeout: float) -> float:
    """Seconds until every page at ``urls`` contains ``text``."""
    start = time.perf_counter()
    pending = list(urls)
    while pending:
        if time.perf_counter() - start > timeout:
            raise SystemExit(f"{pending[0]} did not show {text!r} within {timeout:.0f} s")
        page = fetch(pending[0])
        if page is not None and text in page:
            pending.pop(0)
        else:
            time.sleep(0.05)
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--saves", type=int, default=3)
    args = parser.parse_args()
    plan = generate_plan(OUT / f"serve-{args.posts}", args.posts, seed=1)
    source = next((plan / "content" / "posts").rglob(f"{POST}.md"))
    smmplan = [sys.executable, "-m", "smmplan", "-C", str(plan)]
    start = time.perf_counter()
    subprocess.run([*smmplan, "build", "--today", TODAY.isoformat(), "--site-dir",
                    str(OUT / f"serve-site-{args.posts}")], check=True, capture_output=True)
    full_build = time.perf_counter() - start
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([*smmplan, "serve", "--today", TODAY.isoformat(), "--dev-addr",
                               f"127.0.0.1:{port}"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/plan"  # mkdocs serves under site_url's path
        text = source.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title: "))
        month = next(line for line in text.splitlines() if line.startswith("date: "))[6:13]
        urls = [f"{base}/posts/{POST}/", f"{base}/calendar/{month}/"]
        channel = next(line for line in text.splitlines() if line.startswith("channel"))
        rest = f"{base}/channels/{channel.split(':')[1].strip(' []').split(',')[0]}/"
        wait_for(urls, title[7:], timeout=1800)
        latencies, whole = [], []
        for n in range(args.saves):
            token = f"Edited{n}x{os.getpid()}"
            time.sleep(1.0)  # a save, not a burst: let the server settle
            source.write_text(text.replace(title, f"title: {token}"), encoding="utf-8")
            saved = time.perf_counter()
            latencies.append(wait_for(urls, token, timeout=600))
            # a page the quick render leaves to the full build: held back until it is current
            wait_for([rest], token, timeout=600)
            whole.append(time.perf_counter() - saved)
        source.write_text(text, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    best, worst = min(latencies), max(latencies)
    print(f"posts {args.posts}: full build {full_build:.2f} s; save -> post page and month grid "
          f"show it: best {best:.2f} s, worst {worst:.2f} s of {args.saves} "
          f"(target <= {TARGET_S:.0f} s: {'met' if worst <= TARGET_S else 'MISSED'}); "
          f"the whole site current after {min(whole):.1f}-{max(whole):.1f} s")


if __name__ == "__main__":
    main()
