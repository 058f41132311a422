"""What every page generator reads: the checked plan, indexed once, plus shared snippets."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from ..calendar import Calendar, Slot, calendar_of, on_calendar
from ..check import CheckResult
from ..diagnostics import Diagnostic
from ..horizon import MAX_HORIZON, calendar_months
from ..i18n import Labels
from ..ical import Feed
from ..metrics.state import Metrics, metrics_of
from ..model import Channel, Plan, Post
from .html import h
from .links import Linker, address

#: Short marks standing in for channel icons: plain text works offline and in every font.
PLATFORM_MARKS = {
    "instagram": "IG", "facebook": "f", "x": "X", "linkedin": "in", "tiktok": "TT",
    "youtube": "YT", "threads": "@", "bluesky": "BS", "mastodon": "M", "pinterest": "P",
    "whatsapp": "WA",
}
PALETTE_SIZE = 8

PageMaker = Callable[[], str]
"""Renders one page when called. The page generators hand these out instead of the pages, so
that an engine renders each page as it writes it and a plan of 20,000 posts never holds all of
its pages at once (see :func:`smmplan.pages.page_makers`)."""


@dataclass(frozen=True)
class Context:
    """The checked plan with the indexes the pages share. Build it with :meth:`of`."""

    result: CheckResult
    feeds: Sequence[Feed]
    directory_urls: bool = True
    labels: Labels = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", Labels(self.result.plan.settings.language))

    @property
    def plan(self) -> Plan:
        return self.result.plan

    @property
    def today(self) -> dt.date:
        return self.result.today

    def linker(self, here: str) -> Linker:
        return Linker(here, self.directory_urls)

    @cached_property
    def posts(self) -> tuple[Post, ...]:
        """Posts with unique ids (the first of a duplicated id wins, as SMM005 reports)."""
        seen: set[str] = set()
        out = []
        for p in self.plan.posts:
            if p.id not in seen:
                seen.add(p.id)
                out.append(p)
        return tuple(out)

    @property
    def calendar(self) -> Calendar:
        return calendar_of(self.plan)

    @cached_property
    def slots(self) -> tuple[Slot, ...]:
        """The calendar's slots of :attr:`posts`, in time order."""
        shown = {id(p) for p in self.posts}
        return tuple(s for s in self.calendar.slots if id(s.post) in shown)

    @cached_property
    def ideas(self) -> tuple[Post, ...]:
        return tuple(p for p in self.posts if not on_calendar(p))

    @cached_property
    def by_month(self) -> Mapping[tuple[int, int], list[Slot]]:
        out: dict[tuple[int, int], list[Slot]] = defaultdict(list)
        for s in self.slots:
            out[(s.start.year, s.start.month)].append(s)
        return out

    @cached_property
    def months(self) -> list[tuple[int, int]]:
        """The month pages (SPEC §7.3): from the plan's first month through today plus the
        horizon, or through the last post, campaign, season or blackout day if later, so that
        holidays, blackouts and seasons show before anything is planned. Anything dated past
        :data:`~smmplan.horizon.MAX_HORIZON` from today (a post dated 2926 by a slip of the
        finger) gets its own month page but no empty years of months before it."""
        settings = self.plan.settings
        bound = self.today + MAX_HORIZON
        also = [d for d in (
            *(s.day for s in self.slots[-1:]),
            *(c.end for c in self.plan.campaigns.values()),
            *(s.end for s in settings.seasons if s.end is not None),
            *(b.date for b in settings.blackout)) if d <= bound]
        first = self.slots[0].day if self.slots else self.today
        out = calendar_months(first, self.today, settings.horizon, also)
        return sorted(set(out) | set(self.by_month))

    @cached_property
    def metrics(self) -> Metrics:
        """The plan's numbers after publishing, as ``check`` judged them today: shared by
        ``/engagement/``, the quarter reports and the overview."""
        return metrics_of(self.plan, self.today)

    @cached_property
    def diagnostics_by_post(self) -> Mapping[str, list[Diagnostic]]:
        out: dict[str, list[Diagnostic]] = defaultdict(list)
        for d in self.result.diagnostics:
            if d.post is not None:
                out[d.post].append(d)
        return out

    @cached_property
    def pillar_class(self) -> Mapping[str, str]:
        return {pid: f"smm-p{i % PALETTE_SIZE}"
                for i, pid in enumerate(self.plan.settings.pillars)}

    def grouped(self, key: str) -> Mapping[str, list[Post]]:
        """Dated and undated posts by ``channels``, ``personas``, ``campaign`` or ``author``."""
        return _groups(self, key)

    # --- shared snippets ---------------------------------------------------------------------

    def channel(self, cid: str) -> Channel | None:
        return self.plan.settings.channels.get(cid)

    def channel_name(self, cid: str) -> str:
        ch = self.channel(cid)
        return ch.name if ch is not None else cid

    def channel_mark(self, cid: str) -> str:
        ch = self.channel(cid)
        platform = ch.platform if ch is not None else ""
        mark = PLATFORM_MARKS.get(platform, cid[:2].upper())
        return (f'<span class="smm-ch smm-ch-{h(platform or "other")}" '
                f'title="{h(self.channel_name(cid))}">{h(mark)}</span>')

    def status_badge(self, status: str) -> str:
        return f'<span class="smm-status smm-status-{h(status)}">{h(self.labels[status])}</span>'

    def pillar_badge(self, pillar: str) -> str:
        cls = self.pillar_class.get(pillar, "smm-p-unknown")
        return f'<span class="smm-pillar {cls}">{h(pillar)}</span>'

    def local_time(self, slot: Slot) -> str:
        return self.labels["all_day"] if slot.all_day else slot.start.strftime("%H:%M")

    def local_when(self, post: Post | Slot) -> str:
        """When a slot (or a post's first slot) goes out, in the plan timezone."""
        start = post.start
        if start is None:
            return self.labels["none"]
        if post.all_day:
            return f"{start:%Y-%m-%d} ({self.labels['all_day']})"
        return f"{start:%Y-%m-%d %H:%M}"

    def channel_links(self, link: Linker, channels: Iterable[str]) -> str:
        """Channel names, each linked to its page when the channel is defined."""
        return ", ".join(
            f'<a href="{link.page(address("channels", c))}">{h(self.channel_name(c))}</a>'
            if self.channel(c) is not None else h(c) for c in channels)

    def post_link(self, link: Linker, post: Post) -> str:
        return f'<a href="{link.page(address("posts", post.id))}">{h(post.title)}</a>'

    def member_name(self, mid: str | None) -> str:
        if not mid:
            return self.labels["none"]
        m = self.plan.members.get(mid)
        return h(m.name if m is not None else mid)

    def post_rows(self, link: Linker, items: Iterable[Post | Slot]) -> list[list[str]]:
        """Table rows: date, channels, title, pillar, status (of slots, or of posts)."""
        rows = []
        for item in items:
            p = item.post if isinstance(item, Slot) else item
            rows.append([h(self.local_when(item)),
                         " ".join(self.channel_mark(c) for c in p.channels),
                         self.post_link(link, p), self.pillar_badge(p.pillar),
                         self.status_badge(p.status)])
        return rows

    def post_head(self) -> list[str]:
        lab = self.labels
        return [h(lab["date"]), h(lab["channel"]), h(lab["title"]), h(lab["pillar"]),
                h(lab["status"])]


def _groups(ctx: Context, key: str) -> Mapping[str, list[Post]]:
    cache = ctx.__dict__.setdefault("_groups", {})
    if key not in cache:
        out: dict[str, list[Post]] = defaultdict(list)
        for p in ctx.posts:
            value = getattr(p, key)
            for v in (value if isinstance(value, tuple) else (value,)):
                if v:
                    out[v].append(p)
        cache[key] = out
    return cache[key]
