"""`smmplan init`: a new plan repository that checks clean and builds as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from .. import tz
from ..cms import configfile as cms_config
from ..fields import check_text, did_you_mean
from ..format.keys import RULES_FILE, SITE
from ..scaffold import DEFAULT_INSTALL, scaffold, write
from .app import CommandError, today_option


@click.command(name="init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", "site_name", default=SITE.default("site_name"), show_default=True,
              help="The site's name (site_name in mkdocs.yml).")
@click.option("--timezone", default=RULES_FILE.default("timezone"), show_default=True,
              help="The plan's IANA time zone, e.g. Asia/Jakarta.")
@click.option("--install", default=DEFAULT_INSTALL, show_default=True,
              help="How the generated GitHub workflows install smmplan, e.g. "
                   "'pip install git+https://github.com/you/smmplan@v0.1.0'.")
@today_option
def command(directory: Path, site_name: str, timezone: str, install: str,
            today: dt.date | None) -> None:
    """Create a new plan repository in DIRECTORY (which must be empty or not exist yet).

    It holds settings with common-practice rules, a team, a persona, a guide, a campaign, two
    posts dated next week and an idea, GitHub workflows that check pull requests and publish the
    site, and JSON Schemas for editor completion. It checks clean and builds as it is.

    \b
    Example:
        smmplan init kopi-plan --name "Kopi Senja" --timezone Asia/Jakarta
    """
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise CommandError(f"{directory} is not empty; `smmplan init` only writes into an empty "
                           "or new folder")
    zone = tz.zone(timezone)
    if zone is None:
        raise CommandError(f"{timezone!r} is not a known IANA time zone"
                           + did_you_mean(timezone, tz.names()))
    problem = check_text(site_name, single_line=True)
    if problem or not site_name.strip():
        raise CommandError(f"--name {problem or 'is empty'}")
    if check_text(install, single_line=True) or not install.strip():
        raise CommandError("--install must be one command line")
    day = today if today is not None else dt.datetime.now(zone).date()
    files = scaffold(day, site_name=site_name.strip(), timezone=timezone, install=install.strip())
    try:
        write(directory, files)
        cms_config.create(directory)
    except cms_config.ConfigError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        raise CommandError(f"cannot write {directory}: {exc.strerror}") from None
    click.echo(f"Created a plan in {directory} ({len(files) + 1} files).\n\n"
               "Next:\n"
               f"  cd {directory}\n"
               "  smmplan check      # the plan as it is: no problems\n"
               "  smmplan serve      # preview the site\n"
               "  git init && git add . && git commit -m 'New plan'\n"
               "then push it to GitHub and follow the set-up steps in README.md.")
