"""The plan as untrusted input to the site: mkdocs.yml and the files it would publish judged.

``check`` reports these with the rest of the plan; the build applies the same decisions whatever
levels the plan gives them (a refused file stays out, a refused configuration builds nothing).
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic, diag
from .model import Plan, Position
from .names import MAX_ID
from .publish import publish_policy
from .siteconfig import CONFIG, read_site_config

RULES = "guidelines/rules.yml"
TEAM = "guidelines/team.yml"


def reserved_addresses() -> set[str]:
    """Addresses (relative to docs_dir) of the files the site generates besides its pages and
    its ``calendars/*.ics`` feeds (which :mod:`smmplan.publish` reserves as a folder, so that a
    static copy cannot wait there for a channel or persona still to come). Worked out without
    the plan's calendar, whose horizon the rules fix first."""
    from .pages.schemas import schema_files

    return {"calendar.ics"} | set(schema_files())


def long_ids(plan: Plan) -> list[Diagnostic]:
    """SMM003 for ids too long to name the site's files and feeds (``persona-<id>.ics``): the
    file system would refuse them (ENAMETOOLONG) in the middle of a build."""
    # positions only for the few long ids: making one per post costs more than the check
    found: list[tuple[str, Position]] = [(p.id, p.at("id")) for p in plan.posts
                                         if len(p.id) > MAX_ID]
    found += [(x.id, Position(x.path)) for x in plan.personas.values()]
    found += [(x.id, Position(x.path)) for x in plan.campaigns.values()]
    found += [(m.id, Position(TEAM)) for m in plan.members.values()]
    found += [(c, Position(RULES)) for c in plan.settings.channels]
    return [diag("SMM003", f"the id {ident[:40]!r}... is {len(ident)} characters long, over the "
                 f"limit of {MAX_ID}: the site's file names for it would be too long", at,
                 help="give it a shorter id (`id:` in the file, or rename the file)")
            for ident, at in found if len(ident) > MAX_ID]


def trust_diagnostics(root: Path, plan: Plan) -> list[Diagnostic]:
    out = long_ids(plan)
    if not (root / CONFIG).is_file():
        return out
    site = read_site_config(root)
    out += site.diagnostics
    if site.docs_ok(root):
        out.extend(publish_policy(root, site.docs_dir, reserved_addresses()).diagnostics)
    return out
