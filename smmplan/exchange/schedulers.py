"""Schedulers' bulk-upload CSV formats, each declared once with its documented columns and limits.

Like the platform limits, these change: every figure carries the date it was checked and its
source. A post a scheduler cannot take is never left out silently: it is a diagnostic
(SMM501 not-exportable) naming the post, and the reason.

Both tools choose the social account when the file is uploaded, not per row, so a file holds
one channel: with several channels selected, export asks for ``--channel``.

Cells are the text the scheduler will publish, so they are not escaped for spreadsheets (a
leading ``'`` would be published); a caption that a spreadsheet would run as a formula is
refused instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..captions import captions_of
from ..diagnostics import Diagnostic, diag
from ..model import Plan
from ..rules.voice import limits
from ..textcount import grapheme_length, x_length
from . import cells
from .occurrences import Occurrence


@dataclass(frozen=True)
class Scheduler:
    name: str
    """The FORMAT of ``smmplan export``."""
    title: str
    columns: tuple[tuple[str, str], ...]
    """``(header, what)`` in file order; what: ``datetime``, ``date``, ``time``, ``text``,
    ``link``."""
    header: bool
    """Whether the file starts with a header row."""
    platforms: tuple[str, ...]
    """Platforms the tool's bulk upload posts to."""
    max_rows: int
    min_lead: dt.timedelta
    """How far ahead of the upload a post must be, at least."""
    minute_step: int
    """Publish minutes must be a multiple of this."""
    min_spacing: dt.timedelta | None
    """Least time between two posts of the file."""
    max_ahead: dt.timedelta | None
    """How far ahead a post may be, at most (None: no documented limit)."""
    day_format: str
    """``strftime`` of the date (the day order the user picks when uploading)."""
    upload_note: str
    as_of: str
    source: str


SCHEDULERS: dict[str, Scheduler] = {
    s.name: s
    for s in (
        # As of 2026-12-01. The vendor's article is help.hootsuite.com/s/article/bulk-schedule
        # ("Bulk schedule your posts"); its text could not be read offline, so the figures are
        # as users quote them: a CSV of date and time, post text and an optional link, no header
        # row (jycalcano.blogspot.com 2015-07: the day/month order is picked when uploading);
        # "up to 350 messages of three components each: the date and time stamp, the message,
        # and the link" (kim-iverson-headlee.blogspot.com 2016-08-31); 24-hour times that end in
        # 0 or 5, at least 10 minutes after the upload (the article's rules as recalled, not
        # re-read). Re-read the article before relying on a figure; the reader in
        # tests/test_exchange_export.py holds the file to this table's figures.
        Scheduler(
            name="hootsuite", title="Hootsuite bulk composer",
            columns=(("Date", "datetime"), ("Message", "text"), ("Link", "link")),
            header=False,
            platforms=("facebook", "instagram", "linkedin", "x"),
            max_rows=350, min_lead=dt.timedelta(minutes=10), minute_step=5,
            min_spacing=None, max_ahead=None, day_format="%d/%m/%Y",
            upload_note="to Hootsuite's bulk composer with the date format Day/Month/Year "
                        "and the social account of this channel",
            as_of="2026-12-01", source="https://help.hootsuite.com/s/article/bulk-schedule"),
        # Read 2026-12-01 in support.sproutsocial.com/hc/en-us/articles/115005864203 ("How do I
        # use bulk scheduling?"): case-sensitive headers date (dd/mm/yyyy or
        # mm/dd/yyyy, as set on import), time_24hr, message_text, and the optional link; up to
        # 350 messages per import; messages at least 10 minutes apart from one another and at
        # least 10 minutes after the upload; the text within the network's character count.
        Scheduler(
            name="sprout", title="Sprout Social bulk scheduling",
            columns=(("date", "date"), ("time_24hr", "time"), ("message_text", "text"),
                     ("link", "link")),
            header=True,
            platforms=("facebook", "instagram", "linkedin", "x", "pinterest", "tiktok",
                       "youtube", "threads"),
            max_rows=350, min_lead=dt.timedelta(minutes=10), minute_step=1,
            min_spacing=dt.timedelta(minutes=10), max_ahead=None, day_format="%d/%m/%Y",
            upload_note="to Sprout's bulk scheduling with the date format dd/mm/yyyy and "
                        "the profile of this channel",
            as_of="2026-12-01",
            source="https://support.sproutsocial.com/hc/en-us/articles/115005864203"),
    )
}


