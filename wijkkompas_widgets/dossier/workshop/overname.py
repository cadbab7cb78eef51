"""Adopting a closed workshop round into the dossier: one transaction that changes the dossier through the
exercise's own store part (a scan round, the parties' place, the parties' weights, the koppelkansen's scores),
writes an automatic besluitenlog entry and marks the round adopted. All of it happens, or nothing; only
submitted answers count; a round is adopted once."""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction

from sqlalchemy import update
from sqlalchemy.engine import Connection

from ...workshop.aggregatie import verdeel_100
from ...workshop.model import (
    GESLOTEN,
    OVERGENOMEN,
    WEGING_TOTAAL,
    Overname,
)
from .. import schema, validatie
from ..koppelkansen import KoppelkansenOpslag
from ..model import InvoerFout, nu
from ..partijen import PartijenOpslag
from ..records import (
    KNOOPPUNT_KOPPELKANSEN,
    KNOOPPUNT_WEGING,
    MAX_AANWEZIG,
    MAX_WAT,
    STANDAARD_SCORECRITERIA,
    controleer_punten,
)
from ..scan import ScanOpslag
from ..weging import WegingOpslag
from .basis import WorkshopDeel, _vragen

KNOOPPUNT_SCAN = "f1-samenwerkingsscan"
KNOOPPUNT_MACHTBELANG = "f1-invloed-en-belang"
KNOOPPUNTEN: dict[str, str] = {
    "scan": KNOOPPUNT_SCAN,
    "machtbelang": KNOOPPUNT_MACHTBELANG,
    "weging": KNOOPPUNT_WEGING,
    "koppelkansen": KNOOPPUNT_KOPPELKANSEN,
}


def _half_omhoog(waarde: Fraction) -> int:
    """Round half up (2,5 → 3), exactly: the dossier gets whole numbers."""
    return math.floor(waarde + Fraction(1, 2))


def _mediaan(waarden: Sequence[int]) -> Fraction:
    gesorteerd = sorted(waarden)
    midden = len(gesorteerd) // 2
    if len(gesorteerd) % 2:
        return Fraction(gesorteerd[midden])
    return Fraction(gesorteerd[midden - 1] + gesorteerd[midden], 2)


def _partij_sleutel(sleutel: str) -> tuple[int, str]:
    """'p12:invloed' → (12, 'invloed')."""
    partij, soort = sleutel[1:].split(":", 1)
    return int(partij), soort


def _kans_sleutel(sleutel: str) -> tuple[int, str]:
    """'k7:extra-kosten' → (7, 'extra-kosten'); an own criterion's name may itself hold a colon."""
    kans, criterium = sleutel[1:].split(":", 1)
    return int(kans), criterium


