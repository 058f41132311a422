"""``/calendar/YYYY-MM/``: a month as a grid, weeks as rows, Monday first."""

from __future__ import annotations

import calendar as cal
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import partial

from ..calendar import Slot, week_label
from ..i18n import WEEKDAYS
from . import week
from .context import Context, PageMaker
from .days import Days
from .html import block, h, page, table
from .links import Linker, address

_WEEKS = cal.Calendar(firstweekday=0)


CALENDAR = "/calendar/"


def month_address(year: int, month: int) -> str:
    return address("calendar", f"{year:04d}-{month:02d}")


def index_page(ctx: Context) -> str:
    """``/calendar/``: every month with its number of posts, this month first to hand. It leads
    the calendar section, so the Calendar tab opens here rather than on the plan's first month."""
    lab = ctx.labels
    link_to = ctx.linker(CALENDAR)
    this = (ctx.today.year, ctx.today.month)

    def name(y: int, m: int) -> str:
        return f'<a href="{link_to.page(month_address(y, m))}">{h(lab.month(y, m))}</a>'

    rows = []
    for y, m in ctx.months:
        cell = name(y, m)
        if (y, m) == this:
            cell = f"<strong>{cell}</strong> ({h(lab['this_month'])})"
        rows.append([cell, str(len(ctx.by_month.get((y, m), ())))])
    intro = (f'<p class="smm-intro">{h(lab["months_intro"])} '
             f'{h(lab["this_month"]).capitalize()}: <strong>{name(*this)}</strong></p>')
    return page(lab["calendar"], [block(intro),
                                  block(table([h(lab["month"]), h(lab["posts"])], rows))],
                searchable=False)


def pages(ctx: Context) -> Iterator[tuple[str, PageMaker]]:
    """Every month page, the channel-filtered grids and the week pages."""
    yield from month_pages(ctx, ctx.months)
    yield from week.pages(ctx)


def month_pages(ctx: Context, wanted: Iterable[tuple[int, int]]
                ) -> Iterator[tuple[str, PageMaker]]:
    """The month pages of ``wanted`` (months of :attr:`Context.months`) and their channel
    grids, in month order; ``smmplan serve`` renders only the months an edit touched."""
    months = ctx.months
    index = {m: i for i, m in enumerate(months)}
    channels = sorted(ctx.plan.settings.channels)
    in_horizon = set(_horizon_months(ctx))
    for year, month in sorted(m for m in set(wanted) if m in index):
        i = index[(year, month)]
        where = month_address(year, month)
        prev = months[i - 1] if i > 0 else None
        following = months[i + 1] if i + 1 < len(months) else None
        yield where, partial(month_page, ctx, year, month, prev, following, ctx.linker(where))
        # a channel's grid only where it has posts, or where the team plans next (linear in
        # the posts, not months x channels)
        on = {c for s in ctx.by_month.get((year, month), ()) for c in s.channels}
        for cid in channels:
            if cid in on or (year, month) in in_horizon:
                there = channel_month_address(year, month, cid)
                yield there, partial(month_page, ctx, year, month, prev, following,
                                     ctx.linker(there), channel=cid)


def channel_month_address(year: int, month: int, channel: str) -> str:
    return address("calendar", f"{year:04d}-{month:02d}", channel)


def _horizon_months(ctx: Context) -> list[tuple[int, int]]:
    end = ctx.today + ctx.plan.settings.horizon
    return [(y, m) for y, m in ctx.months if (ctx.today.year, ctx.today.month) <= (y, m)
            <= (end.year, end.month)]


