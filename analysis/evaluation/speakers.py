"""Speaker gender and sides of the package's quote table against a hand
annotation of attributed statements (``benchmarks/annotations/speakers_dev.csv``
in the repository; the caller reads it and passes it in).

For every annotated article (the scope table gives the paragraphs read), the
article is loaded from the shared corpus and run through
:func:`analysis.sourcing.extract_quotes` with **no codebook** (these corpora
have none) and, for the Huawei corpus, a sides file.  Only quotes in the
annotated paragraphs count.

* **Gender of sources, Gender Gap Tracker style** (:func:`gender_scores`).
  Per article, the set of female and the set of male sources by the fullest
  name (annotation: ``speaker`` of rows with kind ``person``; package:
  ``speaker_name`` of quotes with ``speaker_kind`` person), matched exactly
  after lower-casing and dropping punctuation (:func:`name_key`).  Precision,
  recall and F1 summed over articles, for female and for male sources; and
  the women's share of the sources with a gender in the annotation and in
  the package.
* **Sides (Huawei)** (:func:`match_statements`, :func:`side_scores`).  Each
  annotated statement is matched to the package quote in the same paragraph
  whose text contains the annotation's ``quote_start`` (first 25 characters,
  quotation marks and spaces folded); its ``side`` (missing = ``unknown``) is
  compared with the annotation's ``country`` (a country the sides file does
  not list counts as ``other``).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

__all__ = ["CORPORA", "name_key", "fold", "predicted_quotes", "gender_sets", "gender_scores", "match_statements",
           "side_scores", "speakers_agreement"]

CORPORA = {"huawei_uk_5g": "corpora/huawei_uk_5g_2019_2022", "bbc_news": "corpora/bbc_news_2004_2005"}
_PUNCT = re.compile(r"[^\w\s]")


def name_key(name) -> str:
    """The Gender Gap Tracker's matching key: lower case, punctuation dropped,
    white space folded."""
    return " ".join(_PUNCT.sub("", str(name).lower()).split())


def fold(text: str) -> str:
    """Quotation marks dropped, white space folded, lower case."""
    return " ".join(re.sub(r"[“”\"'‘’]", "", str(text)).split()).lower()


def predicted_quotes(shared: Path, scope: pd.DataFrame, sides) -> pd.DataFrame:
    """The package's quotes for the annotated paragraphs of every article."""
    from analysis import load_corpus
    from analysis.sourcing import extract_quotes

    out = []
    for corpus, sub in scope.groupby("corpus", sort=False):
        articles = load_corpus(shared / CORPORA[corpus])
        articles = articles[articles["article_id"].isin(set(sub["article_id"]))]
        q = extract_quotes(articles, sides=sides if corpus == "huawei_uk_5g" else None)
        q = q.merge(sub[["article_id", "first_paragraph", "last_paragraph"]], on="article_id")
        q = q[(q["paragraph"] >= q["first_paragraph"]) & (q["paragraph"] <= q["last_paragraph"])]
        out.append(q.assign(corpus=corpus))
    return pd.concat(out, ignore_index=True)


def gender_sets(df: pd.DataFrame, name_col: str, kind_col: str, gender_col: str) -> dict:
    """{(article_id, gender): set of name keys} for people with a gender."""
    people = df[(df[kind_col] == "person") & df[gender_col].isin(["female", "male"])]
    sets: dict = {}
    for r in people.itertuples(index=False):
        name = getattr(r, name_col)
        if isinstance(name, str) and name.strip():
            sets.setdefault((r.article_id, getattr(r, gender_col)), set()).add(name_key(name))
    return sets


def gender_scores(gold: pd.DataFrame, pred: pd.DataFrame) -> dict:
    g = gender_sets(gold, "speaker", "speaker_kind", "speaker_gender")
    p = gender_sets(pred, "speaker_name", "speaker_kind", "speaker_gender")
    res = {}
    for gender in ("female", "male"):
        keys = {k for k in (*g, *p) if k[1] == gender}
        tp = sum(len(g.get(k, set()) & p.get(k, set())) for k in keys)
        n_gold = sum(len(g.get(k, set())) for k in keys)
        n_pred = sum(len(p.get(k, set())) for k in keys)
        prec = tp / n_pred if n_pred else float("nan")
        rec = tp / n_gold if n_gold else float("nan")
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        res[gender] = {"tp": tp, "gold": n_gold, "predicted": n_pred, "precision": 100 * prec,
                       "recall": 100 * rec, "f1": 100 * f1}
    share = lambda s: 100 * sum(len(v) for k, v in s.items() if k[1] == "female") / max(  # noqa: E731
        sum(len(v) for v in s.values()), 1)
    res["women_share"] = {"annotation": share(g), "package": share(p)}
    return res


