"""``/mix/``: each pillar's share of posts per window against its target, as bar charts.

Charts are plain HTML and CSS, so they render offline and need no script.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from ..model import Post
from .context import Context
from .html import block, h, page


def window_of(post: Post, window: str) -> str:
    assert post.start is not None
    day = post.start.date()
    if window == "month":
        return f"{day:%Y-%m}"
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def window_label(key: str, window: str, ctx: Context) -> str:
    if window == "month":
        return ctx.labels.month(int(key[:4]), int(key[5:]))
    monday = dt.date.fromisocalendar(int(key[:4]), int(key[6:]), 1)
    sunday = monday + dt.timedelta(days=6)
    return f"{ctx.labels['week']} {key} ({monday:%d.%m}–{sunday:%d.%m.%Y})"


def mix_page(ctx: Context) -> str:
    lab = ctx.labels
    mix = ctx.plan.settings.mix
    windows: dict[str, Counter[str]] = defaultdict(Counter)
    whole: Counter[str] = Counter()
    for post in ctx.dated:
        if not post.counts:
            continue
        key = window_of(post, mix.window)
        n = len(post.channels)  # a cross-post counts once on each channel
        windows[key][post.pillar] += n
        whole[post.pillar] += n
    settings = (f'<p class="smm-intro">{h(lab["window"])}: <strong>{h(lab[mix.window])}</strong> · '
                f'{h(lab["tolerance"])}: ±{h(_pct(mix.tolerance))} · '
                f'{h(lab["min_posts"])}: {mix.min_posts}</p>')
    blocks = [block(settings), f'<h2 id="whole-plan">{h(lab["whole_plan"])}</h2>',
              block(_chart(ctx, whole, judged=False))]
    for key in sorted(windows):
        counts = windows[key]
        judged = sum(counts.values()) >= mix.min_posts
        blocks.append(f'<h2 id="w-{h(key.lower())}">{h(window_label(key, mix.window, ctx))}</h2>')
        blocks.append(block(_chart(ctx, counts, judged)))
    return page(lab["mix"], blocks, searchable=False)


def _chart(ctx: Context, counts: Counter[str], judged: bool) -> str:
    lab = ctx.labels
    mix = ctx.plan.settings.mix
    total = sum(counts.values())
    pillars = list(ctx.plan.settings.pillars)
    pillars += sorted(p for p in counts if p not in ctx.plan.settings.pillars)
    rows = []
    for pid in pillars:
        pillar = ctx.plan.settings.pillars.get(pid)
        share = counts.get(pid, 0) / total if total else 0.0
        target = pillar.target if pillar is not None else None
        maximum = pillar.max if pillar is not None else None
        flags = []
        if judged and target is not None and abs(share - target) > mix.tolerance + 1e-9:
            flags.append(f'<span class="smm-flag smm-sev-warning">{h(lab["off_target"])}</span>')
        if judged and maximum is not None and share > maximum + 1e-9:
            flags.append(f'<span class="smm-flag smm-sev-error">{h(lab["over_max"])}</span>')
        marker = (f'<span class="smm-target" style="left:{_css_pct(target)}" '
                  f'title="{h(lab["target"])} {h(_pct(target))}"></span>'
                  if target is not None else "")
        cls = ctx.pillar_class.get(pid, "smm-p-unknown")
        bar = (f'<span class="smm-mixbar"><span class="smm-fill {cls}" '
               f'style="width:{_css_pct(share)}"></span>{marker}</span>')
        rows.append(
            f'<tr data-pillar="{h(pid)}"><th>{ctx.pillar_badge(pid)}</th><td>{bar}</td>'
            f'<td class="smm-num">{h(_pct(share))} ({counts.get(pid, 0)})</td>'
            f'<td class="smm-num">{h(_pct(target)) if target is not None else "—"}</td>'
            f'<td class="smm-num">{h(_pct(maximum)) if maximum is not None else "—"}</td>'
            f'<td>{" ".join(flags)}</td></tr>')
    note = ""
    if total and total < mix.min_posts:
        note = f'<p class="smm-note">{h(lab["not_judged"])} ({total} &lt; {mix.min_posts})</p>'
    head = (f'<th>{h(lab["pillar"])}</th><th></th><th>{h(lab["share"])} ({total})</th>'
            f'<th>{h(lab["target"])}</th><th>{h(lab["max"])}</th><th></th>')
    return (f'<table class="smm-mix"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>{note}")


def _pct(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value * 100:.0f}%"


def _css_pct(value: float | None) -> str:
    return f"{min(max(value or 0.0, 0.0), 1.0) * 100:.1f}%"
