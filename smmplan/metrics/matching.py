"""Which planned occurrence a row of a platform export belongs to.

A row matches the occurrence whose recorded permalink (``published:`` in the post) is the row's
link; else the one occurrence on the platform's channels that starts within
:data:`WINDOW` of the row's publish time. Anything else -- no candidate, several candidates, a
day without a time -- leaves the row unmatched with the reason, never guessed. Matching works on
occurrences (post, channel, start), so a cross-post matches once per channel and each occurrence
of a recurring post matches on its own.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from .exports import ExportRow

WINDOW = dt.timedelta(minutes=30)


@dataclass(frozen=True, order=True)
class Occurrence:
    """One publication of a post on one channel."""

    start: dt.datetime
    """Aware, in the plan timezone; local midnight for all-day posts."""
    post: str
    channel: str
    all_day: bool = False
    permalink: str | None = None
    """The link recorded for it in the post's ``published:``."""

    @property
    def day(self) -> dt.date:
        return self.start.date()


@dataclass(frozen=True)
class Match:
    row: ExportRow
    occurrence: Occurrence
    by: str
    """``permalink`` or ``time``."""


@dataclass(frozen=True)
class Unmatched:
    row: ExportRow
    reason: str
    duplicate_of: int | None = None
    """The line of the earlier row matched to the same occurrence, if that is the reason."""


_ID_PATTERNS = (
    # instagram.com/p/CODE, /reel/CODE, /tv/CODE (with or without the account in front)
    (re.compile(r"instagram\.com/(?:[^/]+/)?(?:p|reels?|tv)/([A-Za-z0-9_-]+)"), "instagram"),
    (re.compile(r"x\.com/[^/]+/status(?:es)?/(\d+)"), "x"),
    (re.compile(r"tiktok\.com/@[^/]+/(?:video|photo)/(\d+)"), "tiktok"),
    (re.compile(r"linkedin\.com/.*?(?:urn:li:(?:activity|share|ugcpost):|-activity-)(\d+)",
                re.IGNORECASE), "linkedin"),
    (re.compile(r"facebook\.com/(?:.*/)?(?:posts|videos|reel|photos)/(?:[^/]+/)?"
                r"([A-Za-z0-9]+)$"), "facebook"),
)


def permalink_key(url: str) -> str:
    """A permalink reduced to what identifies the post: host variants, query strings, trailing
    slashes and the account name in the path do not matter (twitter.com = x.com)."""
    raw = url.strip()
    parts = urlsplit(raw if "://" in raw else "https://" + raw)
    host = parts.netloc.lower()
    for prefix in ("www.", "m.", "mobile.", "web."):
        host = host.removeprefix(prefix)
    host = {"twitter.com": "x.com", "fb.com": "facebook.com"}.get(host, host)
    path = parts.path.rstrip("/")
    flat = f"{host}{path}"
    for pattern, platform in _ID_PATTERNS:
        found = pattern.search(flat)
        if found:
            return f"{platform}:{found.group(1)}"
    query = parse_qs(parts.query)
    for key in ("story_fbid", "fbid", "v"):  # facebook's permalink.php / photo.php / watch
        if key in query:
            return f"{host}:{query[key][0]}"
    return flat.lower()


def match(rows: Iterable[ExportRow], occurrences: Sequence[Occurrence],
          channels: Iterable[str]) -> tuple[list[Match], list[Unmatched]]:
    """Match export ``rows`` to ``occurrences`` on ``channels`` (those of the export's
    platform). Rows are taken in file order; a second row for an occurrence already matched is
    unmatched as a duplicate."""
    wanted = set(channels)
    on_platform = sorted(o for o in occurrences if o.channel in wanted)
    by_link: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in on_platform:
        if occ.permalink:
            by_link[permalink_key(occ.permalink)].append(occ)
    timed = [o for o in on_platform if not o.all_day]
    starts = [o.start for o in timed]
    matched: list[Match] = []
    unmatched: list[Unmatched] = []
    taken: dict[Occurrence, int] = {}
    for row in rows:
        found = _one(row, by_link, timed, starts)
        if isinstance(found, str):
            unmatched.append(Unmatched(row, found))
            continue
        occ, by = found
        if occ in taken:
            unmatched.append(Unmatched(
                row, f"line {taken[occ]} already matched {occ.post} on {occ.channel} "
                     f"({_when(occ)})", duplicate_of=taken[occ]))
            continue
        taken[occ] = row.line
        matched.append(Match(row, occ, by))
    return matched, unmatched


def _one(row: ExportRow, by_link: dict[str, list[Occurrence]], timed: list[Occurrence],
         starts: list[dt.datetime]) -> tuple[Occurrence, str] | str:
    key = permalink_key(row.permalink) if row.permalink else None
    if key is not None and key in by_link:
        found = by_link[key]
        if len(found) == 1:
            return found[0], "permalink"
        return ("its link is recorded on several occurrences: "
                + ", ".join(f"{o.post} on {o.channel} ({_when(o)})" for o in found))
    if row.published is None:
        day = f" ({row.day})" if row.day else ""
        return (f"the export gives the day only{day}, and no post records its link; add "
                "the link to the post's `published:` to match it")
    low = bisect.bisect_left(starts, row.published - WINDOW)
    high = bisect.bisect_right(starts, row.published + WINDOW)
    # an occurrence that records another link is another post, however close in time
    near = [o for o in timed[low:high]
            if not (o.permalink and key is not None and permalink_key(o.permalink) != key)]
    when = row.published.strftime("%Y-%m-%d %H:%M %z")
    if not near:
        return f"no planned post on these channels within 30 minutes of {when}"
    if len(near) > 1:
        return (f"{len(near)} planned posts within 30 minutes of {when}: "
                + ", ".join(f"{o.post} on {o.channel} ({_when(o)})" for o in near)
                + "; record the link in `published:` to tell them apart")
    return near[0], "time"


def _when(occ: Occurrence) -> str:
    return occ.day.isoformat() if occ.all_day else occ.start.strftime("%Y-%m-%d %H:%M")
