"""The ``smmplan`` command: a thin click layer over the library.

Exit codes: 0 no errors, 1 errors (or warnings with ``--strict``), 2 the command could not run.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__

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


def parse_today(value: str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD",
                                 param_hint="--today") from None


def today_option(func: F) -> F:
    """``--today YYYY-MM-DD`` (or SMMPLAN_TODAY): the day time-relative rules take as today."""
    return click.option(
        "--today", "today", envvar="SMMPLAN_TODAY", metavar="YYYY-MM-DD",
        callback=lambda ctx, param, value: parse_today(value),
        help="Take this day as today (default: today in the plan timezone).",
    )(func)


def plan_root(ctx: click.Context) -> Path:
    env = ctx.find_object(Env)
    return env.root if env is not None else find_plan(Path.cwd(), explicit=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


def _relative(root: Path, paths: Sequence[str], base: Path) -> list[str]:
    """PATHS as plan-relative ``/`` paths. Relative PATHS are read against ``base`` (the ``-C``
    folder if given, like ``git -C``, else the current one); links are not followed, so asking
    about a link that leads outside the plan still reports on the link."""
    out = []
    for p in paths:
        full = Path(os.path.normpath(Path(p) if Path(p).is_absolute() else base / p))
        try:
            out.append(full.relative_to(root).as_posix())
        except ValueError:
            raise CommandError(f"{p} is not inside the plan {root}") from None
        if not full.exists() and not full.is_symlink():
            # a mistyped path in a CI filter would otherwise report "all checks passed"
            raise CommandError(f"{p}: no such file or folder in the plan")
    return out


def _selected(file: str, wanted: list[str]) -> bool:
    return any(w in ("", ".") or file == w or file.startswith(w.rstrip("/") + "/")
               for w in wanted)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="Output format.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--show-source/--no-show-source", default=None,
              help="Print the offending line with a caret (default: on a terminal).")
@today_option
@click.pass_context
def check(ctx: click.Context, paths: tuple[str, ...], fmt: str, strict: bool,
          show_source: bool | None, today: dt.date | None) -> None:
    """Check the whole plan; with PATHS, report only diagnostics in those files.

    The rules always see the whole plan: a post can break a frequency limit only together with
    the others of its day.

    \b
    Example:
        smmplan check
        smmplan check content/posts/2026/12 --format github
    """
    from . import output
    from .check import check_plan

    root = plan_root(ctx)
    result = check_plan(root, today)
    diagnostics: Sequence[Any] = result.diagnostics
    if paths:
        env = ctx.find_object(Env)
        wanted = _relative(root, paths, env.base if env is not None else Path.cwd())
        diagnostics = [d for d in diagnostics if _selected(d.file, wanted)]
    posts = len(result.plan.posts)
    tty = sys.stdout.isatty()
    if fmt == "json":
        click.echo(output.as_json(diagnostics, posts), nl=False)
    elif fmt == "github":
        click.echo(output.github(diagnostics, posts), nl=False)
    else:
        colour = tty and "NO_COLOR" not in os.environ
        click.echo(output.text(diagnostics, posts, root=root,
                               show_source=tty if show_source is None else show_source,
                               colour=colour), nl=False)
    failed = any(d.severity == "error" for d in diagnostics) or \
        (strict and any(d.severity == "warning" for d in diagnostics))
    ctx.exit(1 if failed else 0)


@main.command()
@click.argument("code", required=False)
def rule(code: str | None) -> None:
    """Print a rule's documentation; without CODE, list every rule.

    \b
    Example:
        smmplan rule SMM101
        smmplan rule too-many-per-day
    """
    from .ruletable import RULES, lookup

    if code is None:
        for r in RULES.values():
            first = r.summary.split(". ")[0].rstrip(".")
            click.echo(f"{r.code}  {r.name:<26} {r.level:<9} {first}")
        return
    found = lookup(code)
    if found is None:
        from .fields import did_you_mean

        raise CommandError(f"no rule {code!r}" + did_you_mean(code, list(RULES) + [
            r.name for r in RULES.values()]))
    click.echo(found.doc(), nl=False)


# Commands that live in their own modules, each exposing ``command``.
for _name in ("report", "build", "serve", "ical", "new", "init", "diff", "schema"):
    main.add_command(importlib.import_module(f"smmplan.commands.{_name}").command)
main.add_command(importlib.import_module("smmplan.cms.command").command)
