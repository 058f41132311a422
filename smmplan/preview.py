"""The live preview behind ``smmplan serve``: mkdocs' reloading server, fed smmplan's config.

``mkdocs serve`` would read mkdocs.yml itself (with its unsafe loader) on every rebuild and print
a traceback when the file is broken mid-edit. Here each rebuild reads it with
:mod:`smmplan.siteconfig`: a broken file prints its diagnostic, and the last good site stays
served until the file is fixed.

A full build of a plan of thousands of posts takes seconds, so a save of post files only takes
a fast path (SPEC §9: the post's page and its month grid within a second):

1. the plan is checked again, unchanged post files taken from a :class:`~.postcache.PostCache`;
2. the pages the edit touches (:func:`smmplan.pages.touched.touched_pages`) are rendered and
   written by the last build's mkdocs theme and navigation
   (:meth:`smmplan.mkdocs_plugin.SmmplanPlugin.rebuild_pages`), and the browsers reload;
3. a full build runs in a child process (on the other core) into a folder beside the site and
   is swapped in when done. Until then every other page, the feeds and the search index are
   stale: a request for one waits for the swap (and gets a "being rebuilt" page that reloads
   itself after :data:`STALE_WAIT` seconds), so no stale page is ever served as current.

Any other change (a new or deleted post, a changed id, rules.yml, personas, mkdocs.yml, a month
appearing or vanishing) rebuilds the whole site in place, as ``mkdocs serve`` does.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .build import PLUGIN
from .mkdocs_plugin import WATCHED as PLAN_FOLDERS
from .oserrors import reason
from .postcache import PostCache
from .siteconfig import SiteConfigError, mkdocs_config, read_site_config

log = logging.getLogger("mkdocs.commands.serve")

#: Folders and files whose changes rebuild the preview: the plugin's, and mkdocs.yml.
WATCHED = (*PLAN_FOLDERS, "mkdocs.yml")
POSTS = "content/posts/"
#: Built files that an edit can change; images, styles and scripts never go stale.
STALEABLE = (".html", ".json", ".xml", ".ics", ".txt", ".gz", ".yml")
#: The watcher's events that change a file (inotify also reports opening and closing).
CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})
#: Seconds a request for a stale page waits for the full build before it is told to wait.
STALE_WAIT = 30.0


class PreviewError(Exception):
    """The preview cannot start; the message says why."""


def parse_address(dev_addr: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8000`` for IPv6), with a port from 1 to 65535."""
    host, sep, port = dev_addr.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise PreviewError(f"--dev-addr {dev_addr!r} is not HOST:PORT with a port from 1 to "
                           "65535, e.g. 127.0.0.1:8000")
    return host.strip("[]"), int(port)


def _load(root: Path, site_dir: str, dev_addr: str) -> Any:
    return mkdocs_config(root, read_site_config(root), site_dir=site_dir, dev_addr=dev_addr)


def _die_with_parent() -> None:
    """In the background build's process: end when ``smmplan serve`` does (Linux), rather
    than build on into a folder nobody will read."""
    parent = os.getppid()
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        raise SystemExit(1)


def _scratch(name: str) -> bool:
    return name.startswith((".", "#")) or name.endswith(("~", ".swp", ".swx", ".tmp")) or (
        name == "4913")


def _relative(root: Path, path: str) -> str | None:
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return None


@dataclass
class _Background:
    """The full build running in a child process while the fast pages are served."""

    process: subprocess.Popen[bytes]
    out: Path
    generation: int
    """:attr:`Preview.generation` when it started: later fast pages are newer than its own."""


