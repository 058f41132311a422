"""``/guidelines/``: the plan's guides and its machine-checked rules in readable tables."""

from __future__ import annotations

import datetime as dt

from ..calendar import setting_percent
from ..durations import duration_text
from ..model import HolidaySettings, Season
from ..ruletable import RULES, summary
from .context import Context
from .days import season_text
from .groups import _range
from .html import block, h, heading, markdown_html, page, safe_url, table
from .mix import _setting
from .schemas import FILES, modeline, schema_path


def guidelines_page(ctx: Context) -> str:
    lab = ctx.labels
    s = ctx.plan.settings
    none = h(lab["none"])
    blocks: list[str] = []
    for i, guide in enumerate(ctx.plan.guides):
        blocks.append(heading(guide.title, f"guide-{i + 1}"))
        blocks.append(block(f'<div class="smm-prose">{markdown_html(guide.text, True)}</div>'))
    settings = [
        (lab["timezone"], h(s.timezone)), (lab["holidays"], _holidays(s.holiday_set, none)),
        (lab["horizon"], h(duration_text(s.horizon))),
        (lab["language"], h(s.language)), (lab["event_minutes"], h(s.event_minutes)),
        (lab["approve_before"], h(duration_text(s.workflow.approve_before))),
        (lab["persona_review"], h(duration_text(s.workflow.persona_review))),
    ]
    blocks += [heading(lab["settings"], "settings"),
               block(table([h(lab["name"]), h(lab["settings"])],
                           [[h(k), v] for k, v in settings]))]
    pillar_rows = [[ctx.pillar_badge(pid), _setting(p.target), _setting(p.max),
                    h(s.mix.max_consecutive.get(pid, "")) or none]
                   for pid, p in s.pillars.items()]
    blocks += [heading(lab["pillars"], "pillars"),
               block(f'<p class="smm-intro">{h(lab["window"])}: {h(s.mix.window)} · '
                     f'{h(lab["tolerance"])}: ±{_setting(s.mix.tolerance)} · '
                     f'{h(lab["min_posts"])}: {s.mix.min_posts}</p>'
                     + table([h(lab[k]) for k in ("pillar", "target", "max", "max_consecutive")],
                             pillar_rows))]
    channel_rows = [[ctx.channel_mark(cid) + " " + h(ch.name), h(ch.platform),
                     _range(ch.per_day), _range(ch.per_week),
                     h(duration_text(ch.min_gap)) if ch.min_gap else none,
                     h(", ".join(ch.best_formats)) or none]
                    for cid, ch in sorted(s.channels.items())]
    blocks += [heading(lab["channels"], "channels"),
               block(table([h(lab[k]) for k in ("channel", "platform", "per_day", "per_week",
                                                  "min_gap", "best_formats")], channel_rows))]
    if s.voice:
        voice_rows = []
        for rule in s.voice:
            terms = (", ".join(f"{k} → {v}" for k, v in rule.substitutes.items())
                     or ", ".join(rule.terms))
            when = "; ".join(f"{k}: {', '.join(v)}" for k, v in rule.when.items())
            pattern = rule.pattern or ""
            if rule.max is not None:
                pattern += f" (max {rule.max})"
            voice_rows.append([h(rule.name), h(rule.kind), h(rule.level), h(terms) or none,
                               f"<code>{h(pattern)}</code>" if pattern else none,
                               h(when) or none, h(rule.message or "") or none])
        blocks += [heading(lab["voice"], "voice"),
                   block(table([h(lab[k]) for k in ("name", "kind", "level", "terms", "pattern",
                                                      "when", "message")], voice_rows))]
    if s.blackout:
        rows = [[h(b.date), h(b.reason) or none,
                 h(", ".join(b.pillars)) if b.pillars is not None else h("*")]
                for b in s.blackout]
        blocks += [heading(lab["blackout"], "blackout"),
                   block(table([h(lab[k]) for k in ("date", "reason", "pillars")], rows))]
    if s.seasons:
        rows = [[h(season.name) + f" (<code>{h(season.id)}</code>)", h(season_text(ctx, season)),
                 h(_overrides(season)) or none] for season in s.seasons]
        blocks += [heading(lab["seasons"], "seasons"),
                   block(table([h(lab[k]) for k in ("season", "when", "overrides")], rows))]
    if s.severity:
        rows = [[f"<code>{h(k)}</code>", h(v)] for k, v in sorted(s.severity.items())]
        blocks += [heading(lab["severity_overrides"], "severity"),
                   block(table([h(lab["rule"]), h(lab["level"])], rows))]
    rule_rows = [[f"<code>{h(r.code)}</code>", h(r.name), h(r.level),
                  h(summary(r, lab.language))] for r in RULES.values()]
    blocks += [heading(lab["rule_codes"], "rule-codes"),
               block(table([h(lab[k]) for k in ("rule", "name", "default", "fires_when")],
                           rule_rows))]
    blocks += [heading(lab["editor_support"], "editor-support"), block(editor_support(ctx))]
    return page(lab["guidelines"], blocks)


def editor_support(ctx: Context) -> str:
    """How to let an editor check plan files against the published schemas while typing."""
    lab = ctx.labels
    link_to = ctx.linker("/guidelines/")
    site_url = safe_url(ctx.plan.site.url)
    rows = []
    for kind, (files, reads_yaml) in FILES.items():
        path = schema_path(kind)
        first_line = (f"<code>{h(modeline(kind, site_url))}</code>" if reads_yaml
                      else h(lab["schema_front_matter"]))
        rows.append([f"<code>{h(files)}</code>",
                     f'<a href="{h(link_to.file(path))}"><code>{h(path)}</code></a>', first_line])
    note = "" if site_url else f'<p class="smm-note">{h(lab["schema_no_site_url"])}</p>'
    return (f'<p class="smm-intro">{h(lab["editor_intro"])}</p>'
            + table([h(lab["files"]), h(lab["schema"]), h(lab["first_line"])], rows) + note)


def _holidays(settings: HolidaySettings, none: str) -> str:
    """``holidays:`` in words: the country, its categories, and the plan's own changes."""
    if not settings.country:
        return none
    parts = [f"{settings.country} ({', '.join(settings.chosen_categories())})"]
    parts += [f"+ {a.day} {a.name}" for a in settings.add]
    parts += [f"− {r.day}" for r in settings.remove]
    return h("; ".join(parts))


def _overrides(season: Season) -> str:
    out = []
    for pid, p in season.pillars.items():
        out += [f"{pid} {k} {setting_percent(getattr(p, k))}" for k in p.keys]
    for cid, c in season.channels.items():
        for k in c.keys:
            value = getattr(c, k)
            shown = duration_text(value) if isinstance(value, dt.timedelta) else \
                f"[{', '.join('' if v is None else str(v) for v in value)}]"
            out.append(f"{cid} {k} {shown}")
    return "; ".join(out)
