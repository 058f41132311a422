"""`smmplan export`: the plan out, for a spreadsheet, a program or a scheduler."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from ..diagnostics import Diagnostic
from ..format.keys import STATUSES
from .app import CommandError, Env, plan_root, today_option


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


@click.command(name="export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(
    ("csv", "json", "hootsuite", "sprout")))
@click.option("--from", "start", metavar="YYYY-MM-DD", callback=_day,
              help="First day to export (plan timezone).")
@click.option("--to", "end", metavar="YYYY-MM-DD", callback=_day,
              help="Last day to export, inclusive.")
@click.option("--channel", "channels", multiple=True, help="Only this channel (repeatable).")
@click.option("--status", "statuses", multiple=True, type=click.Choice(STATUSES),
              help="Only posts with this status (repeatable; schedulers default to approved "
                   "and scheduled).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE instead of standard output; never overwrites it.")
@click.option("--force", is_flag=True, help="Let -o overwrite an existing FILE.")
@today_option
@click.pass_context
def command(ctx: click.Context, fmt: str, start: dt.date | None, end: dt.date | None,
                   channels: tuple[str, ...], statuses: tuple[str, ...], output: Path | None,
                   force: bool, today: dt.date | None) -> None:
    """Export the plan: csv (import reads it back), json, or a scheduler's bulk upload.

    hootsuite and sprout write that tool's bulk-upload CSV for one channel; every post the
    tool cannot take (past, a minute it refuses, too long, a platform it does not serve...)
    is reported by name (SMM501) and left out, and the exit code is 1. Posts that do not load
    are reported too. Same plan, same bytes.

    \b
    Example:
        smmplan export csv -o kalender.csv
        smmplan export hootsuite --channel instagram --from 2026-12-01 -o ig-desember.csv
    """
    from ..captions import captions_of
    from ..exchange.export import FORMATS
    from ..exchange.occurrences import Selection, selected_posts
    from ..exchange.schedulers import SCHEDULERS, MixedChannels
    from ..fields import did_you_mean
    from ..load import load_plan
    from ..render import diagnostics as out

    root = plan_root(ctx)
    plan, loaded = load_plan(root)
    for c in channels:
        if c not in plan.settings.channels:
            raise CommandError(f"--channel: unknown channel {c!r}"
                               + did_you_mean(c, plan.settings.channels))
    if start and end and start > end:
        raise CommandError(f"--from {start} is after --to {end}")
    env = ctx.find_object(Env)
    # like import's FILE (and check's PATHS): a relative -o is read against the -C folder
    target = output if output is None or output.is_absolute() or env is None else \
        env.base / output
    if target is not None and target.exists() and not force:
        raise CommandError(f"{output} exists; not overwriting it (use --force to replace it)")
    unsigned = 0
    if fmt in SCHEDULERS and not statuses:
        statuses = ("approved", "scheduled")  # what is signed off and still to go out
        others = Selection(start, end, channels, ("draft", "review"))
        unsigned = len(selected_posts(plan, others))
    now = (dt.datetime.combine(today, dt.time(0), plan.tz) if today is not None
           else dt.datetime.now(plan.tz))
    try:
        result = FORMATS[fmt](plan, Selection(start, end, channels, statuses), now)
    except MixedChannels as exc:
        raise CommandError(str(exc)) from None
    if target is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
    else:
        try:
            with open(target, "wb" if force else "xb") as fh:
                fh.write(result.data)
        except FileExistsError:
            raise CommandError(f"{output} exists; not overwriting it") from None
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror}") from None
    # posts that do not load, or whose captions do not render, must not go unnoticed
    found = [*loaded, *captions_of(plan).problems]
    problems = sorted([d for d in found if d.severity == "error"] + list(result.diagnostics),
                      key=Diagnostic.sort_key)
    if problems:
        click.echo(out.text(problems, result.items), nl=False, err=True)
    where = f" to {output}" if output is not None else ""
    unit = "post" if fmt == "csv" else "row"
    click.echo(f"Exported {result.items} {unit}{'s' * (result.items != 1)}{where}.", err=True)
    if unsigned:
        click.echo(f"Not selected: {unsigned} post{'s' * (unsigned != 1)} not yet approved "
                   "(scheduler exports take approved and scheduled posts; see --status).",
                   err=True)
    if fmt in SCHEDULERS and result.items:
        click.echo(f"Upload {SCHEDULERS[fmt].upload_note}; times are "
                   f"{plan.settings.timezone} wall-clock times.", err=True)
    ctx.exit(1 if problems else 0)
