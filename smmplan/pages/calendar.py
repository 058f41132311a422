"""``/calendar/YYYY-MM/``: a month as a grid, weeks as rows, Monday first."""

from __future__ import annotations

import calendar as cal
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from ..calendar import Slot
from ..i18n import WEEKDAYS
from .context import Context
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


def pages(ctx: Context) -> Iterator[tuple[str, str]]:
    months = ctx.months
    for i, (year, month) in enumerate(months):
        where = month_address(year, month)
        prev = months[i - 1] if i > 0 else None
        following = months[i + 1] if i + 1 < len(months) else None
        yield where, month_page(ctx, year, month, prev, following, ctx.linker(where))


def month_page(ctx: Context, year: int, month: int, prev: tuple[int, int] | None,
               following: tuple[int, int] | None, link_to: Linker) -> str:
    lab = ctx.labels
    by_day: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in ctx.by_month.get((year, month), []):
        by_day[slot.day].append(slot)

    def step(target: tuple[int, int] | None, label: str, rel: str) -> str:
        if target is None:
            return f'<span class="smm-step smm-disabled">{h(label)}</span>'
        return (f'<a class="smm-step" rel="{rel}" href="{link_to.page(month_address(*target))}">'
                f"{h(label)}: {h(lab.month(*target))}</a>")

    nav = (f'<nav class="smm-month-nav">{step(prev, lab["prev_month"], "prev")} '
           f'{step(following, lab["next_month"], "next")}</nav>')
    head = "".join(f'<th scope="col">{h(lab[d])}</th>' for d in WEEKDAYS)
    rows = []
    for week in _WEEKS.monthdatescalendar(year, month):
        cells = [_cell(ctx, day, day.month == month, by_day.get(day, []), link_to)
                 for day in week]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    grid = (f'<table class="smm-month" data-month="{year:04d}-{month:02d}">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return page(lab.month(year, month), [
        block(nav), block(f'<div class="smm-month-wrap">{grid}</div>'),
        block(_legend(ctx)), block(nav),
    ], wide=True, searchable=False)


def _cell(ctx: Context, day: dt.date, inside: bool, slots: list[Slot], link_to: Linker) -> str:
    lab = ctx.labels
    classes = ["smm-day"]
    if not inside:
        classes.append("smm-outside")
    if day == ctx.today:
        classes.append("smm-today")
    holiday = ctx.calendar.holiday(day)
    if holiday:
        classes.append("smm-holiday")
    out = [f'<td class="{" ".join(classes)}" data-date="{day.isoformat()}">',
           f'<div class="smm-daynum">{day.day}'
           + (f' <span class="smm-today-mark">{h(lab["today"])}</span>'
              if day == ctx.today else "") + "</div>"]
    if holiday:
        out.append(f'<div class="smm-holiday-name" title="{h(lab["holiday"])}">{h(holiday)}</div>')
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
