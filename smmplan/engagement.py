"""Engagement of published posts per window and channel, from their ``metrics``: the monthly
reporting a social media team does after the fact.

A post's metrics are one set of numbers even when it was cross-posted, so a cross-post is
reported under its channels together (``facebook + instagram``), never split by guesswork.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from .calendar import calendar_of, percent, window_of
from .model import METRICS, Plan, Post

#: interactions that count towards the engagement rate (reach and clicks do not)
INTERACTIONS = ("likes", "comments", "shares", "saves")


@dataclass(frozen=True)
class EngagementLine:
    channels: str
    """A channel id, several joined by `` + `` for cross-posts, or ``all``."""
    posts: int
    totals: dict[str, int]
    """Sum of each metric over the posts that report it."""
    rate: Fraction | None
    """Interactions per reach, over the posts that report reach; None without reach."""
    top: str | None
    """Id of the post with the most interactions."""


@dataclass(frozen=True)
class EngagementWindow:
    label: str
    start: dt.date
    end: dt.date
    lines: tuple[EngagementLine, ...]
    """One line per channel group in id order, then ``all``."""


def interactions(post: Post) -> int:
    return sum(post.metrics.get(m, 0) for m in INTERACTIONS)


def rate(posts: Iterable[Post]) -> Fraction | None:
    """The engagement rate of ``posts``: their interactions per reach, over the posts that
    report a reach; None when none does. A post's own rate is ``rate([post])``."""
    reached = [p for p in posts if p.metrics.get("reach")]
    reach = sum(p.metrics["reach"] for p in reached)
    return Fraction(sum(interactions(p) for p in reached), reach) if reach else None


def engagement(plan: Plan, kind: str) -> tuple[EngagementWindow, ...]:
    """Published posts with metrics, per ``kind`` window (``week`` or ``month``)."""
    groups: dict[tuple[dt.date, str], list[Post]] = defaultdict(list)
    bounds: dict[dt.date, tuple[str, dt.date]] = {}
    for slot in calendar_of(plan).slots:
        post = slot.post
        if post.status != "published" or not post.metrics or not slot.occurrences:
            continue
        # front-matter metrics are one set of numbers: a recurring post's count once, at its
        # first occurrence (per-occurrence metrics are data/metrics, SPEC §6.3)
        if post.repeat is not None and slot.start != calendar_of(plan).series[post.id].starts[0]:
            continue
        window = window_of(slot.day, kind)
        bounds[window.start] = (window.label, window.end)
        groups[(window.start, " + ".join(sorted(slot.channels)))].append(post)
    out = []
    for start in sorted(bounds):
        label, end = bounds[start]
        keys = sorted(k for s, k in groups if s == start)
        lines = [_line(k, groups[(start, k)]) for k in keys]
        lines.append(_line("all", [p for k in keys for p in groups[(start, k)]]))
        out.append(EngagementWindow(label, start, end, tuple(lines)))
    return tuple(out)


def _line(channels: str, posts: list[Post]) -> EngagementLine:
    totals = {m: sum(p.metrics.get(m, 0) for p in posts) for m in METRICS
              if any(m in p.metrics for p in posts)}
    top = max(posts, key=lambda p: (interactions(p), p.id)).id if posts else None
    return EngagementLine(channels, len(posts), totals, rate(posts), top)


def rate_text(value: Fraction | None) -> str:
    """An engagement rate as a percent with one decimal, half up (``4.2%``), or ``-``: the one
    way pages and the report show a rate."""
    return "-" if value is None else percent(value, 1)
