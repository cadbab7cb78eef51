"""Store part for the register of koppelkansen (phase 3): candidates from phase 2 (natuurlijke
momenten, sociale koppelkansen) plus new ones, each scored 1-5 on the criteria used in practice and
the team's own, and the decision per koppelkans: taken along (``gekozen``) or not (``niet``, always
with a reason).

Every change is one transaction; an edit, a scoring and a decision carry the version they were made
on, so two people never silently overwrite each other. A decision also writes an automatic entry in
the besluitenlog, in the same transaction. Ranking and the top 3 are the analysis's job.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .besluiten import BesluitenOpslag
from .model import GelijktijdigGewijzigd, InvoerFout, nu
from .records import HERKOMST_LABELS, KNOOPPUNT_KOPPELKANSEN, Koppelkans, KoppelkansInvoer

BESLUITEN: tuple[tuple[str, str], ...] = (("gekozen", "Gekozen"), ("niet", "Niet gekozen"))
BESLUIT_LABELS = dict(BESLUITEN)
SCORE_MIN, SCORE_MAX = 1, 5
MAX_KOPPELKANSEN = 100
MAX_SCORECRITERIA = 10
MAX_SCORESLEUTEL = 60
_KANS_WEG = "Deze koppelkans bestaat niet (meer) in dit dossier; misschien heeft iemand anders haar verwijderd."
_GELIJKTIJDIG = ("Iemand anders heeft deze koppelkans intussen gewijzigd. Je wijziging is niet opgeslagen; "
                 "de nieuwste gegevens staan nu in het register.")


def controleer_koppelkans(invoer: KoppelkansInvoer) -> KoppelkansInvoer:
    titel = validatie.schone_tekst(invoer.titel, "De naam van de koppelkans", maximum=validatie.MAX_KORT,
                                   verplicht=True)
    if invoer.herkomst not in HERKOMST_LABELS:
        raise InvoerFout("Kies waar de koppelkans vandaan komt: een natuurlijk moment, een sociale koppelkans "
                         "of nieuw.")
    herkomst_ref = validatie.schone_tekst(invoer.herkomst_ref, "De herkomst", maximum=validatie.MAX_TOELICHTING)
    omschrijving = validatie.schone_tekst(invoer.omschrijving, "De omschrijving", maximum=validatie.MAX_TOELICHTING)
    return KoppelkansInvoer(titel, invoer.herkomst, herkomst_ref, omschrijving)


def controleer_koppelkans_scores(scores: object) -> dict[str, int]:
    """Scores per criterion key ('wensen', 'extra-kosten', 'doorlooptijd' or the team's own): 1-5 each.
    An empty map clears the scores."""
    if not isinstance(scores, Mapping):
        raise InvoerFout("De scores zijn niet leesbaar; er is niets opgeslagen.")
    schoon: dict[str, int] = {}
    for sleutel, waarde in scores.items():
        if not isinstance(sleutel, str):
            raise InvoerFout("Elk criterium van een koppelkans heeft een naam; er is niets opgeslagen.")
        sleutel = validatie.schone_tekst(sleutel, "De naam van het criterium", maximum=MAX_SCORESLEUTEL,
                                         verplicht=True)
        if sleutel in schoon:
            raise InvoerFout(f"Het criterium '{sleutel}' staat twee keer in de scores; er is niets opgeslagen.")
        if isinstance(waarde, bool) or not isinstance(waarde, int) or not SCORE_MIN <= waarde <= SCORE_MAX:
            raise InvoerFout(f"Een score is een geheel getal van {SCORE_MIN} tot en met {SCORE_MAX} "
                             f"(bij '{sleutel}'); er is niets opgeslagen.")
        schoon[sleutel] = waarde
    if len(schoon) > MAX_SCORECRITERIA:
        raise InvoerFout(f"Scoor een koppelkans op hoogstens {MAX_SCORECRITERIA} criteria; er is niets opgeslagen.")
    return schoon


def _koppelkans(rij) -> Koppelkans:
    return Koppelkans(
        id=rij.id, titel=rij.titel, herkomst=rij.herkomst, herkomst_ref=rij.herkomst_ref,
        omschrijving=rij.omschrijving, versie=rij.versie, scores=json.loads(rij.scores or "{}"),
        besluit=rij.besluit, reden=rij.reden,
    )


def _waarden(schoon: KoppelkansInvoer) -> dict:
    return {"titel": schoon.titel, "titel_sleutel": validatie.naam_sleutel(schoon.titel),
            "herkomst": schoon.herkomst, "herkomst_ref": schoon.herkomst_ref, "omschrijving": schoon.omschrijving}


class KoppelkansenOpslag(BesluitenOpslag):
    """The register of koppelkansen; a decision is also a besluitenlog entry (``_automatisch_besluit``)."""

    def koppelkansen(self, dossier_id: str) -> list[Koppelkans]:
        """The register in the order the koppelkansen were added."""
        tabel = schema.koppelkans
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.id)).all()
        return [_koppelkans(r) for r in rijen]

    def koppelkans(self, dossier_id: str, kans_id: int) -> Koppelkans:
        with self._lees() as conn:
            return _koppelkans(self._kans_rij(conn, dossier_id, kans_id))

    def voeg_koppelkans_toe(self, dossier_id: str, invoer: KoppelkansInvoer) -> Koppelkans:
        schoon = controleer_koppelkans(invoer)
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                self._controleer_ruimte_koppelkansen(conn, dossier_id, 1)
                kans_id = self._nieuwe_koppelkans(conn, dossier_id, schoon)
        except IntegrityError as fout:
            raise InvoerFout(f"Er staat al een koppelkans met de naam '{schoon.titel}' in het register.") from fout
        return self.koppelkans(dossier_id, kans_id)

    def wijzig_koppelkans(self, dossier_id: str, kans_id: int, invoer: KoppelkansInvoer, versie: int) -> Koppelkans:
        """Save an edit of title, origin and description made on version ``versie``."""
        schoon = controleer_koppelkans(invoer)
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                self._werk_kans_bij(conn, dossier_id, kans_id, versie, **_waarden(schoon))
        except IntegrityError as fout:
            raise InvoerFout(f"Er staat al een koppelkans met de naam '{schoon.titel}' in het register.") from fout
        return self.koppelkans(dossier_id, kans_id)

    def verwijder_koppelkans(self, dossier_id: str, kans_id: int) -> None:
        """Remove a koppelkans, unless a strategy still uses it (take it out of the strategy first)."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            rij = self._kans_rij(conn, dossier_id, kans_id)
            gebruikt = [
                naam for naam, lijst in conn.execute(
                    select(schema.strategie.c.naam, schema.strategie.c.koppelkansen)
                    .where(schema.strategie.c.dossier_id == dossier_id).order_by(schema.strategie.c.id))
                if kans_id in json.loads(lijst)
            ]
            if gebruikt:
                raise InvoerFout(f"'{rij.titel}' hoort bij de strategie {', '.join(repr(n) for n in gebruikt)}. "
                                 "Haal de koppelkans daar eerst weg; er is niets verwijderd.")
            conn.execute(delete(schema.koppelkans).where(schema.koppelkans.c.id == kans_id))

    def zet_koppelkans_scores(self, dossier_id: str, kans_id: int, scores: Mapping[str, int],
                              versie: int) -> Koppelkans:
        """Replace the scores of a koppelkans (made on version ``versie``); a criterion left out is
        'onbekend' for this koppelkans."""
        schoon = controleer_koppelkans_scores(scores)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._werk_kans_bij(conn, dossier_id, kans_id, versie,
                                scores=json.dumps(schoon, ensure_ascii=False, sort_keys=True))
        return self.koppelkans(dossier_id, kans_id)

    def besluit_koppelkans(self, dossier_id: str, kans_id: int, besluit: str | None, reden: str, versie: int,
                           *, aanwezig: str = "") -> Koppelkans:
        """Take a koppelkans along (``'gekozen'``), leave it (``'niet'``, a reason is required), or open
        the decision again (``None``). Writes an automatic besluitenlog entry in the same transaction."""
        if besluit is not None and besluit not in BESLUIT_LABELS:
            raise InvoerFout("Kies bij een koppelkans 'gekozen' of 'niet gekozen'.")
        reden = validatie.schone_tekst(reden, "De reden", maximum=validatie.MAX_TOELICHTING,
                                       verplicht=besluit == "niet")
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            rij = self._kans_rij(conn, dossier_id, kans_id)
            self._werk_kans_bij(conn, dossier_id, kans_id, versie, besluit=besluit, reden=reden)
            wat = {
                "gekozen": f"Koppelkans gekozen: {rij.titel}",
                "niet": f"Koppelkans niet gekozen: {rij.titel}",
                None: f"Besluit over koppelkans heropend: {rij.titel}",
            }[besluit]
            self._automatisch_besluit(conn, dossier_id, wat, reden or "Geen reden opgegeven.",
                                      KNOOPPUNT_KOPPELKANSEN, aanwezig=aanwezig)
        return self.koppelkans(dossier_id, kans_id)

    def importeer_koppelkansen(self, dossier_id: str, kandidaten: Sequence[KoppelkansInvoer]) -> list[Koppelkans]:
        """Add candidates (from phase 2) in one transaction; a title that is already in the register
        (case and spaces do not count) is skipped. Returns the koppelkansen that were added; if any
        candidate is unusable, nothing is added."""
        schoon: list[KoppelkansInvoer] = []
        gezien: set[str] = set()
        for nummer, kandidaat in enumerate(kandidaten, start=1):
            try:
                kans = controleer_koppelkans(kandidaat)
            except InvoerFout as fout:
                raise InvoerFout(f"Kandidaat {nummer} klopt niet, dus er is niets overgenomen: {fout}") from None
            sleutel = validatie.naam_sleutel(kans.titel)
            if sleutel not in gezien:
                gezien.add(sleutel)
                schoon.append(kans)
        toegevoegd: list[int] = []
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                aanwezig = set(conn.execute(select(schema.koppelkans.c.titel_sleutel)
                                            .where(schema.koppelkans.c.dossier_id == dossier_id)).scalars())
                nieuw = [k for k in schoon if validatie.naam_sleutel(k.titel) not in aanwezig]
                self._controleer_ruimte_koppelkansen(conn, dossier_id, len(nieuw))
                toegevoegd = [self._nieuwe_koppelkans(conn, dossier_id, k) for k in nieuw]
        except IntegrityError as fout:
            raise GelijktijdigGewijzigd("Iemand anders heeft intussen koppelkansen toegevoegd; er is niets "
                                        "overgenomen. Probeer het opnieuw.") from fout
        return [k for k in self.koppelkansen(dossier_id) if k.id in set(toegevoegd)]

    # -- inside another part's transaction (a workshop) -------------------------------------
    @staticmethod
    def _kans_rijen(conn: Connection, dossier_id: str) -> list:
        """The koppelkansen's (id, titel) in the order they were added."""
        tabel = schema.koppelkans
        return conn.execute(select(tabel.c.id, tabel.c.titel).where(tabel.c.dossier_id == dossier_id)
                            .order_by(tabel.c.id)).all()

    def _vul_scores_aan(self, conn: Connection, dossier_id: str, kans_id: int, nieuw: Mapping[str, int], *,
                        aangemaakt_tot: datetime) -> str | None:
        """Merge ``nieuw`` into the scores of a koppelkans that existed at ``aangemaakt_tot`` (a workshop scored
        the koppelkansen of its session: SQLite may give a new one the id of one deleted since); scores on other
        criteria stay. Returns its title, or None when it is not in the register (any more)."""
        tabel = schema.koppelkans
        rij = conn.execute(select(tabel).where(tabel.c.id == kans_id, tabel.c.dossier_id == dossier_id,
                                               tabel.c.aangemaakt <= aangemaakt_tot)).first()
        if rij is None:
            return None
        if not nieuw:
            return rij.titel
        scores = {**json.loads(rij.scores or "{}"), **nieuw}
        schoon = controleer_koppelkans_scores(scores)
        self._werk_kans_bij(conn, dossier_id, kans_id, rij.versie,
                            scores=json.dumps(schoon, ensure_ascii=False, sort_keys=True))
        return rij.titel

    # -- helpers --------------------------------------------------------------------------
    @staticmethod
    def _nieuwe_koppelkans(conn: Connection, dossier_id: str, schoon: KoppelkansInvoer) -> int:
        moment = nu()
        return int(conn.execute(insert(schema.koppelkans).values(
            dossier_id=dossier_id, **_waarden(schoon), scores="{}", besluit=None, reden="", versie=1,
            aangemaakt=moment, gewijzigd=moment,
        )).inserted_primary_key[0])

    def _werk_kans_bij(self, conn: Connection, dossier_id: str, kans_id: int, versie: int, **waarden) -> None:
        tabel = schema.koppelkans
        resultaat = conn.execute(
            update(tabel)
            .where(tabel.c.id == kans_id, tabel.c.dossier_id == dossier_id, tabel.c.versie == versie)
            .values(**waarden, versie=tabel.c.versie + 1, gewijzigd=nu())
        )
        if resultaat.rowcount == 0:
            self._kans_rij(conn, dossier_id, kans_id)
            raise GelijktijdigGewijzigd(_GELIJKTIJDIG)

    @staticmethod
    def _kans_rij(conn: Connection, dossier_id: str, kans_id: object):
        rij = None
        if isinstance(kans_id, int) and not isinstance(kans_id, bool):
            tabel = schema.koppelkans
            rij = conn.execute(select(tabel).where(tabel.c.id == kans_id, tabel.c.dossier_id == dossier_id)).first()
        if rij is None:
            raise InvoerFout(_KANS_WEG)
        return rij

    @staticmethod
    def _controleer_ruimte_koppelkansen(conn: Connection, dossier_id: str, erbij: int) -> None:
        aantal = conn.execute(select(func.count()).select_from(schema.koppelkans)
                              .where(schema.koppelkans.c.dossier_id == dossier_id)).scalar_one()
        if aantal + erbij > MAX_KOPPELKANSEN:
            raise InvoerFout(f"Het register heeft hoogstens {MAX_KOPPELKANSEN} koppelkansen (nu {aantal}); "
                             "er is niets opgeslagen. Verwijder eerst koppelkansen die afvallen.")