class MixedChannels(ValueError):
    """The selection spans several channels, but a file is uploaded to one account."""


def rows(target: Scheduler, plan: Plan, found: Sequence[Occurrence], now: dt.datetime
         ) -> tuple[list[list[str]], list[Diagnostic]]:
    """The file's rows for ``found`` as of ``now``, and a diagnostic per post it cannot take."""
    channels = sorted({c for o in found for c in o.captions})
    if len(channels) > 1:
        raise MixedChannels(f"{target.title} takes the account when the file is uploaded: "
                            f"export one channel at a time (--channel {channels[0]}; the "
                            f"selection has {', '.join(channels)})")
    out: list[Diagnostic] = []
    kept: list[list[str]] = []
    last: tuple[dt.datetime, str] | None = None
    broken = {d.post for d in captions_of(plan).problems if d.severity == "error"}
    for o in found:
        for channel, caption in o.captions.items():
            problem = (("its caption does not render", "`smmplan check` shows where")
                       if o.post.id in broken else
                       _problem(target, plan, o, channel, caption, now, last))
            if problem is None and len(kept) >= target.max_rows:
                problem = (f"{target.title} takes at most {target.max_rows} posts per file",
                           "export the rest with --from/--to")
            if problem is not None:
                shown = o.start.date().isoformat() if o.all_day else \
                    o.start.strftime("%Y-%m-%d %H:%M")
                out.append(diag("SMM501", f"{target.name}: post {o.post.id!r} on {channel} at "
                                f"{shown} is not exported: {problem[0]}", o.post.at("date"),
                                post=o.post.id, help=problem[1]))
                continue
            kept.append([_cell(target, what, o, caption) for _, what in target.columns])
            last = (o.start, o.post.id)
    return kept, out


def _cell(target: Scheduler, what: str, o: Occurrence, caption: str) -> str:
    if what == "text":
        return caption
    if what == "link":
        return o.post.link or ""
    day = o.start.strftime(target.day_format)
    clock = o.start.strftime("%H:%M")
    return {"datetime": f"{day} {clock}", "date": day, "time": clock}[what]


def _problem(target: Scheduler, plan: Plan, o: Occurrence, channel: str, caption: str,
             now: dt.datetime, last: tuple[dt.datetime, str] | None) -> tuple[str, str] | None:
    """Why ``target`` cannot take the occurrence on ``channel``, and what to do; or None."""
    c = plan.settings.channels.get(channel)
    if c is None or c.platform not in target.platforms:
        platform = c.platform if c is not None else "an unknown platform"
        return (f"its bulk upload does not post to {platform}",
                f"it posts to {', '.join(target.platforms)}; schedule this one by hand")
    if o.all_day:
        return "it has no time (an all-day slot)", "give the post a time: date: YYYY-MM-DD HH:MM"
    if o.start < now + target.min_lead:
        past = o.start < now
        return (("it is in the past" if past else
                 f"it is less than {_minutes(target.min_lead)} minutes after now"),
                "export only what is still ahead (--from)" if past else
                f"{target.title} needs posts at least {_minutes(target.min_lead)} minutes ahead")
    if target.max_ahead is not None and o.start > now + target.max_ahead:
        return (f"it is more than {target.max_ahead.days} days ahead",
                "export it closer to the day")
    if o.start.second or o.start.minute % target.minute_step:
        shown = o.start.strftime("%M:%S" if o.start.second else "%M")
        return (f"the minute {shown} is not one {target.title} takes",
                f"move the post to a minute that is a multiple of {target.minute_step}")
    if target.min_spacing is not None and last is not None and \
            o.start - last[0] < target.min_spacing:
        return (f"it is less than {_minutes(target.min_spacing)} minutes after post "
                f"{last[1]!r}", f"{target.title} needs posts at least "
                f"{_minutes(target.min_spacing)} minutes apart")
    limit, counting, _ = limits(c)
    if limit is not None and len(caption) > limit // 2:
        got = x_length(caption, limit) if counting == "weighted" else \
            grapheme_length(caption, limit)
        if got.length > limit:
            return (f"the caption has {got.length} characters, {c.platform} takes {limit}",
                    "shorten it (smmplan check reports it as SMM301)")
    if cells.formula(caption.lstrip()):
        return ("the caption starts like a spreadsheet formula",
                "start the caption with text, not =, +, - or @ followed by a name")
    return None


def _minutes(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 60)
