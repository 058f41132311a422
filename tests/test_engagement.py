"""Report v2 (SPEC §11) and the analytics pages against figures worked out by hand from the
plan files below: each rate is (likes + comments + shares + saves) / reach over the entry's
occurrences with a reach, in percent, rounded once to one decimal, halves up; per 1,000
followers uses the latest audience count on or before the window's end.

The hand computation, occurrence by occurrence (interactions / reach):
    a  instagram 2026-10-05 Mon 09:00  60 / 1000   6.0%
    b  instagram 2026-10-12 Mon 09:00 140 / 2000   7.0%   (a cross-post: one row per channel)
    b  facebook  2026-10-12 Mon 09:00  36 /  800   4.5%
    c  instagram 2026-10-19 Mon 09:30  80 / 1600   5.0%
    d  instagram 2026-11-03 Tue 19:00  89 / 1250   7.12%  -> 7.1%
    e  x         2026-11-10 Tue 19:00  53 / -      no reach: no rate
    f  facebook  2026-12-01 Tue 09:00  13 /  400   3.25%  -> 3.3% (half up; half-even says 3.2)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from test_metrics_import import post_file

from smmplan.check import check_plan
from smmplan.pages import render_pages

TODAY = "2026-12-31"
RULES = """\
timezone: Asia/Jakarta
channels:
  instagram: {platform: instagram, name: Instagram}
  facebook: {platform: facebook, name: Facebook}
  x: {platform: x, name: X}
