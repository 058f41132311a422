"""File names and paths as plan text: judged once, shown safely on a terminal and in JSON.

Python reads a name that is not UTF-8 with lone surrogates (``surrogateescape``): printing one
raises, and JSON would carry invalid UTF-8. A name may also hold terminal escape sequences that
would recolour or rewrite the terminal of whoever runs ``check``.
"""

from __future__ import annotations

import re

#: Longest file name (in UTF-8 bytes) most file systems accept; generated feed names add to it.
MAX_NAME_BYTES = 255
#: Longest id: ``campaign-<id>.ics`` and ``<id>/index.html`` stay well inside MAX_NAME_BYTES.
MAX_ID = 100
_SURROGATE = re.compile("[\udc80-\udcff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def bad_name(name: str) -> str | None:
    """Why a plan file's name cannot be published or read safely, or None."""
    if _SURROGATE.search(name):
        return "is not UTF-8"
    if _CONTROL.search(name):
        return "holds control characters"
    return None


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte, as surrogateescape kept it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with undecodable bytes and control characters (escape sequences, bidi
    overrides) written as ``\\xNN``/``\\uNNNN``; tabs and line breaks too, for one-line use."""
    return _CONTROL.sub(_escape, _SURROGATE.sub(_escape, text))


def valid_utf8(text: str) -> str:
    """``text`` with undecodable bytes written as ``\\xNN``: always encodable as UTF-8."""
    return _SURROGATE.sub(_escape, text)
