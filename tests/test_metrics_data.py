"""``data/metrics/*.csv`` and ``data/audience.csv``: read with positions, and every kind of bad
row reported at its cell (SPEC §6.3, issue 13's bad input)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from test_metrics_import import RULES, post_file

from smmplan.diagnostics import Diagnostic
from smmplan.load import load_plan
from smmplan.metrics.checks import check_audience, resolve
from smmplan.metrics.data import load_audience, load_metrics
from smmplan.metrics.occurrences import plan_occurrences

TODAY = dt.date(2026, 11, 20)
_post = post_file


FILES = {
    "content/posts/a.md": _post("kopi-launch", "2026-11-02 10:00", "[instagram, facebook]"),
    "content/posts/b.md": _post("seduh", "2026-11-05 19:00", "instagram"),
    "content/posts/c.md": _post("nanti", "2026-12-05 19:00", "instagram", "scheduled"),
    "content/posts/d.md": _post("batal", "2026-11-06 19:00", "x", "cancelled"),
    "data/metrics/instagram-2026-11.csv": (
        "post,channel,date,reach,impressions,likes,comments,shares,saves,clicks,views\n"
        "kopi-launch,instagram,2026-11-02,1830,2450,212,25,14,40,,\n"    # 2 fine
        "kopi-launch,facebook,,2204,3100,101,22,14,,96,\n"               # 3 fine (one occurrence)
        "seduh,instagram,2026-11-05,-4,10,1,0,0,0,0,\n"                 # 4 negative reach
        "seduh,instagram,2026-11-05,90,10,1.5,0,0,0,0,\n"               # 5 not a whole number
        "seduh,x,2026-11-05,90,10,1,0,0,0,0,\n"                         # 6 channel not used
        "kopi,instagram,2026-11-02,1,1,1,1,1,1,1,\n"                     # 7 unknown post
        "nanti,instagram,2026-12-05,10,10,1,0,0,0,0,\n"                 # 8 future
        "kopi-launch,instagram,2026-11-02,1,1,1,1,1,1,1,\n"              # 9 twice
        "seduh,instagram,2026-11-06,10,10,1,0,0,0,0,\n"                 # 10 no such occurrence
        "seduh,instagram,2026-11-05,40,100,50,5,3,2,1,\n"               # 11 reach < interactions
        "batal,x,2026-11-06,1,1,1,1,1,1,1,\n"                            # 12 cancelled
        "seduh,instagram,05/11/2026,1,1,1,1,1,1,1,\n"                    # 13 bad date
    ),
    "data/audience.csv": (
        "channel,date,followers\n"
        "instagram,2026-11-01,12000\n"       # 2 before the first post (2026-11-02)
        "instagram,2026-11-15,12400\n"       # 3 fine
        "instagram,2026-11-15,12500\n"       # 4 twice
        "threads,2026-11-15,100\n"           # 5 unknown channel
        "facebook,2026-11-30,800\n"          # 6 future
        "facebook,2026-11-10,-1\n"           # 7 negative
        "facebook,,900\n"                    # 8 no date
    ),
}


def _lines(diagnostics: list[Diagnostic]) -> list[str]:
    return [f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}"
            for d in sorted(diagnostics, key=Diagnostic.sort_key)]


def test_every_bad_row_is_reported_at_its_cell(make_plan: Callable[..., Path]) -> None:
    root = make_plan(FILES, rules=RULES)
    plan, _ = load_plan(root)
    out: list[Diagnostic] = []
    records = load_metrics(root, out)
    occurrences = plan_occurrences(plan)
    kept = resolve(plan, occurrences, records, TODAY, out)
    audience = check_audience(plan, occurrences, load_audience(root, out), TODAY, out)
    m = "data/metrics/instagram-2026-11.csv"
    assert _lines(out) == [
        "data/audience.csv:2:2: SMM601 a follower count for 2026-11-01, before instagram's "
        "first post in the plan (2026-11-02); a typo in the date?",
        "data/audience.csv:4:1: SMM005 instagram has two follower counts for 2026-11-15; the "
        "first at data/audience.csv:3 is used",
        "data/audience.csv:5:1: SMM006 unknown channel 'threads'",
        "data/audience.csv:6:2: SMM003 a follower count for 2026-11-30, which is after today "
        "(2026-11-20)",
        "data/audience.csv:7:3: SMM003 followers: '-1' is negative; a count is a whole number "
        "≥ 0 written with digits only",
        "data/audience.csv:8:2: SMM002 date is missing",
        f"{m}:1:11: SMM004 unknown column 'views'; did you mean 'video_views'?",
        f"{m}:4:4: SMM003 reach: '-4' is negative; a count is a whole number ≥ 0 written with "
        "digits only",
        f"{m}:5:6: SMM003 likes: '1.5' is not a whole number; a count is a whole number ≥ 0 "
        "written with digits only",
        f"{m}:6:2: SMM006 seduh does not go out on x; its channels: instagram",
        f"{m}:7:1: SMM006 unknown post 'kopi'",
        f"{m}:8:3: SMM003 numbers for nanti on instagram on 2026-12-05, which is after today "
        "(2026-11-20): it has not been published yet",
        f"{m}:9:1: SMM005 numbers for kopi-launch on instagram (2026-11-02) are given twice; "
        f"the first at {m}:2 is used",
        f"{m}:10:3: SMM003 seduh has no occurrence on instagram on 2026-11-06 (it goes out on "
        "2026-11-05)",
        f"{m}:11:4: SMM601 reach 40 is smaller than the 60 interactions (likes, comments, "
        "shares, saves) of the same post; a column mix-up?",
        f"{m}:12:1: SMM003 batal is cancelled without a publication date: it cannot have "
        "numbers",
        f"{m}:13:3: SMM003 date '05/11/2026' is not a date YYYY-MM-DD",
    ]
    assert [(r.record.post, r.occurrence.channel, r.record.at.line) for r in kept] == [
        ("kopi-launch", "instagram", 2), ("kopi-launch", "facebook", 3), ("seduh", "instagram", 11)]
    assert kept[0].record.values == {"reach": 1830, "impressions": 2450, "likes": 212,
                                     "comments": 25, "shares": 14, "saves": 40}
    assert [(a.channel, a.date.isoformat(), a.followers) for a in audience] == [
        ("instagram", "2026-11-01", 12000), ("instagram", "2026-11-15", 12400)]


def test_missing_columns_and_unreadable_files(make_plan: Callable[..., Path]) -> None:
    root = make_plan({
        "data/metrics/a.csv": "post,date,likes\nx,2026-11-01,1\n",
        "data/metrics/b.csv": b"post,channel\n\xff\n",
        "data/audience.csv": "",
    }, rules=RULES)
    out: list[Diagnostic] = []
    assert load_metrics(root, out) == ()
    assert load_audience(root, out) == ()
    assert _lines(out) == [
        "data/metrics/a.csv:1:1: SMM002 missing column channel",
        "data/metrics/b.csv:2:1: SMM008 file is not UTF-8 (byte 0xff)",
    ]
