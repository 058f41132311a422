"""SMM401-SMM407: approvals, deadlines, stale personas, blackout days, holidays, campaigns.

``today`` is the plan's today (``--today`` fixes it); nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..calendar import Calendar, Slot, calendar_of
from ..diagnostics import Diagnostic, diag
from ..durations import duration_text
from ..model import APPROVED_STATUSES, Blackout, Plan, Position, Post

#: pillar id that SMM406 watches on national holidays
HARD_SELL = "hard-sell"


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    settings = plan.settings
    blackouts: dict[dt.date, list[Blackout]] = defaultdict(list)
    for blackout in settings.blackout:
        blackouts[blackout.date].append(blackout)
    for post in plan.posts:
        if post.status in APPROVED_STATUSES:
            yield from _editor(plan, post)
    calendar = calendar_of(plan)
    due: set[str] = set()  # recurring posts already told they are due or overdue
    for slot in calendar.counting:  # ideas and cancelled posts are not going out
        post, day = slot.post, slot.day
        yield from _deadlines(plan, slot, today, due)
        for blackout in blackouts.get(day, ()):
            if blackout.pillars is None or post.pillar in blackout.pillars:
                yield _blackout(slot, blackout)
        if post.pillar == HARD_SELL:
            yield from _holiday(calendar, slot)
        campaign = plan.campaigns.get(post.campaign or "")
        if campaign is not None and not campaign.start <= day <= campaign.end:
            yield diag("SMM407", f"{day} is outside the campaign '{campaign.id}' "
                       f"({campaign.start} to {campaign.end})", slot.at("date"), post=post.id,
                       help=f"the campaign's dates are in {campaign.path}")
    yield from _personas(plan, today)


def _holiday(calendar: Calendar, slot: Slot) -> Iterator[Diagnostic]:
    name = calendar.holiday(slot.day)
    if name is not None:
        yield diag("SMM406", f"hard-sell post on a national holiday: {slot.day} {name}",
                   slot.at("date"), post=slot.post.id,
                   help=f"national holidays of {calendar.settings.holidays}")


def _status_at(post: Post) -> Position:
    return post.at("status" if "status" in post.pos else "date")


def _deadlines(plan: Plan, slot: Slot, today: dt.date, due: set[str]) -> Iterator[Diagnostic]:
    """SMM401 and SMM402 of one slot. A recurring post has one status for all its occurrences:
    it is told once, at its ``repeat`` key, about its first occurrence due for approval and its
    last one past (with how many more there are), not once per week of the series."""
    post = slot.post
    ahead = plan.settings.workflow.approve_before
    when = "" if slot.all_day else f" {slot.start:%H:%M}"
    recurring = post.repeat is not None
    at = slot.at("status" if "status" in post.pos else "date")
    if post.status not in APPROVED_STATUSES and post.id + "/401" not in due:
        deadline = slot.start - ahead
        if deadline.date() <= today:
            approve = deadline.date().isoformat() if slot.all_day else \
                f"{deadline:%Y-%m-%d %H:%M}"
            if recurring:
                due.add(post.id + "/401")
            yield diag("SMM401", f"due {slot.day}{when} and still {post.status}: approve by "
                       f"{approve} (approve_before {duration_text(ahead)})"
                       + (" (first occurrence due)" if recurring else ""), at,
                       post=post.id, help="an editor sets status: approved after review")
    if slot.day < today and post.status != "published":
        if not recurring:
            yield diag("SMM402", f"dated {slot.day}, before today ({today}), and still "
                       f"{post.status}", at, post=post.id,
                       help="set status: published (with metrics) or cancelled")
        elif post.id + "/402" not in due:
            due.add(post.id + "/402")
            series = calendar_of(plan).series[post.id]
            past = [s for s in series.starts if s.date() < today]
            more = f" and {len(past) - 1} earlier" if len(past) > 1 else ""
            yield diag("SMM402", f"occurrence of {past[-1].date()}{more}, before today "
                       f"({today}), and still {post.status}", at, post=post.id,
                       help="a series in progress: set status: published once it goes out "
                            "on its own, or end the repeat with `until`")


def _editor(plan: Plan, post: Post) -> Iterator[Diagnostic]:
    if post.editor is None:
        yield diag("SMM403", f"{post.status} without an editor", _status_at(post), post=post.id,
                   help="add `editor:` naming the team member with the editor role who "
                        "approved it")
        return
    member = plan.members.get(post.editor)
    if member is None:  # unknown member: SMM006 says so
        return
    if post.editor == post.author:
        yield diag("SMM403", f"'{post.editor}' approved their own post (editor is the author)",
                   post.at("editor"), post=post.id,
                   help="another team member with the editor role must approve it")
    elif "editor" not in member.roles:
        roles = ", ".join(member.roles) or "none"
        yield diag("SMM403", f"'{post.editor}' is not an editor (roles: {roles})",
                   post.at("editor"), post=post.id,
                   help="give the member the editor role in guidelines/team.yml, or name an "
                        "editor")


def _blackout(slot: Slot, blackout: Blackout) -> Diagnostic:
    reason = f" ({blackout.reason})" if blackout.reason else ""
    scope = "no posts" if blackout.pillars is None else \
        f"no {', '.join(blackout.pillars)} posts"
    return diag("SMM405", f"{slot.day} is a blackout date{reason}: {scope}",
                slot.at("date"), post=slot.post.id,
                help="blackout dates are listed under `blackout:` in guidelines/rules.yml")


def _personas(plan: Plan, today: dt.date) -> Iterator[Diagnostic]:
    every = plan.settings.workflow.persona_review
    for pid in sorted(plan.personas):
        persona = plan.personas[pid]
        if persona.last_reviewed is None:
            yield diag("SMM404", f"persona '{pid}' has no last_reviewed date",
                       persona.at("name"),
                       help=f"review the persona and add `last_reviewed: {today}`")
        elif today - persona.last_reviewed > every:
            days = (today - persona.last_reviewed).days
            yield diag("SMM404", f"persona '{pid}' was last reviewed {days} days ago "
                       f"(persona_review {duration_text(every)})", persona.at("last_reviewed"),
                       help=f"review the persona and set `last_reviewed: {today}`")
