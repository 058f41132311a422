"""A new post file: its id from the title, its front matter, its place in the plan.

:func:`new_post` checks the request against the plan (every id must be defined, the date must
read in the plan timezone) and gives the file's path and text; :func:`create` writes it, never
over an existing file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from . import posttemplate
from .fields import ID_RE, check_text, did_you_mean, parse_when
from .format.keys import POST
from .format.rules import PATH as RULES_PATH
from .format.team import TEAM_FILE
from .model import Plan

MAX_SLUG = 60


class NewPostError(ValueError):
    """The post cannot be created as asked; the message says why and what to do."""


@dataclass(frozen=True)
class Request:
    """What ``smmplan new`` was asked for. With a ``template`` (SPEC §5.5), what is left out
    here comes from the template; what is given here wins."""

    title: str
    channels: tuple[str, ...] = ()
    pillar: str | None = None
    date: str | None = None
    personas: tuple[str, ...] = ()
    status: str | None = None
    post_id: str | None = None
    format: str | None = None
    campaign: str | None = None
    author: str | None = None
    caption: str = ""
    template: str | None = None


class Raw(str):
    """A front matter value already written as YAML (a template's list or mapping)."""


def slug(title: str) -> str:
    """A file name and id from a title: ASCII, lower-case, dashes; at most 60 characters."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > MAX_SLUG:
        words = words[:MAX_SLUG].rsplit("-", 1)[0] if "-" in words[:MAX_SLUG] else \
            words[:MAX_SLUG]
    return words or "post"


def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when it reads back unchanged, else double-quoted."""
    try:
        plain = yaml.safe_load(f"k: {text}") == {"k": text}
    except yaml.YAMLError:
        plain = False
    if plain and text == text.strip() and "#" not in text:
        return text
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=10_000).strip()


def front_matter(fields: Mapping[str, str | Sequence[str]]) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, Raw):
            lines.append(f"{key}: {value}")
        elif key == "date":
            # written by _when_text, and smmplan reads dates as text: no YAML quoting needed
            lines.append(f"{key}: {value}")
        elif isinstance(value, str):
            lines.append(f"{key}: {scalar(value)}")
        elif len(value) == 1 and key == "channel":
            lines.append(f"{key}: {value[0]}")
        else:
            lines.append(f"{key}: [{', '.join(value)}]")
    return "\n".join([*lines, "---", ""])


def new_post(plan: Plan, ask: Request) -> tuple[str, str]:
    """``(path relative to the plan, text)`` of the new post; NewPostError if it cannot be."""
    if not plan.settings.loaded:
        raise NewPostError(f"{RULES_PATH} is missing or cannot be read; run `smmplan check` to "
                           "see why")
    template = None
    if ask.template is not None:
        try:
            template = posttemplate.load(Path(plan.root), ask.template)
        except posttemplate.TemplateProblem as exc:
            raise NewPostError(str(exc)) from None
        ask = _filled(ask, template)
    if not ask.channels:
        raise NewPostError("--channel is required (or a --template that sets `channel`)")
    if not ask.pillar:
        raise NewPostError("--pillar is required (or a --template that sets `pillar`)")
    status = ask.status or POST.default("status")
    problem = check_text(ask.title, single_line=True)
    if problem or not ask.title.strip():
        raise NewPostError(f"the title {problem or 'is empty'}")
    _known("channel", ask.channels, plan.settings.channels, RULES_PATH)
    _known("pillar", [ask.pillar], plan.settings.pillars, RULES_PATH)
    _known("persona", ask.personas, plan.personas, "personas/")
    _known("campaign", [ask.campaign] if ask.campaign else [], plan.campaigns,
           "content/campaigns/")
    _known("author", [ask.author] if ask.author else [], plan.members, TEAM_FILE)
    problem = check_text(ask.caption, single_line=False) if ask.caption else None
    if problem:
        raise NewPostError(f"the caption {problem}")

    post_id = ask.post_id if ask.post_id is not None else slug(ask.title)
    if not ID_RE.match(post_id):
        raise NewPostError(f"--id {post_id!r} is not a valid id (lower-case letters, digits and "
                           "dashes)")
    taken = plan.post(post_id)
    if taken is not None:
        raise NewPostError(f"the id {post_id!r} is already used by {taken.path}; choose another "
                           "with --id")

    fields: dict[str, str | Sequence[str]] = {"id": post_id, "title": ask.title.strip()}
    folder = "ideas"
    if ask.date:
        fields["date"], folder = _when_text(ask.date, plan)
    elif status != "idea":
        raise NewPostError("--date is required (only --status idea may leave it out)")
    fields["channel"] = list(dict.fromkeys(ask.channels))
    fields["pillar"] = ask.pillar
    fields["status"] = status
    if ask.format:
        fields["format"] = ask.format
    if ask.personas:
        fields["personas"] = list(dict.fromkeys(ask.personas))
    if ask.campaign:
        fields["campaign"] = ask.campaign
    if ask.author:
        fields["author"] = ask.author
    if template is not None:
        fields = posttemplate.merge(template, fields)
        for key, value in fields.items():
            if key in template.fields and key not in _OWN:
                fields[key] = Raw(posttemplate.dump_value(value))
    caption = ask.caption.strip()
    return (f"content/posts/{folder}/{post_id}.md",
            front_matter(fields) + (caption + "\n" if caption else ""))


