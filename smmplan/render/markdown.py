"""The one Markdown escaper: plan text placed into Markdown for GitHub (report, diff)."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_\[\]|~#@!<>{}])")


def escape(text: str) -> str:
    """Plan text made inert in Markdown and HTML, on one line: no markup, no table cell breaks,
    no @mentions, no #references; ``&``, ``<`` and ``>`` become entities."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;")
    return _SPECIAL.sub(lambda m: "&lt;" if m.group() == "<" else "&gt;" if m.group() == ">"
                        else "\\" + m.group(), text)


def table(rows: list[list[str]], align: list[str]) -> list[str]:
    """A GitHub table of already escaped cells: ``rows[0]`` is the head; ``align`` holds
    ``---`` or ``---:`` per column."""
    return ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(align) + "|",
            *("| " + " | ".join(row) + " |" for row in rows[1:])]
