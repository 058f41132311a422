"""SMM201-SMM203: the content mix, per window over all channels, and runs of one pillar.

Counts come from the calendar (:meth:`smmplan.calendar.Calendar.mix`) and shares are compared
as exact fractions, so a share exactly at a max or at the edge of the tolerance never fires
because of floating point. The report and the ``/mix/`` page judge with :func:`off_target` and
:func:`over_max` too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from fractions import Fraction

from ..calendar import Mix, calendar_of, exact, percent, setting_percent
from ..diagnostics import Diagnostic, diag
from ..model import MixSettings, Pillar, Plan, Settings
from .frequency import channel_at


def judged(mix: Mix, settings: MixSettings) -> bool:
    """Whether a window holds enough posts for its mix to be judged (``mix.min_posts``)."""
    return mix.posts >= max(settings.min_posts, 1)


def off_target(share: Fraction, pillar: Pillar, settings: MixSettings) -> bool:
    """The share differs from the pillar's target by more than the tolerance."""
    return pillar.target is not None and \
        abs(share - exact(pillar.target)) > exact(settings.tolerance)


def over_max(share: Fraction, pillar: Pillar) -> bool:
    return pillar.max is not None and share > exact(pillar.max)


def check(plan: Plan, today: dt.date) -> Iterable[Diagnostic]:
    settings = plan.settings
    yield from _shares(settings, calendar_of(plan).mix(settings.mix.window))
    if settings.mix.max_consecutive:
        yield from _runs(plan)


def _shares(settings: Settings, found: tuple[Mix, ...]) -> Iterator[Diagnostic]:
    mix = settings.mix
    for window in found:
        if not judged(window, mix):
            continue
        assert window.window is not None
        label = window.window.label
        runs = f"{label} runs from {window.window.start} to {window.window.end}"
        for pid, pillar in settings.pillars.items():
            share = window.share(pid)
            counted = f"{window.by_pillar.get(pid, 0)} of {window.posts} posts"
            if off_target(share, pillar, mix):
                assert pillar.target is not None
                yield diag("SMM201", f"{pid} {percent(share)} in {label}, target "
                           f"{setting_percent(pillar.target)} ± "
                           f"{setting_percent(mix.tolerance)}: {counted}",
                           settings.at(f"pillars.{pid}.target"), help=runs)
            if over_max(share, pillar):
                assert pillar.max is not None
                yield diag("SMM202", f"{pid} {percent(share)} in {label}, max "
                           f"{setting_percent(pillar.max)}: {counted}",
                           settings.at(f"pillars.{pid}.max"), help=runs)


def _runs(plan: Plan) -> Iterator[Diagnostic]:
    limits = plan.settings.mix.max_consecutive
    for cid, occurrences in calendar_of(plan).by_channel.items():
        run_pillar: str | None = None
        run: list[str] = []
        for occ in occurrences:
            post = occ.post
            if post.pillar not in plan.settings.pillars:
                continue
            if post.pillar != run_pillar:
                run_pillar, run = post.pillar, []
            run.append(post.id)
            limit = limits.get(post.pillar)
            if limit is not None and len(run) > limit:
                yield diag("SMM203", f"{cid} has {len(run)} {post.pillar} posts in a row "
                           f"(max_consecutive {limit}), after '{run[-2]}'{occ.of}",
                           channel_at(occ), post=post.id,
                           help=f"the run began with '{run[0]}'")
