"""``repeat:`` read, expanded and written as an RRULE (SPEC §5.1), against expectations worked
out by hand from a calendar and against an independent expansion (recurring-ical-events)."""

from __future__ import annotations

import datetime as dt
import time
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan.diagnostics import Diagnostic
from smmplan.fields import Fields
from smmplan.recurrence import MAX_OCCURRENCES, Repeat, expand, left_out, read_repeat, rrule_value
from smmplan.yamlpos import parse

NY = ZoneInfo("America/New_York")
JKT = ZoneInfo("Asia/Jakarta")


def read(yaml_text: str, start: dt.datetime | None = None) -> tuple[Repeat | None, list[str]]:
    """``repeat`` from front matter text (lines 2.. of a post file), and the diagnostics."""
    out: list[Diagnostic] = []
    doc = parse(yaml_text)
    f = Fields(doc, "content/posts/p.md", out, bad="SMM003", line_offset=1, post="p")
    rep = read_repeat(f, start or dt.datetime(2027, 1, 4, 7, 30, tzinfo=JKT))
    return rep, [f"{d.line}:{d.column} {d.code} {d.message}" for d in out]


def local(starts: tuple[dt.datetime, ...]) -> list[str]:
    return [f"{s:%Y-%m-%d %H:%M %z}" for s in starts]


# --- reading ---------------------------------------------------------------------------------

def test_reads_every_key() -> None:
    rep, found = read("repeat:\n  every: week\n  interval: 2\n  on: [thu, mon]\n  count: 12\n"
                      "  skip: [holidays, blackout]\n  except: [2027-02-11]\n")
    assert found == []
    assert rep == Repeat("week", 2, (0, 3), (), 12, None, ("holidays", "blackout"),
                         (dt.date(2027, 2, 11),))


@pytest.mark.parametrize(("text", "expected"), [
    ("repeat: weekly\n", "2:9 SMM003 'repeat' must be a mapping (every, interval, on, count, "
                         "until, skip, except), not text"),
    ("repeat: {interval: 2}\n", "2:9 SMM002 missing required key 'repeat.every' "
                                "(day, week, month or year)"),
    ("repeat: {every: fortnight}\n", "2:17 SMM003 'repeat.every' is 'fortnight', not one of: "
                                     "day, week, month, year"),
    ("repeat: {every: week, count: 3, until: 2027-03-01}\n",
     "2:40 SMM003 'repeat.until' and 'repeat.count' are both given; a repeat ends after a number "
     "of occurrences or on a day, not both"),
    ("repeat: {every: week, count: 0}\n",
     f"2:30 SMM003 'repeat.count' must be a whole number from 1 to {MAX_OCCURRENCES}, not 0"),
    ("repeat: {every: week, interval: -1}\n",
     "2:33 SMM003 'repeat.interval' must be a whole number from 1 to 1000, not -1"),
    ("repeat:\n  every: week\n  on: [mon, funday]\n",
     "4:13 SMM003 'repeat.on[1]' is 'funday', not a weekday (mon, tue, wed, thu, fri, sat, sun)"),
    ("repeat:\n  every: month\n  on: [4, 32]\n",
     "4:11 SMM003 'repeat.on[1]' is 32, not a day of the month (1 to 31, or -1 for the last day)"),
    ("repeat:\n  every: week\n  on: [tue, fri]\n",
     "4:7 SMM003 'repeat.on' does not hold the post's date: 2027-01-04 is a Monday, not one of "
     "tue, fri"),
    ("repeat:\n  every: month\n  on: [-1]\n",
     "4:7 SMM003 'repeat.on' does not hold the post's date: 2027-01-04 is day 4 of its month, "
     "not one of -1"),
    ("repeat: {every: day, until: 2027-01-03}\n",
     "2:29 SMM003 'repeat.until' is 2027-01-03, before the post's date 2027-01-04"),
    ("repeat: {every: day, on: [mon]}\n",
     "2:26 SMM003 'repeat.on' applies to `every: week` (weekdays) or `every: month` (days), not "
     "`every: day`"),
    ("repeat: {every: week, skip: [holiday]}\n",
     "2:30 SMM003 'repeat.skip[0]' is 'holiday', not one of: holidays, blackout; did you mean "
     "'holidays'?"),
    ("repeat: {every: week, except: [2027-02-30]}\n",
     "2:32 SMM003 'repeat.except[0]' is '2027-02-30', not a date; write YYYY-MM-DD"),
    ("repeat: {every: week, evry: 2}\n",
     "2:23 SMM004 unknown key 'repeat.evry'; did you mean 'every'?"),
])
def test_bad_repeat_is_a_diagnostic_at_its_key(text: str, expected: str) -> None:
    rep, found = read(text)
    assert found == [expected]
    if "SMM004" not in expected:
        assert rep is None


