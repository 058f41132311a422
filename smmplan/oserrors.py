"""One path from an operating-system fault to one clear message (exit 2), never a traceback.

A full disk, a read-only folder, a site folder that is a mount point, a name too long for the
file system, a port in use: the user can act on each, so each gets its own sentence. The
commands that write build beside their target and swap, so such a fault leaves the previous
output as it was (see :mod:`smmplan.build`).
"""

from __future__ import annotations

import errno
from typing import Any

import click

from .names import printable

_REASONS = {
    errno.ENOSPC: ("the disk is full", "free some space and run the command again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space and run the command again"),
    errno.EROFS: ("the file system is read-only", "choose a folder you can write to"),
    errno.EACCES: ("permission denied", "choose a folder you can write to, or fix its "
                   "permissions"),
    errno.EPERM: ("the operation is not permitted", "choose a folder you can write to"),
    errno.EBUSY: ("it is busy: a mount point or in use by another program",
                  "choose a folder below it, e.g. --site-dir DIR/site"),
    errno.ENAMETOOLONG: ("a file name is too long for the file system",
                         "shorten the file or id it comes from"),
    errno.EADDRINUSE: ("the address is already in use (another preview running?)",
                       "stop the other program or choose another port with --dev-addr"),
    errno.EADDRNOTAVAIL: ("this machine has no such address",
                          "use 127.0.0.1 or an address of this machine"),
    errno.EMFILE: ("too many files are open", "raise the limit (ulimit -n) and run again"),
    errno.ENOENT: ("no such file or folder", "check the path"),
    errno.ENOTDIR: ("a part of the path is not a folder", "check the path"),
    errno.EISDIR: ("it is a folder", "name a file"),
    errno.ELOOP: ("too many levels of links", "remove the link loop"),
}


class FaultError(click.ClickException):
    """The command could not run because of the machine, not the plan (exit 2)."""

    exit_code = 2


def describe(exc: OSError) -> str:
    """One sentence for ``exc``: where, what went wrong, what to do."""
    where = ""
    if exc.filename is not None:
        where = printable(str(exc.filename)) + ": "
    return where + reason(exc)


def reason(exc: OSError) -> str:
    """What went wrong and what to do, without the file (for a caller that names it better)."""
    what, hint = _REASONS.get(exc.errno or 0, (exc.strerror or str(exc), ""))
    name = errno.errorcode.get(exc.errno or 0)
    code = f" ({name})" if name else ""
    return f"{what}{code}" + (f"; {hint}" if hint else "")


class FaultGroup(click.Group):
    """A command group whose commands turn OS faults into :class:`FaultError`."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as exc:
            raise FaultError(describe(exc)) from None
        except OverflowError:
            raise FaultError("a date is too far in the future to be computed (after the "
                             "year 9998?); give a nearer one") from None
