"""``smmplan report``: the content mix and posting frequency per window and channel."""

from __future__ import annotations

import click

from ..format.keys import MIX_WINDOWS
from .app import accepts_today, plan_root


@click.command(name="report")
@click.option("--window", type=click.Choice(MIX_WINDOWS), default=None,
              help="Window of the mix: ISO week or calendar month (default: mix.window in "
                   "guidelines/rules.yml).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="Output format: a table, Markdown for a pull request, "
                                      "or JSON.")
@accepts_today
@click.pass_context
def command(ctx: click.Context, window: str | None, fmt: str) -> None:
    """Show the content mix and posting frequency per window and channel, against the targets
    and limits of guidelines/rules.yml.

    Cancelled posts and ideas are left out; a cross-post counts once on each channel. The
    report does not depend on today (--today is accepted for symmetry with check).

    \b
    Example:
        smmplan report
        smmplan report --window month --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from .. import report
    from ..load import load_plan
    from ..render.report import RENDERINGS

    plan, _ = load_plan(plan_root(ctx))
    click.echo(RENDERINGS[fmt](report.compute(plan, window)), nl=False)