def test_long_weekday_names_and_last_day() -> None:
    rep, found = read("repeat: {every: week, on: [Monday, thu]}\n")
    assert found == [] and rep is not None and rep.weekdays == (0, 3)
    rep, found = read("repeat: {every: month, on: [-1, 15]}\n",
                      dt.datetime(2027, 1, 31, 9, 0, tzinfo=JKT))
    assert found == [] and rep is not None and rep.month_days == (15, -1)


# --- expanding ---------------------------------------------------------------------------------

def test_wall_clock_kept_across_dst() -> None:
    # America/New_York: clocks go forward on 2027-03-14 and back on 2027-11-07.
    rep = Repeat("week", count=3)
    got = expand(rep, dt.datetime(2027, 3, 7, 7, 30, tzinfo=NY), dt.date(2030, 1, 1))
    assert local(got.starts) == ["2027-03-07 07:30 -0500", "2027-03-14 07:30 -0400",
                                 "2027-03-21 07:30 -0400"]
    got = expand(Repeat("day", count=3), dt.datetime(2027, 11, 6, 7, 30, tzinfo=NY),
                 dt.date(2030, 1, 1))
    assert local(got.starts) == ["2027-11-06 07:30 -0400", "2027-11-07 07:30 -0500",
                                 "2027-11-08 07:30 -0500"]


def test_month_ends() -> None:
    start = dt.datetime(2027, 1, 31, 9, 0, tzinfo=JKT)
    got = expand(Repeat("month", month_days=(31,), until=dt.date(2027, 8, 31)), start,
                 dt.date(2030, 1, 1))
    assert [s.date().isoformat() for s in got.starts] == [
        "2027-01-31", "2027-03-31", "2027-05-31", "2027-07-31", "2027-08-31"]
    got = expand(Repeat("month", month_days=(-1,), count=4), start, dt.date(2030, 1, 1))
    assert [s.date().isoformat() for s in got.starts] == [
        "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]
    leap = expand(Repeat("month", month_days=(-1,), count=2),
                  dt.datetime(2028, 1, 31, tzinfo=JKT), dt.date(2030, 1, 1))
    assert leap.starts[1].date() == dt.date(2028, 2, 29)


def test_interval_weekdays_until_inclusive() -> None:
    rep = Repeat("week", 2, (0, 3), until=dt.date(2027, 1, 21))
    got = expand(rep, dt.datetime(2027, 1, 4, 7, 30, tzinfo=JKT), dt.date(2030, 1, 1))
    assert [s.date().isoformat() for s in got.starts] == [
        "2027-01-04", "2027-01-07", "2027-01-18", "2027-01-21"]


def test_unbounded_stops_at_horizon() -> None:
    got = expand(Repeat("week"), dt.datetime(2027, 1, 4, 7, 30, tzinfo=JKT), dt.date(2027, 1, 25))
    assert [s.day for s in got.starts] == [4, 11, 18, 25] and not got.truncated


def test_unbounded_daily_on_a_twenty_year_horizon_is_bounded_and_quick() -> None:
    began = time.perf_counter()
    got = expand(Repeat("day"), dt.datetime(2027, 1, 4, 7, 30, tzinfo=JKT), dt.date(2047, 1, 4))
    assert len(got.starts) == MAX_OCCURRENCES and got.truncated
    assert time.perf_counter() - began < 2


def test_all_day_yearly_leap_day() -> None:
    got = expand(Repeat("year", count=3), dt.datetime(2028, 2, 29, tzinfo=JKT), dt.date(2040, 1, 1))
    assert [s.date().isoformat() for s in got.starts] == ["2028-02-29", "2032-02-29", "2036-02-29"]


def test_left_out_reasons() -> None:
    rep = Repeat("week", skip=("holidays", "blackout"), exceptions=(dt.date(2027, 1, 11),))
    holidays = {dt.date(2027, 1, 18): "Isra Mikraj"}
    blackouts = {dt.date(2027, 1, 25): "Rapat tahunan", dt.date(2027, 2, 1): ""}
    reasons = [left_out(rep, dt.date(2027, 1, d), holidays.get, blackouts.get)
               for d in (4, 11, 18, 25)] + [left_out(rep, dt.date(2027, 2, 1), holidays.get,
                                                     blackouts.get)]
    assert reasons == [None, ("except", ""), ("holiday", "Isra Mikraj"),
                       ("blackout", "Rapat tahunan"), ("blackout", "")]
    plain = Repeat("week")
    assert left_out(plain, dt.date(2027, 1, 18), holidays.get, blackouts.get) is None


# --- the RRULE expands as smmplan does ---------------------------------------------------------

CASES = [
    (Repeat("week", 2, (0, 3), count=9), dt.datetime(2027, 3, 1, 7, 30, tzinfo=NY), False),
    (Repeat("month", month_days=(31,), until=dt.date(2027, 12, 31)),
     dt.datetime(2027, 1, 31, 21, 0, tzinfo=NY), False),
    (Repeat("month", month_days=(-1,), count=14), dt.datetime(2027, 1, 31, 23, 30, tzinfo=NY),
     False),
    (Repeat("day", 3, until=dt.date(2027, 11, 20)), dt.datetime(2027, 10, 30, 0, 15, tzinfo=NY),
     False),
    (Repeat("month", month_days=(25,), count=6), dt.datetime(2027, 1, 25, tzinfo=NY), True),
    (Repeat("week", until=dt.date(2027, 4, 26)), dt.datetime(2027, 1, 4, tzinfo=NY), True),
]


@pytest.mark.parametrize(("rep", "start", "all_day"), CASES)
def test_rrule_expands_like_recurring_ical_events(rep: Repeat, start: dt.datetime,
                                                  all_day: bool) -> None:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//test//")
    cal.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", "x")
    event.add("dtstart", start.date() if all_day else start)
    event.add("rrule", icalendar.vRecur.from_ical(rrule_value(rep, start, all_day)))
    cal.add_component(event)
    cal.add_missing_timezones()
    parsed = icalendar.Calendar.from_ical(cal.to_ical())
    theirs = [e["DTSTART"].dt for e in
              recurring_ical_events.of(parsed).between(dt.date(2026, 1, 1), dt.date(2029, 1, 1))]
    ours = expand(rep, start, dt.date(2029, 1, 1)).starts
    if all_day:
        assert theirs == [s.date() for s in ours]
    else:
        assert [t.astimezone(dt.UTC) for t in theirs] == [s.astimezone(dt.UTC) for s in ours]
        assert {t.strftime("%H:%M") for t in theirs} == {start.strftime("%H:%M")}


# --- whole plans: bad input is a diagnostic, never a traceback or a hang -------------------------

def test_a_twenty_year_daily_repeat_is_bounded(make_plan, cli) -> None:  # type: ignore[no-untyped-def]
    root = make_plan({"content/posts/daily.md": "---\ntitle: Daily\ndate: 2027-01-04 07:30\n"
                      "channel: instagram\npillar: education\n"
                      "repeat: {every: day, until: 2046-12-31}\n---\nSetiap hari.\n"})
    began = time.perf_counter()
    result = cli("-C", str(root), "check", "--no-show-source", "--today", "2026-12-01",
                 "--format", "json")
    assert time.perf_counter() - began < 20
    import json

    found = [(d["line"], d["column"], d["code"], d["message"])
             for d in json.loads(result.output)["diagnostics"] if d["code"] == "SMM003"]
    assert found == [(6, 29, "SMM003", f"'repeat.until' yields more than {MAX_OCCURRENCES:,} "
                      f"occurrences; only the first {MAX_OCCURRENCES:,} are planned")]


REPEAT_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-50, 50), st.text(max_size=8),
    st.sampled_from(["day", "week", "month", "year", "mon", "fri", "2027-02-11", "2026-12-31",
                     "holidays", "blackout", "-1", "31"]),
    st.lists(st.one_of(st.integers(-40, 40), st.sampled_from(["mon", "sun", "funday",
                                                               "2027-01-05"])), max_size=4))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["every", "interval", "on", "count", "until", "skip",
                                        "except", "evry"]), REPEAT_VALUES, max_size=7),
       st.sampled_from([dt.datetime(2027, 1, 31, 7, 30, tzinfo=NY),
                        dt.datetime(2027, 3, 14, 3, 30, tzinfo=NY),
                        dt.datetime(2028, 2, 29, tzinfo=JKT)]))
