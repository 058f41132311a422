"""``smmplan serve``: a live preview of the site that rebuilds on every change to the plan."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys

import click

from .app import CommandError, plan_root, today_option


@click.command(name="serve")
@click.option("--dev-addr", metavar="HOST:PORT", default="127.0.0.1:8000", show_default=True,
              help="Address the preview listens on.")
@today_option
@click.pass_context
def command(ctx: click.Context, dev_addr: str, today: dt.date | None) -> None:
    """Preview the site; any change under content/, personas/, guidelines/ or data/ rebuilds it.

    The page in the browser reloads by itself. A saved post shows on its page and its month
    grid within a second; the rest of the site follows when the full rebuild is done (a page
    not yet rebuilt waits for it rather than show old content).

    \b
    Example:
        smmplan serve
        smmplan serve --dev-addr 0.0.0.0:8080
    """
    from mkdocs.exceptions import MkDocsException

    from ..preview import PreviewError, serve

    root = plan_root(ctx)
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise CommandError(f"no mkdocs.yml in {root}; `smmplan init` writes one")
    if today is not None:
        # each rebuild loads a fresh plugin, which reads today from here
        os.environ["SMMPLAN_TODAY"] = today.isoformat()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        serve(root, dev_addr, today)
    except (PreviewError, MkDocsException) as e:
        raise CommandError(str(e)) from None
    finally:
        logger.removeHandler(handler)
