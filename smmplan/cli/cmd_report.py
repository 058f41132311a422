"""``smmplan report``: the content mix and posting frequency per window and channel, and the
engagement of what was published."""

from __future__ import annotations

import datetime as dt

import click

from ..format.keys import MIX_WINDOWS
from .app import plan_root, today_option

REPORT_WINDOWS = (*MIX_WINDOWS, "quarter")


@click.command(name="report")
@click.option("--window", type=click.Choice(REPORT_WINDOWS), default=None,
              help="Window of the mix and the engagement: ISO week, calendar month or quarter "
                   "(default: mix.window in guidelines/rules.yml).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="Output format: a table, Markdown for a pull request, "
                                      "or JSON.")
@today_option
@click.pass_context
def command(ctx: click.Context, window: str | None, fmt: str, today: dt.date | None) -> None:
    """Show the content mix and posting frequency per window and channel, against the targets
    and limits of guidelines/rules.yml, and the engagement of what was published: per
    channel, pillar, format, persona, campaign and posting slot, with the best posting times.

    Cancelled posts and ideas are left out; a cross-post counts once on each channel. Only
    numbers of occurrences up to today (--today) count.

    \b
    Example:
        smmplan report
        smmplan report --window month --format markdown >> "$GITHUB_STEP_SUMMARY"
        smmplan report --window quarter --format json
    """
    from .. import report
    from ..load import load_plan
    from ..render.report import RENDERINGS

    plan, _ = load_plan(plan_root(ctx))
    click.echo(RENDERINGS[fmt](report.compute(plan, window, today)), nl=False)
