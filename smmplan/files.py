"""Reading plan files safely: inside the plan, small, UTF-8, no NUL bytes.

Nothing here raises for a bad file: it returns the text or a diagnostic (SMM008).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .diagnostics import Diagnostic, diag
from .model import Position

MAX_BYTES = 1024 * 1024
# O_NOFOLLOW: a link is noticed by the open itself (ELOOP) instead of an extra lstat per file;
# O_NONBLOCK: opening a FIFO must not wait for a writer (fstat then refuses it).
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def rel(root: Path, path: Path) -> str:
    """``path`` relative to ``root``, ``/``-separated (string work: called once per file)."""
    r, p = str(root), str(path)
    if p.startswith(r) and p[len(r):len(r) + 1] == os.sep:
        return p[len(r) + 1:].replace(os.sep, "/")
    return path.relative_to(root).as_posix()


def ignored(name: str) -> bool:
    return name.startswith(("_", "."))


def walk(root: Path, folder: str, suffixes: tuple[str, ...], out: list[Diagnostic],
         recursive: bool = True) -> Iterator[Path]:
    """Files under ``root/folder`` with one of ``suffixes``, skipping ``_``/``.`` names, sorted by
    their path relative to the plan (so that "the later file" of SPEC §3 means the later path).

    Links leading outside the plan are reported (SMM008) and not followed; links to folders inside
    the plan are not followed either, so that a loop of links cannot hang the loader.
    """
    base = root / folder
    if not base.is_dir():
        return
    if not inside(root, base):
        out.append(_outside(root, base))
        return
    # sorted by the path below base, as a string: the same order as by the path in the plan,
    # since every path shares the prefix (without computing each one's relative path)
    cut = len(str(base)) + 1
    found = sorted((str(p)[cut:].replace(os.sep, "/"), p)
                   for p in _walk(root, base, suffixes, out, recursive))
    for _, path in found:
        yield path


def _walk(root: Path, base: Path, suffixes: tuple[str, ...], out: list[Diagnostic],
          recursive: bool) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(base):
        here = Path(dirpath)
        kept = []
        for d in sorted(dirnames):
            if ignored(d):
                continue
            if (here / d).is_symlink():
                if not inside(root, here / d):
                    out.append(_outside(root, here / d))
                continue
            kept.append(d)
        dirnames[:] = kept if recursive else []
        for f in sorted(filenames):
            if ignored(f) or not f.lower().endswith(suffixes):
                continue
            yield here / f


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, links followed, stays inside the plan folder ``root``."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def leads_outside(root: Path, path: Path) -> bool:
    """Whether writing ``path`` (which may not exist yet) would write outside the plan or into
    its ``.git``: its nearest existing folder, links followed, decides."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        if folder.is_symlink():  # a dangling link: where it would lead is not ours to create
            return True
        folder = folder.parent
    real = folder.resolve()
    git = (root / ".git").resolve()
    return (path.is_symlink() or not real.is_relative_to(root.resolve()) or real == git
            or real.is_relative_to(git))


def _outside(root: Path, path: Path) -> Diagnostic:
    return diag(
        "SMM008",
        "this link leads outside the plan; it is not read",
        Position(rel(root, path)),
        help="copy the file into the plan instead of linking to it",
    )


def read_text(root: Path, path: Path, *, walked: bool = False
              ) -> tuple[str | None, Diagnostic | None]:
    """The file's text (CRLF and CR read as LF, without a BOM), or a diagnostic saying why it
    cannot be read. ``walked``: the path comes from :func:`walk`, so its folder is inside."""
    # files found by walk() sit in folders already known to be inside; resolving each of
    # thousands of posts would cost a stat per path component
    if not walked and not inside(root, path):
        return None, _outside(root, path)
    try:
        try:
            fd = os.open(path, _OPEN | (_NOFOLLOW if walked else 0))
        except OSError as exc:
            if not walked or exc.errno != errno.ELOOP or not path.is_symlink():
                raise
            if not inside(root, path):
                return None, _outside(root, path)
            fd = os.open(path, _OPEN)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                # a FIFO or device named like a post would block or never end
                return None, diag("SMM008", "not a regular file; it is not read",
                                  Position(rel(root, path)))
            if info.st_size > MAX_BYTES:
                return None, _too_big(rel(root, path), info.st_size)
            data = _read_all(fd, MAX_BYTES + 1)
        finally:
            os.close(fd)
        if len(data) > MAX_BYTES:  # it grew since fstat()
            return None, _too_big(rel(root, path), len(data))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return None, diag("SMM008", f"cannot read the file: {reason}", Position(rel(root, path)))
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _line_col(data, nul)
        return None, diag("SMM008", "file contains a NUL byte: not a text file",
                          Position(rel(root, path), line, col))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        return None, diag(
            "SMM008",
            f"file is not UTF-8 (byte 0x{data[exc.start]:02x})",
            Position(rel(root, path), line, col),
            help="save the file as UTF-8 in your editor",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        # old Mac line ends too, so that lines are counted as editors count them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def _read_all(fd: int, limit: int) -> bytes:
    chunks = []
    while limit > 0:
        chunk = os.read(fd, limit)
        if not chunk:
            break
        chunks.append(chunk)
        limit -= len(chunk)
    return b"".join(chunks)


def _too_big(name: str, size: int) -> Diagnostic:
    return diag(
        "SMM008",
        f"file is {size:,} bytes, over the limit of {MAX_BYTES:,} (1 MiB)",
        Position(name),
        help="a post, persona or rules file is text; keep media out of the plan folder",
    )


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", errors="replace")) + 1