"""


def _post(pid: str, date: str, channel: str, pillar: str, fmt: str, extra: str = "") -> str:
    return post_file(pid, date, channel).replace(
        "pillar: education\n", f"pillar: {pillar}\nformat: {fmt}\neditor: dimas\n{extra}")


FILES = {
    "content/posts/a.md": _post("a", "2026-10-05 09:00", "instagram", "education", "photo",
                                "personas: [pekerja]\ncampaign: launch\n"),
    "content/posts/b.md": _post("b", "2026-10-12 09:00", "[instagram, facebook]", "soft-sell",
                                "reel", "personas: [pekerja, mahasiswa]\n"),
    "content/posts/c.md": _post("c", "2026-10-19 09:30", "instagram", "education", "photo"),
    "content/posts/d.md": _post("d", "2026-11-03 19:00", "instagram", "hard-sell", "carousel",
                                "campaign: launch\n"),
    "content/posts/e.md": _post("e", "2026-11-10 19:00", "x", "quote", "text"),
    "content/posts/f.md": _post("f", "2026-12-01 09:00", "facebook", "education", "video"),
    "content/campaigns/launch.md": "---\nname: Launch\nstart: 2026-10-01\nend: 2026-11-30\n"
                                   "---\nBrief.\n",
    "guidelines/team.yml": "members:\n  dimas: {name: Dimas, roles: [editor]}\n",
    "personas/pekerja.yml": "name: Pekerja\nlast_reviewed: 2026-10-01\n",
    "personas/mahasiswa.yml": "name: Mahasiswa\nlast_reviewed: 2026-10-01\n",
    "data/metrics/q4.csv": (
        "post,channel,date,reach,impressions,likes,comments,shares,saves,clicks\n"
        "a,instagram,2026-10-05,1000,1500,50,5,3,2,10\n"
        "b,instagram,2026-10-12,2000,2600,120,10,6,4,\n"
        "b,facebook,2026-10-12,800,900,30,4,2,,8\n"
        "c,instagram,2026-10-19,1600,2000,70,6,2,2,\n"
        "d,instagram,2026-11-03,1250,1400,80,4,3,2,5\n"
        "e,x,2026-11-10,,3000,40,8,5,,12\n"
        "f,facebook,2026-12-01,400,500,10,2,1,,3\n"),
    "data/audience.csv": (
        "channel,date,followers\n"
        "instagram,2026-10-05,10000\n"
        "instagram,2026-10-31,10400\n"
        "instagram,2026-11-20,10800\n"
        "facebook,2026-10-12,2000\n"),
}


@pytest.fixture
def plan(make_plan: Callable[..., Path]) -> Path:
    return make_plan(FILES, rules=RULES)


def _json(cli: Callable[..., Result], plan: Path, window: str) -> dict:
    result = cli("-C", str(plan), "report", "--window", window, "--format", "json",
                 "--today", TODAY)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _by(entries: list[dict], key: str) -> dict:
    return {e[key]: e for e in entries}


def test_the_plan_checks_clean(plan: Path) -> None:
    result = check_plan(plan, dt.date(2026, 12, 31))
    assert [d for d in result.diagnostics if d.severity != "info"] == []


def test_month_by_month_per_channel(cli: Callable[..., Result], plan: Path) -> None:
    data = _json(cli, plan, "month")
    assert data["version"] == 2
    assert [w["window"] for w in data["engagement"]] == ["2026-10", "2026-11", "2026-12"]
    october, november, december = data["engagement"]
    channels = _by(october["channels"], "channel")
    assert list(channels) == ["facebook", "instagram"]
    # the cross-post b counts on instagram with instagram's numbers and on facebook with
    # facebook's: 36 / 800, and 36 per 2,000 followers
    assert channels["facebook"] == {
        "channel": "facebook", "posts": 1, "interactions": 36, "engagement_rate": 0.045,
        "metrics": {"reach": 800, "impressions": 900, "likes": 30, "comments": 4, "shares": 2,
                    "clicks": 8},
        "followers": 2000, "per_1000_followers": 18.0}
    # a + b + c: 280 / 4600 = 6.087%; 280 per 10,400 followers (31 October) = 26.92
    assert channels["instagram"]["posts"] == 3
    assert channels["instagram"]["metrics"] == {
        "reach": 4600, "impressions": 6100, "likes": 240, "comments": 21, "shares": 11,
        "saves": 8, "clicks": 10}
    assert channels["instagram"]["engagement_rate"] == 0.061
    assert channels["instagram"]["followers"] == 10400
    assert channels["instagram"]["per_1000_followers"] == 26.9
    assert october["all"]["posts"] == 4 and october["all"]["engagement_rate"] == 0.059
    nov = _by(november["channels"], "channel")
    # 89 / 1250 = 7.12%; 89 per 10,800 followers (20 November) = 8.24
    assert (nov["instagram"]["engagement_rate"], nov["instagram"]["per_1000_followers"]) == \
        (0.071, 8.2)
    # X reports no reach and has no follower count: no rate, no per 1,000
    assert nov["x"]["engagement_rate"] is None and nov["x"]["per_1000_followers"] is None
    assert nov["x"]["followers"] is None and nov["x"]["interactions"] == 53
    assert november["all"]["engagement_rate"] == 0.071  # only d has a reach
    fb = _by(december["channels"], "channel")["facebook"]
    assert (fb["engagement_rate"], fb["per_1000_followers"]) == (0.033, 6.5)  # 3.25% half up


def test_groups_by_pillar_format_persona_campaign_and_slot(cli: Callable[..., Result],
                                                          plan: Path) -> None:
    october = _json(cli, plan, "month")["engagement"][0]

    def rates(name: str, key: str) -> dict:
        return {e[key]: (e["posts"], e["engagement_rate"]) for e in october[name]}

    # education a + c: 140 / 2600 = 5.38%; soft-sell b twice: 176 / 2800 = 6.29%
    assert rates("pillars", "pillar") == {"education": (2, 0.054), "soft-sell": (2, 0.063)}
    assert rates("formats", "format") == {"photo": (2, 0.054), "reel": (2, 0.063)}
    # pekerja a + b twice: 236 / 3800 = 6.21%
    assert rates("personas", "persona") == {"mahasiswa": (2, 0.063), "pekerja": (3, 0.062)}
    # no campaign: b twice and c, 256 / 4400 = 5.82%
    assert rates("campaigns", "campaign") == {"launch": (1, 0.06), None: (3, 0.058)}
    assert [(s["weekday"], s["hour"], s["posts"], s["engagement_rate"])
            for s in october["slots"]] == [("mon", 9, 4, 0.059)]


def test_quarter_window_and_best_slots(cli: Callable[..., Result], plan: Path) -> None:
    data = _json(cli, plan, "quarter")
    assert [w["window"] for w in data["engagement"]] == ["2026-Q4"]
    q4 = data["engagement"][0]
    assert (q4["start"], q4["end"]) == ("2026-10-01", "2026-12-31")
    channels = _by(q4["channels"], "channel")
    # instagram a b c d: 369 / 5850 = 6.31%, per 10,800 followers 34.17
    assert (channels["instagram"]["engagement_rate"],
            channels["instagram"]["per_1000_followers"]) == (0.063, 34.2)
    # facebook b f: 49 / 1200 = 4.08%, per 2,000 followers 24.5
    assert (channels["facebook"]["engagement_rate"],
            channels["facebook"]["per_1000_followers"]) == (0.041, 24.5)
    assert q4["all"]["engagement_rate"] == 0.059  # 418 / 7050 = 5.93%
    # Monday 09:00 on instagram has a, b and c (3, the minimum); Tuesday 19:00 only d
    assert data["min_slot_posts"] == 3
    assert data["best_slots"] == {"instagram": [
        {"weekday": "mon", "hour": 9, "posts": 3, "engagement_rate": 0.061}]}


def test_text_and_markdown_show_the_same_figures(cli: Callable[..., Result], plan: Path) -> None:
    text = cli("-C", str(plan), "report", "--window", "quarter", "--today", TODAY).output
    assert re.search(r"^  instagram +4 +5850 +7500 +320 +25 +14 +10 +15 +6\.3% +10800 +34\.2$",
                     text, re.M), text
    assert re.search(r"^  facebook +2 +1200 +1400 +40 +6 +3 +- +11 +4\.1% +2000 +24\.5$",
                     text, re.M), text
    assert re.search(r"^  x +1 +- +3000 +40 +8 +5 +- +12 +- +- +-$", text, re.M), text
    assert re.search(r"^  instagram +mon +09:00 +3 +6\.1%$", text, re.M), text
    markdown = cli("-C", str(plan), "report", "--window", "month", "--format", "markdown",
                   "--today", TODAY).output
    assert "| facebook | 1 | 400 | 500 | 10 | 2 | 1 | - | 3 | 3.3% | 2000 | 6.5 |" in markdown


def test_numbers_of_a_later_day_do_not_count_yet(cli: Callable[..., Result],
                                                 plan: Path) -> None:
    # on 30 November, f (1 December) is still to come: its row is an error, not a figure
    data = _json(cli, plan, "month")
    early = cli("-C", str(plan), "report", "--window", "month", "--format", "json",
                "--today", "2026-11-30")
    assert [w["window"] for w in json.loads(early.output)["engagement"]] == \
        ["2026-10", "2026-11"]
    assert len(data["engagement"]) == 3
    check = cli("-C", str(plan), "check", "--today", "2026-11-30")
    assert ("data/metrics/q4.csv:8:3: error[SMM003] numbers for f on facebook on 2026-12-01, "
            "which is after today (2026-11-30): it has not been published yet") in check.output


def test_pages_show_the_report_figures(plan: Path) -> None:
    pages = render_pages(check_plan(plan, dt.date(2026, 12, 31)))
    engagement = pages["/engagement/"]
    # per month: October's instagram row, ER then followers then per 1,000
    assert re.search(r"Instagram</a></td><td>3</td><td>4,600</td><td>6,100</td><td>240</td>"
                     r"<td>21</td><td>11</td><td>8</td><td>10</td><td>6\.1%</td><td>10,400</td>"
                     r"<td>26\.9</td>", engagement)
    # the trend table: month, ER per channel, then per 1,000 per channel
    assert ("<tr><td>2026-12</td><td>3.3%</td><td>—</td><td>—</td><td>6.5</td><td>—</td>"
            "<td>—</td></tr>") in engagement
    # top posts: d 7.12%, b on instagram 7.0%, a 6.0%, c 5.0%, b on facebook 4.5%
    top = engagement.split('smm-top-posts"')[1].split("</table>")[0]
    assert re.findall(r'href="\.\./posts/(\w)/".*?(\d+\.\d%)</td></tr>', top) == [
        ("d", "7.1%"), ("b", "7.0%"), ("a", "6.0%"), ("c", "5.0%"), ("b", "4.5%")]
    bottom = engagement.split('smm-bottom-posts"')[1].split("</table>")[0]
    assert re.findall(r'href="\.\./posts/(\w)/".*?(\d+\.\d%)</td></tr>', bottom) == [
        ("f", "3.3%")]
    # the planned mix against what each pillar earned: education planned 3 of 7 occurrences
    # (43%), earned a + c + f = 153 of 471 interactions (32%); ER 153 / 3000 = 5.1%
    assert re.search(r"education</span></td><td>—</td><td>43%</td><td>3</td><td>32%</td>"
                     r"<td>5\.1%</td>", engagement), engagement
    # best slot, heat map cell
    assert "<td>Instagram</td><td>Mon</td><td>09:00</td><td>3</td><td>6.1%</td>" in engagement
    assert "Mon 09:00 5.9% (4 posts)" in engagement
    report = pages["/reports/2026-q4/"]
    assert report.startswith('---\ntitle: "Report 2026-Q4"\n')
    assert "@media print" in report
    assert re.search(r"Instagram</a></td><td>4</td><td>5,850</td>.*?<td>6\.3%</td><td>10,800"
                     r"</td><td>34\.2</td>", report)
    # followers over the quarter: instagram from its first count (5 October) to 20 November
    assert re.search(r"Instagram</a></td><td>10,000</td><td>10,800</td><td>\+800</td>", report)
    assert re.search(r"Facebook</a></td><td>2,000</td><td>2,000</td><td>0</td>", report)
    assert '<a href="../reports/2026-q4/">2026-Q4</a>' in engagement
    assert "<svg" in engagement and "<svg" in report
