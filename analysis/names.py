"""The lookup key of a name, shared by everything that matches names
(codebook, sides files, discovery, speakers): one definition, no imports
from the rest of the package, so that any module may use it."""
from __future__ import annotations

import functools
import re

_POSSESSIVE = re.compile(r"['’]s?$")
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """The lookup key of a name: quotation marks straightened, possessive
    ``'s`` removed, a leading ``the`` dropped, white space folded, case folded."""
    return _normalised(name if isinstance(name, str) else str(name))


@functools.lru_cache(maxsize=1 << 16)  # the same names recur in every article of a story
def _normalised(name: str) -> str:
    s = name.replace("’", "'").replace("‘", "'").strip().strip('"“”').strip()
    s = _POSSESSIVE.sub("", s) if s.endswith(("'s", "'", "’s")) and len(s) > 2 else s
    s = _SPACES.sub(" ", s).strip(" ,.;:")
    if s.lower().startswith("the "):
        s = s[4:]
    return s.casefold()
