"""The participant's page of a live workshop, imported without the rest of the werkboek.

A room of 30 opens this page at once and each page is its own kernel, so it loads only the store and
ipywidgets, not pandas and matplotlib: about 65 MB less per participant than ``werkboek``.
"""

from __future__ import annotations

from .widgets.context import lees_queryparameters, maak_context
from .widgets.workshop_deelnemer import DeelnemerWeergave


def open_deelnemer(*, store_url: str | None = None, query: dict[str, str] | None = None) -> DeelnemerWeergave:
    """The participant's page; the code in the page URL (``?code=…``) is filled in."""
    query = lees_queryparameters() if query is None else query
    return DeelnemerWeergave(maak_context(store_url, query), code=query.get("code", ""))
