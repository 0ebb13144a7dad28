"""The `newsfacts` command line: extract facts, print their schema, check golden fixtures."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress

from extract import __version__
from extract.budget import DEFAULT_TIME_BUDGET
from extract.engine import DocumentResult, Extractor, parse_published
from extract.errors import NewsfactsError, OptionError
from extract.golden import CheckReport, Counts, Difference, FixtureResult, check_fixtures
from extract.lint import lint
from extract.pool import extract_in_pool
from extract.readers import Document, ReadError, RecordFields, is_record_file, iter_paths, parse_size, read_documents
from extract.report import ReportData, write_report
from extract.resume import Output, Rendered, journal_path, open_output, render
from extract.show import render_result
from extract.store import FactStore, open_store
from extract.writers import WRITERS
from schemas import fact_json_schema

PROG = "newsfacts"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, like every other newsfacts error, instead of argparse's usage block."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Quantitative facts from news articles, as JSON Lines or CSV.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract", help="extract facts from .txt, .md, .html, .htm, .json and .jsonl files and folders"
    )
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a file, or a folder read recursively")
    extract.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of stdout")
    extract.add_argument("--format", choices=sorted(WRITERS), default="jsonl", help="default: jsonl")
    extract.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="also store the facts in this SQLite database, created if missing (see docs/DATABASE.md); "
        "without -o, facts go to the database only",
    )
    extract.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="worker processes (default 1); the output is the same"
    )
    _document_options(extract)
    _robustness_options(extract)
    extract.set_defaults(run=_extract)

    text = commands.add_parser(
        "text",
        help="print the text a document is read as (the text fact offsets index into)",
        description="Print the text the reader produced for FILE: exactly the text the offsets of its facts index "
        "into. FILE may name one record of a JSON/JSONL file as FILE#ID (its id, or its line number), as facts' "
        "doc.path does.",
    )
    text.add_argument("file", metavar="FILE", help="a document, or FILE#ID for one record of a JSON/JSONL file")
    text.add_argument(
        "--meta",
        action="store_true",
        help="print the metadata instead, as JSON: published, url, title, lang and where each came from "
        "(one line per record for a JSON/JSONL file)",
    )
    _field_options(text)
    text.set_defaults(run=_text)

    report = commands.add_parser(
        "report",
        help="write one self-contained HTML page to review the facts of documents in context",
        description="Extract the facts of PATH... (as extract does) and write one HTML page that needs no network: "
        "each document with its facts highlighted, a facts table that sorts and filters, and charts over time.",
    )
    report.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="a file, or a folder read recursively")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the HTML page to write")
    report.add_argument("--title", default="newsfacts report", help="the page's title")
    _document_options(report)
    report.set_defaults(run=_report)

    show = commands.add_parser(
        "show",
        help="print a document with its facts highlighted, and a table of them",
        description="Print FILE's text with each fact highlighted by kind, then a table of its facts. For a "
        "JSON/JSONL file, every record; FILE#ID names one.",
    )
    show.add_argument("file", metavar="FILE", help="a document, or FILE#ID for one record of a JSON/JSONL file")
    _document_options(show)
    show.set_defaults(run=_show_document)

    schema = commands.add_parser("schema", help="print the JSON Schema of a fact")
    schema.set_defaults(run=_schema)

    check = commands.add_parser("check", help="compare extraction with golden fixtures (*.expected.jsonl)")
    check.add_argument("paths", nargs="+", type=Path, metavar="DIR", help="a fixture folder (recursive) or file")
    check.add_argument("--update", action="store_true", help="rewrite each expected file from this run")
    _rules_option(check)
    check.set_defaults(run=_check)

    rules = commands.add_parser("rules", help="check rule packs: validate them and run their examples")
    actions = rules.add_subparsers(dest="action", required=True, metavar="ACTION")
    output = (
        "Prints one line per problem (path:line: rule-id: problem), then a summary. "
        "Exit status: 0 clean, 1 problems, 2 unusable folder."
    )
    lint_parser = actions.add_parser(
        "lint",
        help="validate every rule file and lexicon, compile every pattern, run every example",
        description="Validate every rule file and lexicon, compile every pattern, run every example and "
        "counter-example. " + output,
    )
    test_parser = actions.add_parser(
        "test",
        help="run every rule's examples and counter-examples",
        description="Run every rule's examples and counter-examples (a rule file that does not load is an "
        "error). " + output,
    )
    for action in (lint_parser, test_parser):
        action.add_argument(
            "dirs", nargs="*", type=Path, metavar="DIR", help="rule folder added on top of the built-in packs"
        )
    lint_parser.set_defaults(run=_rules_lint)
    test_parser.set_defaults(run=_rules_test)
    return parser


def _field_options(parser: argparse.ArgumentParser) -> None:
    defaults = RecordFields()
    for kind, what in (("text", "text"), ("date", "publication date"), ("url", "URL"), ("id", "id")):
        names = getattr(defaults, "published" if kind == "date" else kind)
        parser.add_argument(
            f"--{kind}-field",
            metavar="NAMES",
            help=f"JSON/JSONL records: the field holding the {what}, or several separated by commas, tried in "
            f"order (default: {','.join(names)})",
        )


def _record_fields(args: argparse.Namespace) -> RecordFields:
    return RecordFields.from_options(
        text=args.text_field, published=args.date_field, url=args.url_field, id=args.id_field
    )


def _document_options(parser: argparse.ArgumentParser) -> None:
    """The options that change which facts a document gives: extract, report and show share them."""
    parser.add_argument("--lang", default="auto", help="auto (detect per document; default) or a language code")
    parser.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) to resolve dates against, overriding what each document says",
    )
    _rules_option(parser)
    _field_options(parser)


def _robustness_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--resume",
        action="store_true",
        help="with -o FILE: continue an interrupted run, skipping the documents it finished (same path, same sha256)",
    )
    parser.add_argument(
        "--max-size",
        default="100MB",
        metavar="SIZE",
        help="skip files larger than this, such as 500KB, 100MB or 2GB; 0 for no limit (default: 100MB)",
    )
    parser.add_argument(
        "--time-budget",
        type=float,
        default=DEFAULT_TIME_BUDGET,
        metavar="SECONDS",
        help="skip a document whose extraction takes longer (text crafted to be slow); 0 for no limit "
        f"(default: {DEFAULT_TIME_BUDGET:g})",
    )


def _rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules", action="append", type=Path, default=[], metavar="DIR", help="extra rule folder (repeatable)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except NewsfactsError as error:
        if args.debug:
            raise
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        output = getattr(args, "output", None)
        kept = f"; {output} holds the documents finished, continue with --resume" if output is not None else ""
        print(f"{PROG}: interrupted{kept}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (`newsfacts extract . | head`): stop quietly, and keep
        # Python from failing again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _extractor(args: argparse.Namespace, lang: str = "auto") -> Extractor:
    rules: list[Path] = args.rules
    for folder in rules:
        if not (folder.is_dir() and os.access(folder, os.R_OK | os.X_OK)):
            raise OptionError(f"{folder}: not a readable rules folder (--rules)")
    limits: dict[str, Any] = {}
    if "max_size" in args:
        if args.time_budget < 0:
            raise OptionError(f"--time-budget {args.time_budget:g}: give a number of seconds, or 0 for no limit")
        limits = {"max_size": parse_size(args.max_size), "time_budget": args.time_budget}
    return Extractor(rules, langs=None if lang == "auto" else [lang], **limits)


def _extract(args: argparse.Namespace) -> int:
    published = parse_published(args.published)
    fields = _record_fields(args)
    extractor = _extractor(args, args.lang)
    lang = None if args.lang == "auto" else args.lang
    console = Console(stderr=True, markup=False, highlight=False, emoji=False, soft_wrap=True)
    read = 0
    skipped: list[str] = []
    kinds: Counter[str] = Counter()
    if args.output is not None and not args.resume and journal_path(args.output).exists():
        console.print(f"{PROG}: warning: starting over: {args.output} was interrupted; --resume would continue it")
    with (
        _interruptible() as stop_requested,
        _outputs(args) as writer,
        _progress(console, args.paths) as advance,
    ):
        results: Iterable[Rendered]
        if args.jobs == 1:
            results = map(writer.render, extractor.extract_paths(args.paths, lang, published, fields, writer.skip))
        else:
            results = extract_in_pool(
                extractor, args.paths, args.jobs, writer.render, lang, published, fields, skip=writer.skip
            )
        for rendered in _until(stop_requested, results):
            result = rendered.result
            advance(result)
            for warning in result.warnings:
                console.print(f"{PROG}: warning: {warning}")
            if result.error is not None:
                console.print(f"{PROG}: error: {result.error}")
                skipped.append(result.error)
                continue
            writer.write(rendered)
            read += 1
            kinds.update(rendered.kinds)
    resumed = f" ({writer.resumed} done before, not read again)" if args.resume else ""
    summary = f"{_plural(read, 'document')} read{resumed}, {len(skipped)} skipped, {_plural(kinds.total(), 'fact')}"
    console.print(f"{PROG}: {summary}")
    for reason in skipped:
        console.print(f"  skipped {reason}")
    for kind, count in sorted(kinds.items()):
        console.print(f"  {kind}: {count}")
    return 0 if read or writer.resumed else 1


@contextmanager
def _interruptible() -> Iterator[threading.Event]:
    """Ctrl-C and SIGTERM end a run after the document in hand: the output keeps every finished one, resumable.

    The handler only sets a flag, checked between documents: a KeyboardInterrupt raised from the
    handler can land in a __del__ (the regex module's, say), be swallowed there, and the run goes on.
    A second signal stops at once.
    """
    requested = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield requested
        return

    def interrupt(signum: int, frame: object) -> None:
        if requested.is_set():
            raise KeyboardInterrupt
        requested.set()

    previous = {number: signal.signal(number, interrupt) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield requested
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _until(stop_requested: threading.Event, results: Iterable[Rendered]) -> Iterator[Rendered]:
    """The results, until a stop is requested: checked each time the next one is wanted."""
    for result in results:
        yield result
        if stop_requested.is_set():
            raise KeyboardInterrupt


class _Sinks:
    """Where `extract` puts each document's facts: -o (or stdout), resumable, and --db."""

    def __init__(self, output: Output | None, store: FactStore | None, format: str) -> None:
        self.output, self.store, self.format = output, store, format

    @property
    def resumed(self) -> int:
        return self.output.resumed if self.output is not None else 0

    @property
    def skip(self) -> Callable[[Document], bool] | None:
        """What leaves out the documents an earlier run did; None when there are none (workers then read the files)."""
        return self.output.skip if self.output is not None and self.output.resuming else None

    @property
    def render(self) -> Callable[[DocumentResult], Rendered]:
        """How each result is made ready to write (by the workers, with --jobs): facts kept only for a store."""
        return partial(render, self.format if self.output is not None else None, self.store is not None)

    def write(self, rendered: Rendered) -> None:
        if self.output is not None:
            self.output.write(rendered)
        if self.store is not None:
            self.store.add(rendered.result)


@contextmanager
def _outputs(args: argparse.Namespace) -> Iterator[_Sinks]:
    """Facts to -o (or stdout) and to --db; with --db alone, to the database only."""
    with ExitStack() as stack:
        output = None
        if args.output is not None or args.db is None:
            output = stack.enter_context(open_output(args.output, args.format, args.resume))
        elif args.resume:
            raise OptionError("--resume needs an output file (-o FILE)")
        store = stack.enter_context(open_store(args.db)) if args.db is not None else None
        yield _Sinks(output, store, args.format)


@contextmanager
def _progress(console: Console, paths: list[Path]) -> Iterator[Callable[[DocumentResult], None]]:
    """A bar of files only for someone watching a terminal, and only when there is more than one file to wait for."""
    items = list(iter_paths(paths)) if console.is_terminal else []
    if sum(isinstance(item, Path) for item in items) < 2:
        yield lambda result: None
        return
    with Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=console, transient=True) as bar:
        task = bar.add_task("extracting", total=len(items))
        started: set[str] = set()

        def advance(result: DocumentResult) -> None:
            # A file of records gives many results: the bar moves once per file.
            file = result.path.removesuffix(f"#{result.record}") if result.record is not None else result.path
            if file not in started:
                started.add(file)
                bar.advance(task)

        yield advance


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _text(args: argparse.Namespace) -> int:
    """The text of one document or record as read; with --meta its metadata (one JSON line per record of a file)."""
    fields = _record_fields(args)
    path, wanted = _file_and_record(args.file)
    every_record = wanted is None and is_record_file(path)
    if every_record and args.meta:
        return _records_meta(path, fields)
    found: list[Document] = []
    for item in read_documents(path, fields):
        if wanted is not None and item.record != wanted:
            continue
        if isinstance(item, ReadError):
            print(f"{PROG}: error: {item}", file=sys.stderr)
            if not every_record:
                return 1
            continue
        found.append(item)
        if len(found) > _SHOWN_IDS or wanted is not None:
            break
    if not found:
        problem = f"no record {wanted!r} in {path}" if wanted is not None else f"{path}: no records"
        print(f"{PROG}: error: {problem}", file=sys.stderr)
        return 1
    if len(found) > 1:
        ids = ", ".join(str(document.record) for document in found[:_SHOWN_IDS])
        more = ", …" if len(found) > _SHOWN_IDS else ""
        print(f"{PROG}: error: {path} holds several records: name one as {path}#ID (ids: {ids}{more})", file=sys.stderr)
        return 2
    (document,) = found
    for warning in document.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    if args.meta:
        print(json.dumps(document.metadata(), ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(document.text)
        sys.stdout.flush()
    return 0


_SHOWN_IDS = 5


def _file_and_record(name: str) -> tuple[Path, str | None]:
    """FILE, or FILE#ID naming one record of a JSON/JSONL file (unless a file is called that)."""
    path = Path(name)
    if not path.exists() and "#" in name:
        file, _, record = name.rpartition("#")
        return Path(file), record
    return path, None


def _records_meta(path: Path, fields: RecordFields) -> int:
    read = 0
    for item in read_documents(path, fields):
        if isinstance(item, ReadError):
            print(f"{PROG}: error: {item}", file=sys.stderr)
            continue
        for warning in item.warnings:
            print(f"{PROG}: warning: {warning}", file=sys.stderr)
        print(json.dumps(item.metadata(), ensure_ascii=False))
        read += 1
    return 0 if read else 1


def _report(args: argparse.Namespace) -> int:
    published = parse_published(args.published)
    extractor = _extractor(args, args.lang)
    lang = None if args.lang == "auto" else args.lang
    data = ReportData()
    for result in extractor.extract_paths(args.paths, lang, published, _record_fields(args)):
        for warning in result.warnings:
            print(f"{PROG}: warning: {warning}", file=sys.stderr)
        if result.error is not None:
            print(f"{PROG}: error: {result.error}", file=sys.stderr)
        data.add(result)
    if not data.documents:
        print(f"{PROG}: error: no document could be read; {args.output} not written", file=sys.stderr)
        return 1
    write_report(data, args.output, args.title)
    print(
        f"{PROG}: {args.output}: {_plural(len(data.documents), 'document')}, {_plural(len(data.facts), 'fact')}, "
        f"{len(data.skipped)} skipped",
        file=sys.stderr,
    )
    return 0


def _show_document(args: argparse.Namespace) -> int:
    """Every record of the file (or the one named FILE#ID), each as its text with highlights and a table."""
    path, wanted = _file_and_record(args.file)
    extractor = _extractor(args, args.lang)
    lang = None if args.lang == "auto" else args.lang
    console = Console(highlight=False, emoji=False)
    shown = 0
    for result in extractor.extract_records(path, lang, parse_published(args.published), _record_fields(args)):
        if wanted is not None and result.record != wanted:
            continue
        for warning in result.warnings:
            print(f"{PROG}: warning: {warning}", file=sys.stderr)
        if result.error is not None:
            print(f"{PROG}: error: {result.error}", file=sys.stderr)
            continue
        console.print(render_result(result))
        shown += 1
    if wanted is not None and not shown:
        print(f"{PROG}: error: no readable record {wanted!r} in {path}", file=sys.stderr)
    return 0 if shown else 1


def _schema(args: argparse.Namespace) -> int:
    print(json.dumps(fact_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _check(args: argparse.Namespace) -> int:
    report = check_fixtures(args.paths, _extractor(args), update=args.update)
    print(format_report(report))
    return 0 if report.ok else 1


def _rules_lint(args: argparse.Namespace) -> int:
    """One line per problem (`path:line: rule-id: problem`), then a summary; 1 when there is a problem."""
    report = lint(args.dirs)
    for problem in report.problems:
        print(problem)
    print(report.summary())
    return 0 if report.ok else 1


def _rules_test(args: argparse.Namespace) -> int:
    report = lint(args.dirs, examples_only=True)
    for problem in report.problems:
        print(problem)
    print(report.summary())
    return 0 if report.ok else 1


def format_report(report: CheckReport) -> str:
    lines = [f"{'kind':<16}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>8}{'F1':>8}"]
    lines += [_score_line(kind, counts) for kind, counts in report.by_kind().items()]
    lines.append(_score_line("total (micro)", report.total()))
    for key, agreement in report.enrichment().items():
        if agreement.total:
            lines.append(f"{key}: {agreement.right} of {agreement.total} right ({agreement.accuracy:.1%})")
    for fixture in report.fixtures:
        lines += _fixture_lines(fixture)
    checked = [fixture for fixture in report.fixtures if not fixture.skipped]
    failed = sum(not fixture.passed for fixture in checked)
    lines.append("")
    lines.append(
        f"{_plural(len(checked), 'fixture')} checked, {len(report.fixtures) - len(checked)} skipped, "
        f"{failed} with differences"
        + (f", {sum(fixture.updated for fixture in checked)} updated" if report.update else "")
    )
    return "\n".join(lines)


def _score_line(name: str, counts: Counts) -> str:
    scores = _score(counts.precision, 11) + _score(counts.recall, 8) + _score(counts.f1, 8)
    return f"{name:<16}{counts.tp:>6}{counts.fp:>6}{counts.fn:>6}{scores}"


def _score(value: float | None, width: int) -> str:
    """An undefined score (nothing extracted, or nothing expected) shows as '-', not as a misleading 0."""
    return ("-" if value is None else f"{value:.3f}").rjust(width)


def _fixture_lines(fixture: FixtureResult) -> list[str]:
    if fixture.skipped:
        return ["", f"SKIPPED {fixture.expected}: {fixture.skipped}"]
    if fixture.passed and not fixture.updated and not any(a.wrong for a in fixture.enrichment.values()):
        return []
    lines = ["", f"{fixture.expected} ({fixture.document})" + (" - updated" if fixture.updated else "")]
    if fixture.error:
        lines.append(f"  ERROR     {fixture.error}")
    lines += [f"  PROBLEM   {problem}" for problem in fixture.problems]
    lines += [_difference_line(difference) for difference in fixture.differences]
    for key, agreement in fixture.enrichment.items():
        lines += [_enrichment_line(key, want, have) for want, have in agreement.wrong]
    return lines


def _enrichment_line(key: str, want: dict[str, Any], have: Any) -> str:
    span = want["span"]
    return f"  {key.upper():<9} {span['start']}:{span['end']} {span['text']!r}: expected {want[key]}, got {have}"


def _difference_line(difference: Difference) -> str:
    where = f"{difference.start}:{difference.end} {difference.text!r}"
    rule = f" [{difference.rule}]" if difference.rule else ""
    if difference.status == "DIFFERENT":
        changes = "; ".join(
            f"{name}: expected {_show(want)}, got {_show(got)}" for name, want, got in difference.fields
        )
        return f"  DIFFERENT {where} {difference.record['kind']}{rule}: {changes}"
    return f"  {difference.status:<9} {where}{rule}: {_describe(difference.record)}"


def _describe(record: dict[str, Any]) -> str:
    """The kind and whatever is set of a record's quantity and attributes, in one short line."""
    quantity = [f"{name}={_show(value)}" for name, value in record["quantity"].items() if value is not None]
    attributes = [f"{name}={_show(value)}" for name, value in record["attributes"].items() if value is not None]
    return " ".join([record["kind"], *quantity, *attributes])


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
