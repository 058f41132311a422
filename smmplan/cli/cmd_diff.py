"""`smmplan diff`: what a change does to the calendar, as Markdown for a pull request."""

from __future__ import annotations

import datetime as dt

import click

from ..diff import RevisionError, diff_revisions
from ..render.diff import markdown
from .app import CommandError, plan_root, today_option


@click.command(name="diff")
@click.argument("base")
@click.argument("head", default="HEAD")
@today_option
@click.pass_context
def command(ctx: click.Context, base: str, head: str, today: dt.date | None) -> None:
    """Compare the plan between two git revisions: posts added, removed, moved or re-statused,
    each affected week's mix and frequency, and the problems the change introduces or fixes.

    Both revisions are read from git history; the work tree is not touched. HEAD defaults to
    HEAD. Prints one line, "no calendar change", when nothing on the calendar differs.

    \b
    Example:
        smmplan diff origin/main
        smmplan diff v1.0 my-branch >> "$GITHUB_STEP_SUMMARY"
    """
    root = plan_root(ctx)
    try:
        text = markdown(diff_revisions(root, base, head, today))
    except RevisionError as exc:
        raise CommandError(str(exc)) from None
    click.echo(text, nl=False)
