"""`smmplan ical`: write the plan's iCalendar feeds, and nothing else."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path

import click

from ..cli import CommandError, plan_root, today_option

DEFAULT_OUTPUT = "feeds"
#: Generated feed names under ``calendars/``: stale ones (a removed channel...) are deleted.
_GENERATED = re.compile(r"^(channel|persona|campaign|author)-[a-z0-9][a-z0-9-]*\.ics$|"
                        r"^holidays\.ics$")


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
    from .. import output as out
    from ..check import check_plan
    from ..gitdates import SHALLOW, read_history
    from ..ical import render_feeds

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
    feeds = render_feeds(result.plan, history)
    try:
        changed = write_feeds(target, feeds)
    except OSError as exc:
        raise CommandError(f"cannot write the feeds to {target}: {exc.strerror or exc}") from None
    click.echo(f"Wrote {len(feeds)} feeds to {target} ({changed} changed).")


def write_feeds(target: Path, feeds: Mapping[str, bytes]) -> int:
    """Write ``feeds`` under ``target``, leaving unchanged files untouched (their mtimes too);
    remove stale generated feeds. Returns how many files were written or removed."""
    changed = 0
    for rel, data in feeds.items():
        path = (target / rel).resolve()
        if not path.is_relative_to(target):  # feed paths come from ids; never trust them blindly
            raise OSError(f"{rel} would leave the output folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.read_bytes() == data:
            continue
        path.write_bytes(data)
        changed += 1
    folder = target / "calendars"
    if folder.is_dir():
        wanted = {rel for rel in feeds}
        for old in sorted(folder.iterdir()):
            if old.is_file() and _GENERATED.match(old.name) and \
                    f"calendars/{old.name}" not in wanted:
                old.unlink()
                changed += 1
    return changed