@dataclass
class Preview:
    """The state of one ``smmplan serve``. Building runs on the server's build thread only;
    the watcher (:meth:`note_change`), the background waiter and the request threads
    (:meth:`wait_until_current`) touch shared state under :attr:`lock`."""

    root: Path
    site_dir: Path
    dev_addr: str
    today: dt.date | None
    serve_url: str = ""
    cache: PostCache = field(default_factory=PostCache)
    config: Any = None
    """The mkdocs config of the last full in-process build: its plugin holds the theme and
    navigation the fast path renders with."""
    changes: set[str] = field(default_factory=set)
    """Files (relative to the plan) the watcher saw change since the last rebuild."""
    months: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)
    """Post file (relative to the plan) -> its post id, as of the last check."""
    generation: int = 0
    fresh: dict[str, int] = field(default_factory=dict)
    """Site path -> generation of the fast path that wrote it, while a full build is due."""
    background: _Background | None = None
    stale: bool = False
    """Whether pages other than :attr:`fresh` are older than the plan."""
    lock: threading.Condition = field(default_factory=threading.Condition)
    ready: _Background | None = None
    """The background build that finished and waits to be swapped in."""
    dirty: bool = False
    """The watcher saw a change the build thread has not handled yet: every page may be
    stale until it has."""
    failed: bool = False
    """The child's full build failed: the next rebuild builds in place."""
    closing: bool = False
    server: Any = None
    _months_of_last_build: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()

    # --- building ---------------------------------------------------------------------------

    def full_build(self, config: Any = None) -> bool:
        """Build the whole site in place; False (the last good site kept) on a config error."""
        from mkdocs.exceptions import Abort, MkDocsException

        from .check import check_plan

        self._stop_background()
        if config is None:
            try:
                config = _load(self.root, str(self.site_dir), self.dev_addr)
            except SiteConfigError as e:
                log.error(f"{e}\nThe preview keeps the last good site until mkdocs.yml is "
                          "fixed.")
                with self.lock:  # no page can be current: the last good site is served whole
                    self.stale = False
                    self.lock.notify_all()
                return False
        self._take_changes()
        result = check_plan(self.root, self.today, self.cache)
        try:
            plugin = _build(config, self.serve_url, result)
        except MkDocsException as e:
            # Abort is a SystemExit: the server prints its message, no traceback
            raise Abort(f"mkdocs: {e}") from None
        self.config = config if plugin is not None else None
        if plugin is not None:
            self._remember(result)
        with self.lock:
            self.stale, self.fresh = False, {}
            self.lock.notify_all()
        return True

    def rebuild(self) -> None:
        """What the server calls after files changed: swap in a finished full build, take the
        fast path for saved posts, else build the whole site."""
        try:
            self._rebuild()
        finally:
            with self.lock:  # what the watcher saw is handled, unless more came meanwhile
                self.dirty = bool(self.changes)
                self.lock.notify_all()

    def _rebuild(self) -> None:
        if self.failed:
            self.failed = False
            self.full_build()
            return
        if self.swap_ready:
            self._swap_in()
        changed = self._take_changes()
        if not changed:
            return
        started = time.perf_counter()
        try:
            fast = self._fast(changed)
        except Exception as e:  # the full build below reports it as mkdocs words it
            log.warning(f"The quick render failed ({e}); building the whole site")
            fast = False
        if fast:
            log.info(f"Rendered the saved post's pages in {time.perf_counter() - started:.2f} s;"
                     " the rest of the site is being rebuilt")
            return
        shown = ", ".join(sorted(changed)[:3]) + (" ..." if len(changed) > 3 else "")
        log.info(f"Building the site ({shown} changed)...")
        self.full_build()

    def note_change(self, *paths: str) -> None:
        """Called by the watcher's thread for each file event."""
        with self.lock:
            self.changes.update(r for r in (_relative(self.root, p) for p in paths if p) if r)
            self.dirty = True

    def _take_changes(self) -> set[str]:
        """The changes since the last call that can matter: an editor's temporary file
        (``.post.md.swp``, ``post.md~``, vim's ``4913``) is no part of the plan; a deleted file
        is, as is a folder that came, went or moved."""
        with self.lock:
            seen, self.changes = self.changes, set()
        return {p for p in seen if not _scratch(p.rsplit("/", 1)[-1])}

    def _fast(self, changed: set[str]) -> bool:
        from .check import check_plan
        from .pages import source_path
        from .pages.context import Context
        from .pages.feeds import describe_feeds
        from .pages.touched import post_months, touched_pages

        config = self.config
        if config is None or not all(p.startswith(POSTS) and p.endswith(".md") and p in
                                     self.paths and (self.root / p).is_file()
                                     for p in changed):
            return False  # only edits of known posts take the fast path
        result = check_plan(self.root, self.today, self.cache)
        ids = {post.path: post.id for post in result.plan.posts}
        if any(ids.get(p) != self.paths[p] for p in changed) or len(ids) != len(self.paths):
            return False
        ctx = Context(result, describe_feeds(result.plan), config.use_directory_urls)
        if ctx.months != self._months_of_last_build:
            return False
        plugin = config.plugins[PLUGIN]
        months = post_months(ctx)
        pages = touched_pages(ctx, {self.paths[p] for p in changed}, self.months, months)
        with self.lock:
            written = plugin.rebuild_pages(config, {source_path(a): t for a, t in pages.items()})
            if written is None:
                return False
            self.generation += 1
            self.fresh.update((w, self.generation) for w in written)
            self.stale = True
        plugin.result = result
        self.months = months
        self.paths = ids
        if self.background is None:
            self._start_background()
        return True

    def _remember(self, result: Any) -> None:
        from .pages.context import Context
        from .pages.feeds import describe_feeds
        from .pages.touched import post_months

        ctx = Context(result, describe_feeds(result.plan),
                      self.config.use_directory_urls if self.config else True)
        self._months_of_last_build = list(ctx.months)
        self.months = post_months(ctx)
        self.paths = {post.path: post.id for post in result.plan.posts}

    # --- the full build in a child process ----------------------------------------------------

    def _start_background(self) -> None:
        out = Path(tempfile.mkdtemp(prefix=f"{self.site_dir.name}.next-",
                                    dir=self.site_dir.parent))
        command = [sys.executable, "-m", "smmplan.preview", str(self.root), str(out),
                   self.dev_addr, self.serve_url]
        if self.today is not None:
            command.append(self.today.isoformat())
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        job = _Background(process, out, self.generation)
        with self.lock:
            self.background = job
        threading.Thread(target=self._await_background, args=(job,), daemon=True).start()

    def _await_background(self, job: _Background) -> None:
        _, err = job.process.communicate()
        with self.lock:
            if self.background is not job:
                return  # stopped: a full build in place replaced it
            if job.process.returncode != 0:
                # build in place instead, where mkdocs' message reaches the terminal as usual
                log.warning("The background build failed; building the site in place.\n"
                            + err.decode("utf-8", "replace").strip()[-2000:])
                self.background = None
                self.failed = True
            else:
                self.ready = job
        if self.failed:
            shutil.rmtree(job.out, ignore_errors=True)
        if self.server is not None:
            self.server.want_rebuild()

    @property
    def swap_ready(self) -> bool:
        return self.ready is not None

    def _swap_in(self) -> None:
        """Put the finished full build in place of the served site, keeping the pages fast
        paths wrote after it started (they are newer). On an OS fault the served site stays
        as it was, still marked stale, and the next save builds again."""
        with self.lock:
            job, self.ready = self.ready, None
            if job is None or job is not self.background or job.process.poll() != 0:
                return
            self.background = None
            newer = [w for w, g in self.fresh.items() if g > job.generation]
            old = self.site_dir.with_name(f"{self.site_dir.name}.old-{job.generation}")
            try:
                for rel in newer:
                    target = job.out / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(self.site_dir / rel, target)
                self.site_dir.rename(old)
                try:
                    job.out.rename(self.site_dir)
                except OSError:
                    old.rename(self.site_dir)
                    raise
            except OSError as e:
                log.error(f"Cannot put the rebuilt site in place: {reason(e)}; the preview "
                          "keeps the pages it has")
                shutil.rmtree(job.out, ignore_errors=True)
                return
            self.fresh = {w: g for w, g in self.fresh.items() if g > job.generation}
            self.stale = bool(newer)
            self.lock.notify_all()
        # removed outside the lock: thousands of files, and the next save must not wait
        threading.Thread(target=shutil.rmtree, args=(old, True), daemon=True).start()
        if newer:
            self._start_background()  # its pages are older than the newest save
        log.info("The whole site is current" if not newer else
                 "Rebuilt; the pages of the latest save are being rebuilt again")

    def _stop_background(self) -> None:
        with self.lock:
            job, self.background, self.ready = self.background, None, None
        if job is not None:
            job.process.kill()
            job.process.wait()
            shutil.rmtree(job.out, ignore_errors=True)

    # --- serving ----------------------------------------------------------------------------

    def is_stale(self, rel: str) -> bool:
        """Whether the built file ``rel`` (relative to the site) may be older than the plan."""
        if not rel.endswith(STALEABLE):
            return False
        return self.dirty or (self.stale and rel not in self.fresh)

    def wait_until_current(self, rel: str, timeout: float = STALE_WAIT) -> bool:
        with self.lock:
            return self.lock.wait_for(lambda: self.closing or not self.is_stale(rel),
                                      timeout=timeout) and not self.closing

    def release(self) -> None:
        """Let every waiting request go (with "being rebuilt"): the server is shutting down
        and joins its request threads."""
        with self.lock:
            self.closing = True
            self.lock.notify_all()

    def close(self) -> None:
        self.release()
        self._stop_background()


