"""SMM201-SMM203: the content mix, per window over all channels, and runs of one pillar.

Shares are compared as exact fractions, so a share exactly at a max or at the edge of the
tolerance never fires because of floating point.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from ..diagnostics import Diagnostic, diag
from ..model import Plan, Settings
from .frequency import by_channel, channel_at, week_label


@dataclass(frozen=True)
class Window:
    """Counting posts of one window: ``posts`` counts a cross-post once per channel."""

    label: str
    start: dt.date
    end: dt.date
    posts: int
    by_pillar: Counter[str]


def window_of(day: dt.date, kind: str) -> tuple[str, dt.date, dt.date]:
    """``(label, first day, last day)`` of the ISO week or calendar month holding ``day``."""
    if kind == "month":
        start = day.replace(day=1)
        following = (start + dt.timedelta(days=32)).replace(day=1)
        return f"{day:%Y-%m}", start, following - dt.timedelta(days=1)
    start = day - dt.timedelta(days=day.weekday())
    return week_label(day), start, start + dt.timedelta(days=6)


def windows(plan: Plan, kind: str | None = None) -> list[Window]:
    """The windows holding counting posts, in time order (posts of unknown pillar or channel
    left out: they already have SMM006)."""
    settings = plan.settings
    kind = kind or settings.mix.window
    found: dict[str, tuple[dt.date, dt.date]] = {}
    pillars: dict[str, Counter[str]] = {}
    for post in plan.posts:
        if not post.counts or post.pillar not in settings.pillars:
            continue
        n = len({c for c in post.channels if c in settings.channels})
        if not n:
            continue
        assert post.day is not None
        label, start, end = window_of(post.day, kind)
        if label not in found:
            found[label] = (start, end)
            pillars[label] = Counter()
        pillars[label][post.pillar] += n
    return [Window(label, start, end, sum(pillars[label].values()), pillars[label])
            for label, (start, end) in sorted(found.items(), key=lambda kv: kv[1])]


def exact(share: float) -> Fraction:
    """The fraction a user wrote as ``40%`` or ``0.4`` (not its binary approximation)."""
    return Fraction(repr(share))


def percent(share: Fraction | float) -> str:
    """A share as a whole percent, halves rounded up: ``27%``."""
    value = (share if isinstance(share, Fraction) else exact(share)) * 100
    return f"{math.floor(value + Fraction(1, 2))}%"


def setting_percent(share: float) -> str:
    """A share from rules.yml as written: ``15%``, ``12.5%``."""
    return f"{float(exact(share) * 100):g}%"


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    settings = plan.settings
    yield from _shares(settings, windows(plan))
    if settings.mix.max_consecutive:
        yield from _runs(plan)


def _shares(settings: Settings, found: list[Window]) -> Iterator[Diagnostic]:
    mix = settings.mix
    tolerance = exact(mix.tolerance)
    for window in found:
        if window.posts < max(mix.min_posts, 1):
            continue
        for pid, pillar in settings.pillars.items():
            n = window.by_pillar.get(pid, 0)
            share = Fraction(n, window.posts)
            counted = f"{n} of {window.posts} posts"
            if pillar.target is not None and abs(share - exact(pillar.target)) > tolerance:
                yield diag("SMM201", f"{pid} {percent(share)} in {window.label}, target "
                           f"{setting_percent(pillar.target)} ± "
                           f"{setting_percent(mix.tolerance)}: {counted}",
                           settings.at(f"pillars.{pid}.target"),
                           help=f"{window.label} runs from {window.start} to {window.end}")
            if pillar.max is not None and share > exact(pillar.max):
                yield diag("SMM202", f"{pid} {percent(share)} in {window.label}, max "
                           f"{setting_percent(pillar.max)}: {counted}",
                           settings.at(f"pillars.{pid}.max"),
                           help=f"{window.label} runs from {window.start} to {window.end}")


def _runs(plan: Plan) -> Iterator[Diagnostic]:
    limits = plan.settings.mix.max_consecutive
    for cid, posts in sorted(by_channel(plan).items()):
        run_pillar: str | None = None
        run: list[str] = []
        for post, i in posts:
            if post.pillar not in plan.settings.pillars:
                continue
            if post.pillar != run_pillar:
                run_pillar, run = post.pillar, []
            run.append(post.id)
            limit = limits.get(post.pillar)
            if limit is not None and len(run) > limit:
                yield diag("SMM203", f"{cid} has {len(run)} {post.pillar} posts in a row "
                           f"(max_consecutive {limit}), after '{run[-2]}'",
                           channel_at(post, i), post=post.id,
                           help=f"the run began with '{run[0]}'")
