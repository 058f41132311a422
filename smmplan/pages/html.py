"""Escaping and sanitising every plan value that lands in a generated page.

A generated page is Markdown that mkdocs (and whatever Markdown extensions or plugins the plan
enables) runs again, so a plan value must be inert both as HTML and as Markdown source:

* every value is placed inside a block-level HTML element, where Python-Markdown does not parse
  Markdown (``md_in_html`` only parses elements marked ``markdown="1"``, which we never write);
* :func:`h` turns the characters that start HTML, Jinja (mkdocs-macros), code spans, maths and
  line-anchored syntax (fences, snippets, footnotes) into numeric character references, and never
  lets a value start a new source line;
* Markdown written by people (guides, campaign briefs) is rendered here and cleaned with ``nh3``;
* links keep only ``http``, ``https`` and ``mailto`` URLs: ``javascript:`` and friends are dropped;
* ordinary pages (``content/**/*.md``), which mkdocs renders, are cleaned by :func:`clean_page`;
* a tag whose content the HTML parser reads as raw text (``<style>``, ``<textarea>``, ``<title>``,
  ``<xmp>``, ``<noscript>``, ``<script>``...) is shown as text: prose that mentions one ("never
  paste a <style> block") keeps everything after it, and nothing inside one can run.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import markdown
import nh3

_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
    "{": "&#123;", "}": "&#125;", "`": "&#96;", "$": "&#36;", "\\": "&#92;",
    "\n": "&#10;", "\r": "&#13;",
}
_TABLE = str.maketrans(_ENTITIES)
_SAFE_SCHEMES = ("http", "https", "mailto")
_URL = re.compile(r"https?://[^\s<>\"']+")
_TRAILING = ".,;:!?)]}'\""


def h(value: object) -> str:
    """``value`` as inert HTML text (also safe inside a double-quoted attribute)."""
    return str(value).translate(_TABLE)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) or mailto URL, else None (drops ``javascript:``)."""
    if not url:
        return None
    cleaned = "".join(ch for ch in url.strip() if ch >= " " and ch != "\x7f")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return None
    return cleaned if scheme in _SAFE_SCHEMES else None


def link(url: str | None, text: str) -> str:
    """An external link, or the bare text when the URL is not safe."""
    safe = safe_url(url)
    if safe is None:
        return h(text)
    return f'<a href="{h(safe)}" rel="nofollow noopener">{h(text)}</a>'


def caption_html(caption: str) -> str:
    """The caption as the platform shows it: plain text, line breaks kept, http(s) URLs linked.

    Platforms publish captions as text, so HTML in a caption is shown, never interpreted. The
    result still goes through nh3 as a second line of defence.
    """
    parts: list[str] = []
    for line in caption.split("\n"):
        out, last = [], 0
        for m in _URL.finditer(line):
            url = m.group(0).rstrip(_TRAILING)
            end = m.start() + len(url)
            out.append(h(line[last:m.start()]))
            out.append(link(url, url))
            last = end
        out.append(h(line[last:]))
        parts.append("".join(out))
    return clean("<br>".join(parts), tags={"a", "br"})


_GUIDE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "span", "strong",
    "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
#: Material's admonition types: the only classes a guide's HTML keeps (``!!! tip "Title"``).
_ADMONITIONS = {"admonition", "note", "abstract", "info", "tip", "success", "question",
                "warning", "failure", "danger", "bug", "example", "quote"}
_ENTITY_AFTER_CLEAN = str.maketrans({
    "{": "&#123;", "}": "&#125;", "`": "&#96;", "$": "&#36;", "\n": "&#10;",
})


#: Elements whose content the HTML parser takes as raw text up to their end tag: the sanitiser
#: would drop it all (script, style) or turn the rest of the page into text.
_RAW_TEXT = re.compile(r"<(/?)(script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|"
                       r"plaintext|template)(?=[\s/>]|$)", re.IGNORECASE)


def _show_raw_text_tags(html: str) -> str:
    return _RAW_TEXT.sub(lambda m: f"&lt;{m.group(1)}{m.group(2)}", html)


def clean(html: str, tags: set[str] | None = None) -> str:
    """Sanitise HTML with nh3 and make it inert as Markdown source (one line, no Jinja)."""
    cleaned = nh3.clean(
        _show_raw_text_tags(html),
        tags=tags if tags is not None else _GUIDE_TAGS,
        attributes={"a": {"href", "title"}, "img": {"src", "alt", "title"}, "td": {"align"},
                    "th": {"align"}},
        url_schemes=set(_SAFE_SCHEMES),
        link_rel="nofollow noopener",
        allowed_classes={"div": _ADMONITIONS, "p": {"admonition-title"}},
    )
    return cleaned.translate(_ENTITY_AFTER_CLEAN)


