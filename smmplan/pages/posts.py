"""``/posts/<id>/``: the caption as published, its facts, its length and its diagnostics."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ..diagnostics import Diagnostic
from ..metrics.analysis import Item
from ..model import METRICS, Post
from .context import Context, PageMaker
from .html import block, caption_html, h, heading, link, page, table
from .links import Linker, address
from .series import channel_lengths, occurrences, shown_caption, variants


def pages(ctx: Context) -> Iterator[tuple[str, PageMaker]]:
    for post in ctx.posts:
        where = address("posts", post.id)
        yield where, partial(post_page, ctx, post, ctx.linker(where))


def post_page(ctx: Context, post: Post, link_to: Linker) -> str:
    lab = ctx.labels
    head = (f'<p class="smm-post-head">{ctx.status_badge(post.status)} '
            f'{ctx.pillar_badge(post.pillar)} '
            + " ".join(ctx.channel_mark(c) for c in post.channels) + "</p>")
    # The caption comes before any heading, so search shows it under the post's own title.
    shown = shown_caption(ctx, post.id, post.caption)
    caption = f'<div class="smm-caption">{caption_html(shown)}</div>'
    extra = []
    per_channel = variants(ctx, post.id)
    if per_channel is not None:
        extra += [heading(lab["captions_per_channel"], "captions", searchable=False),
                  block(per_channel)]
    recurring = occurrences(ctx, post.id, link_to)
    if recurring is not None:
        extra += [heading(lab["occurrences"], "occurrences", searchable=False), block(recurring)]
    return page(post.title, [
        block(head + caption),
        *extra,
        # Facts and diagnostics name channels, personas and rules that thousands of posts share:
        # in the search index they would only bury the captions (and slow the build).
        heading(lab["facts"], "facts", searchable=False),
        block(_facts(ctx, post, link_to)),
        heading(lab["diagnostics"], "diagnostics", searchable=False),
        block(diagnostics_table(ctx, ctx.diagnostics_by_post.get(post.id, []), link_to,
                                empty=lab["no_diagnostics"], with_post=False)),
    ])


def _facts(ctx: Context, post: Post, link_to: Linker) -> str:
    lab = ctx.labels
    plan = ctx.plan

    def persona(pid: str) -> str:
        per = plan.personas.get(pid)
        if per is None:
            return h(pid)
        return f'<a href="{link_to.page(address("personas", pid))}">{h(per.name)}</a>'

    campaign = ""
    if post.campaign:
        cam = plan.campaigns.get(post.campaign)
        campaign = (f'<a href="{link_to.page(address("campaigns", post.campaign))}">'
                    f'{h(cam.name)}</a>' if cam is not None else h(post.campaign))
    when = h(ctx.local_when(post))
    if post.start is not None:
        when = (f'<a href="{link_to.page(address("calendar", f"{post.start:%Y-%m}"))}">'
                f'{when}</a> <span class="smm-note">({h(plan.settings.timezone)})</span>')
    channels = ctx.channel_links(link_to, post.channels)
    facts: list[tuple[str, str]] = [
        ("date", when),
        ("channel", channels),
        ("length", channel_lengths(ctx, post.id)),
        ("format", h(post.format) if post.format else ""),
        ("persona", ", ".join(persona(p) for p in post.personas)),
        ("campaign", campaign),
        ("author", ctx.member_name(post.author) if post.author else ""),
        ("editor", ctx.member_name(post.editor) if post.editor else ""),
        ("tags", ", ".join(h(t) for t in post.tags)),
        ("link", link(post.link, post.link) if post.link else ""),
        ("media", "<br>".join(link(m, m) for m in post.media)),
        ("file", f"<code>{h(post.path)}</code>"),
    ]
    rows = [f"<tr><th>{h(lab[key])}</th><td>{value}</td></tr>" for key, value in facts if value]
    rows += _metric_rows(ctx, post)
    return '<table class="smm-facts"><tbody>' + "".join(rows) + "</tbody></table>"


def _metric_rows(ctx: Context, post: Post) -> list[str]:
    """The numbers of the post's one occurrence, metric by metric; for a cross-post or a
    recurring post one line per channel and date."""
    lab = ctx.labels
    items = ctx.metrics.by_post.get(post.id, ())

    def rate(item: Item) -> str:
        return h(lab.percent("-" if item.rate is None else f"{item.rate}%"))

    if len(items) == 1:
        item = items[0]
        rows = [f'<tr class="smm-metric"><th>{h(lab[m])}</th><td>{lab.number(item.values[m])}'
                "</td></tr>" for m in METRICS if m in item.values]
        return [*rows, f'<tr class="smm-metric"><th>{h(lab["engagement_rate"])}</th>'
                       f"<td>{rate(item)}</td></tr>"]
    return [f'<tr class="smm-metric"><th>{h(ctx.channel_name(i.channel))} {i.start:%Y-%m-%d}'
            f"</th><td>{h(lab['reach'])} "
            f"{lab.number(i.reach) if i.reach is not None else h(lab['none'])} · "
            f"{h(lab['interactions'])} {lab.number(i.interactions)} · {h(lab['er'])} {rate(i)}"
            "</td></tr>" for i in items]


def diagnostics_table(ctx: Context, found: list[Diagnostic], link_to: Linker, *, empty: str,
                      with_post: bool = True) -> str:
    """Diagnostics as a table: severity, rule, where, message (and the post)."""
    lab = ctx.labels
    if not found:
        return f'<p class="smm-empty">{h(empty)}</p>'
    head = [h(lab["severity"]), h(lab["rule"]), h(lab["where"]), h(lab["message"])]
    if with_post:
        head.append(h(lab["posts"]))
    posts = {p.id: p for p in ctx.posts} if with_post else {}
    rows = []
    for d in found:
        row = [f'<span class="smm-sev smm-sev-{h(d.severity)}">{h(lab[d.severity])}</span>',
               f"<code>{h(d.code)}</code> {h(d.name)}",
               f"<code>{h(d.file)}:{d.line}:{d.column}</code>",
               h(d.message) + (f'<br><span class="smm-note">{h(d.help)}</span>'
                               if d.help else "")]
        if with_post:
            post = posts.get(d.post) if d.post else None
            row.append(ctx.post_link(link_to, post) if post is not None else "")
        rows.append(row)
    return table(head, rows, cls="smm-diagnostics")
