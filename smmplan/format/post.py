"""``content/posts/**/*.md``: one post per file; the body is the caption."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import MappingProxyType

from ..diagnostics import Diagnostic, diag
from ..fields import ID_RE, Fields, default_id, did_you_mean, parse_when
from ..files import walk
from ..metrics.frontmatter import read_metrics, read_published
from ..model import Position, Post, Settings
from ..postcache import PostCache, stamp
from ..recurrence import read_repeat
from ..ruletable import BY_NAME, RULES
from .caption import check_caption
from .frontmatter import front_matter_file, front_matter_text
from .keys import POST
from .read import read


def load_posts(root: Path, settings: Settings, out: list[Diagnostic],
               cache: PostCache | None = None) -> list[Post]:
    """Every post, in file order; a second post with a used id is reported and left out.

    With a ``cache``, files unchanged since the cache saw them are not read again."""
    posts: dict[str, Post] = {}
    if cache is not None:
        cache.start(settings)
    for path in walk(root, "content/posts", (".md",), out):
        if cache is None:
            post = load_post(root, path, settings, out)
        else:
            now = stamp(path)
            hit = cache.get(path, now)
            if hit is None:
                found: list[Diagnostic] = []
                post = load_post(root, path, settings, found)
                cache.put(path, now, post, found)
                out.extend(found)
            else:
                post, known = hit
                out.extend(known)
        if post is None:
            continue
        first = posts.get(post.id)
        if first is not None:
            where = post.at("id") if "id" in post.pos else Position(post.path)
            out.append(diag("SMM005", f"post id {post.id!r} is already used by {first.path}",
                            where, help="give this post its own `id:`"))
            continue
        posts[post.id] = post
    return list(posts.values())


def load_post(root: Path, path: Path, settings: Settings, out: list[Diagnostic]
              ) -> Post | None:
    return _post_from(front_matter_file(root, path, out, "a post", "SMM003"), path, settings,
                      out)


def load_post_text(text: str, name: str, settings: Settings) -> tuple[Post | None,
                                                                    list[Diagnostic]]:
    """The post that file ``name`` holding ``text`` would be, and the diagnostics of loading it:
    the same checks as :func:`load_post`, without the disk (``smmplan import`` checks each row
    with it before writing, so an import never writes a post that ``check`` rejects)."""
    out: list[Diagnostic] = []
    loaded = front_matter_text(text, name, out, "a post", "SMM003")
    return _post_from(loaded, Path(name), settings, out), out


def _post_from(loaded: tuple[Fields, str, int] | None, path: Path, settings: Settings,
               out: list[Diagnostic]) -> Post | None:
    if loaded is None:
        return None
    f, caption, caption_line = loaded
    post_id = _post_id(f, path, out)
    f.post = post_id
    values = read(f, POST, code="SMM004", skip=("id",))
    status, title, pillar = values["status"], values["title"], values["pillar"]
    if f.data.get("status", status) != status:
        status = None  # a refused or empty status is not taken as the default: the post is out
    start, all_day, date_ok = _start(f, settings, status)
    out.extend(check_caption(caption, caption_line, f.path, status, post_id))
    ignore = values["ignore"] = f.text_list("ignore", allow_single=True)
    for i, code in enumerate(ignore):
        if code.upper() not in RULES and code not in BY_NAME:
            f.items("ignore").invalid(i, f"{code!r} is not a rule code or name"
                                      + did_you_mean(code, list(BY_NAME)))
    metrics = read_metrics(f, values["channel"] or ())
    published = read_published(f, values["channel"] or ())
    repeat = read_repeat(f, start)

    # a post whose place on the calendar is unknown is left out rather than guessed
    if not date_ok or post_id is None or title is None or pillar is None or status is None \
            or not values["channel"]:
        return None
    return Post(
        id=post_id, path=f.path, title=title, status=status, pillar=pillar,
        channels=values["channel"], start=start, all_day=all_day, caption=caption,
        caption_line=caption_line, format=values["format"], personas=values["personas"],
        campaign=values["campaign"], author=values["author"], editor=values["editor"],
        tags=values["tags"], link=values["link"], media=values["media"], ignore=ignore,
        metrics=MappingProxyType(metrics), published=published, pos=f.positions(),
        repeat=repeat,
    )


def _post_id(f: Fields, path: Path, out: list[Diagnostic]) -> str | None:
    """``id:``, else the file name's id (SMM003 if that is not a valid one)."""
    if "id" in f.data:
        return f.ident("id")
    post_id = default_id(path.stem)
    if ID_RE.match(post_id):
        return post_id
    out.append(diag("SMM003", f"the file name gives the id {post_id!r}, which is not valid",
                    Position(f.path), help="add `id:` with lower-case letters, digits and dashes"))
    return None


def _start(f: Fields, settings: Settings, status: str | None
           ) -> tuple[dt.datetime | None, bool, bool]:
    """``(start, all day, whether the date is usable)``: only ideas may leave it out."""
    raw = f.data.get("date")
    if raw is None:
        if status == "idea":
            return None, False, True
        return None, False, f.require("date", what=" (only `status: idea` may leave it out)")
    when = parse_when(raw, settings.tz)
    if isinstance(when, str):
        f.invalid("date", when, help="e.g. 2026-12-01 09:30, 2026-12-01T09:30+07:00, or "
                  "2026-12-01 for an all-day slot")
        return None, False, False
    return when[0], when[1], True
