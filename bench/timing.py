"""The one way the benchmarks time a call: garbage collected first, wall clock around it."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def timed(func: Callable[[], object]) -> float:
    """Seconds one call of ``func`` takes, after a collection so earlier garbage is not billed."""
    gc.collect()
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def best_of(repeat: int, func: Callable[[], object]) -> float:
    """The fastest of ``repeat`` calls: the figure least disturbed by other work."""
    return min(timed(func) for _ in range(repeat))
