"""``repeat:`` of a post (SPEC §5.1): read it into a :class:`Repeat`, expand it into starts, and
write it as the RRULE a feed carries.

The arithmetic is python-dateutil's ``rrule`` (RFC 5545), run on naive wall-clock times of the
plan timezone and only then given the zone, so that 07:30 stays 07:30 across a change of daylight
saving time, exactly as a calendar reading ``DTSTART;TZID=...`` with the RRULE expands it.
Expansion is bounded (:data:`MAX_OCCURRENCES`, and the horizon for rules without an end), so no
rule, however written, can make a check hang.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from dateutil import rrule as rr

from .fields import Fields, did_you_mean, kind_of, parse_date
from .format.keys import MAX_INTERVAL, MAX_OCCURRENCES, REPEAT, REPEAT_EVERY, REPEAT_SKIP, WEEKDAYS

_FREQ = {"day": rr.DAILY, "week": rr.WEEKLY, "month": rr.MONTHLY, "year": rr.YEARLY}
_FREQ_NAME = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True, slots=True)
class Repeat:
    """A post's ``repeat:`` as read; the first occurrence is the post's own ``date``."""

    every: str
    """``day``, ``week``, ``month`` or ``year``."""
    interval: int = 1
    weekdays: tuple[int, ...] = ()
    """For ``every: week``: 0 = Monday .. 6 = Sunday, sorted; empty = the weekday of ``date``."""
    month_days: tuple[int, ...] = ()
    """For ``every: month``: 1..31 and -1 (the last day); empty = the day of ``date``."""
    count: int | None = None
    until: dt.date | None = None
    """The last day that may hold an occurrence, inclusive."""
    skip: tuple[str, ...] = ()
    """``holidays`` and/or ``blackout``."""
    exceptions: tuple[dt.date, ...] = ()
    """``except:``: days left out."""

    @property
    def bounded(self) -> bool:
        return self.count is not None or self.until is not None

    def text(self) -> str:
        """As the plan would write it, on one line: ``every: week · interval: 2 · on: mon, thu``."""
        parts = [f"every: {self.every}"]
        if self.interval != 1:
            parts.append(f"interval: {self.interval}")
        if self.weekdays:
            parts.append("on: " + ", ".join(WEEKDAYS[d] for d in self.weekdays))
        if self.month_days:
            parts.append("on: " + ", ".join(str(d) for d in self.month_days))
        if self.count is not None:
            parts.append(f"count: {self.count}")
        if self.until is not None:
            parts.append(f"until: {self.until}")
        if self.skip:
            parts.append("skip: " + ", ".join(self.skip))
        if self.exceptions:
            parts.append("except: " + ", ".join(d.isoformat() for d in self.exceptions))
        return " · ".join(parts)


# --- reading -----------------------------------------------------------------------------------

def read_repeat(post: Fields, start: dt.datetime | None) -> Repeat | None:
    """The post's ``repeat:`` (None when absent or unusable); each problem is a diagnostic at its
    key (SMM002 for a missing ``every``, SMM003 for a bad value, SMM004 for an unknown key).

    ``start`` is the post's own ``date`` (None when it has none or it could not be read); the
    checks that compare ``repeat`` with the date are left out without one.
    """
    raw = post.data.get("repeat")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        post.invalid("repeat", f"must be a mapping (every, interval, on, count, until, skip, "
                     f"except), not {kind_of(raw)}", help="e.g. `repeat: {every: week}`")
        return None
    f = post.sub("repeat")
    f.unknown_keys(REPEAT.names)
    if not f.require("every", "SMM002", " (day, week, month or year)"):
        return None
    every = f.choice("every", REPEAT_EVERY)
    interval = f.integer("interval", minimum=1, maximum=MAX_INTERVAL)
    count = f.integer("count", minimum=1, maximum=MAX_OCCURRENCES)
    until = f.date("until")
    if every is None or ("interval" in f.data and interval is None) or \
            ("count" in f.data and count is None) or ("until" in f.data and until is None):
        return None
    if count is not None and until is not None:
        f.invalid("until", "and 'repeat.count' are both given; a repeat ends after a number of "
                  "occurrences or on a day, not both", help="remove one of them")
        return None
    weekdays, month_days = _read_on(f, every)
    if weekdays is None or month_days is None:
        return None
    skip = _read_choices(f, "skip", REPEAT_SKIP)
    exceptions = _read_dates(f, "except")
    if skip is None or exceptions is None:
        return None
    rep = Repeat(every, interval or 1, weekdays, month_days, count, until, skip, exceptions)
    if start is not None and not _start_fits(f, rep, start):
        return None
    return rep


def _read_on(f: Fields, every: str) -> tuple[tuple[int, ...] | None, tuple[int, ...] | None]:
    raw = f.data.get("on")
    if raw is None:
        return (), ()
    if every not in ("week", "month"):
        f.invalid("on", f"applies to `every: week` (weekdays) or `every: month` (days), "
                  f"not `every: {every}`", help="remove `on`, or repeat every week or month")
        return None, None
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        f.invalid("on", "is an empty list", help="name at least one day, or remove `on`")
        return None, None
    at = f.sub("on") if isinstance(raw, list) else f
    found: set[int] = set()
    ok = True
    for i, item in enumerate(items):
        key: str | int = i if isinstance(raw, list) else "on"
        got = _weekday(item) if every == "week" else _month_day(item)
        if isinstance(got, str):
            at.report("SMM003", f"'{at.label(key)}' {got}", key)
            ok = False
        else:
            found.add(got)
    if not ok:
        return None, None
    if every == "week":
        return tuple(sorted(found)), ()
    return (), tuple(sorted(found, key=lambda d: (d < 0, d)))


def _weekday(item: Any) -> int | str:
    if isinstance(item, str) and item.strip().lower()[:3] in WEEKDAYS and \
            _full_or_short(item.strip().lower()):
        return WEEKDAYS.index(item.strip().lower()[:3])
    shown = repr(item) if isinstance(item, str) else kind_of(item)
    hint = did_you_mean(item.lower(), WEEKDAYS) if isinstance(item, str) else ""
    return f"is {shown}, not a weekday (mon, tue, wed, thu, fri, sat, sun){hint}"


def _full_or_short(word: str) -> bool:
    """``mon`` or ``monday``, but not ``monkey``."""
    return len(word) == 3 or word in (d.lower() for d in _DAY_NAMES)


def _month_day(item: Any) -> int | str:
    if isinstance(item, int) and not isinstance(item, bool) and (1 <= item <= 31 or item == -1):
        return item
    shown = repr(item) if isinstance(item, int | str) and not isinstance(item, bool) \
        else kind_of(item)
    return f"is {shown}, not a day of the month (1 to 31, or -1 for the last day)"


def _read_choices(f: Fields, key: str, allowed: tuple[str, ...]) -> tuple[str, ...] | None:
    if key not in f.data:
        return ()
    values = f.text_list(key, allow_single=True)
    raw = f.data[key]
    if len(values) != (len(raw) if isinstance(raw, list) else 1):
        return None
    at = f.sub(key) if isinstance(raw, list) else f
    for i, value in enumerate(values):
        if value not in allowed:
            where: str | int = i if isinstance(raw, list) else key
            at.report("SMM003", f"'{at.label(where)}' is {value!r}, not one of: "
                      f"{', '.join(allowed)}{did_you_mean(value, allowed)}", where)
            return None
    return tuple(dict.fromkeys(values))


def _read_dates(f: Fields, key: str) -> tuple[dt.date, ...] | None:
    raw = f.data.get(key)
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    at = f.sub(key) if isinstance(raw, list) else f
    out = []
    for i, item in enumerate(items):
        where: str | int = i if isinstance(raw, list) else key
        day = parse_date(item)
        if day is None:
            at.report("SMM003", f"'{at.label(where)}' is {item!r}, not a date; write "
                      "YYYY-MM-DD", where)
            return None
        out.append(day)
    return tuple(sorted(set(out)))


def _start_fits(f: Fields, rep: Repeat, start: dt.datetime) -> bool:
    """``date`` must be the first occurrence: on one of the ``on`` days, not after ``until``."""
    day = start.date()
    if rep.until is not None and rep.until < day:
        f.invalid("until", f"is {rep.until}, before the post's date {day}",
                  help="`until` is the last day that may hold an occurrence")
        return False
    if rep.weekdays and day.weekday() not in rep.weekdays:
        names = ", ".join(WEEKDAYS[d] for d in rep.weekdays)
        f.invalid("on", f"does not hold the post's date: {day} is a {_DAY_NAMES[day.weekday()]}, "
                  f"not one of {names}", help="the post's `date` is the first occurrence: move "
                  "it to one of the `on` days, or add its weekday to `on`")
        return False
    if rep.month_days and not _month_day_fits(day, rep.month_days):
        names = ", ".join("-1" if d == -1 else str(d) for d in rep.month_days)
        f.invalid("on", f"does not hold the post's date: {day} is day {day.day} of its month, "
                  f"not one of {names}", help="the post's `date` is the first occurrence: move "
                  "it to one of the `on` days")
        return False
    return True


def _month_day_fits(day: dt.date, month_days: tuple[int, ...]) -> bool:
    last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return day.day in month_days or (-1 in month_days and day == last)


# --- expanding ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Expansion:
    """The starts a repeat yields before anything is left out."""

    starts: tuple[dt.datetime, ...]
    """Aware, in the plan timezone, in order; the first is the post's own ``date``."""
    truncated: bool
    """More starts would follow than :data:`MAX_OCCURRENCES` (or the horizon) allows."""


