"""Store part for the criteria and each party's weights (phase 3), and fixing the weights before any
strategy is scored (steps 1, 2 and 4 of the order of work in ``dossier.afweging``).

Fixing is a snapshot with date plus an automatic besluitenlog entry, in one transaction; while the weights
are fixed, criteria and weights cannot change; withdrawing the fixing is a log entry too, and the old snapshot
stays as history. Points per party need not add up to 100: normalising is the analysis's job.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .besluiten import BesluitenOpslag
from .model import GelijktijdigGewijzigd, InvoerFout, nu
from .records import CRITERIUM_WEG, KNOOPPUNT_WEGING, MAX_WAT, Criterium, Vastzetting, controleer_punten

MAX_CRITERIA = 15

_VASTGEZET = ("De weging is vastgezet; trek haar eerst in als je criteria of punten wilt veranderen. "
              "Het intrekken komt in het besluitenlog.")

_PARTIJ_WEG = "Deze partij bestaat niet (meer) in dit dossier; misschien heeft iemand anders haar verwijderd."


def _controleer_criterium(naam: object, omschrijving: object) -> tuple[str, str]:
    naam = validatie.schone_tekst(naam, "De naam van het criterium", maximum=validatie.MAX_NAAM, verplicht=True)
    omschrijving = validatie.schone_tekst(omschrijving, "De omschrijving van het criterium",
                                          maximum=validatie.MAX_TOELICHTING)
    return naam, omschrijving


def _controleer_catalogus_id(catalogus_id: object) -> str | None:
    if catalogus_id in (None, ""):
        return None
    return validatie.schone_tekst(catalogus_id, "De verwijzing naar de criteriumlijst", maximum=80)


def _genormaliseerd(waarden: Mapping[int, float]) -> dict[int, float]:
    totaal = sum(waarden.values())
    return {k: (v / totaal if totaal > 0 else 0.0) for k, v in waarden.items()}


def _controleer_gewichten(gewichten: object) -> dict[int, float]:
    if not isinstance(gewichten, Mapping) or not gewichten:
        raise InvoerFout("Er zijn geen gewichten om vast te zetten; geef de criteria eerst punten.")
    schoon: dict[int, float] = {}
    for criterium_id, waarde in gewichten.items():
        if not validatie.is_rij_id(criterium_id):
            raise InvoerFout(CRITERIUM_WEG)
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or not math.isfinite(waarde) or waarde < 0:
            raise InvoerFout("Een gewicht is een getal van 0 of meer; er is niets vastgezet.")
        schoon[criterium_id] = float(waarde)
    if sum(schoon.values()) <= 0:
        raise InvoerFout("Alle gewichten zijn 0; er is niets vastgezet. Geef de criteria eerst punten.")
    return _genormaliseerd(schoon)


def _procent(gewicht: float) -> str:
    return f"{round(gewicht * 100):d}%"


def _sleutels_naar_int(gegevens: Mapping) -> dict:
    return {int(k): (_sleutels_naar_int(v) if isinstance(v, Mapping) else v) for k, v in gegevens.items()}


def _criterium(rij) -> Criterium:
    return Criterium(rij.id, rij.naam, rij.omschrijving, rij.volgorde, rij.versie, rij.catalogus_id)


def _vastzetting(rij) -> Vastzetting:
    gegevens = json.loads(rij.gewichten)
    return Vastzetting(
        id=rij.id, vastgezet=rij.vastgezet, besluit_id=rij.besluit_id, ingetrokken=rij.ingetrokken,
        intrekking_besluit_id=rij.intrekking_besluit_id,
        gewichten=_sleutels_naar_int(gegevens.get("gewichten", {})),
        per_partij=_sleutels_naar_int(gegevens.get("per_partij", {})),
        punten=_sleutels_naar_int(gegevens.get("punten", {})),
        criteria=_sleutels_naar_int(gegevens.get("criteria", {})),
        partijen=_sleutels_naar_int(gegevens.get("partijen", {})),
    )


class WegingOpslag(BesluitenOpslag):
    """Criteria, weights and their fixing; every fixing and withdrawal is a besluitenlog entry."""

    def criteria(self, dossier_id: str) -> list[Criterium]:
        """The criteria of a dossier in their order."""
        tabel = schema.criterium
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(
                select(tabel).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.volgorde, tabel.c.id)
            ).all()
        return [_criterium(r) for r in rijen]

    def voeg_criterium_toe(self, dossier_id: str, naam: str, omschrijving: str = "", *,
                           catalogus_id: str | None = None) -> Criterium:
        naam, omschrijving = _controleer_criterium(naam, omschrijving)
        catalogus_id = _controleer_catalogus_id(catalogus_id)
        with self._schrijf_uniek(dossier_id, naam, "een criterium") as conn:
            self._controleer_niet_vastgezet(conn, dossier_id)
            aantal, hoogste = conn.execute(
                select(func.count(), func.coalesce(func.max(schema.criterium.c.volgorde), 0))
                .where(schema.criterium.c.dossier_id == dossier_id)
            ).one()
            if aantal >= MAX_CRITERIA:
                raise InvoerFout(f"Een afweging heeft hoogstens {MAX_CRITERIA} criteria; verwijder er eerst een.")
            criterium_id = self._nieuw_criterium(conn, dossier_id, naam, omschrijving, catalogus_id, hoogste + 1)
        return self._criterium_van(dossier_id, criterium_id)

    def wijzig_criterium(self, dossier_id: str, criterium_id: int, naam: str, omschrijving: str,
                         versie: int) -> Criterium:
        """Save an edit made on version ``versie``; refuses if someone saved another edit meanwhile."""
        naam, omschrijving = _controleer_criterium(naam, omschrijving)
        tabel = schema.criterium
        with self._schrijf_uniek(dossier_id, naam, "een criterium") as conn:
            self._controleer_niet_vastgezet(conn, dossier_id)
            resultaat = conn.execute(
                update(tabel)
                .where(tabel.c.id == criterium_id, tabel.c.dossier_id == dossier_id, tabel.c.versie == versie)
                .values(naam=naam, naam_sleutel=validatie.naam_sleutel(naam), omschrijving=omschrijving,
                        versie=tabel.c.versie + 1, gewijzigd=nu())
            )
            if resultaat.rowcount == 0:
                self._criterium_rij(conn, dossier_id, criterium_id)
                raise GelijktijdigGewijzigd(
                    "Iemand anders heeft dit criterium intussen gewijzigd. Je wijziging is niet opgeslagen; "
                    "de nieuwste gegevens staan nu in de lijst."
                )
        return self._criterium_van(dossier_id, criterium_id)

    def verwijder_criterium(self, dossier_id: str, criterium_id: int) -> None:
        """Remove a criterion with the points and scores given on it."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._controleer_niet_vastgezet(conn, dossier_id)
            self._criterium_rij(conn, dossier_id, criterium_id)
            conn.execute(delete(schema.weging).where(schema.weging.c.criterium_id == criterium_id))
            conn.execute(delete(schema.strategie_score).where(schema.strategie_score.c.criterium_id == criterium_id))
            conn.execute(delete(schema.criterium).where(schema.criterium.c.id == criterium_id))

    def zet_standaardcriteria(self, dossier_id: str, items: Iterable[Sequence[str | None]]) -> list[Criterium]:
        """Start a dossier's criteria from a default set: ``(naam, omschrijving)`` or ``(naam,
        omschrijving, catalogus_id)`` per criterion, all in one transaction, only while it has none."""
        schoon: list[tuple[str, str, str | None]] = []
        for item in items:
            naam, omschrijving = _controleer_criterium(item[0], item[1] if len(item) > 1 else "")
            catalogus_id = _controleer_catalogus_id(item[2] if len(item) > 2 else None)
            if any(validatie.naam_sleutel(naam) == validatie.naam_sleutel(n) for n, _, _ in schoon):
                raise InvoerFout(f"Het criterium '{naam}' staat twee keer in de lijst; er is niets opgeslagen.")
            schoon.append((naam, omschrijving, catalogus_id))
        if not schoon:
            raise InvoerFout("Er zijn geen criteria om over te nemen; er is niets opgeslagen.")
        if len(schoon) > MAX_CRITERIA:
            raise InvoerFout(f"Een afweging heeft hoogstens {MAX_CRITERIA} criteria; er is niets opgeslagen.")
        with self._schrijf_uniek(dossier_id, None, "een criterium") as conn:
            self._controleer_niet_vastgezet(conn, dossier_id)
            aantal = conn.execute(select(func.count()).select_from(schema.criterium)
                                  .where(schema.criterium.c.dossier_id == dossier_id)).scalar_one()
            if aantal:
                raise InvoerFout("Dit dossier heeft al criteria; de standaardset is niet nog eens toegevoegd.")
            for volgorde, (naam, omschrijving, catalogus_id) in enumerate(schoon, start=1):
                self._nieuw_criterium(conn, dossier_id, naam, omschrijving, catalogus_id, volgorde)
        return self.criteria(dossier_id)

    def neem_standaardcriteria_over(self, dossier_id: str) -> list[Criterium]:
        """Start from the criteria marked ``standaard`` in ``data/criteria.yaml`` (linked by their
        catalogue id, for the 1-5 scale texts); only while the dossier has no criteria."""
        fase34 = self._inhoud.fase34
        items = [(c.naam, c.omschrijving, c.id) for c in (fase34.criteria if fase34 else ()) if c.standaard]
        return self.zet_standaardcriteria(dossier_id, items)

    def wegingen(self, dossier_id: str) -> dict[int, dict[int, float]]:
        """Points per party and criterium: ``{partij_id: {criterium_id: punten}}``. A party that gave no
        points is absent, and a criterion added after a party gave its points is absent from that
        party's map: both are 'onbekend', not zero."""
        weging = schema.weging
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(
                select(weging.c.partij_id, weging.c.criterium_id, weging.c.punten)
                .join(schema.partij, schema.partij.c.id == weging.c.partij_id)
                .join(schema.criterium, schema.criterium.c.id == weging.c.criterium_id)
                .where(weging.c.dossier_id == dossier_id, schema.partij.c.dossier_id == dossier_id,
                       schema.criterium.c.dossier_id == dossier_id)
                .order_by(weging.c.partij_id, schema.criterium.c.volgorde)
            ).all()
        uitkomst: dict[int, dict[int, float]] = {}
        for partij_id, criterium_id, punten in rijen:
            uitkomst.setdefault(partij_id, {})[criterium_id] = float(punten)
        return uitkomst

    def zet_weging(self, dossier_id: str, partij_id: int, punten: Mapping[int, float]) -> dict[int, float]:
        """Replace one party's points (one transaction). Every criterion of the dossier needs a number
        (0 is allowed): a missing one is 'no answer', which is not the same as 'not important'."""
        schoon = controleer_punten(punten)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._controleer_niet_vastgezet(conn, dossier_id)
            self._partij_rij(conn, dossier_id, partij_id)
            eigen = dict(conn.execute(select(schema.criterium.c.id, schema.criterium.c.naam)
                                      .where(schema.criterium.c.dossier_id == dossier_id)
                                      .order_by(schema.criterium.c.volgorde)).all())
            if not set(schoon) <= set(eigen):
                raise InvoerFout(CRITERIUM_WEG)
            ontbreekt = [naam for criterium_id, naam in eigen.items() if criterium_id not in schoon]
            if ontbreekt:
                raise InvoerFout(f"Geef elk criterium punten (0 mag ook); nog niet ingevuld: {', '.join(ontbreekt)}. "
                                 "Er is niets opgeslagen.")
            self._vervang_weging(conn, dossier_id, partij_id, schoon)
        return schoon

    @staticmethod
    def _vervang_weging(conn: Connection, dossier_id: str, partij_id: int, schoon: Mapping[int, float]) -> None:
        """Replace a party's points (checked by ``controleer_punten``) inside the caller's transaction."""
        conn.execute(delete(schema.weging).where(schema.weging.c.partij_id == partij_id))
        moment = nu()
        conn.execute(insert(schema.weging), [
            {"dossier_id": dossier_id, "partij_id": partij_id, "criterium_id": criterium_id, "punten": waarde,
             "gewijzigd": moment}
            for criterium_id, waarde in schoon.items()
        ])

    def wis_weging(self, dossier_id: str, partij_id: int) -> None:
        """Remove a party's points (it weighs in no more), refused while the weights are fixed."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._controleer_niet_vastgezet(conn, dossier_id)
            self._partij_rij(conn, dossier_id, partij_id)
            conn.execute(delete(schema.weging).where(schema.weging.c.partij_id == partij_id))

    def vastzetting(self, dossier_id: str) -> Vastzetting | None:
        """The active fixing of the weights, or None when they are not fixed."""
        tabel = schema.weging_vastzetting
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rij = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id,
                                                   tabel.c.ingetrokken.is_(None))).first()
        return None if rij is None else _vastzetting(rij)

    def vastzettingen(self, dossier_id: str) -> list[Vastzetting]:
        """Every fixing ever made in the dossier, oldest first (withdrawn ones included)."""
        tabel = schema.weging_vastzetting
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.id)).all()
        return [_vastzetting(r) for r in rijen]

    def zet_weging_vast(self, dossier_id: str, gewichten: Mapping[int, float], aanwezig: str,
                        onderbouwing: str) -> Vastzetting:
        """Fix the weights before any scoring: ``gewichten`` maps every criterium id of the dossier to
        its agreed weight (any scale; stored normalised to sum 1). The snapshot also keeps each party's
        points of this moment. Writes the fixing and its besluitenlog entry in one transaction."""
        gewichten = _controleer_gewichten(gewichten)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            actief = self._actieve_vastzetting(conn, dossier_id)
            if actief is not None:
                raise InvoerFout(f"De weging is al vastgezet (op {validatie.datum(actief.vastgezet)}); er is niets "
                                 "veranderd.")
            criteria = {r.id: r.naam for r in conn.execute(
                select(schema.criterium.c.id, schema.criterium.c.naam)
                .where(schema.criterium.c.dossier_id == dossier_id).order_by(schema.criterium.c.volgorde))}
            if set(gewichten) != set(criteria):
                raise InvoerFout("De gewichten passen niet (meer) bij de criteria van dit dossier; misschien heeft "
                                 "iemand ze net gewijzigd. Er is niets vastgezet; bekijk de weging opnieuw.")
            partijen = dict(conn.execute(select(schema.partij.c.id, schema.partij.c.naam)
                                         .where(schema.partij.c.dossier_id == dossier_id)).all())
            punten: dict[int, dict[int, float]] = {}
            for partij_id, criterium_id, waarde in conn.execute(
                    select(schema.weging.c.partij_id, schema.weging.c.criterium_id, schema.weging.c.punten)
                    .where(schema.weging.c.dossier_id == dossier_id)):
                if partij_id in partijen and criterium_id in criteria:
                    punten.setdefault(partij_id, {})[criterium_id] = float(waarde)
            verdeling = ", ".join(f"{criteria[c]} {_procent(gewichten[c])}" for c in criteria)
            besluit_id = self._automatisch_besluit(
                conn, dossier_id, validatie.kort(f"Weging vastgezet: {verdeling}", MAX_WAT), onderbouwing,
                KNOOPPUNT_WEGING, aanwezig=aanwezig,
            )
            snapshot = {
                "gewichten": {str(c): gewichten[c] for c in criteria},
                "punten": {str(p): {str(c): v for c, v in w.items()} for p, w in punten.items()},
                "per_partij": {str(p): {str(c): v for c, v in _genormaliseerd(w).items()} for p, w in punten.items()},
                "criteria": {str(c): n for c, n in criteria.items()},
                "partijen": {str(p): partijen[p] for p in punten},
            }
            self._bewaar_vastzetting(conn, dossier_id, snapshot, besluit_id)
        return self.vastzetting(dossier_id)

    def trek_vastzetting_in(self, dossier_id: str, reden: str, aanwezig: str) -> Vastzetting:
        """Withdraw the fixing (so criteria and weights can change again). The snapshot stays as
        history and the withdrawal is an entry in the besluitenlog, in the same transaction."""
        reden = validatie.schone_tekst(reden, "De reden om de weging in te trekken", maximum=validatie.MAX_TOELICHTING,
                                       verplicht=True)
        tabel = schema.weging_vastzetting
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            actief = self._actieve_vastzetting(conn, dossier_id)
            if actief is None:
                raise InvoerFout("De weging is niet vastgezet, dus er is niets in te trekken.")
            besluit_id = self._automatisch_besluit(
                conn, dossier_id, f"Vastgezette weging van {validatie.datum(actief.vastgezet)} ingetrokken", reden,
                KNOOPPUNT_WEGING, aanwezig=aanwezig,
            )
            conn.execute(update(tabel).where(tabel.c.id == actief.id)
                         .values(ingetrokken=nu(), intrekking_besluit_id=besluit_id))
        return next(v for v in self.vastzettingen(dossier_id) if v.id == actief.id)

    @contextmanager
    def _schrijf_uniek(self, dossier_id: str, naam: str | None, soort: str) -> Iterator[Connection]:
        """A write transaction (after ``_raak_aan``) that turns a clash on a unique name into a Dutch message."""
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                yield conn
        except IntegrityError as fout:
            if naam is None:
                raise GelijktijdigGewijzigd("Iemand anders heeft intussen hetzelfde gedaan; er is niets opgeslagen. "
                                            "Bekijk de lijst opnieuw.") from fout
            raise InvoerFout(f"Er staat al {soort} met de naam '{naam}' in dit dossier.") from fout

    def _controleer_niet_vastgezet(self, conn: Connection, dossier_id: str) -> None:
        if self._actieve_vastzetting(conn, dossier_id) is not None:
            raise InvoerFout(_VASTGEZET)

    @staticmethod
    def _actieve_vastzetting(conn: Connection, dossier_id: str) -> Vastzetting | None:
        tabel = schema.weging_vastzetting
        rij = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id, tabel.c.ingetrokken.is_(None))).first()
        return None if rij is None else _vastzetting(rij)

    def _bewaar_vastzetting(self, conn: Connection, dossier_id: str, snapshot: dict, besluit_id: int) -> None:
        conn.execute(insert(schema.weging_vastzetting).values(
            dossier_id=dossier_id, vastgezet=nu(), besluit_id=besluit_id,
            gewichten=json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
        ))

    @staticmethod
    def _nieuw_criterium(conn: Connection, dossier_id: str, naam: str, omschrijving: str, catalogus_id: str | None,
                         volgorde: int) -> int:
        return int(conn.execute(insert(schema.criterium).values(
            dossier_id=dossier_id, naam=naam, naam_sleutel=validatie.naam_sleutel(naam), omschrijving=omschrijving,
            catalogus_id=catalogus_id, volgorde=volgorde, versie=1, gewijzigd=nu(),
        )).inserted_primary_key[0])

    @staticmethod
    def _rij(conn: Connection, tabel, dossier_id: str, item_id: object, melding: str):
        """The row of an item of this dossier, or InvoerFout (an id of another dossier is 'not there')."""
        rij = None
        if validatie.is_rij_id(item_id):
            rij = conn.execute(select(tabel).where(tabel.c.id == item_id, tabel.c.dossier_id == dossier_id)).first()
        if rij is None:
            raise InvoerFout(melding)
        return rij

    def _criterium_rij(self, conn: Connection, dossier_id: str, criterium_id: object):
        return self._rij(conn, schema.criterium, dossier_id, criterium_id, CRITERIUM_WEG)

    def _partij_rij(self, conn: Connection, dossier_id: str, partij_id: object):
        return self._rij(conn, schema.partij, dossier_id, partij_id, _PARTIJ_WEG)

    def _criterium_van(self, dossier_id: str, criterium_id: int) -> Criterium:
        with self._lees() as conn:
            return _criterium(self._criterium_rij(conn, dossier_id, criterium_id))

    @staticmethod
    def _criterium_rijen(conn: Connection, dossier_id: str) -> list:
        """The criteria's rows in their order, inside the caller's transaction."""
        tabel = schema.criterium
        return conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id)
                            .order_by(tabel.c.volgorde, tabel.c.id)).all()
