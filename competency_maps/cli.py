"""Command line: `python build.py [options]`, `init DIR`, `check FILE...`, `new-workbook NAME`, `proof NAME`.

`main(argv)` returns the exit code instead of exiting, so tests call it directly. Each command's
module is imported only when that command runs (the one deferred import of each, and the only ones
in the package): `check` stays light, and the PDF process starts before `build` imports the rest.
Exit codes: 0 built / no errors, 1 problems in the inputs or the environment (a path named),
2 usage, 3 a fault in the tool; 130 after Ctrl+C, 143 after SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from competency_maps import __version__
from competency_maps.console import Console, issue_record
from competency_maps.errors import Issue, Location, ReportError, issue
from competency_maps.i18n import LANGUAGES
from competency_maps.render.pdf.process import started  # light: it imports no renderer itself

EPILOG = """\
commands:
  (none)        read every workbook in the inputs folder, check it, and build the report
  init DIR      start a new deliverable: a folder with deliverable.toml and its texts
  check FILE…   check returned workbooks and list every problem, with its sheet and cell
  new-workbook  write a blank workbook for one partner (--from: pre-filled with last round's map)
  proof NAME    build one cluster's chapter alone, for the partner to proofread
  changes       list what changed in the workbooks since the last build, without building
  export        write the whole validated dataset as JSON, CSV or XLSX
  site -o DIR   write the self-check web site where partners check their workbook in their browser

exit codes: 0 done, 1 problems in the inputs or the environment (nothing overwritten),
            2 wrong command line, 3 internal error
"""


def _common_options() -> dict[str, dict]:
    """The options of the whole tool that a subcommand also accepts after its name
    (`proof X --output D`): made afresh for each parser, never shared state."""
    return {"--inputs": dict(type=Path, default=Path("inputs"), metavar="DIR",
                             help="folder with the workbooks and deliverable.toml (default: inputs)"),
            "--output": dict(type=Path, default=Path("output"), metavar="DIR",
                             help="folder for the report files (default: output)"),
            "--only": dict(choices=("docx", "pdf"), help="build only the Word or only the PDF file"),
            "--draft": dict(action="store_true",
                            help="build even with missing or broken workbooks: placeholders, DRAFT on every page"),
            "--log": dict(metavar="TEXT",
                          help="add a row to the version log in deliverable.toml: its version, date and "
                               "author, TEXT and the changes per cluster since the last build")}


def _common(p: argparse.ArgumentParser, names: tuple[str, ...], *, after_command: bool = False) -> None:
    options = _common_options()
    for name in names:
        kwargs = options[name]
        if after_command:  # given only here: not to reset what was given before the command
            kwargs["default"] = argparse.SUPPRESS
        p.add_argument(name, **kwargs)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build.py",
        description="Build the deliverable (DOCX and PDF) from the partners' workbooks.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _common(p, tuple(_common_options()))
    sub = p.add_subparsers(dest="command", metavar="")
    i = sub.add_parser("init", help="start a new deliverable: a folder with deliverable.toml and its texts")
    i.add_argument("folder", type=Path, metavar="DIR", help="the new inputs folder (made if missing)")
    c = sub.add_parser("check", help="check workbooks and list every problem")
    c.add_argument("files", nargs="+", type=Path, metavar="FILE", help="workbooks to check (.xlsx)")
    c.add_argument("--annotate", type=Path, metavar="DIR",
                   help="write into DIR a copy of each workbook with every problem marked in its cell "
                        "(highlight and comment) and listed on a sheet 'Check', to send back")
    c.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (default) for people, or json: one JSON document with each file's cluster "
                        "and its issues (code, severity, file, sheet, cell, message, hint, params)")
    c.add_argument("--language", choices=LANGUAGES, metavar="LANG",
                   help=f"the messages' language ({', '.join(LANGUAGES)}; default: each workbook's own, "
                        "and English for the summary)")
    _common(c, ("--inputs",), after_command=True)
    n = sub.add_parser("new-workbook", help="write a workbook for one partner, blank or pre-filled")
    _common(n, ("--inputs",), after_command=True)
    n.add_argument("short_name", metavar="NAME", nargs="?", help='the cluster\'s short name, e.g. "Mov\'eo"')
    n.add_argument("-o", "--out", type=Path, metavar="PATH",
                   help="where to write it (default: NAME-competency-map.xlsx here); with --all, a folder")
    n.add_argument("--force", action="store_true", help="replace the file if it already exists")
    n.add_argument("--from", dest="source", type=Path, metavar="DIR_OR_EXPORT",
                   help="pre-fill it with the cluster's map from a folder of workbooks (e.g. inputs) or "
                        "a JSON export or snapshot, for the partner to update")
    n.add_argument("--all", dest="every", action="store_true",
                   help="with --from and -o DIR: one pre-filled workbook per cluster, written into DIR")
    n.add_argument("--language", choices=LANGUAGES, default="en", metavar="LANG",
                   help=f"the partner's language for the workbook's texts and dropdowns ({', '.join(LANGUAGES)}; "
                        "default: en)")
    pr = sub.add_parser("proof", help="one cluster's chapter alone, as a small PDF and DOCX")
    pr.add_argument("short_name", metavar="NAME", help="the cluster's short name")
    _common(pr, ("--inputs", "--output", "--only"), after_command=True)
    ch = sub.add_parser("changes", help="what changed since the last build, without building")
    ch.add_argument("--since", type=Path, metavar="SNAPSHOT",
                    help="compare with this snapshot or JSON export (default: the last build's, in the "
                         "output folder)")
    _common(ch, ("--inputs", "--output", "--log"), after_command=True)
    ex = sub.add_parser("export", help="write the validated data as JSON, CSV or XLSX")
    ex.add_argument("--format", choices=("json", "csv", "xlsx"),
                    help="json (with its JSON Schema), csv (one row per entry) or xlsx (default: from "
                         "FILE's extension)")
    ex.add_argument("-o", "--out", type=Path, metavar="FILE", required=True, help="the file to write")
    _common(ex, ("--inputs",), after_command=True)
    st = sub.add_parser("site", help="write the self-check web site for partners")
    st.add_argument("-o", "--out", type=Path, metavar="DIR", default=Path("output/site"),
                    help="the folder to write (default: output/site); upload it to any web server")
    st.add_argument("--serve", action="store_true", help="then serve it on http://127.0.0.1:PORT/")
    st.add_argument("--port", type=int, default=8000, help="the port for --serve (default: 8000)")
    st.add_argument("--cache", type=Path, metavar="DIR",
                    help="where the downloaded runtime and wheels are kept (default: ~/.cache/competency-maps/site)")
    _common(st, ("--inputs",), after_command=True)
    return p


def _usage_error(args: argparse.Namespace) -> str:
    """What argparse cannot say itself about a combination of options; "" if none."""
    if getattr(args, "log", None) is not None and args.command not in (None, "changes"):
        return "--log goes with a build or with `changes`"
    if getattr(args, "log", None) is not None and args.draft:
        return "--log cannot be used with --draft: a draft is not a version"
    if args.command == "new-workbook":
        if args.every and args.short_name:
            return "new-workbook: give a NAME or --all, not both"
        if args.every and (args.source is None or args.out is None):
            return "new-workbook --all needs --from DIR_OR_EXPORT and -o DIR"
        if not args.every and not args.short_name:
            return "new-workbook: the NAME of the cluster is required (or --all with --from)"
    return ""


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that every clean-up runs, as for Ctrl+C."""


def _terminate(signum, frame) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_as_exception() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        yield
        return
    old = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def main(argv: list[str] | None = None, console: Console | None = None) -> int:
    console = console or Console()
    try:
        with _sigterm_as_exception():
            return _main(argv, console)
    except KeyboardInterrupt as e:  # Ctrl+C or SIGTERM outside _main's own handling
        return 143 if isinstance(e, Terminated) else 130
    finally:
        console.flush()


def _main(argv: list[str] | None, console: Console) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if _usage_error(args):
            parser.error(_usage_error(args))
    except SystemExit as e:  # argparse exits 2 on usage errors, 0 on --help
        return int(e.code or 0)
    as_json = args.command == "check" and args.format == "json"
    try:
        return _run(args, console)
    except ReportError as e:
        _problems(getattr(e, "issues", None) or [e.as_issue()], console, as_json=as_json)
        return 1
    except KeyboardInterrupt as e:
        if console.written:
            console.say("console.interrupted.written", files=[str(p) for p in console.written])
        else:
            console.say("console.interrupted.nothing")
        return 143 if isinstance(e, Terminated) else 130
    except Exception as e:  # a bug of ours: say so plainly, keep the details for the developers
        if isinstance(e, OSError) and e.filename:  # the user's file or folder: missing, locked, full
            found = issue("environment.os_error", Location(str(e.filename)), reason=e.strerror or str(e))
            _problems([found], console, as_json=as_json)
            return 1
        if os.environ.get("COMPETENCY_MAPS_DEBUG"):
            raise
        console.say("console.internal_error", error_type=type(e).__name__, detail=str(e))
        return 3


def _run(args: argparse.Namespace, console: Console) -> int:
    """The command named on the command line, its module imported only now."""
    if args.command == "check":
        from competency_maps.commands.check import check
        return check(args.files, inputs=args.inputs, console=console, annotate=args.annotate, fmt=args.format,
                     language=args.language)
    if args.command == "init":
        from competency_maps.commands.init import init
        return init(args.folder, console=console)
    if args.command == "new-workbook":
        from competency_maps.commands.new_workbook import new_workbook
        return new_workbook(args.short_name, inputs=args.inputs, console=console, out=args.out,
                            force=args.force, source=args.source, every=args.every, language=args.language)
    if args.command == "changes":
        from competency_maps.commands.changes import changes
        return changes(args.inputs, args.output, console=console, since=args.since, log=args.log)
    if args.command == "export":
        from competency_maps.commands.export import export
        return export(args.inputs, args.out, console=console, fmt=args.format)
    if args.command == "site":
        from competency_maps.commands.site import site
        return site(inputs=args.inputs, out=args.out, console=console, serve=args.serve, port=args.port,
                    cache=args.cache)
    # Started first, so that it imports the layout engine while this process imports the rest
    # and reads the workbooks.
    with started(needed=args.only != "docx") as pdf_process:
        if args.command == "proof":
            from competency_maps.commands.proof import proof
            return proof(args.short_name, args.inputs, args.output, console=console, only=args.only,
                         pdf_process=pdf_process)
        from competency_maps.commands.build import build
        return build(args.inputs, args.output, console=console, only=args.only, draft=args.draft,
                     pdf_process=pdf_process, log=args.log)


def _problems(issues: list[Issue], console: Console, *, as_json: bool) -> None:
    """What stopped the command: its issues as lines, or as the one JSON document that
    `check --format json` promises."""
    if as_json:
        console.json({"files": [], "issues": [issue_record(i) for i in issues],
                      "errors": sum(i.is_error for i in issues)})
        return
    console.problems(issues)


if __name__ == "__main__":
    sys.exit(main())
