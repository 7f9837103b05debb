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
* **Where the misses come from** (:func:`gender_breakdown`,
  :func:`side_breakdown`).  Every annotated source the package misses and
  every source it adds, put in the first class that explains it: the
  attribution (no package quote holds the statement, or it names another
  speaker), the name (the speaker is right but its name is not the fullest
  the article gives: ``Liu`` for ``Liu Xiaoming``, ``British MP George
  Galloway``), the kind (not a person), the gender (other or unknown); and
  every statement on the wrong side by whether its speaker is right.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

__all__ = ["CORPORA", "name_key", "fold", "predicted_quotes", "gender_sets", "gender_scores", "match_statements",
           "side_scores", "speakers_agreement", "gender_breakdown", "side_breakdown"]

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
    ``huawei_uk_5g``, ``bbc_news``, ``all`` (and ``bbc_news random stratum`` when
    ``scope`` has a ``stratum`` column), and ``sides`` under
    ``huawei_uk_5g``.  ``gold``: the annotation (``paragraph`` as int);
    ``scope``: the annotated articles; ``sides``: the Huawei sides file."""
    from analysis.actors.sides import load_sides

    pred = predicted_quotes(Path(shared), scope, sides)
    results = {}
    for corpus in ("huawei_uk_5g", "bbc_news", "all"):
        g = gold if corpus == "all" else gold[gold["corpus"] == corpus]
        p = pred if corpus == "all" else pred[pred["corpus"] == corpus]
        results[corpus] = {"gender": gender_scores(g, p)}
    if "stratum" in scope:  # BBC women stratum over-samples women: read the share on the random stratum only
        ids = set(scope.loc[(scope["corpus"] == "bbc_news") & (scope["stratum"] == "random"), "article_id"])
        results["bbc_news random stratum"] = {"gender": gender_scores(gold[gold["article_id"].isin(ids)],
                                                                      pred[pred["article_id"].isin(ids)])}
    matched = match_statements(gold[gold["corpus"] == "huawei_uk_5g"], pred[pred["corpus"] == "huawei_uk_5g"])
    results["huawei_uk_5g"]["sides"] = side_scores(matched, load_sides(sides).names)
    results["huawei_uk_5g"]["side_breakdown"] = side_breakdown(matched, load_sides(sides).names)
    results["all"]["gender_breakdown"] = {f"{c} / {g}": v for (c, g), v in sorted(gender_breakdown(gold, pred).items())}
    return results


def _same_person(pred_key: str, gold_key: str) -> bool:
    """A package name that is a part or an extension of the annotated one
    ("liu" / "liu xiaoming", "british mp george galloway" / "george galloway")."""
    if not pred_key or not gold_key:
        return False
    p, g = pred_key.split(), gold_key.split()
    return bool(set(p) & set(g)) and (p[-1] == g[-1] or p[0] == g[0] or set(p) <= set(g) or set(g) <= set(p))


def gender_breakdown(gold: pd.DataFrame, pred: pd.DataFrame) -> dict:
    """Every missed annotated source and every added package source of the
    gender score, by cause: ``{(cause, gender): [(article_id, name), ...]}``.
    Misses: ``attribution``, ``name``, ``kind``, ``gender unknown``, ``gender
    wrong``; additions: ``added: attribution``, ``added: name``, ``added: not a
    person``, ``added: annotated unknown``, ``added: gender wrong``."""
    g = gender_sets(gold, "speaker", "speaker_kind", "speaker_gender")
    p = gender_sets(pred, "speaker_name", "speaker_kind", "speaker_gender")
    named = pred[pred["speaker_name"].map(lambda n: isinstance(n, str) and bool(n.strip()))]
    pred_rows = {k: v for k, v in named.groupby([named["article_id"], named["speaker_name"].map(name_key)])}
    gold_rows = {k: v for k, v in gold.groupby([gold["article_id"], gold["speaker"].map(name_key)])}
    matched = match_statements(gold, pred)
    out: dict = {}
    for (aid, gender), names in g.items():
        for n in sorted(names - p.get((aid, gender), set())):
            rows = pred_rows.get((aid, n))
            if rows is not None:
                cause = ("kind" if not (rows["speaker_kind"] == "person").any() else
                         "gender wrong" if rows["speaker_gender"].isin(["female", "male"]).any() else "gender unknown")
            else:
                said = matched[(matched["article_id"] == aid) & (matched["speaker"].map(name_key) == n)]
                found = [name_key(x) for x in said["pred_speaker"].dropna()]
                cause = "name" if any(_same_person(f, n) for f in found) else "attribution"
            out.setdefault((cause, gender), []).append((aid, n))
    for (aid, gender), names in p.items():
        for n in sorted(names - g.get((aid, gender), set())):
            rows = gold_rows.get((aid, n))
            if rows is None:
                others = {name_key(x) for x in gold.loc[gold["article_id"] == aid, "speaker"]}
                cause = "added: name" if any(_same_person(n, o) for o in others) else "added: attribution"
            elif not (rows["speaker_kind"] == "person").any():
                cause = "added: not a person"
            elif not rows["speaker_gender"].isin(["female", "male"]).any():
                cause = "added: annotated unknown"
            else:
                cause = "added: gender wrong"
            out.setdefault((cause, gender), []).append((aid, n))
    return out


def side_breakdown(matched: pd.DataFrame, side_names) -> dict:
    """Matched statements on the wrong side, by cause: ``speaker wrong``
    (the quote's speaker is not the annotated one), ``no side`` (speaker
    right, package side unknown), ``other side`` (speaker right, side
    wrong): ``{cause: count}``."""
    matched = matched.assign(country=[c if c in side_names or c == "unknown" else "other" for c in matched["country"]])
    m = matched[matched["matched"] & (matched["pred_side"] != matched["country"])]
    out = {"speaker wrong": 0, "no side": 0, "other side": 0}
    for r in m.itertuples(index=False):
        p = name_key(r.pred_speaker or "")
        if not (p and p in (name_key(r.speaker), name_key(r.speaker_text))):
            out["speaker wrong"] += 1
        else:
            out["no side" if r.pred_side == "unknown" else "other side"] += 1
    return out
