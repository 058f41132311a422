"""The plan's metrics, judged once per plan and day: the numbers that count (each belonging to one
occurrence that has happened), the follower counts that can be used, and the diagnostics about
the rest. ``check`` reports the diagnostics; ``report`` and the pages read the same numbers, so
they always agree."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from ..calendar import window_of
from ..diagnostics import Diagnostic
from ..model import Plan
from .analysis import Analysis, Item, analyse, items_of
from .checks import check_audience, resolve
from .data import AudienceRecord
from .occurrences import plan_occurrences
from .records import front_matter_records

_KEY = "_smmplan_metrics"


@dataclass(frozen=True)
class Metrics:
    plan: Plan
    items: tuple[Item, ...]
    """Occurrences with numbers, in time order."""
    audience: tuple[AudienceRecord, ...]
    diagnostics: tuple[Diagnostic, ...]
    _analyses: dict[str, Analysis] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def by_post(self) -> Mapping[str, tuple[Item, ...]]:
        """Each post's occurrences with numbers, in time order."""
        out: dict[str, list[Item]] = defaultdict(list)
        for item in self.items:
            out[item.post.id].append(item)
        return {pid: tuple(found) for pid, found in out.items()}

    def by(self, kind: str) -> Analysis:
        """Engagement per ``kind`` window: ``week``, ``month`` or ``quarter``."""
        if kind not in self._analyses:
            self._analyses[kind] = analyse(self.plan, self.items, self.audience, kind,
                                           lambda day, k: _bounds(day, k))
        return self._analyses[kind]


def _bounds(day: dt.date, kind: str) -> tuple[str, dt.date, dt.date]:
    w = window_of(day, kind)
    return w.label, w.start, w.end


def metrics_of(plan: Plan, today: dt.date) -> Metrics:
    """The plan's metrics as of ``today``, judged on first use and kept with the plan."""
    cache: dict[dt.date, Metrics] = plan.__dict__.setdefault(_KEY, {})
    found = cache.get(today)
    if found is None:
        out: list[Diagnostic] = []
        occurrences = plan_occurrences(plan)
        records = [*front_matter_records(plan), *plan.metrics_data]
        resolved = resolve(plan, occurrences, records, today, out)
        audience = check_audience(plan, occurrences, plan.audience, today, out)
        found = Metrics(plan, items_of(plan, resolved), tuple(audience), tuple(out))
        cache[today] = found
    return found
