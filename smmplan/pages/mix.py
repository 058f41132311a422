"""``/mix/``: each pillar's share of posts per window against its target, as bar charts.

The counts are the calendar's (:meth:`smmplan.calendar.Calendar.mix`) and the judgement that of
the mix rules (:mod:`smmplan.rules.mix`), so a window flagged here is one ``check`` reports, with
the same percent. Charts are plain HTML and CSS, so they render offline and need no script.
"""

from __future__ import annotations

from fractions import Fraction

from ..calendar import Mix, Window, percent, setting_percent
from ..rules.mix import judged, off_target, over_max
from .context import Context
from .html import block, h, page


def window_label(window: Window, ctx: Context) -> str:
    if window.kind == "month":
        return ctx.labels.month(window.start.year, window.start.month)
    return (f"{ctx.labels['week']} {window.label} "
            f"({window.start:%d.%m}–{window.end:%d.%m.%Y})")


def mix_page(ctx: Context) -> str:
    lab = ctx.labels
    mix = ctx.plan.settings.mix
    settings = (f'<p class="smm-intro">{h(lab["window"])}: <strong>{h(lab[mix.window])}</strong> · '
                f'{h(lab["tolerance"])}: ±{h(setting_percent(mix.tolerance))} · '
                f'{h(lab["min_posts"])}: {mix.min_posts}</p>')
    blocks = [block(settings), f'<h2 id="whole-plan">{h(lab["whole_plan"])}</h2>',
              block(_chart(ctx, ctx.calendar.whole_mix(), judge=False))]
    for found in ctx.calendar.mix(mix.window):
        assert found.window is not None
        blocks.append(f'<h2 id="w-{h(found.window.label.lower())}">'
                      f'{h(window_label(found.window, ctx))}</h2>')
        blocks.append(block(_chart(ctx, found, judge=True)))
    return page(lab["mix"], blocks, searchable=False)


def _chart(ctx: Context, found: Mix, judge: bool) -> str:
    lab = ctx.labels
    # a window inside a season is judged by the season's targets (SPEC §7.2)
    settings = ctx.calendar.settings_for(found.window) if found.window else ctx.plan.settings
    total = found.posts
    is_judged = judge and judged(found, settings.mix)
    rows = []
    for pid, pillar in settings.pillars.items():
        share = found.share(pid)
        flags = []
        if is_judged and off_target(share, pillar, settings.mix):
            flags.append(f'<span class="smm-flag smm-sev-warning">{h(lab["off_target"])}</span>')
        if is_judged and over_max(share, pillar):
            flags.append(f'<span class="smm-flag smm-sev-error">{h(lab["over_max"])}</span>')
        marker = (f'<span class="smm-target" style="left:{_css_pct(pillar.target)}" '
                  f'title="{h(lab["target"])} {h(setting_percent(pillar.target))}"></span>'
                  if pillar.target is not None else "")
        cls = ctx.pillar_class.get(pid, "smm-p-unknown")
        bar = (f'<span class="smm-mixbar"><span class="smm-fill {cls}" '
               f'style="width:{_css_pct(share)}"></span>{marker}</span>')
        rows.append(
            f'<tr data-pillar="{h(pid)}"><th>{ctx.pillar_badge(pid)}</th><td>{bar}</td>'
            f'<td class="smm-num">{h(percent(share))} ({found.by_pillar.get(pid, 0)})</td>'
            f'<td class="smm-num">{_setting(pillar.target)}</td>'
            f'<td class="smm-num">{_setting(pillar.max)}</td>'
            f'<td>{" ".join(flags)}</td></tr>')
    note = ""
    if total and total < settings.mix.min_posts:
        note = (f'<p class="smm-note">{h(lab["not_judged"])} ({total} &lt; '
                f"{settings.mix.min_posts})</p>")
    head = (f'<th>{h(lab["pillar"])}</th><th></th><th>{h(lab["share"])} ({total})</th>'
            f'<th>{h(lab["target"])}</th><th>{h(lab["max"])}</th><th></th>')
    return (f'<table class="smm-mix"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>{note}")


def _setting(value: float | None) -> str:
    """A share from rules.yml as written, or a dash."""
    return "—" if value is None else h(setting_percent(value))


def _css_pct(value: Fraction | float | None) -> str:
    return f"{min(max(float(value or 0), 0.0), 1.0) * 100:.1f}%"