_PAGE_TAGS = _GUIDE_TAGS | {
    "h1", "article", "aside", "bdi", "caption", "cite", "col", "colgroup", "details", "dfn",
    "figcaption", "figure", "footer", "header", "input", "ins", "kbd", "label", "mark", "nav",
    "q", "rp", "rt", "ruby", "samp", "section", "small", "summary", "tfoot", "time", "var",
    "wbr", "svg", "path", "g", "circle", "rect", "ellipse", "line", "polyline", "polygon",
}
_PAGE_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "name", "title"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "td": {"align", "colspan", "rowspan"}, "th": {"align", "colspan", "rowspan"},
    "ol": {"start", "type"}, "li": {"value"}, "details": {"open"}, "abbr": {"title"},
    "time": {"datetime"}, "label": {"for"},
    "input": {"type", "checked", "disabled", "name"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill"},
    "path": {"d", "fill", "fill-rule", "clip-rule"}, "g": {"fill"},
    "circle": {"cx", "cy", "r"}, "rect": {"x", "y", "width", "height", "rx", "ry"},
    "ellipse": {"cx", "cy", "rx", "ry"}, "line": {"x1", "y1", "x2", "y2"},
    "polyline": {"points"}, "polygon": {"points"},
}


def clean_page(html: str) -> str:
    """An ordinary page's HTML as mkdocs rendered it, sanitised like captions (SPEC §8.1).

    Markdown extensions' markup (admonitions, highlighted code, tabs, footnotes, emoji icons,
    heading anchors) keeps its classes and ids; script, event handlers, ``javascript:`` links,
    frames, forms and styles do not survive.
    """
    return nh3.clean(_show_raw_text_tags(html), tags=_PAGE_TAGS, attributes=_PAGE_ATTRIBUTES,
                     url_schemes=set(_SAFE_SCHEMES), link_rel=None)


def attr_url(url: str | None, *, relative: bool = False) -> str | None:
    """``url`` fit for an HTML attribute the theme writes unescaped: http(s)/mailto (or, with
    ``relative``, a path), with quotes, brackets and spaces percent-encoded; else None."""
    if not url:
        return None
    cleaned = "".join(ch for ch in str(url).strip() if ch > " " and ch != "\x7f")
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return None
    if scheme not in _SAFE_SCHEMES and not (relative and not scheme):
        return None
    return cleaned.translate(_URL_ATTR)


_URL_ATTR = str.maketrans({'"': "%22", "'": "%27", "<": "%3C", ">": "%3E", "`": "%60",
                           "{": "%7B", "}": "%7D"})


def markdown_html(text: str, drop_first_h1: bool = False) -> str:
    """Markdown written by a person (a guide, a brief) as sanitised, inert HTML."""
    if drop_first_h1:
        text = re.sub(r"\A\s*# [^\n]*\n?", "", text, count=1)
    rendered = markdown.markdown(
        text, extensions=["tables", "fenced_code", "sane_lists", "admonition"],
        output_format="html")
    # Headings move one level down: the page title is the only h1.
    rendered = re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}",
                      rendered)
    return clean(rendered)


def table(head: Iterable[str], rows: Iterable[Iterable[str]], cls: str = "") -> str:
    """An HTML table; ``head`` and the cells must already be HTML."""
    klass = f' class="{cls}"' if cls else ""
    out = [f"<table{klass}><thead><tr>"]
    out.extend(f"<th>{c}</th>" for c in head)
    out.append("</tr></thead><tbody>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def block(html: str) -> str:
    """A raw HTML block, separated from its neighbours so Markdown leaves it alone."""
    return f'<div class="smm-block">{html}</div>'


def page(title: str, blocks: Iterable[str], *, wide: bool = False,
         searchable: bool = True) -> str:
    """A whole generated page: front matter with the (escaped) title, then the blocks.

    ``wide`` hides the table of contents (the month grid needs the room); ``searchable=False``
    keeps the page out of the search index.

    mkdocs and Material put ``page.title`` into the HTML unescaped, so the title is HTML-escaped
    here; JSON is valid YAML, so no value can break out of the front matter.
    """
    escaped = html.escape(title, quote=True).replace("{", "&#123;").replace("}", "&#125;")
    meta = json.dumps(" ".join(escaped.split()), ensure_ascii=True)
    body = "\n\n".join(b for b in blocks if b)
    hide = "hide: [toc]\n" if wide else ""
    # Lists (months, channels, personas) repeat what the post pages say: leaving them out of
    # Material's search index keeps results to the posts and the build linear and lean.
    search = "" if searchable else "search:\n  exclude: true\n"
    return f"---\ntitle: {meta}\n{hide}{search}---\n\n{body}\n"


def heading(text: str, anchor: str | None = None, *, searchable: bool = True) -> str:
    """A section heading (h2) as raw HTML: text from the plan never becomes Markdown.

    ``searchable=False`` keeps the section it opens out of the search index (Material's
    ``data-search-exclude``), for sections that repeat what other pages say.
    """
    ident = f' id="{h(anchor)}"' if anchor else ""
    exclude = " data-search-exclude" if not searchable else ""
    return f"<h2{ident}{exclude}>{h(text)}</h2>"
