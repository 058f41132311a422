"""The dated occurrences an export hands over, each with its caption per channel.

:func:`occurrences` is the one place exports learn what goes out when and with which text: the
calendar model's slots (every occurrence of a recurring post) and :func:`caption` per channel
(the rendered variant, SPEC §5); every export follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from ..calendar import calendar_of
from ..captions import captions_of
from ..model import Plan, Post


@dataclass(frozen=True)
class Occurrence:
    post: Post
    start: dt.datetime
    """Aware, in the plan timezone; local midnight for an all-day slot."""
    all_day: bool
    captions: Mapping[str, str]
    """Channel id -> the caption as published on it, for the selected channels of the post."""


@dataclass(frozen=True)
class Selection:
    """``--from``/``--to`` (inclusive days in the plan timezone), ``--channel``, ``--status``;
    an empty collection selects everything."""

    start: dt.date | None = None
    end: dt.date | None = None
    channels: Collection[str] = ()
    statuses: Collection[str] = ()

    def takes(self, post: Post) -> bool:
        """Whether the post itself is selected (dates aside)."""
        if self.statuses and post.status not in self.statuses:
            return False
        return not self.channels or any(c in self.channels for c in post.channels)

    def on(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def occurrences(plan: Plan, selection: Selection) -> list[Occurrence]:
    """The selected occurrences of the calendar (:func:`smmplan.calendar.calendar_of`: ideas
    wait in the backlog, unknown channels are left out), in its time order."""
    out = []
    for slot in calendar_of(plan).slots:
        post = slot.post
        if not selection.takes(post) or not selection.on(slot.day):
            continue
        channels = [c for c in slot.channels if not selection.channels or c in selection.channels]
        if channels:
            out.append(Occurrence(post, slot.start, slot.all_day,
                                  {c: caption(plan, post, c) for c in channels}))
    return out


def caption(plan: Plan, post: Post, channel: str) -> str:
    """The caption as published on ``channel``: its variant, rendered (SPEC §5.3, §5.4)."""
    found = captions_of(plan).of(post, channel)
    return found.text if found is not None else post.caption


def selected_posts(plan: Plan, selection: Selection) -> list[Post]:
    """The selected posts, ideas without a date included unless a date range is given."""
    return [p for p in plan.posts if selection.takes(p) and (
        selection.on(p.start.date()) if p.start is not None else
        selection.start is None and selection.end is None)]
