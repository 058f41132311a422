"""``/backlog/`` (ideas) and ``/checks/`` (every diagnostic)."""

from __future__ import annotations

from .context import Context
from .html import block, h, page, table
from .posts import diagnostics_table


def backlog_page(ctx: Context) -> str:
    lab = ctx.labels
    link_to = ctx.linker("/backlog/")
    if not ctx.ideas:
        body = f'<p class="smm-empty">{h(lab["no_ideas"])}</p>'
    else:
        rows = [[ctx.post_link(link_to, p), ctx.pillar_badge(p.pillar),
                 " ".join(ctx.channel_mark(c) for c in p.channels),
                 h(", ".join(p.personas)) or h(lab["none"]), ctx.member_name(p.author),
                 ctx.status_badge(p.status)]
                for p in ctx.ideas]
        head = [h(lab[k]) for k in ("title", "pillar", "channel", "persona", "author", "status")]
        body = table(head, rows, cls="smm-posts")
    return page(lab["backlog"], [block(body)], searchable=False)


def checks_page(ctx: Context) -> str:
    lab = ctx.labels
    link_to = ctx.linker("/checks/")
    return page(lab["checks"], [block(diagnostics_table(
        ctx, list(ctx.result.diagnostics), link_to, empty=lab["no_problems"]))],
        searchable=False)
