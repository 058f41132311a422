"""The planning horizon (SPEC §7.3): how far ahead the calendar is drawn, and the days in it
still short of a channel's minimum.

``horizon:`` in rules.yml is a duration (default ``90d``). Month pages exist from the plan's
first month through today plus the horizon, or through the last post, campaign, season or
blackout day if that is later (:func:`calendar_months`), so holidays, blackouts and seasons are
visible before anything is planned there. A horizon longer than :data:`MAX_HORIZON` is SMM007
and the maximum is used: pages for fifty years would take minutes to build and help nobody.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .diagnostics import Diagnostic, diag
from .fields import parse_duration
from .model import Position

DEFAULT_HORIZON = dt.timedelta(days=90)
#: Five years: longer than any plan is made for, short enough to build quickly.
MAX_HORIZON = dt.timedelta(days=5 * 365 + 1)


def read_horizon(raw: object, at: Position) -> tuple[dt.timedelta, list[Diagnostic]]:
    """The horizon ``raw`` sets (None: the default), and what is wrong with it."""
    if raw is None:
        return DEFAULT_HORIZON, []
    got = parse_duration(raw) if isinstance(raw, str) else None
    if got is None and isinstance(raw, str):
        got = _long(raw)
    if got is None or got <= dt.timedelta(0):
        return DEFAULT_HORIZON, [diag(
            "SMM007", f"'horizon' must be a duration such as 90d or 26w, not {raw!r}", at,
            help="the default is 90d")]
    if got > MAX_HORIZON:
        return MAX_HORIZON, [diag(
            "SMM007", f"'horizon' {raw} is longer than the maximum of {MAX_HORIZON.days}d "
            "(5 years); the calendar is drawn 5 years ahead", at,
            help="plan a year or two ahead: horizon: 365d")]
    return got, []


def _long(raw: str) -> dt.timedelta | None:
    """Durations past :func:`parse_duration`'s own bound, so that a horizon of fifty years is
    told it is too long rather than not a duration."""
    text = raw.strip()
    unit = {"d": 1, "w": 7}.get(text[-1:])
    if unit is None or not text[:-1].strip().isdigit():
        return None
    days = int(text[:-1]) * unit
    return dt.timedelta(days=min(days, 10 * MAX_HORIZON.days))


def month_of(day: dt.date) -> tuple[int, int]:
    return day.year, day.month


def calendar_months(first: dt.date, today: dt.date, horizon: dt.timedelta,
                    also: Iterable[dt.date] = ()) -> list[tuple[int, int]]:
    """``(year, month)`` of every month page: from ``first``'s month (or today's, if earlier)
    through the month of today + horizon, or of the latest of ``also`` if later."""
    start = month_of(min(first, today))
    end = month_of(max([today + horizon, first, *also]))
    out = []
    year, month = start
    while (year, month) <= end:
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(frozen=True)
class Gap:
    """A day on which a channel has fewer posts than its ``per_day`` minimum."""

    day: dt.date
    channel: str
    have: int
    want: int


def gaps(minimums: Mapping[str, int], counts: Mapping[tuple[str, dt.date], int],
         first: dt.date, last: dt.date, closed: Mapping[str, frozenset[dt.date]] | None = None
         ) -> list[Gap]:
    """Every day from ``first`` to ``last`` on which a channel with a minimum has fewer posts
    (``counts`` by channel and day) than ``minimums`` asks; ``closed`` days of a channel (a
    blackout with no posts at all) are no gaps. In day order, then channel."""
    out = []
    day = first
    closed = closed or {}
    while day <= last:
        for channel in sorted(minimums):
            want = minimums[channel]
            have = counts.get((channel, day), 0)
            if want > 0 and have < want and day not in closed.get(channel, frozenset()):
                out.append(Gap(day, channel, have, want))
        day += dt.timedelta(days=1)
    return out
