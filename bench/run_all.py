"""Run every benchmark in turn and print their figures: ``make bench``.

Each benchmark generates its own plan and measures smmplan against a baseline in the same run, so
the ratios hold on any machine; the seconds depend on the machine.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ("bench_check.py", "bench_report.py", "bench_ical.py", "bench_build.py",
           "bench_repeat.py", "bench_exchange.py",
           "bench_serve.py")


def main() -> int:
    failed = 0
    for name in BENCHES:
        print(f"== {name}", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / name)], check=False).returncode
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