_REBUILDING = (b'<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" '
               b'content="2"><title>Rebuilding</title></head><body><p>This page is being '
               b"rebuilt after your last save; it reloads by itself.</p></body></html>")


def _server_class() -> Any:
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        """mkdocs' server, holding back stale pages until the full build is swapped in."""

        preview: Preview

        def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
            """Rebuild on writes, creations, deletions and moves under ``path``, telling the
            preview which files they touched (mkdocs' own handler says only "some", and
            would take inotify's open and close events of every build for changes)."""
            import watchdog.events

            path = os.path.abspath(path)
            if path in self._watched_paths:
                return
            self._watched_paths[path] = 1

            def changed(event: Any) -> None:
                # a folder's own "modified" only echoes the files in it; one that came, went
                # or moved carries files the preview has not seen
                if event.event_type not in CHANGES or (event.is_directory and
                                                       event.event_type == "modified"):
                    return
                self.preview.note_change(event.src_path, getattr(event, "dest_path", ""))
                self.want_rebuild()

            handler = watchdog.events.FileSystemEventHandler()
            handler.on_any_event = changed  # type: ignore[method-assign]
            self.observer.schedule(handler, path, recursive=recursive)

        def want_rebuild(self) -> None:
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        def _serve_request(self, environ: Any, start_response: Any) -> Iterable[bytes] | None:
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
            if (path + "/").startswith(self.mount_path) and not path.startswith("/livereload/"):
                rel = path[len(self.mount_path):]
                if path.endswith("/"):
                    rel += "index.html"
                rel = posixpath.normpath("/" + rel).lstrip("/")
                if not self.preview.wait_until_current(rel):
                    start_response("503 Service Unavailable",
                                   [("Content-Type", "text/html; charset=utf-8"),
                                    ("Retry-After", "2")])
                    return [_REBUILDING]
            return super()._serve_request(environ, start_response)

    return PreviewServer


