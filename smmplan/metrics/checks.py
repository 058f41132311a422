"""What the metrics files say about the rest of the plan: numbers for a post, channel or
occurrence that does not exist or has not happened yet, the same occurrence twice, reach smaller
than its interactions, and follower counts that cannot be right. Pure: records and occurrences in,
diagnostics out."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..diagnostics import Diagnostic, diag
from ..fields import did_you_mean
from ..model import Plan
from .data import AudienceRecord, MetricRecord
from .matching import Occurrence
from .names import INTERACTIONS


@dataclass(frozen=True)
class Resolved:
    """A metrics record and the occurrence it belongs to."""

    record: MetricRecord
    occurrence: Occurrence


def resolve(plan: Plan, occurrences: Sequence[Occurrence], records: Iterable[MetricRecord],
            today: dt.date, out: list[Diagnostic]) -> list[Resolved]:
    """The records that belong to an occurrence that has happened, each once; every other
    record is reported in ``out``."""
    posts = {p.id: p for p in plan.posts}
    by_post: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        by_post[(occ.post, occ.channel)].append(occ)
    seen: dict[Occurrence, MetricRecord] = {}
    kept = []
    for record in records:
        post = posts.get(record.post)
        if post is None:
            out.append(diag("SMM006", f"unknown post '{record.post}'"
                            + did_you_mean(record.post, posts), record.cell("post")))
            continue
        channel = record.channel or (post.channels[0] if post.channels else None)
        if channel is None:
            continue
        if channel not in post.channels:
            known = channel in plan.settings.channels or not plan.settings.loaded
            what = "" if known else " (and no such channel in guidelines/rules.yml)"
            out.append(diag("SMM006", f"{post.id} does not go out on {channel}{what}; its "
                            f"channels: {', '.join(post.channels)}", record.cell("channel"),
                            post=post.id))
            continue
        found = _occurrence(record, by_post[(post.id, channel)], post.status, out)
        if found is None:
            continue
        occ = found
        if occ.day > today:
            out.append(diag("SMM003", f"numbers for {post.id} on {channel} on {occ.day}, which "
                            f"is after today ({today}): it has not been published yet",
                            record.cell("date"), post=post.id))
            continue
        if occ in seen:
            first = seen[occ].at
            out.append(diag("SMM005", f"numbers for {post.id} on {channel} ({occ.day}) are "
                            f"given twice; the first at {first.file}:{first.line} is used",
                            record.at, post=post.id,
                            help="keep one row per post, channel and date"))
            continue
        seen[occ] = record
        _plausible(record, out, post.id)
        kept.append(Resolved(record, occ))
    return kept


def _occurrence(record: MetricRecord, candidates: list[Occurrence], status: str,
                out: list[Diagnostic]) -> Occurrence | None:
    if not candidates:
        out.append(diag("SMM003", f"{record.post} is {'an idea' if status == 'idea' else status}"
                        f" without a publication date: it cannot have numbers",
                        record.cell("post"), post=record.post))
        return None
    if record.date is None:
        if len(candidates) == 1:
            return candidates[0]
        out.append(diag("SMM002", f"date is missing: {record.post} goes out {len(candidates)} "
                        f"times on {candidates[0].channel}, so each row names its occurrence "
                        "date", record.at, post=record.post))
        return None
    found = [o for o in candidates if o.day == record.date]
    if not found:
        days = ", ".join(o.day.isoformat() for o in candidates[:3])
        more = ", ..." if len(candidates) > 3 else ""
        out.append(diag("SMM003", f"{record.post} has no occurrence on {candidates[0].channel} "
                        f"on {record.date} (it goes out on {days}{more})", record.cell("date"),
                        post=record.post))
        return None
    return found[0]


def _plausible(record: MetricRecord, out: list[Diagnostic], post: str) -> None:
    reach = record.values.get("reach")
    done = sum(record.values.get(m, 0) for m in INTERACTIONS)
    if reach is not None and reach < done:
        out.append(diag("SMM601", f"reach {reach} is smaller than the {done} interactions "
                        "(likes, comments, shares, saves) of the same post; a column mix-up?",
                        record.cell("reach"), post=post))


def check_audience(plan: Plan, occurrences: Sequence[Occurrence],
                   audience: Iterable[AudienceRecord], today: dt.date,
                   out: list[Diagnostic]) -> list[AudienceRecord]:
    """The follower counts that can be used; every other one is reported in ``out``."""
    first: dict[str, dt.date] = {}
    for occ in occurrences:
        if occ.channel not in first or occ.day < first[occ.channel]:
            first[occ.channel] = occ.day
    seen: dict[tuple[str, dt.date], AudienceRecord] = {}
    kept = []
    for record in audience:
        channels = plan.settings.channels
        if plan.settings.loaded and record.channel not in channels:
            out.append(diag("SMM006", f"unknown channel '{record.channel}'"
                            + did_you_mean(record.channel, channels), record.cell("channel")))
            continue
        if record.date > today:
            out.append(diag("SMM003", f"a follower count for {record.date}, which is after "
                            f"today ({today})", record.cell("date")))
            continue
        key = (record.channel, record.date)
        if key in seen:
            at = seen[key].at
            out.append(diag("SMM005", f"{record.channel} has two follower counts for "
                            f"{record.date}; the first at {at.file}:{at.line} is used",
                            record.at))
            continue
        seen[key] = record
        start = first.get(record.channel)
        if start is not None and record.date < start:
            out.append(diag("SMM601", f"a follower count for {record.date}, before "
                            f"{record.channel}'s first post in the plan ({start}); a typo in "
                            "the date?", record.cell("date")))
        kept.append(record)
    return kept
