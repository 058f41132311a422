"""`smmplan report`: exact tables, Markdown and JSON on the rule fixtures, and the data behind
them."""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

from click.testing import Result
from conftest import FIXTURES

from smmplan import report
from smmplan.load import load_plan
from smmplan.render.markdown import escape

RULES = FIXTURES / "rules"

# Golden files, reviewed like code. mix-month: November holds 4 posts (the post at
# 2026-11-30T17:30Z is 2026-12-01 in Jakarta); week 2026-W49 belongs to December, the month of
# its Thursday. per-day: a cross-post counts on each of its channels.
MIX_MONTH_TEXT = (RULES / "mix-month" / "report.txt").read_text(encoding="utf-8")
PER_DAY_MARKDOWN = (RULES / "per-day" / "report.md").read_text(encoding="utf-8")


def test_text_report_by_month(cli: Callable[..., Result]) -> None:
    result = cli("-C", str(RULES / "mix-month" / "plan"), "report")
    assert result.exit_code == 0
    assert result.output == MIX_MONTH_TEXT


def test_markdown_report_counts_cross_posts_on_each_channel(cli: Callable[..., Result]) -> None:
    result = cli("-C", str(RULES / "per-day" / "plan"), "report", "--format", "markdown")
    assert result.output == PER_DAY_MARKDOWN


def test_json_report_by_week_across_a_month_boundary(cli: Callable[..., Result]) -> None:
    result = cli("-C", str(RULES / "mix-month" / "plan"), "report", "--window", "week",
                 "--format", "json", "--today", "2026-11-25")
    data = json.loads(result.output)
    assert data["window"] == "week"
    assert [(w["window"], w["start"], w["end"], w["posts"], w["judged"])
            for w in data["windows"]] == [
        ("2026-W48", "2026-11-23", "2026-11-29", 3, False),
        ("2026-W49", "2026-11-30", "2026-12-06", 10, True),
    ]
    w49 = data["windows"][1]
    assert w49["pillars"] == [
        {"pillar": "education", "posts": 4, "share": 0.4, "target": 0.5, "max": None,
         "status": "off target"},
        {"pillar": "soft-sell", "posts": 3, "share": 0.3, "target": 0.3, "max": None,
         "status": "ok"},
        {"pillar": "hard-sell", "posts": 3, "share": 0.3, "target": 0.2, "max": 0.25,
         "status": "over max"},
    ]
    assert w49["channels"] == [{
        "channel": "x", "posts": 10,
        "pillars": {"education": 4, "soft-sell": 3, "hard-sell": 3},
        "per_day": [1, 3], "day_limit": None, "days_over": 0, "days_under": 0,
        "per_week": [10, 10], "week_limit": None, "weeks_over": 0, "weeks_under": 0,
        "status": "ok",
    }]


def test_report_agrees_with_the_mix_rule() -> None:
    plan, _ = load_plan(RULES / "mix-week" / "plan")
    data = report.compute(plan)
    w03 = data.windows[-1]
    assert (w03.label, w03.posts) == ("2027-W03", 6)
    hard = next(p for p in w03.pillars if p.pillar == "hard-sell")
    assert (hard.posts, hard.share, hard.status) == (2, Fraction(1, 3), "over max")
    w02 = data.windows[1]
    assert not w02.judged and {p.status for p in w02.pillars} == {"not judged"}


def test_report_is_deterministic_and_ignores_today(cli: Callable[..., Result]) -> None:
    plan = str(RULES / "per-week" / "plan")
    first = cli("-C", plan, "report", "--format", "json", "--today", "2026-01-01").output
    again = cli("-C", plan, "report", "--format", "json", "--today", "2030-06-01").output
    assert first == again


def test_report_of_a_plan_without_posts(make_plan: Callable[..., Path],
                                        cli: Callable[..., Result]) -> None:
    root = make_plan({})
    assert cli("-C", str(root), "report").output == (
        "Content mix and frequency by week (Asia/Jakarta)\n\nNo dated posts to report on.\n")
    assert json.loads(cli("-C", str(root), "report", "--format", "json").output)["windows"] == []


def test_markdown_cells_are_inert() -> None:
    assert escape("a|b <script>*x*</script> [l](u)") == (
        "a\\|b &lt;script&gt;\\*x\\*&lt;/script&gt; \\[l\\](u)")


def test_bad_window_is_a_usage_error(cli: Callable[..., Result]) -> None:
    result = cli("-C", str(RULES / "per-day" / "plan"), "report", "--window", "year")
    assert result.exit_code == 2
