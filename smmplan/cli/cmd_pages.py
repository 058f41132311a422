"""``smmplan pages``: the site's Markdown pages, navigation, feeds and styles, for any engine."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .app import CommandError, plan_root, today_option


@click.command(name="pages")
@click.option("--output", "-o", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Write the pages here: a new folder, or one an earlier run wrote.")
@today_option
@click.pass_context
def command(ctx: click.Context, output: Path, today: dt.date | None) -> None:
    """Check the plan, then write the site's pages as Markdown files for any site engine.

    The folder gets every generated page (``posts/<id>.md``, ``calendar/2026-12.md``, ...),
    nav.yml (mkdocs' ``nav:`` list, which Zensical reads too), the feeds, the JSON Schemas and
    assets/smmplan/smmplan.css. Put it in the engine's docs folder and build. With errors in
    the plan nothing is written.

    \b
    Example:
        smmplan pages --output build/docs
    """
    from ..build import BuildError, write_pages
    from ..render import diagnostics as output_text

    root = plan_root(ctx)
    if not output.is_absolute():
        output = Path.cwd() / output
    try:
        outcome = write_pages(root, output, today=today)
    except BuildError as e:
        raise CommandError(str(e)) from None
    except OSError as e:
        raise CommandError(f"cannot write to {output}: {e.strerror}") from None
    result = outcome.result
    if result.diagnostics:
        click.echo(output_text.text(result.diagnostics, len(result.plan.posts), root=root),
                   nl=False)
    if outcome.site_dir is None:
        click.echo("Not written: the plan has errors; nothing was written.", err=True)
        ctx.exit(1)
    click.echo(f"Wrote {outcome.pages} pages and {outcome.feeds} feeds into {outcome.site_dir}")
