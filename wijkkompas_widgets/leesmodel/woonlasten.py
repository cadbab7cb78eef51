"""The woonlastentoets as the page and the Word report both show it: the verdict per household in words and
signs, and the alt text of the chart."""

from __future__ import annotations

from ..analysis.woonlasten import Woonlastentoets, euro

# The verdict with a sign, so it never rests on colour alone.
OORDELEN = {"woonlastenneutraal": "✔ woonlastenneutraal", "niet woonlastenneutraal": "✘ niet woonlastenneutraal",
            "onbekend": "? onbekend"}


def oordeel_tekst(toets: Woonlastentoets) -> str:
    return OORDELEN.get(toets.oordeel, toets.oordeel)


def woonlasten_alt(uitkomsten: list[tuple[str, Woonlastentoets]]) -> str:
    """The chart in words: per household (by name) the verdict and the difference per month."""
    return "Woonlasten voor en na per huishouden: " + "; ".join(
        f"{naam}: {t.oordeel}, verschil {euro(t.verschil, teken=True)}" for naam, t in uitkomsten)
