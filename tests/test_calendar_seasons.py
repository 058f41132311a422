"""SPEC §7 through the whole pipeline: the example's cuti bersama on its grid and in its feed,
add and remove everywhere, a season changing the mix and frequency rules, the horizon's pages
and gaps, and the bad settings that must give diagnostics with positions."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from pathlib import Path

import icalendar
import pytest
from conftest import EXAMPLE_TODAY

from smmplan.check import check_plan
from smmplan.ical import render_feeds
from smmplan.pages import render_pages

TODAY = dt.date.fromisoformat(EXAMPLE_TODAY)


def cell(page: str, day: str) -> str:
    m = re.search(rf'<td class="[^"]*" data-date="{day}"[^>]*>(.*?)</td>', page)
    assert m, day
    return m.group(1)


def holiday_feed(feeds: dict[str, bytes]) -> dict[dt.date, str]:
    cal = icalendar.Calendar.from_ical(feeds["calendars/holidays.ics"])
    return {e.decoded("DTSTART"): str(e["SUMMARY"]) for e in cal.walk("VEVENT")}


@pytest.fixture(scope="module")
def example() -> tuple[dict[str, str], dict[str, bytes]]:
    from conftest import REPO

    result = check_plan(REPO, TODAY)
    assert result.errors == 0
    return render_pages(result), render_feeds(result.plan, today=TODAY)


def test_cuti_bersama_on_the_december_grid_and_in_the_feed(example) -> None:
    pages, feeds = example
    dec = pages["/calendar/2026-12/"]
    assert "smm-holiday" in re.search(r'<td class="([^"]*)" data-date="2026-12-24"', dec)[1]
    assert '<div class="smm-holiday-name" title="Hari libur">Cuti Bersama Hari Raya Natal</div>' \
        in cell(dec, "2026-12-24")
    days = holiday_feed(feeds)
    assert days[dt.date(2026, 12, 24)] == "Cuti Bersama Hari Raya Natal"
    # the whole of this year and the next, whatever the plan's span
    assert min(days) == dt.date(2026, 1, 1) and max(days).year == 2027
    assert days[dt.date(2027, 3, 10)] == "Hari Raya Idul Fitri (perkiraan)"
    assert all(dt.date(2026, 1, 1) <= d <= dt.date(2027, 12, 31) for d in days)


def test_the_example_shows_its_seasons_and_the_horizon(example) -> None:
    pages, _ = example
    # month pages run through today + 90 days (2027-02-23), and to the Nyepi blackout
    assert "/calendar/2027-03/" in pages and "/calendar/2027-04/" not in pages
    feb = pages["/calendar/2027-02/"]
    assert "Ramadan 1448 H" in cell(feb, "2027-02-08") and "smm-season-0" in feb
    assert "Ramadan 1448 H" not in cell(feb, "2027-02-07")
    assert "Gajian" in cell(feb, "2027-02-25") and "Gajian" not in cell(feb, "2027-02-24")
    # the gaps of a month nobody has planned yet: every channel short of its minimum
    jan = cell(pages["/calendar/2027-01/"], "2027-01-05")
    assert jan.count('class="smm-gap"') == 3  # instagram, facebook and x have a per_day min
    # a blackout drawn where no post is planned
    assert "Hari Raya Nyepi" in cell(pages["/calendar/2027-03/"], "2027-03-08")
    overview = pages["/"]
    assert '<h2 id="seasons">Musim</h2>' in overview and "dari 2027-02-08 sampai 2027-03-09" \
        in overview
    gaps = overview.split('id="gaps"')[1]
    assert re.findall(r"<td>(\d+) / (\d+)</td>", gaps)[:1] == [("0", "1")]


def add_remove_plan(make_plan: Callable[..., Path]) -> Path:
    rules = """\
