"""``smmplan report``: the content mix and posting frequency per window and channel.

:func:`build` turns a plan into report data; :func:`as_text`, :func:`as_markdown` and
:func:`as_json` print it. All of it is pure and ordered: the same plan gives the same bytes.
The numbers are those the rules judge (:mod:`smmplan.rules.mix`, :mod:`smmplan.rules.frequency`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from .engagement import EngagementWindow, engagement, rate_text
from .model import METRICS, Plan
from .rules.frequency import by_channel, week_label
from .rules.mix import exact, percent, setting_percent, window_of, windows


@dataclass(frozen=True)
class PillarLine:
    pillar: str
    posts: int
    share: Fraction
    target: float | None
    max: float | None
    status: str
    """``ok``, ``off target``, ``over max``, ``no target`` or ``not judged``."""


@dataclass(frozen=True)
class ChannelLine:
    channel: str
    posts: int
    by_pillar: dict[str, int]
    per_day: tuple[int, int] | None
    """Fewest and most posts on a day of the window inside the channel's planned span."""
    day_limit: tuple[int | None, int | None] | None
    days_over: int
    days_under: int
    per_week: tuple[int, int] | None
    """Fewest and most posts in an ISO week of the window (weeks belong to their Thursday's
    window, as ISO years do)."""
    week_limit: tuple[int | None, int | None] | None
    weeks_over: int
    weeks_under: int

    @property
    def status(self) -> str:
        parts = [_count(self.days_over, "day", "over"), _count(self.days_under, "day", "under"),
                 _count(self.weeks_over, "week", "over"),
                 _count(self.weeks_under, "week", "under")]
        return ", ".join(p for p in parts if p) or "ok"


@dataclass(frozen=True)
class WindowReport:
    label: str
    start: dt.date
    end: dt.date
    posts: int
    """Posts counted once per channel, as the mix rules count them."""
    judged: bool
    pillars: tuple[PillarLine, ...]
    channels: tuple[ChannelLine, ...]


@dataclass(frozen=True)
class Report:
    window: str
    timezone: str
    tolerance: float
    min_posts: int
    pillars: tuple[str, ...]
    windows: tuple[WindowReport, ...]
    engagement: tuple[EngagementWindow, ...] = ()
    """Metrics of published posts per window (see :mod:`smmplan.engagement`)."""


def build(plan: Plan, window: str | None = None) -> Report:
    """The report of ``plan`` by ``window`` (``week`` or ``month``; default: rules.yml's)."""
    settings = plan.settings
    kind = window or settings.mix.window
    mix = settings.mix
    channel_posts = by_channel(plan)
    daily: dict[str, Counter[dt.date]] = {}
    span: dict[str, tuple[dt.date, dt.date]] = {}
    pillars: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    weekly: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for cid, posts in channel_posts.items():
        days = [p.day for p, _ in posts if p.day is not None]
        daily[cid] = Counter(days)
        span[cid] = (min(days), max(days))
        for post, _ in posts:
            if post.day is not None and post.pillar in settings.pillars:
                pillars[(cid, window_of(post.day, kind)[0])][post.pillar] += 1
        # a week belongs to the window of its Thursday, as ISO years do
        monday = span[cid][0] - dt.timedelta(days=span[cid][0].weekday())
        while monday <= span[cid][1]:
            label = window_of(monday + dt.timedelta(days=3), kind)[0]
            weekly[(cid, label)][week_label(monday)] = sum(
                daily[cid].get(monday + dt.timedelta(days=i), 0) for i in range(7))
            monday += dt.timedelta(days=7)
    out = []
    for w in windows(plan, kind):
        judged = w.posts >= max(mix.min_posts, 1)
        lines = tuple(_pillar_line(plan, pid, w.by_pillar.get(pid, 0), w.posts, judged)
                      for pid in settings.pillars)
        channels = tuple(
            _channel_line(plan, cid, daily[cid], span[cid], w.start, w.end,
                          pillars.get((cid, w.label), Counter()),
                          weekly.get((cid, w.label), {}))
            for cid in sorted(channel_posts) if _overlaps(span[cid], w.start, w.end))
        out.append(WindowReport(w.label, w.start, w.end, w.posts, judged, lines, channels))
    return Report(kind, settings.timezone, mix.tolerance, mix.min_posts,
                  tuple(settings.pillars), tuple(out), engagement(plan, kind))


