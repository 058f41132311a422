"""Engagement of what was published, per window and per group (channel, pillar, format, persona,
campaign, weekday x hour slot), the best posting times per channel, and the best and worst
posts: the numbers that ``report`` prints and the analytics pages draw.

The unit is the occurrence: a post on one channel on one date, with that channel's numbers. A
cross-post therefore counts once on each of its channels (as the mix rules count it), and each
occurrence of a recurring post on its own. Every rate is computed here from sums and rounded
here, once (:func:`rate_percent`, :func:`per_thousand`); outputs only format the figures.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

from ..model import Plan, Post
from .checks import Resolved
from .data import AudienceRecord
from .names import ALL, INTERACTIONS

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
GROUPS = ("channels", "pillars", "formats", "personas", "campaigns", "slots")
"""The lists of each window, in report order."""
KEYS = {"channels": ("channel",), "pillars": ("pillar",), "formats": ("format",),
        "personas": ("persona",), "campaigns": ("campaign",), "slots": ("weekday", "hour")}
"""The singular keys that name an entry of each list (SPEC §11)."""

MIN_SLOT_POSTS = 3
"""A posting slot is judged only with at least this many occurrences with a reach behind it:
one or two lucky posts say nothing about a time of day."""
BEST_SLOTS = 3
"""How many best slots are named per channel."""
TOP_POSTS = 5


def round_half_up(value: Fraction, places: int) -> Decimal:
    """``value`` rounded to ``places`` decimals, halves up (12.25 -> 12.3): the one rounding."""
    scaled = math.floor(value * 10 ** places + Fraction(1, 2))
    return Decimal(scaled).scaleb(-places)


def rate_percent(interactions: int, reach: int) -> Decimal | None:
    """The engagement rate in percent with one decimal, or None without reach."""
    return round_half_up(Fraction(interactions * 100, reach), 1) if reach else None


def per_thousand(interactions: int, followers: int | None) -> Decimal | None:
    """Interactions per 1,000 followers with one decimal, or None without a follower count."""
    return round_half_up(Fraction(interactions * 1000, followers), 1) if followers else None


@dataclass(frozen=True)
class Item:
    """One occurrence with its numbers and what it is (for grouping)."""

    post: Post
    channel: str
    start: dt.datetime
    values: Mapping[str, int]
    at: str
    """``file:line`` of its numbers."""

    @property
    def interactions(self) -> int:
        return sum(self.values.get(m, 0) for m in INTERACTIONS)

    @property
    def reach(self) -> int | None:
        return self.values.get("reach")

    @property
    def rate(self) -> Decimal | None:
        return rate_percent(self.interactions, self.reach or 0)


@dataclass(frozen=True)
class Entry:
    key: tuple[str | int | None, ...]
    """The group's name: ``("instagram",)``, ``("mon", 10)``; None for "no format/campaign"."""
    posts: int
    """Occurrences in the group."""
    metrics: Mapping[str, int]
    """Sums of each metric over the occurrences that report it."""
    interactions: int
    reached: int
    """Occurrences with a reach, over which the rate is taken."""
    rate: Decimal | None
    """Engagement rate in percent, one decimal."""
    followers: int | None = None
    """Channels only: the latest follower count on or before the window's end."""
    per_1000: Decimal | None = None


@dataclass(frozen=True)
class Window:
    label: str
    start: dt.date
    end: dt.date
    groups: Mapping[str, tuple[Entry, ...]]
    total: Entry


@dataclass(frozen=True)
class Slot:
    weekday: str
    hour: int
    posts: int
    rate: Decimal


@dataclass(frozen=True)
class Analysis:
    window: str
    windows: tuple[Window, ...]
    best_slots: Mapping[str, tuple[Slot, ...]]
    """Per channel (id order): the best slots by engagement rate, of at least
    :data:`MIN_SLOT_POSTS` occurrences each; channels without one are absent."""
    items: tuple[Item, ...]


def items_of(plan: Plan, resolved: Iterable[Resolved]) -> tuple[Item, ...]:
    posts = {p.id: p for p in plan.posts}
    out = [Item(posts[r.occurrence.post], r.occurrence.channel, r.occurrence.start,
                r.record.values, f"{r.record.at.file}:{r.record.at.line}")
           for r in resolved if r.occurrence.post in posts]
    return tuple(sorted(out, key=lambda i: (i.start, i.channel, i.post.id)))


def analyse(plan: Plan, items: Sequence[Item], audience: Sequence[AudienceRecord], kind: str,
            window_of: Callable[[dt.date, str], tuple[str, dt.date, dt.date]]) -> Analysis:
    """Engagement per ``kind`` window (week, month or quarter) of ``items``."""
    by_window: dict[str, list[Item]] = defaultdict(list)
    bounds: dict[str, tuple[dt.date, dt.date]] = {}
    for item in items:
        label, start, end = window_of(item.start.date(), kind)
        by_window[label].append(item)
        bounds[label] = (start, end)
    counts = _audience(audience)
    windows = []
    for label in sorted(bounds, key=lambda k: bounds[k][0]):
        start, end = bounds[label]
        group = by_window[label]
        lists = {name: _entries(name, group, counts, end) for name in GROUPS}
        windows.append(Window(label, start, end, MappingProxyType(lists),
                              _entry(("all",), group)))
    return Analysis(kind, tuple(windows), best_slots(items), tuple(items))


def _audience(audience: Sequence[AudienceRecord]) -> dict[str, list[tuple[dt.date, int]]]:
    out: dict[str, list[tuple[dt.date, int]]] = defaultdict(list)
    for a in audience:
        out[a.channel].append((a.date, a.followers))
    for counts in out.values():
        counts.sort()
    return out


