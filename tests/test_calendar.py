"""The calendar model: which slots and occurrences a plan has, windows, holidays, rounding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from smmplan.calendar import calendar_of, percent, rounded, window_of
from smmplan.load import load_plan


@pytest.mark.parametrize(("day", "kind", "label", "start", "end"), [
    ("2027-01-01", "week", "2026-W53", "2026-12-28", "2027-01-03"),
    ("2026-12-31", "month", "2026-12", "2026-12-01", "2026-12-31"),
    ("2028-02-10", "month", "2028-02", "2028-02-01", "2028-02-29"),
    ("2026-11-30", "quarter", "2026-Q4", "2026-10-01", "2026-12-31"),
    ("2027-03-31", "quarter", "2027-Q1", "2027-01-01", "2027-03-31"),
    ("2026-12-01", "day", "2026-12-01", "2026-12-01", "2026-12-01"),
])
def test_window_of(day: str, kind: str, label: str, start: str, end: str) -> None:
    w = window_of(dt.date.fromisoformat(day), kind)
    assert (w.kind, w.label, w.start.isoformat(), w.end.isoformat()) == (kind, label, start, end)


def test_unknown_window_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown window 'year'"):
        window_of(dt.date(2026, 1, 1), "year")


def post(title: str, date: str | None, channel: str, status: str = "draft") -> str:
    when = f"date: {date}\n" if date else ""
    return (f"---\ntitle: {title}\n{when}channel: {channel}\npillar: education\n"
            f"status: {status}\n---\nCaption.\n")


def test_slots_and_occurrences(make_plan: Callable[..., Path]) -> None:
    root = make_plan({
        # Jakarta 00:30 is the previous day in UTC: the local day counts
        "content/posts/late.md": post("Late", "2026-12-02 00:30", "[x, instagram, x, nope]"),
        "content/posts/early.md": post("Early", "2026-12-01 23:00", "x"),
        "content/posts/off.md": post("Called off", "2026-12-01", "x", "cancelled"),
        "content/posts/idea.md": post("Idea", "2026-12-03", "x", "idea"),
        "content/posts/someday.md": post("Someday", None, "x", "idea"),
    })
    plan, _ = load_plan(root)
    cal = calendar_of(plan)
    assert calendar_of(plan) is cal  # built once per plan
    assert [(s.post.id, s.day.isoformat(), s.all_day, s.counts) for s in cal.slots] == [
        ("off", "2026-12-01", True, False),
        ("early", "2026-12-01", False, True),
        ("late", "2026-12-02", False, True),
    ]
    # known channels only, each once, with the index the diagnostics point at
    assert [(o.post.id, o.channel, o.index) for o in cal.occurrences] == [
        ("off", "x", 0), ("early", "x", 0), ("late", "x", 0), ("late", "instagram", 1)]
    assert {c: [o.post.id for o in occ] for c, occ in cal.by_channel.items()} == {
        "instagram": ["late"], "x": ["early", "late"]}
    (week,) = cal.mix("week")
    assert (week.window and week.window.label, week.posts) == ("2026-W49", 3)
    assert week.share("education") == 1


def test_holidays_in_the_plan_language(make_plan: Callable[..., Path]) -> None:
    plan, _ = load_plan(make_plan({}))
    cal = calendar_of(plan)
    assert cal.holiday(dt.date(2026, 12, 25)) == "Christmas Day"
    # cuti bersama (the government category) is a holiday of ID by default (SPEC §7.1)
    assert cal.holiday(dt.date(2026, 12, 24)) == "Christmas Joint Holiday"
    days = [d for d, _ in cal.holidays_between(dt.date(2026, 12, 1), dt.date(2027, 1, 31))]
    assert dt.date(2026, 12, 25) in days and dt.date(2027, 1, 1) in days
    assert all(dt.date(2026, 12, 1) <= d <= dt.date(2027, 1, 31) for d in days)


def test_one_rounding_half_up() -> None:
    assert [percent(Fraction(k, n)) for k, n in ((1, 8), (5, 8), (1, 40), (0, 1))] == [
        "13%", "63%", "3%", "0%"]
    assert percent(Fraction(1, 80), 1) == "1.3%"
    assert str(rounded(Fraction(1, 32), 4)) == "0.0313"