def month_page(ctx: Context, year: int, month: int, prev: tuple[int, int] | None,
               following: tuple[int, int] | None, link_to: Linker,
               channel: str | None = None) -> str:
    lab = ctx.labels
    days = Days.of(ctx)
    by_day: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in ctx.by_month.get((year, month), []):
        if channel is None or channel in slot.channels:
            by_day[slot.day].append(slot)

    def target(y: int, m: int) -> str:
        return month_address(y, m) if channel is None else channel_month_address(y, m, channel)

    def step(to: tuple[int, int] | None, label: str, rel: str) -> str:
        if to is None:
            return f'<span class="smm-step smm-disabled" aria-disabled="true">{h(label)}</span>'
        return (f'<a class="smm-step" rel="{rel}" href="{link_to.page(target(*to))}">'
                f"{h(label)}: {h(lab.month(*to))}</a>")

    nav = (f'<nav class="smm-month-nav" aria-label="{h(lab["month"])}">'
           f'{step(prev, lab["prev_month"], "prev")} '
           f'{step(following, lab["next_month"], "next")}</nav>')
    head = "".join(f'<th scope="col">{h(lab[d])}</th>' for d in WEEKDAYS)
    rows = []
    mondays = []
    for week_days in _WEEKS.monthdatescalendar(year, month):
        mondays.append(week_days[0])
        cells = [_cell(ctx, days, day, day.month == month, by_day.get(day, []), link_to,
                       channel) for day in week_days]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    grid = (f'<table class="smm-month" data-month="{year:04d}-{month:02d}"'
            f'{f" data-channel={chr(34)}{h(channel)}{chr(34)}" if channel else ""}>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    weeks = " ".join(f'<li><a href="{link_to.page(week.week_address(m))}">'
                     f"{h(week_label(m))}</a></li>" for m in mondays)
    title = lab.month(year, month) + (f" · {ctx.channel_name(channel)}" if channel else "")
    return page(title, [
        block(nav), block(_filter(ctx, year, month, channel, link_to)),
        block(f'<div class="smm-month-wrap">{grid}</div>'),
        block(f'<nav class="smm-weeks" aria-label="{h(lab["weeks"])}"><strong>'
              f'{h(lab["weeks"])}:</strong> <ul class="smm-inline">{weeks}</ul></nav>'),
        block(_legend(ctx)), block(nav),
    ], wide=True, searchable=False)


def _filter(ctx: Context, year: int, month: int, channel: str | None, link_to: Linker) -> str:
    """Links to the grid of each channel: a filter that needs no script."""
    lab = ctx.labels

    def item(cid: str | None, text: str) -> str:
        where = month_address(year, month) if cid is None else \
            channel_month_address(year, month, cid)
        if cid == channel:
            return f'<li><strong aria-current="page">{h(text)}</strong></li>'
        return f'<li><a href="{link_to.page(where)}">{h(text)}</a></li>'

    items = [item(None, lab["all_channels"])] + [
        item(cid, ctx.channel_name(cid)) for cid in sorted(ctx.plan.settings.channels)]
    return (f'<nav class="smm-filter" aria-label="{h(lab["channel"])}"><strong>'
            f'{h(lab["show"])}:</strong> <ul class="smm-inline">{"".join(items)}</ul></nav>')


def _cell(ctx: Context, days: Days, day: dt.date, inside: bool, slots: list[Slot],
          link_to: Linker, channel: str | None = None) -> str:
    lab = ctx.labels
    facts = days.facts(day)
    classes = ["smm-day", *days.classes(facts)]
    if not inside:
        classes.append("smm-outside")
    if day == ctx.today:
        classes.append("smm-today")
    marks = days.marks(facts, channel) if inside else ""
    if inside and not slots and not marks and day != ctx.today:
        classes.append("smm-empty")  # left out of the agenda on a phone
    current = ' aria-current="date"' if day == ctx.today else ""
    out = [f'<td class="{" ".join(classes)}" data-date="{day.isoformat()}"{current}>',
           f'<div class="smm-daynum"><span class="smm-wday">{h(lab[WEEKDAYS[day.weekday()]])}'
           f"</span> {day.day}"
           + (f' <span class="smm-today-mark">{h(lab["today"])}</span>'
              if day == ctx.today else "") + "</div>", marks]
    if inside:
        out.extend(_entry(ctx, slot, link_to) for slot in slots)
    out.append("</td>")
    return "".join(out)


def _entry(ctx: Context, slot: Slot, link_to: Linker) -> str:
    post = slot.post
    pillar = ctx.pillar_class.get(post.pillar, "smm-p-unknown")
    marks = "".join(ctx.channel_mark(c) for c in post.channels)
    return (f'<a class="smm-entry {pillar} smm-status-{h(post.status)}" data-post="{h(post.id)}" '
            f'href="{link_to.page(address("posts", post.id))}" '
            f'title="{h(post.pillar)} · {h(ctx.labels[post.status])}">'
            f'<span class="smm-time">{h(ctx.local_time(slot))}</span> {marks} '
            f'<span class="smm-title">{h(post.title)}</span></a>')


def _legend(ctx: Context) -> str:
    items = "".join(f"<li>{ctx.pillar_badge(p)}</li>" for p in ctx.plan.settings.pillars)
    return (f'<div class="smm-legend"><strong>{h(ctx.labels["legend"])}:</strong> '
            f'<ul class="smm-inline">{items}</ul></div>')
