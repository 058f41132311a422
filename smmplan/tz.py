"""Time zones from the ``tzdata`` package, so every machine reads the same rules.

The system database may be older or newer than the pinned ``tzdata``; feeds and pages must not
depend on which machine built them.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")


@cache
def zone(name: str) -> ZoneInfo | None:
    """The zone called ``name`` (an IANA name such as ``Asia/Jakarta``), or None."""
    if not _NAME.match(name):
        return None
    try:
        data = resources.files("tzdata.zoneinfo").joinpath(*name.split("/"))
        with data.open("rb") as fh:
            return ZoneInfo.from_file(fh, key=name)
    except (OSError, ValueError):
        return None


@cache
def names() -> tuple[str, ...]:
    text = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())