#: Keys ``new`` writes itself (checked and formatted): a template's value for them is read into
#: the request, never copied as written.
_OWN = ("id", "title", "date", "channel", "pillar", "status", "format", "personas", "campaign",
        "author")


def _filled(ask: Request, template: posttemplate.PostTemplate) -> Request:
    """The request with what it leaves out taken from the template."""
    t = template.fields

    def text(key: str) -> str | None:
        value = t.get(key)
        if value is None:
            return None
        if isinstance(value, dict | list | bool):
            raise NewPostError(f"{template.path}: `{key}` must be a single value")
        return str(value)

    def ids(key: str) -> tuple[str, ...]:
        value = t.get(key)
        items = value if isinstance(value, list) else [] if value is None else [value]
        if not all(isinstance(i, str) for i in items):
            raise NewPostError(f"{template.path}: `{key}` must be an id or a list of ids")
        return tuple(items)

    return replace(
        ask, channels=ask.channels or ids("channel"), pillar=ask.pillar or text("pillar"),
        date=ask.date or text("date"), personas=ask.personas or ids("personas"),
        status=ask.status or text("status"), format=ask.format or text("format"),
        campaign=ask.campaign or text("campaign"), author=ask.author or text("author"),
        caption=ask.caption or template.body)


def create(root: Path, rel: str, text: str) -> None:
    """Write a new file; NewPostError if one is there, OSError if it cannot be written."""
    path = root / rel
    if path.exists() or path.is_symlink():
        raise NewPostError(f"{rel} already exists; not overwriting it")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as fh:
        fh.write(text)


def _known(what: str, wanted: Iterable[str], defined: Iterable[str], where: str) -> None:
    defined = list(defined)
    for item in wanted:
        if item not in defined:
            listed = ", ".join(defined) if defined else "none yet"
            raise NewPostError(f"unknown {what} {item!r}" + did_you_mean(item, defined)
                               + f" ({where} defines: {listed})")


def _when_text(raw: str, plan: Plan) -> tuple[str, str]:
    """``(front matter date, YYYY/MM folder)`` in the plan timezone."""
    when = parse_when(raw, plan.tz)
    if isinstance(when, str):
        raise NewPostError(f"--date: {when}")
    start, all_day = when
    if all_day:
        return start.date().isoformat(), f"{start:%Y}/{start:%m}"
    fmt = "%Y-%m-%d %H:%M" + (":%S" if start.second else "")
    return start.strftime(fmt), f"{start:%Y}/{start:%m}"
