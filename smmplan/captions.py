"""Each post's caption on each of its channels, as it will be published: its variant (SPEC §5.4)
rendered with the snippets and hashtag groups (SPEC §5.3).

Rules check, pages show and feeds carry these captions; :func:`captions_of` builds them once
per plan and keeps them with it, like the calendar. What stops a caption from rendering is a
diagnostic at its place in the post file (:func:`problems`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property

from . import variants
from .captiontemplate import Context, Library, Problem, is_template, render
from .diagnostics import Diagnostic, diag
from .model import Plan, Position, Post

_KEY = "_smmplan_captions"
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Caption:
    """A post's caption on one channel."""

    post: Post
    channel: str
    text: str
    """As published: the channel's variant, rendered."""
    source: str
    """The variant as written."""
    offset: int
    """Where ``source`` starts in ``post.caption``."""
    variant: bool
    """From a ``<!-- for: -->`` section of its own."""

    def at(self, offset: int) -> Position:
        """The file position of the character at ``offset`` of :attr:`text`: exact where the
        text is as written, else the template tag that produced it."""
        return self.post.caption_at(self.offset + _source_offset(self.source, self.text, offset))


def _source_offset(source: str, text: str, offset: int) -> int:
    """Where the character at ``offset`` of the rendered ``text`` came from in ``source``: the
    literal pieces between tags are found in order in the output and map exactly; anything
    else maps to the tag that produced it."""
    if source == text:
        return offset
    done = 0  # the output up to here is accounted for
    tag = 0
    begin = 0
    for found in [*_TAG.finditer(source), None]:
        literal = source[begin: found.start() if found else len(source)]
        if literal:
            at = text.find(literal, done)
            if at < 0:
                break
            if offset < at:
                return tag
            if offset < at + len(literal):
                return begin + offset - at
            done = at + len(literal)
        if found is None:
            break
        tag, begin = found.start(), found.end()
    return tag


@dataclass(frozen=True)
class Captions:
    """Every caption of a plan, with what stopped any from rendering."""

    by_post: Mapping[str, tuple[Caption, ...]]
    """Post id -> its captions, one per known channel in the post's order."""
    problems: tuple[Diagnostic, ...]

    def of(self, post: Post, channel: str) -> Caption | None:
        for caption in self.by_post.get(post.id, ()):
            if caption.channel == channel:
                return caption
        return None

    @cached_property
    def distinct(self) -> Mapping[str, tuple[tuple[Caption, tuple[str, ...]], ...]]:
        """Post id -> each distinct caption text with the channels it goes out on: rules that
        judge the text alone judge it once."""
        out: dict[str, tuple[tuple[Caption, tuple[str, ...]], ...]] = {}
        for post_id, caps in self.by_post.items():
            groups: dict[str, tuple[Caption, list[str]]] = {}
            for cap in caps:
                groups.setdefault(cap.text, (cap, []))[1].append(cap.channel)
            out[post_id] = tuple((cap, tuple(chs)) for cap, chs in groups.values())
        return out


def build(plan: Plan, library: Library) -> Captions:
    out: list[Diagnostic] = []
    by_post: dict[str, tuple[Caption, ...]] = {}
    known = plan.settings.channels
    for post in plan.posts:
        channels = [c for c in dict.fromkeys(post.channels) if c in known]
        sections = variants.split(post.caption)
        if len(sections) > 1 and plan.settings.loaded:
            out.extend(_at(post, 0, p) for p in
                       variants.problems(sections, tuple(dict.fromkeys(post.channels))))
        caps = []
        for cid in channels:
            section = variants.caption_for(sections, cid)
            text = section.text
            if is_template(text):
                ctx = Context(post.title, _campaign_name(plan, post), cid, known[cid].name)
                text, problems = render(section.text, ctx, library)
                seen = {(d.line, d.column, d.message) for d in out if d.post == post.id}
                for p in problems:
                    found = _at(post, section.offset, p)
                    if (found.line, found.column, found.message) not in seen:
                        out.append(found)
            caps.append(Caption(post, cid, text, section.text, section.offset,
                                bool(section.channels)))
        by_post[post.id] = tuple(caps)
    return Captions(by_post, tuple(out))


def _campaign_name(plan: Plan, post: Post) -> str | None:
    campaign = plan.campaigns.get(post.campaign) if post.campaign else None
    return campaign.name if campaign else None


def _at(post: Post, base: int, p: Problem) -> Diagnostic:
    return diag(p.code, p.message, post.caption_at(base + p.offset), help=p.help, post=post.id)


def captions_of(plan: Plan) -> Captions:
    """The plan's captions, built on first use and kept with the (frozen, so never stale) plan."""
    found = plan.__dict__.get(_KEY)
    if found is None:
        found = build(plan, plan.library or Library())
        object.__setattr__(plan, _KEY, found)
    return found


def problems(plan: Plan) -> Iterator[Diagnostic]:
    """What stops captions from rendering, and what is wrong with variants (a rule family)."""
    yield from captions_of(plan).problems
