"""Placeholder: the frequency rules are being written (issue 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..diagnostics import Diagnostic
from ..model import Plan


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    return ()
