"""The `kwru` command: parse arguments, open the workspace, hand over to a command module."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
import traceback
from pathlib import Path

from .errors import ExitCode, KwruError
from .i18n import _, localise_argparse
from .workspace import STATE_DIR, Workspace

# Command modules in the order their commands appear in `kwru --help`.
COMMAND_MODULES = ("intake", "cases", "lifecycle", "letters", "bundles")
ERROR_LOG = "errors.log"  # under the workspace's .kwru/: the details of unexpected errors


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: `kwru: <what is wrong>`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(_("{prog}: {message} (see `{prog} --help`)").format(prog=self.prog, message=message)
                         + "\n")
        sys.exit(ExitCode.usage)


def build_parser() -> Parser:
    localise_argparse()
    p = Parser(prog="kwru", description=_("Document pipeline of the Klachtencommissie Woningcorporaties "
                                          "Regio Utrecht: drop folder, dossiers, deadlines, letters, bundles."))
    p.add_argument("--root", metavar=_("DIR"),
                   help=_("workspace folder (default: $KWRU_ROOT or the current folder)"))
    p.add_argument("--verbose", action="store_true",
                   help=_("on an unexpected error, print its details (also: KWRU_DEBUG=1)"))
    sub = p.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    for name in COMMAND_MODULES:
        try:
            mod = importlib.import_module(f".commands.{name}", __package__)
        except ModuleNotFoundError as e:
            if e.name == f"{__package__}.commands.{name}":
                continue  # area not built yet
            raise
        mod.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return ExitCode.usage
    return run_command(args)


def run_command(args: argparse.Namespace) -> int:
    """Run the chosen command; every failure becomes one line on stderr and its exit code.

    Like OCRmyPDF's `cli_exception_handler`: a KwruError is a failure the user can act on and
    carries its own message and code; anything else is a bug in kwru, reported in one line with
    its details in `.kwru/errors.log` (or on stderr with --verbose / KWRU_DEBUG=1).
    """
    ws: Workspace | None = None
    try:
        if getattr(args, "no_workspace", False):
            return int(args.func(args, None) or 0)
        ws = Workspace.open(args.root)
        return int(args.func(args, ws) or 0)
    except KwruError as e:
        sys.stderr.write(f"kwru: {e}\n")
        return e.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("kwru: " + _("interrupted") + "\n")
        return ExitCode.interrupted
    except BrokenPipeError:
        return ExitCode.ok
    except Exception as e:  # noqa: BLE001 - the one place where a bug meets the user
        _report_unexpected(e, args, ws)
        return ExitCode.unexpected


def _report_unexpected(e: Exception, args: argparse.Namespace, ws: Workspace | None) -> None:
    details = "".join(traceback.format_exception(e))
    summary = f"{type(e).__name__}: {e}".strip().splitlines()[0][:300]
    if getattr(args, "verbose", False) or os.environ.get("KWRU_DEBUG") == "1":
        sys.stderr.write(details)
        sys.stderr.write("kwru: " + _("unexpected error ({summary})").format(summary=summary) + "\n")
        return
    where = _write_error_log(details, args, ws)
    if where:
        msg = _("unexpected error ({summary}); the details are in {path}").format(summary=summary, path=where)
    else:
        msg = _("unexpected error ({summary}); run again with --verbose for the details").format(summary=summary)
    sys.stderr.write("kwru: " + msg + "\n")


def _write_error_log(details: str, args: argparse.Namespace, ws: Workspace | None) -> Path | None:
    """Append the traceback to the workspace's .kwru/errors.log; None when there is no such folder."""
    state = ws.state if ws is not None else None
    if state is None and getattr(args, "root", None):
        state = Path(args.root) / STATE_DIR
    if state is None or not state.is_dir():
        return None
    path = state / ERROR_LOG
    try:
        with path.open("a", encoding="utf-8") as f:
            f.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')} kwru {args.command}\n{details}")
    except OSError:
        return None
    return path


if __name__ == "__main__":
    sys.exit(main())
