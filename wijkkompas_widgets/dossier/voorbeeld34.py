"""Phases 3–4 of the example dossier: koppelkansen taken over from phase 2 and scored, the opgave matrix,
criteria with each party's points (fixed, so the log shows it), three integrated strategies with scores,
and the woonlastentoets. The final choice is left open on purpose: that is what a newcomer tries.

Placed through the store's public methods, so the example goes through the same checks as a user's
input. It runs once, right after the kernel that created the example dossier placed phases 1–2; if it
fails halfway the example just has less in phases 3–4 (logged), which never harms a user's own dossiers.
"""

from __future__ import annotations

import logging

from ..analysis.koppelkansen import kandidaten_uit_fase2, marge_uit_formulier
from ..analysis.mca import gezamenlijke_gewichten
from . import formulieren
from .model import WerkboekFout
from .records import StrategieInvoer

log = logging.getLogger("wijkkompas")


def _kans_met_titel(koppelkansen, begin: str):
    kans = next((k for k in koppelkansen if k.titel.startswith(begin)), None)
    if kans is None:
        raise WerkboekFout(f"voorbeelddossier: geen koppelkans die begint met '{begin}'")
    return kans


def _met_nummers(knoop, partijen: dict[str, int], kansen) -> object:
    """The example names parties and koppelkansen (``partij_naam``, ``partij_namen``, ``koppelkans_titel``: the
    start of the title); the forms store their numbers (``partij_id``, ``partij_ids``, ``koppelkans_id``)."""
    if isinstance(knoop, list):
        return [_met_nummers(item, partijen, kansen) for item in knoop]
    if not isinstance(knoop, dict):
        return knoop
    uit = {}
    for sleutel, waarde in knoop.items():
        if sleutel == "partij_naam":
            uit["partij_id"] = partijen[waarde]
        elif sleutel == "partij_namen":
            uit["partij_ids"] = [partijen[naam] for naam in waarde]
        elif sleutel == "koppelkans_titel":
            uit["koppelkans_id"] = _kans_met_titel(kansen, waarde).id
        else:
            uit[sleutel] = _met_nummers(waarde, partijen, kansen)
    return uit


def plaats_voorbeeld_fase34(store, dossier_id: str, gegevens: dict) -> None:
    if not gegevens:
        return
    # koppelkansen: candidates from phase 2, then scores and decisions
    marge = marge_uit_formulier(store.formulier(dossier_id, formulieren.NATUURLIJKE_MOMENTEN)[0])
    sociale = store.formulier(dossier_id, formulieren.SOCIALE_KOPPELKANSEN)[0]
    store.importeer_koppelkansen(dossier_id, kandidaten_uit_fase2(store.planning_werken(dossier_id), marge, sociale))
    for item in gegevens.get("koppelkansen") or ():
        kans = _kans_met_titel(store.koppelkansen(dossier_id), item["titel_begint_met"])
        kans = store.zet_koppelkans_scores(dossier_id, kans.id, item["scores"], kans.versie)
        if item.get("besluit"):
            store.besluit_koppelkans(dossier_id, kans.id, item["besluit"], item.get("reden", ""), kans.versie,
                                     aanwezig=gegevens.get("aanwezig", ""))
    partijnummers = {p.naam: p.id for p in store.partijen(dossier_id)}
    kansen = store.koppelkansen(dossier_id)
    for sleutel, formulier in (gegevens.get("formulieren") or {}).items():
        store.bewaar_formulier(dossier_id, sleutel, _met_nummers(formulier, partijnummers, kansen), 0)

    # criteria and weights, fixed before scoring
    criteria = {c.catalogus_id: c.id for c in store.neem_standaardcriteria_over(dossier_id)}
    partijen = {p.naam: p.id for p in store.partijen(dossier_id)}
    for partij_naam, punten in (gegevens.get("weging") or {}).items():
        store.zet_weging(dossier_id, partijen[partij_naam], {criteria[c]: p for c, p in punten.items()})
    per_partij = {str(p): {str(c): v for c, v in punten.items()} for p, punten in store.wegingen(dossier_id).items()}
    if per_partij and gegevens.get("vastzetten"):
        gezamenlijk = gezamenlijke_gewichten(per_partij)
        store.zet_weging_vast(dossier_id, {int(c): g for c, g in gezamenlijk.items()},
                              gegevens["vastzetten"]["aanwezig"], gegevens["vastzetten"]["onderbouwing"])

    # integrated strategies and their scores
    kansen = store.koppelkansen(dossier_id)
    for item in gegevens.get("strategieen") or ():
        kans_ids = tuple(_kans_met_titel(kansen, begin).id for begin in item.get("koppelkansen") or ())
        strategie = store.voeg_strategie_toe(dossier_id, StrategieInvoer(
            item["naam"], item["warmtestrategie"], kans_ids, item.get("fasering", ""), item.get("omschrijving", "")))
        for criterium, score in (item.get("scores") or {}).items():
            store.zet_score(dossier_id, strategie.id, criteria[criterium], score)


def plaats_veilig(store, dossier_id: str, gegevens: dict) -> None:
    """The example's phases 3–4, or a log line when that failed (the rest of the example stays)."""
    try:
        plaats_voorbeeld_fase34(store, dossier_id, gegevens)
    except (WerkboekFout, KeyError, TypeError, ValueError):
        log.exception("fase 3-4 van het voorbeelddossier konden niet worden geplaatst")
