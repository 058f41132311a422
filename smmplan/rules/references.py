"""SMM006: every channel, pillar, persona, campaign, author and editor a post names exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping

from ..diagnostics import Diagnostic, diag
from ..fields import did_you_mean
from ..model import Plan, Position

RULES_CHANNELS = "guidelines/rules.yml `channels:`"
TEAM = "guidelines/team.yml `members:`"


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    # A definition that failed to load is not judged missing: its own diagnostic already says
    # what is wrong (a whole kind when a file or section failed, else the one id). With no usable
    # rules.yml, channels and pillars are all unknown for the same reason.
    skip = set(plan.incomplete)
    if not plan.settings.loaded:
        skip |= {"channel", "pillar"}
    known: dict[str, Mapping[str, object]] = {
        "channel": plan.settings.channels,
        "pillar": plan.settings.pillars,
        "persona": plan.personas,
        "campaign": plan.campaigns,
        "member": plan.members,
    }

    def ref(post: str | None, kind: str, what: str, value: str, at: Callable[[str], Position],
            key: str, where: str) -> Iterator[Diagnostic]:
        # positions are looked up only for the rare unknown reference: it is the costly part
        if kind in skip or f"{kind}:{value}" in skip or value in known[kind]:
            return
        hint = did_you_mean(value, known[kind])
        defined = ", ".join(sorted(known[kind])) or "none"
        yield diag("SMM006", f"unknown {what} '{value}'{hint}", at(key), post=post,
                   help=f"defined in {where}: {defined}")

    for post in plan.posts:
        for i, channel in enumerate(post.channels):
            # post.at falls back from `channel[i]` to `channel` when the value is not a list
            yield from ref(post.id, "channel", "channel", channel, post.at, f"channel[{i}]",
                           RULES_CHANNELS)
        yield from ref(post.id, "pillar", "pillar", post.pillar, post.at, "pillar",
                       "guidelines/rules.yml `pillars:`")
        for i, persona in enumerate(post.personas):
            yield from ref(post.id, "persona", "persona", persona, post.at, f"personas[{i}]",
                           "personas/")
        if post.campaign:
            yield from ref(post.id, "campaign", "campaign", post.campaign, post.at, "campaign",
                           "content/campaigns/")
        for role in ("author", "editor"):
            member = getattr(post, role)
            if member:
                yield from ref(post.id, "member", role, member, post.at, role, TEAM)
    for campaign in plan.campaigns.values():
        if campaign.owner:
            yield from ref(None, "member", "owner", campaign.owner, campaign.at, "owner", TEAM)
        for i, channel in enumerate(campaign.channels):
            yield from ref(None, "channel", "channel", channel, campaign.at, f"channels[{i}]",
                           RULES_CHANNELS)
    for who in plan.personas.values():
        for i, channel in enumerate(who.channels):
            yield from ref(None, "channel", "channel", channel, who.at, f"channels[{i}]",
                           RULES_CHANNELS)
