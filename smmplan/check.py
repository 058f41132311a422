"""load -> rules -> levels: the whole check of a plan, as one pure step after reading."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, counts, finalize
from .gcpause import gc_paused
from .load import load_plan
from .model import Plan
from .postcache import PostCache
from .rules import run_rules


@dataclass(frozen=True)
class CheckResult:
    plan: Plan
    diagnostics: tuple[Diagnostic, ...]
    """Sorted by file, line, column, code; levels applied, ``off`` and ignored ones dropped."""
    today: dt.date

    @property
    def errors(self) -> int:
        return counts(self.diagnostics)["errors"]

    @property
    def warnings(self) -> int:
        return counts(self.diagnostics)["warnings"]


def today_in(plan: Plan, today: dt.date | None) -> dt.date:
    """``today`` if given, else today's date in the plan timezone."""
    return today if today is not None else dt.datetime.now(plan.tz).date()


def check_loaded(plan: Plan, load_diagnostics: list[Diagnostic],
                 today: dt.date | None = None) -> CheckResult:
    day = today_in(plan, today)
    found = list(load_diagnostics) + run_rules(plan, day)
    ignored = {p.id: p.ignore for p in plan.posts if p.ignore}
    return CheckResult(plan, tuple(finalize(found, plan.settings.severity, ignored)), day)


def check_plan(root: Path | str, today: dt.date | None = None,
               cache: PostCache | None = None) -> CheckResult:
    """Load the plan at ``root`` and run every rule; ``today`` defaults to the plan's today.

    mkdocs.yml, the files the site would publish (SPEC §8.1) and the web editor's
    configuration are judged too. ``cache``: see :func:`smmplan.load.load_plan`."""
    from .cms.check import check_cms
    from .trust import trust_diagnostics

    # one pause for the whole check: between load's and the rules' own pauses the collector
    # would walk the freshly loaded plan once more, to free nothing
    with gc_paused():
        plan, found = load_plan(root, cache)
        extra = trust_diagnostics(Path(root).resolve(), plan) + check_cms(Path(plan.root), plan)
        return check_loaded(plan, found + extra, today)
