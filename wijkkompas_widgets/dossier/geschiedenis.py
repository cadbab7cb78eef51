"""One change history per dossier, written by the store itself in the transaction of each change.

Every write goes through ``DossierStore._schrijf``, which hands the parts a ``Schrijfverbinding`` instead of the
bare connection. It watches the INSERT, UPDATE and DELETE statements on the dossier's tables, reads the rows
before and after, and at the end of the transaction turns the differences into readable Dutch lines
("Partij ‘Woonplus’: invloed 2 → 4") with the acting user, the time and the knooppunt. So no write method can
forget to record itself, and a change and its history line are saved together or not at all.

A bulk change (a JSON import, a CSV of a hundred works) passes ``samenvatting``: one line instead of one per row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import and_, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.dml import Delete, Insert, Update

from . import formulieren, schema
from .model import STANDAARD_STATUS, STATUS_LABELS, Wijziging, nu
from .opslagdeel import OpslagDeel

if TYPE_CHECKING:
    from sqlalchemy import Table

    from .model import Gebruiker

MAX_REGELS_PER_WIJZIGING = 12  # more lines from one change collapse into "… en N andere wijzigingen"
MAX_WAARDE = 60  # characters of a value shown in a line

# table → (what it is in Dutch, knooppunt it belongs to; None: taken from the row)
TABELLEN: dict[str, tuple[str, str | None]] = {
    "dossier": ("Dossier", None),
    "knooppunt_status": ("Status", None),
    "partij": ("Partij", "f1-juiste-partijen"),
    "dossier_formulier": ("Formulier", None),
    "eigen_belang": ("Eigen belang", "f1-ambities-en-belangen"),
    "partij_belang": ("Belang van een partij", "f1-ambities-en-belangen"),
    "taak": ("Taak", "f1-rollen-en-verwachtingen"),
    "taak_rol": ("Rol bij een taak", "f1-rollen-en-verwachtingen"),
    "scan_ronde": ("Scanronde", "f1-samenwerkingsscan"),
    "scan_respons": ("Deelnemer aan de scan", "f1-samenwerkingsscan"),
    "scan_antwoord": ("Antwoord in de scan", "f1-samenwerkingsscan"),
    "planning_werk": ("Gepland werk", "f2-bestaande-planningen"),
    "besluit": ("Besluit", None),
    "criterium": ("Criterium", "f3-criteria-en-weging"),
    "weging": ("Weging", "f3-criteria-en-weging"),
    "weging_vastzetting": ("Vastgezette weging", "f3-criteria-en-weging"),
    "strategie": ("Integrale strategie", "f3-warmtestrategieen"),
    "strategie_score": ("Score van een strategie", "f4-strategieen-afwegen"),
    "strategie_keuze": ("Keuze voor een strategie", "f4-strategieen-afwegen"),
    "koppelkans": ("Koppelkans", "f3-strategieen-koppelkansen"),
    "workshop_sessie": ("Workshop", None),
    "workshop_ronde": ("Workshopronde", None),
}  # dossier_lid is not here: a member change writes its own, clearer line (``Schrijfverbinding.noteer``)
# columns of a party that belong to another knooppunt than the party list
PARTIJ_KNOOPPUNT = {
    "invloed": "f1-invloed-en-belang", "belang": "f1-invloed-en-belang", "macht": "f1-invloed-en-belang",
    "legitimiteit": "f1-invloed-en-belang", "urgentie": "f1-invloed-en-belang",
    "ambitie": "f1-ambities-en-belangen", "capaciteit_uren": "f1-rollen-en-verwachtingen",
}
FORMULIER_KNOOPPUNT = {
    formulieren.DOEL: "f1-doel-en-verhaal", formulieren.REGIEROL: "f1-regierol",
    formulieren.AFSPRAKEN: "f1-samenwerking-formaliseren", formulieren.WIJKPROFIEL: "f2-wijkprofiel",
    formulieren.TRANSITIEOPGAVEN: "f2-transitieopgaven", formulieren.FYSIEKE_KENMERKEN: "f2-fysieke-kenmerken",
    formulieren.SOCIALE_KOPPELKANSEN: "f2-sociale-koppelkansen",
    formulieren.NATUURLIJKE_MOMENTEN: "f2-natuurlijke-momenten", formulieren.BEELD_TOETSEN: "f2-beeld-toetsen",
    formulieren.KOPPELKANSEN_CRITERIA: "f3-strategieen-koppelkansen",
    formulieren.OPGAVENMATRIX: "f3-opgaven-verbinden", formulieren.WOONLASTEN: "f4-woonlasten",
    formulieren.PARTICIPATIEVORMEN: "f3-participatievormen",
    formulieren.PARTICIPATIESTRATEGIE: "f3-participatiestrategie",
    formulieren.BESLUITVORMING: "f3-besluitvormingsafspraken", formulieren.INSPRAAK: "f4-inspraak",
    formulieren.TE_VERBINDEN: "f4-te-verbinden-opgaven", formulieren.CONCEPT_WUP: "f4-concept-wup",
    formulieren.GEVOELIGHEID: "f3-warmtestrategieen",
}
# bookkeeping columns that change with every save and say nothing to a reader
NIET_TONEN = {"id", "gewijzigd", "aangemaakt", "versie", "naam_sleutel", "dossier_id", "mislukt", "mislukt_sinds",
              "geblokkeerd_tot", "pin_hash", "volgnummer", "moment"}
KOLOMMEN = {
    "naam": "naam", "type": "soort partij", "organisatie": "organisatie", "contactrol": "contactpersoon",
    "sporen": "sporen", "invloed": "invloed", "belang": "belang", "ambitie": "ambitie", "macht": "macht",
    "legitimiteit": "legitimiteit", "urgentie": "urgentie", "capaciteit_uren": "capaciteit (uren per maand)",
    "houding": "houding", "prioriteit": "topprioriteit", "rol": "rol", "uren_per_maand": "uren per maand",
    "waarde": "antwoord", "status": "status", "omschrijving": "omschrijving", "wat": "wat",
    "onderbouwing": "onderbouwing", "gesloten": "gesloten",
}


def _kort(waarde: object) -> str:
    if waarde is None or waarde == "":
        return "leeg"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    if isinstance(waarde, (dict, list, tuple)):
        tekst = json.dumps(waarde, ensure_ascii=False)
    elif hasattr(waarde, "strftime"):
        tekst = waarde.strftime("%d-%m-%Y %H:%M")
    else:
        tekst = str(waarde)
    tekst = " ".join(tekst.split())
    if len(tekst) > MAX_WAARDE:
        tekst = tekst[: MAX_WAARDE - 1] + "…"
    return f"‘{tekst}’" if isinstance(waarde, str) else tekst


def _kolomlabel(kolom: str) -> str:
    return KOLOMMEN.get(kolom, kolom.removesuffix("_id").replace("_", " "))


@dataclass
class _Rijwijziging:
    tabel: Table
    oud: dict | None
    nieuw: dict | None


@dataclass
class _Regel:
    dossier_id: str
    knooppunt_id: str | None
    onderdeel: str
    regel: str


@dataclass
class Schrijfverbinding:
    """The connection of one write transaction, which notes what changed (see the module docstring)."""

    conn: Connection
    store: GeschiedenisOpslag
    samenvatting: str | None = None
    dossier_id: str | None = None  # the dossier ``_raak_aan`` marked, for rows without a dossier column
    _wijzigingen: list[_Rijwijziging] = field(default_factory=list)
    _extra: list[_Regel] = field(default_factory=list)

    def __getattr__(self, naam: str):
        return getattr(self.conn, naam)

    def execute(self, opdracht, *args, **kwargs):
        tabel = getattr(opdracht, "table", None)
        if not isinstance(opdracht, (Insert, Update, Delete)) or getattr(tabel, "name", None) not in TABELLEN:
            return self.conn.execute(opdracht, *args, **kwargs)
        if self.samenvatting is not None:  # one line for the whole change: only which dossier it was
            resultaat = self.conn.execute(opdracht, *args, **kwargs)
            if isinstance(opdracht, Insert) and tabel.name == "dossier":
                self.dossier_id = resultaat.inserted_primary_key[0]
            return resultaat
        if isinstance(opdracht, Insert):
            resultaat = self.conn.execute(opdracht, *args, **kwargs)
            self._na_invoegen(tabel, opdracht, resultaat, args[0] if args else kwargs.get("parameters"))
            return resultaat
        oud = [dict(r._mapping) for r in self.conn.execute(select(tabel).where(opdracht.whereclause))] \
            if opdracht.whereclause is not None else []
        resultaat = self.conn.execute(opdracht, *args, **kwargs)
        if isinstance(opdracht, Delete):
            self._wijzigingen += [_Rijwijziging(tabel, rij, None) for rij in oud]
        else:
            for rij in oud:
                nieuw = self.conn.execute(select(tabel).where(_op_sleutel(tabel, rij))).first()
                if nieuw is not None:
                    self._wijzigingen.append(_Rijwijziging(tabel, rij, dict(nieuw._mapping)))
        return resultaat

    def noteer(self, dossier_id: str, regel: str, *, knooppunt_id: str | None = None, onderdeel: str = "") -> None:
        """An explicit line, for changes the rows do not explain by themselves (a member added, an import)."""
        self._extra.append(_Regel(dossier_id, knooppunt_id, onderdeel or self.store._onderdeel(knooppunt_id), regel))

    def _na_invoegen(self, tabel: Table, opdracht: Insert, resultaat, parameters) -> None:
        if isinstance(parameters, (list, tuple)):
            self._wijzigingen += [_Rijwijziging(tabel, None, dict(p)) for p in parameters]
            return
        # the values come from the statement itself (no extra query), the generated key from the result
        waarden = {k: v for k, v in opdracht.compile().params.items() if k in tabel.c}
        if isinstance(parameters, Mapping):
            waarden.update(parameters)
        try:
            sleutel = resultaat.inserted_primary_key
        except Exception:  # e.g. a multi-row VALUES
            sleutel = None
        if sleutel is not None:
            waarden.update({k.name: v for k, v in zip(tabel.primary_key.columns, sleutel, strict=True)
                            if v is not None})
        self._wijzigingen.append(_Rijwijziging(tabel, None, waarden))

    def schrijf_geschiedenis(self) -> None:
        """Turn what changed into history lines, inside the same transaction (called just before commit)."""
        regels = list(self._extra) + [r for w in self._wijzigingen for r in self.store._regels(self, w)]
        if self.samenvatting is not None and self.dossier_id:
            regels.append(_Regel(self.dossier_id, None, "Dossier", self.samenvatting))
        self.store._bewaar_regels(self.conn, _ingekort(regels))


def _ingekort(regels: list[_Regel]) -> list[_Regel]:
    per_dossier: dict[str, list[_Regel]] = {}
    for regel in regels:
        per_dossier.setdefault(regel.dossier_id, []).append(regel)
    uit: list[_Regel] = []
    for dossier_id, lijst in per_dossier.items():
        if len(lijst) <= MAX_REGELS_PER_WIJZIGING:
            uit += lijst
            continue
        getoond = lijst[: MAX_REGELS_PER_WIJZIGING - 1]
        uit += getoond
        uit.append(_Regel(dossier_id, getoond[-1].knooppunt_id, getoond[-1].onderdeel,
                          f"… en {len(lijst) - len(getoond)} andere wijzigingen in dezelfde handeling"))
    return uit


def _op_sleutel(tabel: Table, rij: Mapping):
    return and_(*(kolom == rij[kolom.name] for kolom in tabel.primary_key.columns))


class GeschiedenisOpslag(OpslagDeel):
    """Reading the history, and the translation of row changes into Dutch lines."""

    gebruiker: Gebruiker

    def geschiedenis(self, dossier_id: str, *, knooppunt_id: str | None = None, gebruiker: str | None = None,
                     limiet: int = 500) -> list[Wijziging]:
        """The history of a dossier, newest first; optionally of one knooppunt or one person (their
        ``auteur`` name as shown in the history)."""
        tabel = schema.wijziging
        opdracht = select(tabel, schema.gebruiker.c.naam.label("login")).outerjoin(
            schema.gebruiker, schema.gebruiker.c.id == tabel.c.gebruiker_id).where(tabel.c.dossier_id == dossier_id)
        if knooppunt_id:
            opdracht = opdracht.where(tabel.c.knooppunt_id == knooppunt_id)
        if gebruiker:
            opdracht = opdracht.where(tabel.c.auteur == gebruiker)
        opdracht = opdracht.order_by(tabel.c.id.desc()).limit(max(1, min(int(limiet), 100_000)))
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(opdracht).all()
        return [Wijziging(id=r.id, dossier_id=r.dossier_id, moment=r.moment, auteur=r.auteur, gebruiker=r.login or "",
                          knooppunt_id=r.knooppunt_id, onderdeel=r.onderdeel, regel=r.regel) for r in rijen]

    def auteurs(self, dossier_id: str) -> list[str]:
        """Everyone who appears in the history of a dossier, for the filter 'Persoon'."""
        tabel = schema.wijziging
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            namen = conn.execute(select(tabel.c.auteur).where(tabel.c.dossier_id == dossier_id).distinct()).scalars()
            return sorted(namen, key=str.casefold)

    # -- writing (inside the change's own transaction) ---------------------------------------------
    def _bewaar_regels(self, conn: Connection, regels: Iterable[_Regel]) -> None:
        regels = list(regels)
        if not regels:
            return
        bestaand = set(conn.execute(select(schema.dossier.c.id).where(
            schema.dossier.c.id.in_({r.dossier_id for r in regels}))).scalars())
        moment = nu()
        rijen = [{"dossier_id": r.dossier_id, "moment": moment, "gebruiker_id": self.gebruiker.id,
                  "auteur": self.gebruiker.weergavenaam[:200], "knooppunt_id": r.knooppunt_id,
                  "onderdeel": r.onderdeel[:200], "regel": r.regel}
                 for r in regels if r.dossier_id in bestaand]  # a deleted dossier takes its history along
        if rijen:
            conn.execute(insert(schema.wijziging), rijen)

    def _onderdeel(self, knooppunt_id: str | None) -> str:
        if knooppunt_id:
            try:
                return self._inhoud.knooppunt(knooppunt_id).titel
            except (KeyError, AttributeError):
                return knooppunt_id
        return "Dossier"

    def _regels(self, verbinding: Schrijfverbinding, wijziging: _Rijwijziging) -> Iterator[_Regel]:
        tabel, oud, nieuw = wijziging.tabel, wijziging.oud, wijziging.nieuw
        rij = nieuw if nieuw is not None else oud
        conn = verbinding.conn
        dossier_id = rij.get("dossier_id") or _dossier_via_ouders(conn, tabel, rij) or verbinding.dossier_id
        if tabel.name == "dossier":
            dossier_id = rij["id"]
        if not dossier_id:
            return
        soort, knooppunt_id = TABELLEN[tabel.name]
        if tabel.name in ("knooppunt_status", "besluit"):
            knooppunt_id = rij.get("knooppunt_id")
        naam = _naam_van(conn, tabel, rij)
        wie = f"{soort} {naam}" if naam else soort
        if tabel.name == "dossier_formulier":
            knooppunt_id = FORMULIER_KNOOPPUNT.get(rij["sleutel"])
            yield from self._formulierregels(dossier_id, knooppunt_id, oud, nieuw)
            return
        if tabel.name == "knooppunt_status" and nieuw is not None:
            voor = STATUS_LABELS.get((oud or {}).get("status") or STANDAARD_STATUS, "")
            na = STATUS_LABELS.get(nieuw["status"], nieuw["status"])
            if voor != na:
                yield _Regel(dossier_id, knooppunt_id, self._onderdeel(knooppunt_id), f"Status: {voor} → {na}")
            return
        if tabel.name == "besluit" and oud is None:
            soort = {"correctie": "Correctie vastgelegd", "automatisch": "Automatisch besluit vastgelegd"}.get(
                nieuw["soort"], "Besluit vastgelegd")
            yield _Regel(dossier_id, knooppunt_id, self._onderdeel(knooppunt_id), f"{soort}: {_kort(nieuw['wat'])}")
            return
        if tabel.name == "dossier" and oud is None:
            yield _Regel(dossier_id, None, "Dossier", f"Dossier {_kort(rij['naam'])} aangemaakt")
            return
        if oud is None:
            yield _Regel(dossier_id, knooppunt_id, self._onderdeel(knooppunt_id), f"{wie} toegevoegd"
                         + _kenmerken(tabel, nieuw))
            return
        if nieuw is None:
            yield _Regel(dossier_id, knooppunt_id, self._onderdeel(knooppunt_id), f"{wie} verwijderd")
            return
        per_knooppunt: dict[str | None, list[str]] = {}
        for kolom in (c.name for c in tabel.columns):
            if kolom in NIET_TONEN or kolom.endswith("_id") or oud.get(kolom) == nieuw.get(kolom):
                continue
            doel = PARTIJ_KNOOPPUNT.get(kolom, knooppunt_id) if tabel.name == "partij" else knooppunt_id
            per_knooppunt.setdefault(doel, []).append(
                f"{_kolomlabel(kolom)} {_kort(oud.get(kolom))} → {_kort(nieuw.get(kolom))}")
        for doel, delen in per_knooppunt.items():
            yield _Regel(dossier_id, doel, self._onderdeel(doel), f"{wie}: " + "; ".join(delen))

    def _formulierregels(self, dossier_id, knooppunt_id, oud, nieuw) -> Iterator[_Regel]:
        voor = _json_dict(oud.get("gegevens") if oud else None)
        na = _json_dict(nieuw.get("gegevens") if nieuw else None)
        onderdeel = self._onderdeel(knooppunt_id)
        if nieuw is None:
            yield _Regel(dossier_id, knooppunt_id, onderdeel, "Ingevulde gegevens verwijderd")
            return
        delen = [f"{_kolomlabel(k)} {_kort(voor.get(k))} → {_kort(na.get(k))}"
                 for k in sorted(set(voor) | set(na)) if voor.get(k) != na.get(k)]
        if not delen:
            return
        if len(delen) > 4:
            delen = [*delen[:4], f"en {len(delen) - 4} andere velden"]
        yield _Regel(dossier_id, knooppunt_id, onderdeel, "; ".join(delen))


def _json_dict(tekst: object) -> dict:
    if not isinstance(tekst, str) or not tekst:
        return {}
    try:
        waarde = json.loads(tekst)
    except ValueError:
        return {}
    return waarde if isinstance(waarde, dict) else {"waarde": waarde}


def _kenmerken(tabel: Table, rij: Mapping) -> str:
    """A few telling values of a new row ('uren per maand 8'), besides its name."""
    delen = [f"{_kolomlabel(k)} {_kort(rij.get(k))}" for k in (c.name for c in tabel.columns)
             if k not in NIET_TONEN and not k.endswith("_id") and k not in ("naam", "wat", "sleutel", "gegevens")
             and rij.get(k) not in (None, "", False)]
    return f" ({'; '.join(delen[:3])})" if delen else ""


def _naam_van(conn: Connection, tabel: Table, rij: Mapping) -> str:
    """How a reader recognises the row: its own name, or the names of the rows it belongs to."""
    for kolom in ("naam", "wat"):
        if rij.get(kolom):
            return _kort(str(rij[kolom]))
    delen: list[str] = []
    for kolom in tabel.columns:
        if rij.get(kolom.name) is None or kolom.name == "dossier_id":
            continue
        if kolom.foreign_keys:
            doel = next(iter(kolom.foreign_keys)).column.table
            naamkolom = next((c for c in ("weergavenaam", "naam", "wat") if c in doel.c), None)
            if naamkolom is not None:
                gevonden = conn.execute(select(doel.c[naamkolom]).where(
                    next(iter(kolom.foreign_keys)).column == rij[kolom.name])).scalar()
                if gevonden:
                    delen.append(_kort(str(gevonden)))
        elif kolom.name.endswith("_id") and kolom.name != "id":
            delen.append(f"{_kolomlabel(kolom.name)} {rij[kolom.name]}")
        elif kolom.name == "sleutel":
            delen.append(_kort(str(rij[kolom.name])))
    return ", ".join(delen)


def _dossier_via_ouders(conn: Connection, tabel: Table, rij: Mapping) -> str | None:
    """The dossier of a row without a dossier column, through the row it belongs to (a party, a task …)."""
    for kolom in tabel.columns:
        if not kolom.foreign_keys or rij.get(kolom.name) is None:
            continue
        doel = next(iter(kolom.foreign_keys)).column
        if "dossier_id" in doel.table.c:
            gevonden = conn.execute(select(doel.table.c.dossier_id).where(doel == rij[kolom.name])).scalar()
            if gevonden:
                return gevonden
        elif doel.table.name in ("scan_respons",):
            ronde = conn.execute(select(doel.table.c.ronde_id).where(doel == rij[kolom.name])).scalar()
            if ronde is not None:
                return conn.execute(select(schema.scan_ronde.c.dossier_id).where(
                    schema.scan_ronde.c.id == ronde)).scalar()
    return None
