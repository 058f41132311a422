"""What a post page adds for a recurring post (its occurrences, upcoming and left out) and for
a post with variants (each channel's caption with its length against that channel's limit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..captions import Caption, captions_of
from ..i18n import WEEKDAYS
from ..platforms import PLATFORMS
from ..rules.voice import limits
from ..textcount import grapheme_length, hashtags, x_length
from .context import Context
from .html import caption_html, h
from .links import Linker, address

#: Upcoming occurrences listed by date on a post page; the rest are counted.
SHOWN = 12


def occurrences(ctx: Context, post_id: str, link_to: Linker) -> str | None:
    """The occurrences of a recurring post as HTML, or None for a post that does not recur."""
    series = ctx.calendar.series.get(post_id)
    if series is None or series.post.repeat is None:
        return None
    lab = ctx.labels
    rep = series.post.repeat
    lines = [f"<p><code>{h(rep.text())}</code></p>"]
    past = [s for s in series.starts if s.date() < ctx.today]
    ahead = [s for s in series.starts if s.date() >= ctx.today]
    if not series.starts:
        lines.append(f'<p class="smm-empty">{h(lab["no_occurrence"])}</p>')
    items = [_when(ctx, s, link_to) for s in ahead[:SHOWN]]
    if len(ahead) > SHOWN:
        items.append(h(lab["more_occurrences"].format(n=len(ahead) - SHOWN)))
    if past:
        items.insert(0, h(lab["earlier_occurrences"].format(n=len(past))))
    if items:
        lines.append(f"<p><strong>{h(lab['upcoming'])}</strong>: " + " · ".join(items) + "</p>")
    if series.through is not None:
        lines.append(f'<p class="smm-note">{h(lab["expanded_through"].format(day=series.through))}'
                     "</p>")
    if series.skipped:
        rows = "".join(f"<li>{_when(ctx, s, link_to)} — {h(lab['skip_' + kind])}"
                       + (f": {h(detail)}" if detail else "") + "</li>"
                       for s, kind, detail in series.skipped)
        lines.append(f"<p><strong>{h(lab['left_out'])}</strong>:</p><ul>{rows}</ul>")
    return "".join(lines)


def _when(ctx: Context, start: dt.datetime, link_to: Linker) -> str:
    lab = ctx.labels
    day = f"{lab[WEEKDAYS[start.weekday()]]} {start:%Y-%m-%d}"
    return f'<a href="{link_to.page(address("calendar", f"{start:%Y-%m}"))}">{h(day)}</a>'


def shown_caption(ctx: Context, post_id: str, fallback: str) -> str:
    """The caption the page shows first: the first channel's, rendered."""
    caps = captions_of(ctx.plan).by_post.get(post_id)
    return caps[0].text if caps else fallback


def variants(ctx: Context, post_id: str) -> str | None:
    """Each distinct caption of a post with its channels, or None when all channels share one."""
    groups = captions_of(ctx.plan).distinct.get(post_id, ())
    if len(groups) < 2:
        return None
    parts = []
    for cap, ids in groups:
        marks = " ".join(ctx.channel_mark(c) for c in ids)
        parts.append(f'<div class="smm-variant"><p>{marks}</p>'
                     f'<p class="smm-lengths">{lengths(ctx, [cap])}</p>'
                     f'<div class="smm-caption">{caption_html(cap.text)}</div></div>')
    return "".join(parts)


def lengths(ctx: Context, caps: Iterable[Caption]) -> str:
    """One line per channel: its caption's length and hashtags against its limits."""
    lab = ctx.labels
    lines = []
    for cap in caps:
        ch = ctx.channel(cap.channel)
        if ch is None:
            continue
        limit, counting, max_tags = limits(ch)
        if ch.platform not in PLATFORMS:
            counting = "graphemes"
        n = x_length(cap.text).length if counting == "weighted" else \
            grapheme_length(cap.text).length
        tags = len(hashtags(cap.text))
        unit = lab["weighted"] if counting == "weighted" else lab["graphemes"]
        length = f"{n} / {limit}" if limit is not None else str(n)
        line = f'{ctx.channel_mark(cap.channel)} <span class="smm-count">{h(length)}</span> ' \
               f"{h(unit)}"
        if limit is not None and n > limit:
            line += f' <span class="smm-over">{h(lab["over_limit"])}</span>'
        line += f" · {h(f'{tags} / {max_tags}' if max_tags is not None else tags)} " \
                f"{h(lab['hashtags'])}"
        if max_tags is not None and tags > max_tags:
            line += f' <span class="smm-over">{h(lab["over_limit"])}</span>'
        lines.append(line)
    return "<br>".join(lines)


def channel_lengths(ctx: Context, post_id: str) -> str:
    """:func:`lengths` of every channel of the post, each with its own caption."""
    return lengths(ctx, captions_of(ctx.plan).by_post.get(post_id, ()))