def _overlaps(span: tuple[dt.date, dt.date], start: dt.date, end: dt.date) -> bool:
    return span[0] <= end and start <= span[1]


def _pillar_line(plan: Plan, pid: str, n: int, total: int, judged: bool) -> PillarLine:
    pillar = plan.settings.pillars[pid]
    share = Fraction(n, total) if total else Fraction(0)
    if not judged:
        status = "not judged"
    elif pillar.max is not None and share > exact(pillar.max):
        status = "over max"
    elif pillar.target is not None and \
            abs(share - exact(pillar.target)) > exact(plan.settings.mix.tolerance):
        status = "off target"
    elif pillar.target is None and pillar.max is None:
        status = "no target"
    else:
        status = "ok"
    return PillarLine(pid, n, share, pillar.target, pillar.max, status)


def _channel_line(plan: Plan, cid: str, daily: Counter[dt.date], span: tuple[dt.date, dt.date],
                  start: dt.date, end: dt.date, by_pillar: Counter[str],
                  weekly: dict[str, int]) -> ChannelLine:
    channel = plan.settings.channels[cid]
    day = max(start, span[0])
    last = min(end, span[1])
    counts: list[int] = []
    while day <= last:
        counts.append(daily.get(day, 0))
        day += dt.timedelta(days=1)
    low_d, high_d = channel.per_day or (None, None)
    low_w, high_w = channel.per_week or (None, None)
    return ChannelLine(
        channel=cid,
        posts=sum(counts),
        by_pillar=dict(by_pillar),
        per_day=(min(counts), max(counts)) if counts else None,
        day_limit=channel.per_day,
        days_over=sum(1 for c in counts if high_d is not None and c > high_d),
        days_under=sum(1 for c in counts if low_d is not None and c < low_d),
        per_week=(min(weekly.values()), max(weekly.values())) if weekly else None,
        week_limit=channel.per_week,
        weeks_over=sum(1 for c in weekly.values() if high_w is not None and c > high_w),
        weeks_under=sum(1 for c in weekly.values() if low_w is not None and c < low_w),
    )


def _count(n: int, what: str, how: str) -> str:
    if not n:
        return ""
    return f"{n} {what}{'s' if n != 1 else ''} {how}"


def _limit(limit: tuple[int | None, int | None] | None) -> str:
    if limit is None:
        return "-"
    low, high = limit
    if low is None:
        return f"≤ {high}"
    if high is None:
        return f"≥ {low}"
    return f"{low}–{high}"


def _range(found: tuple[int, int] | None) -> str:
    if found is None:
        return "-"
    return str(found[0]) if found[0] == found[1] else f"{found[0]}–{found[1]}"


def _target(line: PillarLine, tolerance: float) -> str:
    if line.target is None:
        return "-"
    return f"{setting_percent(line.target)} ± {setting_percent(tolerance)}"


def _tables(report: Report, w: WindowReport) -> tuple[list[list[str]], list[list[str]]]:
    mix = [["pillar", "posts", "share", "target", "max", "status"]]
    for line in w.pillars:
        mix.append([line.pillar, str(line.posts), percent(line.share),
                    _target(line, report.tolerance),
                    "-" if line.max is None else setting_percent(line.max), line.status])
    freq = [["channel", *report.pillars, "posts", "per day", "day limit", "per week",
             "week limit", "status"]]
    for c in w.channels:
        freq.append([c.channel, *(str(c.by_pillar.get(p, 0)) for p in report.pillars),
                     str(c.posts), _range(c.per_day), _limit(c.day_limit), _range(c.per_week),
                     _limit(c.week_limit), c.status])
    return mix, freq


def _heading(report: Report, w: WindowReport) -> str:
    judged = "" if w.judged else f", fewer than {report.min_posts}: mix not judged"
    posts = "1 post" if w.posts == 1 else f"{w.posts} posts"
    return f"{w.label} ({w.start} to {w.end}): {posts}{judged}"


def _title(report: Report) -> str:
    return f"Content mix and frequency by {report.window} ({report.timezone})"


