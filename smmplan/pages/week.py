"""``/calendar/2026-W49/``: an ISO week, days as columns and the hours that hold posts as rows,
with the day's holiday, seasons, blackout, campaigns and gaps above its column."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from functools import partial

from ..calendar import Slot, week_label
from ..i18n import WEEKDAYS
from .context import Context, PageMaker
from .days import Days, weeks_of
from .html import block, h, page
from .links import Linker, address


def week_address(monday: dt.date) -> str:
    return address("calendar", week_label(monday))


def pages(ctx: Context) -> Iterator[tuple[str, PageMaker]]:
    mondays = weeks_of(ctx.months)
    by_week: dict[dt.date, list[Slot]] = defaultdict(list)
    for slot in ctx.slots:
        by_week[slot.day - dt.timedelta(days=slot.day.weekday())].append(slot)
    for i, monday in enumerate(mondays):
        where = week_address(monday)
        prev = mondays[i - 1] if i > 0 else None
        following = mondays[i + 1] if i + 1 < len(mondays) else None
        yield where, partial(week_page, ctx, monday, by_week.get(monday, []), prev, following,
                             ctx.linker(where))


def week_page(ctx: Context, monday: dt.date, slots: list[Slot], prev: dt.date | None,
              following: dt.date | None, link_to: Linker) -> str:
    from .calendar import _entry, month_address  # the grid's own entries

    lab = ctx.labels
    days_info = Days.of(ctx)
    days = [monday + dt.timedelta(days=i) for i in range(7)]

    def step(to: dt.date | None, label: str, rel: str) -> str:
        if to is None:
            return f'<span class="smm-step smm-disabled" aria-disabled="true">{h(label)}</span>'
        return (f'<a class="smm-step" rel="{rel}" href="{link_to.page(week_address(to))}">'
                f"{h(label)}: {h(week_label(to))}</a>")

    months = sorted({(d.year, d.month) for d in days} & set(ctx.months))
    up = " · ".join(f'<a href="{link_to.page(month_address(y, m))}">{h(lab.month(y, m))}</a>'
                    for y, m in months)
    nav = (f'<nav class="smm-month-nav" aria-label="{h(lab["week"])}">'
           f'{step(prev, lab["prev_week"], "prev")} <span>{up}</span> '
           f'{step(following, lab["next_week"], "next")}</nav>')

    rows: dict[str, dict[dt.date, list[Slot]]] = defaultdict(lambda: defaultdict(list))
    for slot in sorted(slots, key=lambda s: (s.instant, s.post.id)):
        hour = "" if slot.all_day else f"{slot.start.hour:02d}:00"
        rows[hour][slot.day].append(slot)

    head = [f'<th scope="col"><span class="smm-sr">{h(lab["time"])}</span></th>']
    notes = [f'<th scope="row"><span class="smm-sr">{h(lab["date"])}</span></th>']
    for day in days:
        facts = days_info.facts(day)
        today = day == ctx.today
        mark = f' <span class="smm-today-mark">{h(lab["today"])}</span>' if today else ""
        current = ' aria-current="date"' if today else ""
        classes = " ".join(["smm-wkday", *days_info.classes(facts),
                            *(["smm-today"] if today else [])])
        head.append(f'<th scope="col" class="{classes}" data-date="{day.isoformat()}"'
                    f'{current}>{h(lab[WEEKDAYS[day.weekday()]])} {day.day}'
                    f"/{day.month}{mark}</th>")
        notes.append(f'<td class="{classes}">{days_info.marks(facts)}</td>')
    body = ["<tr class=\"smm-notes\">" + "".join(notes) + "</tr>"]
    for hour in sorted(rows):
        label = lab["all_day"] if hour == "" else hour
        cells = [f'<th scope="row" class="smm-hour">{h(label)}</th>']
        for day in days:
            entries = "".join(_entry(ctx, s, link_to) for s in rows[hour].get(day, ()))
            cells.append(f'<td data-date="{day.isoformat()}">{entries}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    grid = (f'<table class="smm-week" data-week="{week_label(monday)}">'
            f'<thead><tr>{"".join(head)}</tr></thead><tbody>{"".join(body)}</tbody></table>')
    # the same week as a day-by-day list, which a phone shows instead of the table
    agenda = []
    for day in days:
        facts = days_info.facts(day)
        today = day == ctx.today
        entries = "".join(_entry(ctx, s, link_to) for s in slots if s.day == day)
        mark = f' <span class="smm-today-mark">{h(lab["today"])}</span>' if today else ""
        classes = " ".join(["smm-agenda-day", *days_info.classes(facts),
                            *(["smm-today"] if today else [])])
        agenda.append(f'<li class="{classes}" data-date="{day.isoformat()}">'
                      f'<div class="smm-daynum">{h(lab[WEEKDAYS[day.weekday()]])} {day.day}/'
                      f"{day.month}{mark}</div>{days_info.marks(facts)}{entries}</li>")
    listing = f'<ol class="smm-week-agenda">{"".join(agenda)}</ol>'
    title = f"{lab['week_of']} {week_label(monday)}"
    intro = (f'<p class="smm-intro">{monday:%Y-%m-%d} – '
             f"{days[-1]:%Y-%m-%d}</p>")
    empty = "" if slots else f'<p class="smm-note">{h(lab["no_posts"])}</p>'
    return page(title, [block(nav), block(intro + empty),
                        block(f'<div class="smm-month-wrap smm-week-grid">{grid}</div>'),
                        block(listing), block(nav)],
                wide=True, searchable=False)
