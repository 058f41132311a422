"""What smmplan reads from ``mkdocs.yml``: the site's name and address."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic
from ..fields import Fields
from ..model import Site
from .keys import SITE
from .read import read
from .yamlfile import mapping_doc, read_yaml


def load_site(root: Path, out: list[Diagnostic]) -> Site:
    path = root / "mkdocs.yml"
    if not path.is_file():
        return Site()
    doc = read_yaml(root, path, out, lax=True)
    if doc is None or not mapping_doc(doc, "mkdocs.yml", "SMM007", out):
        return Site()
    f = Fields(doc, "mkdocs.yml", out, bad="SMM007")
    values = read(f, SITE)
    url = values["site_url"]
    if url is not None:
        if not url.startswith(("https://", "http://")):
            f.invalid("site_url", "must start with https:// or http://")
            url = None
        elif not url.endswith("/"):
            url += "/"
    return Site(name=values["site_name"] or SITE.default("site_name"), url=url)
