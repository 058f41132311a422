"""`smmplan schema`: the JSON Schemas of the plan's files, for editors and other tools."""

from __future__ import annotations

from pathlib import Path

import click

from ..schema import KINDS, dumps, filename, schema
from .app import CommandError


@click.command(name="schema")
@click.argument("kind", required=False, type=click.Choice(KINDS))
@click.option("--output", "-o", "output", type=click.Path(file_okay=False, path_type=Path),
              help="Write <kind>.schema.json files into this folder (all kinds without KIND).")
def command(kind: str | None, output: Path | None) -> None:
    """Print the JSON Schema (draft 2020-12) of a plan file kind, or write them to a folder.

    KIND is post (front matter), persona, rules (guidelines/rules.yml) or team
    (guidelines/team.yml).

    \b
    Example:
        smmplan schema rules > rules.schema.json
        smmplan schema --output schemas
    """
    if output is None:
        if kind is None:
            raise CommandError("name a schema (" + ", ".join(KINDS) + ") or use --output DIR "
                               "to write them all")
        click.echo(dumps(schema(kind)), nl=False)
        return
    try:
        output.mkdir(parents=True, exist_ok=True)
        for name in (kind,) if kind else KINDS:
            (output / filename(name)).write_text(dumps(schema(name)), encoding="utf-8")
            click.echo(f"wrote {output / filename(name)}")
    except OSError as exc:
        raise CommandError(f"cannot write to {output}: {exc.strerror}") from None
