"""``smmplan metrics``: numbers after publishing (SPEC §6.3)."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import click

from ..metrics.exports import PLATFORMS
from .app import CommandError, plan_root


@click.group(name="metrics")
def command() -> None:
    """Numbers after publishing: import a platform's analytics export into data/metrics/."""


@command.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--platform", type=click.Choice(PLATFORMS), required=True,
              help="Whose analytics export FILE is.")
@click.option("--channel", "channels", multiple=True, metavar="ID",
              help="Match only this channel (repeatable; default: every channel of the "
                   "platform).")
@click.option("--export-timezone", metavar="IANA",
              help="Timezone of the export's publish times when they carry no offset "
                   "(default: the plan timezone).")
@click.option("--write", is_flag=True,
              help="Write data/metrics/<platform>-<YYYY-MM>.csv (default: only show).")
@click.pass_context
def import_command(ctx: click.Context, file: Path, platform: str, channels: tuple[str, ...],
                   export_timezone: str | None, write: bool) -> None:
    """Match the rows of a platform's analytics export to the plan's posts and write their
    numbers to data/metrics/.

    A row matches the post whose `published:` records its link, else the one post on the
    platform's channels published within 30 minutes of the row's time. Unmatched rows are
    listed, never guessed. Existing files are only appended to; numbers the plan already holds
    are not replaced.

    \b
    Example:
        smmplan metrics import ~/Downloads/instagram-posts.csv --platform instagram
        smmplan metrics import export.csv --platform x --write
    """
    from ..load import load_plan
    from ..metrics.data import load_metrics
    from ..metrics.importer import import_export, write_files
    from ..metrics.occurrences import plan_occurrences
    from ..metrics.records import front_matter_records
    from ..metrics.summary import as_text
    from ..metrics.writer import WriteError
    from ..render import diagnostics as output

    root = plan_root(ctx)
    if not file.is_file():
        raise CommandError(f"{file}: no such file")
    tz = None
    if export_timezone:
        try:
            tz = ZoneInfo(export_timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise click.BadParameter(f"{export_timezone!r} is not an IANA timezone",
                                     param_hint="--export-timezone") from None
    plan, _ = load_plan(root)
    unknown = [c for c in channels if c not in plan.settings.channels]
    if unknown:
        raise CommandError(f"--channel {unknown[0]}: no such channel in guidelines/rules.yml")
    # the plan's own problems are `check`'s to report; here they only must not stop the import
    recorded = [*front_matter_records(plan), *load_metrics(root, [])]
    result = import_export(plan, file, str(file), platform, plan_occurrences(plan), recorded,
                           tz=tz, channels=channels)
    written = False
    if write:
        try:
            write_files(root, result)
        except WriteError as exc:
            raise CommandError(str(exc)) from None
        written = True
    click.echo(as_text(result, written=written), nl=False)
    if result.diagnostics:
        click.echo(output.text(list(result.diagnostics), len(plan.posts),
                               root=root).rsplit("\n", 2)[0], err=False)
    ctx.exit(1 if any(d.severity == "error" for d in result.diagnostics) else 0)
