"""`smmplan report` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command(name="report")
def command() -> None:
    """Not implemented yet."""
    raise click.ClickException("smmplan report is not implemented yet")
