"""The platforms' own analytics exports: which columns each has, declared once, and reading a file
of one into :class:`ExportRow` values.

Platforms change their exports without notice, so each format below says where its columns were
established and when. Column names are matched without regard to case or spacing; where a
platform renamed a column, every known name is listed, newest first. A file in the wrong
platform's format, or with headers in another language, is a diagnostic naming what it looks like.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from ..diagnostics import Diagnostic, diag
from .table import Row, Table

PLATFORMS = ("instagram", "facebook", "x", "linkedin", "tiktok")
NAMES = {"instagram": "Instagram", "facebook": "Facebook", "x": "X", "linkedin": "LinkedIn",
         "tiktok": "TikTok"}


@dataclass(frozen=True)
class ExportFormat:
    """One platform's analytics export of posts."""

    platform: str
    title: str
    how: str
    """Where in the platform's tools the export is made."""
    source: str
    """Where the column names were established, and when."""
    signature: tuple[str, ...]
    """Columns that all appear in this export's header and tell it apart from the others."""
    permalink: tuple[str, ...]
    published: tuple[str, ...]
    metrics: Mapping[str, tuple[str, ...]]
    """Our metric -> the export's column names for it."""
    time_formats: tuple[str, ...]
    """``strptime`` formats of the publish time; formats without ``%H`` give the day only."""


def _fmt(platform: str, title: str, how: str, source: str, signature: tuple[str, ...],
         permalink: tuple[str, ...], published: tuple[str, ...],
         metrics: dict[str, tuple[str, ...]], time_formats: tuple[str, ...]) -> ExportFormat:
    return ExportFormat(platform, title, how, source, signature, permalink, published,
                        MappingProxyType(metrics), time_formats)


_META_TIMES = ("%m/%d/%Y %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")

