"""``/channels/<id>/``, ``/personas/<id>/`` and ``/campaigns/<id>/``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from typing import Any

from ..calendar import Slot, on_calendar
from ..durations import duration_text
from ..model import Campaign, Channel, Persona, Post
from ..platforms import PLATFORMS
from .calendar import month_address
from .context import Context, PageMaker
from .html import block, h, heading, markdown_html, page, table
from .links import Linker, address

FULL_LIST = 60
"""A group page lists every post up to this many dated posts."""
UPCOMING_WEEKS = 4
RECENT_WEEKS = 2


def channel_pages(ctx: Context) -> Iterator[tuple[str, PageMaker]]:
    for cid, ch in sorted(ctx.plan.settings.channels.items()):
        where = address("channels", cid)
        yield where, partial(_channel_page, ctx, cid, ch, ctx.linker(where))


def _channel_page(ctx: Context, cid: str, ch: Channel, link_to: Linker) -> str:
    lab = ctx.labels
    limits = PLATFORMS.get(ch.platform)
    max_length = ch.max_length if ch.max_length is not None else (
        limits.max_length if limits else None)
    max_tags = ch.max_hashtags if ch.max_hashtags is not None else (
        limits.max_hashtags if limits else None)
    facts = [
        ("platform", ctx.channel_mark(cid) + " " + h(ch.platform)),
        ("per_day", _range(ch.per_day)), ("per_week", _range(ch.per_week)),
        ("min_gap", h(duration_text(ch.min_gap)) if ch.min_gap else h(lab["none"])),
        ("best_formats", h(", ".join(ch.best_formats)) or h(lab["none"])),
        ("max_length", h(max_length) if max_length is not None else h(lab["none"])),
        ("max_hashtags", h(max_tags) if max_tags is not None else h(lab["none"])),
    ]
    posts = ctx.grouped("channels").get(cid, [])
    return page(ch.name, [block(_facts_table(ctx, facts)),
                          *post_sections(ctx, posts, link_to)], searchable=False)


def persona_pages(ctx: Context) -> Iterator[tuple[str, PageMaker]]:
    for pid, per in sorted(ctx.plan.personas.items()):
        where = address("personas", pid)
        yield where, partial(_persona_page, ctx, pid, per, ctx.linker(where))


def _persona_page(ctx: Context, pid: str, per: Persona, link_to: Linker) -> str:
    lab = ctx.labels
    posts = ctx.grouped("personas").get(pid, [])
    channels = ctx.channel_links(link_to, per.channels)
    facts = [
        ("description", h(per.description) or h(lab["none"])),
        ("channels", channels or h(lab["none"])),
        ("interests", h(", ".join(per.interests)) or h(lab["none"])),
        ("last_reviewed", h(per.last_reviewed) if per.last_reviewed else h(lab["none"])),
    ]
    blocks = [block(_facts_table(ctx, facts))]
    if per.demographics:
        blocks += [heading(lab["demographics"], "demographics"),
                   block(value_html(per.demographics))]
    shown = {"name", "description", "demographics", "interests", "channels",
             "last_reviewed"}
    rest = {k: v for k, v in per.data.items() if k not in shown}
    if rest:
        blocks += [heading(lab["other"], "other"), block(value_html(rest))]
    blocks += post_sections(ctx, posts, link_to)
    return page(per.name, blocks, searchable=False)


def campaign_pages(ctx: Context) -> Iterator[tuple[str, PageMaker]]:
    for cid, cam in sorted(ctx.plan.campaigns.items()):
        where = address("campaigns", cid)
        yield where, partial(_campaign_page, ctx, cid, cam, ctx.linker(where))


def _campaign_page(ctx: Context, cid: str, cam: Campaign, link_to: Linker) -> str:
    lab = ctx.labels
    channels = ctx.channel_links(link_to, cam.channels)
    facts = [
        ("start", h(cam.start)), ("end", h(cam.end)),
        ("goal", h(cam.goal) or h(lab["none"])),
        ("channels", channels or h(lab["none"])),
        ("owner", ctx.member_name(cam.owner)),
    ]
    posts = ctx.grouped("campaign").get(cid, [])
    blocks = [block(_facts_table(ctx, facts))]
    if cam.brief.strip():
        blocks += [heading(lab["brief"], "brief"),
                   block(f'<div class="smm-prose">{markdown_html(cam.brief)}</div>')]
    blocks += post_sections(ctx, posts, link_to)
    return page(cam.name, blocks, searchable=False)


def post_sections(ctx: Context, posts: list[Post], link_to: Linker) -> list[str]:
    """A group's posts: all of them when they are few; else the weeks around today.

    A channel or campaign with thousands of posts would make a table nobody reads (and a page
    that takes longer to build than the rest of the site): past :data:`FULL_LIST` dated posts
    the page shows the next weeks and the last ones, how many posts each month has (linking to
    the month's calendar) and how many ideas wait in the backlog.
    """
    lab = ctx.labels
    members = {id(p) for p in posts}
    slots = [s for s in ctx.slots if id(s.post) in members]
    if len(slots) <= FULL_LIST:
        return [heading(lab["coverage"], "coverage"), block(coverage(ctx, slots, link_to)),
                heading(lab["posts"], "posts"), block(posts_table(ctx, posts, link_to))]
    today = ctx.today
    ahead = today + dt.timedelta(weeks=UPCOMING_WEEKS)
    behind = today - dt.timedelta(weeks=RECENT_WEEKS)
    upcoming = [s for s in slots if today <= s.day < ahead]
    recent = [s for s in slots if behind <= s.day < today]
    ideas = sum(1 for p in posts if not on_calendar(p))
    summary = h(lab["in_all"].format(posts=len(slots)))
    if ideas:
        summary += (f' · <a href="{link_to.page(address("backlog"))}">{h(lab["ideas"])}</a>: '
                    f"{ideas}")
    return [block(f'<p class="smm-intro">{summary}</p>'),
            heading(lab["next_weeks"].format(n=UPCOMING_WEEKS), "upcoming"),
            block(posts_table(ctx, upcoming, link_to)),
            heading(lab["last_weeks"].format(n=RECENT_WEEKS), "recent"),
            block(posts_table(ctx, recent, link_to)),
            heading(lab["coverage"], "coverage"), block(coverage(ctx, slots, link_to))]


def posts_table(ctx: Context, posts: Sequence[Post | Slot], link_to: Linker) -> str:
    if not posts:
        return f'<p class="smm-empty">{h(ctx.labels["no_posts"])}</p>'
    return table(ctx.post_head(), ctx.post_rows(link_to, posts), cls="smm-posts")


def coverage(ctx: Context, slots: list[Slot], link_to: Linker) -> str:
    """Slots per month over the plan's months, as a bar per month."""
    counts = Counter((s.start.year, s.start.month) for s in slots)
    top = max(counts.values(), default=0)
    rows = []
    for ym in ctx.months:
        n = counts.get(ym, 0)
        width = 0.0 if top == 0 else round(100 * n / top, 1)
        rows.append([f'<a href="{link_to.page(month_address(*ym))}">'
                     f"{h(ctx.labels.month(*ym))}</a>",
                     f'<span class="smm-bar"><span style="width:{width}%"></span></span>',
                     str(n)])
    lab = ctx.labels
    return table([h(lab["month"]), "", h(lab["count"])], rows, cls="smm-coverage")


def _facts_table(ctx: Context, facts: list[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><th>{h(ctx.labels[k])}</th><td>{v}</td></tr>" for k, v in facts)
    return f'<table class="smm-facts"><tbody>{rows}</tbody></table>'


def value_html(value: Any) -> str:
    """Any YAML value as nested, escaped HTML (mappings as tables, lists as lists)."""
    if isinstance(value, Mapping):
        rows = "".join(f"<tr><th>{h(k)}</th><td>{value_html(v)}</td></tr>"
                       for k, v in value.items())
        return f'<table class="smm-facts"><tbody>{rows}</tbody></table>'
    if isinstance(value, (list, tuple)):
        return "<ul>" + "".join(f"<li>{value_html(v)}</li>" for v in value) + "</ul>"
    if value is None:
        return ""
    return h(value)


def _range(pair: tuple[int | None, int | None] | None) -> str:
    if pair is None:
        return "—"
    low, high = pair
    return h(f"{low if low is not None else 0}–{high if high is not None else '∞'}")
