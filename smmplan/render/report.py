"""The report (:mod:`smmplan.report`) as aligned text, GitHub Markdown or JSON.

Pure and ordered: the same report gives the same bytes. Shares and rates are rounded here by
:mod:`smmplan.calendar`'s one rounding, as every page and message rounds them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal

from ..calendar import percent, rounded, setting_percent
from ..metrics.analysis import GROUPS, KEYS, MIN_SLOT_POSTS, Analysis, Entry, Window
from ..metrics.names import CORE
from ..report import PillarLine, Report, WindowReport
from .markdown import escape, table

#: decimals of shares and rates in JSON
JSON_PLACES = 4


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
    if report.engagement is not None and report.engagement.windows:
        lines += [_engagement_title(report), ""]
        for title, rows in _engagement_tables(report.engagement):
            lines.append(title)
            lines += ["  " + row for row in _align(rows)] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _engagement_title(report: Report) -> str:
    return (f"Engagement by {report.window}: ER = (likes + comments + shares + saves) / reach, "
            "in percent; a cross-post counts on each of its channels")


_LISTS = ("channels", "pillars", "formats", "personas", "campaigns")
"""The lists text and Markdown show per window; slots only as the best slots per channel."""


def _cell(value: object) -> str:
    return "-" if value is None else str(value)


def _rate(value: object) -> str:
    return "-" if value is None else f"{value}%"


def _entry_row(e: Entry, channel: bool) -> list[str]:
    name = " ".join(_cell(k) if k is not None else "(none)" for k in e.key)
    row = [name, str(e.posts), *(_cell(e.metrics.get(m)) for m in CORE), _rate(e.rate)]
    return [*row, _cell(e.followers), _cell(e.per_1000)] if channel else row


def _window_tables(w: Window) -> list[tuple[str, list[list[str]]]]:
    out = []
    for name in _LISTS:
        entries = w.groups[name]
        if not entries:
            continue
        channel = name == "channels"
        head = [KEYS[name][0], "posts", *CORE, "ER"] + (["followers", "per 1000"] if channel
                                                       else [])
        rows = [head, *(_entry_row(e, channel) for e in entries)]
        if channel:
            rows.append(_entry_row(w.total, True))
        out.append((f"{w.label} ({w.start} to {w.end}) by {KEYS[name][0]}", rows))
    return out


def _engagement_tables(a: Analysis) -> list[tuple[str, list[list[str]]]]:
    out = [t for w in a.windows for t in _window_tables(w)]
    slots = [["channel", "weekday", "hour", "posts", "ER"]]
    for cid, found in a.best_slots.items():
        slots += [[cid, s.weekday, f"{s.hour:02d}:00", str(s.posts), _rate(s.rate)] for s in found]
    if len(slots) > 1:
        out.append((f"Best posting times (slots with at least {MIN_SLOT_POSTS} posts with a "
                    "reach)", slots))
    return out


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
    return cell.rstrip("%").replace(".", "", 1).isdigit()


def _md_table(rows: list[list[str]]) -> list[str]:
    """Numbers right-aligned; the first and last columns (names, status) left."""
    last = len(rows[0]) - 1
    return [*table([[escape(c) for c in row] for row in rows],
                   ["---" if i in (0, last) else "---:" for i in range(last + 1)]), ""]


def as_markdown(report: Report) -> str:
    """GitHub-flavoured Markdown, for a pull-request summary."""
    lines = [f"## {escape(_title(report))}", ""]
    if not report.windows:
        lines += ["No dated posts to report on.", ""]
    for w in report.windows:
        mix, freq = _tables(report, w)
        lines += [f"### {escape(_heading(report, w))}", ""]
        lines += _md_table(mix) + _md_table(freq)
    if report.engagement is not None and report.engagement.windows:
        lines += [f"## {escape(_engagement_title(report))}", ""]
        for title, rows in _engagement_tables(report.engagement):
            lines += [f"### {escape(title)}", ""]
            lines += _md_table(rows)
    return "\n".join(lines).rstrip("\n") + "\n"


def as_json(report: Report) -> str:
    """One JSON object; shares and rates as fractions rounded half up to 4 places."""
    data = {
        "version": 2,
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
                         "share": float(rounded(p.share, JSON_PLACES)), "target": p.target,
                         "max": p.max, "status": p.status} for p in w.pillars],
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
        "engagement": [] if report.engagement is None else [
            _window_json(w) for w in report.engagement.windows],
        "best_slots": {} if report.engagement is None else {
            cid: [{"weekday": s.weekday, "hour": s.hour, "posts": s.posts,
                   "engagement_rate": _fraction(s.rate)} for s in found]
            for cid, found in report.engagement.best_slots.items()},
        "min_slot_posts": MIN_SLOT_POSTS,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _fraction(rate: Decimal | None) -> float | None:
    """An engagement rate, rounded once as a percent with one decimal, as a fraction."""
    return None if rate is None else float(rate / 100)


def _entry_json(e: Entry, keys: tuple[str, ...], channel: bool) -> dict[str, object]:
    out: dict[str, object] = dict(zip(keys, e.key, strict=True))
    out.update({"posts": e.posts, "metrics": dict(e.metrics), "interactions": e.interactions,
                "engagement_rate": _fraction(e.rate)})
    if channel:
        out["followers"] = e.followers
        out["per_1000_followers"] = None if e.per_1000 is None else float(e.per_1000)
    return out


def _window_json(w: Window) -> dict[str, object]:
    out: dict[str, object] = {"window": w.label, "start": w.start.isoformat(),
                              "end": w.end.isoformat()}
    for name in GROUPS:
        out[name] = [_entry_json(e, KEYS[name], name == "channels") for e in w.groups[name]]
    out["all"] = _entry_json(w.total, ("group",), False)
    return out


RENDERINGS = {"text": as_text, "markdown": as_markdown, "json": as_json}
"""Each ``--format`` of ``smmplan report``."""
