"""Every rule family, run in one place. Each family is a pure function ``(plan, today) ->
diagnostics``; rule codes, names and default levels live in :mod:`smmplan.ruletable`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from ..calendar import calendar_of
from ..diagnostics import Diagnostic
from ..model import Plan
from . import duplicates, frequency, metrics, mix, recurring, references, voice, workflow

Family = Callable[[Plan, dt.date], Iterable[Diagnostic]]

FAMILIES: tuple[Family, ...] = (
    references.check,
    frequency.check,
    mix.check,
    voice.check,
    workflow.check,
    recurring.check,
    recurring.caption_problems,
    duplicates.check,
    metrics.check,
)


def run_rules(plan: Plan, today: dt.date) -> list[Diagnostic]:
    calendar_of(plan, today)  # fixes the horizon of repeats without an end at today
    out: list[Diagnostic] = []
    for family in FAMILIES:
        out.extend(family(plan, today))
    return out
