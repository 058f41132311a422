"""The metric names of the plan format, in the order files and reports list them."""

from __future__ import annotations

from ..model import METRICS

CORE = METRICS
"""The metrics of front matter and the required columns of ``data/metrics/*.csv``."""
EXTRA = ("video_views", "followers_gained", "profile_visits")
"""Optional columns of ``data/metrics/*.csv`` (SPEC §6.3)."""
ALL = CORE + EXTRA
#: interactions that count towards the engagement rate (reach, impressions and clicks do not)
INTERACTIONS = ("likes", "comments", "shares", "saves")
