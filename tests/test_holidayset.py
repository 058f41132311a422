"""The plan's holidays: categories (cuti bersama for ID), add and remove, names in the plan's
language, estimated dates labelled, and the diagnostics of a setting that cannot be right."""

from __future__ import annotations

import datetime as dt

from smmplan.holidayset import (
    feed_span,
    holiday_problems,
    holidays_between,
    holidays_in_year,
)
from smmplan.model import AddedHoliday, HolidaySettings, Position, RemovedHoliday

D = dt.date
AT = Position("guidelines/rules.yml", 3, 11)


def test_indonesia_includes_cuti_bersama_by_default_named_in_the_plan_language() -> None:
    id_days = holidays_in_year(HolidaySettings("ID"), "id", 2026)
    assert id_days[D(2026, 12, 24)].name == "Cuti Bersama Hari Raya Natal"
    assert id_days[D(2026, 12, 24)].categories == ("government",)
    assert id_days[D(2026, 12, 25)].name == "Hari Raya Natal"
    en_days = holidays_in_year(HolidaySettings("ID"), "en", 2026)
    assert en_days[D(2026, 12, 25)].name == "Christmas Day"
    assert "Christmas" in en_days[D(2026, 12, 24)].name


def test_public_only_leaves_cuti_bersama_out() -> None:
    days = holidays_in_year(HolidaySettings("ID", categories=("public",)), "id", 2026)
    assert D(2026, 12, 24) not in days and D(2026, 12, 25) in days


def test_other_countries_default_to_public_holidays() -> None:
    days = holidays_in_year(HolidaySettings("MY"), "en", 2026)
    assert D(2026, 12, 25) in days
    assert all(h.categories == ("public",) for h in days.values())


def test_estimated_islamic_dates_are_flagged_and_labelled() -> None:
    days = holidays_in_year(HolidaySettings("ID"), "id", 2027)
    lebaran = days[D(2027, 3, 10)]
    assert lebaran.estimated and "(perkiraan)" in lebaran.name
    assert not days[D(2027, 12, 25)].estimated
    en = holidays_in_year(HolidaySettings("ID"), "en", 2027)[D(2027, 3, 10)]
    assert en.estimated and "(estimated)" in en.name


def test_add_and_remove() -> None:
    settings = HolidaySettings(
        "ID", add=(AddedHoliday(D(2027, 3, 9), "Cuti bersama Hari Suci Nyepi", AT),
                   AddedHoliday(D(2027, 7, 1), "Hari Bhayangkara", AT)),
        remove=(RemovedHoliday(D(2027, 12, 24), AT),))
    days = holidays_in_year(settings, "id", 2027)
    assert D(2027, 12, 24) not in days
    assert days[D(2027, 7, 1)].name == "Hari Bhayangkara"
    assert days[D(2027, 7, 1)].categories == ("added",)
    # an addition on a day that already is a holiday: both names
    assert days[D(2027, 3, 9)].name == "Cuti Bersama Hari Raya Idul Fitri, " \
                                        "Cuti bersama Hari Suci Nyepi"
    (problem,) = holiday_problems(settings, "id")
    assert (problem.code, problem.severity, problem.line) == ("SMM007", "warning", 3)
    assert "2027-03-09 already is a holiday" in problem.message


def test_remove_then_add_renames_without_a_warning() -> None:
    settings = HolidaySettings("ID", add=(AddedHoliday(D(2026, 12, 24), "Libur kantor", AT),),
                               remove=(RemovedHoliday(D(2026, 12, 24), AT),))
    assert holidays_in_year(settings, "id", 2026)[D(2026, 12, 24)].name == "Libur kantor"
    assert holiday_problems(settings, "id") == []


def test_remove_of_a_day_that_is_no_holiday_warns() -> None:
    settings = HolidaySettings("ID", remove=(RemovedHoliday(D(2027, 2, 2), AT),))
    (problem,) = holiday_problems(settings)
    assert (problem.code, problem.severity) == ("SMM007", "warning")
    assert "2027-02-02 is no holiday of ID" in problem.message


def test_unknown_country_and_category_are_smm007_errors() -> None:
    (problem,) = holiday_problems(HolidaySettings("XQ", at=AT))
    assert (problem.code, problem.severity, problem.line, problem.column) == (
        "SMM007", "error", 3, 11)
    assert holidays_in_year(HolidaySettings("XQ"), "en", 2026) == {}
    (bad,) = holiday_problems(HolidaySettings("ID", categories=("public", "bank"), at=AT))
    assert "has no category 'bank'" in bad.message and bad.help == "one of: government, public"


def test_the_feed_spans_this_year_and_the_next() -> None:
    first, last = feed_span(D(2026, 11, 25))
    assert (first, last) == (D(2026, 1, 1), D(2027, 12, 31))
    days = [h.day for h in holidays_between(HolidaySettings("ID"), "id", first, last)]
    assert days[0] == D(2026, 1, 1) and days[-1] == D(2027, 12, 26)
    assert days == sorted(days) and D(2027, 3, 10) in days


def test_a_country_without_islamic_holidays_has_no_estimates() -> None:
    days = holidays_in_year(HolidaySettings("US"), "en", 2026)
    assert days[D(2026, 12, 25)].name == "Christmas Day"
    assert not any(h.estimated for h in days.values())
