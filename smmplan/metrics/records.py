"""Metrics written in front matter, as records like the rows of ``data/metrics/*.csv``."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Plan
from .data import MetricRecord


def front_matter_records(plan: Plan) -> Iterator[MetricRecord]:
    """One record per post and channel that front matter gives numbers for. The date is left
    open: a post with one occurrence needs none, a recurring one is told to use data/metrics/."""
    for post in plan.posts:
        for channel, numbers in post.metrics.items():
            if not numbers:  # every key refused already: nothing to judge or count
                continue
            where = post.at(f"metrics.{channel}") if len(post.channels) > 1 else \
                post.at("metrics")
            yield MetricRecord(post.id, channel, None, numbers, where)
