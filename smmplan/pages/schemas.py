"""``/schemas/<kind>.schema.json``: the JSON Schemas of the plan's files, published with the site.

Editors that speak the YAML language server check and complete a plan file while it is typed
when the file's first line names its schema; the guidelines page says how (see
:func:`editor_support`). The schemas themselves come from :mod:`smmplan.schema`.
"""

from __future__ import annotations

from ..schema import KINDS, dumps, filename, schema

SCHEMA_DIR = "schemas"

#: Which plan files each schema describes, and whether the YAML language server reads them
#: (post front matter sits inside Markdown, which it does not).
FILES: dict[str, tuple[str, bool]] = {
    "post": ("content/posts/**/*.md", False),
    "persona": ("personas/*.yml", True),
    "rules": ("guidelines/rules.yml", True),
    "team": ("guidelines/team.yml", True),
}


def schema_path(kind: str) -> str:
    """The schema's path on the site: ``schemas/rules.schema.json``."""
    return f"{SCHEMA_DIR}/{filename(kind)}"


def schema_files() -> dict[str, str]:
    """Every schema by its path on the site, in :data:`smmplan.schema.KINDS` order."""
    return {schema_path(kind): dumps(schema(kind)) for kind in KINDS}


def modeline(kind: str, site_url: str | None) -> str:
    """The first line that points a plan file at its schema.

    With the site's URL the line names the published schema; without one it names the copy
    that ``smmplan schema --output schemas`` writes into the plan (every file it applies to
    sits one folder below the plan's root).
    """
    target = (site_url.rstrip("/") + "/" if site_url else "../") + schema_path(kind)
    return f"# yaml-language-server: $schema={target}"