def test_any_repeat_reads_and_expands_without_error(raw: dict[str, object],
                                                    start: dt.datetime) -> None:
    import yaml

    rep, _ = read(yaml.safe_dump({"repeat": raw}, default_flow_style=False), start)
    if rep is not None:
        got = expand(rep, start, dt.date(2031, 1, 1))
        assert got.starts and got.starts[0] == start  # `date` is always the first occurrence
        assert len(got.starts) <= MAX_OCCURRENCES
        rrule_value(rep, start, False)


def test_a_time_the_clocks_skip_falls_where_calendars_put_it() -> None:
    # 02:30 does not exist in New York on 2027-03-14: RFC 5545 takes the offset before the gap
    start = dt.datetime(2027, 3, 13, 2, 30, tzinfo=NY)
    rep = Repeat("day", count=3)
    ours = expand(rep, start, dt.date(2028, 1, 1)).starts
    assert local(ours) == ["2027-03-13 02:30 -0500", "2027-03-14 03:30 -0400",
                           "2027-03-15 02:30 -0400"]
    cal = icalendar.Calendar()
    cal.add("prodid", "-//test//")
    cal.add("version", "2.0")
    event = icalendar.Event()
    event.add("uid", "x")
    event.add("dtstart", start)
    event.add("rrule", icalendar.vRecur.from_ical(rrule_value(rep, start, False)))
    cal.add_component(event)
    cal.add_missing_timezones()
    theirs = [e["DTSTART"].dt for e in recurring_ical_events.of(
        icalendar.Calendar.from_ical(cal.to_ical())).between(dt.date(2027, 3, 1),
                                                           dt.date(2027, 4, 1))]
    assert [t.astimezone(dt.UTC) for t in theirs] == [s.astimezone(dt.UTC) for s in ours]
