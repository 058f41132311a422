"""Build time of the plan site against a bare mkdocs-material build of as many plain pages.

    python bench/bench_build.py [--posts 1000 5000] [--repeat 1]

For each size it generates a plan (``bench/generate.py``), times ``smmplan build`` (check,
pages, feeds, mkdocs) and a bare mkdocs-material build of the same number of plain pages with a
nav of the same size as the plan site's, in the same run. Target: within 1.5x of the bare build.

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
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import generate_plan  # noqa: E402
from smmplan.build import build_site  # noqa: E402
from smmplan.check import check_plan  # noqa: E402
from smmplan.pages import navigation  # noqa: E402

OUT = HERE / "out"
TODAY = dt.date(2027, 1, 1)
TARGET = 1.5


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


def build_bare(root: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    config.plugins.on_shutdown()
    return time.perf_counter() - start


def build_plan(plan: Path) -> float:
    start = time.perf_counter()
    outcome = build_site(plan, plan / "site", today=TODAY)
    elapsed = time.perf_counter() - start
    if outcome.site_dir is None:
        raise SystemExit(f"plan has errors: {outcome.result.diagnostics[:3]}")
    return elapsed


def nav_entries(plan: Path) -> int:
    items = navigation(check_plan(plan, TODAY))
    return sum(max(len(i.children), 1) for i in items)


def calendar_bench(n: int, repeat: int) -> float:
    """The plan with a one-year horizon against a bare build of as many pages; the ratio."""
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
    bare_s = min(build_bare(bare) for _ in range(repeat))
    plan_s = min(build_plan(plan) for _ in range(repeat))
    ratio = plan_s / bare_s
    print(f"{n} posts, horizon 365d: {len(pages)} pages ({kinds['month']} months, "
          f"{kinds['channel month']} channel grids, {kinds['week']} weeks, {kinds['other']} "
          f"others); bare {bare_s:.2f} s, smmplan {plan_s:.2f} s, ratio {ratio:.2f} "
          f"(target ≤{CALENDAR_TARGET}x)", flush=True)
    return ratio


CALENDAR_TARGET = 1.2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--calendar", type=int, metavar="POSTS",
                        help="time the calendar pages of a plan of this many posts instead")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    if args.calendar:
        ratio = calendar_bench(args.calendar, args.repeat)
        print("within target" if ratio <= CALENDAR_TARGET else
              f"OVER target ({ratio:.2f}x > {CALENDAR_TARGET}x)")
        return
    print(f"{'posts':>6} {'nav':>4} {'bare s':>8} {'smmplan s':>10} {'ratio':>6}"
          f"  target ≤{TARGET}x")
    worst = 0.0
    for n in args.posts:
        plan = generate_plan(OUT / f"plan-{n}", n, seed=1)
        nav = nav_entries(plan)
        bare = bare_project(OUT / f"bare-{n}", plan, nav)
        bare_s = min(build_bare(bare) for _ in range(args.repeat))
        plan_s = min(build_plan(plan) for _ in range(args.repeat))
        ratio = plan_s / bare_s
        worst = max(worst, ratio)
        print(f"{n:>6} {nav:>4} {bare_s:>8.2f} {plan_s:>10.2f} {ratio:>6.2f}", flush=True)
    print("within target" if worst <= TARGET else f"OVER target ({worst:.2f}x > {TARGET}x)")


if __name__ == "__main__":
    main()