class WorkshopOvername(WorkshopDeel, ScanOpslag, PartijenOpslag, WegingOpslag, KoppelkansenOpslag):
    """Adoption of a round's outcome."""

    def neem_ronde_over(self, sessie_id: str, ronde_id: str, aanwezig: str = "") -> Overname:
        """Put the outcome of a closed round into the dossier, with a besluitenlog entry, in ONE
        transaction; only submitted answers count; a round is adopted once."""
        aanwezig = validatie.schone_tekst(aanwezig, "Wie er aan tafel zaten", maximum=MAX_AANWEZIG)
        with self._schrijf() as conn:
            sessie = self._workshop_sessie_rij(conn, sessie_id)
            self._raak_aan(conn, sessie.dossier_id)
            ronde = self._workshop_ronde_rij(conn, sessie_id, ronde_id, voor_wijzigen=True)
            if ronde.status == OVERGENOMEN:
                raise InvoerFout("Deze ronde is al overgenomen in het dossier "
                                 f"(op {validatie.datum(ronde.overgenomen)}); er is niets veranderd.")
            if ronde.status != GESLOTEN:
                raise InvoerFout("Sluit de ronde eerst; daarna kun je de uitkomst overnemen. Er is niets veranderd.")
            ingediend = self._antwoorden_van_ronde(conn, sessie_id, ronde_id, alleen_ingediend=True)
            if not ingediend:
                raise InvoerFout("In deze ronde heeft nog niemand antwoorden ingediend, dus er is niets over te nemen. "
                                 "Er is niets veranderd.")
            overnemen = {"scan": self._neem_scan_over, "machtbelang": self._neem_machtbelang_over,
                         "weging": self._neem_weging_over, "koppelkansen": self._neem_koppelkansen_over}
            wat, details, niet = overnemen[ronde.oefening](conn, sessie, _vragen(ronde.vragen), ingediend)
            organisaties = sorted({d.organisatie for d, _a in ingediend}, key=str.casefold)
            onderbouwing = (f"Uitkomst van de workshop '{sessie.naam}' van {validatie.datum(sessie.aangemaakt)}: "
                            f"{len(ingediend)} ingediende antwoordenlijst{'en' if len(ingediend) != 1 else ''} "
                            f"({', '.join(organisaties)}). " + " ".join(f"{regel}." for regel in details))
            wat = validatie.kort(wat, MAX_WAT)
            besluit_id = self._automatisch_besluit(
                conn, sessie.dossier_id, wat, validatie.kort(onderbouwing, validatie.MAX_TOELICHTING),
                KNOOPPUNTEN[ronde.oefening], aanwezig=aanwezig,
            )
            conn.execute(update(schema.workshop_ronde).where(schema.workshop_ronde.c.id == ronde_id)
                         .values(status=OVERGENOMEN, overgenomen=nu(), besluit_id=besluit_id))
        return Overname(besluit_id=besluit_id, wat=wat, details=tuple(details), niet_overgenomen=tuple(niet))

    def _neem_scan_over(self, conn: Connection, sessie, vragen, ingediend):
        """A new, closed scan round in the dossier with one submitted response per participant."""
        achter = f" ({validatie.datum(sessie.aangemaakt)})"
        ruimte = validatie.MAX_NAAM - len("Workshop ") - len(achter) - 3
        basis = f"Workshop {validatie.kort(sessie.naam, ruimte)}{achter}"
        naam = self._voeg_gesloten_ronde_toe(
            conn, sessie.dossier_id, basis,
            [(deelnemer.naam, deelnemer.organisatie, antwoorden.waarden) for deelnemer, antwoorden in ingediend], nu(),
        )
        stellingen = set(self._scan_stelling_ids())
        vervallen = [v for v in vragen if v.sleutel not in stellingen]
        details = [f"Scanronde '{naam}' met {len(ingediend)} ingevulde antwoordenlijst"
                   f"{'en' if len(ingediend) != 1 else ''}"]
        niet = [f"Stelling '{validatie.kort(v.label, 60)}' staat niet meer in de scan; de antwoorden erop zijn niet "
                "overgenomen" for v in vervallen]
        return f"Workshop '{sessie.naam}': samenwerkingsscan overgenomen als ronde '{naam}'", details, niet

    def _neem_machtbelang_over(self, conn: Connection, sessie, vragen, ingediend):
        """Per party that still exists: the median of the participants' invloed and belang."""
        dossier_id = sessie.dossier_id
        per_partij: dict[int, dict[str, list[int]]] = {}
        namen: dict[int, str] = {}
        for vraag in vragen:
            partij_id, soort = _partij_sleutel(vraag.sleutel)
            per_partij.setdefault(partij_id, {"invloed": [], "belang": []})
            namen[partij_id] = vraag.groep
        for _deelnemer, antwoorden in ingediend:
            for sleutel, waarde in antwoorden.waarden.items():
                partij_id, soort = _partij_sleutel(sleutel)
                if waarde is not None and partij_id in per_partij:
                    per_partij[partij_id][soort].append(waarde)
        # a party made after the session is not the one asked about, even with the same id
        bestaand = {p.id: p.naam for p in self._partij_rijen(conn, dossier_id, aangemaakt_tot=sessie.aangemaakt)}
        details: list[str] = []
        niet: list[str] = []
        for partij_id, waarden in per_partij.items():
            if partij_id not in bestaand:
                niet.append(f"{namen[partij_id]}: deze partij staat niet meer in het dossier")
                continue
            if not waarden["invloed"] or not waarden["belang"]:
                niet.append(f"{bestaand[partij_id]}: niet genoeg antwoorden over invloed en belang")
                continue
            invloed = validatie.controleer_schaal(_half_omhoog(_mediaan(waarden["invloed"])), "Invloed")
            belang = validatie.controleer_schaal(_half_omhoog(_mediaan(waarden["belang"])), "Belang")
            self._zet_plaats(conn, dossier_id, partij_id, invloed, belang, nieuwe_versie=True)
            aantal = len(waarden["invloed"])
            details.append(f"{bestaand[partij_id]}: invloed {invloed}, belang {belang} (mediaan van {aantal} "
                           f"antwoord{'en' if aantal != 1 else ''})")
        if not details:
            raise InvoerFout("Geen van de partijen uit deze ronde staat nog in het dossier; er is niets veranderd.")
        partijen = f"{len(details)} partij{'en' if len(details) != 1 else ''}"
        return f"Workshop '{sessie.naam}': macht en belang van {partijen} overgenomen", details, niet

    def _neem_weging_over(self, conn: Connection, sessie, vragen, ingediend):
        """Per party matching participants' organisation: the mean of their points (each normalised to
        ``WEGING_TOTAAL``) as whole points summing to exactly ``WEGING_TOTAAL``."""
        dossier_id = sessie.dossier_id
        if self._actieve_vastzetting(conn, dossier_id) is not None:
            raise InvoerFout("De weging van dit dossier is intussen vastgezet; er is niets veranderd. Trek de "
                             "vastzetting eerst in (dat komt in het besluitenlog) als je de workshop wilt overnemen.")
        rijen = self._criterium_rijen(conn, dossier_id)
        criteria = {rij.id: rij.naam for rij in rijen}
        gevraagd = {int(v.sleutel[1:]): v.label for v in vragen}
        # the criterion asked about: same id, and unchanged since the session or still the same name (SQLite
        # may give a new criterion the id of the last one deleted)
        dezelfde = {rij.id for rij in rijen if rij.id in gevraagd and (
            rij.gewijzigd <= sessie.aangemaakt or rij.naam_sleutel == validatie.naam_sleutel(gevraagd[rij.id]))}
        niet = [f"Criterium '{label}' staat niet meer in het dossier; de punten erop tellen niet mee"
                for criterium_id, label in gevraagd.items() if criterium_id not in dezelfde]
        blijft = [c for c in gevraagd if c in dezelfde]
        groepen: dict[str, tuple[str, list[dict[int, Fraction]]]] = {}
        for deelnemer, antwoorden in ingediend:
            punten = {c: antwoorden.waarden.get(f"c{c}") or 0 for c in blijft}
            totaal = sum(punten.values())
            sleutel = validatie.naam_sleutel(deelnemer.organisatie)
            groep = groepen.setdefault(sleutel, (deelnemer.organisatie, []))
            if totaal > 0:
                groep[1].append({c: Fraction(p * WEGING_TOTAAL, totaal) for c, p in punten.items()})
        partijen = self._partij_rijen(conn, dossier_id)
        details: list[str] = []
        gebruikt: set[str] = set()
        for partij in partijen:
            sleutel = next((k for k in (validatie.naam_sleutel(partij.naam), validatie.naam_sleutel(partij.organisatie))
                            if k and k in groepen), None)
            if sleutel is None:
                continue
            gebruikt.add(sleutel)
            organisatie, lijsten = groepen[sleutel]
            if not lijsten:
                niet.append(f"{partij.naam}: de deelnemers van {organisatie} gaven alleen punten aan criteria die er "
                            "niet meer zijn")
                continue
            gemiddeld = {c: sum((lijst[c] for lijst in lijsten), Fraction(0)) / len(lijsten) for c in blijft}
            if not any(gemiddeld.values()):
                niet.append(f"{partij.naam}: de deelnemers van {organisatie} gaven 0 punten aan de criteria die er "
                            "nog zijn")
                continue
            verdeeld = verdeel_100(gemiddeld)
            self._vervang_weging(conn, dossier_id, partij.id, controleer_punten(verdeeld))
            details.append(f"{partij.naam}: " + ", ".join(f"{criteria[c]} {verdeeld[c]}" for c in blijft)
                           + f" (gemiddelde van {len(lijsten)} deelnemer{'s' if len(lijsten) != 1 else ''} van "
                           f"{organisatie})")
        for sleutel, (organisatie, _lijsten) in groepen.items():
            if sleutel not in gebruikt:
                niet.append(f"'{organisatie}' komt niet overeen met een partij in het dossier")
        if not details:
            raise InvoerFout("Geen enkele organisatie van de deelnemers komt overeen met de naam of de organisatie van "
                             "een partij in het dossier; er is niets veranderd. Zet de partijen eerst in het dossier "
                             "(fase 1) of pas hun organisatie aan.")
        nieuw = [naam for c, naam in criteria.items() if c not in dezelfde]
        niet.extend(f"Criterium '{naam}' kwam er na de workshop bij; daarop hebben de overgenomen partijen nog geen "
                    "punten" for naam in nieuw)
        return (f"Workshop '{sessie.naam}': weging van {len(details)} partij{'en' if len(details) != 1 else ''} "
                "overgenomen"), details, niet

    def _neem_koppelkansen_over(self, conn: Connection, sessie, vragen, ingediend):
        """Per koppelkans that still exists, per criterion: the mean (half up) into its scores; scores on
        criteria nobody answered stay."""
        dossier_id = sessie.dossier_id
        labels = dict(STANDAARD_SCORECRITERIA)
        per_kans: dict[int, dict[str, list[int]]] = {}
        titels: dict[int, str] = {}
        for vraag in vragen:
            kans_id, criterium = _kans_sleutel(vraag.sleutel)
            per_kans.setdefault(kans_id, {})[criterium] = []
            titels[kans_id] = vraag.groep
        for _deelnemer, antwoorden in ingediend:
            for sleutel, waarde in antwoorden.waarden.items():
                kans_id, criterium = _kans_sleutel(sleutel)
                if waarde is not None and criterium in per_kans.get(kans_id, {}):
                    per_kans[kans_id][criterium].append(waarde)
        details: list[str] = []
        niet: list[str] = []
        for kans_id, per_criterium in per_kans.items():
            nieuw = {c: _half_omhoog(Fraction(sum(w), len(w))) for c, w in per_criterium.items() if w}
            titel = self._vul_scores_aan(conn, dossier_id, kans_id, nieuw, aangemaakt_tot=sessie.aangemaakt)
            if titel is None:
                niet.append(f"{titels[kans_id]}: deze koppelkans staat niet meer in het register")
                continue
            if nieuw:
                details.append(f"{titel}: " + ", ".join(f"{labels.get(c, c).lower()} {s}" for c, s in nieuw.items()))
        if not details:
            raise InvoerFout("Geen van de koppelkansen uit deze ronde staat nog in het register; er is niets "
                             "veranderd.")
        return (f"Workshop '{sessie.naam}': scores van {len(details)} koppelkans{'en' if len(details) != 1 else ''} "
                "overgenomen"), details, niet
