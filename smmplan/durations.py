"""Durations as the plan writes them (``3h``, ``1h30m``, ``2d``): one spelling for messages,
pages and schema defaults."""

from __future__ import annotations

import datetime as dt


def duration_text(td: dt.timedelta) -> str:
    """``3h``, ``1h30m``, ``2d``, ``45m`` (seconds are dropped; zero is ``0m``)."""
    minutes = int(td.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{mins}m" if mins else ""]
    return "".join(parts) or "0m"
