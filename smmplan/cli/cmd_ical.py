"""`smmplan ical`: write the plan's iCalendar feeds, and nothing else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..feedfiles import DEFAULT_OUTPUT
from .app import CommandError, plan_root, today_option


@click.command(name="ical")
@click.option("--output", "-o", "output", type=click.Path(file_okay=False, path_type=Path),
              default=None, metavar="DIR",
              help=f"Write the feeds here (default: {DEFAULT_OUTPUT}/ in the plan folder).")
@today_option
@click.pass_context
def command(ctx: click.Context, output: Path | None, today: dt.date | None) -> None:
    """Write the iCalendar feeds only: calendar.ics and calendars/*.ics.

    The plan is checked first, as by `smmplan build`: with errors the diagnostics are printed,
    nothing is written and the exit code is 1. Feeds from the same commit are the same bytes.
    Feeds of channels, personas, campaigns or authors that no longer exist are removed from
    DIR/calendars/.

    \b
    Example:
        smmplan ical                    # writes feeds/calendar.ics, feeds/calendars/...
        smmplan ical --output site      # refresh the feeds of a built site
    """
    from ..check import check_plan
    from ..feedfiles import write_feeds
    from ..gitdates import SHALLOW, read_history
    from ..ical import render_feeds
    from ..render import diagnostics as out

    root = plan_root(ctx)
    result = check_plan(root, today)
    if result.errors:
        click.echo(out.text(result.diagnostics, len(result.plan.posts), root=root), nl=False)
        click.echo("No feeds written: fix the errors above first.", err=True)
        ctx.exit(1)
    target = (output if output is not None else root / DEFAULT_OUTPUT).resolve()
    history = read_history(root)
    if history.shallow:
        click.echo(SHALLOW, err=True)
    feeds = render_feeds(result.plan, history, result.today)
    try:
        changed = write_feeds(target, feeds)
    except OSError as exc:
        raise CommandError(f"cannot write the feeds to {target}: {exc.strerror or exc}") from None
    click.echo(f"Wrote {len(feeds)} feeds to {target} ({changed} changed).")
