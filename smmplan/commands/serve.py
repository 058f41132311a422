"""`smmplan serve` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command(name="serve")
def command() -> None:
    """Not implemented yet."""
    raise click.ClickException("smmplan serve is not implemented yet")
