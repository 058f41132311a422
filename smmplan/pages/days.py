"""What a day of the calendar shows besides its posts (SPEC §7): holiday, seasons, blackout,
campaigns running, and the channels still short of their minimum (a gap to fill). The month
grid, the week page and the overview all read it here, so they agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from ..horizon import Gap, gaps
from ..model import Blackout, Campaign, Season
from .context import Context
from .html import block, h, table
from .links import Linker

#: Seasons get colours of their own for their bands, by position in rules.yml.
SEASON_PALETTE = 4


@dataclass(frozen=True)
class DayFacts:
    holiday: str | None
    estimated: bool
    seasons: tuple[Season, ...]
    blackouts: tuple[Blackout, ...]
    campaigns: tuple[Campaign, ...]
    gaps: tuple[Gap, ...]


class Days:
    """The plan's days, indexed once per site build (``Days.of(ctx)``)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        settings = ctx.plan.settings
        self.blackouts: dict[dt.date, list[Blackout]] = {}
        for b in settings.blackout:
            self.blackouts.setdefault(b.date, []).append(b)
        self.season_index = {s.id: i for i, s in enumerate(settings.seasons)}

    @staticmethod
    def of(ctx: Context) -> Days:
        found = ctx.__dict__.get("_days")
        if found is None:
            found = Days(ctx)
            ctx.__dict__["_days"] = found
        return found

    @cached_property
    def horizon_end(self) -> dt.date:
        return self.ctx.today + self.ctx.plan.settings.horizon

    @cached_property
    def gaps(self) -> Mapping[dt.date, tuple[Gap, ...]]:
        """Days from today to the horizon on which a channel has fewer posts than its
        ``per_day`` minimum (the season's, inside a season); a blackout without pillars closes
        the day for every channel."""
        ctx = self.ctx
        counts: Counter[tuple[str, dt.date]] = Counter()
        for cid, occurrences in ctx.calendar.by_channel.items():
            for occ in occurrences:
                if ctx.today <= occ.day <= self.horizon_end:
                    counts[(cid, occ.day)] += 1
        closed = frozenset(d for d, bs in self.blackouts.items()
                           if any(b.pillars is None for b in bs))
        out: dict[dt.date, list[Gap]] = {}
        day = ctx.today
        while day <= self.horizon_end:
            settings = ctx.calendar.settings_on(day)
            minimums = {cid: ch.per_day[0] for cid, ch in settings.channels.items()
                        if ch.per_day and ch.per_day[0]}
            if day not in closed:
                found = gaps(minimums, counts, day, day)
                if found:
                    out[day] = found
            day += dt.timedelta(days=1)
        return {d: tuple(g) for d, g in out.items()}

    def facts(self, day: dt.date) -> DayFacts:
        ctx = self.ctx
        holiday = ctx.calendar.holiday_on(day)
        return DayFacts(
            holiday.name if holiday else None, bool(holiday and holiday.estimated),
            ctx.calendar.seasons_on(day), tuple(self.blackouts.get(day, ())),
            tuple(c for c in self.campaigns if c.start <= day <= c.end),
            self.gaps.get(day, ()))

    @cached_property
    def campaigns(self) -> tuple[Campaign, ...]:
        return tuple(self.ctx.plan.campaigns[c] for c in sorted(self.ctx.plan.campaigns))

    def next_gaps(self, limit: int = 10) -> Iterator[Gap]:
        """The first ``limit`` gaps from today on, in day order."""
        n = 0
        for day in sorted(self.gaps):
            for gap in self.gaps[day]:
                if n == limit:
                    return
                yield gap
                n += 1

    # --- snippets ------------------------------------------------------------------------------

    def classes(self, facts: DayFacts) -> list[str]:
        out = []
        if facts.holiday:
            out.append("smm-holiday")
        if facts.blackouts:
            out.append("smm-blackout")
        if facts.gaps:
            out.append("smm-has-gap")
        out.extend(f"smm-season-{self.season_index[s.id] % SEASON_PALETTE}"
                   for s in facts.seasons[-1:])
        return out

    def marks(self, facts: DayFacts, channel: str | None = None) -> str:
        """The day's notes as HTML, each written out in words (never colour alone)."""
        lab = self.ctx.labels
        out = []
        if facts.holiday:
            est = f' <span class="smm-estimated">({h(lab["estimated"])})</span>' \
                if facts.estimated and "(" not in facts.holiday else ""
            out.append(f'<div class="smm-holiday-name" title="{h(lab["holiday"])}">'
                       f"{h(facts.holiday)}{est}</div>")
        for s in facts.seasons:
            out.append(f'<div class="smm-season-name smm-season-{self.season_index[s.id] % 4}">'
                       f'<span class="smm-sr">{h(lab["season"])}: </span>{h(s.name)}</div>')
        for b in facts.blackouts:
            what = ", ".join(b.pillars) if b.pillars else ""
            out.append(f'<div class="smm-blackout-name">{h(lab["blackout_day"])}'
                       f'{": " + h(b.reason) if b.reason else ""}'
                       f'{" (" + h(what) + ")" if what else ""}</div>')
        for c in facts.campaigns:
            out.append(f'<div class="smm-campaign-name"><span class="smm-sr">'
                       f'{h(lab["campaign_span"])}: </span>{h(c.name)}</div>')
        for g in facts.gaps:
            if channel is None or g.channel == channel:
                out.append(f'<div class="smm-gap">{self.ctx.channel_mark(g.channel)} '
                           f'{h(lab["gap"])} {g.have}/{g.want}</div>')
        return "".join(out)


