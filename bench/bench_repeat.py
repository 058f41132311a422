"""How fast ``smmplan check`` is on recurring posts against the same occurrences written out.

    python bench/bench_repeat.py [--occurrences 20000] [--repeat 10] [--rounds 3]

Generates two plans (``bench/generate.py``) holding the same occurrences: one of single posts
(the baseline) and one of ``occurrences / repeat`` recurring posts; checks each in interleaved
rounds and keeps the best time of each.

Target: recurring / single <= 1.3.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate_plan
from smmplan.calendar import calendar_of
from smmplan.check import check_plan

TODAY = dt.date(2026, 11, 25)
TARGET = 1.3


def timed(root: Path) -> float:
    gc.collect()
    start = time.perf_counter()
    check_plan(root, TODAY)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--occurrences", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="smmplan-bench-") as tmp:
        single = generate_plan(Path(tmp) / "single", args.occurrences, repeat=args.repeat)
        recurring = generate_plan(Path(tmp) / "recurring", args.occurrences, repeat=args.repeat,
                                  recurring=True)
        results = {name: check_plan(root, TODAY) for name, root in
                   (("single", single), ("recurring", recurring))}
        starts = {name: sorted((o.post.pillar, o.channel, o.start)
                               for o in calendar_of(r.plan).occurrences)
                  for name, r in results.items()}
        assert len(starts["single"]) == args.occurrences, len(starts["single"])
        assert starts["single"] == starts["recurring"], "the plans differ in their occurrences"
        rounds = [(timed(single), timed(recurring)) for _ in range(args.rounds)]
    t_single, t_recurring = (min(r[i] for r in rounds) for i in range(2))
    ratio = t_recurring / t_single
    posts = len(results["recurring"].plan.posts)
    print(f"{args.occurrences} occurrences; best of {args.rounds}, Python {sys.version.split()[0]}")
    print(f"single posts ({args.occurrences} files)  {t_single:8.3f} s")
    print(f"recurring posts ({posts} files)   {t_recurring:8.3f} s   "
          f"recurring / single {ratio:5.2f}x  (target <= {TARGET}x: "
          f"{'met' if ratio <= TARGET else 'MISSED'})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
