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
from ..model import Plan, Position


def channel_at(occ: Occurrence) -> Position:
    """Where the post names the occurrence's channel (a list item, or the single value); for a
    recurring post, its ``repeat`` key."""
    key = f"channel[{occ.index}]"
    return occ.at(key if key in occ.post.pos else "channel")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{'no' if n == 0 else n} {word}s"


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    settings = plan.settings
    cal = calendar_of(plan)
    for cid, posts in cal.by_channel.items():
        # a season may set a limit the plan leaves open, so ask every season too
        variants = [settings.channels[cid]] + [
            o for s in settings.seasons if (o := s.channels.get(cid)) is not None]
        if any(v.per_day is not None for v in variants):
            yield from _per_period(plan, cid, posts, "day")
        if any(v.per_week is not None for v in variants):
            yield from _per_period(plan, cid, posts, "week")
        if any(v.min_gap is not None for v in variants):
            yield from _too_close(plan, cid, posts)


class _Limits:
    """A channel's [min, max] for each day or ISO week, with where it is written: the plan's
    setting, or the season's that replaces it (SPEC §7.2)."""

    def __init__(self, plan: Plan, cid: str, period: str) -> None:
        self.plan, self.cid, self.period = plan, cid, period
        self.cal = calendar_of(plan)
        self.key = f"per_{period}"

    def __call__(self, key: dt.date) -> tuple[int | None, int | None, Position, str]:
        if self.period == "day":
            active = self.cal.seasons_on(key)
        else:
            active = self.cal.seasons_for(window_of(key, "week"))
        for season in reversed(active):  # the last applied wins
            o = season.channels.get(self.cid)
            if o is not None and self.key in o.keys:
                low, high = getattr(o, self.key)
                return low, high, season.at(f"channels.{self.cid}.{self.key}"), \
                    f" in season {season.id}"
        limits = getattr(self.plan.settings.channels[self.cid], self.key) or (None, None)
        return limits[0], limits[1], self.plan.settings.at(f"channels.{self.cid}.{self.key}"), ""


def _per_period(plan: Plan, cid: str, posts: tuple[Occurrence, ...], period: str
                ) -> Iterator[Diagnostic]:
    """SMM101/SMM102 (``day``) or SMM103/SMM104 (``week``) for one channel."""
    limits = _Limits(plan, cid, period)
    many, few = ("SMM101", "SMM102") if period == "day" else ("SMM103", "SMM104")
    groups: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for occ in posts:
        groups[occ.day if period == "day" else window_of(occ.day, "week").start].append(occ)

    for key in sorted(groups):
        group = groups[key]
        _, high, _, season = limits(key)
        if high is None or len(group) <= high:
            continue
        when = _label(key, period)
        names = ", ".join(o.post.id for o in group)
        for occ in group[high:]:
            yield diag(many, f"{cid} has {len(group)} posts {when} (max {high}{season})"
                       + (occ.of if period == "week" else ""),
                       channel_at(occ), post=occ.post.id,
                       help=f"posts on {cid} {when}, in time order: {names}")
    step = dt.timedelta(days=1 if period == "day" else 7)
    first, last = min(groups), max(groups)
    span = (f"the planned span of {cid} runs from {_name(first, period)} to "
            f"{_name(last, period)}")
    key = first
    while key <= last:
        n = len(groups.get(key, ()))
        low, _, at, season = limits(key)
        if not low or n >= low:
            key += step
            continue
        end = key
        # a run of empty periods goes on while the same minimum of the same setting applies
        while n == 0 and end + step <= last and not groups.get(end + step) \
                and limits(end + step)[::2] == (low, at):
            end += step
        if end > key:
            # a run of empty days or weeks is one gap in the plan, reported once
            count = (end - key) // step + 1
            yield diag(few, f"{cid} has no posts from {_name(key, period)} to "
                       f"{_name(end, period)}, {count} {period}s (min {low}{season})", at,
                       help=span)
        else:
            yield diag(few, f"{cid} has {plural(n, 'post')} "
                       f"{_label(key, period)} (min {low}{season})", at, help=span)
        key = end + step


def _name(key: dt.date, period: str) -> str:
    return key.isoformat() if period == "day" else week_label(key)


def _label(key: dt.date, period: str) -> str:
    return f"{'on' if period == 'day' else 'in'} {_name(key, period)}"


def _too_close(plan: Plan, cid: str, posts: tuple[Occurrence, ...]) -> Iterator[Diagnostic]:
    cal = calendar_of(plan)
    previous: Occurrence | None = None
    for occ in posts:
        if occ.all_day:  # an all-day slot has no time to keep apart
            continue
        gap = cal.settings_on(occ.day).channels[cid].min_gap
        if previous is not None and gap is not None:
            apart = occ.instant - previous.instant
            if apart < gap:
                yield diag("SMM105", f"{cid} posts {duration_text(apart)} apart, "
                           f"closer than min_gap {duration_text(gap)}: '{previous.post.id}' is at "
                           f"{previous.start:%Y-%m-%d %H:%M}{occ.of}", channel_at(occ),
                           post=occ.post.id)
        previous = occ
