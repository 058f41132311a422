"""SMM101-SMM105: how often each channel posts, per local day and ISO week of the plan timezone.

Every post is looked at once: posts are grouped by channel, then by day and week, in one pass.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..diagnostics import Diagnostic, diag
from ..model import Channel, Plan, Position, Post

_UTC = dt.UTC


def channel_at(post: Post, index: int) -> Position:
    """Where the post names its ``index``-th channel (a list item, or the single value)."""
    key = f"channel[{index}]"
    return post.at(key if key in post.pos else "channel")


def by_channel(plan: Plan) -> dict[str, list[tuple[Post, int]]]:
    """Counting posts of each known channel, in time order, with the index of the channel in
    the post's list. A channel named twice by one post counts once."""
    out: dict[str, list[tuple[Post, int]]] = defaultdict(list)
    for post in plan.posts:
        if not post.counts:
            continue
        seen: set[str] = set()
        for i, cid in enumerate(post.channels):
            if cid in plan.settings.channels and cid not in seen:
                seen.add(cid)
                out[cid].append((post, i))
    for posts in out.values():
        # plan order compares wall-clock times; the real instant decides across a DST change
        posts.sort(key=lambda item: (_instant(item[0]), item[0].id))
    return dict(out)


def week_label(day: dt.date) -> str:
    """ISO week of ``day``, as ``2026-W49``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{'no' if n == 0 else n} {word}s"


def duration(td: dt.timedelta) -> str:
    """``3h``, ``1h30m``, ``2d``, ``45m`` (seconds are dropped)."""
    minutes = int(td.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{mins}m" if mins else ""]
    return "".join(parts) or "0m"


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    settings = plan.settings
    for cid, posts in sorted(by_channel(plan).items()):
        channel = settings.channels[cid]
        if channel.per_day is not None:
            yield from _per_period(plan, channel, posts, "day")
        if channel.per_week is not None:
            yield from _per_period(plan, channel, posts, "week")
        if channel.min_gap is not None:
            yield from _too_close(channel, posts, channel.min_gap)


def _instant(post: Post) -> dt.datetime:
    assert post.start is not None
    return post.start.astimezone(_UTC)


def _per_period(plan: Plan, channel: Channel, posts: list[tuple[Post, int]], period: str
                ) -> Iterator[Diagnostic]:
    """SMM101/SMM102 (``day``) or SMM103/SMM104 (``week``) for one channel."""
    limits = channel.per_day if period == "day" else channel.per_week
    assert limits is not None
    low, high = limits
    many, few = ("SMM101", "SMM102") if period == "day" else ("SMM103", "SMM104")
    groups: dict[dt.date, list[tuple[Post, int]]] = defaultdict(list)
    for post, i in posts:
        assert post.day is not None
        key = post.day if period == "day" else _monday(post.day)
        groups[key].append((post, i))

    if high is not None:
        for key in sorted(groups):
            group = groups[key]
            if len(group) <= high:
                continue
            when = _label(key, period)
            names = ", ".join(p.id for p, _ in group)
            for post, i in group[high:]:
                yield diag(many, f"{channel.id} has {len(group)} posts {when} (max {high})",
                           channel_at(post, i), post=post.id,
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


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _name(key: dt.date, period: str) -> str:
    return key.isoformat() if period == "day" else week_label(key)


def _label(key: dt.date, period: str) -> str:
    return f"{'on' if period == 'day' else 'in'} {_name(key, period)}"


def _too_close(channel: Channel, posts: list[tuple[Post, int]], gap: dt.timedelta
               ) -> Iterator[Diagnostic]:
    previous: Post | None = None
    for post, i in posts:
        if post.all_day:  # an all-day slot has no time to keep apart
            continue
        if previous is not None:
            apart = _instant(post) - _instant(previous)
            if apart < gap:
                assert previous.start is not None
                yield diag("SMM105", f"{channel.id} posts {duration(apart)} apart, closer than "
                           f"min_gap {duration(gap)}: '{previous.id}' is at "
                           f"{previous.start:%Y-%m-%d %H:%M}", channel_at(post, i), post=post.id)
        previous = post