def serve(root: Path, dev_addr: str, today: dt.date | None = None) -> None:
    """Build the plan's site into a temporary folder, serve it at ``dev_addr`` and rebuild it
    whenever the plan changes, until interrupted."""
    import watchdog.observers
    from mkdocs.livereload import _serve_url

    host, port = parse_address(dev_addr)
    work = Path(tempfile.mkdtemp(prefix="smmplan-serve-"))
    site_dir = work / "site"
    site_dir.mkdir()
    preview = Preview(root, site_dir, f"{host}:{port}", today)
    # a SIGTERM ends the preview as Ctrl-C does: the background build and the folders go too
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        try:
            config = _load(root, str(site_dir), preview.dev_addr)
        except SiteConfigError as e:
            raise PreviewError(str(e)) from None
        config.plugins.on_startup(command="serve", dirty=False)
        mount_path = urlsplit(config.site_url or "/").path
        preview.serve_url = _serve_url(host, port, mount_path)
        server = _server_class()(builder=preview.rebuild, host=host, port=port,
                                 root=str(site_dir), mount_path=mount_path)
        server.preview = preview
        preview.server = server
        # inotify rather than mkdocs' polling of every file each half second: thousands of
        # post files make each poll slow, and the poll interval alone would use half the budget
        server.observer = watchdog.observers.Observer()
        try:
            preview.full_build(config)
            for top in WATCHED:
                if (root / top).exists():
                    server.watch(str(root / top))
            for item in config.watch:
                server.watch(item)
            try:
                server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                preview.release()
                server.shutdown()
        finally:
            config.plugins.on_shutdown()
    finally:
        preview.close()
        shutil.rmtree(work, ignore_errors=True)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _build(config: Any, serve_url: str, result: Any) -> Any:
    """One full build of the preview with the plan already checked; the smmplan plugin (None
    when mkdocs.yml does not use it)."""
    from mkdocs.commands.build import build

    config.site_url = serve_url
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None:
        plugin.result = result
    build(config, serve_url=serve_url)
    return plugin


def _build_child(root: str, out: str, dev_addr: str, serve_url: str,
                 today: str | None = None) -> None:
    """The background full build (``python -m smmplan.preview``), as the preview builds."""
    from .check import check_plan

    _die_with_parent()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = _load(Path(root), out, dev_addr)
    result = check_plan(Path(root), dt.date.fromisoformat(today) if today else None)
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        _build(config, serve_url, result)
    finally:
        config.plugins.on_shutdown()


if __name__ == "__main__":
    _build_child(*sys.argv[1:])
