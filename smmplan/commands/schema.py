"""`smmplan schema` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command(name="schema")
def command() -> None:
    """Not implemented yet."""
    raise click.ClickException("smmplan schema is not implemented yet")