def followers_on(counts: dict[str, list[tuple[dt.date, int]]], channel: str,
                 day: dt.date) -> int | None:
    """The channel's latest follower count on or before ``day``."""
    best = None
    for when, n in counts.get(channel, ()):
        if when > day:
            break
        best = n
    return best


@dataclass(frozen=True)
class Growth:
    channel: str
    first: int
    """The count at the window's start (the latest on or before it, else the window's first)."""
    last: int
    """The latest count on or before the window's end."""

    @property
    def change(self) -> int:
        return self.last - self.first


def growth(audience: Sequence[AudienceRecord], start: dt.date, end: dt.date
           ) -> tuple[Growth, ...]:
    """Per channel with a follower count by ``end``: its followers at ``start`` and ``end``."""
    out = []
    for channel, counts in sorted(_audience(audience).items()):
        before = [n for when, n in counts if when <= start]
        inside = [n for when, n in counts if start < when <= end]
        if before or inside:
            first = before[-1] if before else inside[0]
            out.append(Growth(channel, first, (before + inside)[-1]))
    return tuple(out)


def _keys(name: str, item: Item) -> list[tuple[str | int | None, ...]]:
    post = item.post
    if name == "channels":
        return [(item.channel,)]
    if name == "pillars":
        return [(post.pillar,)]
    if name == "formats":
        return [(post.format,)]
    if name == "personas":
        return [(p,) for p in post.personas]
    if name == "campaigns":
        return [(post.campaign,)]
    return [(WEEKDAYS[item.start.weekday()], item.start.hour)]


def _order(key: tuple[str | int | None, ...]) -> tuple[object, ...]:
    first = key[0]
    if first in WEEKDAYS:
        return (WEEKDAYS.index(str(first)), key[1])
    return (first is None, "" if first is None else str(first))


def _entries(name: str, items: list[Item], counts: dict[str, list[tuple[dt.date, int]]],
             end: dt.date) -> tuple[Entry, ...]:
    groups: dict[tuple[str | int | None, ...], list[Item]] = defaultdict(list)
    for item in items:
        for key in _keys(name, item):
            groups[key].append(item)
    out = []
    for key in sorted(groups, key=_order):
        entry = _entry(key, groups[key])
        if name == "channels":
            followers = followers_on(counts, str(key[0]), end)
            entry = Entry(entry.key, entry.posts, entry.metrics, entry.interactions,
                          entry.reached, entry.rate, followers,
                          per_thousand(entry.interactions, followers))
        out.append(entry)
    return tuple(out)


def totals(name: str, items: Sequence[Item]) -> tuple[Entry, ...]:
    """The ``name`` list (``pillars``, ``formats``...) over ``items`` of any span: a quarter, the
    whole history. Channels get no follower count here (it belongs to a window's end)."""
    return _entries(name, list(items), {}, dt.date.max)


def _entry(key: tuple[str | int | None, ...], items: Sequence[Item]) -> Entry:
    metrics = {m: sum(i.values[m] for i in items if m in i.values) for m in ALL
               if any(m in i.values for i in items)}
    reached = [i for i in items if i.reach]
    reach = sum(i.reach or 0 for i in reached)
    return Entry(key, len(items), MappingProxyType(metrics), sum(i.interactions for i in items),
                 len(reached), rate_percent(sum(i.interactions for i in reached), reach))


def slot_rates(items: Iterable[Item]) -> dict[tuple[int, int], tuple[Decimal, int]]:
    """``(weekday 0..6, hour) -> (engagement rate, occurrences)`` over ``items`` with a reach,
    for the slots with at least :data:`MIN_SLOT_POSTS` of them."""
    grid: dict[tuple[int, int], list[Item]] = defaultdict(list)
    for item in items:
        if item.reach:
            grid[(item.start.weekday(), item.start.hour)].append(item)
    out = {}
    for key in sorted(grid):
        group = grid[key]
        rate = rate_percent(sum(i.interactions for i in group), sum(i.reach or 0 for i in group))
        if len(group) >= MIN_SLOT_POSTS and rate is not None:
            out[key] = (rate, len(group))
    return out


def best_slots(items: Sequence[Item]) -> Mapping[str, tuple[Slot, ...]]:
    """Per channel, the weekday x hour slots with the highest engagement rate, each backed by at
    least :data:`MIN_SLOT_POSTS` occurrences with a reach."""
    by: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by[item.channel].append(item)
    out = {}
    for channel in sorted(by):
        slots = [Slot(WEEKDAYS[d], hour, n, rate)
                 for (d, hour), (rate, n) in slot_rates(by[channel]).items()]
        slots.sort(key=lambda s: (-s.rate, -s.posts, WEEKDAYS.index(s.weekday), s.hour))
        if slots:
            out[channel] = tuple(slots[:BEST_SLOTS])
    return MappingProxyType(out)


def ranked(items: Iterable[Item], n: int = TOP_POSTS) -> tuple[tuple[Item, ...],
                                                             tuple[Item, ...]]:
    """The ``n`` occurrences with the highest and the lowest engagement rate (with a reach);
    ties by more reach, then time. The bottom list leaves out what the top list holds."""
    rated = [i for i in items if i.rate is not None]
    order = sorted(rated, key=lambda i: (-(i.rate or 0), -(i.reach or 0), i.start, i.channel))
    top = tuple(order[:n])
    rest = [i for i in reversed(order) if i not in top]
    return top, tuple(rest[:n])
