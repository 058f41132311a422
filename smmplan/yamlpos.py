"""YAML loaded safely into plain values that remember where every key and value stands.

PyYAML's constructors drop positions, so we compose the node tree (libyaml's C composer where
available: about twice as fast as constructing, and safe since no tag is ever executed) and convert
it ourselves. Timestamps are kept as their source text: the loader parses dates itself so that
``2026-12-01 09:00`` (not a YAML timestamp) and ``2026-12-01T09:00:00+07:00`` mean the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_constructor = yaml.constructor.SafeConstructor()

#: A document may not expand to more nodes than this (defends against alias "billion laughs").
MAX_NODES = 50_000
#: Limits on nesting, checked on the text before libyaml sees it: libyaml's C composer recurses
#: once per level and crashes the interpreter (a segfault, not an exception) some 20,000 levels
#: down, and its parser slows quadratically on deep flow collections.
MAX_FLOW_DEPTH = 100
MAX_INDENT = 200

_BRACKETS = re.compile(r"[\[\]{}]")
# Block nesting needs indentation or compact indicators (``- - x``) in front of a line's content.
_BLOCK_PREFIX = re.compile(r"^(?:[ \t]|[-?:](?=[ \t]|$))*", re.MULTILINE)
# libyaml reads these as line breaks, so its line numbers would drift from the editor's.
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class YamlError(Exception):
    """The text is not YAML we accept; ``line``/``column`` are 0-based within the text."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Doc:
    """A loaded YAML document.

    ``values`` and ``keys`` map a dotted path (``channels.instagram.per_day``, ``channel[1]``) to
    the 0-based (line, column) of the value and of its key.
    """

    value: Any
    values: dict[str, tuple[int, int]] = field(default_factory=dict)
    keys: dict[str, tuple[int, int]] = field(default_factory=dict)


def child_path(parent: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def parse(text: str, *, allow_unknown_tags: bool = False) -> Doc:
    """Parse one YAML document; raise :class:`YamlError` with a position if it is not acceptable.

    ``allow_unknown_tags`` reads tagged nodes (``!!python/name:...`` in mkdocs.yml) as their plain
    value instead of refusing them; nothing is ever constructed from a tag.
    """
    _check_shape(text)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:
        offset = exc.position
        if _Loader is not yaml.SafeLoader:  # libyaml counts bytes of the UTF-8 text
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        line, column = _line_col(text, offset)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "?")
        raise YamlError(f"unacceptable character #x{char:04x}: {exc.reason}", line,
                        column) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line, mark.column) if mark is not None else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlError(problem, line, column) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0] if str(exc) else "invalid YAML", 0, 0) from None
    except RecursionError:
        raise YamlError("the document is nested too deeply", 0, 0) from None
    doc = Doc(None)
    if node is None:
        return doc
    budget = [MAX_NODES]
    try:
        doc.value = _convert(node, "", doc, budget, allow_unknown_tags)
    except RecursionError:
        raise YamlError("the document is nested too deeply", 0, 0) from None
    return doc


def _check_shape(text: str) -> None:
    """Refuse text that libyaml could not handle safely or would number differently."""
    odd = _ODD_BREAKS.search(text)
    if odd is not None:
        line, column = _line_col(text, odd.start())
        raise YamlError(f"the character U+{ord(odd.group()):04X} (a Unicode line break) is not "
                        "allowed; use an ordinary line break", line, column)
    if text.count("[") + text.count("{") > MAX_FLOW_DEPTH:
        depth = 0
        for m in _BRACKETS.finditer(text):
            depth = depth + 1 if m.group() in "[{" else max(0, depth - 1)
            if depth > MAX_FLOW_DEPTH:
                line, column = _line_col(text, m.start())
                raise YamlError(f"the document is nested more than {MAX_FLOW_DEPTH} levels deep",
                                line, column)
    if len(text) > MAX_INDENT:
        for m in _BLOCK_PREFIX.finditer(text):
            if m.end() - m.start() > MAX_INDENT:
                line, column = _line_col(text, m.start() + MAX_INDENT)
                raise YamlError(f"the document is indented more than {MAX_INDENT} columns deep",
                                line, column)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """0-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def _convert(node: Any, path: str, doc: Doc, budget: list[int], lax: bool) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        mark = node.start_mark
        raise YamlError(
            f"the document expands to more than {MAX_NODES} values (aliases?)",
            mark.line,
            mark.column,
        )
    mark = node.start_mark
    doc.values.setdefault(path, (mark.line, mark.column))
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag in (_STR, _TIMESTAMP):
            return node.value
        if tag in _SCALAR_TAGS:
            try:
                return _constructor.construct_object(node)
            except (yaml.YAMLError, ValueError, TypeError):
                return node.value
        if lax:
            return node.value
        raise YamlError(f"unsupported tag {tag!r}", mark.line, mark.column)
    if isinstance(node, yaml.SequenceNode):
        if tag != _SEQ and not lax:
            raise YamlError(f"unsupported tag {tag!r}", mark.line, mark.column)
        return [
            _convert(item, child_path(path, i), doc, budget, lax)
            for i, item in enumerate(node.value)
        ]
    if tag != _MAP and not lax:
        raise YamlError(f"unsupported tag {tag!r}", mark.line, mark.column)
    out: dict[str, Any] = {}
    for key_node, value_node in node.value:
        kmark = key_node.start_mark
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlError("a key must be a plain word, not a list or mapping", kmark.line,
                            kmark.column)
        key = key_node.value
        if key in out:
            raise YamlError(f"duplicate key {key!r}", kmark.line, kmark.column)
        sub = child_path(path, key)
        doc.keys[sub] = (kmark.line, kmark.column)
        out[key] = _convert(value_node, sub, doc, budget, lax)
    return out
