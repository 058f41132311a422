"""Build the plan site: check, render into a temporary folder beside the target, swap it in.

A failed build (plan errors, a strict warning, an mkdocs error) leaves the previous site as it
was. The same plan gives the same bytes: mkdocs' dates (sitemap, gzip header) come from the plan's
last commit instead of the wall clock.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .check import CheckResult, check_plan

PLUGIN = "smmplan"
#: Written into every site smmplan builds. A build replaces only an empty folder or one holding
#: this file, so a mistyped --site-dir (or a site_dir in a pull request's mkdocs.yml) can never
#: delete a folder of the user's.
MARKER = ".smmplan-site"
MARKER_TEXT = "This folder was built by smmplan; the next `smmplan build` replaces it whole.\n"


class BuildError(Exception):
    """The site could not be built; the message says why and what to do."""


@dataclass(frozen=True)
class BuildOutcome:
    result: CheckResult
    site_dir: Path | None
    """Where the site was written; None when nothing was written."""
    pages: int = 0
    feeds: int = 0


def build_site(root: Path, site_dir: Path | None = None, *, today: dt.date | None = None,
               strict: bool = False, engine: str | None = None) -> BuildOutcome:
    """Check the plan at ``root`` and, without errors (or warnings, with ``strict``), build it.

    ``site_dir`` defaults to mkdocs.yml's ``site_dir`` (``site/``); ``engine`` (``mkdocs`` or
    ``zensical``) to rules.yml's ``engine``. Raises :class:`BuildError` when the engine cannot
    build; returns with ``site_dir=None`` when the plan has errors.
    """
    root = root.resolve()
    result = check_plan(root, today)
    if result.errors or (strict and result.warnings):
        return BuildOutcome(result, None)
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise BuildError(f"no mkdocs.yml in {root}; `smmplan init` writes one")

    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from . import ical
    from .gitdates import read_history

    history = read_history(root)
    feeds = ical.render_feeds(result.plan, history)  # before the epoch below enters the env
    epoch = history.last_commit
    if epoch is None:
        epoch = int(history.stamp("mkdocs.yml").timestamp())
    if (engine or result.plan.settings.engine) == "zensical":
        return _build_zensical(root, site_dir, result, feeds, strict, epoch)
    with _environ(SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1"):
        try:
            config = load_config(config_file=str(config_file), strict=strict)
        except MkDocsException as e:
            raise BuildError(f"mkdocs.yml: {e}") from None
        target = (root / (site_dir or Path(config.site_dir))).resolve()
        _check_target(root, target, Path(config.docs_dir).resolve())
        plugin = config.plugins.get(PLUGIN)
        if plugin is None:
            raise BuildError("mkdocs.yml does not use the smmplan plugin: add "
                             "`plugins: [search, smmplan]`")
        plugin.result = result  # type: ignore[attr-defined]
        plugin.feeds = feeds  # type: ignore[attr-defined]
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
        config.site_dir = str(temp)
        try:
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            except MkDocsException as e:
                raise BuildError(f"mkdocs: {e}") from None
            finally:
                config.plugins.on_shutdown()
            pages = sum(1 for p in temp.rglob("*.html") if p.name != "404.html")
            (temp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            _swap(temp, target)
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
    return BuildOutcome(result, target, pages, len(feeds))


def write_pages(root: Path, output: Path, *, today: dt.date | None = None) -> BuildOutcome:
    """Check the plan and write its site's files (:class:`smmplan.site.files.SiteFiles`) into
    ``output``, replaced whole as a built site is; ``site_dir=None`` when the plan has errors."""
    from . import ical
    from .gitdates import read_history
    from .site.files import site_files

    root = root.resolve()
    result = check_plan(root, today)
    if result.errors:
        return BuildOutcome(result, None)
    target = output.resolve()
    _check_target(root, target, (root / "content").resolve())
    site = site_files(result, ical.render_feeds(result.plan, read_history(root)))
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.writing-", dir=target.parent))
    try:
        site.write(temp)
        (temp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        _swap(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    feeds = sum(1 for p in site.files if p.endswith(".ics"))
    return BuildOutcome(result, target, len(site.pages), feeds)


def _build_zensical(root: Path, site_dir: Path | None, result: CheckResult,
                    feeds: dict[str, bytes], strict: bool, epoch: int) -> BuildOutcome:
    from .site import zensical
    from .site.files import site_files

    try:
        target = (root / (site_dir or zensical.site_dir_of(root))).resolve()
        config = zensical.read_config(root / "mkdocs.yml")
        _check_target(root, target, (root / str(config.get("docs_dir") or "docs")).resolve())
        target.parent.mkdir(parents=True, exist_ok=True)
        project = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
        try:
            site = site_files(result, feeds)
            built = zensical.build(root, site, project, language=result.plan.settings.language,
                                   strict=strict, epoch=epoch)
            pages = sum(1 for p in built.rglob("*.html") if p.name != "404.html")
            (built / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            _swap(built, target)
        finally:
            shutil.rmtree(project, ignore_errors=True)
    except zensical.ConfigError as e:
        raise BuildError(f"mkdocs.yml: {e}") from None
    except zensical.ZensicalError as e:
        raise BuildError(str(e)) from None
    return BuildOutcome(result, target, pages, len(feeds))


def _check_target(root: Path, target: Path, docs: Path) -> None:
    """Refuse a site folder whose replacement would delete the plan itself."""
    if target == root or root.is_relative_to(target):
        raise BuildError(f"--site-dir {target} would replace the plan; choose a new folder")
    for folder in (docs, root / "personas", root / "guidelines", root / ".git"):
        if target == folder or target.is_relative_to(folder):
            raise BuildError(f"--site-dir {target} is inside the plan's {folder.name}/ folder")
    if target.exists() and not target.is_dir():
        raise BuildError(f"--site-dir {target} is a file")
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        raise BuildError(f"{target} exists and was not built by smmplan (it has no {MARKER} "
                         "file): the build would replace it whole. Remove it yourself or choose "
                         "a new folder.")


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target``: the old site stays whole until the last moment."""
    if not target.exists():
        new.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    old.rmdir()
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def _environ(**values: str) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update({k: v for k, v in values.items() if k not in os.environ or
                       k == "NO_MKDOCS_2_WARNING"})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
