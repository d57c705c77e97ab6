"""The `kwru` command: parse arguments, open the workspace, hand over to a command module."""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import KwruError
from .workspace import Workspace

# Command modules in the order their commands appear in `kwru --help`.
COMMAND_MODULES = ("intake", "cases", "lifecycle", "letters", "bundles")


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: `kwru: <what is wrong>`."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: {message} (see `{self.prog} --help`)\n")
        sys.exit(2)


def build_parser() -> Parser:
    p = Parser(prog="kwru", description="Document pipeline of the Klachtencommissie Woningcorporaties "
                                         "Regio Utrecht: drop folder, dossiers, deadlines, letters, bundles.")
    p.add_argument("--root", metavar="DIR", help="workspace folder (default: $KWRU_ROOT or the current folder)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
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
        return 2
    try:
        if getattr(args, "no_workspace", False):
            return int(args.func(args, None) or 0)
        ws = Workspace.open(args.root)
        return int(args.func(args, ws) or 0)
    except KwruError as e:
        sys.stderr.write(f"kwru: {e}\n")
        return e.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("kwru: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