def as_text(report: Report) -> str:
    """Aligned plain-text tables, one pair per window."""
    lines = [_title(report), ""]
    if not report.windows:
        lines.append("No dated posts to report on.")
    for w in report.windows:
        mix, freq = _tables(report, w)
        lines.append(_heading(report, w))
        lines += ["  " + row for row in _align(mix)] + [""]
        lines += ["  " + row for row in _align(freq)] + [""]
    if report.engagement:
        lines += [_engagement_title(report), ""]
        for e in report.engagement:
            lines.append(f"{e.label} ({e.start} to {e.end})")
            lines += ["  " + row for row in _align(_engagement_table(e))] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _engagement_title(report: Report) -> str:
    return (f"Engagement of published posts by {report.window} (engagement rate = likes, "
            "comments, shares and saves per reach)")


def _engagement_table(e: EngagementWindow) -> list[list[str]]:
    rows = [["channels", "posts", *METRICS, "ER", "top post"]]
    for line in e.lines:
        rows.append([line.channels, str(line.posts),
                     *(str(line.totals[m]) if m in line.totals else "-" for m in METRICS),
                     rate_text(line.rate), line.top or "-"])
    return rows


def _align(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = []
    for n, row in enumerate(rows):
        cells = [cell.ljust(width) if i == 0 or n == 0 or not _numeric(cell) else
                 cell.rjust(width)
                 for i, (cell, width) in enumerate(zip(row, widths, strict=True))]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * width for width in widths))
    return out


def _numeric(cell: str) -> bool:
    return cell.rstrip("%").isdigit()


def as_markdown(report: Report) -> str:
    """GitHub-flavoured Markdown, for a pull-request summary."""
    lines = [f"## {_md(_title(report))}", ""]
    if not report.windows:
        lines += ["No dated posts to report on.", ""]
    for w in report.windows:
        mix, freq = _tables(report, w)
        lines += [f"### {_md(_heading(report, w))}", ""]
        for table in (mix, freq):
            lines.append("| " + " | ".join(_md(c) for c in table[0]) + " |")
            last = len(table[0]) - 1
            lines.append("|" + "|".join("---" if i in (0, last) else "---:"
                                        for i in range(last + 1)) + "|")
            lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in table[1:]]
            lines.append("")
    if report.engagement:
        lines += [f"## {_md(_engagement_title(report))}", ""]
        for e in report.engagement:
            table = _engagement_table(e)
            lines += [f"### {_md(f'{e.label} ({e.start} to {e.end})')}", ""]
            lines.append("| " + " | ".join(_md(c) for c in table[0]) + " |")
            lines.append("|---|" + "---:|" * (len(table[0]) - 2) + "---|")
            lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in table[1:]]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _md(text: str) -> str:
    """Plain text made inert in Markdown and HTML."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]|~":
        out = out.replace(ch, "\\" + ch)
    return out


def as_json(report: Report) -> str:
    """One JSON object; shares as fractions rounded to 4 places."""
    data = {
        "version": 1,
        "window": report.window,
        "timezone": report.timezone,
        "tolerance": report.tolerance,
        "min_posts": report.min_posts,
        "windows": [{
            "window": w.label,
            "start": w.start.isoformat(),
            "end": w.end.isoformat(),
            "posts": w.posts,
            "judged": w.judged,
            "pillars": [{"pillar": p.pillar, "posts": p.posts,
                         "share": round(float(p.share), 4), "target": p.target, "max": p.max,
                         "status": p.status} for p in w.pillars],
            "channels": [{
                "channel": c.channel, "posts": c.posts,
                "pillars": {p: c.by_pillar.get(p, 0) for p in report.pillars},
                "per_day": list(c.per_day) if c.per_day else None,
                "day_limit": list(c.day_limit) if c.day_limit else None,
                "days_over": c.days_over, "days_under": c.days_under,
                "per_week": list(c.per_week) if c.per_week else None,
                "week_limit": list(c.week_limit) if c.week_limit else None,
                "weeks_over": c.weeks_over, "weeks_under": c.weeks_under,
                "status": c.status,
            } for c in w.channels],
        } for w in report.windows],
        "engagement": [{
            "window": e.label,
            "start": e.start.isoformat(),
            "end": e.end.isoformat(),
            "channels": [{
                "channels": line.channels, "posts": line.posts, "metrics": line.totals,
                "engagement_rate": None if line.rate is None else round(float(line.rate), 4),
                "top_post": line.top,
            } for line in e.lines],
        } for e in report.engagement],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
