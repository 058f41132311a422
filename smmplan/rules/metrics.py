"""Numbers after publishing (SPEC §6.3): what :mod:`smmplan.metrics.state` found wrong with
``data/metrics/``, ``data/audience.csv`` and front-matter metrics."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..diagnostics import Diagnostic
from ..metrics.state import metrics_of
from ..model import Plan


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    return metrics_of(plan, today).diagnostics
