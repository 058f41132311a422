"""`smmplan new` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command(name="new")
def command() -> None:
    """Not implemented yet."""
    raise click.ClickException("smmplan new is not implemented yet")
