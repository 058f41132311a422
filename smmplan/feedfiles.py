"""The iCalendar feeds written to a folder, as ``smmplan ical`` does: unchanged files are left
alone (their mtimes too) and feeds of what no longer exists are removed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

DEFAULT_OUTPUT = "feeds"
"""The folder in the plan that ``smmplan ical`` writes to unless told otherwise."""
#: Generated feed names under ``calendars/``: stale ones (a removed channel...) are deleted.
_GENERATED = re.compile(r"^(channel|persona|campaign|author)-[a-z0-9][a-z0-9-]*\.ics$|"
                        r"^holidays\.ics$")


def write_feeds(target: Path, feeds: Mapping[str, bytes]) -> int:
    """Write ``feeds`` under ``target``, leaving unchanged files untouched (their mtimes too);
    remove stale generated feeds. Returns how many files were written or removed."""
    changed = 0
    for rel, data in feeds.items():
        path = (target / rel).resolve()
        if not path.is_relative_to(target):  # feed paths come from ids; never trust them blindly
            raise OSError(f"{rel} would leave the output folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.read_bytes() == data:
            continue
        path.write_bytes(data)
        changed += 1
    folder = target / "calendars"
    if folder.is_dir():
        wanted = {rel for rel in feeds}
        for old in sorted(folder.iterdir()):
            if old.is_file() and _GENERATED.match(old.name) and \
                    f"calendars/{old.name}" not in wanted:
                old.unlink()
                changed += 1
    return changed
