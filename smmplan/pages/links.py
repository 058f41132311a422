"""Page addresses and the relative URLs between them.

An address is the page's path on the site, ``/`` or ``/posts/kopi-launch/``. Links are written
relative to the page they sit on, so the site works under any base path (GitHub Pages project
sites) and with ``use_directory_urls: false``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote


def source_path(address: str) -> str:
    """The Markdown file an address is generated as: ``/posts/x/`` -> ``posts/x.md``.

    Not ``posts/x/index.md``: Material's ``navigation.indexes`` would take a month named
    ``index.md`` for the index page of the whole calendar section.
    """
    inner = address.strip("/")
    return f"{inner}.md" if inner else "index.md"


def address(*parts: str) -> str:
    """The address made of ``parts``, each percent-encoded: ``address("posts", id)``."""
    return "/" + "".join(quote(p, safe="") + "/" for p in parts)


class Linker:
    """Relative URLs from the page at ``here`` to other pages and files of the site."""

    def __init__(self, here: str, directory_urls: bool = True) -> None:
        self.here = here
        self.directory_urls = directory_urls
        url = self._url(here)
        self._dir = url.rstrip("/") if directory_urls else posixpath.dirname(url)

    def _url(self, target: str) -> str:
        inner = target.strip("/")
        if self.directory_urls:
            return f"{inner}/" if inner else ""
        return f"{inner}.html" if inner else "index.html"

    def page(self, target: str) -> str:
        url = self._url(target)
        rel = posixpath.relpath(url or ".", self._dir or ".")
        if self.directory_urls:
            return "./" if rel == "." else rel + "/"
        return rel

    def file(self, path: str) -> str:
        """A file of the site such as ``calendar.ics`` or ``assets/x.css``."""
        return posixpath.relpath(path, self._dir or ".")
