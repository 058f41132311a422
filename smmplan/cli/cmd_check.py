"""``smmplan check``: the plan's diagnostics as text, JSON or GitHub annotations.

Exit codes: 0 no errors, 1 errors (or warnings with ``--strict``), 2 the command could not run.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from .app import CommandError, Env, plan_root, today_option


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


@click.command(name="check")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="Output format.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--show-source/--no-show-source", default=None,
              help="Print the offending line with a caret (default: on a terminal).")
@click.option("--base", metavar="REV", help="With --reviews: the revision the pull request "
              "changes (e.g. origin/main); approvals it introduces need a review (SMM408).")
@click.option("--reviews", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="GitHub's JSON list of the pull request's reviews (gh api .../reviews).")
@click.option("--head", "head_rev", metavar="REV", default="HEAD", show_default=True,
              help="The pull request's head commit, which approving reviews must name.")
@today_option
@click.pass_context
def command(ctx: click.Context, paths: tuple[str, ...], fmt: str, strict: bool,
            show_source: bool | None, base: str | None, reviews: Path | None, head_rev: str,
            today: dt.date | None) -> None:
    """Check the whole plan; with PATHS, report only diagnostics in those files.

    The rules always see the whole plan: a post can break a frequency limit only together with
    the others of its day.

    \b
    Example:
        smmplan check
        smmplan check content/posts/2026/12 --format github
        smmplan check --base origin/main --reviews reviews.json --head "$HEAD_SHA"
    """
    from ..check import check_plan
    from ..render import diagnostics as output

    root = plan_root(ctx)
    if (base is None) != (reviews is None):
        raise click.UsageError("--base and --reviews go together")
    result = check_plan(root, today)
    diagnostics: Sequence[Any] = result.diagnostics
    if base is not None and reviews is not None:
        from ..reviews import ReviewsError, check_reviews

        try:
            found = check_reviews(root, result.plan, base, reviews, head_rev)
        except ReviewsError as exc:
            raise CommandError(str(exc)) from None
        diagnostics = sorted([*diagnostics, *found], key=lambda d: d.sort_key())
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
