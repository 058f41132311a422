"""``/``: the next 14 days, posts by status and the open problems."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from ..diagnostics import counts
from ..model import STATUSES
from .analytics import ADDRESS as ENGAGEMENT
from .analytics import latest_rate
from .calendar import month_address
from .context import Context
from .html import block, h, page, table
from .links import address
from .posts import diagnostics_table

UPCOMING_DAYS = 14
PROBLEMS_SHOWN = 20


def overview_page(ctx: Context) -> str:
    lab = ctx.labels
    link_to = ctx.linker("/")
    end = ctx.today + dt.timedelta(days=UPCOMING_DAYS)
    upcoming = [s for s in ctx.slots if ctx.today <= s.day < end]
    this_month = month_address(ctx.today.year, ctx.today.month)
    intro = (f'<p class="smm-intro">{h(lab["today"]).capitalize()}: '
             f'<strong>{h(ctx.today.isoformat())}</strong> · '
             f'<a href="{link_to.page(this_month)}">'
             f'{h(lab["calendar"])}: {h(lab.month(ctx.today.year, ctx.today.month))}</a> · '
             f'<a href="{link_to.page(ENGAGEMENT)}">{h(lab["engagement"])}</a>')
    latest = latest_rate(ctx)
    if latest is not None:
        intro += f' ({h(latest[0])}: {h(lab["er"])} {h(latest[1])})'
    intro += "</p>"
    if upcoming:
        coming = table(ctx.post_head(), ctx.post_rows(link_to, upcoming), cls="smm-posts")
    else:
        coming = f'<p class="smm-empty">{h(lab["no_posts"])}</p>'
    by_status = Counter(p.status for p in ctx.posts)
    status_rows = [[ctx.status_badge(s), str(by_status.get(s, 0))] for s in STATUSES]
    status_rows.append([f"<strong>{h(lab['total'])}</strong>",
                        f"<strong>{len(ctx.posts)}</strong>"])
    problems = [d for d in ctx.result.diagnostics if d.severity in ("error", "warning")]
    c = counts(ctx.result.diagnostics)
    summary = (f'<p class="smm-summary"><span class="smm-sev smm-sev-error">{c["errors"]} '
               f'{h(lab["errors"])}</span> <span class="smm-sev smm-sev-warning">{c["warnings"]} '
               f'{h(lab["warnings"])}</span> <span class="smm-sev smm-sev-info">{c["info"]} '
               f'{h(lab["info"])}</span> · <a href="{link_to.page(address("checks"))}">'
               f'{h(lab["all_checks"])}</a></p>')
    return page(lab["overview"], [
        block(intro),
        f"<h2 id=\"next-14-days\">{h(lab['next_14'])}</h2>",
        block(coming),
        f"<h2 id=\"by-status\">{h(lab['by_status'])}</h2>",
        block(table([h(lab["status"]), h(lab["count"])], status_rows, cls="smm-status-counts")),
        f"<h2 id=\"open-problems\">{h(lab['open_problems'])}</h2>",
        block(summary),
        block(diagnostics_table(ctx, problems[:PROBLEMS_SHOWN], link_to,
                                empty=lab["no_problems"])),
    ])
