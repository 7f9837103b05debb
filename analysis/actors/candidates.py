"""Candidate actors over a corpus: the people, organisations and places that
discovery (:mod:`analysis.actors.discovery`) finds and the codebook lacks, one
row per candidate with counts and a suggested codebook row to review."""
from __future__ import annotations

import pandas as pd

from analysis.actors.mentions import find_mentions
from analysis.names import name_parts

__all__ = ["discover_actors"]


def discover_actors(docs, *, codebook=None, min_mentions: int = 1) -> pd.DataFrame:
    """Candidate actors that the codebook lacks, over a corpus: one row per
    candidate (variants merged: ``Boris Johnson`` and ``Johnson`` are one),
    (a one-word person name also joins the only full name in the corpus
    with that surname), with ``candidate_id``, ``name``, ``kind``,
    ``mentions``, ``articles``,
    ``first_article``, ``surfaces`` (the forms seen), ``gender``,
    ``gender_basis`` and a suggested codebook row (``actor_id``, ``aliases``,
    ``side`` = ``other``, ``role`` empty) for a researcher to review and paste
    into a codebook.  Sorted by mentions, most first."""
    m = find_mentions(docs, codebook=codebook, discover=True)
    m = m[m["match"] == "discovered"].copy()
    cols = ["candidate_id", "name", "kind", "mentions", "articles", "first_article", "surfaces", "gender",
            "gender_basis", "actor_id", "aliases", "side", "role"]
    if m.empty:
        return pd.DataFrame(columns=cols)
    # across articles: a one-word person candidate ("Johnson") joins the one
    # full-name candidate of the corpus with that surname ("Boris Johnson")
    people = m.loc[m["kind"] == "person", ["actor_id", "name"]].drop_duplicates()
    by_surname: dict[str, set] = {}
    for cid, name in people.itertuples(index=False):
        if " " in name:
            by_surname.setdefault(name_parts(name)["surname"], set()).add((cid, name))
    remap = {}
    for cid, name in people.itertuples(index=False):
        if " " not in name and len(by_surname.get(name, ())) == 1:
            remap[cid] = next(iter(by_surname[name]))
    if remap:
        hit = m["actor_id"].isin(list(remap))
        m.loc[hit, "name"] = m.loc[hit, "actor_id"].map(lambda c: remap[c][1])
        m.loc[hit, "actor_id"] = m.loc[hit, "actor_id"].map(lambda c: remap[c][0])
    rows = []
    for cid, g in m.groupby("actor_id", sort=False):
        name = g["name"].iloc[0]
        surf = sorted(set(g["surface"]) - {name})
        known = g[g["gender"].isin(["female", "male"])]
        if len(known):
            gbest = known["gender"].value_counts().index[0]
            basis = known.loc[known["gender"] == gbest, "gender_basis"].iloc[0]
        else:
            gbest, basis = g["gender"].iloc[0], g["gender_basis"].iloc[0]
        rows.append({
            "candidate_id": cid, "name": name, "kind": g["kind"].iloc[0], "mentions": len(g),
            "articles": g["article_id"].nunique(), "first_article": g["article_id"].iloc[0],
            "surfaces": surf, "gender": gbest, "gender_basis": basis,
            "actor_id": cid.split(":", 1)[1], "aliases": surf, "side": "other", "role": "",
        })
    df = pd.DataFrame(rows, columns=cols)
    df = df[df["mentions"] >= min_mentions]
    return df.sort_values(["mentions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)
