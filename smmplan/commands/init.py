"""`smmplan init` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command(name="init")
def command() -> None:
    """Not implemented yet."""
    raise click.ClickException("smmplan init is not implemented yet")
