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
        # One topic tag per post: Threads makes the first hashtag the post's topic and shows
        # the others as plain text. The API counts an emoji as its UTF-8 bytes; smmplan counts
        # it as one grapheme, so a caption full of emoji may still be refused.
        PlatformLimits("threads", 500, "graphemes", 1, "2026-04",
                       "Meta, Threads API: Posts, limitations (updated 2026-04-14): text posts"
                       " 500 characters; one topic tag per post (Threads help centre, 2024-2025)"),
        PlatformLimits("mastodon", 500, "graphemes", None, "2025-11",
                       "Mastodon default instance setting (max_characters)"),
        PlatformLimits("instagram", 2200, "graphemes", 5, "2025-12",
                       "Instagram help centre; hashtags cut from 30 to 5 in December 2025"),
        PlatformLimits("linkedin", 3000, "graphemes", None, "2025-11", "LinkedIn help centre"),
        # TikTok's app takes captions of up to 4,000 characters on many accounts, but its
        # Content Posting API, which every scheduler posts through, still takes 2,200: the one
        # figure that holds whichever way the post goes out. A team that posts only in the app
        # may set max_length: 4000 on the channel. Five hashtags since August 2025 (an in-app
        # notice; TikTok has published no statement).
        PlatformLimits("tiktok", 2200, "graphemes", 5, "2025-09",
                       "TikTok for Developers, Content Posting API, Direct Post (post_info.title,"
                       " max 2,200); in-app 4,000 (2025); 5-hashtag cap (in-app notice,"
                       " August 2025)"),
        PlatformLimits("facebook", 63206, "graphemes", None, "2025-11", "Facebook post limit"),
        # A Short is a YouTube video: its caption is the description. YouTube ignores every
        # hashtag of a video that has more than 60.
        PlatformLimits("youtube", 5000, "graphemes", 60, "2025-11",
                       "YouTube Help: video description 5,000 characters, title 100; hashtag"
                       " policy (more than 60 hashtags: all ignored); Shorts alike"),
        PlatformLimits("pinterest", 500, "graphemes", None, "2025-11",
                       "Pinterest help: pin description"),
        # WhatsApp Channels are posted from the app; WhatsApp publishes no update-specific
        # limit, so this is the app's message limit. A media update's caption is shorter in
        # practice (1,024 through the Business API, which cannot post to Channels).
        PlatformLimits("whatsapp", 65536, "graphemes", None, "2025-11",
                       "WhatsApp Channels: no published limit; in-app message limit 65,536"
                       " characters (WhatsApp FAQ reports)"),
    )
}
