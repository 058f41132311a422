"""mkdocs.yml read as data only, for engines that would otherwise evaluate it themselves.

Zensical loads mkdocs.yml with PyYAML's full ``Loader``: a ``!!python/object`` tag in a pull
request's mkdocs.yml would run code during the build. smmplan reads the file here, with the safe
loader, and hands the engine a config it wrote itself. Of the Python tags only
``!!python/name:`` is kept, and only for the Markdown extension packages Material documents
(``pymdownx.``, ``material.``, ``zensical.``): it becomes the dotted name, which Zensical imports
as it does for its own TOML config. ``!ENV`` takes the variable (or its default) as mkdocs does.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

#: Packages whose functions a config may name (custom fences, emoji indexes, slugify).
NAMED_PACKAGES = ("pymdownx.", "material.", "zensical.")
_NAME_TAG = "tag:yaml.org,2002:python/name:"


class ConfigError(Exception):
    """mkdocs.yml cannot be handed to the engine; the message says why and what to do."""


class _Loader(yaml.SafeLoader):
    pass


def _name(loader: _Loader, suffix: str, node: yaml.Node) -> str:
    if not suffix.startswith(NAMED_PACKAGES):
        raise ConfigError(f"line {node.start_mark.line + 1}: !!python/name:{suffix} names code "
                          f"outside {', '.join(p.rstrip('.') for p in NAMED_PACKAGES)}; "
                          "smmplan does not hand it to the engine")
    return suffix


def _env(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode) and node.value:
        items = loader.construct_sequence(node)
        names, default = [str(n) for n in items[:-1]] or [str(items[0])], (
            items[-1] if len(items) > 1 else None)
    else:
        raise ConfigError(f"line {node.start_mark.line + 1}: !ENV takes a name or a list")
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
    return default


def _unknown(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    raise ConfigError(f"line {node.start_mark.line + 1}: the tag {node.tag} is not data; "
                      "smmplan reads mkdocs.yml with YAML's safe loader")


_Loader.add_multi_constructor(_NAME_TAG, _name)
_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown)
_Loader.add_multi_constructor("!", _unknown)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data; :class:`ConfigError` for anything that is not."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as e:
        raise ConfigError(str(e)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"cannot read it: {e}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("it must be a mapping of settings")
    if "INHERIT" in data:
        raise ConfigError("INHERIT is not supported with --engine zensical: put the settings "
                          "into mkdocs.yml itself")
    return data
