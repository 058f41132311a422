"""How fast ``smmplan check`` is against the floor of merely reading the plan.

    python bench/bench_check.py [--posts 5000 20000] [--kind simple real] [--repeat 3]
                                [--profile load|check]

Generates each plan (``bench/generate.py``: the simple one and one like real plans) in a temporary
folder, then measures in the same run, best of ``--repeat``:

- floor: read every post file and parse its front matter with libyaml's CSafeLoader (``yaml.load``),
  nothing else: no positions, no validation, no rules;
- load: ``load_plan`` (files -> model + load diagnostics);
- check: ``check_plan`` (load + every rule + levels and sorting);
- rules: check minus load.

The three are measured in interleaved rounds and the best of each is kept.

Targets: check / floor <= 1.3 (SPEC §9's issue); the 20,000-post check within 4.4x the 5,000-post
one (linear).
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

from bench.generate import KINDS
from bench.timing import best_of
from smmplan.check import check_plan
from smmplan.load import load_plan

TODAY = dt.date(2026, 11, 25)  # fixed, so that every run judges the same plan alike
TARGET = 1.3
SCALE_TARGET = 4.4


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


def measure(root: Path, posts: int, repeat: int) -> tuple[float, float, float, int]:
    """Best of ``repeat`` interleaved rounds: floor, load, check; and the diagnostics."""
    plan, found = load_plan(root)
    result = check_plan(root, TODAY)
    assert floor(root) == len(plan.posts) == posts, "the plan did not load whole"
    assert not [d for d in found if d.severity == "error"], found[:5]
    # interleaved rounds, so that a busy machine slows all three alike
    rounds = [(best_of(1, lambda: floor(root)), best_of(1, lambda: load_plan(root)),
               best_of(1, lambda: check_plan(root, TODAY))) for _ in range(repeat)]
    t_floor, t_load, t_check = (min(r[i] for r in rounds) for i in range(3))
    return t_floor, t_load, t_check, len(result.diagnostics)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, nargs="+", default=[5_000, 20_000])
    parser.add_argument("--kind", nargs="+", choices=sorted(KINDS), default=["simple", "real"])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", choices=["load", "check"],
                        help="print the top functions of one load or check instead")
    args = parser.parse_args()

    print(f"best of {args.repeat}, Python {sys.version.split()[0]}, "
          f"libyaml {yaml.__with_libyaml__}; targets: check / floor <= {TARGET}x, "
          f"{max(args.posts)}/{min(args.posts)} check time <= {SCALE_TARGET} x the size ratio / 4")
    print(f"{'plan':>6} {'posts':>6} {'diags':>6} {'floor s':>8} {'load s':>7} {'check s':>8}"
          f" {'check/floor':>11} {'rules/load':>10}")
    missed = False
    for kind in args.kind:
        times: dict[int, float] = {}
        for n in args.posts:
            with tempfile.TemporaryDirectory(prefix="smmplan-bench-") as tmp:
                root = KINDS[kind](Path(tmp) / "plan", n, args.seed)
                if args.profile:
                    profiler = cProfile.Profile()
                    if args.profile == "load":
                        profiler.runcall(load_plan, root)
                    else:
                        profiler.runcall(check_plan, root, TODAY)
                    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
                    return
                t_floor, t_load, t_check, diags = measure(root, n, args.repeat)
            times[n] = t_check
            ratio = t_check / t_floor
            missed |= ratio > TARGET
            print(f"{kind:>6} {n:>6} {diags:>6} {t_floor:8.3f} {t_load:7.3f} {t_check:8.3f}"
                  f" {ratio:10.2f}x {(t_check - t_load) / t_load:10.2f}", flush=True)
        if len(times) > 1:
            big, small = max(times), min(times)
            scale = times[big] / times[small]
            allowed = SCALE_TARGET * big / small / 4
            missed |= scale > allowed
            print(f"{kind:>6} scaling: check {big}/{small} posts takes {scale:.2f}x "
                  f"(target <= {allowed:.1f}x)", flush=True)
    print("within targets" if not missed else "MISSED a target")


if __name__ == "__main__":
    main()
