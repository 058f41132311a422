"""Page addresses and the relative URLs between them.

An address is the page's path on the site, ``/`` or ``/posts/kopi-launch/``. Links are written
relative to the page they sit on, so the site works under any base path (GitHub Pages project
sites) and with ``use_directory_urls: false``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote


def source_path(address: str) -> str:
    """The Markdown file an address is generated as: ``/posts/x/`` -> ``posts/x/index.md``."""
    inner = address.strip("/")
    return f"{inner}/index.md" if inner else "index.md"


def address(*parts: str) -> str:
    """The address made of ``parts``, each percent-encoded: ``address("posts", id)``."""
    return "/" + "".join(quote(p, safe="") + "/" for p in parts)


class Linker:
    """Relative URLs from the page at ``here`` to other pages and files of the site."""

    def __init__(self, here: str, directory_urls: bool = True) -> None:
        self.here = here
        self.directory_urls = directory_urls

    def page(self, target: str) -> str:
        rel = posixpath.relpath(target.strip("/") or ".", self.here.strip("/") or ".")
        url = "" if rel == "." else rel + "/"
        if not self.directory_urls:
            return url + "index.html"
        return url or "./"

    def file(self, path: str) -> str:
        """A file of the site such as ``calendar.ics`` or ``assets/x.css``."""
        return posixpath.relpath(path, self.here.strip("/") or ".")
