"""SMM308: the same caption twice on a channel within its ``duplicate_within`` (SPEC §5.2).

Captions are compared as published on that channel (variant rendered), with runs of whitespace
collapsed and case kept. Two occurrences of one recurring post count as well: a weekly post on X
with one caption is refused by X from the second week on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from ..calendar import Occurrence, calendar_of
from ..captions import Captions, captions_of
from ..diagnostics import Diagnostic, diag
from ..durations import duration_text
from ..model import Channel, Plan

#: ``duplicate_within`` of a platform when its channel sets none.
DEFAULT_WITHIN = {"x": dt.timedelta(days=30)}
#: Platforms that refuse an identical post outright: SMM308 is an error there.
REFUSING = ("x",)


def within(channel: Channel) -> dt.timedelta | None:
    """The channel's ``duplicate_within``, else its platform's default (None: not checked)."""
    own: dt.timedelta | None = getattr(channel, "duplicate_within", None)
    return own if own is not None else DEFAULT_WITHIN.get(channel.platform)


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    cal = calendar_of(plan)
    captions = captions_of(plan)
    for cid, occurrences in cal.by_channel.items():
        channel = plan.settings.channels[cid]
        window = within(channel)
        if window is None:
            continue
        yield from _channel(channel, window, occurrences, captions)


def _channel(channel: Channel, window: dt.timedelta, occurrences: tuple[Occurrence, ...],
             captions: Captions) -> Iterator[Diagnostic]:
    last: dict[str, Occurrence] = {}
    reported: set[tuple[str, str]] = set()
    severity = "error" if channel.platform in REFUSING else None
    for occ in occurrences:
        cap = captions.of(occ.post, channel.id)
        if cap is None or not cap.text.strip():
            continue
        key = " ".join(cap.text.split())
        before = last.get(key)
        last[key] = occ
        if before is None or occ.instant - before.instant >= window:
            continue
        pair = (occ.post.id, before.post.id)
        if pair in reported:
            continue
        reported.add(pair)
        gap = duration_text(occ.instant - before.instant)
        if before.post.id == occ.post.id:
            message = (f"{channel.id}: the caption repeats after {gap} ({before.day} and "
                       f"{occ.day}), within duplicate_within {duration_text(window)}")
            at = occ.post.at("repeat")
            fix = "repeat less often than duplicate_within, or vary the caption per channel"
        else:
            message = (f"{channel.id}: the same caption as '{before.post.id}' ({before.day}) "
                       f"{gap} later on {occ.day}, within duplicate_within {duration_text(window)}")
            at = cap.at(0)
            fix = (f"rewrite the caption, or give {channel.id} a variant "
                   f"(<!-- for: {channel.id} -->)")
        yield diag("SMM308", message, at, post=occ.post.id, severity=severity, help=fix)
