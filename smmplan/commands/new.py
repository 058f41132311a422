"""`smmplan new`: a post file with valid front matter, in the right place."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

import click
import yaml

from ..cli import CommandError, plan_root
from ..fields import ID_RE, check_text, did_you_mean, parse_when
from ..files import leads_outside
from ..load import load_plan
from ..model import FORMATS, STATUSES, Plan

MAX_SLUG = 60


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
        if key == "date":
            # written by _when_text, and smmplan reads dates as text: no YAML quoting needed
            lines.append(f"{key}: {value}")
        elif isinstance(value, str):
            lines.append(f"{key}: {scalar(value)}")
        elif len(value) == 1 and key == "channel":
            lines.append(f"{key}: {value[0]}")
        else:
            lines.append(f"{key}: [{', '.join(value)}]")
    return "\n".join([*lines, "---", ""])


def _known(what: str, wanted: Iterable[str], defined: Iterable[str], where: str) -> None:
    defined = list(defined)
    for item in wanted:
        if item not in defined:
            listed = ", ".join(defined) if defined else "none yet"
            raise CommandError(f"unknown {what} {item!r}" + did_you_mean(item, defined)
                               + f" ({where} defines: {listed})")


def _when_text(raw: str, plan: Plan) -> tuple[str, str | None]:
    """``(front matter date, YYYY/MM folder)`` in the plan timezone."""
    when = parse_when(raw, plan.tz)
    if isinstance(when, str):
        raise CommandError(f"--date: {when}")
    start, all_day = when
    if all_day:
        return start.date().isoformat(), f"{start:%Y}/{start:%m}"
    fmt = "%Y-%m-%d %H:%M" + (":%S" if start.second else "")
    return start.strftime(fmt), f"{start:%Y}/{start:%m}"


@click.command(name="new")
@click.argument("title")
@click.option("--channel", "channels", multiple=True, required=True,
              help="Channel id from guidelines/rules.yml (repeat to cross-post).")
@click.option("--date", "date", metavar="WHEN",
              help="YYYY-MM-DD HH:MM in the plan timezone, or YYYY-MM-DD for an all-day slot. "
                   "Only ideas may leave it out.")
@click.option("--pillar", required=True, help="Pillar id from guidelines/rules.yml.")
@click.option("--persona", "personas", multiple=True, help="Persona id (repeatable).")
@click.option("--status", type=click.Choice(STATUSES), default="draft", show_default=True)
@click.option("--id", "post_id", help="The post's stable id (default: from the title).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="The post's format.")
@click.option("--campaign", help="Campaign id (content/campaigns/).")
@click.option("--author", help="Member id from guidelines/team.yml.")
@click.option("--caption", default="", help="The caption (default: empty, to be written).")
@click.pass_context
def command(ctx: click.Context, title: str, channels: tuple[str, ...], date: str | None,
            pillar: str, personas: tuple[str, ...], status: str, post_id: str | None,
            fmt: str | None, campaign: str | None, author: str | None, caption: str) -> None:
    """Create a post in content/posts/YYYY/MM/ (ideas without a date: content/posts/ideas/).

    The file always carries an `id:`, so renaming or moving it later changes nothing. An
    existing file is never overwritten.

    \b
    Example:
        smmplan new "Weekend offer" --channel instagram --channel x \\
            --date "2026-12-05 09:00" --pillar hard-sell --persona office-worker
    """
    root = plan_root(ctx)
    plan, _ = load_plan(root)
    if not plan.settings.loaded:
        raise CommandError("guidelines/rules.yml is missing or cannot be read; run "
                           "`smmplan check` to see why")
    problem = check_text(title, single_line=True)
    if problem or not title.strip():
        raise CommandError(f"the title {problem or 'is empty'}")
    rules = "guidelines/rules.yml"
    _known("channel", channels, plan.settings.channels, rules)
    _known("pillar", [pillar], plan.settings.pillars, rules)
    _known("persona", personas, plan.personas, "personas/")
    _known("campaign", [campaign] if campaign else [], plan.campaigns, "content/campaigns/")
    _known("author", [author] if author else [], plan.members, "guidelines/team.yml")
    if caption and check_text(caption, single_line=False):
        raise CommandError(f"the caption {check_text(caption, single_line=False)}")

    post_id = post_id if post_id is not None else slug(title)
    if not ID_RE.match(post_id):
        raise CommandError(f"--id {post_id!r} is not a valid id (lower-case letters, digits and "
                           "dashes)")
    taken = plan.post(post_id)
    if taken is not None:
        raise CommandError(f"the id {post_id!r} is already used by {taken.path}; choose another "
                           "with --id")

    fields: dict[str, str | Sequence[str]] = {"id": post_id, "title": title.strip()}
    folder = "ideas"
    if date:
        fields["date"], month = _when_text(date, plan)
        folder = month or folder
    elif status != "idea":
        raise CommandError("--date is required (only --status idea may leave it out)")
    fields["channel"] = list(dict.fromkeys(channels))
    fields["pillar"] = pillar
    fields["status"] = status
    if fmt:
        fields["format"] = fmt
    if personas:
        fields["personas"] = list(dict.fromkeys(personas))
    if campaign:
        fields["campaign"] = campaign
    if author:
        fields["author"] = author

    rel = f"content/posts/{folder}/{post_id}.md"
    path = root / rel
    if path.exists() or path.is_symlink():
        raise CommandError(f"{rel} already exists; not overwriting it")
    if leads_outside(root, path):
        raise CommandError(f"{rel}: a folder on the way is a link leading outside the plan; "
                           "not writing through it")
    text = front_matter(fields) + (caption.strip() + "\n" if caption.strip() else "")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        raise CommandError(f"cannot write {rel}: {exc.strerror}") from None
    click.echo(f"created {rel}")
    if not caption.strip() and status not in ("idea", "cancelled"):
        click.echo("next: write the caption below the closing `---`, then run `smmplan check`")
