"""Save every table the package produces on a corpus, or compare two saves.

Used to prove that a refactor changed the package's shape and not its
numbers: save before, save after, compare cell for cell.

    python benchmarks/tables_snapshot.py save CORPUS DIR [--sides FILE]
    python benchmarks/tables_snapshot.py compare DIR_BEFORE DIR_AFTER

``save`` writes ``pipeline_<table>.parquet`` (every table of
``analysis.pipeline.run``, local engine, no cache) and ``cli_<command>.jsonl``
(the output of each ``python -m analysis`` family command).  ``compare``
prints, per file, "equal" or the first differences, and exits 1 when any
file differs or is missing on one side.
"""
from __future__ import annotations

import argparse
import io
import subprocess
import sys
from pathlib import Path

import pandas as pd

CLI_COMMANDS = ["corpus", "readability", "sentiment", "actors", "quotes"]


def save(corpus: str, out: Path, sides: str | None) -> None:
    from analysis import pipeline

    out.mkdir(parents=True, exist_ok=True)
    result = pipeline.run(corpus, engine="local", cache=False, progress=False, sides=sides)
    for name, df in result.items():
        df.to_parquet(out / f"pipeline_{name}.parquet", index=False)
    for command in CLI_COMMANDS:
        args = [sys.executable, "-m", "analysis", command, corpus, "-o", str(out / f"cli_{command}.jsonl")]
        if sides and command in ("actors", "quotes"):
            args += ["--sides", sides]
        subprocess.run(args, check=False)


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_json(io.StringIO(path.read_text(encoding="utf-8")), lines=True, dtype=False)


def compare(before: Path, after: Path) -> int:
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    bad = 0
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'after' if not a.exists() else 'before'}")
            bad += 1
            continue
        da, db = _read(a), _read(b)
        added = [c for c in db.columns if c not in da.columns]
        if [c for c in db.columns if c in da.columns] != list(da.columns):
            print(f"{name}: columns differ: -{sorted(set(da.columns) - set(db.columns))} +{added}")
            bad += 1
            continue
        if added:  # new columns are reported, the shared ones still compared cell for cell
            print(f"{name}: new columns {added}")
            db = db[list(da.columns)]
        try:
            pd.testing.assert_frame_equal(da, db, check_dtype=True)
            print(f"{name}: equal ({len(da)} rows)")
        except AssertionError as exc:
            print(f"{name}: DIFFERS ({len(da)} vs {len(db)} rows): {str(exc)[:400]}")
            bad += 1
    return 1 if bad else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("save")
    p.add_argument("corpus")
    p.add_argument("out", type=Path)
    p.add_argument("--sides")
    p = sub.add_parser("compare")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "save":
        save(args.corpus, args.out, args.sides)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