timezone: Asia/Jakarta
language: en
holidays:
  country: ID
  add: [{date: 2026-12-10, name: Founders' Day}]
  remove: [2026-12-25]
channels:
  x: {platform: x, name: X}
"""

    def post(name: str, day: str) -> str:
        return (f"---\ntitle: {name}\ndate: {day} 10:00\nchannel: x\npillar: hard-sell\n"
                "status: draft\n---\nBeli sekarang.\n")

    return make_plan({"content/posts/a.md": post("a", "2026-12-10"),
                      "content/posts/b.md": post("b", "2026-12-25"),
                      "content/posts/c.md": post("c", "2026-12-24")}, rules=rules)


def test_add_and_remove_take_effect_everywhere(make_plan: Callable[..., Path]) -> None:
    result = check_plan(add_remove_plan(make_plan), TODAY)
    holidays = sorted((d.post, d.message) for d in result.diagnostics if d.code == "SMM406")
    assert holidays == [
        ("a", "hard-sell post on a national holiday: 2026-12-10 Founders' Day"),
        ("c", "hard-sell post on a national holiday: 2026-12-24 Christmas Joint Holiday")]
    dec = render_pages(result)["/calendar/2026-12/"]
    assert "Founders' Day" in html.unescape(cell(dec, "2026-12-10"))
    assert "smm-holiday-name" not in cell(dec, "2026-12-25")
    days = holiday_feed(render_feeds(result.plan, today=TODAY))
    assert days[dt.date(2026, 12, 10)] == "Founders' Day"
    assert dt.date(2026, 12, 25) not in days and dt.date(2027, 12, 25) in days


RAMADAN_RULES = """\
timezone: Asia/Jakarta
pillars:
  education: {target: 50%}
  hard-sell: {max: 20%}
mix: {window: week, tolerance: 60%, min_posts: 5}
channels:
  x: {platform: x, name: X, per_day: [0, 3]}
seasons:
  ramadan-1448:
    name: Ramadan 1448 H
    start: 2027-02-08
    end: 2027-03-09
    pillars: {hard-sell: {max: 15%}}
    channels: {x: {per_day: [0, 1]}}
"""


def week_of_posts(monday: dt.date, hard_sell: int, total: int) -> dict[str, str]:
    out = {}
    for i in range(total):
        day = monday + dt.timedelta(days=i % 6)
        pillar = "hard-sell" if i < hard_sell else "education"
        out[f"content/posts/{monday}-{i}.md"] = (
            f"---\ntitle: p{i}\ndate: {day} {8 + i // 6}:00\nchannel: x\npillar: {pillar}\n"
            "status: draft\n---\nHalo.\n")
    return out


def test_a_hard_sell_share_that_passes_outside_ramadan_fails_inside_it(
        make_plan: Callable[..., Path]) -> None:
    # 1 of 6 is 17%: under the plan's 20%, over Ramadan's 15%
    files = {**week_of_posts(dt.date(2027, 1, 25), 1, 6),   # 2027-W04, before Ramadan
             **week_of_posts(dt.date(2027, 2, 15), 1, 6)}   # 2027-W07, inside it
    result = check_plan(make_plan(files, rules=RAMADAN_RULES), TODAY)
    over = [d for d in result.diagnostics if d.code == "SMM202"]
    assert [(d.message, d.line, d.column) for d in over] == [
        ("hard-sell 17% in 2027-W07, max 15% (season ramadan-1448): 1 of 6 posts", 13, 32)]


def test_per_day_inside_the_season(make_plan: Callable[..., Path]) -> None:
    def two(day: str) -> dict[str, str]:
        return {f"content/posts/{day}-{i}.md": f"---\ntitle: t{i}\ndate: {day} {9 + i}:00\n"
                f"channel: x\npillar: education\nstatus: draft\n---\nHalo.\n" for i in (0, 1)}

    result = check_plan(make_plan({**two("2027-02-01"), **two("2027-02-10")},
                                  rules=RAMADAN_RULES), TODAY)
    assert [(d.message, d.file) for d in result.diagnostics if d.code == "SMM101"] == [
        ("x has 2 posts on 2027-02-10 (max 1 in season ramadan-1448)",
         "content/posts/2027-02-10-1.md")]


@pytest.mark.parametrize(("monday", "judged_by_season"), [
    (dt.date(2027, 2, 1), False),   # W05: 1..7 Feb, no day of Ramadan
    (dt.date(2027, 3, 8), False),   # W10: 8..14 Mar, two days of seven (8, 9) in Ramadan
    (dt.date(2027, 3, 1), True),    # W09: all seven
])
def test_a_window_straddling_the_season_edge_goes_with_the_majority_of_its_days(
        make_plan: Callable[..., Path], monday: dt.date, judged_by_season: bool) -> None:
    result = check_plan(make_plan(week_of_posts(monday, 1, 6), rules=RAMADAN_RULES), TODAY)
    over = [d for d in result.diagnostics if d.code == "SMM202"]
    assert bool(over) is judged_by_season


def test_a_straddling_week_with_four_season_days_is_the_seasons(
        make_plan: Callable[..., Path]) -> None:
    rules = RAMADAN_RULES.replace("start: 2027-02-08", "start: 2027-02-04")
    # 2027-W05 runs 1..7 February: 4..7 are in the season, four days of seven
    result = check_plan(make_plan(week_of_posts(dt.date(2027, 2, 1), 1, 6), rules=rules), TODAY)
    assert [d.code for d in result.diagnostics if d.code == "SMM202"] == ["SMM202"]


BAD = """\
timezone: Asia/Jakarta
holidays:
  country: ID
  add: [{date: 2026-12-25, name: Natal lagi}]
  remove: [2026-12-02]
horizon: 18250d
channels:
  x: {platform: x, name: X}
seasons:
  mundur: {name: Mundur, start: 2027-03-09, end: 2027-02-08}
  nol: {name: Nol, days_of_month: [0, 1]}
  a: {name: A, start: 2027-01-01, end: 2027-01-31, pillars: {hard-sell: {max: 10%}}}
  b: {name: B, start: 2027-01-15, end: 2027-02-15, pillars: {hard-sell: {max: 30%}}}
"""


def test_bad_calendar_settings_are_diagnostics_with_positions(
        make_plan: Callable[..., Path], cli) -> None:
    root = make_plan({}, rules=BAD)
    result = cli("-C", str(root), "check", "--today", EXAMPLE_TODAY)
    lines = [x for x in result.output.splitlines() if x.startswith("guidelines/")]
    assert lines == [
        "guidelines/rules.yml:4:16: warning[SMM007] 'holidays.add': 2026-12-25 already is a "
        "holiday (Christmas Day); both names are shown",
        "guidelines/rules.yml:5:12: warning[SMM007] 'holidays.remove': 2026-12-02 is no holiday "
        "of ID in categories public, government; nothing to remove",
        "guidelines/rules.yml:6:10: error[SMM007] 'horizon' 18250d is longer than the maximum of "
        "1826d (5 years); the calendar is drawn 5 years ahead",
        "guidelines/rules.yml:10:50: error[SMM007] season 'mundur' ends (2027-02-08) before it "
        "starts (2027-03-09)",
        "guidelines/rules.yml:11:36: error[SMM007] season 'nol': day of month 0 is not between 1 "
        "and 31",
        "guidelines/rules.yml:13:79: error[SMM007] seasons 'a' and 'b' both hold 2027-01-15 and "
        "set pillars.hard-sell.max differently",
    ]
    assert result.exit_code == 1


def test_an_unknown_country_is_smm007_at_its_value(make_plan: Callable[..., Path], cli) -> None:
    root = make_plan({}, rules="timezone: UTC\nholidays: {country: XQ}\n"
                                "channels: {x: {platform: x}}\n")
    result = cli("-C", str(root), "check")
    assert "guidelines/rules.yml:2:21: error[SMM007] 'holidays' country 'XQ' is not one the " \
           "holidays package knows" in result.output
    assert "Traceback" not in result.output


def test_fifty_years_of_horizon_draw_five(make_plan: Callable[..., Path]) -> None:
    rules = "timezone: UTC\nhorizon: 18250d\nchannels: {x: {platform: x, name: X}}\n"
    result = check_plan(make_plan({}, rules=rules), TODAY)
    assert [d.code for d in result.diagnostics] == ["SMM007"]
    months = [a for a in render_pages(result) if re.fullmatch(r"/calendar/\d{4}-\d\d/", a)]
    assert months[0] == "/calendar/2026-11/" and months[-1] == "/calendar/2031-11/"
