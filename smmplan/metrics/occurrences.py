"""The plan's occurrences as metrics see them: one per post, channel and start on the calendar
(:mod:`smmplan.calendar`), with the link recorded for it in ``published:``."""

from __future__ import annotations

from ..calendar import calendar_of
from ..model import Plan
from .frontmatter import link_of
from .matching import Occurrence


def plan_occurrences(plan: Plan) -> list[Occurrence]:
    """Every occurrence that was or will be published (not ideas, not cancelled posts)."""
    out = []
    for occ in calendar_of(plan).occurrences:
        if not occ.counts:
            continue
        out.append(Occurrence(occ.start, occ.post.id, occ.channel, occ.all_day,
                              link_of(occ.post.published, occ.channel, occ.day)))
    return sorted(out)
