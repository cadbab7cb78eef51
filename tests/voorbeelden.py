"""Test data that several layers share: the same inspraak form for the analysis, the page and the report, and
accounts for the tests of roles and history."""

from __future__ import annotations

from wijkkompas_widgets.analysis.inspraak import Inspraak, Moment, Onderdeel, Reactie
from wijkkompas_widgets.dossier import SYSTEEM, Gebruiker


def inspraak_voorbeeld() -> Inspraak:
    """Two parts (one fixed), two moments and three reactions."""
    return Inspraak(
        (Onderdeel("w", "Keuze van het warmtesysteem", "vast", "De raad koos al voor een warmtenet."),
         Onderdeel("s", "Inrichting straat", "open")),
        "We gaan opnieuw in gesprek; daarna besluit de raad.",
        (Moment("m1", "inloopavond", "s", "Buurthuis", "2026-03-14", "alle bewoners"),
         Moment("m2", "online reactieformulier", "s")),
        (Reactie("r1", "Meer bomen in de straat", "s", "m1", "We planten er twaalf.", "overgenomen"),
         Reactie("r2", "Liever een warmtepomp", "w", "m2", "Het warmtenet ligt vast.", "niet"),
         Reactie("r3", "Parkeren tijdens de werkzaamheden", "s")),
    )


def account(store, naam: str, weergavenaam: str) -> Gebruiker:
    """An account as the proxy or JupyterHub makes it on a first visit (no password: nothing to hash)."""
    return store.als(SYSTEEM).maak_gebruiker(naam, weergavenaam=weergavenaam, bron="proxy")
