"""Plan text that a theme prints as HTML, made inert before any engine sees it (SPEC §8.1).

mkdocs.yml, a page's front matter and its title are written by whoever opens a pull request,
like any plan text, and mkdocs-material and Zensical print much of it unescaped. Both engine
adapters hand their settings through :func:`sanitise_settings` and the plan's own pages'
metadata through :func:`escaped`.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import MutableMapping
from typing import Any

from ..pages.html import attr_url, clean

_LINK_KEYS = ("link", "homepage", "url", "href")
#: Theme settings that are names or paths, never printed.
_THEME_NAMES = ("name", "custom_dir", "locale", "language", "static_templates")
_COPYRIGHT_TAGS = {"a", "br", "span", "em", "strong", "b", "i", "small"}
#: An icon of the theme's sets (``fontawesome/brands/github``): themes read the file of that name
#: and inline it, so a name with ``..`` would publish any SVG on the disk.
ICON = re.compile(r"[a-z0-9_-]+(?:/[a-z0-9_.-]+)+")


def safe_icon(value: object) -> bool:
    return isinstance(value, str) and ICON.fullmatch(value) is not None and ".." not in value


def _icons(value: Any) -> Any:
    """Icon settings with every name that is not :func:`safe_icon` left out."""
    if isinstance(value, dict):
        return {k: v for k, v in ((k, _icons(v)) for k, v in value.items()) if v is not None}
    return value if safe_icon(value) else None


def page_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """A plan page's front matter as a theme may read it: text escaped, no ``template`` (a
    path the engine reads), icons only from the theme's sets."""
    out = {k: v for k, v in meta.items() if k != "template"}
    if "icon" in out and not safe_icon(out["icon"]):
        del out["icon"]
    return escaped(out)


def escaped(value: Any) -> Any:
    """Every string in ``value`` (a mapping, a list or a scalar) HTML-escaped; any other value
    YAML can make (``!!binary`` bytes, sets) becomes its escaped text, as a theme would print
    it."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, dict):
        return {k: escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escaped(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, dt.date)):
        return value
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return html.escape(str(value), quote=True)


def _extra(value: Any, key: str = "") -> Any:
    """``extra`` as the theme may print it: text escaped, links kept only when safe."""
    if isinstance(value, dict):
        return {k: _extra(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_extra(v, key) for v in value]
    if isinstance(value, str):
        if key in _LINK_KEYS:
            return attr_url(value, relative=True) or ""
        return html.escape(value, quote=True)
    return value


def _nav(value: Any) -> Any:
    """The plan's own ``nav``: titles escaped, unsafe links dropped (SMM007 in check)."""
    if isinstance(value, list):
        return [v for v in (_nav(v) for v in value) if v is not None]
    if isinstance(value, dict):
        return {html.escape(str(k), quote=True): _nav(v) for k, v in value.items()}
    if isinstance(value, str) and ":" in value.split("/")[0]:
        return attr_url(value)
    return value


def _asset(item: Any) -> Any:
    """An extra_css/extra_javascript entry whose path is safe in the attribute the theme
    writes (a quote would close it and open an event handler)."""
    if isinstance(item, str):
        return attr_url(item, relative=True)
    if isinstance(item, dict) and isinstance(item.get("path"), str):
        path = attr_url(item["path"], relative=True)
        return None if path is None else {**item, "path": path}
    if isinstance(getattr(item, "path", None), str):  # mkdocs' validated ExtraScriptValue
        path = attr_url(item.path, relative=True)
        if path is None:
            return None
        item.path = path
        return item
    return None


def sanitise_settings(config: MutableMapping[str, Any], theme: MutableMapping[str, Any]) -> None:
    """The printed text of mkdocs.yml's settings (``config``) and its ``theme``, in place."""
    if isinstance(config.get("site_name"), str):
        config["site_name"] = html.escape(config["site_name"], quote=True)
    for key in ("site_description", "site_author", "repo_name"):
        if isinstance(config.get(key), str):
            config[key] = html.escape(config[key], quote=True)
    if config.get("copyright"):
        config["copyright"] = clean(str(config["copyright"]), tags=_COPYRIGHT_TAGS)
    for key in ("repo_url", "edit_uri"):
        if config.get(key):
            config[key] = attr_url(config[key], relative=key == "edit_uri")
    if config.get("site_url"):
        config["site_url"] = attr_url(config["site_url"])
    extra = dict(config.get("extra") or {})
    if isinstance(extra.get("social"), list):
        extra["social"] = [dict(item, icon=item["icon"] if safe_icon(item.get("icon")) else "")
                           for item in extra["social"] if isinstance(item, dict)]
    config["extra"] = _extra(extra)
    for key in ("extra_css", "extra_javascript"):
        if isinstance(config.get(key), list):
            config[key] = [a for a in map(_asset, config[key]) if a is not None]
    if "icon" in theme:
        theme["icon"] = _icons(theme["icon"])
    for key in list(theme):
        if key not in _THEME_NAMES:
            theme[key] = escaped(theme[key])
    if config.get("nav"):
        config["nav"] = _nav(config["nav"])
