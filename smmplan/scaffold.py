"""A new plan repository (``smmplan init``) as ``{path: text}``, and writing it.

The template files live in ``smmplan/scaffold/`` (``dot-x`` stands for ``.x``);
``{{smmplan:NAME}}`` marks a value filled in here (``${{ ... }}`` of GitHub Actions is left
alone). Posts are dated relative to the day of
creation, so that a new plan checks clean on the day it is made; the JSON Schemas and CODEOWNERS
are generated, not copied, so they always match this version of smmplan.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from . import __version__, schema
from .model import Member

_TOKEN = re.compile(r"\{\{smmplan:([a-z_]+)\}\}")

#: Where each template post goes: the day offset from today (None for an idea without a date).
POSTS = {
    "content/posts/welcome.md": ("welcome.md", 7),
    "content/posts/behind-the-scenes.md": ("behind-the-scenes.md", 8),
    "content/posts/idea-customer-stories.md": ("customer-stories.md", None),
}
CAMPAIGN_DAYS = 27
#: The install step of the scaffolded workflows.
DEFAULT_INSTALL = f'pip install "smmplan=={__version__}"'
#: Who owns ``guidelines/`` when the team has no editor with a GitHub name.
NO_EDITOR = "@your-org/editors"


def _templates() -> Traversable:
    return resources.files("smmplan").joinpath("scaffold")


def _walk(folder: Traversable, prefix: str = "") -> Iterable[tuple[str, Traversable]]:
    # dot-files are stored as ``dot-NAME`` so that packaging tools, which skip hidden files in
    # globs, still ship them
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        name = prefix + (("." + item.name[4:]) if item.name.startswith("dot-") else item.name)
        if item.is_dir():
            if item.name != "__pycache__":
                yield from _walk(item, name + "/")
        else:
            yield name, item


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace every ``{{smmplan:NAME}}``; an unknown NAME is a bug in the templates."""
    def one(m: re.Match[str]) -> str:
        return values[m.group(1)]

    return _TOKEN.sub(one, text)


def values_for(today: dt.date, site_name: str, timezone: str, install: str) -> dict[str, str]:
    def day(offset: int) -> str:
        return (today + dt.timedelta(days=offset)).isoformat()

    return {
        # a JSON string is a valid YAML scalar, whatever the name holds
        "site_name_yaml": json.dumps(site_name, ensure_ascii=False),
        "site_name": _markdown(site_name),
        "timezone": timezone,
        "today": today.isoformat(),
        "first_post": day(POSTS["content/posts/welcome.md"][1] or 0),
        "second_post": day(POSTS["content/posts/behind-the-scenes.md"][1] or 0),
        "campaign_end": day(CAMPAIGN_DAYS),
        "install": _yaml_scalar(install),
    }


def _yaml_scalar(text: str) -> str:
    """``text`` as written when YAML reads it back unchanged, else as a JSON (YAML) string."""
    try:
        if yaml.safe_load(f"run: {text}") == {"run": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


def _markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>#|~!@])", r"\\\1", text)


def _target(path: str, today: dt.date) -> str:
    if path not in POSTS:
        return path
    name, offset = POSTS[path]
    if offset is None:
        return f"content/posts/ideas/{name}"
    when = today + dt.timedelta(days=offset)
    return f"content/posts/{when:%Y}/{when:%m}/{name}"


def codeowners(members: Iterable[Member]) -> str:
    """``.github/CODEOWNERS``: editors review the posts and personas; the managers own what
    decides how the plan is judged and built (SPEC §8.2): rules and guides, mkdocs.yml, the
    workflows, theme overrides and hooks."""
    editors = sorted({f"@{m.github}" for m in members if "editor" in m.roles and m.github})
    managers = sorted({f"@{m.github}" for m in members if "manager" in m.roles and m.github})
    owners = " ".join(editors) or NO_EDITOR
    config = " ".join(managers) or owners
    return (
        "# Who must review what (GitHub asks them for a review on every pull request).\n"
        "# Generated from guidelines/team.yml; keep the two in step.\n"
        f"/content/ {owners}\n"
        f"/personas/ {owners}\n"
        "# The rules, the site configuration and the workflows decide how every post is judged\n"
        "# and what the build runs: managers only.\n"
        f"/guidelines/ {config}\n"
        f"/mkdocs.yml {config}\n"
        f"/.github/ {config}\n"
        f"/overrides/ {config}\n"
        f"/hooks/ {config}\n"
    )


def workflows(install: str) -> dict[str, str]:
    """The GitHub Actions workflows of a plan repository, with ``install`` as the install step."""
    values = {"install": _yaml_scalar(install)}
    return {name: fill(item.read_text(encoding="utf-8"), values)
            for name, item in _walk(_templates()) if name.startswith(".github/workflows/")}


def scaffold(today: dt.date, *, site_name: str = "Social media plan", timezone: str = "UTC",
             install: str = DEFAULT_INSTALL) -> dict[str, str]:
    """Every file of a new plan repository, ``{relative path: text}``, sorted by path."""
    values = values_for(today, site_name, timezone, install)
    files = {_target(name, today): fill(item.read_text(encoding="utf-8"), values)
             for name, item in _walk(_templates())}
    for kind in schema.KINDS:
        files[f"schemas/{schema.filename(kind)}"] = schema.dumps(schema.schema(kind))
    files[".github/CODEOWNERS"] = codeowners(_team(files["guidelines/team.yml"]))
    return dict(sorted(files.items()))


def _team(text: str) -> list[Member]:
    from .yamlpos import parse

    members = parse(text).value["members"]
    return [Member(mid, m["name"], m.get("github"), tuple(m.get("roles", ())))
            for mid, m in members.items()]


def write(root: Path, files: Mapping[str, str]) -> None:
    """Write ``files`` under ``root`` (which must be empty or absent)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
