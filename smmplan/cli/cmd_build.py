"""``smmplan build``: check the plan, then build the site and its feeds."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ..format.keys import ENGINES
from .app import CommandError, plan_root, today_option


@click.command(name="build")
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write the site here (default: site_dir of mkdocs.yml, `site/`).")
@click.option("--strict", is_flag=True, help="Fail on warnings too (plan and mkdocs).")
@click.option("--engine", type=click.Choice(ENGINES),
              help="Site engine (default: `engine:` in rules.yml, else mkdocs).")
@today_option
@click.pass_context
def command(ctx: click.Context, site_dir: Path | None, strict: bool, engine: str | None,
            today: dt.date | None) -> None:
    """Check the plan, then build the site with its calendar feeds.

    With errors in the plan nothing is written: the diagnostics are printed and the exit code is
    1. The site is built in a temporary folder beside the target and swapped in, so a failed
    build never leaves half a site; the same plan always gives the same bytes.

    \b
    Example:
        smmplan build
        smmplan build --site-dir public --strict
        smmplan build --engine zensical
    """
    from ..build import BuildError, build_site
    from ..render import diagnostics as output

    root = plan_root(ctx)
    if site_dir is not None and not site_dir.is_absolute():
        site_dir = Path.cwd() / site_dir
    try:
        with _mkdocs_messages():
            outcome = build_site(root, site_dir, today=today, strict=strict, engine=engine)
    except BuildError as e:
        raise CommandError(str(e)) from None
    result = outcome.result
    if result.diagnostics:
        click.echo(output.text(result.diagnostics, len(result.plan.posts), root=root), nl=False)
    if outcome.site_dir is None:
        why = "errors" if result.errors else "warnings (--strict)"
        click.echo(f"Not built: the plan has {why}; nothing was written.", err=True)
        ctx.exit(1)
    for note in outcome.notes:
        click.echo(note, err=True)
    click.echo(f"Built {outcome.pages} pages and {outcome.feeds} feeds into {outcome.site_dir}")


@contextmanager
def _mkdocs_messages() -> Iterator[None]:
    """Show mkdocs' warnings and errors (a broken link, a strict failure) on stderr."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
