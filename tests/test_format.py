"""The format declaration: durations where zero means something (``approve_before: 0m`` is
"due by the post's own time") and where it means nothing (SMM007 at the value)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINIMAL_RULES

from smmplan.check import check_plan
from smmplan.format import keys
from smmplan.load import load_plan
from smmplan.model import Settings

POST = """\
---
title: Launch
date: {day} 09:00
channel: instagram
pillar: education
status: {status}
---
Caption.
"""


def test_approve_before_zero_means_due_at_the_post_itself(make_plan: Callable[..., Path]
                                                          ) -> None:
    root = make_plan({
        "content/posts/today.md": POST.format(day="2026-12-01", status="draft"),
        "content/posts/tomorrow.md": POST.format(day="2026-12-02", status="draft"),
    }, rules=MINIMAL_RULES + "workflow:\n  approve_before: 0m\n")
    plan, found = load_plan(root)
    assert [d for d in found if d.file == "guidelines/rules.yml"] == []
    assert plan.settings.workflow.approve_before == dt.timedelta(0)
    due = [d for d in check_plan(root, dt.date(2026, 12, 1)).diagnostics if d.code == "SMM401"]
    assert [(d.file, d.message) for d in due] == [
        ("content/posts/today.md", "due 2026-12-01 09:00 and still draft: approve by "
         "2026-12-01 09:00 (approve_before 0m)")]


def test_approve_before_left_out_is_the_declared_default(make_plan: Callable[..., Path]
                                                         ) -> None:
    root = make_plan({"content/posts/a.md": POST.format(day="2026-12-03", status="draft")})
    plan, _ = load_plan(root)
    assert plan.settings.workflow.approve_before == dt.timedelta(days=2)
    due = [d for d in check_plan(root, dt.date(2026, 12, 1)).diagnostics if d.code == "SMM401"]
    assert len(due) == 1 and "approve by 2026-12-01 09:00 (approve_before 2d)" in due[0].message


@pytest.mark.parametrize(("section", "value", "line", "column", "message"), [
    ("workflow:\n  persona_review: 0d\n", "0d", 7, 19, "'workflow.persona_review' '0d' is zero"),
    ("workflow:\n  persona_review: -5d\n", "-5d", 7, 19,
     "'workflow.persona_review' '-5d' is not a duration"),
    ("workflow:\n  approve_before: -1h\n", "-1h", 7, 19,
     "'workflow.approve_before' '-1h' is not a duration"),
    ("event_minutes: 0\n", "0", 6, 16, "'event_minutes' must be a whole number from 1 to 1440"),
    ("event_minutes: -30\n", "-30", 6, 16,
     "'event_minutes' must be a whole number from 1 to 1440"),
])
def test_a_duration_that_means_nothing_is_smm007_at_its_value(
        section: str, value: str, line: int, column: int, message: str,
        make_plan: Callable[..., Path]) -> None:
    root = make_plan({}, rules=MINIMAL_RULES + section)
    plan, found = load_plan(root)
    bad = [d for d in found if d.file == "guidelines/rules.yml"]
    assert [(d.code, d.line, d.column) for d in bad] == [("SMM007", line, column)], bad
    assert bad[0].message.startswith(message), bad[0].message
    # the refused value is not used: the declared default stands
    assert plan.settings.workflow == Settings().workflow
    assert plan.settings.event_minutes == keys.RULES_FILE["event_minutes"].default


def test_zero_values_that_mean_none_are_accepted(make_plan: Callable[..., Path]) -> None:
    """``min_gap: 0m`` is "no minimum gap" and ``max_hashtags: 0`` "no hashtags": both real."""
    rules = MINIMAL_RULES.replace("per_day: [0, 2]}", "per_day: [0, 2], min_gap: 0m, "
                                  "max_hashtags: 0}")
    root = make_plan({}, rules=rules)
    plan, found = load_plan(root)
    assert [d for d in found if d.file == "guidelines/rules.yml"] == []
    assert plan.settings.channels["instagram"].min_gap == dt.timedelta(0)
    assert plan.settings.channels["instagram"].max_hashtags == 0


def test_max_length_zero_is_refused(make_plan: Callable[..., Path]) -> None:
    rules = MINIMAL_RULES.replace("per_day: [0, 2]}", "per_day: [0, 2], max_length: 0}")
    plan, found = load_plan(make_plan({}, rules=rules))
    assert [d.code for d in found if d.file == "guidelines/rules.yml"] == ["SMM007"]
    assert plan.settings.channels["instagram"].max_length is None

