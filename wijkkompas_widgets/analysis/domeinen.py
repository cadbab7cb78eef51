"""Sociale koppelkansen and municipal domains: what already runs in the wijk, what is needed, and which
opgaven it touches.

Kept as plain data (one JSON form per dossier) so phase 3 can pick the koppelkansen up as candidates
for its register without knowing about widgets.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..dossier.model import InvoerFout, nu
from ..dossier.validatie import MAX_KORT, naam_sleutel, schone_tekst

MAX_TEKST = 600
MAX_KOPPELKANSEN = 100


@dataclass(frozen=True)
class DomeinInvoer:
    """What the team knows of one municipal domain in this wijk."""

    domein_id: str
    programma: str = ""  # what runs in the wijk already
    behoefte: str = ""  # what is needed / signalled
    opgaven: tuple[str, ...] = ()

    @property
    def ingevuld(self) -> bool:
        return bool(self.programma or self.behoefte)

    def als_dict(self) -> dict:
        return {"programma": self.programma, "behoefte": self.behoefte, "opgaven": list(self.opgaven)}


@dataclass(frozen=True)
class SocialeKoppelkans:
    id: str
    titel: str
    domein_id: str
    opgaven: tuple[str, ...]
    beschrijving: str = ""
    aangemaakt: str = ""  # ISO time; keeps the list in the order people added to it

    def als_dict(self) -> dict:
        return {"titel": self.titel, "domein": self.domein_id, "opgaven": list(self.opgaven),
                "beschrijving": self.beschrijving, "aangemaakt": self.aangemaakt}


def controleer_domein(invoer: DomeinInvoer, domein_ids: set[str], opgave_ids: list[str]) -> DomeinInvoer:
    """Clean texts; opgaven kept in the workbook's order."""
    if invoer.domein_id not in domein_ids:
        raise InvoerFout("Kies eerst een domein uit de lijst.")
    onbekend = [o for o in invoer.opgaven if o not in opgave_ids]
    if onbekend:
        raise InvoerFout("Kies alleen transitieopgaven uit de lijst.")
    return DomeinInvoer(
        invoer.domein_id,
        schone_tekst(invoer.programma, "Het programma", maximum=MAX_TEKST),
        schone_tekst(invoer.behoefte, "De behoefte", maximum=MAX_TEKST),
        tuple(o for o in opgave_ids if o in set(invoer.opgaven)),
    )


def nieuwe_koppelkans(
    titel: str, domein_id: str, opgaven: tuple[str, ...], beschrijving: str,
    bestaande: list[SocialeKoppelkans], domein_ids: set[str], opgave_ids: set[str],
) -> SocialeKoppelkans:
    """A new koppelkans, checked: a title, a known domain, at least one opgave, no duplicate title."""
    titel = schone_tekst(titel, "De naam van de koppelkans", maximum=MAX_KORT, verplicht=True)
    if domein_id not in domein_ids:
        raise InvoerFout("Kies bij welk gemeentelijk domein deze koppelkans hoort.")
    if not opgaven:
        raise InvoerFout("Kies minstens één transitieopgave waar deze koppelkans aan bijdraagt.")
    if any(o not in opgave_ids for o in opgaven):
        raise InvoerFout("Kies alleen transitieopgaven uit de lijst.")
    if any(naam_sleutel(k.titel) == naam_sleutel(titel) for k in bestaande):
        raise InvoerFout(f"Er staat al een koppelkans met de naam '{titel}' in de lijst.")
    if len(bestaande) >= MAX_KOPPELKANSEN:
        raise InvoerFout(f"De lijst heeft al {MAX_KOPPELKANSEN} koppelkansen; verwijder er eerst een.")
    beschrijving = schone_tekst(beschrijving, "De beschrijving", maximum=MAX_TEKST)
    return SocialeKoppelkans(uuid.uuid4().hex[:12], titel, domein_id, tuple(opgaven), beschrijving,
                             nu().isoformat(timespec="seconds"))


def lees_formulier(gegevens: dict, domein_ids: list[str]) -> tuple[dict[str, DomeinInvoer], list[SocialeKoppelkans]]:
    """The saved form as objects; tolerant of missing keys, drops unknown domains. Koppelkansen are
    stored per id (a removed one as ``None``), so two people adding at once never collide."""
    domeinen = {}
    for domein_id in domein_ids:
        item = (gegevens.get("domeinen") or {}).get(domein_id) or {}
        domeinen[domein_id] = DomeinInvoer(
            domein_id, str(item.get("programma") or ""), str(item.get("behoefte") or ""),
            tuple(str(o) for o in item.get("opgaven") or ()),
        )
    opgeslagen = gegevens.get("koppelkansen") if isinstance(gegevens.get("koppelkansen"), dict) else {}
    koppelkansen = [
        SocialeKoppelkans(str(kans_id), str(k.get("titel") or ""), str(k.get("domein") or ""),
                          tuple(str(o) for o in k.get("opgaven") or ()), str(k.get("beschrijving") or ""),
                          str(k.get("aangemaakt") or ""))
        for kans_id, k in opgeslagen.items() if isinstance(k, dict)
    ]
    koppelkansen.sort(key=lambda k: (k.aangemaakt, k.titel))
    return domeinen, koppelkansen


def domein_opgave_matrix(
    domeinen: dict[str, DomeinInvoer], koppelkansen: list[SocialeKoppelkans], opgave_ids: list[str]
) -> dict[str, dict[str, int]]:
    """Per domain and opgave how many links the team made (domain link + koppelkansen): shows which
    opgaven have social partners and which have none yet."""
    matrix = {d: dict.fromkeys(opgave_ids, 0) for d in domeinen}
    for domein_id, invoer in domeinen.items():
        if invoer.ingevuld:
            for opgave in invoer.opgaven:
                if opgave in matrix[domein_id]:
                    matrix[domein_id][opgave] += 1
    for kans in koppelkansen:
        for opgave in kans.opgaven:
            if kans.domein_id in matrix and opgave in matrix[kans.domein_id]:
                matrix[kans.domein_id][opgave] += 1
    return matrix


def opgaven_zonder_sociale_partner(matrix: dict[str, dict[str, int]], opgave_ids: list[str]) -> list[str]:
    return [o for o in opgave_ids if not any(rij.get(o) for rij in matrix.values())]
