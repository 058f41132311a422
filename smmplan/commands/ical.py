"""`smmplan ical` (placeholder until its issue lands)."""

from __future__ import annotations

import click


@click.command(name="ical")
def command() -> None:
    """Not implemented yet."""
    raise click.ClickException("smmplan ical is not implemented yet")
