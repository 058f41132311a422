"""The plan's occurrences as metrics see them: one per dated post and channel, with the link
recorded for it in ``published:``."""

from __future__ import annotations

from ..model import Plan
from .matching import Occurrence


def plan_occurrences(plan: Plan) -> list[Occurrence]:
    """Every occurrence of a post that was or will be published (not ideas, not cancelled)."""
    out = []
    for post in plan.posts:
        if not post.counts or post.start is None:
            continue
        links = getattr(post, "published", None) or {}
        for channel in post.channels:
            link = links.get(channel)
            out.append(Occurrence(post.start, post.id, channel, post.all_day,
                                  link if isinstance(link, str) else None))
    return sorted(out)
