"""``content/admin/config.yml``: the Decap CMS configuration of a plan, made from the plan.

Everything a creator picks from a list (channels, pillars, statuses, formats, personas,
campaigns, team members) comes from guidelines/rules.yml, guidelines/team.yml, personas/ and
content/campaigns/, so the editor offers exactly what ``check`` accepts. The backend settings
(repository, branch, sign-in address, local proxy) are the user's: ``smmplan cms`` takes them as
options and keeps them when it regenerates the file.

The fields are listed in the order posts are written in (``FIELD_ORDER``): Decap writes the
front matter keys it knows in that order, so a file already in it keeps its key order.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from .. import __version__
from ..format.keys import (
    CAMPAIGN,
    FORMATS,
    ID_PATTERN,
    IDS,
    PERSONA,
    POST,
    STATUSES,
    TEXTS,
    Section,
)
from ..model import Plan

PATH = "content/admin/config.yml"
#: The datetime widget's stored form: the wall-clock time, no offset, which the loader reads in
#: the plan's timezone. The widget parses and formats it in the browser's zone without
#: converting, so the time the creator picks is the time written.
DATE_FORMAT = "YYYY-MM-DD HH:mm"
DAY_FORMAT = "YYYY-MM-DD"
#: ``# smmplan-cms sha256=...``: the hash of the text below the header, as smmplan wrote it.
_STAMP = re.compile(r"^# smmplan-cms sha256=([0-9a-f]{64})$", re.MULTILINE)

#: Post keys in the order the editor writes them; the caption (``body``) is the file's body.
FIELD_ORDER = ("id", "title", "date", "channel", "pillar", "status", "format", "personas",
               "campaign", "author", "editor", "tags", "link")
CAMPAIGN_ORDER = ("name", "start", "end", "goal", "channels", "owner")
PERSONA_ORDER = ("name", "description", "interests", "channels", "last_reviewed")


@dataclass(frozen=True)
class Collection:
    """What the editor writes in one collection: which matters for :mod:`.roundtrip`."""

    folder: str
    order: tuple[str, ...]
    """The keys of its fields, in the order Decap writes them."""
    lists: tuple[str, ...]
    """Keys of its list fields: Decap writes even one value as a list."""
    front_matter: bool
    """Markdown with front matter (else a whole YAML file)."""


def _lists(section: Section, order: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in order if section[k].type in (IDS, TEXTS))


COLLECTIONS = {
    "posts": Collection("content/posts", FIELD_ORDER, _lists(POST, FIELD_ORDER), True),
    "campaigns": Collection("content/campaigns", CAMPAIGN_ORDER,
                            _lists(CAMPAIGN, CAMPAIGN_ORDER), True),
    "personas": Collection("personas", PERSONA_ORDER, _lists(PERSONA, PERSONA_ORDER), False),
}


@dataclass(frozen=True)
class Backend:
    """Where the editor saves: the user's settings, not the plan's."""

    repo: str = "your-org/your-repo"
    """``OWNER/NAME`` of the plan's GitHub repository."""
    branch: str = "main"
    auth_url: str | None = None
    """``base_url`` of the OAuth client that signs creators in to GitHub (see docs)."""
    local_url: str | None = None
    """The ``decap-server`` address for editing a local clone (default port 8081)."""


def backend_for(plan: Plan) -> Backend:
    """The default backend: the repository a ``https://OWNER.github.io/NAME/`` site_url names."""
    m = re.fullmatch(r"https://([A-Za-z0-9-]+)\.github\.io/([A-Za-z0-9._-]+)/",
                     plan.site.url or "")
    return Backend(repo=f"{m.group(1)}/{m.group(2)}") if m else Backend()


def _options(pairs: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"label": label, "value": value} for value, label in pairs.items()]


def _select(name: str, label: str, options: Mapping[str, str], *, required: bool = True,
            multiple: bool = False, hint: str | None = None,
            default: str | None = None) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label, "widget": "select"}
    if multiple:
        field["multiple"] = True
    field["options"] = _options(options)
    if default is not None:
        field["default"] = default
    field["required"] = required
    if hint:
        field["hint"] = hint
    return field


def _string(name: str, label: str, *, required: bool = True, hint: str | None = None,
            widget: str = "string", pattern: tuple[str, str] | None = None) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label, "widget": widget,
                             "required": required}
    if pattern:
        field["pattern"] = list(pattern)
    if hint:
        field["hint"] = hint
    return field


def _day(name: str, label: str) -> dict[str, Any]:
    return {"name": name, "label": label, "widget": "datetime", "format": DAY_FORMAT,
            "date_format": DAY_FORMAT, "time_format": False}


def post_fields(plan: Plan) -> list[dict[str, Any]]:
    """The post form: one field per key of FIELD_ORDER that the plan gives choices for."""
    channels = {c.id: c.name for c in plan.settings.channels.values()}
    members = {m.id: f"{m.name} ({m.id})" for m in plan.members.values()}
    fields: dict[str, dict[str, Any]] = {
        "id": _string("id", "Id", pattern=(ID_PATTERN, "lower-case letters, digits and dashes"),
                      hint="The post's permanent name and file name; never change it."),
        "title": _string("title", "Title", hint="A short internal title."),
        "date": {"name": "date", "label": "Publish time", "widget": "datetime",
                 "format": DATE_FORMAT,
                 "hint": f"Day and time in {plan.settings.timezone}, the plan's time zone."},
        "channel": _select("channel", "Channels", channels, multiple=True,
                           hint="A cross-post counts once on each channel."),
        "pillar": _select("pillar", "Pillar", {p: p for p in plan.settings.pillars}),
        "status": _select("status", "Status", {s: s for s in STATUSES}, default="draft"),
        "format": _select("format", "Format", {f: f for f in FORMATS}, required=False),
        "personas": _select("personas", "Personas",
                            {p.id: p.name for p in plan.personas.values()}, multiple=True,
                            required=False),
        "campaign": _select("campaign", "Campaign",
                            {c.id: c.name for c in plan.campaigns.values()}, required=False),
        "author": _select("author", "Author", members, required=False),
        "editor": _select("editor", "Editor", members, required=False,
                          hint="The editor who approves the post; never its author."),
        "tags": {"name": "tags", "label": "Tags", "widget": "list", "required": False},
        "link": _string("link", "Link", required=False, hint="The address the post points to."),
    }
    out = [f for key, f in fields.items() if f.get("widget") != "select" or f["options"]]
    out.append(_string("body", "Caption", widget="text",
                       hint="Exactly as it will be published; the preview counts it against "
                            "each channel's limit."))
    return out


