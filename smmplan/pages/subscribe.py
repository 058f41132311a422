"""``/subscribe/``: every feed, with https and webcal links and how to add it."""

from __future__ import annotations

from .context import Context
from .html import block, h, page, safe_url, table


def subscribe_page(ctx: Context) -> str:
    lab = ctx.labels
    link_to = ctx.linker("/subscribe/")
    base = safe_url(ctx.plan.site.url)
    rows = []
    for feed in sorted(ctx.feeds, key=lambda f: (f.path != "calendar.ics", f.path)):
        local = link_to.file(feed.path)
        name = f"<strong>{h(feed.title)}</strong><br>{h(feed.description)}"
        if base is not None:
            https = base + feed.path
            webcal = "webcal://" + https.split("://", 1)[1]
            cells = [f'<a class="smm-https" href="{h(https)}"><code>{h(https)}</code></a>',
                     f'<a class="smm-webcal" href="{h(webcal)}"><code>{h(webcal)}</code></a>']
        else:
            cells = [f'<a class="smm-https" href="{h(local)}">{h(lab["download"])}</a>',
                     h(lab["none"])]
        rows.append([name, *cells])
    intro = "" if base is not None else f'<p class="smm-note">{h(lab["no_site_url"])}</p>'
    howto = "".join(f"<h3>{h(lab[k])}</h3><p>{h(lab[steps])}</p>" for k, steps in (
        ("how_google", "google_steps"), ("how_outlook", "outlook_steps"),
        ("how_apple", "apple_steps")))
    return page(lab["subscribe"], [
        block(intro + table([h(lab["feed"]), h(lab["https_link"]), h(lab["webcal_link"])], rows,
                            cls="smm-feeds")),
        block(f'<div class="smm-howto">{howto}</div>'),
    ])
