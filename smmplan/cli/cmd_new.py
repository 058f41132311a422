"""`smmplan new`: a post file with valid front matter, in the right place."""

from __future__ import annotations

import click

from ..format.keys import FORMATS, POST, STATUSES
from .app import CommandError, plan_root


@click.command(name="new")
@click.argument("title")
@click.option("--channel", "channels", multiple=True,
              help="Channel id from guidelines/rules.yml (repeat to cross-post). Required "
                   "unless the template sets it.")
@click.option("--date", "date", metavar="WHEN",
              help="YYYY-MM-DD HH:MM in the plan timezone, or YYYY-MM-DD for an all-day slot. "
                   "Only ideas may leave it out.")
@click.option("--pillar", help="Pillar id from guidelines/rules.yml. Required unless the "
                               "template sets it.")
@click.option("--persona", "personas", multiple=True, help="Persona id (repeatable).")
@click.option("--status", type=click.Choice(STATUSES),
              help=f"The post's status (default: the template's, else {POST.default('status')}).")
@click.option("--id", "post_id", help="The post's stable id (default: from the title).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="The post's format.")
@click.option("--campaign", help="Campaign id (content/campaigns/).")
@click.option("--author", help="Member id from guidelines/team.yml.")
@click.option("--caption", default="", help="The caption (default: the template's body, else "
                                             "empty, to be written).")
@click.option("--template", metavar="NAME",
              help="Start from content/_templates/NAME.md: its front matter and body; the "
                   "options given here win.")
@click.pass_context
def command(ctx: click.Context, title: str, channels: tuple[str, ...], date: str | None,
            pillar: str | None, personas: tuple[str, ...], status: str | None,
            post_id: str | None, fmt: str | None, campaign: str | None, author: str | None,
            caption: str, template: str | None) -> None:
    """Create a post in content/posts/YYYY/MM/ (ideas without a date: content/posts/ideas/).

    The file always carries an `id:`, so renaming or moving it later changes nothing. An
    existing file is never overwritten.

    \b
    Example:
        smmplan new "Weekend offer" --channel instagram --channel x \\
            --date "2026-12-05 09:00" --pillar hard-sell --persona office-worker
        smmplan new "Kutipan Senin" --template kutipan-mingguan --date "2027-01-04 07:30"
    """
    from ..load import load_plan
    from ..newpost import NewPostError, Request, create, new_post

    root = plan_root(ctx)
    plan, _ = load_plan(root)
    ask = Request(title=title, channels=channels, pillar=pillar, date=date, personas=personas,
                  status=status, post_id=post_id, format=fmt, campaign=campaign, author=author,
                  caption=caption, template=template)
    try:
        rel, text = new_post(plan, ask)
        create(root, rel, text)
    except NewPostError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"cannot write {rel}: {exc.strerror}") from None
    click.echo(f"created {rel}")
    if text.endswith("\n---\n") and status not in ("idea", "cancelled"):
        click.echo("next: write the caption below the closing `---`, then run `smmplan check`")