def _rule(rep: Repeat, first: dt.datetime, until: dt.datetime | None) -> rr.rrule:
    return rr.rrule(
        _FREQ[rep.every], dtstart=first, interval=rep.interval, count=rep.count,
        until=until,
        byweekday=rep.weekdays or None, wkst=rr.MO,
        bymonthday=rep.month_days or None,
    )


def expand(rep: Repeat, start: dt.datetime, horizon: dt.date) -> Expansion:
    """Every start of ``rep`` from ``start`` (aware, plan timezone), through ``until`` or
    ``count``, or through ``horizon`` (inclusive) when the repeat has no end."""
    tz = start.tzinfo
    first = start.replace(tzinfo=None)
    last_day = rep.until if rep.until is not None else (None if rep.count else horizon)
    until = dt.datetime.combine(last_day, dt.time.max) if last_day is not None else None
    found = list(islice(_rule(rep, first, until), MAX_OCCURRENCES + 1))
    truncated = len(found) > MAX_OCCURRENCES
    # fold=0: a wall-clock time the clocks skip or repeat takes the offset in force before the
    # change, as RFC 5545 §3.3.5 asks of calendars expanding the feed's rule; one the clocks
    # skip (02:30 on the night they go forward) is then shown as the time it falls at (03:30).
    return Expansion(tuple(_real(when.replace(tzinfo=tz)) for when in found[:MAX_OCCURRENCES]),
                     truncated)


