"""``/engagement/``: the monthly engagement report of published posts, per channel group.

The numbers come from :func:`smmplan.engagement.engagement` (the same as ``smmplan report``);
this page only lays them out: a table per month and a bar of each group's engagement rate, in
plain HTML and CSS like the mix charts, so it renders offline and needs no script.
"""

from __future__ import annotations

from fractions import Fraction

from ..engagement import EngagementLine, EngagementWindow, rate_text
from ..model import METRICS, Post
from .context import Context
from .html import block, h, heading, page
from .links import Linker, address

ADDRESS = "/engagement/"


def engagement_page(ctx: Context) -> str:
    """Per month with metrics: a table of totals, ER and top post per channel group, and bars."""
    lab = ctx.labels
    months = ctx.engagement_months
    if not months:
        return page(lab["engagement"], [block(f'<p class="smm-empty">{h(lab["no_metrics"])}</p>')],
                    searchable=False)
    link_to = ctx.linker(ADDRESS)
    # One scale for every month, so that bars of different months compare at a glance.
    rates = [line.rate for w in months for line in w.lines if line.rate is not None]
    scale = max(rates, default=None)
    posts = {p.id: p for p in ctx.posts}
    blocks = [block(f'<p class="smm-intro">{h(lab["er_explained"])}</p>')]
    for window in months:
        blocks.append(heading(lab.month(window.start.year, window.start.month),
                              f"m-{window.start:%Y-%m}"))
        blocks.append(block(_table(ctx, window, posts, link_to)))
        blocks.append(block(_chart(ctx, window, scale, link_to)))
    # The headings are raw HTML, so Material's table of contents would stay empty: give its
    # room to the table.
    return page(lab["engagement"], blocks, wide=True, searchable=False)


def latest_rate(ctx: Context) -> tuple[str, str] | None:
    """``(month, ER of all channels)`` of the last month with metrics, for the overview."""
    if not ctx.engagement_months:
        return None
    last = ctx.engagement_months[-1]
    return (ctx.labels.month(last.start.year, last.start.month),
            ctx.labels.percent(rate_text(last.lines[-1].rate)))


def _split(window: EngagementWindow) -> tuple[tuple[EngagementLine, ...], EngagementLine]:
    # The last line is the whole window's; by position, since a channel may be called "all".
    return window.lines[:-1], window.lines[-1]


def _group(ctx: Context, line: EngagementLine, link_to: Linker, *, total: bool) -> str:
    if total:
        return f'<strong>{h(ctx.labels["all_channels"])}</strong>'
    parts = []
    for cid in line.channels.split(" + "):
        name = h(ctx.channel_name(cid))
        if ctx.channel(cid) is not None:
            name = f'<a href="{link_to.page(address("channels", cid))}">{name}</a>'
        parts.append(f"{ctx.channel_mark(cid)} {name}")
    return " + ".join(parts)


def _row_attrs(line: EngagementLine, total: bool) -> str:
    return ' class="smm-total"' if total else f' data-channels="{h(line.channels)}"'


def _table(ctx: Context, window: EngagementWindow, posts: dict[str, Post],
           link_to: Linker) -> str:
    lab = ctx.labels
    head = [f"<th>{h(lab['channels'])}</th>", f'<th class="smm-num">{h(lab["posts"])}</th>',
            *(f'<th class="smm-num">{h(lab[m])}</th>' for m in METRICS),
            f'<th class="smm-num" title="{h(lab["engagement_rate"])}">{h(lab["er"])}</th>',
            f"<th>{h(lab['top_post'])}</th>"]
    groups, whole = _split(window)
    rows = []
    for line in (*groups, whole):
        total = line is whole
        top = posts.get(line.top) if line.top else None
        top_cell = (ctx.post_link(link_to, top) if top is not None
                    else h(line.top or lab["none"]))
        cells = [_group(ctx, line, link_to, total=total), lab.number(line.posts),
                 *(lab.number(line.totals[m]) if m in line.totals else h(lab["none"])
                   for m in METRICS),
                 h(lab.percent(rate_text(line.rate)))]
        numbers = "".join(f'<td class="smm-num">{c}</td>' for c in cells[1:])
        rows.append(f"<tr{_row_attrs(line, total)}><td>{cells[0]}</td>{numbers}"
                    f"<td>{top_cell}</td></tr>")
    # Eleven columns are wider than Material's content column: scroll them, never let them run
    # under the table of contents.
    return (f'<div class="smm-scroll"><table class="smm-engagement"><thead><tr>{"".join(head)}'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def _chart(ctx: Context, window: EngagementWindow, scale: Fraction | None,
           link_to: Linker) -> str:
    lab = ctx.labels
    groups, whole = _split(window)
    rows = []
    for line in (*groups, whole):
        total = line is whole
        text = h(lab.percent(rate_text(line.rate)))
        width = (f"{float(line.rate / scale) * 100:.1f}%"
                 if line.rate is not None and scale else "0.0%")
        bar = (f'<span class="smm-bar" title="{h(lab["er"])} {text}">'
               f'<span style="width:{width}"></span></span>')
        rows.append(f"<tr{_row_attrs(line, total)}><th>{_group(ctx, line, link_to, total=total)}"
                    f'</th><td>{bar}</td><td class="smm-num">{text}</td></tr>')
    return (f'<table class="smm-er-chart"><thead><tr><th>{h(lab["channels"])}</th><th></th>'
            f'<th class="smm-num">{h(lab["er"])}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")
