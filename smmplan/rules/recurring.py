"""What only the expansion of a ``repeat:`` shows (SMM003 at the repeat's keys): a repeat with
no occurrence left, one that yields too many, and ``except`` days that are not occurrences."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..calendar import calendar_of
from ..captions import problems
from ..diagnostics import Diagnostic, diag
from ..format.keys import MAX_OCCURRENCES
from ..model import Plan


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    for series in calendar_of(plan).series.values():
        post = series.post
        if not series.starts:
            left = "; ".join(f"{when.date()} {kind}{': ' + detail if detail else ''}"
                             for when, kind, detail in series.skipped[:5])
            yield diag("SMM003", "'repeat' leaves no occurrence: every one is left out "
                       f"({left}{', ...' if len(series.skipped) > 5 else ''})",
                       post.at("repeat"), post=post.id,
                       help="change `skip` or `except`, or the post's date")
        if series.truncated:
            key = "repeat.until" if "repeat.until" in post.pos else "repeat"
            yield diag("SMM003", f"'{key}' yields more than {MAX_OCCURRENCES:,} occurrences; "
                       f"only the first {MAX_OCCURRENCES:,} are planned", post.at(key),
                       post=post.id, help="end the repeat sooner with `count` or `until`, or "
                       "repeat less often")
        for day in series.unmatched:
            i = post.repeat.exceptions.index(day) if post.repeat else 0
            key = f"repeat.except[{i}]"
            yield diag("SMM003", f"'{key}' is {day}, which is not an occurrence of the repeat",
                       post.at(key), post=post.id,
                       help="list only days the repeat falls on; check the weekday and month day")


def caption_problems(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    """SMM006/SMM009 and variant problems of every caption (SPEC §5.3, §5.4)."""
    return problems(plan)
