"""``smmplan rule``: a rule's documentation, or the list of every rule."""

from __future__ import annotations

import click

from .app import CommandError


@click.command(name="rule")
@click.argument("code", required=False)
def command(code: str | None) -> None:
    """Print a rule's documentation; without CODE, list every rule.

    \b
    Example:
        smmplan rule SMM101
        smmplan rule too-many-per-day
    """
    from ..ruletable import RULES, lookup

    if code is None:
        for r in RULES.values():
            first = r.summary.split(". ")[0].rstrip(".")
            click.echo(f"{r.code}  {r.name:<26} {r.level:<9} {first}")
        return
    found = lookup(code)
    if found is None:
        from ..fields import did_you_mean

        raise CommandError(f"no rule {code!r}" + did_you_mean(code, list(RULES) + [
            r.name for r in RULES.values()]))
    click.echo(found.doc(), nl=False)
