"""Plan folder -> :class:`~smmplan.model.Plan` plus the diagnostics of loading (SMM001-SMM005,
SMM007, SMM008).

This is the only step that reads the plan from disk; each file kind has its loader in
:mod:`smmplan.format`. A file that cannot be loaded yields diagnostics and is left out; every
other file is still loaded.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import MappingProxyType

from .diagnostics import Diagnostic
from .format.campaign import load_campaigns
from .format.guides import load_guides
from .format.persona import load_personas
from .format.post import load_posts
from .format.rules import load_settings
from .format.site import load_site
from .format.snippets import load_library
from .format.team import load_team
from .gcpause import gc_paused
from .metrics.data import load_audience, load_metrics
from .model import Plan, Post
from .postcache import PostCache


def load_plan(root: Path | str, cache: PostCache | None = None
              ) -> tuple[Plan, list[Diagnostic]]:
    """Read the plan at ``root``. Diagnostics are unsorted and at their rules' default levels.

    ``cache`` keeps the posts between loads of the same plan (``smmplan serve``)."""
    with gc_paused():
        return _load_plan(Path(root).resolve(), cache)


def _load_plan(root: Path, cache: PostCache | None) -> tuple[Plan, list[Diagnostic]]:
    out: list[Diagnostic] = []
    incomplete: set[str] = set()
    site = load_site(root, out)
    settings = load_settings(root, out, incomplete)
    members = load_team(root, out, incomplete)
    personas = load_personas(root, out, incomplete)
    campaigns = load_campaigns(root, out, incomplete)
    posts = load_posts(root, settings, out, cache)
    guides = load_guides(root, out)
    library = load_library(root, out)
    plan = Plan(
        root=str(root),
        site=site,
        settings=settings,
        members=MappingProxyType(members),
        posts=tuple(sorted(posts, key=_post_order)),
        personas=MappingProxyType(personas),
        campaigns=MappingProxyType(campaigns),
        guides=tuple(guides),
        incomplete=frozenset(incomplete),
        metrics_data=load_metrics(root, out),
        audience=load_audience(root, out),
        library=library,
    )
    return plan, out


def _post_order(post: Post) -> tuple[int, dt.datetime, str]:
    if post.start is None:
        return (1, dt.datetime.min.replace(tzinfo=dt.UTC), post.id)
    return (0, post.start, post.id)