def campaign_fields(plan: Plan) -> list[dict[str, Any]]:
    channels = {c.id: c.name for c in plan.settings.channels.values()}
    members = {m.id: f"{m.name} ({m.id})" for m in plan.members.values()}
    fields = [_string("name", "Name"), _day("start", "Start"), _day("end", "End"),
              _string("goal", "Goal", required=False)]
    if channels:
        fields.append(_select("channels", "Channels", channels, multiple=True, required=False))
    if members:
        fields.append(_select("owner", "Owner", members, required=False))
    fields.append(_string("body", "Brief", widget="text", required=False))
    return fields


def persona_fields(plan: Plan) -> list[dict[str, Any]]:
    channels = {c.id: c.name for c in plan.settings.channels.values()}
    fields = [_string("name", "Name"), _string("description", "Description", widget="text",
                                               required=False),
              {"name": "interests", "label": "Interests", "widget": "list", "required": False}]
    if channels:
        fields.append(_select("channels", "Channels", channels, multiple=True, required=False))
    fields.append(_day("last_reviewed", "Last reviewed"))
    return fields


def cms_config(plan: Plan, backend: Backend) -> dict[str, Any]:
    """The configuration as data, in the order it is written."""
    github: dict[str, Any] = {"name": "github", "repo": backend.repo, "branch": backend.branch}
    if backend.auth_url:
        github["base_url"] = backend.auth_url
    config: dict[str, Any] = {"backend": github}
    config["local_backend"] = {"url": backend.local_url} if backend.local_url else True
    config["publish_mode"] = "editorial_workflow"
    config["media_folder"] = "content/media"
    config["public_folder"] = "/media"
    if plan.site.url:
        config["site_url"] = plan.site.url
        config["display_url"] = plan.site.url
    config["slug"] = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    config["collections"] = [
        {"name": "posts", "label": "Posts", "label_singular": "Post",
         "folder": "content/posts", "create": True, "extension": "md",
         "format": "yaml-frontmatter",
         # {{year}}/{{month}} are of the time in UTC (Decap drops the quotes a date filter
         # would need here): within the browser's UTC offset of a month's end the file goes
         # in the next or previous month's folder, which the loader accepts all the same
         "path": "{{year}}/{{month}}/{{slug}}",
         "slug": "{{id}}", "identifier_field": "title",
         "summary": "{{date}} · {{title}} ({{status}})",
         "sortable_fields": ["date", "title", "status"],
         "fields": post_fields(plan)},
        {"name": "campaigns", "label": "Campaigns", "label_singular": "Campaign",
         "folder": "content/campaigns", "create": True, "extension": "md",
         "format": "yaml-frontmatter", "slug": "{{slug}}", "identifier_field": "name",
         "fields": campaign_fields(plan)},
        {"name": "personas", "label": "Personas", "label_singular": "Persona",
         "folder": "personas", "create": True, "extension": "yml", "format": "yml",
         "slug": "{{slug}}", "identifier_field": "name",
         "fields": persona_fields(plan)},
    ]
    return config


def body_text(config: Mapping[str, Any]) -> str:
    return yaml.safe_dump(dict(config), sort_keys=False, allow_unicode=True, width=100,
                          default_flow_style=False)


def render(plan: Plan, backend: Backend) -> str:
    """The file's text: a header naming its sources and the hash of the rest, then the YAML."""
    body = body_text(cms_config(plan, backend))
    return header(body) + body


def header(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return ("# The Decap CMS editor of this plan (/admin/ on the site), generated by smmplan "
            f"{__version__}\n"
            "# from guidelines/rules.yml, guidelines/team.yml, personas/ and content/campaigns/.\n"
            "# Regenerate it with `smmplan cms` after changing those; `smmplan check` says when\n"
            "# it is out of date (SMM011). smmplan replaces this file only while the line below\n"
            "# matches the rest of it, so a change made by hand is never overwritten.\n"
            f"# smmplan-cms sha256={digest}\n")


def untouched(text: str) -> bool:
    """True when the text below the stamp line is exactly what smmplan wrote there."""
    m = _STAMP.search(text)
    body = text[m.end() + 1:] if m else ""
    return m is not None and hashlib.sha256(body.encode("utf-8")).hexdigest() == m.group(1)


def backend_of(data: Any) -> Backend | None:
    """The backend settings of a loaded configuration, or None when it has none we can read."""
    if not isinstance(data, dict) or not isinstance(data.get("backend"), dict):
        return None
    github = data["backend"]
    local = data.get("local_backend")
    repo, branch, auth = github.get("repo"), github.get("branch", "main"), github.get("base_url")
    local_url = local.get("url") if isinstance(local, dict) else None
    if not isinstance(repo, str) or not isinstance(branch, str):
        return None
    return Backend(repo, branch, auth if isinstance(auth, str) else None,
                   local_url if isinstance(local_url, str) else None)
