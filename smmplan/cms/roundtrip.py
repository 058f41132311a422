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
The test follows the writer where it is regular (plain values, folded as ``yaml``'s
``foldFlowLines`` folds them; ``|`` blocks for text of several lines; short quoted values;
block lists and mappings of scalars) and refuses the rest (``>`` blocks, folded list items,
quoted values that are long or hold escapes), so it is conservative: a file it accepts is
written back byte for byte (the tests run Decap's own writer on it, and on what Decap writes
itself); a file it refuses might have survived.
"""

from __future__ import annotations

import itertools
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
CORE = (r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
        r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
        r"|true|True|TRUE|false|False|FALSE|null|Null|NULL|~")
SPECIAL = CORE + r"|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?Z"
#: Text the writer cannot leave plain (yaml 1.10's own test, in ``plainString``): it quotes it.
NOT_PLAIN = (r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#"
             r"|[\n\t :]$")
CANONICAL = r"-?(?:0|[1-9][0-9]{0,14})|true|false"

_TOP = re.compile(rf"({KEY}):(?: (.*))?")
_ITEM = re.compile(r"  - (.*)")
_SUB = re.compile(rf"  ({KEY}): (.*)")
_PLAIN = re.compile(PLAIN)
_SPECIAL = re.compile(SPECIAL)
_CORE = re.compile(CORE)
_NOT_PLAIN = re.compile(NOT_PLAIN)
_CANONICAL = re.compile(CANONICAL)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\t]")


def _scalar_kept(text: str) -> bool:
    if _SPECIAL.fullmatch(text):
        return _CANONICAL.fullmatch(text) is not None
    return _PLAIN.fullmatch(text) is not None


def _quoted_kept(text: str) -> bool:
    """A quoted value the writer quotes the same way: single quotes for text holding ``"`` but
    no ``'``, else double quotes (JSON's); escapes, control characters and text it would
    leave plain are refused."""
    if len(text) < 2 or text[0] != text[-1] or text[0] not in "'\"":
        return False
    inner = text[1:-1]
    if text[0] == "'":
        value = inner
        if "'" in value or '"' not in value:
            return False
    else:
        value = inner.replace('\\"', '"')
        if "\\" in value or '"' in inner.replace('\\"', "") or ('"' in value
                                                                and "'" not in value):
            return False
    if not value or _CONTROL.search(value) or "\n" in value:
        return False
    return _NOT_PLAIN.search(value) is not None or _CORE.fullmatch(value) is not None


def _width(line: str) -> int:
    return len(line.encode("utf-16-le")) // 2


def yaml_rewrite(lines: Sequence[str], order: Sequence[str], lists: Collection[str] = ()
                 ) -> tuple[int, str] | None:
    """``(0-based line, why)`` of the first of ``lines`` (a YAML mapping) that Decap would
    write differently, with ``order`` the keys of the editor's fields and ``lists`` those of
    its list fields (which write even a single value as a list); None if none."""
    last = -1
    seen: set[str] = set()
    i = 0
    while i < len(lines):
        top = _TOP.fullmatch(lines[i])
        if top is None:
            return i, _why_line(lines[i])
        key, value = top.group(1), top.group(2)
        if key in seen:
            return i, f"`{key}` is given twice"
        seen.add(key)
        if key in order:
            if order.index(key) < last:
                return i, (f"`{key}` comes after a key the editor writes later; it writes "
                           f"them in this order: {', '.join(order)}")
            last = order.index(key)
        body = _indented(lines, i + 1)
        if value is None:
            found = _block(lines, i, body)
        elif value in ("|", "|-"):
            found = _literal(lines, i, body, keep=value == "|")
        else:
            found = _scalar(lines, i, body, key, value)
            if found is None and key in lists:
                found = i, f"the editor writes `{key}` as a list, one item per line"
        if found is not None:
            return found
        i += 1 + body
    return None


def _indented(lines: Sequence[str], start: int) -> int:
    """How many lines from ``start`` belong to the key above: blank or indented ones."""
    n = start
    while n < len(lines) and (lines[n] == "" or lines[n].startswith(" ")):
        n += 1
    return n - start


def _block(lines: Sequence[str], i: int, body: int) -> tuple[int, str] | None:
    """A key's block list or mapping of scalars, one per line."""
    if body == 0:
        return i, "an empty value is written as `null`"
    for j in range(i + 1, i + 1 + body):
        item = _ITEM.fullmatch(lines[j]) or _SUB.fullmatch(lines[j])
        if item is None:
            return j, _why_line(lines[j])
        if _width(lines[j]) > WIDTH:
            return j, f"it is longer than {WIDTH} characters, and the editor folds long lines"
        value = item.group(item.lastindex or 1)
        if not _scalar_kept(value):
            return j, _why(value)
    return None


