"""The ``smmplan`` click group and what every command shares: finding the plan, ``--today``,
the error that exits 2."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from .. import __version__
from ..oserrors import FaultGroup

F = TypeVar("F", bound=Callable[..., Any])


class CommandError(click.ClickException):
    """The command could not run (exit 2): bad usage, no plan found, unreadable revision."""

    exit_code = 2


@dataclass
class Env:
    """What every command gets: the ``-C`` folder, if any. The plan is found when a command
    needs it, so that ``--help``, ``init`` and ``rule`` work anywhere."""

    plan_dir: Path | None

    @property
    def root(self) -> Path:
        if self.plan_dir is not None and not self.plan_dir.is_dir():
            raise CommandError(f"-C {self.plan_dir}: no such folder")
        return find_plan(self.plan_dir or Path.cwd(), explicit=self.plan_dir is not None)

    @property
    def base(self) -> Path:
        """The ``-C`` folder or the current one, whether or not it holds a plan."""
        return (self.plan_dir or Path.cwd()).resolve()


def find_plan(start: Path, explicit: bool) -> Path:
    """The plan folder: ``start`` itself with ``-C``, else ``start`` or the nearest parent that
    holds a plan (``guidelines/rules.yml``, ``content/posts`` or ``mkdocs.yml``)."""
    start = start.resolve()
    candidates = [start] if explicit else [start, *start.parents]
    for folder in candidates:
        if any((folder / marker).exists() for marker in
               ("guidelines/rules.yml", "content/posts", "mkdocs.yml")):
            return folder
    where = str(start)
    raise CommandError(f"no plan found in {where} (a plan has guidelines/rules.yml and "
                       "content/posts/); run `smmplan init DIR` to create one, or use -C DIR")


LATEST_TODAY = dt.date(9997, 12, 31)


def parse_today(value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD",
                                 param_hint="--today") from None
    if day > LATEST_TODAY:
        # pages and feeds reach a year past today (holidays feed, horizon, next month)
        raise click.BadParameter(f"{value} is too far ahead: the latest day smmplan can take "
                                 f"as today is {LATEST_TODAY}", param_hint="--today")
    return day


def today_option(func: F) -> F:
    """``--today YYYY-MM-DD`` (or SMMPLAN_TODAY): the day time-relative rules take as today."""
    return click.option(
        "--today", "today", envvar="SMMPLAN_TODAY", metavar="YYYY-MM-DD",
        callback=lambda ctx, param, value: parse_today(value),
        help="Take this day as today (default: today in the plan timezone).",
    )(func)


def accepts_today(func: F) -> F:
    """``--today`` for a command whose output does not depend on the day: accepted (and
    checked) so that one SMMPLAN_TODAY serves every command, but not passed on."""
    return click.option(
        "--today", envvar="SMMPLAN_TODAY", metavar="YYYY-MM-DD", expose_value=False,
        callback=lambda ctx, param, value: parse_today(value),
        help="Accepted for symmetry with check; the output does not depend on it.",
    )(func)


def plan_root(ctx: click.Context) -> Path:
    env = ctx.find_object(Env)
    return env.root if env is not None else find_plan(Path.cwd(), explicit=False)



def input_file(path: Path, shown: Path) -> Path:
    """``path`` if it is a file a command can read (``shown`` as the user wrote it), else the
    command cannot run: missing, or a folder, device or FIFO that would hang or mislead."""
    if not path.exists():
        raise CommandError(f"{shown}: no such file")
    if not path.is_file():
        raise CommandError(f"{shown}: not a regular file; name a saved spreadsheet or export")
    return path

@click.group(cls=FaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="smmplan")
@click.option("-C", "plan_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Run in this plan folder instead of the current one.")
@click.pass_context
def main(ctx: click.Context, plan_dir: Path | None) -> None:
    """Plan social media posts as files in git: check them, build the site and calendar feeds.

    \b
    Example:
        smmplan check
        smmplan -C my-plan build --site-dir public
    """
    ctx.obj = Env(plan_dir)
