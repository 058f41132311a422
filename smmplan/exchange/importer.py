"""Rows of a spreadsheet calendar -> post files (SPEC §6.1), planned in memory, written apart.

Each row becomes the text of a post file, which is then loaded with the plan's own post loader
(:func:`smmplan.format.post.load_post_text`): a row is only planned when the loader takes it
without an error, so an import never writes a post that ``check`` rejects for its format. The
loader's diagnostics are moved from the post file's lines to the CSV cell they came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..diagnostics import Diagnostic, diag
from ..fields import ID_RE, default_id, did_you_mean
from ..files import inside
from ..format.keys import FORMATS, POST, STATUSES
from ..format.post import load_post_text
from ..model import Plan, Position, Post
from ..newpost import NewPostError, create, slug
from . import cells
from .columns import Layout, layout
from .table import Row, Table

#: Front-matter keys in the order import writes them (``new`` writes the same order); each is
#: a key of the post format (:data:`smmplan.format.keys.POST`).
KEYS = ("id", "title", "date", "repeat", "channel", "pillar", "status", "format", "personas",
        "campaign", "author", "editor", "tags", "link", "media", "published")
DEFAULT_STATUS = str(POST.default("status"))
#: Short forms teams write for platforms (SPEC §6.1), beside platform and channel names.
SHORT_FORMS = {"ig": "instagram", "insta": "instagram", "fb": "facebook", "li": "linkedin",
               "tw": "x", "twitter": "x", "tt": "tiktok", "yt": "youtube",
               "x (twitter)": "x", "twitter/x": "x"}
#: Status words of Indonesian sheets.
STATUS_WORDS = {"ide": "idea", "draf": "draft", "konsep": "draft", "tinjau": "review",
                "ditinjau": "review", "disetujui": "approved", "setuju": "approved",
                "terjadwal": "scheduled", "dijadwalkan": "scheduled", "tayang": "published",
                "terbit": "published", "sudah tayang": "published", "batal": "cancelled",
                "dibatalkan": "cancelled", "canceled": "cancelled"}
INDONESIAN_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
FORMAT_WORDS = {"foto": "photo", "gambar": "photo", "image": "photo", "teks": "text",
                "reels": "reel", "karosel": "carousel", "stories": "story", "tautan": "link",
                "siaran langsung": "live", "polling": "poll", "kuis": "poll"}


@dataclass(frozen=True)
class Planned:
    """A post file import would create."""

    path: str
    """Relative to the plan root, ``/``-separated."""
    text: str
    post: Post
    line: int
    """The CSV line of its row."""


@dataclass(frozen=True)
class ImportResult:
    planned: tuple[Planned, ...]
    diagnostics: tuple[Diagnostic, ...]
    rows: int
    """Data rows read (blank rows not counted)."""


def plan_import(table: Table, plan: Plan, mapping: Mapping[str, str],
                read_diagnostics: Sequence[Diagnostic] = ()) -> ImportResult:
    """What importing ``table`` into ``plan`` would create, and every problem of every row."""
    out = list(read_diagnostics)
    if not table.rows:
        if not any(d.severity == "error" for d in out):
            out.append(diag("SMM002", "the file is empty: its first line must name the columns "
                            "(title, date, channel, pillar, caption, ...)", Position(table.name),
                            help="export the sheet again with its header row"))
        return ImportResult((), tuple(sorted(out, key=Diagnostic.sort_key)), 0)
    found = layout(table, mapping, out)
    assert found is not None
    data = [r for r in table.rows if r.line > found.header.line]
    planned: list[Planned] = []
    if not found.missing:
        rows = _Rows(table, found, plan, out)
        # as in load_plan: the planned posts are a large tree without cycles, which the cyclic
        # collector would walk again and again as it grows, to free nothing
        enabled = gc.isenabled()
        gc.disable()
        try:
            for row in data:
                one = rows.build(row)
                if one is not None:
                    planned.append(one)
        finally:
            if enabled:
                gc.enable()
    out.sort(key=Diagnostic.sort_key)
    return ImportResult(tuple(planned), tuple(out), len(data))


class _Rows:
    """What every row is checked against: the plan's definitions, and the rows before it."""

    def __init__(self, table: Table, found: Layout, plan: Plan, out: list[Diagnostic]) -> None:
        self.table, self.layout, self.plan, self.out = table, found, plan, out
        settings = plan.settings
        self.channels = _channel_names(plan)
        self.pillars = {default_id(p): p for p in settings.pillars}
        self.personas = {default_id(k): k for k in plan.personas}
        self.campaigns = {default_id(k): k for k in plan.campaigns}
        self.taken: dict[str, set[str]] = {}
        self.members = {**{m.name.casefold(): m.id for m in plan.members.values()},
                        **{m: m for m in plan.members}}
        self.ids: dict[str, str] = {p.id: p.path for p in plan.posts}
        self.root = Path(plan.root)
        self.width = len(found.header.cells)

    def at(self, row: Row, field: str) -> Position:
        return self.table.at(row, self.layout.index.get(field, 0))

    def cell(self, row: Row, field: str) -> str:
        i = self.layout.index.get(field)
        return "" if i is None else cells.unescape(row.cell(i)).strip()

    def items(self, row: Row, field: str) -> list[str]:
        """A list cell's items (the cell is not trimmed first: a line break marks one item per
        line, even a single one)."""
        i = self.layout.index.get(field)
        return [] if i is None else cells.split_list(cells.unescape(row.cell(i)))

    def build(self, row: Row) -> Planned | None:
        problems: list[Diagnostic] = []

        def bad(code: str, field: str, message: str, help: str | None = None) -> None:
            problems.append(diag(code, message, self.at(row, field), help=help))

        for i, text in enumerate(row.cells):
            if i >= self.width and text.strip():
                problems.append(diag("SMM003", f"the row has {len(row.cells)} cells but the "
                                     f"header names {self.width} columns",
                                     self.table.at(row, i),
                                     help="a caption with the separator in it needs quotes; "
                                     "export the sheet again as CSV"))
                break
            if "\n" in text and self._swallowed(text):
                problems.append(diag("SMM003", "the cell holds lines that look like rows of "
                                     "their own: is a quote not closed?", self.table.at(row, i),
                                     help="close the quote where the cell should end"))
            if cells.formula(text.strip()):
                field = next((f for f, j in self.layout.index.items() if j == i), None)
                if field is not None:
                    problems.append(diag("SMM003", "the cell holds a spreadsheet formula, not "
                                         "text; it is never evaluated", self.table.at(row, i),
                                         help="paste the value instead (in the sheet: copy, "
                                         "paste special, values only)"))
        fields: dict[str, str | list[str]] = {}
        title = self.cell(row, "title")
        if not title:
            bad("SMM002", "title", "the title is empty")
        status = self._status(self.cell(row, "status"), row, bad)
        when = None
        raw_date, raw_time = self.cell(row, "date"), self.cell(row, "time")
        if raw_date:
            got = cells.when_text(raw_date, raw_time)
            if isinstance(got, str):
                bad("SMM003", "time" if raw_time and "time" in got else "date", got)
            else:
                when = got[0]
                self._weekday(row, when, problems)
        elif raw_time:
            bad("SMM002", "date", f"the time {raw_time!r} has no date")
        elif status != "idea":
            bad("SMM002", "date", "the date is empty (only ideas may leave it out)")
        channels = self._channels(self.cell(row, "channel"), row, bad)
        pillar = self._one(self.cell(row, "pillar"), self.pillars, "pillar", "pillar", bad,
                           "pillar" in self.plan.incomplete)
        personas = [p for p in (self._one(x, self.personas, "persona", "personas", bad,
                                          "persona" in self.plan.incomplete)
                                for x in self.items(row, "personas")) if p]
        campaign = self._one(self.cell(row, "campaign"), self.campaigns, "campaign",
                             "campaign", bad, "campaign" in self.plan.incomplete)
        author = self._member(self.cell(row, "author"), "author", bad)
        editor = self._member(self.cell(row, "editor"), "editor", bad)
        fmt = self._format(self.cell(row, "format"), row, bad)
        published = self._published(row, channels, bad)

        post_id = self.cell(row, "id") or (f"{when[:10]}-{slug(title)}" if when else slug(title))
        first = self.ids.get(post_id)
        if first is not None and ID_RE.match(post_id):
            bad("SMM005", "id" if "id" in self.layout.index else "title",
                f"post id {post_id!r} is already used by {first}; the row is not imported",
                help="give the row its own id" if first.startswith("line ") else
                "the post exists: remove the row, or give it another id")
        self.out.extend(problems)
        if any(d.severity == "error" for d in problems) or title == "" or not channels \
                or pillar is None:
            return None

        fields["id"], fields["title"] = post_id, title
        if when:
            fields["date"] = when
        fields["channel"], fields["pillar"], fields["status"] = channels, pillar, status
        optional: dict[str, str | list[str] | None] = {
            "format": fmt, "personas": personas, "campaign": campaign, "author": author,
            "editor": editor, "tags": self.items(row, "tags"),
            "link": self.cell(row, "link") or None,
            "media": self.items(row, "media"), "repeat": self._repeat(row, bad),
            "published": published}
        fields.update({k: v for k, v in optional.items() if v})
        i = self.layout.index["caption"]
        # not stripped: the loader drops leading blank lines, but leading spaces are caption
        return self._load(row, post_id, fields, cells.unescape(row.cell(i)))

    def _load(self, row: Row, post_id: str, fields: Mapping[str, str | list[str]],
              caption: str) -> Planned | None:
        text, keys = post_text(fields, caption)
        post, found = load_post_text(text, f"content/posts/{post_id}.md", self.plan.settings)
        caption_line = len(keys) + 2  # the closing fence and after: the caption's cell
        errors = False
        for d in found:
            index = (self.layout.index.get("caption", 0) if d.line >= caption_line else
                     self.layout.index.get(keys[d.line - 2], 0) if 2 <= d.line < caption_line
                     else 0)
            moved = diag(d.code, d.message, self.table.at(row, index), help=d.help,
                         severity=d.severity)
            self.out.append(moved)
            errors = errors or d.severity == "error"
        if post is None or errors:
            return None
        name = slug(str(fields["title"]))
        # the day in the plan timezone, which a time with another offset may not be on
        day = post.start.isoformat()[:10] if post.start else ""
        where = f"{day[:4]}/{day[5:7]}/{day}-{name}" if day else f"ideas/{name}"
        path = self._free_path(f"content/posts/{where}", ".md")
        self.ids[post_id] = f"line {row.line} of {self.table.name}"
        return Planned(path, text, post, row.line)

    def _repeat(self, row: Row, bad: Callable[..., None]) -> str | None:
        """The ``repeat`` cell as a YAML flow mapping (``{every: week, count: 4}``; the braces
        may be left out), for the loader to read and judge; one line only, so that it stays
        one key."""
        text = self.cell(row, "repeat")
        if not text:
            return None
        if "\n" in text:
            bad("SMM003", "repeat", "the repeat cell holds a line break; write it on one line, "
                "e.g. every: week, on: [mon, thu], count: 8")
            return None
        return text if text.startswith("{") else "{" + text + "}"

    def _published(self, row: Row, channels: Sequence[str], bad: Callable[..., None]
                   ) -> str | None:
        """The ``published`` cell: one permalink, or ``channel: URL`` pairs (one per line or
        separated by ``;`` or ``, ``) for a cross-post, as a JSON flow value (valid YAML that keeps
        ``?`` and ``:`` in URLs intact) for the loader to judge."""
        text = self.cell(row, "published")
        if not text:
            return None
        parts = [p.strip() for p in re.split(r"[;\n]|,\s", text) if p.strip()]
        if len(parts) == 1 and re.match(r"https?://", parts[0]):
            return json.dumps(parts[0], ensure_ascii=False)
        links: dict[str, str] = {}
        for part in parts:
            name, sep, url = part.partition(":")
            if url.startswith("//"):  # `https://...` without a channel in a list of pairs
                sep = ""
            got = self.channels.get(name.strip().casefold()) if sep else None
            if not isinstance(got, str) or got not in channels:
                bad("SMM003", "published", f"{part!r} is not `channel: URL` for one of the "
                    f"row's channels ({', '.join(channels) or 'none'})",
                    help="write one link, or one `channel: URL` per channel, separated by ; or , ")
                return None
            links[got] = url.strip()
        return json.dumps(links, ensure_ascii=False)

    def _swallowed(self, text: str) -> bool:
        """Whether a multi-line cell holds a line with a whole row's separators."""
        need = max(2, self.width - 1)
        return any(line.count(self.table.separator) >= need for line in text.split("\n")[1:])

    def _weekday(self, row: Row, when: str, problems: list[Diagnostic]) -> None:
        """A day name beside the date must agree with it: a mismatch is a typo in one of them."""
        name = self.cell(row, "weekday")
        if not name:
            return
        day = dt.date.fromisoformat(when[:10])
        wanted = cells.weekday(name)
        if wanted is None or wanted != day.weekday():
            real = f"{day:%A} ({INDONESIAN_DAYS[day.weekday()]})"
            problems.append(diag("SMM003", f"{day:%d/%m/%Y} is a {real}, but the day column "
                                 f"says {name!r}", self.at(row, "weekday"), severity="warning",
                                 help="check the date; the day column itself is not imported"))

    def _free_path(self, stem: str, suffix: str) -> str:
        """``stem.md``, or ``stem-2.md``... when another row or an existing file has it."""
        folder, _, name = stem.rpartition("/")
        taken = self.taken.get(folder)
        if taken is None:  # one listing per folder, not a stat per row
            try:
                taken = self.taken[folder] = set(os.listdir(self.root / folder))
            except OSError:
                taken = self.taken[folder] = set()
        n = 1
        while True:
            file = f"{name}{'' if n == 1 else f'-{n}'}{suffix}"
            if file not in taken:
                taken.add(file)
                return f"{folder}/{file}"
            n += 1

    def _status(self, text: str, row: Row, bad: Callable[..., None]) -> str:
        if not text:
            return DEFAULT_STATUS
        key = text.casefold()
        status = key if key in STATUSES else STATUS_WORDS.get(key)
        if status is None:
            bad("SMM003", "status", f"{text!r} is not a status ({', '.join(STATUSES)})"
                + did_you_mean(key, list(STATUSES) + list(STATUS_WORDS)))
            return DEFAULT_STATUS
        return status

    def _format(self, text: str, row: Row, bad: Callable[..., None]) -> str | None:
        if not text:
            return None
        key = text.casefold()
        fmt = key if key in FORMATS else FORMAT_WORDS.get(key)
        if fmt is None:
            bad("SMM003", "format", f"{text!r} is not a format ({', '.join(FORMATS)})"
                + did_you_mean(key, list(FORMATS) + list(FORMAT_WORDS)))
        return fmt

    def _channels(self, text: str, row: Row, bad: Callable[..., None]) -> list[str]:
        if not text:
            bad("SMM002", "channel", "the channel is empty")
            return []
        found: list[str] = []
        quiet = "channel" in self.plan.incomplete
        for name in cells.split_channels(text):
            got = self.channels.get(name.casefold())
            if isinstance(got, tuple):
                bad("SMM006", "channel", f"{name!r} could be any of the channels "
                    f"{', '.join(got)}", help="name the channel by its id")
            elif got is None:
                if not quiet:
                    known = ", ".join(self.plan.settings.channels) or "none"
                    bad("SMM006", "channel", f"unknown channel {name!r}"
                        + did_you_mean(name.casefold(), self.channels)
                        + f" (guidelines/rules.yml defines: {known})")
                return []
            elif got not in found:
                found.append(got)
        return found

    def _one(self, text: str, known: Mapping[str, str], what: str, field: str,
             bad: Callable[..., None], quiet: bool) -> str | None:
        """A reference by id (or a text that gives the id, ``Soft Sell``), or None."""
        if not text:
            if field == "pillar":
                bad("SMM002", field, "the pillar is empty")
            return None
        key = default_id(text).strip("-")
        if key in known:
            return known[key]
        if not quiet:
            bad("SMM006", field, f"unknown {what} {text!r}" + did_you_mean(key, known))
        return None

    def _member(self, text: str, field: str, bad: Callable[..., None]) -> str | None:
        if not text:
            return None
        found = self.members.get(text) or self.members.get(text.casefold())
        if found is None and "member" not in self.plan.incomplete:
            bad("SMM006", field, f"unknown member {text!r}" + did_you_mean(text, self.members)
                + " (guidelines/team.yml)")
        return found


