"""Build time of the plan site with each engine against a bare mkdocs-material build, and the
peak memory of a large build.

    python bench/bench_build.py [--posts 5000] [--large 20000] [--repeat 1]

For ``--posts`` it generates a plan (``bench/generate.py``) and times, in interleaved rounds in
the same run, a bare mkdocs-material build of as many plain pages (one per post, a nav of the
plan site's size), ``smmplan build --engine mkdocs``, Zensical building the bare project and
``smmplan build --engine zensical`` (check, pages, feeds, engine). Each build runs in a child
process of its own, so that its peak resident memory (``getrusage``, the engine's own children
included) is its alone. Each round also builds the ``--large`` plan with mkdocs, for the peak
memory and the linear scaling of build time: in the same rounds, so that a machine busy with
other work slows the small and the large build alike.

Targets: within 1.5x of the bare build; peak memory of the large build under 300 MB;
large / small build time at most 4.4x the size ratio / 4.

    python bench/bench_build.py --calendar 20000

times the calendar of SPEC §7 instead: the plan gets a one-year horizon, so its site holds
month grids, channel-filtered grids and week pages besides the post pages, and the bare build
gets exactly as many plain pages as the plan site has. Target: within 1.2x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import generate_plan  # noqa: E402
from smmplan.check import check_plan  # noqa: E402
from smmplan.pages import navigation  # noqa: E402

OUT = HERE / "out"
TODAY = dt.date(2027, 1, 1)
TARGET = 1.5
MEMORY_MB = 300
SCALE_TARGET = 4.4
CALENDAR_TARGET = 1.2


def bare_project(root: Path, plan: Path, nav_size: int, pages: int = 0) -> Path:
    """An mkdocs-material project with one plain page per post (its caption) and a small nav;
    with ``pages``, plain pages are added until it has that many."""
    if root.exists():
        shutil.rmtree(root)
    docs = root / "docs"
    (docs / "posts").mkdir(parents=True)
    names = []
    for src in sorted((plan / "content" / "posts").rglob("*.md")):
        body = src.read_text(encoding="utf-8").split("---\n", 2)[2]
        title = src.stem
        (docs / "posts" / f"{title}.md").write_text(f"# {title}\n\n{body}", encoding="utf-8")
        names.append(f"posts/{title}.md")
    (docs / "index.md").write_text("# Bare\n\nHome.\n", encoding="utf-8")
    for i in range(max(pages - len(names) - 1, 0)):
        (docs / f"page-{i:05d}.md").write_text(f"# Page {i}\n\nA plain page.\n",
                                               encoding="utf-8")
    nav = ["index.md", *names[: max(nav_size - 1, 0)]]
    (root / "mkdocs.yml").write_text(
        "site_name: Bare\nsite_url: https://example.org/bare/\ntheme: {name: material}\n"
        "plugins: [search]\nnav:\n" + "".join(f"  - {n}\n" for n in nav), encoding="utf-8")
    return root


def child(job: str, folder: Path) -> None:
    """Run one build in this (child) process; print its seconds and peak memory in KiB."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    start = time.perf_counter()
    if job == "bare":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(config_file=str(folder / "mkdocs.yml"),
                             site_dir=str(folder / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    elif job == "bare-zensical":
        subprocess.run([sys.executable, "-m", "zensical", "build", "-f",
                        str(folder / "mkdocs.yml")], cwd=folder, check=True, capture_output=True)
    else:
        from smmplan.build import build_site

        outcome = build_site(folder, folder / "site", today=TODAY, engine=job)
        if outcome.site_dir is None:
            raise SystemExit(f"plan has errors: {outcome.result.diagnostics[:3]}")
    elapsed = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(f"{elapsed:.3f} {peak}")


def run(job: str, folder: Path) -> tuple[float, float]:
    """Seconds and peak MB of one build in a fresh child process."""
    done = subprocess.run([sys.executable, __file__, "--child", job, str(folder)],
                          capture_output=True, text=True, check=True)
    seconds, peak = done.stdout.split()[-2:]
    return float(seconds), int(peak) / 1024


def nav_entries(plan: Path) -> int:
    items = navigation(check_plan(plan, TODAY))
    return sum(max(len(i.children), 1) for i in items)


def calendar_bench(n: int, repeat: int) -> bool:
    """The plan with a one-year horizon against a bare build of as many pages; within target?"""
    from smmplan.pages import render_pages

    plan = generate_plan(OUT / f"calendar-{n}", n, seed=1)
    rules = plan / "guidelines" / "rules.yml"
    rules.write_text(rules.read_text(encoding="utf-8") + "horizon: 365d\n", encoding="utf-8")
    pages = render_pages(check_plan(plan, TODAY))
    kinds = {"month": 0, "channel month": 0, "week": 0, "other": 0}
    for address in pages:
        parts = address.strip("/").split("/")
        kind = "other" if parts[0] != "calendar" or len(parts) == 1 else \
            "week" if "-W" in parts[1] else "month" if len(parts) == 2 else "channel month"
        kinds[kind] += 1
    bare = bare_project(OUT / f"bare-calendar-{n}", plan, nav_entries(plan), len(pages))
    best: dict[str, float] = {}
    for _ in range(repeat):  # interleaved, so that a busy machine slows both alike
        for job, folder in (("bare", bare), ("mkdocs", plan)):
            best[job] = min(best.get(job, float("inf")), run(job, folder)[0])
    ratio = best["mkdocs"] / best["bare"]
    print(f"{n} posts, horizon 365d: {len(pages)} pages ({kinds['month']} months, "
          f"{kinds['channel month']} channel grids, {kinds['week']} weeks, {kinds['other']} "
          f"others); bare {best['bare']:.2f} s, smmplan {best['mkdocs']:.2f} s, ratio "
          f"{ratio:.2f} (target <= {CALENDAR_TARGET}x)", flush=True)
    return ratio <= CALENDAR_TARGET


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--calendar", type=int, metavar="POSTS",
                        help="time the calendar pages of a plan of this many posts instead")
    parser.add_argument("--child", nargs=2, metavar=("JOB", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return
    if args.calendar:
        print("within target" if calendar_bench(args.calendar, args.repeat) else
              "MISSED the target")
        return
    missed = False
    plan = generate_plan(OUT / f"plan-{args.posts}", args.posts, seed=1)
    bare = bare_project(OUT / f"bare-{args.posts}", plan, nav_entries(plan))
    jobs = [("bare", bare), ("mkdocs", plan), ("bare-zensical", bare), ("zensical", plan)]
    if args.large:
        jobs.append(("large", generate_plan(OUT / f"plan-{args.large}", args.large, seed=1)))
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.repeat):  # interleaved, so that a busy machine slows all alike
        for job, folder in jobs:
            got = run("mkdocs" if job == "large" else job, folder)
            best[job] = min(best.get(job, got), got)
    print(f"{'build':>22} {'posts':>6} {'s':>7} {'peak MB':>8} {'vs bare':>8}  "
          f"target <= {TARGET}x")
    for job, label in (("bare", "bare mkdocs-material"), ("mkdocs", "smmplan, mkdocs"),
                       ("bare-zensical", "bare Zensical"), ("zensical", "smmplan, Zensical")):
        seconds, peak = best[job]
        ratio = seconds / best["bare"][0]
        if job == "mkdocs":
            missed |= ratio > TARGET
        print(f"{label:>22} {args.posts:>6} {seconds:7.2f} {peak:8.0f} {ratio:7.2f}x", flush=True)
    if args.large:
        seconds, peak = best["large"]
        scale = seconds / best["mkdocs"][0]
        allowed = SCALE_TARGET * args.large / args.posts / 4
        missed |= peak > MEMORY_MB or scale > allowed
        print(f"{'smmplan, mkdocs':>22} {args.large:>6} {seconds:7.2f} {peak:8.0f}"
              f"   peak target < {MEMORY_MB} MB; {args.large}/{args.posts} time {scale:.2f}x "
              f"(target <= {allowed:.1f}x)", flush=True)
    print("within targets" if not missed else "MISSED a target")


if __name__ == "__main__":
    main()
