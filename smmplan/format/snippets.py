"""``guidelines/snippets.yml`` (SPEC §5.3): reusable caption lines and hashtag groups.

```yaml
snippets:
  link-in-bio: "Pesan lewat tautan di bio 👆"
hashtags:
  kopi: ["#KopiSenja", "#KopiBandung", "#NgopiDulu"]
```

A snippet may itself use the caption templates; one that names an unknown snippet, or that
(through others) includes itself, is reported here at its own text, once, rather than at every
caption that uses it.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from jinja2 import TemplateSyntaxError, nodes

from ..captiontemplate import Library, environment, is_template
from ..diagnostics import Diagnostic
from ..fields import ID_RE, Fields, did_you_mean
from .keys import SNIPPETS
from .yamlfile import mapping_doc, read_yaml

SNIPPETS_FILE = "guidelines/snippets.yml"
_HASHTAG = re.compile(r"^#[^\s#]+$")


def load_library(root: Path, out: list[Diagnostic]) -> Library:
    """The plan's snippets and hashtag groups; an empty library when the file is absent. Bad
    entries are reported (SMM001, SMM007, SMM008, SMM006, SMM009) and left out."""
    path = root / SNIPPETS_FILE
    if not path.exists() and not path.is_symlink():
        return Library()
    doc = read_yaml(root, path, out)
    if doc is None or doc.value is None or \
            not mapping_doc(doc, SNIPPETS_FILE, "SMM007", out):
        return Library()
    f = Fields(doc, SNIPPETS_FILE, out, bad="SMM007")
    f.unknown_keys(SNIPPETS.names)
    snippets = _snippets(f)
    hashtags = _hashtags(f)
    _check_references(f, snippets)
    return Library(MappingProxyType(snippets), MappingProxyType(hashtags))


def _names(f: Fields, key: str) -> Fields | None:
    group = f.mapping(key)
    if group is None:
        return None
    for name in list(group.data):
        if not isinstance(name, str) or not ID_RE.match(name):
            group.report("SMM007", f"'{group.label(name)}' is not a valid name", name,
                         of_key=True, help="names are lower-case letters, digits and dashes, "
                         "e.g. link-in-bio")
    return group


def _valid(group: Fields | None) -> list[str]:
    return [] if group is None else [n for n in group.data if isinstance(n, str)
                                     and ID_RE.match(n)]


def _snippets(f: Fields) -> dict[str, str]:
    group = _names(f, "snippets")
    out = {}
    for name in _valid(group):
        assert group is not None
        value = group.text(name, single_line=False)
        if value is None:
            continue
        if is_template(value):
            try:
                environment().parse(value)
            except TemplateSyntaxError as exc:
                group.report("SMM009", f"snippet '{name}' does not parse: {exc.message}", name)
                continue
        out[name] = value
    return out


def _hashtags(f: Fields) -> dict[str, tuple[str, ...]]:
    group = _names(f, "hashtags")
    out = {}
    for name in _valid(group):
        assert group is not None
        tags = group.text_list(name, allow_single=True)
        items = group.sub(name) if isinstance(group.data[name], list) else group
        good = True
        for i, tag in enumerate(tags):
            if not _HASHTAG.match(tag):
                where: str | int = i if items is not group else name
                items.report("SMM007", f"'{items.label(where)}' is {tag!r}, not a hashtag",
                             where, help="write one tag per item, starting with #: \"#NgopiDulu\"")
                good = False
        if good and tags:
            out[name] = tags
    return out


def _references(text: str) -> list[str]:
    """The snippet names ``text`` calls with a literal name."""
    if not is_template(text):
        return []
    tree = environment().parse(text)
    return [call.args[0].value for call in tree.find_all(nodes.Call)
            if isinstance(call.node, nodes.Name) and call.node.name == "snippet"
            and len(call.args) == 1 and isinstance(call.args[0], nodes.Const)
            and isinstance(call.args[0].value, str)]


def _check_references(f: Fields, snippets: dict[str, str]) -> None:
    """Unknown snippets named by a snippet (SMM006) and snippets that include themselves
    (SMM009), reported once here; a caption using such a snippet gets its own problem too."""
    if not snippets:
        return
    group = f.sub("snippets")
    refs = {name: _references(text) for name, text in snippets.items()}
    for name, called in refs.items():
        for other in called:
            if other not in snippets:
                group.report("SMM006", f"snippet '{name}' uses unknown snippet "
                             f"'{other}'{did_you_mean(other, snippets)}", name)
        cycle = _cycle(name, refs)
        if cycle:
            group.report("SMM009", f"snippet '{name}' includes itself "
                         f"({' -> '.join(cycle)})", name,
                         help="a snippet may use other snippets, but not itself")


def _cycle(start: str, refs: dict[str, list[str]]) -> list[str] | None:
    """The chain by which ``start`` reaches itself, if it does."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        name, chain = stack.pop()
        for other in refs.get(name, ()):
            if other == start:
                return [*chain, start]
            if other not in seen:
                seen.add(other)
                stack.append((other, [*chain, other]))
    return None
