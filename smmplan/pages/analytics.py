"""The analytics pages: ``/engagement/`` (trends month over month, the planned mix against what
each pillar earned, top and bottom posts, the best posting times) and one page per quarter for
management, ``/reports/2026-q4/``, printable.

Every figure comes from :mod:`smmplan.metrics.analysis`, computed and rounded there once (the
same figures ``smmplan report`` prints); this module lays them out. Each chart is inline SVG
(:mod:`.charts`) followed by a table of the same numbers, for screen readers and for print.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import partial

from ..calendar import rounded, setting_percent, share
from ..i18n import Labels
from ..metrics.analysis import (
    MIN_SLOT_POSTS,
    WEEKDAYS,
    Analysis,
    Entry,
    Item,
    Window,
    best_slots,
    growth,
    ranked,
    rate_percent,
    slot_rates,
    totals,
)
from ..metrics.names import CORE
from .charts import Series, bar_chart, heat_map, line_chart
from .context import Context, PageMaker
from .html import block, h, heading, page, table
from .links import Linker

ADDRESS = "/engagement/"
REPORTS = "/reports/"

# Printed, a report is the content column alone, black on white, tables kept whole.
PRINT_CSS = (
    "<style>@media print{.md-header,.md-tabs,.md-sidebar,.md-footer,.md-source,"
    ".md-content__button,.smm-noprint{display:none!important}"
    ".md-main__inner,.md-content,.md-content__inner{margin:0!important;max-width:none!important}"
    ".md-typeset{font-size:10pt;color:#000}.smm-block,.smm-chart,table{break-inside:avoid}"
    ".smm-chart{max-width:100%;color:#000}}</style>"
)


def quarter_address(label: str) -> str:
    """``2026-Q4`` -> ``/reports/2026-q4/``."""
    return f"{REPORTS}{label.lower()}/"


def _table(head: list[str], rows: list[list[str]], cls: str) -> str:
    """A table in Material's own style (it styles only tables without a class), named by the
    class of the wrapper around it."""
    # a region that may scroll sideways must be reachable by keyboard (WCAG 2.1.1)
    return f'<div class="smm-scroll {cls}" tabindex="0">{table(head, rows)}</div>'


def _figure(caption: str, svg: str) -> str:
    """A chart with its caption shown (the chart's own title is for screen readers)."""
    return block(f'<figure class="smm-figure">{svg}<figcaption aria-hidden="true">{h(caption)}'
                 "</figcaption></figure>")


def _pct(lab: Labels, value: Decimal | None) -> str:
    return lab.percent("-" if value is None else f"{value}%")


def _dec(lab: Labels, value: Decimal | None) -> str:
    return lab.percent("-" if value is None else str(value))


def _num(lab: Labels, value: int | None) -> str:
    return lab["none"] if value is None else lab.number(value)


def engagement_page(ctx: Context) -> str:
    lab = ctx.labels
    metrics = ctx.metrics
    if not metrics.items:
        return page(lab["engagement"], [block(f'<p class="smm-empty">{h(lab["no_metrics"])}</p>')],
                    searchable=False)
    link_to = ctx.linker(ADDRESS)
    months = metrics.by("month")
    quarters = metrics.by("quarter")
    blocks = [block(f'<p class="smm-intro">{h(lab["er_explained"])}</p>'),
              block(_report_links(ctx, link_to, quarters)),
              heading(lab["trends"], "trends"),
              *_trends(ctx, months.windows),
              heading(lab["mix_vs_engagement"], "pillars"),
              *_pillars(ctx, metrics.items, None),
              heading(lab["by_format"], "formats"),
              block(_entries_table(ctx, totals("formats", metrics.items), "format")),
              heading(lab["top_bottom"], "posts"),
              *_top_bottom(ctx, link_to, metrics.items),
              heading(lab["best_times"], "times"),
              *_times(ctx, metrics.items)]
    for w in reversed(months.windows):
        blocks.append(heading(lab.month(w.start.year, w.start.month), f"m-{w.start:%Y-%m}",
                              searchable=False))
        blocks.append(block(_channels_table(ctx, w, link_to)))
    return page(lab["engagement"], blocks, wide=True, searchable=False)


def report_pages(ctx: Context) -> dict[str, PageMaker]:
    """One page per quarter with numbers: ``/reports/2026-q4/``."""
    return {quarter_address(w.label): partial(_quarter_page, ctx, w)
            for w in ctx.metrics.by("quarter").windows}


def _quarter_page(ctx: Context, w: Window) -> str:
    lab = ctx.labels
    here = quarter_address(w.label)
    link_to = ctx.linker(here)
    items = [i for i in ctx.metrics.items if w.start <= i.start.date() <= w.end]
    months = [m for m in ctx.metrics.by("month").windows if w.start <= m.start <= w.end]
    title = f"{lab['report']} {w.label}"
    blocks = [PRINT_CSS,
              block(f'<p class="smm-intro">{h(lab["report_intro"])} '
                    f'{h(str(w.start))} – {h(str(w.end))}.</p>'),
              block(_kpis(ctx, w)),
              heading(lab["channels"], "channels"),
              block(_channels_table(ctx, w, link_to)),
              *_followers(ctx, w, link_to),
              heading(lab["trends"], "trends"),
              *_trends(ctx, months),
              heading(lab["mix_vs_engagement"], "pillars"),
              *_pillars(ctx, items, w.label),
              heading(lab["by_format"], "formats"),
              block(_entries_table(ctx, w.groups["formats"], "format")),
              heading(lab["top_bottom"], "posts"),
              *_top_bottom(ctx, link_to, items),
              heading(lab["best_times"], "times"),
              *_times(ctx, items)]
    return page(title, blocks, wide=True, searchable=False)


def _report_links(ctx: Context, link_to: Linker, quarters: Analysis) -> str:
    lab = ctx.labels
    links = " · ".join(f'<a href="{link_to.page(quarter_address(w.label))}">{h(w.label)}</a>'
                       for w in quarters.windows)
    return f'<p class="smm-reports">{h(lab["quarter_reports"])}: {links}</p>'


def _kpis(ctx: Context, w: Window) -> str:
    lab = ctx.labels
    t = w.total
    rows = [[h(lab["posts"]), lab.number(t.posts)],
            [h(lab["reach"]), _num(lab, t.metrics.get("reach"))],
            [h(lab["interactions"]), lab.number(t.interactions)],
            [h(lab["engagement_rate"]), h(_pct(lab, t.rate))]]
    return _table([h(lab["figure"]), h(lab["value"])], rows, "smm-kpis")


def _followers(ctx: Context, w: Window, link_to: Linker) -> list[str]:
    """Followers at the start and the end of the window, per channel with counts."""
    lab = ctx.labels
    found = growth(ctx.metrics.audience, w.start, w.end)
    if not found:
        return []
    head = [h(lab["channel"]), h(f"{lab['followers']} {w.start}"),
            h(f"{lab['followers']} {w.end}"), h(lab["change"])]
    rows = [[ctx.channel_links(link_to, [g.channel]), lab.number(g.first), lab.number(g.last),
             ("+" if g.change > 0 else "") + lab.number(g.change)] for g in found]
    return [heading(lab["followers"], "followers"), block(_table(head, rows, "smm-growth"))]


def _channels_table(ctx: Context, w: Window, link_to: Linker) -> str:
    lab = ctx.labels
    head = [h(lab["channel"]), h(lab["posts"]), *(h(lab[m]) for m in CORE),
            h(lab["er"]), h(lab["followers"]), h(lab["per_1000"])]
    rows = []
    for e in w.groups["channels"]:
        cid = str(e.key[0])
        rows.append([ctx.channel_links(link_to, [cid]), lab.number(e.posts),
                     *(_num(lab, e.metrics.get(m)) for m in CORE), h(_pct(lab, e.rate)),
                     _num(lab, e.followers), h(_dec(lab, e.per_1000))])
    t = w.total
    rows.append([f"<strong>{h(lab['all_channels'])}</strong>", lab.number(t.posts),
                 *(_num(lab, t.metrics.get(m)) for m in CORE), h(_pct(lab, t.rate)),
                 h(lab["none"]), h(lab["none"])])
    return _table(head, rows, "smm-engagement")


def _trends(ctx: Context, windows: Sequence[Window]) -> list[str]:
    """ER and interactions per 1,000 followers per channel, month by month: chart and table."""
    lab = ctx.labels
    labels = [f"{w.start:%Y-%m}" for w in windows]
    channels = sorted({str(e.key[0]) for w in windows for e in w.groups["channels"]})

    def values(attr: str) -> list[Series]:
        out = []
        for cid in channels:
            found = []
            for w in windows:
                entry = next((e for e in w.groups["channels"] if e.key[0] == cid), None)
                found.append(getattr(entry, attr) if entry is not None else None)
            out.append(Series(ctx.channel_name(cid), found))
        return out

    rates, per_1000 = values("rate"), values("per_1000")
    blocks = [_figure(lab["er_by_month"], line_chart(lab["er_by_month"], labels, rates,
                                                     lambda v: _pct(lab, v)))]
    if any(v is not None for s in per_1000 for v in s.values):
        blocks.append(_figure(lab["per_1000_by_month"],
                              line_chart(lab["per_1000_by_month"], labels, per_1000,
                                         lambda v: _dec(lab, v))))
    head = [h(lab["month"]), *(f"{h(ctx.channel_name(c))} {h(lab['er'])}" for c in channels),
            *(f"{h(ctx.channel_name(c))} {h(lab['per_1000'])}" for c in channels)]
    rows = [[h(label), *(h(_pct(lab, s.values[i])) for s in rates),
             *(h(_dec(lab, s.values[i])) for s in per_1000)] for i, label in enumerate(labels)]
    blocks.append(block(_table(head, rows, "smm-trend-table")))
    return blocks


def _pillars(ctx: Context, items: Sequence[Item], quarter: str | None) -> list[str]:
    """Per pillar: target, planned share of the calendar, share of the interactions earned, ER."""
    lab = ctx.labels
    cal = ctx.calendar
    if quarter is None:
        mix = cal.whole_mix()
    else:
        mix = next((m for m in cal.mix("quarter") if m.window and m.window.label == quarter),
                   cal.whole_mix())
    total = sum(i.interactions for i in items)
    rows, chart_rows = [], []
    for pid, pillar in ctx.plan.settings.pillars.items():
        mine = [i for i in items if i.post.pillar == pid]
        earned = sum(i.interactions for i in mine)
        reached = [i for i in mine if i.reach]
        rate = rate_percent(sum(i.interactions for i in reached),
                            sum(i.reach or 0 for i in reached))
        planned = rounded(mix.share(pid) * 100)
        got = rounded(share(earned, total) * 100)
        target = "-" if pillar.target is None else setting_percent(pillar.target)
        rows.append([ctx.pillar_badge(pid), h(lab.percent(target)),
                     h(_pct(lab, planned)), lab.number(len(mine)),
                     h(_pct(lab, got)), h(_pct(lab, rate))])
        chart_rows.append((pid, [planned, got]))
    head = [h(lab["pillar"]), h(lab["target"]), h(lab["planned_share"]), h(lab["with_numbers"]),
            h(lab["interaction_share"]), h(lab["er"])]
    chart = bar_chart(lab["mix_vs_engagement"], chart_rows,
                      [lab["planned_share"], lab["interaction_share"]],
                      lambda v: lab.percent(f"{v}%"))
    return [_figure(lab["mix_vs_engagement"], chart),
            block(_table(head, rows, "smm-pillar-engagement"))]


def _entries_table(ctx: Context, entries: Iterable[Entry], key: str) -> str:
    lab = ctx.labels
    head = [h(lab[key]), h(lab["posts"]), h(lab["reach"]), h(lab["interactions"]), h(lab["er"])]
    rows = []
    for e in entries:
        name = lab["none"] if e.key[0] is None else str(e.key[0])
        rows.append([h(name), lab.number(e.posts), _num(lab, e.metrics.get("reach")),
                     lab.number(e.interactions), h(_pct(lab, e.rate))])
    return _table(head, rows, f"smm-by-{key}")


def _top_bottom(ctx: Context, link_to: Linker, items: Sequence[Item]) -> list[str]:
    lab = ctx.labels
    top, bottom = ranked(items)
    head = [h(lab["post"]), h(lab["channel"]), h(lab["date"]), h(lab["reach"]),
            h(lab["interactions"]), h(lab["er"])]

    def rows(found: Iterable[Item]) -> list[list[str]]:
        return [[ctx.post_link(link_to, i.post), ctx.channel_links(link_to, [i.channel]),
                 h(f"{i.start:%Y-%m-%d}"), _num(lab, i.reach), lab.number(i.interactions),
                 h(_pct(lab, i.rate))] for i in found]

    def listing(title: str, found: tuple[Item, ...], cls: str) -> str:
        body = _table(head, rows(found), cls) if found else \
            f'<p class="smm-empty">{h(lab["no_posts"])}</p>'
        return block(f"<h3>{h(title)}</h3>{body}")

    return [listing(lab["top_posts"], top, "smm-top-posts"),
            listing(lab["bottom_posts"], bottom, "smm-bottom-posts")]


def _times(ctx: Context, items: Sequence[Item]) -> list[str]:
    """The weekday x hour heat map over every channel, and each channel's best slots."""
    lab = ctx.labels
    cells = slot_rates(items)
    days = [lab[d] for d in WEEKDAYS]
    blocks = [block(f'<p>{h(lab["slots_explained"].format(n=MIN_SLOT_POSTS))}</p>')]
    blocks.append(_figure(lab["heat_map"], heat_map(
        lab["heat_map"], days, cells, lambda r, n: f"{_pct(lab, r)} ({n} {lab['posts'].lower()})")))
    head = [h(lab["weekday"]), h(lab["hour"]), h(lab["posts"]), h(lab["er"])]
    rows = [[h(days[d]), f"{hour:02d}:00", lab.number(n), h(_pct(lab, r))]
            for (d, hour), (r, n) in sorted(cells.items())]
    blocks.append(block(f'<details class="smm-heat-table"><summary>{h(lab["heat_table"])}'
                        f"</summary>{_table(head, rows, 'smm-slots')}</details>"))
    rows = []
    for cid, slots in best_slots(items).items():
        for s in slots:
            rows.append([h(ctx.channel_name(cid)), h(lab[s.weekday]), f"{s.hour:02d}:00",
                         lab.number(s.posts), h(_pct(lab, s.rate))])
    head = [h(lab["channel"]), h(lab["weekday"]), h(lab["hour"]), h(lab["posts"]), h(lab["er"])]
    blocks.append(block(f"<h3>{h(lab['best_slots'])}</h3>"
                        + (_table(head, rows, "smm-best-slots") if rows else
                           f'<p class="smm-empty">{h(lab["no_slots"])}</p>')))
    return blocks


def latest_rate(ctx: Context) -> tuple[str, str] | None:
    """``(month, ER of all channels)`` of the last month with numbers, for the overview."""
    months = ctx.metrics.by("month").windows
    if not months:
        return None
    last = months[-1]
    return lab_month(ctx, last), _pct(ctx.labels, last.total.rate)


def lab_month(ctx: Context, w: Window) -> str:
    return ctx.labels.month(w.start.year, w.start.month)

