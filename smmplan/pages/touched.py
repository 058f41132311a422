"""The pages an edit of some posts touches first: each post's page and its month grids.

``smmplan serve`` shows these within a second of a save; every other page waits for the full
rebuild that follows (see :mod:`smmplan.preview`).

    months = post_months(ctx)                       # before the edit
    touched_pages(new_ctx, {"kopi"}, months)   # {"/posts/kopi/": ..., "/calendar/2026-12/": ...}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping

from .calendar import month_pages
from .context import Context
from .links import address
from .posts import post_page

Months = Mapping[str, frozenset[tuple[int, int]]]


def post_months(ctx: Context) -> dict[str, frozenset[tuple[int, int]]]:
    """Post id -> the months its slots stand in."""
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for slot in ctx.slots:
        out[slot.post.id].add((slot.start.year, slot.start.month))
    return {pid: frozenset(m) for pid, m in out.items()}


def touched_pages(ctx: Context, post_ids: Collection[str], before: Months,
                  now: Months | None = None) -> dict[str, str]:
    """The pages of ``post_ids`` and the month grids (plain and per channel) they stood in
    ``before`` the edit or stand in ``now`` (default: :func:`post_months` of ``ctx``), by
    address."""
    if now is None:
        now = post_months(ctx)
    months: set[tuple[int, int]] = set()
    out: dict[str, str] = {}
    shown = {p.id: p for p in ctx.posts}
    for pid in sorted(post_ids):
        months |= before.get(pid, frozenset()) | now.get(pid, frozenset())
        post = shown.get(pid)
        if post is not None:
            where = address("posts", pid)
            out[where] = post_page(ctx, post, ctx.linker(where))
    out.update((where, make()) for where, make in month_pages(ctx, months))
    return out
