"""Posts loaded earlier, reused while their file and the plan's settings stay unchanged.

``smmplan serve`` checks the plan again after every save; reading and validating thousands of
unchanged post files would cost most of that. A file is known unchanged by its stat (size,
modification and change times in nanoseconds, inode): an editor's save changes at least one.
A post is loaded against the settings (timezone, channels), so a change of rules.yml empties
the cache. A cache is for one plan and one thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic
from .model import Post, Settings

Stamp = tuple[int, int, int, int]
Loaded = tuple[Post | None, tuple[Diagnostic, ...]]


def stamp(path: Path) -> Stamp | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@dataclass
class PostCache:
    settings: Settings | None = None
    entries: dict[Path, tuple[Stamp, Post | None, tuple[Diagnostic, ...]]] = field(
        default_factory=dict)
    hits: int = 0
    """Files reused by the last load, for tests and the preview's log."""

    def start(self, settings: Settings) -> None:
        """Begin a load of the plan with ``settings``."""
        if settings != self.settings:
            self.entries.clear()
            self.settings = settings
        self.hits = 0

    def get(self, path: Path, now: Stamp | None) -> Loaded | None:
        entry = self.entries.get(path)
        if entry is None or now is None or entry[0] != now:
            return None
        self.hits += 1
        return entry[1], entry[2]

    def put(self, path: Path, now: Stamp | None, post: Post | None,
            found: list[Diagnostic]) -> None:
        if now is not None:
            self.entries[path] = (now, post, tuple(found))
