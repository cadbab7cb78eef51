"""Roles and capacity: who pulls which task, who does too much, which spoor nobody works on.

Pure functions on the store's plain data (tasks, parties, roles). Roles that point to a task or
party not in the given lists are ignored, so a half-deleted item never breaks the analysis.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..content import SPOOR_LETTERS
from ..dossier.model import Partij
from ..dossier.records import Rol, Taak

BEZETTENDE_ROLLEN = ("trekker", "meedenker")


def uren_tekst(uren: float) -> str:
    """Hours the Dutch way: '12', '7,5', '0,25'."""
    afgerond = round(float(uren), 2)
    if afgerond == int(afgerond):
        return str(int(afgerond))
    return f"{afgerond:.2f}".rstrip("0").replace(".", ",")


@dataclass(frozen=True)
class Belasting:
    """The hours a party has taken on in all tasks, against what it can put in."""

    partij_id: int
    partij: str
    uren: float
    capaciteit: float | None

    @property
    def capaciteit_bekend(self) -> bool:
        return self.capaciteit is not None

    @property
    def boven_capaciteit(self) -> bool:
        return self.capaciteit is not None and self.uren > self.capaciteit

    @property
    def oordeel(self) -> str:
        """The verdict in words with a symbol (never colour alone), for the page and the report."""
        if self.boven_capaciteit:
            return f"⚠ boven capaciteit (+{uren_tekst(self.teveel)} uur)"
        if self.capaciteit_bekend:
            return "✔ binnen capaciteit"
        if self.uren > 0:
            return "⚠ capaciteit onbekend"
        return "capaciteit onbekend, nog geen uren"

    @property
    def teveel(self) -> float:
        """Hours above capacity (0 when within capacity or capacity unknown)."""
        return round(self.uren - self.capaciteit, 2) if self.boven_capaciteit else 0.0


@dataclass(frozen=True)
class Signaal:
    """One point of attention, with a Dutch text that can be shown as it is."""

    soort: str  # zonder-trekker, meerdere-trekkers, boven-capaciteit, capaciteit-onbekend, spoor-zonder-bezetting
    onderwerp: object  # task id, party id or spoor letter
    tekst: str


# kind of signal: (singular, plural) label, in the order signals are listed
SOORTEN: dict[str, tuple[str, str]] = {
    "zonder-trekker": ("taak zonder trekker", "taken zonder trekker"),
    "meerdere-trekkers": ("taak met meer dan één trekker", "taken met meer dan één trekker"),
    "boven-capaciteit": ("partij boven haar capaciteit", "partijen boven hun capaciteit"),
    "capaciteit-onbekend": ("partij met uren maar onbekende capaciteit", "partijen met uren maar onbekende capaciteit"),
    "spoor-zonder-bezetting": ("spoor zonder bezetting", "sporen zonder bezetting"),
}


def _geldige_rollen(taken: Sequence[Taak], partijen: Sequence[Partij], rollen: Iterable[Rol]) -> list[Rol]:
    taak_ids = {t.id for t in taken}
    partij_ids = {p.id for p in partijen}
    return [r for r in rollen if r.taak_id in taak_ids and r.partij_id in partij_ids]


def belasting_per_partij(partijen: Sequence[Partij], rollen: Iterable[Rol]) -> list[Belasting]:
    """Per party (in the given order) the total hours per month over its roles, and its capacity."""
    partij_ids = {p.id for p in partijen}
    uren: dict[int, list[float]] = {p.id: [] for p in partijen}
    for rol in rollen:
        if rol.partij_id in partij_ids:
            uren[rol.partij_id].append(float(rol.uren_per_maand))
    return [Belasting(p.id, p.naam, round(math.fsum(uren[p.id]), 2), p.capaciteit_uren) for p in partijen]


def trekkers_per_taak(taken: Sequence[Taak], partijen: Sequence[Partij], rollen: Iterable[Rol]) -> dict[int, list[str]]:
    """Per task id the names of its trekkers (in party order)."""
    volgorde = {p.id: i for i, p in enumerate(partijen)}
    namen = {p.id: p.naam for p in partijen}
    per_taak: dict[int, list[int]] = {t.id: [] for t in taken}
    for rol in _geldige_rollen(taken, partijen, rollen):
        if rol.rol == "trekker":
            per_taak[rol.taak_id].append(rol.partij_id)
    return {taak_id: [namen[p] for p in sorted(ids, key=volgorde.get)] for taak_id, ids in per_taak.items()}


def taken_zonder_trekker(taken: Sequence[Taak], partijen: Sequence[Partij], rollen: Iterable[Rol]) -> list[Taak]:
    trekkers = trekkers_per_taak(taken, partijen, rollen)
    return [t for t in taken if not trekkers[t.id]]


def taken_met_meerdere_trekkers(
    taken: Sequence[Taak], partijen: Sequence[Partij], rollen: Iterable[Rol]
) -> list[tuple[Taak, list[str]]]:
    trekkers = trekkers_per_taak(taken, partijen, rollen)
    return [(t, trekkers[t.id]) for t in taken if len(trekkers[t.id]) > 1]


def bezette_sporen(taken: Sequence[Taak], partijen: Sequence[Partij], rollen: Iterable[Rol]) -> dict[str, list[str]]:
    """Per spoor A-F the names of the tasks in it that have a trekker or meedenker."""
    per_id = {t.id: t for t in taken}
    bezet: dict[str, list[str]] = {letter: [] for letter in SPOOR_LETTERS}
    gezien: set[int] = set()
    for rol in _geldige_rollen(taken, partijen, rollen):
        taak = per_id[rol.taak_id]
        if rol.rol in BEZETTENDE_ROLLEN and taak.id not in gezien and taak.spoor in bezet:
            gezien.add(taak.id)
            bezet[taak.spoor].append(taak.naam)
    return bezet


def sporen_zonder_bezetting(taken: Sequence[Taak], partijen: Sequence[Partij], rollen: Iterable[Rol]) -> list[str]:
    """Spoor letters with no task that has a trekker or a meedenker."""
    return [letter for letter, namen in bezette_sporen(taken, partijen, rollen).items() if not namen]


def _namen(namen: Sequence[str]) -> str:
    namen = [f"'{n}'" for n in namen]
    return namen[0] if len(namen) == 1 else ", ".join(namen[:-1]) + " en " + namen[-1]


def signalen(
    taken: Sequence[Taak],
    partijen: Sequence[Partij],
    rollen: Iterable[Rol],
    spoornamen: Mapping[str, str] | None = None,
) -> list[Signaal]:
    """All points of attention, grouped by kind (in the order of ``SOORTEN``)."""
    rollen = _geldige_rollen(taken, partijen, rollen)
    spoornamen = spoornamen or {}
    uit: list[Signaal] = []
    for taak in taken_zonder_trekker(taken, partijen, rollen):
        uit.append(Signaal("zonder-trekker", taak.id,
                           f"Taak '{taak.naam}' (spoor {taak.spoor}) heeft nog geen trekker. "
                           "Spreek af welke partij deze taak trekt."))
    for taak, namen in taken_met_meerdere_trekkers(taken, partijen, rollen):
        uit.append(Signaal("meerdere-trekkers", taak.id,
                           f"Taak '{taak.naam}' heeft {len(namen)} trekkers ({_namen(namen)}); dan is onduidelijk "
                           "wie eindverantwoordelijk is. Maak één partij trekker en de andere meedenker."))
    belasting = belasting_per_partij(partijen, rollen)
    for regel in belasting:
        if regel.boven_capaciteit:
            uit.append(Signaal("boven-capaciteit", regel.partij_id,
                               f"'{regel.partij}' heeft {uren_tekst(regel.uren)} uur per maand aan taken, "
                               f"{uren_tekst(regel.teveel)} uur meer dan de capaciteit van "
                               f"{uren_tekst(regel.capaciteit)} uur. Verdeel taken anders of spreek meer "
                               "capaciteit af."))
    for regel in belasting:
        if regel.uren > 0 and not regel.capaciteit_bekend:
            uit.append(Signaal("capaciteit-onbekend", regel.partij_id,
                               f"'{regel.partij}' heeft {uren_tekst(regel.uren)} uur per maand aan taken, maar "
                               "de capaciteit is nog onbekend. Vraag hoeveel uur deze partij echt kan inzetten."))
    for letter in sporen_zonder_bezetting(taken, partijen, rollen):
        naam = f" ({spoornamen[letter]})" if letter in spoornamen else ""
        uit.append(Signaal("spoor-zonder-bezetting", letter,
                           f"Spoor {letter}{naam} heeft geen bezetting: geen enkele taak in dit spoor heeft een "
                           "trekker of meedenker."))
    return uit
