"""The plan site as Markdown pages: a pure function from a checked plan to ``{address: page}``.

Nothing here depends on mkdocs: :mod:`smmplan.mkdocs_plugin` adds these pages to an mkdocs build,
and another site engine could take them as they are. Every page is Markdown whose plan values sit
in raw HTML blocks, escaped (see :mod:`smmplan.pages.html`).

    pages = render_pages(check_plan(root, today))
    pages["/calendar/2026-12/"]      # the December 2026 grid
    page_makers(result)["/calendar/2026-12/"]()   # the same page, rendered only now
    source_path("/posts/kopi/")      # "posts/kopi/index.md"
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from ..check import CheckResult
from . import calendar, groups, posts
from .analytics import engagement_page, quarter_address, report_pages
from .context import Context, PageMaker
from .feeds import Feed, describe_feeds
from .guidelines import guidelines_page
from .links import address, source_path
from .lists import backlog_page, checks_page
from .mix import mix_page
from .overview import overview_page
from .subscribe import subscribe_page

__all__ = ["NavItem", "PageMaker", "address", "navigation", "page_makers", "render_pages",
           "source_path"]


def render_pages(result: CheckResult, *, feeds: Sequence[Feed] | None = None,
                 directory_urls: bool = True) -> dict[str, str]:
    """Every page of the site by address (``/``, ``/calendar/2026-12/``, ...), sorted.

    ``feeds`` are the calendar feeds to list on ``/subscribe/`` (default: those of
    :mod:`smmplan.ical`); ``directory_urls`` matches mkdocs' ``use_directory_urls``.
    """
    return {where: make() for where, make in
            page_makers(result, feeds=feeds, directory_urls=directory_urls).items()}


def page_makers(result: CheckResult, *, feeds: Sequence[Feed] | None = None,
                directory_urls: bool = True) -> dict[str, PageMaker]:
    """:func:`render_pages` unrendered: every address, sorted, with the function that renders
    its page. Each call renders the page afresh (nothing is kept), in any order."""
    ctx = Context(result, feeds if feeds is not None else describe_feeds(result.plan),
                  directory_urls)
    out: dict[str, PageMaker] = {
        "/": partial(overview_page, ctx),
        calendar.CALENDAR: partial(calendar.index_page, ctx),
        "/mix/": partial(mix_page, ctx),
        "/engagement/": partial(engagement_page, ctx),
        "/backlog/": partial(backlog_page, ctx),
        "/checks/": partial(checks_page, ctx),
        "/guidelines/": partial(guidelines_page, ctx),
        "/subscribe/": partial(subscribe_page, ctx),
    }
    for generate in (calendar.pages, groups.channel_pages, groups.persona_pages,
                     groups.campaign_pages, posts.pages, report_pages):
        out.update(generate(ctx))
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class NavItem:
    """A navigation entry: a page (``address`` set) or a section of ``children``."""

    title: str
    address: str | None = None
    children: tuple[NavItem, ...] = ()


def navigation(result: CheckResult) -> list[NavItem]:
    """The site's navigation: months, channels, personas and campaigns, never every post.

    A nav entry per post would put thousands of links on every page and make the build
    quadratic in the number of posts.
    """
    ctx = Context(result, ())
    lab = ctx.labels
    plan = ctx.plan

    def section(title: str, items: list[NavItem]) -> list[NavItem]:
        return [NavItem(title, children=tuple(items))] if items else []

    months = [NavItem(lab["all_months"], calendar.CALENDAR)]
    months += [NavItem(lab.month(y, m), calendar.month_address(y, m)) for y, m in ctx.months]
    channels = [NavItem(ch.name, address("channels", cid))
                for cid, ch in sorted(plan.settings.channels.items())]
    personas = [NavItem(p.name, address("personas", pid))
                for pid, p in sorted(plan.personas.items())]
    campaigns = [NavItem(c.name, address("campaigns", cid))
                 for cid, c in sorted(plan.campaigns.items())]
    reports = [NavItem(w.label, quarter_address(w.label))
               for w in reversed(ctx.metrics.by("quarter").windows)]
    return [
        NavItem(lab["overview"], "/"),
        *section(lab["calendar"], months),
        *section(lab["channels"], channels),
        *section(lab["personas"], personas),
        *section(lab["campaigns"], campaigns),
        NavItem(lab["mix"], "/mix/"),
        NavItem(lab["engagement"], "/engagement/"),
        *section(lab["reports"], reports),
        NavItem(lab["backlog"], "/backlog/"),
        NavItem(lab["checks"], "/checks/"),
        NavItem(lab["guidelines"], "/guidelines/"),
        NavItem(lab["subscribe"], "/subscribe/"),
    ]