def _real(when: dt.datetime) -> dt.datetime:
    again = when.astimezone(dt.UTC).astimezone(when.tzinfo)
    return when if again.replace(tzinfo=None) == when.replace(tzinfo=None) else again


Reason = Callable[[dt.date], str | None]


def left_out(rep: Repeat, day: dt.date, holiday: Reason, blackout: Reason
             ) -> tuple[str, str] | None:
    """Why the occurrence on ``day`` is left out, as (``except``, ``""``), (``holiday``, its
    name) or (``blackout``, its reason); None when it stands."""
    if day in rep.exceptions:
        return "except", ""
    if "holidays" in rep.skip:
        name = holiday(day)
        if name:
            return "holiday", name
    if "blackout" in rep.skip:
        reason = blackout(day)
        if reason is not None:
            return "blackout", reason
    return None


# --- writing, for feeds ------------------------------------------------------------------------

def rrule_value(rep: Repeat, start: dt.datetime, all_day: bool) -> str:
    """The RRULE value that expands as :func:`expand` does from a ``DTSTART`` given as the
    local time in the plan timezone (``TZID``), or as a date for an all-day post."""
    parts = [f"FREQ={_FREQ_NAME[rep.every]}"]
    if rep.interval != 1:
        parts.append(f"INTERVAL={rep.interval}")
    if rep.count is not None:
        parts.append(f"COUNT={rep.count}")
    if rep.until is not None:
        if all_day:
            parts.append(f"UNTIL={rep.until:%Y%m%d}")
        else:
            # RFC 5545: with a DTSTART in a time zone, UNTIL is in UTC; the end of the last day
            # in the plan timezone keeps that whole day.
            end = dt.datetime.combine(rep.until, dt.time(23, 59, 59), start.tzinfo)
            parts.append(f"UNTIL={end.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}")
    if rep.weekdays:
        parts.append("BYDAY=" + ",".join(_BYDAY[d] for d in rep.weekdays))
    if rep.month_days:
        parts.append("BYMONTHDAY=" + ",".join(str(d) for d in rep.month_days))
    return ";".join(parts)
