"""Per-channel variants of a caption (SPEC §5.4).

A line holding only ``<!-- for: x -->`` (or ``<!-- for: x, threads -->``) starts the caption for
those channels; the text before the first such line is the caption for the post's other
channels. Every section keeps its offset in the body, so a diagnostic about a variant's text
points at the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .captiontemplate import Problem

_MARKER = re.compile(r"^[ \t]*<!--[ \t]*for[ \t]*:(?P<list>[^\n]*?)-->[ \t]*$", re.MULTILINE)
_ITEM = re.compile(r"[^,\s]+")


@dataclass(frozen=True, slots=True)
class Section:
    """One caption of a body: the default one (``channels`` empty) or a variant."""

    text: str
    """Without leading blank lines and trailing whitespace."""
    offset: int
    """Offset of ``text`` in the body."""
    channels: tuple[tuple[str, int], ...] = ()
    """The channel ids of its ``for:`` line, each with its offset in the body."""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.channels)


def has_variants(body: str) -> bool:
    return "<!--" in body and _MARKER.search(body) is not None


def split(body: str) -> tuple[Section, ...]:
    """The default section first (possibly empty), then each variant in the order written."""
    if not has_variants(body):
        return (Section(body, 0),)
    out: list[Section] = []
    start = 0
    channels: tuple[tuple[str, int], ...] = ()
    for marker in _MARKER.finditer(body):
        out.append(_section(body, start, marker.start(), channels))
        channels = tuple((m.group(), marker.start("list") + m.start())
                         for m in _ITEM.finditer(marker.group("list")))
        start = marker.end() + 1
    out.append(_section(body, min(start, len(body)), len(body), channels))
    return tuple(out)


def _section(body: str, start: int, end: int,
             channels: tuple[tuple[str, int], ...]) -> Section:
    text = body[start:end]
    lead = len(text) - len(text.lstrip("\n\r \t"))
    # keep indentation of the first line; drop only whole blank lines before it
    lead = text.rfind("\n", 0, lead) + 1 if lead else 0
    return Section(text[lead:].rstrip(), start + lead, channels)


def caption_for(sections: tuple[Section, ...], channel: str) -> Section:
    """The section that is ``channel``'s caption: its variant, else the default."""
    for section in sections[1:]:
        if channel in section.ids:
            return section
    return sections[0]


def problems(sections: tuple[Section, ...], channels: tuple[str, ...]) -> list[Problem]:
    """What is wrong with a post's variants, given the channels it goes out on: a section for
    another channel (SMM006), a channel with two sections, an empty section, a channel left
    without a caption (SMM003)."""
    out: list[Problem] = []
    seen: dict[str, int] = {}
    for section in sections[1:]:
        if not section.channels:
            out.append(Problem("SMM003", "a `<!-- for: -->` line names no channel",
                               section.offset, "write the channel ids: <!-- for: x, threads -->"))
        for cid, at in section.channels:
            if cid not in channels:
                out.append(Problem(
                    "SMM006", f"a variant for channel '{cid}', which the post does not go out on "
                    f"(channel: {', '.join(channels) or 'none'})", at,
                    "add the channel to the post's `channel`, or remove the section"))
            elif cid in seen:
                out.append(Problem("SMM003", f"a second variant for channel '{cid}'", at,
                                   "keep one section per channel"))
            seen.setdefault(cid, at)
        if not section.text and section.channels:
            out.append(Problem("SMM002", f"the variant for {', '.join(section.ids)} is empty",
                               section.offset, "write the caption below the `<!-- for: -->` line"))
    uncovered = [c for c in channels if c not in seen]
    if len(sections) > 1 and uncovered and not sections[0].text:
        out.append(Problem("SMM002", f"no caption for {', '.join(uncovered)}: the text before "
                           "the first `<!-- for: -->` line is empty", 0,
                           "write the caption for the other channels first, or give them a "
                           "variant"))
    return out
