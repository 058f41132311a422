"""The plan -> an export (SPEC §6.2): ``csv`` that ``import`` reads back, ``json`` of the dated
occurrences, and the schedulers' bulk-upload files of :mod:`.schedulers`.

Every export is a pure function of the plan, the selection and the moment it is made for, so
the same plan gives byte-identical files. CSV is written as UTF-8 with a BOM (without it Excel
reads UTF-8 as the "ANSI" code page and breaks every emoji and accented letter) and CRLF record
ends (RFC 4180), with formula-looking cells escaped (:func:`.cells.escape`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..model import Plan, Post
from ..recurrence import WEEKDAYS, Repeat
from . import cells, schedulers
from .columns import BY_FIELD, EXPORTED
from .occurrences import Occurrence, Selection, occurrences, selected_posts

BOM = "\ufeff"


@dataclass(frozen=True)
class Export:
    data: bytes
    diagnostics: tuple[Diagnostic, ...]
    """Posts the target cannot take, each named; they are not in ``data``."""
    items: int
    """Rows (or occurrences) written."""


def when_cell(post: Post) -> str:
    """The date cell of a post: ``YYYY-MM-DD HH:MM[:SS]`` in the plan timezone, or the day."""
    if post.start is None:
        return ""
    text = post.start.isoformat()  # much cheaper than strftime, and the same digits
    if post.all_day:
        return text[:10]
    return f"{text[:10]} {text[11:19] if post.start.second else text[11:16]}"


#: The order :func:`_csv_row` writes its cells in: the exported columns'.
_ROW_ORDER = ("id", "title", "date", "channel", "pillar", "status", "format", "personas",
              "campaign", "author", "editor", "tags", "link", "media", "repeat", "published",
              "caption")
assert _ROW_ORDER == EXPORTED, "export csv writes the exported columns in their order"


def _csv_row(post: Post) -> list[str]:
    # one tuple in column order rather than a mapping per post: this is the hot loop of export
    join, escape = cells.join_list, cells.escape
    return [escape(v) for v in (
        post.id, post.title, when_cell(post), ", ".join(post.channels), post.pillar,
        post.status, post.format or "", join(post.personas) if post.personas else "",
        post.campaign or "", post.author or "", post.editor or "",
        join(post.tags) if post.tags else "", post.link or "",
        join(post.media) if post.media else "",
        repeat_cell(post.repeat) if post.repeat else "",
        published_cell(post) if post.published else "", post.caption)]


def published_cell(post: Post) -> str:
    """The permalinks as import reads them: one link for a single-channel post, else
    ``channel: URL`` pairs joined by ``; ``. Links kept per occurrence date (recurring posts)
    are left out: a cell holds no dates (the README says so)."""
    links = {channel: url for (channel, day), url in post.published.items() if day is None}
    if len(post.channels) == 1 and set(links) == {post.channels[0]}:
        return links[post.channels[0]]
    return "; ".join(f"{c}: {links[c]}" for c in post.channels if c in links)


def repeat_cell(repeat: Repeat) -> str:
    """``repeat:`` as one YAML flow mapping, which import writes back as it is."""
    parts = [f"every: {repeat.every}"]
    if repeat.interval != 1:
        parts.append(f"interval: {repeat.interval}")
    if repeat.weekdays:
        parts.append(f"on: [{', '.join(WEEKDAYS[d] for d in repeat.weekdays)}]")
    if repeat.month_days:
        parts.append(f"on: [{', '.join(str(d) for d in repeat.month_days)}]")
    if repeat.count is not None:
        parts.append(f"count: {repeat.count}")
    if repeat.until is not None:
        parts.append(f"until: {repeat.until.isoformat()}")
    if repeat.skip:
        parts.append(f"skip: [{', '.join(repeat.skip)}]")
    if repeat.exceptions:
        parts.append(f"except: [{', '.join(d.isoformat() for d in repeat.exceptions)}]")
    return "{" + ", ".join(parts) + "}"


def write_csv(rows: Sequence[Sequence[str]], *, bom: bool) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(rows)
    return ((BOM if bom else "") + buf.getvalue()).encode("utf-8")


def export_csv(plan: Plan, selection: Selection, now: dt.datetime) -> Export:
    posts = selected_posts(plan, selection)
    header = [BY_FIELD[f].headers[0] for f in EXPORTED]
    return Export(write_csv([header, *(_csv_row(p) for p in posts)], bom=True), (), len(posts))


def export_json(plan: Plan, selection: Selection, now: dt.datetime) -> Export:
    found = occurrences(plan, selection)
    data = {
        "version": 1,
        "timezone": plan.settings.timezone,
        "occurrences": [_json_item(plan, o) for o in found],
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return Export(text.encode("utf-8"), (), len(found))


def _json_item(plan: Plan, o: Occurrence) -> dict[str, object]:
    p = o.post
    channels = plan.settings.channels
    return {
        "post": p.id, "path": p.path, "title": p.title,
        "date": o.start.date().isoformat() if o.all_day else o.start.isoformat(),
        "all_day": o.all_day, "status": p.status, "pillar": p.pillar, "format": p.format,
        "personas": list(p.personas), "campaign": p.campaign, "author": p.author,
        "editor": p.editor, "tags": list(p.tags), "link": p.link, "media": list(p.media),
        "channels": [{"channel": c, "platform": channels[c].platform if c in channels else None,
                      "caption": caption} for c, caption in o.captions.items()],
    }


Exporter = Callable[[Plan, Selection, dt.datetime], Export]


def _scheduler(name: str) -> Exporter:
    target = schedulers.SCHEDULERS[name]

    def run(plan: Plan, selection: Selection, now: dt.datetime) -> Export:
        rows, found = schedulers.rows(target, plan, occurrences(plan, selection), now)
        body = [[h for h, _ in target.columns]] if target.header else []
        return Export(write_csv(body + rows, bom=False), tuple(found), len(rows))

    return run


FORMATS: dict[str, Exporter] = {
    "csv": export_csv,
    "json": export_json,
    **{name: _scheduler(name) for name in schedulers.SCHEDULERS},
}
