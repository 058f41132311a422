"""Which files Decap CMS can save without rewriting lines the creator did not touch.

Decap does not edit a file: it parses the front matter (or a persona's YAML) into data and,
on save, writes all of it again with its own YAML writer (``yaml`` 1.10, in
decap-cms-core/src/formats/yaml.ts). Keys it does not know survive, but comments and blank lines
are dropped, flow lists (``[a, b]``) become block lists, quoted strings lose or change their
quotes, numbers are re-spelled (``1e3`` -> ``1000``), long lines are folded, and the keys it
knows are put in the order of the editor's fields. A file is *in the editor's form* when that
rewrite gives back the same bytes; then saving changes exactly the fields the creator changed.

:func:`first_rewrite` says which line of a file would be rewritten, or None. ``check`` reports
it (SMM012) and the admin page refuses to save such a file (``smmplan-cms.js`` runs the same
test, with the expressions of :func:`rules_for_browser`), so Decap never rewrites one silently.
The test is conservative: a file it accepts is written back byte for byte (the tests run Decap's
own writer on it); a file it refuses might have survived.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

#: Decap's writer folds lines longer than this (UTF-16 code units, as JavaScript counts).
WIDTH = 80
KEY = r"[A-Za-z_][A-Za-z0-9_-]*"
#: A plain scalar the writer leaves as it is: no indicator first, no ``: `` or `` #`` inside,
#: no space or colon last, no tab or control character.
PLAIN = (r"[^-?:,\[\]{}#&*!|>'\"%@`\s\x00-\x1f\x7f]"
         r"(?:[^:#\t\x00-\x1f\x7f]|:(?! )|(?<! )#)*(?<![: ])")
#: Plain text that YAML 1.2 reads as something other than a string (number, boolean, null, a
#: UTC timestamp): the writer spells it its own way, unless it is already spelled so (CANONICAL).
SPECIAL = (r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
           r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
           r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
           r"|true|True|TRUE|false|False|FALSE|null|Null|NULL|~"
           r"|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z")
CANONICAL = r"-?(?:0|[1-9][0-9]{0,14})|true|false"

_TOP = re.compile(rf"({KEY}):(?: (.*))?")
_ITEM = re.compile(r"  - (.*)")
_SUB = re.compile(rf"  ({KEY}): (.*)")
_PLAIN = re.compile(PLAIN)
_SPECIAL = re.compile(SPECIAL)
_CANONICAL = re.compile(CANONICAL)


def _scalar_kept(text: str) -> bool:
    if _SPECIAL.fullmatch(text):
        return _CANONICAL.fullmatch(text) is not None
    return _PLAIN.fullmatch(text) is not None


def _width(line: str) -> int:
    return len(line.encode("utf-16-le")) // 2


def yaml_rewrite(lines: Sequence[str], order: Sequence[str], lists: Collection[str] = ()
                 ) -> tuple[int, str] | None:
    """``(0-based line, why)`` of the first of ``lines`` (a YAML mapping) that Decap would
    write differently, with ``order`` the keys of the editor's fields and ``lists`` those of
    its list fields (which write even a single value as a list); None if none."""
    last = -1
    seen: set[str] = set()
    nested = False  # inside a key's block list or mapping
    for i, line in enumerate(lines):
        if _width(line) > WIDTH:
            return i, f"it is longer than {WIDTH} characters, and the editor folds long lines"
        item = _ITEM.fullmatch(line) or _SUB.fullmatch(line)
        if nested and item:
            value = item.group(item.lastindex or 1)
            if not _scalar_kept(value):
                return i, _why(value)
            continue
        top = _TOP.fullmatch(line)
        if top is None:
            return i, _why_line(line)
        key, value = top.group(1), top.group(2)
        if key in seen:
            return i, f"`{key}` is given twice"
        seen.add(key)
        if key in order:
            if order.index(key) < last:
                return i, (f"`{key}` comes after a key the editor writes later; it writes "
                           f"them in this order: {', '.join(order)}")
            last = order.index(key)
        if value is None:
            nested = i + 1 < len(lines) and bool(_ITEM.fullmatch(lines[i + 1])
                                                  or _SUB.fullmatch(lines[i + 1]))
            if not nested:
                return i, "an empty value is written as `null`"
        elif not _scalar_kept(value):
            return i, _why(value)
        elif key in lists:
            return i, f"the editor writes `{key}` as a list, one item per line"
        else:
            nested = False
    return None


def _why(value: str) -> str:
    if value.startswith(("[", "{")):
        return "a list or mapping written inline (`[a, b]`) is written as one item per line"
    if value.startswith(("'", '"')):
        return "quoted text is written with other quotes or none"
    if value.startswith(("|", ">")):
        return "a multi-line text block is written in another style"
    if " #" in value:
        return "the comment at the end of the line is dropped"
    if _SPECIAL.fullmatch(value):
        return f"`{value}` is written in another spelling"
    return f"`{value}` is written in another form (quoted or escaped)"


def _why_line(line: str) -> str:
    stripped = line.strip()
    if not stripped:
        return "blank lines are dropped"
    if stripped.startswith("#"):
        return "comments are dropped"
    return "the editor writes this line in another layout"


def first_rewrite(text: str, order: Sequence[str], *, front_matter: bool,
                  lists: Collection[str] = ()) -> tuple[int, str] | None:
    """``(1-based line, why)`` of the first line of a file Decap would rewrite, or None.

    ``front_matter``: a Markdown file (post, campaign) whose body is kept as it is; otherwise a
    whole YAML file (persona). The text is as :func:`smmplan.files.read_text` returns it.
    """
    if not text.endswith("\n"):
        return max(text.count("\n"), 0) + 1, "the editor ends the file with a line break"
    lines = text[:-1].split("\n")
    offset = 0
    if front_matter:
        if lines[0] != "---" or "---" not in lines[1:]:
            return 1, "the editor writes front matter between two `---` lines"
        close = lines.index("---", 1)
        if close == len(lines) - 1:
            return close + 1, "a file without a caption gets an empty line added"
        lines, offset = lines[1:close], 1
    found = yaml_rewrite(lines, order, lists)
    return None if found is None else (found[0] + 1 + offset, found[1])


def rules_for_browser() -> dict[str, object]:
    """The expressions the admin page needs to run :func:`yaml_rewrite` itself."""
    return {"width": WIDTH, "key": KEY, "plain": PLAIN, "special": SPECIAL,
            "canonical": CANONICAL}
