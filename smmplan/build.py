"""Build the plan site: check, render into a temporary folder beside the target, swap it in.

A failed build (plan errors, a strict warning, an mkdocs error) leaves the previous site as it
was. The same plan gives the same bytes: mkdocs' dates (sitemap, gzip header) come from the plan's
last commit instead of the wall clock.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .check import CheckResult, check_plan
from .oserrors import reason

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
    notes: tuple[str, ...] = ()
    """Warnings about the build itself (a shallow clone's unreliable feed stamps)."""


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

    from . import ical
    from .gitdates import SHALLOW, read_history

    history = read_history(root)
    feeds = ical.render_feeds(result.plan, history, result.today)  # before the epoch enters the env
    epoch = history.last_commit
    if epoch is None:
        epoch = int(history.stamp("mkdocs.yml").timestamp())
    build = _zensical if (engine or result.plan.settings.engine) == "zensical" else _mkdocs
    target, produce = build(root, site_dir, result, feeds, strict, epoch)
    count = len(feeds)
    del feeds  # the engine holds them until they are written, and no longer
    pages = _into(target, produce)
    notes = (SHALLOW,) if history.shallow else ()
    return BuildOutcome(result, target, pages, count, notes)


Produce = Callable[[Path], None]
"""Writes the whole site into the (empty, temporary) folder it is given."""


def _mkdocs(root: Path, site_dir: Path | None, result: CheckResult, feeds: dict[str, bytes],
            strict: bool, epoch: int) -> tuple[Path, Produce]:
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    from .siteconfig import SiteConfigError, mkdocs_config, read_site_config

    with _environ(NO_MKDOCS_2_WARNING="1"):
        try:
            config = mkdocs_config(root, read_site_config(root), strict=strict)
        except (SiteConfigError, MkDocsException) as e:
            raise BuildError(str(e)) from None
    target = (root / (site_dir or Path(config.site_dir))).resolve()
    _check_target(root, target, Path(config.docs_dir).resolve())
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise BuildError("mkdocs.yml does not use the smmplan plugin: add "
                         "`plugins: [search, smmplan]`")
    plugin.result = result  # type: ignore[attr-defined]
    plugin.feeds = feeds  # type: ignore[attr-defined]

    def produce(out: Path) -> None:
        config.site_dir = str(out)
        with _environ(SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1"):
            config.plugins.on_startup(command="build", dirty=False)
            try:
                build(config)
            except MkDocsException as e:
                raise BuildError(f"mkdocs: {e}") from None
            finally:
                config.plugins.on_shutdown()

    return target, produce


def _zensical(root: Path, site_dir: Path | None, result: CheckResult, feeds: dict[str, bytes],
              strict: bool, epoch: int) -> tuple[Path, Produce]:
    from .cms.admin import AssetError
    from .site import zensical
    from .site.files import site_files

    try:
        plan = zensical.settings(root)
    except zensical.ZensicalError as e:
        raise BuildError(str(e)) from None
    docs = str(plan.get("docs_dir") or "docs")
    target = (root / (site_dir or Path(str(plan.get("site_dir") or "site")))).resolve()
    _check_target(root, target, (root / docs).resolve())
    assets = zensical.cms_assets(plan)
    try:
        site = site_files(result, feeds, root=root, docs_dir=docs,
                          directory_urls=plan.get("use_directory_urls", True) is not False,
                          cms_assets=None if assets is None else root / assets)
    except AssetError as e:
        raise BuildError(str(e)) from None

    def produce(out: Path) -> None:
        # Zensical builds only inside its project; the project sits beside ``out`` under a
        # name that _remove_leftovers knows, so a killed build leaves no debris either
        project = Path(f"{out}-zensical")
        project.mkdir()
        try:
            zensical.build(root, plan, site, project, language=result.plan.settings.language,
                           strict=strict, epoch=epoch)
            for entry in sorted((project / "site").iterdir()):
                entry.rename(out / entry.name)
        except zensical.ZensicalError as e:
            raise BuildError(str(e)) from None
        finally:
            shutil.rmtree(project, ignore_errors=True)

    return target, produce


def _into(target: Path, produce: Produce) -> int:
    """Build into a temporary folder beside ``target`` and swap it in; the pages built.

    On any failure the previous site stays as it was and nothing new is left behind.
    """
    try:
        created = _make_parents(target.parent)
        _remove_leftovers(target)
        temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-{os.getpid()}-",
                                     dir=target.parent))
    except OSError as e:
        raise BuildError(f"cannot write the site to {target}: {reason(e)}") from None
    try:
        produce(temp)
        pages = sum(1 for p in temp.rglob("*.html") if p.name != "404.html")
        (temp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        _swap(temp, target)
    except BaseException as e:
        shutil.rmtree(temp, ignore_errors=True)
        for folder in created:  # deepest first: a failed build leaves no new folders
            try:
                folder.rmdir()
            except OSError:
                break
        if isinstance(e, OSError):
            kept = "the previous site is unchanged" if target.exists() else "nothing is left"
            raise BuildError(f"cannot write the site to {target}: {reason(e)}; "
                             f"{kept}") from None
        raise
    return pages


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
    site = site_files(result, ical.render_feeds(result.plan, read_history(root), result.today))

    def produce(out: Path) -> None:
        site.write(out)

    _into(target, produce)  # counts HTML files; this folder holds Markdown
    feeds = sum(1 for p in site.files if p.endswith(".ics"))
    return BuildOutcome(result, target, len(site.pages), feeds)


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


def _make_parents(folder: Path) -> list[Path]:
    """Create ``folder`` and its missing parents; the ones created, deepest first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for f in reversed(missing):
        f.mkdir()
    return missing


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:building|old)-(?P<pid>\d+)-")


def _remove_leftovers(target: Path) -> None:
    """Remove what an earlier build of ``target`` that was killed midway left beside it.

    A temporary folder is named with the pid of its build: one whose process is gone is debris
    (megabytes that ``git add -A`` would commit); a running build's own is left alone.
    """
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        m = _LEFTOVER.match(entry.name)
        if m is None or m.group("name") != target.name or not entry.is_dir(follow_symlinks=False):
            continue
        if _alive(int(m.group("pid"))):
            continue
        if ".old-" in entry.name and not target.exists():
            # killed between the two renames of _swap: this is the previous site, whole
            os.rename(entry.path, target)
        else:
            shutil.rmtree(entry.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier build of this very process cannot still be running
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target``: the old site stays whole until the last moment."""
    if not target.exists():
        new.rename(target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-", dir=target.parent))
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
