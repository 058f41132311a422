"""The plan as untrusted input to the site: mkdocs.yml and the files it would publish judged.

``check`` reports these with the rest of the plan; the build applies the same decisions whatever
levels the plan gives them (a refused file stays out, a refused configuration builds nothing).
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic
from .model import Plan
from .publish import publish_policy
from .siteconfig import CONFIG, read_site_config


def reserved_addresses(plan: Plan) -> set[str]:
    """Addresses (relative to docs_dir) of the files the site generates besides its pages."""
    from .pages.feeds import describe_feeds
    from .pages.schemas import schema_files

    return {f.path for f in describe_feeds(plan)} | set(schema_files())


def trust_diagnostics(root: Path, plan: Plan) -> list[Diagnostic]:
    if not (root / CONFIG).is_file():
        return []
    site = read_site_config(root)
    out = list(site.diagnostics)
    if site.docs_ok(root):
        out.extend(publish_policy(root, site.docs_dir, reserved_addresses(plan)).diagnostics)
    return out
