"""What every notebook does first: :func:`prelude` and :func:`tables`.

:func:`prelude` loads the corpus, leaves out duplicate articles (unless the
notebook lists them), records the figures' provenance and the sides in use.
:func:`tables` gives the notebook the tables of :func:`analysis.measure`:
the ones the report saved in its output folder before the first notebook
when they are there and fresh (same corpus content, options, package version
and code: :func:`analysis.measure.stamp`), else computed the same way, by the
same call.  A notebook run by hand on its own therefore shows what the
report shows.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.measure import RESULTS_FILE, Results, measure, measure_options, stamp

__all__ = ["prelude", "tables", "for_articles"]

_MEMO: dict[str, Results] = {}  # stamp -> results, shared by the notebooks of one kernel


def prelude(corpus, *, notebook: str, parameters: dict, duplicates: bool = False, story: bool = True,
            codebook=None, sides=None) -> pd.DataFrame:
    """The articles of ``corpus`` (without duplicates unless ``duplicates``),
    with the provenance of the next figures set (``notebook``, ``parameters``
    and, when ``story``, the codebook and sides passed) and, when ``story``,
    the sides the figures show (:func:`analysis.actors.codebook.sides_in_use`)."""
    from analysis import load_corpus
    from analysis.presentation.figures import set_provenance, use_sides

    articles = load_corpus(corpus)
    if not duplicates:
        articles = articles[articles["duplicate_of"].isna()].reset_index(drop=True)
    params = dict(parameters)
    if story:
        from analysis.actors.codebook import sides_in_use
        from analysis.actors.sides import story_parameters

        use_sides(sides_in_use(articles, codebook=codebook, sides=sides))
        params.update(story_parameters(codebook, sides))
    set_provenance(notebook=notebook, parameters=params, corpus=articles)
    return articles


def for_articles(results: Results, articles: pd.DataFrame) -> Results:
    """``results`` with every table's rows limited to ``articles``' ids (in
    the tables' order)."""
    keep = set(articles["article_id"].astype(str))
    tables = {}
    for name in results:
        df = results[name]
        mask = df["article_id"].astype(str).isin(keep)
        tables[name] = df if mask.all() else df[mask].reset_index(drop=True)
    return Results(tables, summary=results.summary, stamp=results.stamp)


def tables(corpus, tables_dir: str | Path | None = None, *, articles: pd.DataFrame | None = None,
           codebook=None, sides=None, engine: str = "auto", **options) -> Results:
    """The :func:`analysis.measure` tables of ``corpus``: read from
    ``tables_dir`` when it holds fresh ones, else measured (and saved there
    when ``tables_dir`` is given).  ``articles``: keep only these articles'
    rows (the :func:`prelude` table: duplicates left out).  ``codebook``,
    ``sides`` and ``options`` as for :func:`analysis.measure`."""
    wanted = stamp(corpus, **measure_options(codebook=codebook, sides=sides, **options))
    key = repr(wanted)
    results = _MEMO.get(key)
    if results is None and tables_dir is not None and (Path(tables_dir) / RESULTS_FILE).is_file():
        saved = Results.load(tables_dir)
        results = saved if saved.stamp == _jsonish(wanted) else None
    if results is None:
        results = measure(corpus, codebook=codebook, sides=sides, engine=engine, out_dir=tables_dir, **options)
    _MEMO.clear()
    _MEMO[key] = results
    return for_articles(results, articles) if articles is not None else results


def _jsonish(value):
    """``value`` as it reads back from JSON (tuples become lists)."""
    import json

    return json.loads(json.dumps(value, default=str))
