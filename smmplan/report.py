"""``smmplan report``: the content mix and posting frequency per window and channel, as data.

:func:`compute` turns a plan into a :class:`Report`; :mod:`smmplan.render.report` prints it as
text, Markdown or JSON. The numbers are those the rules judge: counts from the plan's calendar
(:mod:`smmplan.calendar`), shares judged by :mod:`smmplan.rules.mix`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from fractions import Fraction

from .calendar import calendar_of, share, week_label, window_of
from .check import today_in
from .metrics.analysis import Analysis
from .metrics.state import metrics_of
from .model import Plan
from .rules.mix import judged, off_target, over_max


@dataclass(frozen=True)
class PillarLine:
    pillar: str
    posts: int
    share: Fraction
    target: float | None
    max: float | None
    status: str
    """``ok``, ``off target``, ``over max``, ``no target`` or ``not judged``."""


@dataclass(frozen=True)
class ChannelLine:
    channel: str
    posts: int
    by_pillar: dict[str, int]
    per_day: tuple[int, int] | None
    """Fewest and most posts on a day of the window inside the channel's planned span."""
    day_limit: tuple[int | None, int | None] | None
    days_over: int
    days_under: int
    per_week: tuple[int, int] | None
    """Fewest and most posts in an ISO week of the window (weeks belong to their Thursday's
    window, as ISO years do)."""
    week_limit: tuple[int | None, int | None] | None
    weeks_over: int
    weeks_under: int

    @property
    def status(self) -> str:
        parts = [_count(self.days_over, "day", "over"), _count(self.days_under, "day", "under"),
                 _count(self.weeks_over, "week", "over"),
                 _count(self.weeks_under, "week", "under")]
        return ", ".join(p for p in parts if p) or "ok"


def _count(n: int, what: str, how: str) -> str:
    if not n:
        return ""
    return f"{n} {what}{'s' if n != 1 else ''} {how}"


@dataclass(frozen=True)
class WindowReport:
    label: str
    start: dt.date
    end: dt.date
    posts: int
    """Posts counted once per channel, as the mix rules count them."""
    judged: bool
    pillars: tuple[PillarLine, ...]
    channels: tuple[ChannelLine, ...]


@dataclass(frozen=True)
class Report:
    window: str
    timezone: str
    tolerance: float
    min_posts: int
    pillars: tuple[str, ...]
    windows: tuple[WindowReport, ...]
    engagement: Analysis | None = None
    """Numbers after publishing per window and group (see :mod:`smmplan.metrics.analysis`)."""


def compute(plan: Plan, window: str | None = None, today: dt.date | None = None) -> Report:
    """The report of ``plan`` by ``window`` (``week``, ``month`` or ``quarter``; default:
    rules.yml's). ``today`` (default: the plan's today) decides which numbers count: none for
    an occurrence still to come."""

    settings = plan.settings
    kind = window or settings.mix.window
    mix = settings.mix
    channel_posts = calendar_of(plan).by_channel
    daily: dict[str, Counter[dt.date]] = {}
    span: dict[str, tuple[dt.date, dt.date]] = {}
    pillars: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    weekly: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for cid, occurrences in channel_posts.items():
        days = [o.day for o in occurrences]
        daily[cid] = Counter(days)
        span[cid] = (min(days), max(days))
        for occ in occurrences:
            if occ.post.pillar in settings.pillars:
                pillars[(cid, window_of(occ.day, kind).label)][occ.post.pillar] += 1
        # a week belongs to the window of its Thursday, as ISO years do
        monday = window_of(span[cid][0], "week").start
        while monday <= span[cid][1]:
            label = window_of(monday + dt.timedelta(days=3), kind).label
            weekly[(cid, label)][week_label(monday)] = sum(
                daily[cid].get(monday + dt.timedelta(days=i), 0) for i in range(7))
            monday += dt.timedelta(days=7)
    out = []
    for m in calendar_of(plan).mix(kind):
        w = m.window
        assert w is not None
        is_judged = judged(m, mix)
        lines = tuple(_pillar_line(plan, pid, m.by_pillar.get(pid, 0), m.posts, is_judged)
                      for pid in settings.pillars)
        channels = tuple(
            _channel_line(plan, cid, daily[cid], span[cid], w.start, w.end,
                          pillars.get((cid, w.label), Counter()),
                          weekly.get((cid, w.label), {}))
            for cid in sorted(channel_posts) if _overlaps(span[cid], w.start, w.end))
        out.append(WindowReport(w.label, w.start, w.end, m.posts, is_judged, lines, channels))
    return Report(kind, settings.timezone, mix.tolerance, mix.min_posts,
                  tuple(settings.pillars), tuple(out),
                  metrics_of(plan, today_in(plan, today)).by(kind))


def _overlaps(span: tuple[dt.date, dt.date], start: dt.date, end: dt.date) -> bool:
    return span[0] <= end and start <= span[1]


def _pillar_line(plan: Plan, pid: str, n: int, total: int, is_judged: bool) -> PillarLine:
    pillar = plan.settings.pillars[pid]
    part = share(n, total)
    if not is_judged:
        status = "not judged"
    elif over_max(part, pillar):
        status = "over max"
    elif off_target(part, pillar, plan.settings.mix):
        status = "off target"
    elif pillar.target is None and pillar.max is None:
        status = "no target"
    else:
        status = "ok"
    return PillarLine(pid, n, part, pillar.target, pillar.max, status)


def _channel_line(plan: Plan, cid: str, daily: Counter[dt.date], span: tuple[dt.date, dt.date],
                  start: dt.date, end: dt.date, by_pillar: Counter[str],
                  weekly: dict[str, int]) -> ChannelLine:
    channel = plan.settings.channels[cid]
    day = max(start, span[0])
    last = min(end, span[1])
    counts: list[int] = []
    while day <= last:
        counts.append(daily.get(day, 0))
        day += dt.timedelta(days=1)
    low_d, high_d = channel.per_day or (None, None)
    low_w, high_w = channel.per_week or (None, None)
    return ChannelLine(
        channel=cid,
        posts=sum(counts),
        by_pillar=dict(by_pillar),
        per_day=(min(counts), max(counts)) if counts else None,
        day_limit=channel.per_day,
        days_over=sum(1 for c in counts if high_d is not None and c > high_d),
        days_under=sum(1 for c in counts if low_d is not None and c < low_d),
        per_week=(min(weekly.values()), max(weekly.values())) if weekly else None,
        week_limit=channel.per_week,
        weeks_over=sum(1 for c in weekly.values() if high_w is not None and c > high_w),
        weeks_under=sum(1 for c in weekly.values() if low_w is not None and c < low_w),
    )


