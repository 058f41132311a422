"""`smmplan import`: a spreadsheet calendar in, through :mod:`smmplan.exchange`."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..diagnostics import Diagnostic
from .app import CommandError, Env, plan_root

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
def command(ctx: click.Context, file: Path, write: bool, maps: tuple[str, ...],
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
    from ..render import diagnostics as output

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
