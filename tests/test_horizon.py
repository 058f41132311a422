"""The planning horizon: its default and bound, the months it draws, the gaps it marks."""

from __future__ import annotations

import datetime as dt

from smmplan.horizon import (
    DEFAULT_HORIZON,
    MAX_HORIZON,
    Gap,
    calendar_months,
    gaps,
    read_horizon,
)
from smmplan.model import Position

D = dt.date
AT = Position("guidelines/rules.yml", 4, 10)


def test_default_and_a_set_horizon() -> None:
    assert read_horizon(None, AT) == (dt.timedelta(days=90), [])
    assert read_horizon("26w", AT) == (dt.timedelta(weeks=26), [])
    assert read_horizon("365d", AT) == (dt.timedelta(days=365), [])


def test_fifty_years_is_bounded_and_smm007() -> None:
    horizon, (problem,) = read_horizon("18250d", AT)
    assert horizon == MAX_HORIZON == dt.timedelta(days=1826)
    assert (problem.code, problem.severity, problem.line, problem.column) == (
        "SMM007", "error", 4, 10)
    assert "longer than the maximum of 1826d (5 years)" in problem.message
    assert read_horizon("2600w", AT)[0] == MAX_HORIZON


def test_a_horizon_that_is_no_duration() -> None:
    for raw in ("soon", 90, "0d", "-5d", ""):
        horizon, (problem,) = read_horizon(raw, AT)
        assert horizon == DEFAULT_HORIZON and problem.code == "SMM007", raw
        assert "must be a duration such as 90d" in problem.message


def test_months_run_from_the_first_through_today_plus_the_horizon_or_the_last_thing() -> None:
    today = D(2026, 11, 25)
    assert calendar_months(D(2026, 11, 2), today, DEFAULT_HORIZON) == [
        (2026, 11), (2026, 12), (2027, 1), (2027, 2)]
    assert calendar_months(D(2026, 11, 2), today, DEFAULT_HORIZON, [D(2027, 4, 1)])[-1] == (
        2027, 4)
    # a plan that has not started yet still shows this month
    assert calendar_months(D(2027, 1, 5), today, dt.timedelta(days=10)) == [
        (2026, 11), (2026, 12), (2027, 1)]


def test_gaps_are_days_short_of_a_channel_minimum_except_closed_days() -> None:
    counts = {("instagram", D(2026, 12, 1)): 1, ("x", D(2026, 12, 1)): 1,
              ("x", D(2026, 12, 2)): 3}
    found = gaps({"instagram": 1, "x": 2, "linkedin": 0}, counts, D(2026, 12, 1),
                 D(2026, 12, 3), closed={"instagram": frozenset({D(2026, 12, 3)})})
    assert found == [Gap(D(2026, 12, 1), "x", 1, 2), Gap(D(2026, 12, 2), "instagram", 0, 1),
                     Gap(D(2026, 12, 3), "x", 0, 2)]
