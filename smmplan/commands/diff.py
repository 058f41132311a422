"""`smmplan diff` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command(name="diff")
def command() -> None:
    """Not implemented yet."""
    raise click.ClickException("smmplan diff is not implemented yet")
