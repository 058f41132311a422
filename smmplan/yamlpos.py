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

_STR = "tag:yaml.org,2002:str"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_VALUE = "tag:yaml.org,2002:value"
# Built directly rather than through construct_object, which keeps every node it ever saw.
_SCALARS: dict[str, Any] = {
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
}

_UNTAGGED = "?"

# The composer calls three resolver hooks for every node, each a Python call; they are the
# largest cost of composing a small document. Here they are C callables that do nothing: every
# untagged node gets the tag "?" (``str.format`` of a text without fields returns it unchanged)
# and _scalar resolves plain scalars from SafeLoader's own tables, telling plain from quoted by
# the node's style. Explicitly tagged nodes keep their tag: the hooks only see untagged ones.
_hooks = {
    "resolve": _UNTAGGED.format,
    "descend_resolver": {}.get,
    "ascend_resolver": tuple,
}
_Base: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_Loader: Any = type("_Loader", (_Base,), _hooks)
_C_PARSER = _Base is not yaml.BaseLoader
_constructor = yaml.constructor.SafeConstructor()
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers

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
_LONG_RUN = re.compile(rf"[ \t?:-]{{{MAX_INDENT + 1}}}")  # needed for such a prefix; quick
# libyaml reads these as line breaks, so its line numbers would drift from the editor's.
_ODD_BREAKS = re.compile("[\x85\u2028\u2029]")



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
    flat = _flat(text)
    return flat if flat is not None else _composed(text, allow_unknown_tags)


def _composed(text: str, lax: bool) -> Doc:
    """:func:`parse` by libyaml's composer, for any text."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.reader.ReaderError as exc:
        offset = exc.position
        if _C_PARSER:  # libyaml counts bytes of the UTF-8 text
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
        doc.value = _convert(node, "", doc, budget, lax)
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
    if len(text) > MAX_INDENT and _LONG_RUN.search(text):
        for m in _BLOCK_PREFIX.finditer(text):
            if m.end() - m.start() > MAX_INDENT:
                line, column = _line_col(text, m.start() + MAX_INDENT)
                raise YamlError(f"the document is indented more than {MAX_INDENT} columns deep",
                                line, column)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """0-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset)
    return line, offset - (text.rfind("\n", 0, offset) + 1)


def _scalar(node: Any, lax: bool) -> Any:
    tag = node.tag
    if tag == _UNTAGGED:
        if node.style:  # quoted or block: text
            return node.value
        return _plain(node.value)
    if tag in (_STR, _TIMESTAMP):
        # timestamps stay text: the loader reads dates itself (see the module's docstring)
        return node.value
    build = _SCALARS.get(tag)
    if build is not None:
        return _built(build, node)
    if lax or tag in (_MERGE, _VALUE):  # ``<<`` and ``=`` as values are plain text here
        return node.value
    mark = node.start_mark
    raise YamlError(f"unsupported tag {tag!r}", mark.line, mark.column)


def _plain(value: str) -> Any:
    """A plain (unquoted, untagged) scalar, resolved by SafeLoader's own tables."""
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            build = _SCALARS.get(tag)
            # timestamps, ``<<`` and ``=`` stay text (see _scalar)
            return value if build is None else _built(build, yaml.ScalarNode(tag, value))
    return value


def _built(build: Any, node: Any) -> Any:
    try:
        return build(_constructor, node)
    except (yaml.YAMLError, ValueError, TypeError):
        return node.value


def _convert(node: Any, path: str, doc: Doc, budget: list[int], lax: bool) -> Any:
    budget[0] -= 1
    mark = node.start_mark
    if budget[0] < 0:
        raise YamlError(f"the document expands to more than {MAX_NODES} values (aliases?)",
                        mark.line, mark.column)
    values = doc.values
    if path not in values:
        values[path] = (mark.line, mark.column)
    cls = node.__class__
    if cls is yaml.ScalarNode:
        return _scalar(node, lax)
    tag = node.tag
    if cls is yaml.SequenceNode:
        if tag != _UNTAGGED and tag != _SEQ and not lax:
            raise YamlError(f"unsupported tag {tag!r}", mark.line, mark.column)
        return [_convert(item, f"{path}[{i}]", doc, budget, lax)
                for i, item in enumerate(node.value)]
    if tag != _UNTAGGED and tag != _MAP and not lax:
        raise YamlError(f"unsupported tag {tag!r}", mark.line, mark.column)
    out: dict[str, Any] = {}
    keys = doc.keys
    for key_node, value_node in node.value:
        kmark = key_node.start_mark
        if key_node.__class__ is not yaml.ScalarNode:
            raise YamlError("a key must be a plain word, not a list or mapping", kmark.line,
                            kmark.column)
        key = key_node.value
        if key in out:
            raise YamlError(f"duplicate key {key!r}", kmark.line, kmark.column)
        sub = f"{path}.{key}" if path else key
        keys[sub] = (kmark.line, kmark.column)
        out[key] = _convert(value_node, sub, doc, budget, lax)
    return out


