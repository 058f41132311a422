"""How fast ``smmplan export csv`` and ``smmplan import`` are against the csv module alone.

    python bench/bench_exchange.py [--posts 20000] [--repeat 3]

Generates a plan (``bench/generate.py``), exports it to CSV once, and measures in the same run,
best of ``--repeat`` interleaved rounds:

- baseline: the csv module reads that CSV and writes it back (``csv.reader`` over the text,
  ``csv.writer`` into a buffer, encoded): the floor of touching every cell once each way;
- export: the loaded plan -> the CSV bytes (``export_csv``);
- import: the CSV file -> planned post files and diagnostics, into a plan without posts
  (``read_table`` + ``plan_import``, what ``smmplan import`` does before ``--write``), every row
  written as a post text and loaded with the plan's post loader;
- loader floor: the csv module reads the CSV and the plan's post loader reads each planned
  post text (``load_post_text``), nothing else: what any import that checks every row with the
  real loader must spend;
- write: creating those files (``--write``), reported apart since it is the file system's time.

Targets: export / baseline <= 2 and import / baseline <= 2 (the issue's); since the loader alone
costs several times the csv module, import is also held to import / loader floor <= 2.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import io
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate_plan
from smmplan.exchange.export import export_csv
from smmplan.exchange.importer import plan_import, write_planned
from smmplan.exchange.occurrences import Selection
from smmplan.exchange.table import read_table
from smmplan.format.post import load_post_text
from smmplan.load import load_plan


def baseline(path: Path) -> int:
    """Read the CSV with the csv module and write it back; return the number of rows."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    buf.getvalue().encode("utf-8")
    return len(rows) - 1


def timed(func: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="smmplan-bench-") as tmp:
        root = generate_plan(Path(tmp) / "plan", args.posts)
        plan, _ = load_plan(root)
        now = dt.datetime(2026, 11, 25, tzinfo=plan.tz)
        sheet = Path(tmp) / "plan.csv"
        sheet.write_bytes(export_csv(plan, Selection(), now).data)
        empty = Path(tmp) / "empty"
        for part in ("guidelines", "personas", "content/campaigns"):
            if (root / part).is_dir():
                shutil.copytree(root / part, empty / part)
        (empty / "content" / "posts").mkdir(parents=True)
        target, _ = load_plan(empty)

        def run_import() -> int:
            table, read = read_table(sheet, "plan.csv")
            result = plan_import(table, target, {}, read)
            assert len(result.planned) == args.posts, result.diagnostics[:3]
            return len(result.planned)

        table, read = read_table(sheet, "plan.csv")
        planned = plan_import(table, target, {}, read).planned
        texts = [(p.text, p.path) for p in planned]

        def loader_floor() -> None:
            baseline(sheet)
            for text, name in texts:
                load_post_text(text, name, target.settings)

        assert baseline(sheet) == args.posts
        rounds = [(timed(lambda: baseline(sheet)), timed(lambda: export_csv(plan, Selection(),
                                                                             now)),
                   timed(run_import), timed(loader_floor)) for _ in range(args.repeat)]
        t_base, t_export, t_import, t_floor = (min(r[i] for r in rounds) for i in range(4))
        size = sheet.stat().st_size
        t_write = timed(lambda: write_planned(empty, planned))

    print(f"plan: {args.posts} posts, CSV {size / 1e6:.1f} MB; best of {args.repeat}, "
          f"Python {sys.version.split()[0]}")
    print(f"baseline (csv read + write) {t_base:8.3f} s")
    for name, took in (("export csv", t_export), ("import (planned)", t_import)):
        ratio = took / t_base
        print(f"{name:<27} {took:8.3f} s   / baseline {ratio:5.2f}x  (target <= 2x: "
              f"{'met' if ratio <= 2 else 'MISSED'})")
    ratio = t_import / t_floor
    print(f"loader floor (csv + loader) {t_floor:8.3f} s   import / floor {ratio:5.2f}x  (target "
          f"<= 2x: {'met' if ratio <= 2 else 'MISSED'})")
    print(f"import --write (files)      {t_write:8.3f} s   (the file system's share, apart)")


if __name__ == "__main__":
    main()