def match_statements(gold: pd.DataFrame, pred: pd.DataFrame) -> pd.DataFrame:
    """Each annotated statement with the package quote that holds its start
    in the same paragraph (or none)."""
    rows = []
    by_par = {k: v for k, v in pred.groupby(["article_id", "paragraph"])}
    for r in gold.itertuples(index=False):
        cands = by_par.get((r.article_id, int(r.paragraph)))
        hit = None
        if cands is not None:
            start = fold(r.quote_start)[:25]
            texts = cands["text"].map(fold)
            ok = cands[texts.str.contains(start, regex=False) | texts.map(lambda t: len(t) > 8 and t[:25] in start)]
            if len(ok):
                hit = ok.iloc[0]
        rows.append({**r._asdict(), "matched": hit is not None,
                     "pred_side": (hit["side"] if hit is not None and isinstance(hit["side"], str) else "unknown"),
                     "pred_kind": hit["speaker_kind"] if hit is not None else None,
                     "pred_speaker": hit["speaker_name"] if hit is not None else None})
    return pd.DataFrame(rows)


def side_scores(matched: pd.DataFrame, side_names) -> dict:
    # a country the sides file does not list is on side "other"
    matched = matched.assign(country=[c if c in side_names or c == "unknown" else "other" for c in matched["country"]])
    m = matched[matched["matched"]]
    right = (m["pred_side"] == m["country"]).sum()
    known = m[m["country"] != "unknown"]
    # statements whose speaker the quote table has right (so the side is this module's doing)
    same = m[[name_key(p) in (name_key(g), name_key(t)) and bool(name_key(p))
              for p, g, t in zip(m["pred_speaker"].fillna(""), m["speaker"], m["speaker_text"])]]
    return {
        "statements": len(matched), "matched": int(len(m)),
        "right_side_of_matched": 100 * right / max(len(m), 1),
        "right_side_of_all": 100 * right / max(len(matched), 1),
        "right_side_where_annotation_knows": 100 * (known["pred_side"] == known["country"]).sum() / max(len(known), 1),
        "same_speaker": int(len(same)),
        "right_side_where_speaker_right": 100 * (same["pred_side"] == same["country"]).mean() if len(same) else 0.0,
        "unknown_rate": 100 * (m["pred_side"] == "unknown").mean() if len(m) else float("nan"),
        "kind_agreement_of_matched": 100 * (m["pred_kind"] == m["speaker_kind"]).mean() if len(m) else float("nan"),
    }


def speakers_agreement(gold: pd.DataFrame, scope: pd.DataFrame, *, shared: str | Path, sides) -> dict:
    """Every figure of the module docstring: ``{corpus: {"gender": ...}}`` for
    ``huawei_uk_5g``, ``bbc_news`` and ``all``, and ``sides`` under
    ``huawei_uk_5g``.  ``gold``: the annotation (``paragraph`` as int);
    ``scope``: the annotated articles; ``sides``: the Huawei sides file."""
    from analysis.actors.sides import load_sides

    pred = predicted_quotes(Path(shared), scope, sides)
    results = {}
    for corpus in ("huawei_uk_5g", "bbc_news", "all"):
        g = gold if corpus == "all" else gold[gold["corpus"] == corpus]
        p = pred if corpus == "all" else pred[pred["corpus"] == corpus]
        results[corpus] = {"gender": gender_scores(g, p)}
    matched = match_statements(gold[gold["corpus"] == "huawei_uk_5g"], pred[pred["corpus"] == "huawei_uk_5g"])
    results["huawei_uk_5g"]["sides"] = side_scores(matched, load_sides(sides).names)
    return results