def _literal(lines: Sequence[str], i: int, body: int, *, keep: bool) -> tuple[int, str] | None:
    """A ``|`` or ``|-`` block: the writer's choice for text of several lines, when none of
    them is long (else it folds them, ``>``) and nothing else forces another style."""
    content = [line[2:] for line in lines[i + 1:i + 1 + body]]
    if not content or not content[0] or content[0][0] == " " or not content[-1]:
        return i, "a multi-line text block is written in another style"
    if not keep and len(content) == 1:
        return i, "text of one line is written without `|-`"
    for j, line in enumerate(content, start=i + 1):
        if lines[j] and not lines[j].startswith("  "):
            return j, "the editor writes this line in another layout"
        if _width(line) > WIDTH - 2 or _CONTROL.search(line):
            return j, "a multi-line text block is written in another style"
    return None


def _scalar(lines: Sequence[str], i: int, body: int, key: str, value: str
            ) -> tuple[int, str] | None:
    """A plain value, folded onto the following lines as the writer folds it, or a quoted
    one that fits on its line."""
    if value[:1] in ("'", '"') and body == 0 and _width(lines[i]) <= WIDTH - 1:
        return None if _quoted_kept(value) else (i, _why(value))
    parts = [value] + [line[2:] for line in lines[i + 1:i + 1 + body]]
    for j, part in enumerate(parts[1:], start=i + 1):
        if not lines[j].startswith("  ") or not part or part[0] in " -":
            return j, _why_line(lines[j]) if not lines[j].strip() else (
                "the editor writes this line in another layout")
    text = " ".join(parts)
    if not _scalar_kept(text):
        return i, _why(text)
    if fold(text, len(key) + 2) != parts:
        return i, f"the editor folds lines longer than {WIDTH} characters in other places"
    return None


def fold(text: str, indent_at_start: int, indent: int = 2, width: int = WIDTH,
         min_content: int = 20) -> list[str] | None:
    """The lines the writer folds plain ``text`` into (``foldFlowLines`` of ``yaml`` 1.10, in
    UTF-16 code units as it counts), or None when it would start on a line of its own."""
    units = text.encode("utf-16-le")
    count = len(units) // 2

    def unit(k: int) -> int:
        return int.from_bytes(units[2 * k:2 * k + 2], "little")

    end_step = max(1 + min_content, 1 + width - indent)
    if count <= end_step:
        return [text]
    if indent_at_start > width - max(2, min_content):
        return None
    end = width - indent_at_start
    folds: list[int] = []
    split: int | None = None
    prev: int | None = None
    blank = (0x20, 0x0A, 0x09)
    for k in range(count):
        ch = unit(k)
        if ch == 0x20 and prev is not None and prev not in blank and (
                k + 1 < count and unit(k + 1) not in blank):
            split = k
        if k >= end and split:
            folds.append(split)
            end = split + end_step
            split = None
        prev = ch
    bounds = [-1, *folds, count]
    return [units[2 * (a + 1):2 * b].decode("utf-16-le")
            for a, b in itertools.pairwise(bounds)]


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
            "canonical": CANONICAL, "core": CORE, "not_plain": NOT_PLAIN}
