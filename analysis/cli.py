"""``python -m analysis <command> PATH``: one shape for every command.

A corpus path goes in (a file or a folder of ``.txt``, ``.jsonl``/``.json``,
``.csv`` articles), tidy rows come out on stdout as JSON Lines (or CSV with
``--format csv``), one row per unit.  Problems go to stderr.

Exit status: 0 all inputs read; 3 the output is complete for the good inputs
but some files or records were skipped (listed on stderr); 1 a fatal error
(nothing written); 2 a usage error; 130 interrupted by Ctrl-C (one line on
stderr, no traceback, no ``--output`` file: it is written whole or not at all).

Commands: ``corpus`` (the article table), ``readability``, ``sentiment``,
``actors``, ``quotes`` (one per metric family), ``codebook`` (a draft
codebook of the corpus's actors, CSV by default) and ``report`` (runs every
notebook through papermill and builds the HTML report).
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
import warnings

import numpy as np
import pandas as pd

from analysis.core.corpus import CorpusError, load_corpus

# command -> (module, help). Each family module provides
#   add_cli_arguments(parser)  and  cli_table(articles, **options) -> DataFrame
FAMILY_COMMANDS = {
    "readability": ("analysis.readability", "readability indices and their counts"),
    "sentiment": ("analysis.sentiment", "sentence tone and its aggregates"),
    "actors": ("analysis.actors.cli", "actor mentions (codebook matches and discovered names)"),
    "quotes": ("analysis.sourcing", "direct, partial and indirect quotes with their speakers"),
    "codebook": ("analysis.codebook_draft", "a draft codebook of the corpus's actors, to review (CSV)"),
}


def write_table(df: pd.DataFrame, fmt: str, out) -> None:
    """Write a table as JSON Lines (``null`` for missing values) or CSV."""
    if fmt == "csv":
        df.to_csv(out, index=False, lineterminator="\n")
        return
    cols = list(df.columns)
    for row in df.itertuples(index=False, name=None):
        rec = {c: _plain(v) for c, v in zip(cols, row)}
        out.write(json.dumps(rec, ensure_ascii=False, allow_nan=False) + "\n")


def _plain(v):
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return None if not np.isfinite(v) else float(v)
    if isinstance(v, np.bool_):
        return bool(v)
    if isinstance(v, (np.ndarray, list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, pd.Timestamp):
        return v.isoformat()
    return v


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="PATH", help="an article file or a folder of articles")
    p.add_argument("--format", choices=["jsonl", "csv"], default="jsonl", help="output format (default jsonl)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Text metrics for news coverage: corpus in, tidy JSON Lines out.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    p = sub.add_parser("corpus", help="the article table (metadata, body, counts)")
    _add_common(p)
    p.add_argument("--no-text", action="store_true", help="leave the body text out of the output")
    for name, (module, help_) in FAMILY_COMMANDS.items():
        p = sub.add_parser(name, help=help_)
        _add_common(p)
        mod = importlib.import_module(module)
        if hasattr(mod, "add_cli_arguments"):
            mod.add_cli_arguments(p)
    from analysis.presentation import report

    p = sub.add_parser("report", help="run every notebook (papermill) and build the HTML report")
    report.add_cli_arguments(p)
    return parser


def _report_problems(articles: pd.DataFrame) -> int:
    problems = articles.attrs.get("problems")
    if problems is None or not len(problems):
        return 0
    for r in problems.itertuples(index=False):
        where = f"{r.source_path}, line {int(r.line)}" if pd.notna(r.line) else r.source_path
        print(f"analysis: skipped {where}: {r.problem}", file=sys.stderr)
    return len(problems)


def main(argv: list[str] | None = None) -> int:
    """Run one command; Ctrl-C ends it with status 130 and one line, no
    traceback (an ``--output`` file is only ever written whole)."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("analysis: interrupted; no output file written (an --output file appears only when complete)",
              file=sys.stderr)
        return 130


def _write_output(table: pd.DataFrame, fmt: str, path: str) -> None:
    """Write ``path`` through a hidden temporary file in the same folder and
    an atomic rename, so an interrupted run leaves no partial file."""
    import os

    target = os.path.abspath(path)
    tmp = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            write_table(table, fmt, fh)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _family_table(command: str, module, articles: pd.DataFrame, options: dict) -> pd.DataFrame:
    """The command's table; the ``actors`` mentions table and the ``quotes``
    table come linked to each other as :func:`analysis.measure` links them
    (:func:`analysis.links.link`): mentions get ``in_quote``/``quote_id``,
    quotes ``speaker_mention_start``, so the command line and the pipeline give
    the same cells.  The mentions are found once and given to the quotes."""
    linked = (command == "actors" and options.get("table", "mentions") == "mentions") or command == "quotes"
    if not linked:
        return module.cli_table(articles, **options)
    from analysis.actors import find_mentions
    from analysis.actors.codebook import load_codebook
    from analysis.links import link
    from analysis.sourcing import extract_quotes

    sides, codebook = options.get("sides"), options.get("codebook")
    if codebook is not None:
        codebook = load_codebook(codebook, sides=sides)
    if command == "actors":  # the quotes the pipeline finds beside these mentions
        mentions = module.cli_table(articles, **options)
        quotes = extract_quotes(articles, codebook=codebook, mentions=mentions, sides=sides)
        return link(mentions, quotes)[0]
    mentions = find_mentions(articles, codebook=codebook, sides=sides)
    return link(mentions, module.cli_table(articles, mentions=mentions, **options))[1]


def _main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "report":
        from analysis.presentation import report

        return report.run_from_args(args)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            articles = load_corpus(args.path)
        for w in caught:
            if "attrs['problems']" not in str(w.message):
                print(f"analysis: warning: {w.message}", file=sys.stderr)
        if args.command == "corpus":
            table = articles.drop(columns=["text"]) if args.no_text else articles
        else:
            module = importlib.import_module(FAMILY_COMMANDS[args.command][0])
            options = {
                k: v for k, v in vars(args).items() if k not in {"command", "path", "format", "output", "no_text"}
            }
            table = _family_table(args.command, module, articles, options)
    except (CorpusError, FileNotFoundError, ValueError) as exc:
        print(f"analysis: error: {exc}", file=sys.stderr)
        return 1
    n_bad = _report_problems(articles)
    if args.output:
        _write_output(table, args.format, args.output)
    else:
        try:
            write_table(table, args.format, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # e.g. `... | head`: the reader has what it wanted
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 3 if n_bad else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
