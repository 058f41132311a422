"""A Python-Markdown extension that sanitises the plan's own pages inside an engine's build.

Zensical runs no mkdocs plugin, so the sanitising that :mod:`smmplan.mkdocs_plugin` does on an
ordinary page's HTML (``on_page_content``) is done here, as the last step of Markdown itself:
the page's HTML and its table of contents (which Zensical prints in the sidebar) pass through
:func:`smmplan.pages.html.clean_page` before the engine renders, indexes or searches them.

smmplan's generated pages are finished, escaped HTML that the sanitiser would strip of its
markup: they begin with a marker holding a secret of this build (``nonce``), which no plan
page can know, and pass through untouched, the marker removed.

    markdown_extensions:
      - smmplan.site.inert: {nonce: 9f2c...}
"""

from __future__ import annotations

import html
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ..pages.html import clean_page


def marker(nonce: str) -> str:
    """The first line of every generated page's Markdown."""
    return f"<!--smmplan-generated:{nonce}-->"


class _Inert(Postprocessor):
    def __init__(self, md: Markdown, nonce: str) -> None:
        super().__init__(md)
        self.marker = marker(nonce) if nonce else None

    def run(self, text: str) -> str:
        if self.marker is not None and text.lstrip().startswith(self.marker):
            return text.replace(self.marker, "", 1)
        for token in _tokens(getattr(self.md, "toc_tokens", [])):
            token["html"] = clean_page(str(token.get("html", "")))
            token["name"] = html.escape(html.unescape(str(token.get("name", ""))), quote=True)
            if token.get("data-toc-label"):
                token["data-toc-label"] = html.escape(
                    html.unescape(str(token["data-toc-label"])), quote=True)
        return clean_page(text)


def _tokens(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(_tokens(token.get("children", [])))
    return out


class InertExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"nonce": ["", "the build's secret that marks smmplan's own pages"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # after every other postprocessor, raw HTML put back included (priority 30)
        md.postprocessors.register(_Inert(md, str(self.getConfig("nonce"))), "smmplan-inert", 0)


def makeExtension(**kwargs: Any) -> InertExtension:
    return InertExtension(**kwargs)
