"""How fast ``smmplan check`` is against the floor of merely reading the plan.

    python bench/bench_check.py [--posts 20000] [--repeat 3] [--profile load|check]

Generates a plan (``bench/generate.py``) in a temporary folder, then measures in the same run, best
of ``--repeat``:

- floor: read every post file and parse its front matter with libyaml's CSafeLoader (``yaml.load``),
  nothing else: no positions, no validation, no rules;
- load: ``load_plan`` (files -> model + load diagnostics);
- check: ``check_plan`` (load + every rule + levels and sorting);
- rules: check minus load.

The three are measured in interleaved rounds and the best of each is kept.

Targets: check / floor <= 2, rules / load < 1.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate_plan
from bench.timing import best_of
from smmplan.check import check_plan
from smmplan.load import load_plan

TODAY = dt.date(2026, 11, 25)  # fixed, so that every run judges the same plan alike


def floor(root: Path) -> int:
    """Read each post and parse its front matter with libyaml; return the number of posts."""
    n = 0
    for dirpath, _dirnames, filenames in os.walk(root / "content" / "posts"):
        for name in filenames:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as fh:
                text = fh.read()
            _, front, _body = text.split("---\n", 2)
            yaml.load(front, Loader=yaml.CSafeLoader)
            n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", choices=["load", "check"],
                        help="print the top functions of one load or check instead")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="smmplan-bench-") as tmp:
        root = generate_plan(Path(tmp) / "plan", args.posts, args.seed)
        if args.profile:
            job = (lambda: load_plan(root)) if args.profile == "load" else \
                (lambda: check_plan(root, TODAY))
            profiler = cProfile.Profile()
            profiler.runcall(job)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
            return
        plan, found = load_plan(root)
        result = check_plan(root, TODAY)
        assert floor(root) == len(plan.posts) == args.posts, "the plan did not load whole"
        assert not [d for d in found if d.severity == "error"], found[:5]

        # interleaved rounds, so that a busy machine slows all three alike
        rounds = [(best_of(1, lambda: floor(root)), best_of(1, lambda: load_plan(root)),
                   best_of(1, lambda: check_plan(root, TODAY))) for _ in range(args.repeat)]
        t_floor, t_load, t_check = (min(r[i] for r in rounds) for i in range(3))
        t_rules = t_check - t_load

    print(f"plan: {args.posts} posts, {len(result.diagnostics)} diagnostics; "
          f"best of {args.repeat}, Python {sys.version.split()[0]}, "
          f"libyaml {yaml.__with_libyaml__}")
    print(f"floor (read + CSafeLoader) {t_floor:8.3f} s")
    print(f"load_plan                  {t_load:8.3f} s   load / floor  {t_load / t_floor:5.2f}x")
    print(f"check_plan                 {t_check:8.3f} s   check / floor {t_check / t_floor:5.2f}x"
          f"  (target <= 2x: {'met' if t_check <= 2 * t_floor else 'MISSED'})")
    print(f"rules (check - load)       {t_rules:8.3f} s   rules / load  {t_rules / t_load:5.2f}"
          f"   (target < 1: {'met' if t_rules < t_load else 'MISSED'})")


if __name__ == "__main__":
    main()
