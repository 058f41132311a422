"""How fast ``smmplan report`` is against ``smmplan check`` on the same plan, with numbers for
every post.

    python bench/bench_report.py [--posts 20000] [--repeat 3]

Generates a plan (``bench/generate.py``) in a temporary folder and writes
``data/metrics/bench.csv`` with one row of numbers per post and ``data/audience.csv`` with a
follower count per channel and month, then measures in the same run, best of ``--repeat``, in
interleaved rounds:

- check: ``check_plan`` (load + every rule, the metrics checks included);
- report: what ``smmplan report --format json`` does (load, the mix and frequency report, the
  engagement by channel, pillar, format, persona, campaign and slot, the best slots, JSON).

Target: report / check < 1.5.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import CHANNELS, generate_plan
from smmplan.check import check_plan
from smmplan.load import load_plan
from smmplan.render.report import as_json
from smmplan.report import compute


def add_metrics(root: Path, seed: int) -> tuple[int, dt.date]:
    """Numbers for every post's occurrence and monthly follower counts; (rows, a day after the
    last post, to take as today)."""
    rng = random.Random(seed)
    plan, _ = load_plan(root)
    lines = ["post,channel,date,reach,impressions,likes,comments,shares,saves,clicks"]
    last = dt.date.min
    for post in plan.posts:
        if post.start is None:
            continue
        last = max(last, post.start.date())
        for channel in post.channels:
            reach = rng.randint(200, 20_000)
            lines.append(f"{post.id},{channel},{post.start.date()},{reach},{reach * 3 // 2},"
                         f"{rng.randint(0, reach // 10)},{rng.randint(0, 50)},"
                         f"{rng.randint(0, 30)},{rng.randint(0, 40)},{rng.randint(0, 90)}")
    (root / "data" / "metrics").mkdir(parents=True, exist_ok=True)
    (root / "data" / "metrics" / "bench.csv").write_text("\n".join(lines) + "\n",
                                                         encoding="utf-8")
    audience = ["channel,date,followers"]
    first = min(p.start.date() for p in plan.posts if p.start is not None)
    month = first.replace(day=28)
    while month <= last:
        audience += [f"{cid},{month},{10_000 + month.toordinal() % 5000}" for cid in CHANNELS]
        month = (month + dt.timedelta(days=5)).replace(day=28)
    (root / "data" / "audience.csv").write_text("\n".join(audience) + "\n", encoding="utf-8")
    return len(lines) - 1, last + dt.timedelta(days=1)


def report(root: Path, today: dt.date) -> str:
    plan, _ = load_plan(root)
    return as_json(compute(plan, "month", today))


def once(func: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="smmplan-bench-") as tmp:
        root = generate_plan(Path(tmp) / "plan", args.posts, args.seed)
        rows, today = add_metrics(root, args.seed)
        result = check_plan(root, today)
        metric_errors = [d for d in result.diagnostics if d.file.startswith("data/")]
        assert not metric_errors, metric_errors[:5]
        data = report(root, today)
        assert '"engagement_rate"' in data
        rounds = [(once(lambda: check_plan(root, today)), once(lambda: report(root, today)))
                  for _ in range(args.repeat)]
        t_check, t_report = (min(r[i] for r in rounds) for i in range(2))

    print(f"plan: {args.posts} posts, {rows} rows of numbers; best of {args.repeat}, "
          f"Python {sys.version.split()[0]}")
    print(f"check_plan                 {t_check:8.3f} s")
    ratio = t_report / t_check
    print(f"report (json, by month)    {t_report:8.3f} s   report / check {ratio:5.2f}x"
          f"  (target < 1.5x: {'met' if ratio < 1.5 else 'MISSED'})")


if __name__ == "__main__":
    main()
