"""One number, one place: a share at a rounding edge shows the same percent in every output.

Each plan puts ``k`` education posts among ``n`` posts of ISO week 2026-W49 (1/8 = 12.5%,
3/8, 5/8, 1/40 = 2.5%, 7/40 = 17.5%). The expected figure is derived here with ``decimal``
(half up, as users round), never with smmplan's own rounding; then ``check``, ``report`` (text,
Markdown, JSON), the ``/mix/`` page, the overview and ``diff`` must all show it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from click.testing import Result
from conftest import write_files

from smmplan.check import check_plan
from smmplan.pages import render_pages

RULES = """\
timezone: Asia/Jakarta
channels:
  x: {platform: x, name: X, per_day: [0, 10]}
pillars:
  education: {target: 50%}
  quote: {}
mix: {window: week, tolerance: 1%, min_posts: 5}
"""
TODAY = "2026-11-01"  # nothing is due yet: the mix warnings are the only problems
MONDAY = dt.date(2026, 11, 30)  # 2026-W49
EDGES = [(1, 8), (3, 8), (5, 8), (1, 40), (7, 40)]


def half_up(value: Decimal, places: int = 0) -> str:
    return f"{value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)}%"


def post(i: int, pillar: str, extra: str = "") -> str:
    day = MONDAY + dt.timedelta(days=i % 7)
    return (f"---\ntitle: Post {i}\ndate: {day} {6 + i // 7:02d}:00\nchannel: x\n"
            f"pillar: {pillar}\n{extra}---\nCaption {i}.\n")


def plan_files(k: int, n: int) -> dict[str, str]:
    files = {"guidelines/rules.yml": RULES}
    for i in range(n):
        files[f"content/posts/p{i:02d}.md"] = post(i, "education" if i < k else "quote")
    return files


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                    "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
                   cwd=root, capture_output=True, check=True)


@pytest.mark.parametrize(("k", "n"), EDGES)
def test_every_output_shows_the_same_share(k: int, n: int, tmp_path: Path,
                                           cli: Callable[..., Result]) -> None:
    education = half_up(Decimal(k) / Decimal(n) * 100)
    quote = half_up(Decimal(n - k) / Decimal(n) * 100)
    assert education in {"13%", "38%", "63%", "3%", "18%"}  # the edges this test is about
    root = tmp_path / "plan"
    write_files(root, {"guidelines/rules.yml": RULES})
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "rules")
    write_files(root, plan_files(k, n))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "posts")
    plan = str(root)

    message = f"education {education} in 2026-W49, target 50% ± 1%: {k} of {n} posts"
    check = cli("-C", plan, "check", "--today", TODAY)
    assert message in check.output

    text = cli("-C", plan, "report").output
    row = next(line.split() for line in text.splitlines() if line.startswith("  education"))
    assert row[:3] == ["education", str(k), education]

    markdown = cli("-C", plan, "report", "--format", "markdown").output
    assert f"| education | {k} | {education} | 50% ± 1% |" in markdown
    assert f"| quote | {n - k} | {quote} | - |" in markdown

    data = json.loads(cli("-C", plan, "report", "--format", "json").output)
    (window,) = data["windows"]
    shares = {p["pillar"]: p["share"] for p in window["pillars"]}
    assert half_up(Decimal(str(shares["education"])) * 100) == education
    assert half_up(Decimal(str(shares["quote"])) * 100) == quote

    pages = render_pages(check_plan(root, dt.date.fromisoformat(TODAY)))
    week = pages["/mix/"].split('id="w-2026-w49"', 1)[1]
    cells = re.findall(r'<tr data-pillar="(\w+)">.*?<td class="smm-num">([^<]*)</td>', week)
    assert cells[:2] == [("education", f"{education} ({k})"), ("quote", f"{quote} ({n - k})")]
    assert "off target" in week.split('data-pillar="quote"')[0]
    assert message in pages["/"]

    diff = cli("-C", plan, "diff", "HEAD~1", "--today", TODAY).output
    assert f"| all channels | 0 → {n} |  | – → {education} | – → {quote} |" in diff
    assert message in diff  # the problem it introduces, worded as check words it


def test_an_engagement_rate_shows_the_same_on_pages_and_in_the_report(
        make_plan: Callable[..., Path], cli: Callable[..., Result]) -> None:
    # 10 interactions per 800 reached: 1.25%, one decimal half up
    rate = half_up(Decimal(10) / Decimal(800) * 100, 1)
    assert rate == "1.3%"
    root = make_plan({
        "content/posts/a.md": post(0, "education", "status: published\neditor: dimas\n"
                                   "metrics: {reach: 800, likes: 7, comments: 3}\n"),
        "guidelines/team.yml": "members:\n  dimas: {name: Dimas, roles: [editor]}\n",
    }, rules=RULES)
    text = cli("-C", str(root), "report").output
    assert re.search(rf"^  x +1 +800 .* {re.escape(rate)} +- +-$", text, re.M), text
    data = json.loads(cli("-C", str(root), "report", "--format", "json").output)
    line = data["engagement"][0]["channels"][0]
    assert half_up(Decimal(str(line["engagement_rate"])) * 100, 1) == rate
    pages = render_pages(check_plan(root, dt.date(2026, 12, 10)))
    assert f"<td>{rate}</td>" in pages["/engagement/"]
    assert f"<td>{rate}</td>" in pages["/reports/2026-q4/"]
    assert f"<td>{rate}</td>" in pages["/posts/a/"]
    assert f"ER {rate})" in pages["/"]