def season_text(ctx: Context, season: Season) -> str:
    """When a season holds, in words: its dates and/or its days of the month."""
    lab = ctx.labels
    parts = []
    if season.start or season.end:
        parts.append(lab["from_to"].format(start=season.start or "…", end=season.end or "…"))
    if season.days_of_month:
        parts.append(lab["days_of_month"].format(
            days=", ".join(str(d) for d in season.days_of_month)))
    return "; ".join(parts)


def weeks_of(months: Sequence[tuple[int, int]]) -> list[dt.date]:
    """The Mondays of every ISO week that touches one of ``months``, in order."""
    out: list[dt.date] = []
    for y, m in months:
        first = dt.date(y, m, 1)
        monday = first - dt.timedelta(days=first.weekday())
        end = (dt.date(y + 1, 1, 1) if m == 12 else dt.date(y, m + 1, 1))
        while monday < end:
            if not out or monday > out[-1]:
                out.append(monday)
            monday += dt.timedelta(days=7)
    return out


#: How many of the next gaps the overview lists.
GAPS_SHOWN = 10


def calendar_blocks(ctx: Context, link_to: Linker) -> list[str]:
    """The overview's part of SPEC §7: the plan's seasons and the next days still short of a
    channel's minimum, each linked to its month."""
    from .calendar import month_address

    lab = ctx.labels
    days = Days.of(ctx)
    out = [f'<h2 id="seasons">{h(lab["seasons"])}</h2>']
    seasons = ctx.plan.settings.seasons
    if seasons:
        items = "".join(
            f'<li><span class="smm-season-name smm-season-{days.season_index[s.id] % 4}">'
            f"{h(s.name)}</span>: {h(season_text(ctx, s))}</li>" for s in seasons)
        out.append(block(f'<ul class="smm-seasons">{items}</ul>'))
    else:
        out.append(block(f'<p class="smm-note">{h(lab["no_seasons"])}</p>'))
    out.append(f'<h2 id="gaps">{h(lab["gaps"])}</h2>')
    found = list(days.next_gaps(GAPS_SHOWN))
    if not found:
        out.append(block(f'<p class="smm-note">{h(lab["no_gaps"])}</p>'))
        return out
    rows = [[f'<a href="{link_to.page(month_address(g.day.year, g.day.month))}">'
             f"{h(g.day.isoformat())}</a>", ctx.channel_mark(g.channel) + " "
             + h(ctx.channel_name(g.channel)), f"{g.have} / {g.want}"] for g in found]
    out.append(block(f'<p class="smm-intro">{h(lab["gaps_intro"])}</p>'
                     + table([h(lab["date"]), h(lab["channel"]), h(lab["posts"])], rows,
                             cls="smm-gaps")))
    return out
