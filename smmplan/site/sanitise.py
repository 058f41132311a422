"""Plan text that a theme prints as HTML, made inert before any engine sees it (SPEC §8.1).

mkdocs.yml, a page's front matter and its title are written by whoever opens a pull request,
like any plan text, and mkdocs-material and Zensical print much of it unescaped. Both engine
adapters hand their settings through :func:`sanitise_settings` and the plan's own pages'
metadata through :func:`escaped`.
"""

from __future__ import annotations

import html
from collections.abc import MutableMapping
from typing import Any

from ..pages.html import attr_url, clean

_LINK_KEYS = ("link", "homepage", "url", "href")
#: Theme settings that are names or paths, never printed.
_THEME_NAMES = ("name", "custom_dir", "locale", "language", "static_templates")
_COPYRIGHT_TAGS = {"a", "br", "span", "em", "strong", "b", "i", "small"}


def escaped(value: Any) -> Any:
    """Every string in ``value`` (a mapping, a list or a scalar) HTML-escaped."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, dict):
        return {k: escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [escaped(v) for v in value]
    return value


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
    config["extra"] = _extra(dict(config.get("extra") or {}))
    for key in list(theme):
        if key not in _THEME_NAMES:
            theme[key] = escaped(theme[key])
    if config.get("nav"):
        config["nav"] = _nav(config["nav"])
