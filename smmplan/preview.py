"""The live preview behind ``smmplan serve``: mkdocs' reloading server, fed smmplan's config.

``mkdocs serve`` would read mkdocs.yml itself (with its unsafe loader) on every rebuild and print
a traceback when the file is broken mid-edit. Here each rebuild reads it with
:mod:`smmplan.siteconfig`: a broken file prints its diagnostic, and the last good site stays
served until the file is fixed.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .siteconfig import SiteConfigError, mkdocs_config, read_site_config

log = logging.getLogger("mkdocs.commands.serve")


class PreviewError(Exception):
    """The preview cannot start; the message says why."""


def parse_address(dev_addr: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:8000`` for IPv6), with a port from 1 to 65535."""
    host, sep, port = dev_addr.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise PreviewError(f"--dev-addr {dev_addr!r} is not HOST:PORT with a port from 1 to "
                           "65535, e.g. 127.0.0.1:8000")
    return host.strip("[]"), int(port)


def serve(root: Path, dev_addr: str) -> None:
    """Build the plan's site into a temporary folder, serve it at ``dev_addr`` and rebuild it
    whenever the plan changes, until interrupted."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import Abort, MkDocsException
    from mkdocs.livereload import LiveReloadServer, _serve_url

    host, port = parse_address(dev_addr)
    site_dir = tempfile.mkdtemp(prefix="smmplan-serve-")

    def load() -> Any:
        return mkdocs_config(root, read_site_config(root), site_dir=site_dir,
                             dev_addr=f"{host}:{port}")

    try:
        try:
            config = load()
        except SiteConfigError as e:
            raise PreviewError(str(e)) from None
        config.plugins.on_startup(command="serve", dirty=False)
        mount_path = urlsplit(config.site_url or "/").path
        serve_url = _serve_url(host, port, mount_path)
        config.site_url = serve_url

        def builder(current: Any = None) -> None:
            log.info("Building the site...")
            if current is None:
                try:
                    current = load()
                except SiteConfigError as e:
                    # nothing was rebuilt: the last good site stays served, not a stuck server
                    log.error(f"{e}\nThe preview keeps the last good site until mkdocs.yml is "
                              "fixed.")
                    return
                current.site_url = serve_url
            try:
                build(current, serve_url=serve_url)
            except MkDocsException as e:
                # Abort is a SystemExit: the server prints its message, no traceback
                raise Abort(f"mkdocs: {e}") from None

        server = LiveReloadServer(builder=builder, host=host, port=port, root=site_dir,
                                  mount_path=mount_path)
        try:
            builder(config)
            server.watch(config.docs_dir)
            server.watch(str(root / "mkdocs.yml"))
            server = config.plugins.on_serve(server, config=config, builder=builder)
            for item in config.watch:
                server.watch(item)
            try:
                server.serve()
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
