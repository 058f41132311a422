"""SMM101-SMM105: how often each channel posts, per local day and ISO week of the plan timezone.

The calendar (:mod:`smmplan.calendar`) holds each channel's occurrences in time order; they are
grouped by day and week in one pass.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..calendar import Occurrence, calendar_of, week_label, window_of
from ..diagnostics import Diagnostic, diag
from ..durations import duration_text
from ..model import Channel, Plan, Position


def channel_at(occ: Occurrence) -> Position:
    """Where the post names the occurrence's channel (a list item, or the single value); for a
    recurring post, its ``repeat`` key."""
    key = f"channel[{occ.index}]"
    return occ.at(key if key in occ.post.pos else "channel")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{'no' if n == 0 else n} {word}s"


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    settings = plan.settings
    for cid, posts in calendar_of(plan).by_channel.items():
        channel = settings.channels[cid]
        if channel.per_day is not None:
            yield from _per_period(plan, channel, posts, "day")
        if channel.per_week is not None:
            yield from _per_period(plan, channel, posts, "week")
        if channel.min_gap is not None:
            yield from _too_close(channel, posts, channel.min_gap)


def _per_period(plan: Plan, channel: Channel, posts: tuple[Occurrence, ...], period: str
                ) -> Iterator[Diagnostic]:
    """SMM101/SMM102 (``day``) or SMM103/SMM104 (``week``) for one channel."""
    limits = channel.per_day if period == "day" else channel.per_week
    assert limits is not None
    low, high = limits
    many, few = ("SMM101", "SMM102") if period == "day" else ("SMM103", "SMM104")
    groups: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for occ in posts:
        groups[occ.day if period == "day" else window_of(occ.day, "week").start].append(occ)

    if high is not None:
        for key in sorted(groups):
            group = groups[key]
            if len(group) <= high:
                continue
            when = _label(key, period)
            names = ", ".join(o.post.id for o in group)
            for occ in group[high:]:
                yield diag(many, f"{channel.id} has {len(group)} posts {when} (max {high})"
                           + (occ.of if period == "week" else ""),
                           channel_at(occ), post=occ.post.id,
                           help=f"posts on {channel.id} {when}, in time order: {names}")
    if low:
        at = plan.settings.at(f"channels.{channel.id}.per_{period}")
        step = dt.timedelta(days=1 if period == "day" else 7)
        first, last = min(groups), max(groups)
        span = (f"the planned span of {channel.id} runs from {_name(first, period)} to "
                f"{_name(last, period)}")
        key = first
        while key <= last:
            n = len(groups.get(key, ()))
            if n >= low:
                key += step
                continue
            end = key
            while n == 0 and end + step <= last and not groups.get(end + step):
                end += step
            if end > key:
                # a run of empty days or weeks is one gap in the plan, reported once
                count = (end - key) // step + 1
                yield diag(few, f"{channel.id} has no posts from {_name(key, period)} to "
                           f"{_name(end, period)}, {count} {period}s (min {low})", at, help=span)
            else:
                yield diag(few, f"{channel.id} has {plural(n, 'post')} "
                           f"{_label(key, period)} (min {low})", at, help=span)
            key = end + step


def _name(key: dt.date, period: str) -> str:
    return key.isoformat() if period == "day" else week_label(key)


def _label(key: dt.date, period: str) -> str:
    return f"{'on' if period == 'day' else 'in'} {_name(key, period)}"


def _too_close(channel: Channel, posts: tuple[Occurrence, ...], gap: dt.timedelta
               ) -> Iterator[Diagnostic]:
    previous: Occurrence | None = None
    for occ in posts:
        if occ.all_day:  # an all-day slot has no time to keep apart
            continue
        if previous is not None:
            apart = occ.instant - previous.instant
            if apart < gap:
                yield diag("SMM105", f"{channel.id} posts {duration_text(apart)} apart, "
                           f"closer than min_gap {duration_text(gap)}: '{previous.post.id}' is at "
                           f"{previous.start:%Y-%m-%d %H:%M}{occ.of}", channel_at(occ),
                           post=occ.post.id)
        previous = occ
