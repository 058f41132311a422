"""The calendar feeds the site offers, as :mod:`smmplan.ical` describes them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from ..model import Plan


class FeedInfo(Protocol):
    @property
    def path(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...


@dataclass(frozen=True)
class Feed:
    path: str
    title: str
    description: str


def describe_feeds(plan: Plan) -> Sequence[FeedInfo]:
    """Every feed of SPEC §4 for ``plan``: from :mod:`smmplan.ical` when it is installed."""
    try:
        from .. import ical
    except ImportError:
        return _fallback(plan)
    return list(ical.describe_feeds(plan))


def _fallback(plan: Plan) -> list[Feed]:
    # Same addresses as SPEC §4; used only while smmplan.ical is not part of the package.
    s = plan.settings
    out = [Feed("calendar.ics", plan.site.name, "Every dated post")]
    out += [Feed(f"calendars/channel-{c}.ics", ch.name, f"Posts on {ch.name}")
            for c, ch in sorted(s.channels.items())]
    out += [Feed(f"calendars/persona-{p}.ics", per.name, f"Posts for {per.name}")
            for p, per in sorted(plan.personas.items())]
    out += [Feed(f"calendars/campaign-{c}.ics", cam.name, f"Posts of {cam.name}")
            for c, cam in sorted(plan.campaigns.items())]
    authors = sorted({p.author for p in plan.posts if p.author})
    out += [Feed(f"calendars/author-{a}.ics",
                 plan.members[a].name if a in plan.members else a, "Posts by this author")
            for a in authors]
    if s.holidays:
        out.append(Feed("calendars/holidays.ics", f"Holidays {s.holidays}", "National holidays"))
    return out
