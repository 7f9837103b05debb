"""First names with their gender: ``gender-guesser``'s list (about 61,000
names, pinned 0.4.0), read once and kept on disk (:mod:`analysis.core.derived`).
Evidence for gender (:mod:`analysis.names.gender`) and for a run of
capitalised words being a person (actor discovery)."""
from __future__ import annotations

import functools
from pathlib import Path

from analysis.core.derived import derived_table
from analysis.core.resources import package_files

__all__ = ["first_names", "first_names_sources", "build_first_names"]


@functools.cache
def first_names() -> dict[str, str]:
    """:func:`build_first_names`, kept on disk after the first build
    (:mod:`analysis.core.derived`)."""
    return derived_table("first_names", first_names_sources(), build_first_names)


def first_names_sources() -> list[Path]:
    return package_files("gender_guesser", "gender-guesser", "gender-guesser's first-name list",
                         "data", "nam_dict.txt")


def build_first_names() -> dict[str, str]:
    """Lower-case first name -> gender-guesser's verdict for it (``male``,
    ``female``, ``mostly_male``, ``mostly_female``, ``andy``).

    The same as ``Detector(case_sensitive=False).get_gender(name.capitalize())``
    for every name of the detector (gender-guesser 0.4.0, pinned), computed
    twice as fast: the data file is read in one go instead of line by line
    through ``codecs``, and the verdict (the gender listed in the most
    countries, ties to the higher country scores) is computed once per
    distinct list of country values instead of in one call per name."""
    import gender_guesser.detector as gd

    det = gd.Detector.__new__(gd.Detector)  # without its slow parse
    det.case_sensitive = False
    det.names = {}
    (source,) = first_names_sources()
    with open(source, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    for line in lines:
        det._eat_name_line(line.strip())
    names = det.names
    scores: dict[str, tuple[int, int]] = {}  # country values -> (count, tie) as get_gender counts them
    out = {}
    for name in names:
        entry = names.get(name.capitalize().lower())
        if entry is None:  # get_gender: "unknown"
            continue
        max_count = max_tie = 0
        best = next(iter(entry))
        for gender, country_values in entry.items():
            score = scores.get(country_values)
            if score is None:
                values = [ord(c) for c in country_values.replace(" ", "")]
                score = scores[country_values] = (len(values), sum(c > 64 and c - 55 or c - 48 for c in values))
            count, tie = score
            if count > max_count or (count == max_count and tie > max_tie):
                max_count, max_tie, best = count, tie, gender
        out[name.lower()] = best if max_count > 0 else "andy"
    return out
