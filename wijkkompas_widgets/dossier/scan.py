"""The samenwerkingsscan in the store: rounds, one response per respondent, one answer per statement.

``ScanOpslag`` is a part of ``DossierStore`` (see ``dossier.opslagdeel``). Every user change is one
transaction; every method first checks that the round or response belongs to the dossier it is
called for, so one dossier can never read or write another dossier's scan.

Rules kept here (the last line of defence, whatever a widget does):

- a round name is required and unique per dossier (case and spaces do not count);
- in a closed round nobody can start a response or change an answer;
- a respondent is known by name within a round: starting again with the same name continues
  the saved response, so a respondent can come back later or on another device;
- an answer is 1-5 or ``None`` ('weet niet': answered, but not a score);
- a response counts in the results only once it is submitted (``ingediend``), which is only
  possible when every statement has an answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .model import InvoerFout, nu
from .opslagdeel import OpslagDeel
from .records import CONCEPT, INGEDIEND, SCAN_MAX, SCAN_MIN, ScanRespons, ScanRonde

_RONDE_ONBEKEND = "Deze scanronde bestaat niet (meer) in dit dossier. Kies een ronde uit de lijst."
_RESPONS_ONBEKEND = "Deze antwoordenlijst bestaat niet (meer) in dit dossier. Begin opnieuw met je naam."


class ScanOpslag(OpslagDeel):
    """Store methods of the samenwerkingsscan (mixed into ``DossierStore``)."""

    # -- rounds ---------------------------------------------------------------------------
    def scan_rondes(self, dossier_id: str) -> list[ScanRonde]:
        """The rounds of a dossier, oldest first."""
        tabel = schema.scan_ronde
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(
                select(tabel).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.aangemaakt, tabel.c.id)
            ).all()
        return [_ronde(r) for r in rijen]

    def scan_ronde(self, dossier_id: str, ronde_id: int) -> ScanRonde:
        with self._lees() as conn:
            return _ronde(self._ronde_rij(conn, dossier_id, ronde_id))

    def maak_scan_ronde(self, dossier_id: str, naam: str) -> ScanRonde:
        """Start a new round (for example half a year after the first) under a unique name."""
        naam = validatie.schone_tekst(naam, "De naam van de ronde", maximum=validatie.MAX_NAAM, verplicht=True)
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                resultaat = conn.execute(
                    insert(schema.scan_ronde).values(
                        dossier_id=dossier_id, naam=naam, naam_sleutel=validatie.naam_sleutel(naam),
                        aangemaakt=nu(), gesloten=None,
                    )
                )
                ronde_id = int(resultaat.inserted_primary_key[0])
        except IntegrityError as fout:
            raise InvoerFout(f"Er is al een ronde met de naam '{naam}' in dit dossier; kies een andere naam.") from fout
        return self.scan_ronde(dossier_id, ronde_id)

    def sluit_scan_ronde(self, dossier_id: str, ronde_id: int) -> ScanRonde:
        """Close a round: no new respondents and no changed answers until it is reopened."""
        return self._zet_gesloten(dossier_id, ronde_id, nu())

    def heropen_scan_ronde(self, dossier_id: str, ronde_id: int) -> ScanRonde:
        return self._zet_gesloten(dossier_id, ronde_id, None)

    def _zet_gesloten(self, dossier_id: str, ronde_id: int, moment: datetime | None) -> ScanRonde:
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._ronde_rij(conn, dossier_id, ronde_id)
            conn.execute(update(schema.scan_ronde).where(schema.scan_ronde.c.id == ronde_id).values(gesloten=moment))
        return self.scan_ronde(dossier_id, ronde_id)

    # -- responses ------------------------------------------------------------------------
    def start_respons(self, dossier_id: str, ronde_id: int, naam: str, organisatie: str) -> ScanRespons:
        """Begin filling in, or continue: the same name (case and spaces do not count) in this
        round returns the saved response with its answers and its own organisation."""
        naam = validatie.schone_tekst(naam, "Je naam", maximum=validatie.MAX_NAAM, verplicht=True)
        organisatie = validatie.schone_tekst(organisatie, "De organisatie", maximum=validatie.MAX_KORT,
                                             verplicht=True)
        sleutel = validatie.naam_sleutel(naam)
        bestaand = self._respons_met_naam(dossier_id, ronde_id, sleutel)
        if bestaand is not None:
            return bestaand
        tabel = schema.scan_respons
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            ronde = self._ronde_rij(conn, dossier_id, ronde_id)
            if ronde.gesloten is not None:
                raise InvoerFout(
                    f"Ronde '{ronde.naam}' is gesloten; er kunnen geen nieuwe antwoorden bij. "
                    "Vraag de begeleider om de ronde te heropenen."
                )
            try:
                with conn.begin_nested():
                    moment = nu()
                    conn.execute(
                        insert(tabel).values(ronde_id=ronde_id, naam=naam, naam_sleutel=sleutel,
                                             organisatie=organisatie, status=CONCEPT, aangemaakt=moment,
                                             gewijzigd=moment)
                    )
            except IntegrityError:
                pass  # someone with the same name started at the very same moment: continue theirs
        bestaand = self._respons_met_naam(dossier_id, ronde_id, sleutel)
        if bestaand is None:  # pragma: no cover - deleted in between
            raise InvoerFout(_RESPONS_ONBEKEND)
        return bestaand

    def _respons_met_naam(self, dossier_id: str, ronde_id: int, sleutel: str) -> ScanRespons | None:
        tabel = schema.scan_respons
        with self._lees() as conn:
            self._ronde_rij(conn, dossier_id, ronde_id)
            rij = conn.execute(
                select(tabel).where(tabel.c.ronde_id == ronde_id, tabel.c.naam_sleutel == sleutel)
            ).first()
            if rij is None:
                return None
            return self._met_antwoorden(conn, [rij])[0]

    def scan_respons(self, dossier_id: str, respons_id: int) -> ScanRespons:
        """One response with its answers, as saved now."""
        with self._lees() as conn:
            rij, _ronde = self._respons_rij(conn, dossier_id, respons_id)
            return self._met_antwoorden(conn, [rij])[0]

    def scan_responsen(self, dossier_id: str, ronde_id: int, *, alleen_ingediend: bool = True) -> list[ScanRespons]:
        """The responses of a round in the order they were started; by default only the
        submitted ones, because a concept never counts in the results."""
        tabel = schema.scan_respons
        with self._lees() as conn:
            self._ronde_rij(conn, dossier_id, ronde_id)
            vraag = select(tabel).where(tabel.c.ronde_id == ronde_id).order_by(tabel.c.id)
            if alleen_ingediend:
                vraag = vraag.where(tabel.c.status == INGEDIEND)
            return self._met_antwoorden(conn, conn.execute(vraag).all())

    def beantwoord_stelling(self, dossier_id: str, respons_id: int, stelling_id: str, waarde: int | None) -> None:
        """Save one answer (1-5, or ``None`` for 'weet niet'); changing it later overwrites it.
        Also after submitting, as long as the round is open."""
        if stelling_id not in self._scan_stelling_ids():
            raise InvoerFout("Onbekende stelling; je antwoord is niet opgeslagen. Laad de pagina opnieuw.")
        if waarde is not None and (
            isinstance(waarde, bool) or not isinstance(waarde, int) or not SCAN_MIN <= waarde <= SCAN_MAX
        ):
            raise InvoerFout(
                f"Een antwoord is een getal van {SCAN_MIN} tot en met {SCAN_MAX} of 'weet niet'; "
                "je antwoord is niet opgeslagen."
            )
        tabel = schema.scan_antwoord
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            _rij, ronde = self._respons_rij(conn, dossier_id, respons_id)
            _controleer_open(ronde)
            moment = nu()
            bijgewerkt = conn.execute(
                update(tabel)
                .where(tabel.c.respons_id == respons_id, tabel.c.stelling_id == stelling_id)
                .values(waarde=waarde, gewijzigd=moment)
            )
            if bijgewerkt.rowcount == 0:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(tabel).values(respons_id=respons_id, stelling_id=stelling_id,
                                                          waarde=waarde, gewijzigd=moment))
                except IntegrityError:  # the same respondent on a second device, at the same moment
                    conn.execute(
                        update(tabel)
                        .where(tabel.c.respons_id == respons_id, tabel.c.stelling_id == stelling_id)
                        .values(waarde=waarde, gewijzigd=moment)
                    )
            conn.execute(
                update(schema.scan_respons).where(schema.scan_respons.c.id == respons_id).values(gewijzigd=moment)
            )

    def dien_in(self, dossier_id: str, respons_id: int) -> ScanRespons:
        """Submit a response, so it counts in the results; only when every statement has an
        answer ('weet niet' counts as an answer)."""
        ids = self._scan_stelling_ids()
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            _rij, ronde = self._respons_rij(conn, dossier_id, respons_id)
            _controleer_open(ronde)
            beantwoord = conn.execute(
                select(func.count())
                .select_from(schema.scan_antwoord)
                .where(schema.scan_antwoord.c.respons_id == respons_id, schema.scan_antwoord.c.stelling_id.in_(ids))
            ).scalar()
            open_ = len(ids) - int(beantwoord or 0)
            if open_ > 0:
                stellingen = "stelling is" if open_ == 1 else "stellingen zijn"
                raise InvoerFout(
                    f"Nog {open_} van de {len(ids)} {stellingen} niet beantwoord. Kies bij elke stelling een "
                    "antwoord ('weet niet' telt ook als antwoord) en dien dan opnieuw in."
                )
            conn.execute(
                update(schema.scan_respons)
                .where(schema.scan_respons.c.id == respons_id)
                .values(status=INGEDIEND, gewijzigd=nu())
            )
        return self.scan_respons(dossier_id, respons_id)

    # -- inside another part's transaction (a workshop) -------------------------------------
    def _voeg_gesloten_ronde_toe(self, conn: Connection, dossier_id: str, basisnaam: str,
                                 responsen: Sequence[tuple[str, str, Mapping[str, int | None]]],
                                 moment: datetime) -> str:
        """A closed round with one submitted response per (naam, organisatie, antwoorden), for the outcome of
        a workshop. The round gets ``basisnaam``, or 'basisnaam 2', 'basisnaam 3' … when that name is taken;
        answers on a statement that is no longer in the scan are left out. Returns the round's name."""
        ronde_t, respons_t = schema.scan_ronde, schema.scan_respons
        bezet = set(conn.execute(select(ronde_t.c.naam_sleutel).where(ronde_t.c.dossier_id == dossier_id)).scalars())
        naam, volgnummer = basisnaam, 1
        while validatie.naam_sleutel(naam) in bezet:
            volgnummer += 1
            naam = f"{basisnaam} {volgnummer}"
        ronde_id = int(conn.execute(insert(ronde_t).values(
            dossier_id=dossier_id, naam=naam, naam_sleutel=validatie.naam_sleutel(naam), aangemaakt=moment,
            gesloten=moment,
        )).inserted_primary_key[0])
        stellingen = self._scan_stelling_ids()
        for respondent, organisatie, antwoorden in responsen:
            respons_id = int(conn.execute(insert(respons_t).values(
                ronde_id=ronde_id, naam=respondent, naam_sleutel=validatie.naam_sleutel(respondent),
                organisatie=organisatie, status=INGEDIEND, aangemaakt=moment, gewijzigd=moment,
            )).inserted_primary_key[0])
            rijen = [{"respons_id": respons_id, "stelling_id": s, "waarde": antwoorden[s], "gewijzigd": moment}
                     for s in stellingen if s in antwoorden]
            if rijen:
                conn.execute(insert(schema.scan_antwoord), rijen)
        return naam

    # -- helpers --------------------------------------------------------------------------
    def _scan_stelling_ids(self) -> list[str]:
        return [s.id for s in self._inhoud.fase1.scan.stellingen]


    def _ronde_rij(self, conn: Connection, dossier_id: str, ronde_id: int):
        if isinstance(ronde_id, bool) or not isinstance(ronde_id, int):
            raise InvoerFout(_RONDE_ONBEKEND)
        tabel = schema.scan_ronde
        rij = conn.execute(select(tabel).where(tabel.c.id == ronde_id, tabel.c.dossier_id == dossier_id)).first()
        if rij is None:
            self._controleer_dossier(conn, dossier_id)
            raise InvoerFout(_RONDE_ONBEKEND)
        return rij

    def _respons_rij(self, conn: Connection, dossier_id: str, respons_id: int):
        """The response and its round, if the response belongs to this dossier."""
        if isinstance(respons_id, bool) or not isinstance(respons_id, int):
            raise InvoerFout(_RESPONS_ONBEKEND)
        respons, ronde = schema.scan_respons, schema.scan_ronde
        rij = conn.execute(
            select(respons, ronde.c.naam.label("ronde_naam"), ronde.c.gesloten.label("ronde_gesloten"))
            .join(ronde, ronde.c.id == respons.c.ronde_id)
            .where(respons.c.id == respons_id, ronde.c.dossier_id == dossier_id)
        ).first()
        if rij is None:
            self._controleer_dossier(conn, dossier_id)
            raise InvoerFout(_RESPONS_ONBEKEND)
        return rij, (rij.ronde_naam, rij.ronde_gesloten)

    @staticmethod
    def _met_antwoorden(conn: Connection, rijen: Iterable) -> list[ScanRespons]:
        rijen = list(rijen)
        if not rijen:
            return []
        tabel = schema.scan_antwoord
        antwoorden: dict[int, dict[str, int | None]] = {r.id: {} for r in rijen}
        for respons_id, stelling_id, waarde in conn.execute(
            select(tabel.c.respons_id, tabel.c.stelling_id, tabel.c.waarde).where(
                tabel.c.respons_id.in_(list(antwoorden))
            )
        ):
            antwoorden[respons_id][stelling_id] = waarde
        return [
            ScanRespons(r.id, r.ronde_id, r.naam, r.organisatie, r.status, antwoorden[r.id]) for r in rijen
        ]


def _controleer_open(ronde: tuple[str, datetime | None]) -> None:
    naam, gesloten = ronde
    if gesloten is not None:
        raise InvoerFout(
            f"Ronde '{naam}' is gesloten; je antwoord is niet opgeslagen. Vraag de begeleider om de ronde "
            "te heropenen als je nog iets wilt wijzigen."
        )


def _ronde(rij) -> ScanRonde:
    return ScanRonde(id=rij.id, naam=rij.naam, aangemaakt=rij.aangemaakt, gesloten=rij.gesloten)
