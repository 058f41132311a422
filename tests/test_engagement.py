"""Engagement per window and channel group, from published posts' metrics."""

from __future__ import annotations

import json
from fractions import Fraction

from smmplan.engagement import engagement, rate_text
from smmplan.load import load_plan


def _post(name: str, date: str, channel: str, status: str, metrics: str) -> tuple[str, str]:
    return (f"content/posts/{name}.md",
            f"---\ntitle: {name}\ndate: {date}\nchannel: {channel}\npillar: education\n"
            f"status: {status}\n{metrics}---\nHalo.\n")


FILES = dict([
    _post("a", "2026-11-02 09:00", "instagram", "published",
          "metrics: {reach: 1000, likes: 50, comments: 5, shares: 3, saves: 2, clicks: 9}\n"),
    _post("b", "2026-11-03 09:00", "[instagram, x]", "published",
          "metrics: {reach: 3000, likes: 100, comments: 20}\n"),
    _post("c", "2026-11-04 09:00", "x", "published", "metrics: {likes: 7}\n"),
    _post("d", "2026-11-05 09:00", "x", "scheduled", "metrics: {reach: 99, likes: 99}\n"),
    _post("e", "2026-12-01 09:00", "instagram", "published", "metrics: {reach: 10, likes: 1}\n"),
    _post("f", "2026-12-02 09:00", "instagram", "published", ""),
])


def test_engagement_groups_cross_posts_and_sums_metrics(make_plan) -> None:
    plan, _ = load_plan(make_plan(FILES))
    months = engagement(plan, "month")
    assert [m.label for m in months] == ["2026-11", "2026-12"]
    nov = {line.channels: line for line in months[0].lines}
    assert list(nov) == ["instagram", "instagram + x", "x", "all"]
    assert nov["instagram"].totals == {"reach": 1000, "likes": 50, "comments": 5, "shares": 3,
                                       "saves": 2, "clicks": 9}
    assert nov["instagram"].rate == Fraction(60, 1000)
    # a post without reach adds its interactions to the totals but not to the rate
    assert nov["x"].totals == {"likes": 7} and nov["x"].rate is None
    assert nov["all"].posts == 3  # the scheduled post's numbers are not reported
    assert nov["all"].totals["likes"] == 157
    assert nov["all"].rate == Fraction(60 + 120, 4000)
    assert nov["all"].top == "b"
    # published posts without metrics are left out
    assert months[1].lines[-1].posts == 1


def test_rate_text_rounds_half_up_to_one_decimal() -> None:
    assert rate_text(Fraction(45, 1000)) == "4.5%"
    assert rate_text(Fraction(4449, 100000)) == "4.4%"
    assert rate_text(Fraction(4450, 100000)) == "4.5%"
    assert rate_text(None) == "-"


def test_report_shows_engagement_in_every_format(make_plan, cli) -> None:
    root = make_plan(FILES)
    text = cli("-C", str(root), "report", "--window", "month").output
    assert "Engagement of published posts by month" in text
    assert "  instagram + x      1   3000" in text
    markdown = cli("-C", str(root), "report", "--window", "month", "--format", "markdown").output
    assert "| instagram + x | 1 | 3000 | - | 100 | 20 | - | - | - | 4.0% | b |" in markdown
    data = json.loads(cli("-C", str(root), "report", "--format", "json").output)
    weeks = data["engagement"]
    assert [w["window"] for w in weeks] == ["2026-W45", "2026-W49"]
    assert weeks[0]["channels"][-1] == {
        "channels": "all", "posts": 3, "engagement_rate": 0.045, "top_post": "b",
        "metrics": {"reach": 4000, "likes": 157, "comments": 25, "shares": 3, "saves": 2,
                    "clicks": 9},
    }
