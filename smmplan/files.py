"""Reading plan files safely: inside the plan, small, UTF-8, no NUL bytes.

Nothing here raises for a bad file: it returns the text or a diagnostic (SMM008).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .diagnostics import Diagnostic, diag
from .model import Position

MAX_BYTES = 1024 * 1024


def rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def ignored(name: str) -> bool:
    return name.startswith(("_", "."))


def walk(root: Path, folder: str, suffixes: tuple[str, ...], out: list[Diagnostic],
         recursive: bool = True) -> Iterator[Path]:
    """Files under ``root/folder`` with one of ``suffixes``, sorted, skipping ``_``/``.`` names.

    Links leading outside the plan are reported (SMM008) and not followed; links to folders inside
    the plan are not followed either, so that a loop of links cannot hang the loader.
    """
    base = root / folder
    if not base.is_dir():
        return
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
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _outside(root: Path, path: Path) -> Diagnostic:
    return diag(
        "SMM008",
        "this link leads outside the plan; it is not read",
        Position(rel(root, path)),
        help="copy the file into the plan instead of linking to it",
    )


def read_text(root: Path, path: Path) -> tuple[str | None, Diagnostic | None]:
    """The file's text (CRLF read as LF), or a diagnostic saying why it cannot be read."""
    name = rel(root, path)
    if path.is_symlink() and not inside(root, path):
        return None, _outside(root, path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, diag(
                "SMM008",
                f"file is {size:,} bytes, over the limit of {MAX_BYTES:,} (1 MiB)",
                Position(name),
                help="a post, persona or rules file is text; keep media out of the plan folder",
            )
        data = path.read_bytes()
    except OSError as exc:
        return None, diag("SMM008", f"cannot read the file: {exc.strerror}", Position(name))
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _line_col(data, nul)
        return None, diag("SMM008", "file contains a NUL byte: not a text file",
                          Position(name, line, col))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        return None, diag(
            "SMM008",
            f"file is not UTF-8 (byte 0x{data[exc.start]:02x})",
            Position(name, line, col),
            help="save the file as UTF-8 in your editor",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    return text, None


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(before[start:].decode("utf-8", errors="replace")) + 1