def _channel_names(plan: Plan) -> dict[str, str | tuple[str, ...]]:
    """Every name a sheet may give a channel -> its id, or the ids it could mean. Ids win over
    names, names over platform names and short forms."""
    channels = plan.settings.channels
    by_platform: dict[str, list[str]] = {}
    for c in channels.values():
        by_platform.setdefault(c.platform, []).append(c.id)
    names: dict[str, str | tuple[str, ...]] = {}
    for short, platform in SHORT_FORMS.items():
        if platform in by_platform:
            ids = by_platform[platform]
            names[short] = ids[0] if len(ids) == 1 else tuple(ids)
    for platform, ids in by_platform.items():
        names[platform] = ids[0] if len(ids) == 1 else tuple(ids)
    names.update({c.name.casefold(): c.id for c in channels.values()})
    names.update({c: c for c in channels})
    return names


_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._()/-]*$")
_UNPRINTABLE = re.compile("[\x7f-\x9f\ufeff\u2028\u2029]")
_RESOLVER = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=4096)  # channels, pillars, statuses... repeat on every row
def scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when it reads back as the same string, else in double
    quotes (JSON's escaping is YAML's; characters YAML may not hold raw are escaped)."""
    if _PLAIN.match(text) and not text.endswith(" ") and \
            _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str":
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def post_text(fields: Mapping[str, str | list[str]], caption: str
              ) -> tuple[str, tuple[str, ...]]:
    """The post file, and the key on each front-matter line (line 2 holds ``keys[0]``)."""
    lines = ["---"]
    keys = []
    for key in KEYS:
        value = fields.get(key)
        if value is None:
            continue
        if key in ("date", "repeat", "published"):
            # written by cells.when_text / a one-line flow mapping the loader judges
            shown = str(value)
        elif isinstance(value, str):
            shown = scalar(value)
        elif key == "channel" and len(value) == 1:
            shown = scalar(value[0])
        else:
            shown = "[" + ", ".join(scalar(v) for v in value) + "]"
        lines.append(f"{key}: {shown}")
        keys.append(key)
    lines.append("---")
    body = caption.rstrip()
    return "\n".join(lines) + "\n\n" + (body + "\n" if body else ""), tuple(keys)


class WriteError(Exception):
    """The folder cannot be written at all (read-only, full disk): one message, not one per
    file."""


def write_planned(root: Path, planned: Sequence[Planned]) -> tuple[list[str], list[Diagnostic]]:
    """Create each planned file (:func:`smmplan.newpost.create`, as ``new`` does); never
    overwrite, or write through a folder that leads out of the plan."""
    written: list[str] = []
    out: list[Diagnostic] = []
    for p in planned:
        if not inside(root, (root / p.path).parent):
            out.append(diag("SMM008", f"{p.path}: its folder leads outside the plan; not "
                            "written", Position(p.path), post=p.post.id))
            continue
        try:
            create(root, p.path, p.text)
        except (NewPostError, FileExistsError):
            out.append(diag("SMM005", f"{p.path} appeared while importing; not overwritten",
                            Position(p.path), post=p.post.id))
            continue
        except OSError as exc:
            raise WriteError(f"cannot write {p.path}: {exc.strerror} ({len(written)} of "
                             f"{len(planned)} files written)") from None
        written.append(p.path)
    return written, out

