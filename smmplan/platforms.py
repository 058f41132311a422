"""Caption limits of each platform, dated and sourced, since platforms change them.

A channel in rules.yml may override ``max_length`` and ``max_hashtags``. ``counting`` says how the
platform counts: ``weighted`` is X's own counting (URL 23, CJK and emoji 2), ``graphemes`` counts
user-perceived characters.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlatformLimits:
    name: str
    max_length: int
    counting: str
    max_hashtags: int | None
    as_of: str
    source: str


PLATFORMS: dict[str, PlatformLimits] = {
    p.name: p
    for p in (
        PlatformLimits("x", 280, "weighted", None, "2025-11",
                       "X developer docs, counting characters (twitter-text weighting)"),
        PlatformLimits("bluesky", 300, "graphemes", None, "2025-11",
                       "AT Protocol app.bsky.feed.post lexicon (maxGraphemes 300)"),
        PlatformLimits("threads", 500, "graphemes", None, "2025-11", "Threads help centre"),
        PlatformLimits("mastodon", 500, "graphemes", None, "2025-11",
                       "Mastodon default instance setting (max_characters)"),
        PlatformLimits("instagram", 2200, "graphemes", 5, "2025-12",
                       "Instagram help centre; hashtags cut from 30 to 5 in December 2025"),
        PlatformLimits("linkedin", 3000, "graphemes", None, "2025-11", "LinkedIn help centre"),
        PlatformLimits("tiktok", 2200, "graphemes", None, "2025-11", "TikTok support"),
        PlatformLimits("facebook", 63206, "graphemes", None, "2025-11", "Facebook post limit"),
        PlatformLimits("youtube", 5000, "graphemes", None, "2025-11",
                       "YouTube help: description limit"),
        PlatformLimits("pinterest", 500, "graphemes", None, "2025-11",
                       "Pinterest help: pin description"),
    )
}
