"""Linking a speaker's name to the actor codebook: the codebook row of the
actor :func:`analysis.actors.codebook.resolve_actor` finds, as a dict."""
from __future__ import annotations

import pandas as pd

from analysis.actors.codebook import load_codebook, resolve_actor


def lookup_actor(name: str, codebook) -> dict | None:
    """The codebook entry for ``name`` as a dict (``actor_id``, ``name``,
    ``side``, ``kind``, ``gender``) or None, through
    :func:`analysis.actors.codebook.resolve_actor`."""
    if not name:
        return None
    try:
        actor_id = resolve_actor(name, codebook=codebook)
    except (KeyError, ValueError, LookupError):
        return None
    if actor_id is None:
        return None
    table = load_codebook_table(codebook)
    if table is None or "actor_id" not in table:
        return {"actor_id": actor_id}
    rows = table.loc[table["actor_id"] == actor_id]
    return rows.iloc[0].to_dict() if len(rows) else {"actor_id": actor_id}


def load_codebook_table(codebook) -> pd.DataFrame:
    """The codebook as a table: the given one, the file at a given path, or
    the shipped one for None."""
    if isinstance(codebook, pd.DataFrame):
        return codebook
    return load_codebook(codebook)
