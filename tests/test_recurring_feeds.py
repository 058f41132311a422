"""Recurring posts in a real build (SPEC §5.1): the feeds, expanded by three parsers smmplan did
not write (ical.js, recurring-ical-events, vobject), hold exactly the occurrences the site's
month grids show, across both changes of daylight saving time in America/New_York and at month
ends (``on: [31]``, ``on: [-1]``), with holidays and ``except`` days left out."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject

from smmplan.build import build_site

JS = Path(__file__).resolve().parent / "js"
NY = ZoneInfo("America/New_York")
TODAY = dt.date(2027, 9, 1)
#: today + the default horizon of 90 days: where the repeat without an end stops on the site
HORIZON = dt.date(2027, 11, 30)
#: where the parsers stop expanding: past every rule with an end
END = dt.date(2028, 12, 31)

RULES = """\
timezone: America/New_York
holidays: US
channels:
  instagram: {platform: instagram, name: Instagram, per_day: [0, 5]}
  x: {platform: x, name: X, per_day: [0, 5], duplicate_within: 0m}
"""
MKDOCS = """\
site_name: Recurring
site_url: https://example.org/plan/
docs_dir: content
theme: {name: material}
plugins: [search, smmplan]
"""


def post(title: str, date: str, repeat: str, channel: str = "[instagram, x]") -> str:
    return (f"---\ntitle: {title}\ndate: {date}\nchannel: {channel}\npillar: education\n"
            f"repeat: {repeat}\n---\n{title}: the caption.\n")


POSTS = {
    # Mondays and Thursdays across 14 March 2027 (clocks go forward), one Thursday left out
    "dst-weekly": post("DST weekly", "2027-03-01 07:30",
                       "{every: week, on: [mon, thu], count: 10, except: [2027-03-11]}"),
    # every day across 7 November 2027 (clocks go back)
    "fall-daily": post("Fall daily", "2027-11-05 18:00", "{every: day, until: 2027-11-10}"),
    # the 31st: months without one have no occurrence
    "month-31": post("Month 31", "2027-01-31 20:00",
                     "{every: month, on: [31], until: 2027-12-31}", channel="x"),
    # the last day of every month, all day
    "month-last": post("Month last", "2027-01-31", "{every: month, on: [-1], count: 13}",
                       channel="instagram"),
    # Memorial Day (31 May 2027) is left out
    "holiday-skip": post("Holiday skip", "2027-05-24 12:00",
                         "{every: week, count: 3, skip: [holidays]}", channel="x"),
    # no end: the site shows it through the horizon, the feed carries it without an end; one
    # day left out inside the horizon, one after it (the feed leaves out both)
    "open-ended": post("Open ended", "2027-10-01 09:00",
                       "{every: week, interval: 2, except: [2027-11-26, 2027-12-24]}",
                       channel="instagram"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("recurring") / "plan"
    files = {"mkdocs.yml": MKDOCS, "guidelines/rules.yml": RULES,
             **{f"content/posts/{k}.md": v for k, v in POSTS.items()}}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    outcome = build_site(root, root / "site", today=TODAY)
    assert outcome.site_dir is not None, outcome.result.diagnostics
    assert not outcome.result.errors
    return outcome.site_dir


Starts = dict[str, set[str]]
"""Post id -> its occurrences as ``YYYY-MM-DD HH:MM`` in New York (``YYYY-MM-DD`` all day)."""


def grid_starts(site: Path) -> Starts:
    """What the month grids show: each entry of each day cell, with its time."""
    found: Starts = defaultdict(set)
    cell = re.compile(r'<td class="smm-day[^"]*" data-date="([0-9-]+)">(.*?)</td>', re.DOTALL)
    entry = re.compile(r'data-post="([^"]+)".*?<span class="smm-time">([^<]*)</span>', re.DOTALL)
    for page in sorted((site / "calendar").glob("*/index.html")):
        for day, content in cell.findall(page.read_text(encoding="utf-8")):
            for post_id, time in entry.findall(content):
                time = html.unescape(time)
                found[post_id].add(day if not re.match(r"\d\d:\d\d$", time) else f"{day} {time}")
    return dict(found)


def _local(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return f"{value.astimezone(NY):%Y-%m-%d %H:%M}"
    return value.isoformat()


def _post_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def by_parser(site: Path) -> dict[str, dict[tuple[str, str], set[str]]]:
    """(post id, summary) -> occurrences through :data:`END`, as each parser expands the feed."""
    feed = site / "calendar.ics"
    data = feed.read_bytes()
    out: dict[str, dict[tuple[str, str], set[str]]] = {}

    done = subprocess.run(["node", str(JS / "expand-ics.mjs"), END.isoformat(), str(feed)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    cal = icalendar.Calendar.from_ical(data)
    urls = {str(e["UID"]): _post_of(str(e["URL"])) for e in cal.walk("VEVENT")}
    js: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event in json.loads(done.stdout)[str(feed)]:
        for start in event["starts"]:
            value = dt.date.fromisoformat(start) if len(start) == 10 else \
                dt.datetime.fromisoformat(start.replace("Z", "+00:00"))
            js[(urls[event["uid"]], event["summary"])].add(_local(value))
    out["ical.js"] = dict(js)

    rie: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event in recurring_ical_events.of(cal).between(dt.date(2027, 1, 1),
                                                       END + dt.timedelta(days=1)):
        rie[(_post_of(str(event["URL"])), str(event["SUMMARY"]))].add(_local(event["DTSTART"].dt))
    out["recurring-ical-events"] = dict(rie)

    vo: dict[tuple[str, str], set[str]] = defaultdict(set)
    calendar = vobject.readOne(data.decode("utf-8"), validate=True)
    until = dt.datetime.combine(END, dt.time(23, 59), NY)
    for event in calendar.vevent_list:
        start = event.dtstart.value
        key = (_post_of(event.url.value), event.summary.value)
        if not hasattr(event, "rrule"):
            vo[key].add(_local(start))
            continue
        rules = event.getrruleset()
        if isinstance(start, dt.datetime):
            starts = rules.between(start - dt.timedelta(days=1), until, inc=True)
        else:
            naive = dt.datetime.combine(END, dt.time(23, 59))
            starts = [s.date() for s in rules.between(dt.datetime(2027, 1, 1), naive, inc=True)]
        vo[key].update(_local(s) for s in starts)
    out["vobject"] = dict(vo)
    return out


def expected() -> Starts:
    """The occurrences worked out by hand from a calendar of 2027 and 2028."""
    def days(*items: str) -> set[str]:
        return set(items)

    return {
        "dst-weekly": days("2027-03-01 07:30", "2027-03-04 07:30", "2027-03-08 07:30",
                           "2027-03-15 07:30", "2027-03-18 07:30", "2027-03-22 07:30",
                           "2027-03-25 07:30", "2027-03-29 07:30", "2027-04-01 07:30"),
        "fall-daily": {f"2027-11-{d:02d} 18:00" for d in range(5, 11)},
        "month-31": {f"2027-{m:02d}-31 20:00" for m in (1, 3, 5, 7, 8, 10, 12)},
        "month-last": days("2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31",
                           "2027-06-30", "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31",
                           "2027-11-30", "2027-12-31", "2028-01-31"),
        "holiday-skip": days("2027-05-24 12:00", "2027-06-07 12:00"),
        "open-ended": days("2027-10-01 09:00", "2027-10-15 09:00", "2027-10-29 09:00",
                           "2027-11-12 09:00"),
    }


def test_grids_show_every_occurrence(site: Path) -> None:
    assert grid_starts(site) == expected()


@pytest.mark.parametrize("parser", ["ical.js", "recurring-ical-events", "vobject"])
def test_feeds_expand_to_the_grids(site: Path, parser: str) -> None:
    grids = grid_starts(site)
    found = by_parser(site)[parser]
    channels = {k: {"Instagram", "X"} if "channel: [" in v else
                {"X" if "channel: x" in v else "Instagram"} for k, v in POSTS.items()}
    for post_id, starts in grids.items():
        for name in channels[post_id]:
            title = re.search(r"title: (.*)", POSTS[post_id]).group(1)  # type: ignore[union-attr]
            theirs = found[(post_id, f"{name}: {title}")]
            if post_id == "open-ended":  # the feed has no end; the site stops at the horizon
                assert "2027-12-10 09:00" in theirs and "2027-12-24 09:00" not in theirs
                theirs = {s for s in theirs if s[:10] <= HORIZON.isoformat()}
            assert theirs == starts, (parser, post_id, name)


def test_one_event_per_post_and_channel_with_rrule_and_exdate(site: Path) -> None:
    cal = icalendar.Calendar.from_ical((site / "calendar.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 8  # two cross-posts on two channels, four single-channel posts
    by_summary = {str(e["SUMMARY"]): e for e in events}
    dst = by_summary["Instagram: DST weekly"]
    assert dst["DTSTART"].to_ical() == b"20270301T073000"
    assert dst["DTSTART"].params["TZID"] == "America/New_York"
    assert dst["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=10;BYDAY=MO,TH"
    assert [d.dt for x in [dst["EXDATE"]] for d in x.dts] == [
        dt.datetime(2027, 3, 11, 7, 30, tzinfo=dst["DTSTART"].dt.tzinfo)]
    assert by_summary["X: Holiday skip"]["EXDATE"].dts[0].dt.date() == dt.date(2027, 5, 31)
    assert b"UNTIL" not in by_summary["Instagram: Open ended"]["RRULE"].to_ical()
    assert b"COUNT" not in by_summary["Instagram: Open ended"]["RRULE"].to_ical()
    assert [d.dt.date() for x in by_summary["Instagram: Open ended"]["EXDATE"] for d in x.dts] \
        == [dt.date(2027, 11, 26), dt.date(2027, 12, 24)]
    assert len(list(cal.walk("VTIMEZONE"))) == 1


def test_post_page_lists_upcoming_and_skipped(site: Path) -> None:
    page = (site / "posts" / "holiday-skip" / "index.html").read_text(encoding="utf-8")
    assert "every: week · count: 3 · skip: holidays" in page
    assert re.search(r"Mon 2027-05-31</a> — national holiday: Memorial Day", page)
    page = (site / "posts" / "open-ended" / "index.html").read_text(encoding="utf-8")
    assert "shown through 2027-11-30" in page
    assert page.count("Fri 2027-1") == 5  # four upcoming, one left out

