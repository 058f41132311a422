"""SMM006: every channel, pillar, persona, campaign, author and editor a post names exists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from ..diagnostics import Diagnostic, diag
from ..fields import did_you_mean
from ..model import Plan, Position


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    settings = plan.settings
    for post in plan.posts:
        if settings.loaded:  # with a broken rules.yml every channel would look unknown
            for i, channel in enumerate(post.channels):
                key = "channel" if f"channel[{i}]" not in post.pos else f"channel[{i}]"
                yield from _ref(post.id, "channel", channel, settings.channels, post.at(key),
                                "guidelines/rules.yml `channels:`")
            yield from _ref(post.id, "pillar", post.pillar, settings.pillars, post.at("pillar"),
                            "guidelines/rules.yml `pillars:`")
        for i, persona in enumerate(post.personas):
            key = "personas" if f"personas[{i}]" not in post.pos else f"personas[{i}]"
            yield from _ref(post.id, "persona", persona, plan.personas, post.at(key),
                            "personas/")
        if post.campaign:
            yield from _ref(post.id, "campaign", post.campaign, plan.campaigns,
                            post.at("campaign"), "content/campaigns/")
        for role in ("author", "editor"):
            member = getattr(post, role)
            if member:
                yield from _ref(post.id, role, member, plan.members, post.at(role),
                                "guidelines/team.yml `members:`")
    for campaign in plan.campaigns.values():
        if campaign.owner:
            yield from _ref(None, "owner", campaign.owner, plan.members, campaign.at("owner"),
                            "guidelines/team.yml `members:`")
        if settings.loaded:
            for i, channel in enumerate(campaign.channels):
                yield from _ref(None, "channel", channel, settings.channels,
                                campaign.at(f"channels[{i}]"), "guidelines/rules.yml")
    if settings.loaded:
        for who in plan.personas.values():
            for i, channel in enumerate(who.channels):
                yield from _ref(None, "channel", channel, settings.channels,
                                who.at(f"channels[{i}]"), "guidelines/rules.yml")


def _ref(post: str | None, what: str, value: str, known: Mapping[str, object], at: Position,
         where: str) -> Iterable[Diagnostic]:
    if value in known:
        return
    hint = did_you_mean(value, known)
    defined = ", ".join(sorted(known)) or "none"
    yield diag("SMM006", f"unknown {what} '{value}'{hint}", at, post=post,
               help=f"defined in {where}: {defined}")