FORMATS: tuple[ExportFormat, ...] = (
    _fmt("instagram", "Meta Business Suite content export (Instagram posts)",
         "Meta Business Suite > Insights > Content > Export data, Instagram, posts, CSV",
         # Established 2026-12-01 from public sample files in GitHub repositories that import
         # these exports (test fixtures copied from real downloads, 2025-2026), which agree on:
         # Post ID, Account ID, Account username, Account name, Description, Duration (sec),
         # Publish time, Permalink, Post type, Data comment, Date, Views, Reach, Likes, Shares,
         # Follows, Comments, Saves. Meta renamed Impressions to Views in 2025 (older files).
         "public sample exports in GitHub repositories, checked 2026-12-01",
         ("account username", "publish time", "permalink"),
         ("permalink",), ("publish time",),
         {"reach": ("reach",), "impressions": ("views", "impressions"), "likes": ("likes",),
          "comments": ("comments",), "shares": ("shares",), "saves": ("saves",),
          "followers_gained": ("follows",), "profile_visits": ("profile visits",),
          "video_views": ("plays",)},
         _META_TIMES),
    _fmt("facebook", "Meta Business Suite content export (Facebook posts)",
         "Meta Business Suite > Insights > Content > Export data, Facebook, posts, CSV",
         # Established 2026-12-01 from a public data catalogue in a GitHub repository that
         # documents twelve monthly Facebook post exports (Aug 2025 - Jul 2026, UTF-8 with BOM,
         # 32-34 columns): Post ID, Page ID, Page name, Title, Description, Duration (sec),
         # Publish time, Caption type, Permalink, Is crosspost, Is share, Post type, Languages,
         # Custom labels, Funded content status, Data comment, Date, Views, Reach,
         # "Reactions, Comments and Shares", Reactions, Comments, Shares, Total clicks,
         # Link clicks, Other Clicks, Negative feedback..., Seconds viewed, Average Seconds viewed.
         "a public catalogue of twelve monthly exports in a GitHub repository, checked 2026-12-01",
         ("page name", "publish time", "permalink"),
         ("permalink",), ("publish time",),
         {"reach": ("reach",), "impressions": ("views", "impressions"),
          "likes": ("reactions",), "comments": ("comments",), "shares": ("shares",),
          "clicks": ("total clicks",), "video_views": ("3-second video views",)},
         _META_TIMES),
    _fmt("x", "X analytics post export (account_analytics_content)",
         "analytics on x.com > Content > Export data",
         # Established 2026-12-01 from public sample files in GitHub repositories (2024-2026):
         # Post id, Date, Post text, Post Link, Impressions, Likes, Engagements, Bookmarks,
         # Shares, New follows, Replies, Reposts, Profile visits, Detail Expands, URL Clicks,
         # Hashtag Clicks, Permalink Clicks. Date holds the day only ("Tue, Jul 14, 2026").
         "public sample exports in GitHub repositories, checked 2026-12-01",
         ("post id", "post text", "post link"),
         ("post link",), ("date",),
         {"impressions": ("impressions",), "likes": ("likes",), "comments": ("replies",),
          "shares": ("reposts",), "saves": ("bookmarks",), "clicks": ("url clicks",),
          "followers_gained": ("new follows",), "profile_visits": ("profile visits",)},
         ("%a, %b %d, %Y", "%Y-%m-%d")),
    _fmt("x", "X (Twitter) tweet activity export",
         "analytics.twitter.com > Tweets > Export data (tweet_activity_metrics_*.csv)",
         # Established 2026-12-01 from public sample files in GitHub repositories (2017-2026):
         # "Tweet id","Tweet permalink","Tweet text","time","impressions","engagements",
         # "engagement rate","retweets","replies","likes" (earlier "favorites"),
         # "user profile clicks","url clicks","hashtag clicks","detail expands",
         # "permalink clicks","app opens","app installs","follows","email tweet","dial phone",
         # "media views","media engagements", then the same with "promoted". time in UTC.
         "public sample exports in GitHub repositories, checked 2026-12-01",
         ("tweet id", "tweet permalink", "impressions"),
         ("tweet permalink",), ("time",),
         {"impressions": ("impressions",), "likes": ("likes", "favorites"),
          "comments": ("replies",), "shares": ("retweets",), "clicks": ("url clicks",),
          "followers_gained": ("follows",), "profile_visits": ("user profile clicks",),
          "video_views": ("media views",)},
         ("%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M")),
    _fmt("linkedin", "LinkedIn Page content export (posts)",
         "LinkedIn Page > Analytics > Posts (Updates) > Export; the posts sheet, as CSV or .xlsx",
         # Established 2026-12-01 from public parsers of LinkedIn Page exports in GitHub
         # repositories (2023-2026). The sheet starts with a line of explanation, then: Post
         # title, Post link, Post type, Campaign name, Posted by (later Published by), Created
         # date (later Date), Campaign start date, Campaign end date, Audience, Impressions,
         # Views (excluding off-site video views), Off-site views, Clicks, Click through rate
         # (CTR), Likes, Comments, Reposts (later Shares), Follows (later Followers),
         # Engagement rate, Content Type. Dates as MM/DD/YYYY, the day only.
         "public parsers of LinkedIn Page exports in GitHub repositories, checked 2026-12-01",
         ("post title", "post link", "impressions"),
         ("post link",), ("created date", "date"),
         {"reach": ("unique impressions",), "impressions": ("impressions",),
          "likes": ("likes", "reactions"), "comments": ("comments",),
          "shares": ("reposts", "shares"), "clicks": ("clicks",),
          "followers_gained": ("follows", "followers"),
          "video_views": ("views (excluding off-site video views)",)},
         ("%m/%d/%Y %H:%M", "%m/%d/%Y", "%Y-%m-%d %H:%M", "%Y-%m-%d")),
    _fmt("tiktok", "TikTok Studio content export",
         "TikTok Studio > Analytics > Content > Download data (up to 365 days, per TikTok's "
         "Creator Academy page 'Introducing TikTok analytics')",
         # Established 2026-12-01 from public sample files in GitHub repositories that import
         # TikTok Studio downloads (2026): Video title, Video link, Post time, Total likes,
         # Total comments, Total shares, Total views, Total play time, Average watch time,
         # Watched full video, Add to favorites. No reach column.
         "public sample exports in GitHub repositories, checked 2026-12-01",
         ("video link", "post time", "total views"),
         ("video link",), ("post time",),
         {"likes": ("total likes",), "comments": ("total comments",),
          "shares": ("total shares",), "saves": ("add to favorites",),
          "video_views": ("total views",), "reach": ("reached audience",)},
         ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%m/%d/%Y %H:%M")),
)

# Words that, in a header, say the export was made in another interface language (Meta, X,
# LinkedIn and TikTok translate their column names): the language and a few telling words.
_LANGUAGES = {
    "Indonesian": ("jangkauan", "tayangan", "waktu", "tanggal", "komentar", "suka",
                   "dibagikan", "tautan", "postingan", "disimpan", "pengikut", "judul"),
    "Spanish": ("alcance", "fecha", "comentarios", "compartido", "publicación", "guardado"),
    "Portuguese": ("comentários", "curtidas", "publicação", "salvamentos", "data de"),
    "German": ("reichweite", "datum", "kommentare", "beitrag", "gefällt"),
    "French": ("portée", "commentaires", "partages", "publication", "enregistrements"),
}

_HEADER_ROWS = 5
"""How many rows at the top may come before the header (LinkedIn puts one line of text there)."""


def _norm(header: str) -> str:
    return " ".join(header.lower().split())


@dataclass(frozen=True)
class ExportRow:
    """One post of an export, its numbers read."""

    line: int
    permalink: str | None
    published: dt.datetime | None
    """The publish time, aware; None if the export gives the day only or no time."""
    day: dt.date | None
    """The publish day as the export gives it."""
    values: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    text: str = ""
    """A few words of the post (its title or caption), to tell the user which row it is."""


@dataclass(frozen=True)
class Export:
    format: ExportFormat
    file: str
    rows: tuple[ExportRow, ...]


def formats_of(platform: str) -> tuple[ExportFormat, ...]:
    return tuple(f for f in FORMATS if f.platform == platform)


def read_export(table: Table, platform: str, tz: dt.tzinfo,
                out: list[Diagnostic]) -> Export | None:
    """The rows of ``table`` read as ``platform``'s export; None (with a diagnostic) when the
    file is not that platform's export. Bad cells are reported and their row left out."""
    found = _find_header(table, formats_of(platform))
    if found is None:
        out.append(_not_this_export(table, platform))
        return None
    fmt, header_row = found
    columns = {_norm(h): i for i, h in reversed(list(enumerate(header_row.cells)))}
    rows = []
    for row in table.rows:
        if row.line <= header_row.line:
            continue
        parsed = _row(table, fmt, columns, row, tz, out)
        if parsed is not None:
            rows.append(parsed)
    return Export(fmt, table.file, tuple(rows))


def _find_header(table: Table, formats: tuple[ExportFormat, ...]
                 ) -> tuple[ExportFormat, Row] | None:
    for row in table.rows[:_HEADER_ROWS]:
        names = {_norm(c) for c in row.cells}
        for fmt in formats:
            if all(s in names for s in fmt.signature):
                return fmt, row
    return None


def _not_this_export(table: Table, platform: str) -> Diagnostic:
    at = table.at(table.rows[0].line if table.rows else 1)
    wanted = formats_of(platform)
    other = _find_header(table, tuple(f for f in FORMATS if f.platform != platform))
    if other is not None:
        fmt, row = other
        return diag("SMM003", f"this file looks like the {fmt.title}, not the {NAMES[platform]} "
                    f"one that --platform {platform} reads",
                    table.at(row), help=f"run `smmplan metrics import {table.file} --platform "
                                        f"{fmt.platform}`, or choose the {platform} export")
    header = " ".join(c.lower() for row in table.rows[:_HEADER_ROWS] for c in row.cells)
    words = set(re.findall(r"[^\W\d_]+", header))
    for language, telling in _LANGUAGES.items():
        hits = [w for w in telling if (w in words if " " not in w else w in header)]
        if hits:
            return diag("SMM003", f"the column headers look {language} ({', '.join(hits[:3])}); "
                        "smmplan reads the English export", at,
                        help=f"switch {NAMES[platform]}'s interface language to English, export "
                             "again and import that file")
    expected = ", ".join(wanted[0].signature)
    return diag("SMM003", f"not the {wanted[0].title}: none of the first {_HEADER_ROWS} rows has "
                f"the columns {expected}", at,
                help=f"export from {wanted[0].how}")


def _row(table: Table, fmt: ExportFormat, columns: Mapping[str, int], row: Row,
         tz: dt.tzinfo, out: list[Diagnostic]) -> ExportRow | None:
    def cell(names: tuple[str, ...]) -> tuple[str, int] | None:
        for name in names:
            i = columns.get(name)
            if i is not None:
                return (row.cells[i] if i < len(row.cells) else ""), i
        return None

    ok = True
    values: dict[str, int] = {}
    for metric, names in fmt.metrics.items():
        found = cell(names)
        if found is None or found[0] in ("", "-", "--"):
            continue
        number = parse_count(found[0])
        if isinstance(number, str):
            out.append(diag("SMM003", f"{metric} ({names[0]}): {number}",
                            table.at(row, found[1])))
            ok = False
        else:
            values[metric] = number
    link = cell(fmt.permalink)
    when = cell(fmt.published)
    published: dt.datetime | None = None
    day: dt.date | None = None
    if when is not None and when[0]:
        parsed = parse_time(when[0], fmt.time_formats, tz)
        if parsed is None:
            out.append(diag("SMM003", f"publish time {when[0]!r} is not a date the "
                            f"{fmt.platform} export uses", table.at(row, when[1])))
            ok = False
        elif isinstance(parsed, dt.datetime):
            published, day = parsed, parsed.date()
        else:
            day = parsed
    if not ok:
        return None
    text = next((row.cells[i] for i in sorted(columns.values())
                 if i < len(row.cells) and _is_text(row.cells[i])), "")
    return ExportRow(row.line, (link[0] or None) if link else None, published, day,
                     MappingProxyType(values), text[:60])


def _is_text(cell: str) -> bool:
    return len(cell) > 12 and " " in cell and "://" not in cell


def parse_count(text: str) -> int | str:
    """A count as exports write it (``12,400``, ``12400``, ``12400.0``), or why it is not one."""
    raw = text.replace(",", "").replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"\d+(\.0+)?", raw):
        return int(raw.split(".")[0])
    if re.fullmatch(r"-\d+(\.\d+)?", raw):
        return f"{text!r} is negative"
    if re.fullmatch(r"\d+(\.\d+)?[kKmM]", raw):
        return f"{text!r} is rounded; export the exact numbers"
    if re.fullmatch(r"\d*\.\d+", raw):
        return f"{text!r} is not a whole number"
    return f"{text!r} is not a number"


def parse_time(text: str, formats: tuple[str, ...], tz: dt.tzinfo
               ) -> dt.datetime | dt.date | None:
    """The time in ``text`` by the first of ``formats`` that reads it: aware in ``tz`` unless the
    text has an offset; a date when the format has no time of day."""
    for form in formats:
        try:
            value = dt.datetime.strptime(text.strip(), form)
        except ValueError:
            continue
        if "%H" not in form:
            return value.date()
        if value.tzinfo is None:
            value = value.replace(tzinfo=tz)
        return value
    return None
