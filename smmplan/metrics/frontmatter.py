"""``metrics:`` and ``published:`` in a post's front matter (SPEC §6.3).

A single-channel post gives one set of numbers (``metrics: {reach: 10, likes: 2}``) and one link
(``published: https://...``); a cross-post keys both by channel (``metrics: {instagram: {...},
facebook: {...}}``), since each platform reports its own numbers: a single set on a cross-post is
SMM003. A recurring post's links are keyed by occurrence date under the channel
(``published: {instagram: {2027-01-04: https://...}}``); its numbers belong in ``data/metrics/``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..fields import Fields, kind_of, parse_date
from .names import CORE

_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)

Links = Mapping[tuple[str, dt.date | None], str]
"""``(channel, occurrence date or None for every occurrence) -> permalink``."""


def read_metrics(f: Fields, channels: Sequence[str]) -> dict[str, Mapping[str, int]]:
    """The post's numbers by channel."""
    section = f.mapping("metrics")
    if section is None or not channels:  # without channels, the missing key is the problem
        return {}
    keys = [str(k) for k in section.data]
    # keyed by channel only when no key is a metric and, on a single-channel post, the one key
    # is its channel: anything else is one set, whose unknown keys are misspelt metrics
    keyed = bool(keys) and not any(k in CORE for k in keys) and \
        (len(channels) > 1 or keys == [channels[0]])
    if not keyed:
        if len(channels) > 1:
            f.invalid("metrics", "is one set of numbers, but the post goes out on "
                      f"{', '.join(channels)}: give each channel its own",
                      help="metrics: {" + ", ".join(f"{c}: {{reach: ..., likes: ...}}"
                                                    for c in channels) + "}")
            return {}
        return {channels[0]: _numbers(section)} if channels else {}
    out: dict[str, Mapping[str, int]] = {}
    for key in keys:
        if key not in channels:
            section.report("SMM006", f"'{key}' is not a channel of this post (its channels: "
                           f"{', '.join(channels)})", key, of_key=True)
            continue
        numbers = section.mapping(key)
        if numbers is not None:
            out[key] = _numbers(numbers)
    return out


def _numbers(section: Fields) -> Mapping[str, int]:
    section.unknown_keys(CORE, what="metric")
    found = {}
    for key in CORE:
        value = section.integer(key, minimum=0)
        if value is not None:
            found[key] = value
    return MappingProxyType(found)


def read_published(f: Fields, channels: Sequence[str]) -> Links:
    """The post's permalinks by channel (and occurrence date, for recurring posts)."""
    raw = f.data.get("published")
    if raw is None or not channels:
        return MappingProxyType({})
    out: dict[tuple[str, dt.date | None], str] = {}
    if isinstance(raw, str):
        if len(channels) != 1:
            f.invalid("published", "is one link, but the post goes out on "
                      f"{', '.join(channels)}: key the links by channel",
                      help="published: {" + ", ".join(f"{c}: https://..." for c in channels)
                      + "}")
        elif _url(f, "published", raw):
            out[(channels[0], None)] = raw.strip()
        return MappingProxyType(out)
    section = f.mapping("published")
    if section is None:
        return MappingProxyType({})
    for key, value in section.data.items():
        channel = str(key)
        if channel not in channels:
            section.report("SMM006", f"'{channel}' is not a channel of this post (its "
                           f"channels: {', '.join(channels)})", key, of_key=True)
        elif isinstance(value, str):
            if _url(section, channel, value):
                out[(channel, None)] = value.strip()
        elif isinstance(value, dict):
            dates = section.sub(channel)
            for when, link in value.items():
                day = parse_date(when)
                if day is None:
                    dates.invalid(str(when), "is not a date YYYY-MM-DD (the occurrence's day)")
                elif isinstance(link, str) and _url(dates, str(when), link):
                    out[(channel, day)] = link.strip()
                elif not isinstance(link, str):
                    dates.invalid(str(when), f"must be a link, not {kind_of(link)}")
        else:
            section.invalid(channel, f"must be a link or links by date, not {kind_of(value)}")
    return MappingProxyType(out)


def _url(f: Fields, key: str, value: str) -> bool:
    if _URL.match(value.strip()):
        return True
    f.invalid(key, f"{value!r} is not a link (https://...)")
    return False


def link_of(links: Links, channel: str, day: dt.date) -> str | None:
    """The permalink recorded for the occurrence on ``channel`` on ``day``."""
    return links.get((channel, day)) or links.get((channel, None))
