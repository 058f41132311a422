"""The checks a caption gets while loading: no control characters (SMM003), and one is written
unless the post is an idea or cancelled (SMM002)."""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic, diag
from ..model import Position

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def check_caption(caption: str, line: int, path: str, status: str | None, post: str | None
                  ) -> list[Diagnostic]:
    """Diagnostics of a post's caption that starts on file ``line``."""
    out = []
    bad = _CONTROL.search(caption) if caption else None
    if bad is not None:
        at = bad.start()
        out.append(diag("SMM003", f"the caption contains the control character "
                        f"U+{ord(bad.group()):04X}",
                        Position(path, line + caption[:at].count("\n"),
                                 at - caption.rfind("\n", 0, at)), post=post))
    if not caption and status not in ("idea", "cancelled"):
        out.append(diag("SMM002", "the post has no caption (the text after the front matter)",
                        Position(path, max(1, line - 1)), post=post,
                        help="write the caption below the closing `---`"))
    return out
