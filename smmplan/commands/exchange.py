"""`smmplan import` and `smmplan export`: a thin layer over :mod:`smmplan.exchange`."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..cli import CommandError, Env, plan_root, today_option
from ..diagnostics import Diagnostic
from ..model import STATUSES

if TYPE_CHECKING:
    from ..exchange.importer import Planned

FORMAT_CHOICES = ("text", "json", "github")


def _mapping(maps: Sequence[str]) -> dict[str, str]:
    from ..exchange.columns import COLUMNS, field_of, normal

    out = {}
    for item in maps:
        column, sep, target = item.partition("=")
        field = field_of(target) if sep else None
        if not sep or not column.strip() or field is None:
            fields = ", ".join(c.field for c in COLUMNS)
            raise CommandError(f"--map {item!r}: write COLUMN=FIELD with FIELD one of {fields} "
                               "(or COLUMN= to leave the column out)")
        out[normal(column)] = field
    return out


@click.command(name="import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--write", is_flag=True, help="Create the post files (default: only show them).")
@click.option("--map", "maps", multiple=True, metavar="COLUMN=FIELD",
              help="Read the column COLUMN as FIELD (repeatable); COLUMN= leaves it out.")
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES), default="text",
              show_default=True, help="Output format, as for check.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.pass_context
def import_command(ctx: click.Context, file: Path, write: bool, maps: tuple[str, ...],
                   fmt: str, strict: bool) -> None:
    """Import a spreadsheet calendar saved as CSV (or .xlsx): one post file per row.

    Headers in English or Indonesian (judul, tanggal, jam, kanal, pilar, keterangan...),
    dates day first (25/12/2026 19.30), several channels in a cell (IG + FB). Without --write
    nothing is written: it shows the files it would create and every problem, at the CSV's
    line and column. With --write it creates content/posts/YYYY/MM/<date>-<slug>.md and never
    overwrites a file; a row whose id exists is left out (SMM005). Exit codes as for check.

    \b
    Example:
        smmplan import kalender-desember.csv
        smmplan import kalender-desember.csv --map "Tgl Tayang=date" --write
    """
    from ..exchange.columns import header_row, normal
    from ..exchange.importer import WriteError, plan_import, write_planned
    from ..exchange.table import read_table
    from ..load import load_plan

    root = plan_root(ctx)
    mapping = _mapping(maps)
    env = ctx.find_object(Env)
    # read like check's PATHS: against the -C folder, as `git -C` does
    path = file if file.is_absolute() or env is None else env.base / file
    if not path.is_file():
        raise CommandError(f"{file}: no such file")
    plan, _ = load_plan(root)
    if not plan.settings.loaded:
        raise CommandError("guidelines/rules.yml is missing or cannot be read; run "
                           "`smmplan check` to see why")
    name = file.as_posix()
    table, read = read_table(path, name)
    if table.rows and mapping:
        present = {normal(c) for c in header_row(table.rows, mapping).cells}
        for column in mapping:
            if column not in present:
                raise CommandError(f"--map: {name} has no column {column!r}")
    result = plan_import(table, plan, mapping, read)
    diagnostics = list(result.diagnostics)
    files = list(result.planned)
    if write:
        try:
            written, more = write_planned(root, files)
        except WriteError as exc:
            raise CommandError(str(exc)) from None
        files = [p for p in files if p.path in set(written)]
        diagnostics = sorted(diagnostics + more, key=Diagnostic.sort_key)
    _report(ctx, fmt, diagnostics, files, result.rows, write, strict)


def _report(ctx: click.Context, fmt: str, diagnostics: Sequence[Diagnostic],
            files: Sequence[Planned], rows: int, write: bool, strict: bool) -> None:
    from .. import output

    verb = "created" if write else "would create"
    paths = [p.path for p in files]
    if fmt == "json":
        data = json.loads(output.as_json(diagnostics, len(paths)))
        data["rows"], data["written"] = rows, write
        data["files"] = [{"path": p.path, "post": p.post.id, "line": p.line} for p in files]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for p in files:
            click.echo(f"{verb} {p.path} (line {p.line})")
        if fmt == "github":
            click.echo(output.github(diagnostics, len(paths)), nl=False)
        else:
            tty = sys.stdout.isatty()
            click.echo(output.text(diagnostics, len(paths),
                                   colour=tty and "NO_COLOR" not in os.environ), nl=False)
        rest = "" if write or not paths else "; run again with --write to create them"
        click.echo(f"{len(paths)} of {rows} rows {'imported' if write else 'to import'}{rest}.")
    failing = ("error", "warning") if strict else ("error",)
    ctx.exit(1 if any(d.severity in failing for d in diagnostics) else 0)


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
def export_command(ctx: click.Context, fmt: str, start: dt.date | None, end: dt.date | None,
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
    from .. import output as out
    from ..exchange.export import FORMATS
    from ..exchange.occurrences import Selection, selected_posts
    from ..exchange.schedulers import SCHEDULERS, MixedChannels
    from ..fields import did_you_mean
    from ..load import load_plan

    root = plan_root(ctx)
    plan, loaded = load_plan(root)
    for c in channels:
        if c not in plan.settings.channels:
            raise CommandError(f"--channel: unknown channel {c!r}"
                               + did_you_mean(c, plan.settings.channels))
    if start and end and start > end:
        raise CommandError(f"--from {start} is after --to {end}")
    if output is not None and output.exists() and not force:
        raise CommandError(f"{output} exists; not overwriting it (use --force to replace it)")
    unsigned = 0
    if fmt in SCHEDULERS and not statuses:
        statuses = ("approved", "scheduled")  # what is signed off and still to go out
        others = Selection(start, end, channels, tuple(s for s in STATUSES if s not in statuses
                                                       and s not in ("idea", "cancelled")))
        unsigned = len(selected_posts(plan, others))
    now = (dt.datetime.combine(today, dt.time(0), plan.tz) if today is not None
           else dt.datetime.now(plan.tz))
    try:
        result = FORMATS[fmt](plan, Selection(start, end, channels, statuses), now)
    except MixedChannels as exc:
        raise CommandError(str(exc)) from None
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
    else:
        try:
            with open(output, "wb" if force else "xb") as fh:
                fh.write(result.data)
        except FileExistsError:
            raise CommandError(f"{output} exists; not overwriting it") from None
        except OSError as exc:
            raise CommandError(f"cannot write {output}: {exc.strerror}") from None
    problems = sorted([d for d in loaded if d.severity == "error"] + list(result.diagnostics),
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


COMMANDS = (import_command, export_command)
