"""The calendar feeds the site lists on ``/subscribe/``: exactly those of :mod:`smmplan.ical`."""

from __future__ import annotations

from ..ical import Feed, describe_feeds

__all__ = ["Feed", "describe_feeds"]
