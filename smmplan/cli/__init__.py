"""The ``smmplan`` command: a thin click layer over the library, one module per command.

Exit codes: 0 no errors, 1 errors (or warnings with ``--strict``), 2 the command could not run.
The library never imports this package.
"""

from __future__ import annotations

from . import (
    cmd_build,
    cmd_check,
    cmd_cms,
    cmd_diff,
    cmd_export,
    cmd_ical,
    cmd_import,
    cmd_init,
    cmd_metrics,
    cmd_new,
    cmd_pages,
    cmd_report,
    cmd_rule,
    cmd_schema,
    cmd_serve,
)
from .app import main

for _module in (cmd_check, cmd_rule, cmd_report, cmd_build, cmd_serve, cmd_ical, cmd_new,
                cmd_init, cmd_diff, cmd_schema, cmd_import, cmd_export, cmd_metrics,
                cmd_cms, cmd_pages):
    main.add_command(_module.command)

__all__ = ["main"]
