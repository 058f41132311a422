"""Markdown files with YAML front matter (posts, campaigns): the split and the body."""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Diagnostic, diag
from ..fields import Fields
from ..files import read_text, rel
from ..model import Position
from .yamlfile import mapping_doc, parse_yaml

_FENCE = re.compile(r"^---[ \t]*$")
_FENCE_LINE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str, int, str, int] | str:
    """``(front matter, its first file line, body, body's first file line)``, or why not.

    Lines are 1-based file lines; the front matter sits between a first line ``---`` and the next
    ``---`` (or ``...``) line.
    """
    first_end = text.find("\n")
    first = text if first_end < 0 else text[:first_end]
    if not _FENCE.match(first):
        if not text.strip():
            return "the file is empty: a post starts with front matter between two `---` lines"
        return "the file has no front matter: its first line must be `---`"
    close = _FENCE_LINE.search(text, first_end + 1) if first_end >= 0 else None
    if close is None:
        return "the front matter opened on line 1 is never closed with a `---` line"
    front = text[first_end + 1:close.start()]
    if front:
        front = front[:-1]  # the line break before the closing fence
        closing = 3 + front.count("\n")
    else:
        closing = 2
    return front, 2, text[close.end() + 1:], closing + 1


def body_text(body: str, first_line: int) -> tuple[str, int]:
    """The body as published, and its first file line: without leading blank lines or trailing
    whitespace."""
    stripped = body.lstrip("\n")
    # a first line of only spaces before text still counts as blank
    while stripped and stripped.split("\n", 1)[0].strip() == "" and "\n" in stripped:
        stripped = stripped.split("\n", 1)[1]
    line = first_line + body[: len(body) - len(stripped)].count("\n")
    return stripped.rstrip(), line


def front_matter_file(root: Path, path: Path, out: list[Diagnostic], what: str, bad: str
                      ) -> tuple[Fields, str, int] | None:
    """``(front matter, body, body's first line)`` of one file, or None after diagnostics.
    ``bad`` is the code of a front matter that is not a mapping, and of values of the wrong
    shape."""
    text, problem = read_text(root, path, walked=True)
    if problem:
        out.append(problem)
        return None
    assert text is not None
    return front_matter_text(text, rel(root, path), out, what, bad)


def front_matter_text(text: str, name: str, out: list[Diagnostic], what: str, bad: str
                      ) -> tuple[Fields, str, int] | None:
    """:func:`front_matter_file` of a text that file ``name`` would hold."""
    parts = split_front_matter(text)
    if isinstance(parts, str):
        code = "SMM001" if "never closed" in parts else "SMM002"
        out.append(diag(code, parts, Position(name), help=f"start {what} with:\n---\n"
                        "title: ...\n---"))
        return None
    front, front_line, body, body_line = parts
    doc = parse_yaml(front, name, front_line - 1, out)
    if doc is None:
        return None
    if doc.value is None:
        doc.value = {}
        doc.values[""] = (0, 0)
    if not mapping_doc(doc, name, bad, out, line_offset=front_line - 1,
                       what="the front matter"):
        return None
    f = Fields(doc, name, out, bad=bad, line_offset=front_line - 1)
    text, line = body_text(body, body_line)
    return f, text, line