# Most front matter is one ``key: value`` per line, where the value is a plain word or phrase, a
# quoted text without escapes or a flow list of such: :func:`_flat` reads that with a regex per
# line, in a third of libyaml's time (whose nodes are Python objects made one call each). Any
# line outside this narrow form (comments, blank or indented lines, nested mappings, escapes,
# tabs, characters libyaml refuses, a repeated key) sends the whole text to libyaml, so what
# either path accepts it reads alike: the same values, positions and order
# (tests/test_yamlflat.py compares them).
_FLAT_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,99}): +(.+)")  # libyaml: keys < 1024
_FLAT_PLAIN = re.compile(r"[A-Za-z0-9_][^#]*")  # then: no ": ", no trailing ":" or space
_FLAT_QUOTED = re.compile(r"\"[^\"\\]*\"|'[^']*'")
_FLAT_ITEM = r"(?:[A-Za-z0-9_][A-Za-z0-9_./-]*|\"[^\"\\]*\"|'[^']*')"
_FLAT_LIST = re.compile(rf"\[(?:{_FLAT_ITEM}(?:, ?{_FLAT_ITEM})*)?\]")
_FLAT_ITEMS = re.compile(_FLAT_ITEM)
# all but tabs, carriage returns, the BOM and what libyaml's reader refuses or breaks lines at
_FLAT_ODD = re.compile("[^\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                       "\U00010000-\U0010ffff]")
_FLAT_MAX_LINES = 1000  # far below MAX_NODES: the budget needs no counting here


def _flat(text: str) -> Doc | None:
    """The document of a text of ``key: value`` lines only (see above), or None."""
    lines = text.split("\n")
    if not text or len(lines) > _FLAT_MAX_LINES or _FLAT_ODD.search(text):
        return None
    doc = Doc({}, {"": (0, 0)})
    out, values, keys = doc.value, doc.values, doc.keys
    for row, line in enumerate(lines):
        known = _FLAT_SEEN.get(line)
        if known is None:
            known = _flat_line(line)
            if known is None:
                return None
            if len(_FLAT_SEEN) < _FLAT_SEEN_MAX:
                _FLAT_SEEN[line] = known
        key, column, value, items = known
        if key in out:
            return None
        keys[key] = (row, 0)
        values[key] = (row, column)
        if items is not None:
            for i, at in enumerate(items):
                values[f"{key}[{i}]"] = (row, at)
            value = list(value)
        out[key] = value
    return doc


# Lines read before, by their text: many recur from post to post (``status: approved``,
# ``pillar: quote``). What is kept is immutable (a list as a tuple), so a line always reads alike.
_FlatLine = tuple[str, int, Any, tuple[int, ...] | None]
_FLAT_SEEN: dict[str, _FlatLine] = {}
_FLAT_SEEN_MAX = 4096


def _flat_line(line: str) -> _FlatLine | None:
    """``(key, value's column, value, its items' columns if a list)`` of a ``key: value``
    line, or None when the line is not of the flat form."""
    m = _FLAT_LINE.fullmatch(line)
    if m is None:
        return None
    raw, column = m.group(2), m.start(2)
    first = raw[0]
    if first == "[":
        if not _FLAT_LIST.fullmatch(raw):
            return None
        found = list(_FLAT_ITEMS.finditer(raw))
        return (m.group(1), column, tuple(_flat_scalar(i.group()) for i in found),
                tuple(column + i.start() for i in found))
    if first in "\"'":
        return (m.group(1), column, raw[1:-1], None) if _FLAT_QUOTED.fullmatch(raw) else None
    if not _FLAT_PLAIN.fullmatch(raw) or ": " in raw or raw[-1] in ": ":
        return None
    return m.group(1), column, _plain(raw), None


def _flat_scalar(item: str) -> Any:
    return item[1:-1] if item[0] in "\"'" else _plain(item)
