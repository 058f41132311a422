"""Metrics written in front matter, as records like the rows of ``data/metrics/*.csv``."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Plan
from .data import MetricRecord


def front_matter_records(plan: Plan) -> Iterator[MetricRecord]:
    """One record per post and channel that front matter gives numbers for."""
    for post in plan.posts:
        if not post.metrics:
            continue
        channel = post.channels[0] if len(post.channels) == 1 else None
        day = post.start.date() if post.start is not None else None
        yield MetricRecord(post.id, channel, day, post.metrics, post.at("metrics"))
