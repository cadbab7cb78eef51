"""The complete wijkdossier as one JSON document (a backup, or to move it to another machine), and back.

**Complete by construction.** The export walks the schema itself: every table that hangs off ``dossier``,
through a ``dossier_id`` column or through foreign keys (partij → partij_belang, scan_ronde → scan_respons
→ scan_antwoord, workshop_sessie → workshop_ronde → workshop_antwoord, ...), goes into the document. A table
that is deliberately left out must be listed in ``NIET_UITGEVOERD``; a test checks that every table of the
schema is one or the other, so a future table can't silently be missing from a backup.

**Logical ids.** Database ids mean nothing outside one store. In the document every surrogate key (integer
ids, the uuid ids of the workshop tables, the dossier id) is a number 1..n per table, in the order of the
original key; every foreign key, and every reference hidden inside a text or JSON column (the rules in
``VERWIJZINGEN``), is rewritten the same way. Import makes new ids (in the same order) and maps everything
back, so export → import → export gives the same bytes apart from the one history line the import adds: there
is no timestamp of the export inside (the date goes in the file name). A reference inside history (a fixed
weighting, a workshop round, the signatories of the agreements) may point at something deleted since; the
document writes such a reference as a negative number (-1, -2, ...), which stays as it is on import: it never
matches a row, exactly as before.

**History travels, accounts do not.** The change history (``wijziging``) is part of the dossier and goes along
with the name of whoever made each change; which account that was (``gebruiker_id``, ``WEGGELATEN``), the
accounts, their sessions and the members stay on their server. Whoever imports becomes the copy's eigenaar.

**Import refuses, or writes everything.** The whole document is checked first (size, UTF-8, JSON, kind,
schema version, tables and columns of that version, types, required values, logical ids, foreign keys,
embedded references, JSON columns) and then written in ONE transaction; a refused file changes nothing and
gets a Dutch message that names it. A document of an older schema version is loaded into a throw-away
SQLite store of that version, brought up to date with the real migrations, exported again and imported.
"""

from __future__ import annotations

import json
import math
import re
import secrets
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import cache
from graphlib import TopologicalSorter
from pathlib import Path

from sqlalchemy import Boolean, DateTime, Float, Integer, MetaData, Numeric, String, insert, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.schema import Column, Table
from sqlalchemy.types import TypeDecorator

from ..dossier import schema, validatie
from ..dossier.model import Dossier, InvoerFout, OpslagFout
from ..dossier.store import _maak_engine, _opslagfout, migreer_naar
from ..workshop import codes
from ..workshop.model import OEFENINGEN, Vraag

SOORT = "wijkkompas-dossier"
TERUGGEZET = "Teruggezet uit reservekopie {bestand} door {naam}"
GEKOPIEERD = "Kopie gemaakt van ‘{bron}’ door {naam}"
MAX_IMPORT = 50 * 1024 * 1024  # bytes of one file
MAX_RIJEN = 100_000  # rows of one table in one document
GEIMPORTEERD = " (geïmporteerd)"
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1  # INTEGER on PostgreSQL
_VERSIES_MAP = Path(schema.__file__).resolve().parent / "migraties" / "versions"

# Tables of the store that are no part of any dossier (never exported, and refused in a document).
NIET_UITGEVOERD: dict[str, str] = {
    "meta": "markers of the store itself (e.g. that the example dossier was placed once)",
    "alembic_version": "the schema version of the store; the document carries its own ('schema')",
    "gebruiker": "the accounts of this server: a backup holds a dossier, never who may sign in where",
    "aanmeldsessie": "sign-in sessions of this server (secrets)",
    "dossier_lid": "who may open the dossier here; user ids mean nothing on another server, and whoever imports "
                   "the backup becomes its eigenaar",
}

# Columns left out of the document and empty on import: ids of rows that are never exported. The history keeps
# who made a change as text (``auteur``, the name at the time), which means the same on every server.
WEGGELATEN: dict[tuple[str, str], str] = {
    ("wijziging", "gebruiker_id"): "an account of this server; the line keeps the name in 'auteur'",
}

# Columns left out of the document and made new on import. A workshop's join code is unique in the whole
# store and lets people into a live session: a copy of the dossier gets its own code (the old one may still
# be in use where the original lives). Everything else of a session is kept, PIN hash included, so the
# facilitator's PIN keeps working.
NIEUW_BIJ_IMPORT: dict[tuple[str, str], str] = {
    ("workshop_sessie", "code"): "a new join code",
}

# References to *content* (data/), not to rows of the store: copied as they are, never mapped. Listed so
# nobody adds them to VERWIJZINGEN by mistake: knooppunt_status.knooppunt_id, besluit.knooppunt_id,
# criterium.catalogus_id, scan_antwoord.stelling_id, partij_belang.belang_id (a catalogue id unless it
# starts with 'eigen-'), scan questions in workshop_ronde.vragen, koppelkans.herkomst_ref (the id of a
# sociale koppelkans inside the 'sociale_koppelkansen' form, or a text). Ids inside other forms (the
# statements of 'beeld_toetsen', the sociale koppelkansen) are the form's own and travel with it.


class _Onleesbaar(Exception):
    """A value that does not fit; the text says why (Dutch, without the place: the caller adds that)."""


# -- the embedded references --------------------------------------------------------------------------------
_NUMMER = re.compile(r"^-?[1-9][0-9]{0,9}$")


def _is_getal(waarde: object) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _nummer(tekst: object) -> int:
    """'12' or '-1' → int; anything else (also ' 12', '012', '1.0') is refused."""
    if not isinstance(tekst, str) or not _NUMMER.match(tekst):
        raise _Onleesbaar(f"'{_kort(tekst)}' is geen geldig nummer")
    waarde = int(tekst)
    if not _INT_MIN <= waarde <= _INT_MAX:
        raise _Onleesbaar(f"'{_kort(tekst)}' is geen geldig nummer")
    return waarde


def _json(tekst: object, soort: type) -> object:
    try:
        gegevens = json.loads(tekst) if isinstance(tekst, str) else None
    except (ValueError, RecursionError):
        gegevens = None
    if not isinstance(gegevens, soort):
        raise _Onleesbaar("bevat geen leesbare " + ("lijst" if soort is list else "gegevens") + " (JSON)")
    return gegevens


# ``vertaal(tabel, nummer, historie=...)`` maps an id of ``tabel``; with ``historie`` a reference to a row
# deleted since is allowed (see the module docstring). ``ouders`` gives the rows of the tables with a
# surrogate key by their key (in the same id space as the row), for a rule that needs another row.
Vertaal = Callable[..., int]
Ouders = Mapping[str, Mapping[object, Mapping]]


def _koppelkansen_van_strategie(waarde, _rij, vertaal: Vertaal, _ouders: Ouders) -> str:
    lijst = _json(waarde, list)
    if not all(_is_getal(kans) for kans in lijst):
        raise _Onleesbaar("de koppelkansen van een strategie zijn nummers")
    return json.dumps([vertaal("koppelkans", kans, historie=False) for kans in lijst])


def _sleutels(gegevens: object, tabel: str, vertaal: Vertaal, waarde_klopt: Callable[[object], bool]) -> dict:
    if not isinstance(gegevens, dict):
        raise _Onleesbaar("een onderdeel is geen lijst met nummers")
    uit = {}
    for sleutel, waarde in gegevens.items():
        if not waarde_klopt(waarde):
            raise _Onleesbaar(f"de waarde bij '{_kort(sleutel)}' klopt niet")
        uit[str(vertaal(tabel, _nummer(sleutel), historie=True))] = waarde
    return uit


def _is_gewicht(waarde: object) -> bool:
    return isinstance(waarde, (int, float)) and not isinstance(waarde, bool)


def _gewichten_van_vastzetting(waarde, _rij, vertaal: Vertaal, _ouders: Ouders) -> str:
    gegevens = _json(waarde, dict)
    uit: dict = {}
    for deel, inhoud in gegevens.items():
        if deel in ("gewichten", "criteria"):
            klopt = _is_gewicht if deel == "gewichten" else (lambda w: isinstance(w, str))
            uit[deel] = _sleutels(inhoud, "criterium", vertaal, klopt)
        elif deel == "partijen":
            uit[deel] = _sleutels(inhoud, "partij", vertaal, lambda w: isinstance(w, str))
        elif deel in ("punten", "per_partij"):
            per_partij = _sleutels(inhoud, "partij", vertaal, lambda w: isinstance(w, dict))
            uit[deel] = {p: _sleutels(w, "criterium", vertaal, _is_gewicht) for p, w in per_partij.items()}
        else:
            raise _Onleesbaar(f"onbekend onderdeel '{_kort(deel)}'")
    return json.dumps(uit, ensure_ascii=False, sort_keys=True)


def _belang_van_partij(waarde, _rij, vertaal: Vertaal, _ouders: Ouders) -> str:
    if not waarde.startswith("eigen-"):
        return waarde  # a belang from the catalogue (content)
    return f"eigen-{vertaal('eigen_belang', _nummer(waarde.removeprefix('eigen-')), historie=False)}"


# per exercise of a workshop round: (letter, table, what follows the id after ':', or None for nothing)
_WORKSHOPSLEUTELS: dict[str, tuple[str, str, frozenset[str] | None]] = {
    "machtbelang": ("p", "partij", frozenset({"invloed", "belang"})),
    "weging": ("c", "criterium", None),
    "koppelkansen": ("k", "koppelkans", frozenset()),  # any criterion name (may hold ':' itself)
}
_VRAAGVELDEN = {"sleutel": str, "label": str, "groep": str, "minimum": int, "maximum": int, "weet_niet": bool,
                "toelichting": str}


def _workshopsleutel(sleutel: object, oefening: object, vertaal: Vertaal) -> str:
    if oefening not in OEFENINGEN:
        raise _Onleesbaar(f"onbekende oefening '{_kort(oefening)}'")
    if not isinstance(sleutel, str):
        raise _Onleesbaar("een vraag heeft een naam als tekst")
    vorm = _WORKSHOPSLEUTELS.get(oefening)
    if vorm is None:
        return sleutel  # scan: the id of a statement (content)
    letter, tabel, achter = vorm
    nummer, dubbelepunt, rest = sleutel[1:].partition(":")
    # weging: nothing after the id; machtbelang: ':invloed' or ':belang'; koppelkansen: ':<any criterion>'
    klopt = not dubbelepunt if achter is None else bool(rest) and (not achter or rest in achter)
    if not sleutel.startswith(letter) or not klopt:
        raise _Onleesbaar(f"de vraag '{_kort(sleutel)}' past niet bij deze oefening")
    nieuw = vertaal(tabel, _nummer(nummer), historie=True)
    return f"{letter}{nieuw}{dubbelepunt}{rest}"


def _vragen_van_ronde(waarde, rij, vertaal: Vertaal, _ouders: Ouders) -> str:
    uit = []
    for item in _json(waarde, list):
        if not isinstance(item, dict) or not {"sleutel", "label"} <= set(item) or not set(item) <= set(_VRAAGVELDEN):
            raise _Onleesbaar("een vraag van de ronde is onvolledig")
        for veld, soort in _VRAAGVELDEN.items():
            if veld in item and (not isinstance(item[veld], soort) or (soort is int and isinstance(item[veld], bool))):
                raise _Onleesbaar(f"een vraag van de ronde heeft een fout '{veld}'")
        Vraag(**item)  # the store reads them like this
        uit.append({**item, "sleutel": _workshopsleutel(item["sleutel"], rij["oefening"], vertaal)})
    return json.dumps(uit, ensure_ascii=False)


def _sleutel_van_antwoord(waarde, rij, vertaal: Vertaal, ouders: Ouders) -> str:
    ronde = ouders.get("workshop_ronde", {}).get(rij["ronde_id"])
    if ronde is None:
        raise _Onleesbaar("het antwoord hoort bij een ronde die er niet is")
    return _workshopsleutel(waarde, ronde["oefening"], vertaal)


def _besluit_van_ronde(waarde, _rij, vertaal: Vertaal, _ouders: Ouders) -> int:
    return vertaal("besluit", waarde, historie=False)


# Inside a form, a store row is referred to only under these keys (at any depth); the exercises keep to it.
# Everything else in a form is the form's own (its own row ids are strings), so a new form needs no rule.
_FORMULIERSLEUTELS = {"partij_id": "partij", "partij_ids": "partij", "koppelkans_id": "koppelkans"}


def _verwijzingen_in_formulier(waarde, rij, vertaal: Vertaal, _ouders: Ouders) -> str:
    """Maps every ``partij_id``/``partij_ids``/``koppelkans_id`` in a form, and the signatories of 'afspraken'
    (older than this rule). History: a form may name a party or koppelkans deleted since. A value of another
    type stays as it is: the exercises read only whole numbers there."""

    def nummer(tabel: str, i: object) -> object:
        return vertaal(tabel, i, historie=True) if _is_getal(i) else i

    def loop(knoop: object) -> object:
        if isinstance(knoop, list):
            return [loop(item) for item in knoop]
        if not isinstance(knoop, dict):
            return knoop
        uit = {}
        for sleutel, inhoud in knoop.items():
            tabel = _FORMULIERSLEUTELS.get(sleutel)
            if tabel is None:
                uit[sleutel] = loop(inhoud)
            elif isinstance(inhoud, list):
                uit[sleutel] = [nummer(tabel, i) for i in inhoud]
            else:
                uit[sleutel] = nummer(tabel, inhoud)
        return uit

    gegevens = _json(waarde, dict)
    if rij["sleutel"] == "afspraken" and isinstance(gegevens.get("ondertekenaars"), list):
        gegevens["ondertekenaars"] = [nummer("partij", i) for i in gegevens["ondertekenaars"]]
    return json.dumps(loop(gegevens), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Verwijzing:
    """A reference to rows of the store inside a column that is no foreign key."""

    tabel: str
    kolom: str
    doelen: tuple[str, ...]  # tables it points to (they are written first on import)
    vertaal: Callable[[object, Mapping, Vertaal, Ouders], object]


# ONE table of every reference the database does not know about (found in schema.py, the store mixins and
# the widgets that write forms). Real foreign keys (besluit.corrigeert_id, weging_vastzetting.besluit_id,
# strategie_keuze.besluit_id, ...) need no rule: every foreign key column is mapped by itself.
VERWIJZINGEN: tuple[Verwijzing, ...] = (
    # JSON list of koppelkans ids; the store refuses to delete a koppelkans a strategy uses, so never dangling
    Verwijzing("strategie", "koppelkansen", ("koppelkans",), _koppelkansen_van_strategie),
    # JSON snapshot of the fixed weights: the keys of 'gewichten' and 'criteria' are criterium ids, of
    # 'partijen' partij ids, of 'punten' and 'per_partij' partij ids with criterium ids inside; history, so
    # a criterion or party deleted after a withdrawal may be gone
    Verwijzing("weging_vastzetting", "gewichten", ("criterium", "partij"), _gewichten_van_vastzetting),
    # 'eigen-<eigen_belang id>' for a team's own belang (deleting it deletes these rows), else a catalogue id
    Verwijzing("partij_belang", "belang_id", ("eigen_belang",), _belang_van_partij),
    # the round's snapshot of its questions: keys 'p<partij id>:invloed|belang' (machtbelang), 'c<criterium
    # id>' (weging), 'k<koppelkans id>:<criterion>' (koppelkansen); scan keys are statements. History: what
    # was asked may have been deleted since (adoption then reports it as not adopted)
    Verwijzing("workshop_ronde", "vragen", ("partij", "criterium", "koppelkans"), _vragen_van_ronde),
    # the key of an answer, as in the questions of its round
    Verwijzing("workshop_antwoord", "sleutel", ("partij", "criterium", "koppelkans"), _sleutel_van_antwoord),
    # the besluitenlog entry of the adoption (no foreign key, see migration 0006); the log is append-only
    Verwijzing("workshop_ronde", "besluit_id", ("besluit",), _besluit_van_ronde),
    # forms: 'partij_id', 'partij_ids' and 'koppelkans_id' at any depth, and the signatories ('ondertekenaars')
    # of 'afspraken'; a party or koppelkans may have been deleted since
    Verwijzing("dossier_formulier", "gegevens", ("partij", "koppelkans"), _verwijzingen_in_formulier),
)
_REGELS = {(v.tabel, v.kolom): v for v in VERWIJZINGEN}


# JSON columns: what their text must hold, so a bad file cannot make a page fail later.
def _object_van_getallen(gegevens: object) -> None:
    if not all(isinstance(k, str) and _is_getal(w) for k, w in gegevens.items()):
        raise _Onleesbaar("de scores zijn geen gehele getallen per criterium")


JSON_KOLOMMEN: dict[tuple[str, str], tuple[type, Callable[[object], None] | None]] = {
    ("koppelkans", "scores"): (dict, _object_van_getallen),
    ("dossier_formulier", "gegevens"): (dict, None),
    ("strategie", "koppelkansen"): (list, None),
    ("weging_vastzetting", "gewichten"): (dict, None),
    ("workshop_ronde", "vragen"): (list, None),
}


class _Vertaler:
    """Maps ids through ``ids[tabel]``. A reference not in it is refused, unless it is history: then the
    export collects it (``verzamel``) or gives it its negative number (``weg``), and import keeps a negative
    number as it is (``negatief_blijft``)."""

    def __init__(self, ids: Mapping[str, Mapping], *, verzamel: dict | None = None, weg: Mapping | None = None,
                 negatief_blijft: bool = False):
        self.ids, self.verzamel, self.weg, self.negatief_blijft = ids, verzamel, weg, negatief_blijft

    def __call__(self, tabel: str, waarde: int, *, historie: bool) -> int:
        kaart = self.ids.get(tabel, {})
        if waarde in kaart:
            return kaart[waarde]
        if historie:
            if self.verzamel is not None:
                self.verzamel.setdefault(tabel, set()).add(waarde)
                return waarde
            if self.weg is not None and waarde in self.weg.get(tabel, {}):
                return self.weg[tabel][waarde]
            if self.negatief_blijft and waarde < 0:
                return waarde
        raise _Onleesbaar(f"verwijst naar {tabel} {waarde}, die niet in het dossier staat")


# -- the schema of a version -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Schema:
    versie: str
    tabellen: Mapping[str, Table]  # 'dossier' and every table of a dossier
    volgorde: tuple[str, ...]  # the dossier's tables (not 'dossier'): everything referenced comes first


def _schema_van(metadata: MetaData, versie: str) -> _Schema:
    leden: dict[str, Table] = {"dossier": metadata.tables["dossier"]}
    for tabel in metadata.sorted_tables:
        if tabel.name in leden or tabel.name in NIET_UITGEVOERD:
            continue
        if any(fk.column.table.name in leden for fk in tabel.foreign_keys):
            leden[tabel.name] = tabel
    sorteer: TopologicalSorter = TopologicalSorter()
    for naam, tabel in leden.items():
        if naam == "dossier":
            continue
        doelen = {fk.column.table.name for fk in tabel.foreign_keys}
        doelen |= {d for v in VERWIJZINGEN if v.tabel == naam for d in v.doelen}
        sorteer.add(naam, *sorted(d for d in doelen if d in leden and d not in (naam, "dossier")))
    return _Schema(versie, leden, tuple(sorteer.static_order()))


@cache
def _huidig_schema() -> _Schema:
    return _schema_van(schema.metadata, schema.SCHEMA_VERSIE)


def _sleutel(tabel: Table) -> Column | None:
    """The surrogate key: a primary key of one column that is no foreign key itself."""
    kolommen = list(tabel.primary_key.columns)
    if len(kolommen) == 1 and not kolommen[0].foreign_keys:
        return kolommen[0]
    return None


def _doel(kolom: Column) -> str:
    return next(iter(kolom.foreign_keys)).column.table.name


def _soort(kolom: Column) -> str:
    soort = kolom.type
    if isinstance(soort, TypeDecorator):
        soort = soort.impl_instance
    for klasse, naam in ((Boolean, "bool"), (DateTime, "datum"), (Integer, "geheel"), ((Float, Numeric), "getal"),
                         (String, "tekst")):
        if isinstance(soort, klasse):
            return naam
    return "tekst"


def bekende_versies() -> list[str]:
    """Every schema version a document may have, oldest first (the migration scripts)."""
    return sorted(p.name[:4] for p in _VERSIES_MAP.glob("[0-9][0-9][0-9][0-9]_*.py"))


# -- values ---------------------------------------------------------------------------------------------------------
def _naar_json(kolom: Column, waarde: object) -> object:
    if waarde is None:
        return None
    soort = _soort(kolom)
    if soort == "datum":
        if waarde.tzinfo is None:
            waarde = waarde.replace(tzinfo=timezone.utc)
        return waarde.astimezone(timezone.utc).isoformat()
    if soort == "bool":
        return bool(waarde)
    if soort == "getal":
        return float(waarde)
    return waarde


def _van_json(kolom: Column, waarde: object) -> object:
    """A value of the document as the database takes it, or _Onleesbaar."""
    if waarde is None:
        if not kolom.nullable or kolom.primary_key:
            raise _Onleesbaar("is verplicht")
        return None
    soort = _soort(kolom)
    if soort == "bool":
        if not isinstance(waarde, bool):
            raise _Onleesbaar("moet ja of nee (true/false) zijn")
        return waarde
    if soort == "geheel":
        if not _is_getal(waarde) or not _INT_MIN <= waarde <= _INT_MAX:
            raise _Onleesbaar("moet een geheel getal zijn")
        return waarde
    if soort == "getal":
        try:
            getal = float(waarde) if isinstance(waarde, (int, float)) and not isinstance(waarde, bool) else math.nan
        except OverflowError:
            getal = math.nan
        if not math.isfinite(getal):
            raise _Onleesbaar("moet een getal zijn")
        return getal
    if soort == "datum":
        try:
            moment = datetime.fromisoformat(waarde) if isinstance(waarde, str) and len(waarde) <= 40 else None
            if moment is not None and moment.tzinfo is None:
                moment = moment.replace(tzinfo=timezone.utc)
            moment = moment.astimezone(timezone.utc) if moment is not None else None
        except (ValueError, OverflowError):
            moment = None
        if moment is None:
            raise _Onleesbaar("moet een datum en tijd zijn, zoals 2026-11-23T10:00:00+00:00")
        return moment
    if not isinstance(waarde, str):
        raise _Onleesbaar("moet tekst zijn")
    lengte = getattr(kolom.type, "length", None)
    if lengte is not None and len(waarde) > lengte:
        raise _Onleesbaar(f"is te lang ({len(waarde)} tekens; hoogstens {lengte})")
    if "\x00" in waarde:
        raise _Onleesbaar("bevat een onzichtbaar nulteken")
    try:
        waarde.encode("utf-8")
    except UnicodeEncodeError:
        raise _Onleesbaar("bevat een ongeldig teken") from None
    return waarde


def _kort(waarde: object, maximum: int = 40) -> str:
    """A piece of the file for a message: short, and printable (a broken character becomes '?')."""
    tekst = str(waarde).encode("utf-8", "replace").decode("utf-8")
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1] + "…"


def _sorteersleutel(waarden: tuple) -> tuple:
    return tuple((0, w, "") if isinstance(w, (int, float)) and not isinstance(w, bool) else (1, 0, str(w))
                 for w in waarden)


# -- export -------------------------------------------------------------------------------------------------------
def _lees(conn: Connection, sch: _Schema, dossier_id: str) -> tuple[dict | None, dict[str, list[dict]]]:
    """The dossier's row and the rows of every table of the dossier (as in the database)."""
    dossier = sch.tabellen["dossier"]
    rij = conn.execute(select(dossier).where(dossier.c.id == dossier_id)).mappings().first()
    voorwaarden = {"dossier": dossier.c.id == dossier_id}
    rijen: dict[str, list[dict]] = {}
    for naam in sch.volgorde:
        tabel = sch.tabellen[naam]
        eigen = tabel.c.get("dossier_id")
        if eigen is not None and any(fk.column.table.name == "dossier" for fk in eigen.foreign_keys):
            voorwaarde = eigen == dossier_id
        else:  # a child: through its first foreign key to a table of the dossier
            fk = next(fk for kolom in tabel.columns for fk in kolom.foreign_keys
                      if fk.column.table.name in voorwaarden and fk.column.table is not tabel)
            ouder = fk.column.table.name
            voorwaarde = fk.parent.in_(select(fk.column).where(voorwaarden[ouder]))
        voorwaarden[naam] = voorwaarde
        rijen[naam] = [dict(r) for r in conn.execute(select(tabel).where(voorwaarde)).mappings()]
    return (dict(rij) if rij is not None else None), rijen


def _weg_volgorde(waarde: int) -> tuple:
    """Deleted ids get -1, -2, ... : negative ones first (already numbered by an earlier import), then the rest."""
    return (0, -waarde) if waarde < 0 else (1, waarde)


def _document(sch: _Schema, dossier_rij: dict, rijen: dict[str, list[dict]]) -> dict:
    """The document of a dossier read with ``_lees``. Raises _Onleesbaar when the store itself is inconsistent."""
    ids: dict[str, dict] = {"dossier": {dossier_rij["id"]: 1}}
    ouders: dict[str, dict] = {}
    for naam in sch.volgorde:
        sleutel = _sleutel(sch.tabellen[naam])
        if sleutel is not None:
            oud = sorted(r[sleutel.name] for r in rijen[naam])
            ids[naam] = {waarde: nummer for nummer, waarde in enumerate(oud, start=1)}
            ouders[naam] = {r[sleutel.name]: r for r in rijen[naam]}
    regels = [(naam, regel) for naam in sch.volgorde for regel in VERWIJZINGEN
              if regel.tabel == naam and regel.kolom in sch.tabellen[naam].c]
    verzameld: dict[str, set] = {}
    verzamel = _Vertaler(ids, verzamel=verzameld)
    for naam, regel in regels:
        for rij in rijen[naam]:
            if rij[regel.kolom] is not None:
                regel.vertaal(rij[regel.kolom], rij, verzamel, ouders)
    weg = {tabel: {w: -n for n, w in enumerate(sorted(waarden, key=_weg_volgorde), start=1)}
           for tabel, waarden in verzameld.items()}
    vertaal = _Vertaler(ids, weg=weg)

    tabellen: dict[str, list] = {}
    for naam in sch.volgorde:
        tabel = sch.tabellen[naam]
        sleutel = _sleutel(tabel)
        uit = [_rij_naar_document(tabel, rij, sleutel, ids, vertaal, ouders) for rij in rijen[naam]]
        if sleutel is not None:
            uit.sort(key=lambda r: r[sleutel.name])
        else:
            pk = [k.name for k in tabel.primary_key.columns]
            uit.sort(key=lambda r: _sorteersleutel(tuple(r[k] for k in pk)))
        tabellen[naam] = uit
    dossier = sch.tabellen["dossier"]
    return {
        "soort": SOORT,
        "schema": sch.versie,
        "dossier": {k.name: _naar_json(k, dossier_rij[k.name]) for k in dossier.columns if k.name != "id"},
        "tabellen": tabellen,
    }


def _rij_naar_document(tabel: Table, rij: Mapping, sleutel: Column | None, ids: Mapping, vertaal: _Vertaler,
                       ouders: Ouders) -> dict:
    uit = {}
    for kolom in tabel.columns:
        if (tabel.name, kolom.name) in NIEUW_BIJ_IMPORT or (tabel.name, kolom.name) in WEGGELATEN:
            continue
        waarde = rij[kolom.name]
        if waarde is not None:
            if kolom is sleutel:
                waarde = ids[tabel.name][waarde]
            elif kolom.foreign_keys:
                waarde = vertaal(_doel(kolom), waarde, historie=False)
            elif (tabel.name, kolom.name) in _REGELS:
                waarde = _REGELS[(tabel.name, kolom.name)].vertaal(waarde, rij, vertaal, ouders)
        uit[kolom.name] = _naar_json(kolom, waarde)
    return uit


def _als_bytes(document: dict) -> bytes:
    tekst = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False)
    return (tekst + "\n").encode("utf-8")


def _exporteer_verbinding(conn: Connection, sch: _Schema, dossier_id: str) -> bytes:
    dossier_rij, rijen = _lees(conn, sch, dossier_id)
    if dossier_rij is None:
        raise _Onleesbaar(f"dossier {dossier_id} bestaat niet (meer)")
    return _als_bytes(_document(sch, dossier_rij, rijen))


@contextmanager
def _momentopname(store) -> Iterator[Connection]:
    """One read transaction; on PostgreSQL REPEATABLE READ, so every table is read at the same moment (on
    SQLite a read transaction already is one snapshot)."""
    try:
        verbinding = store.engine.connect()
        if store.engine.dialect.name == "postgresql":
            verbinding = verbinding.execution_options(isolation_level="REPEATABLE READ")
        with verbinding as conn, conn.begin():
            yield conn
    except (OperationalError, DBAPIError) as fout:
        raise _opslagfout(fout, store.url) from fout


def exporteer_json(store, dossier_id: str) -> bytes:
    """The complete dossier as UTF-8 JSON (sorted keys, indent 1, ending in a newline)."""
    dossier = store.dossier(dossier_id)  # OnbekendDossier with a Dutch message when it isn't there
    try:
        with _momentopname(store) as conn:
            return _exporteer_verbinding(conn, _huidig_schema(), dossier.id)
    except (_Onleesbaar, ValueError) as fout:
        raise OpslagFout(f"Het dossier '{dossier.naam}' kon niet als bestand worden opgeslagen: {fout}. "
                         "Er is niets veranderd; vraag de beheerder om hulp.") from fout


def bestandsnaam(dossier: Dossier, extensie: str) -> str:
    """'wijkdossier-<naam in gewone letters>-<datum van vandaag>.<extensie>', for every export format."""
    ascii_ = unicodedata.normalize("NFKD", dossier.naam or "").encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].strip("-") or "dossier"
    return f"wijkdossier-{slug}-{date.today().isoformat()}.{extensie.lstrip('.')}"


# -- import ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Document:
    """A checked document: values as the database takes them, ids still logical."""

    sch: _Schema
    dossier: dict
    rijen: dict[str, list[dict]]


def _wie(naam: str) -> str:
    return f"Het bestand '{_kort(naam, 120)}'" if naam else "Het bestand"


def _geweigerd(naam: str, waarom: str) -> InvoerFout:
    return InvoerFout(f"{_wie(naam)} is niet ingelezen: {waarom}. Er is niets veranderd.")


def _geen_dubbele(paren: list[tuple[str, object]]) -> dict:
    gegevens = {}
    for sleutel, waarde in paren:
        if sleutel in gegevens:
            raise _Onleesbaar(f"'{_kort(sleutel)}' staat twee keer in hetzelfde onderdeel")
        gegevens[sleutel] = waarde
    return gegevens


def _ontleed(data: bytes, naam: str) -> dict:
    """Size, UTF-8, JSON and kind of the document: the checks that need no schema."""
    if len(data) > MAX_IMPORT:
        raise _geweigerd(naam, f"het is groter dan {MAX_IMPORT // (1024 * 1024)} MB, dus geen dossier uit dit "
                               "werkboek")
    if not data.strip():
        raise _geweigerd(naam, "het is leeg")
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _geweigerd(naam, "het is geen tekstbestand (UTF-8); kies het .json-bestand dat het werkboek "
                               "maakte") from None
    try:
        document = json.loads(tekst, object_pairs_hook=_geen_dubbele)
    except _Onleesbaar as fout:
        raise _geweigerd(naam, f"het is beschadigd: {fout}") from None
    except (ValueError, RecursionError):
        raise _geweigerd(naam, "het is geen leesbaar JSON-bestand; misschien is het beschadigd of onvolledig "
                               "gedownload") from None
    if not isinstance(document, dict) or document.get("soort") != SOORT:
        raise _geweigerd(naam, "het is geen wijkdossier uit het Wijkkompas werkboek")
    versie = document.get("schema")
    if isinstance(versie, str) and re.fullmatch(r"[0-9]{4}", versie) and versie > schema.SCHEMA_VERSIE:
        raise _geweigerd(naam, "het is gemaakt met een nieuwere versie van het werkboek; werk het werkboek bij "
                               "en probeer het dan opnieuw")
    if versie not in bekende_versies():
        raise _geweigerd(naam, "de schemaversie in het bestand is onbekend")
    return document


def _controleer(document: dict, sch: _Schema, naam: str) -> _Document:
    """The whole document against the schema of its version, before anything is written."""
    onbekend = set(document) - {"soort", "schema", "dossier", "tabellen"}
    if onbekend:
        raise _geweigerd(naam, f"het bevat het onbekende onderdeel '{_kort(sorted(onbekend)[0])}'")
    if not isinstance(document.get("dossier"), dict) or not isinstance(document.get("tabellen"), dict):
        raise _geweigerd(naam, "de dossiergegevens of de tabellen ontbreken")
    dossier = _controleer_rij(sch.tabellen["dossier"], document["dossier"], "de dossiergegevens", naam)
    if not dossier["naam"].strip():
        raise _geweigerd(naam, "het dossier heeft geen naam")

    rijen: dict[str, list[dict]] = {t: [] for t in sch.volgorde}
    for tabel_naam, lijst in document["tabellen"].items():
        if tabel_naam not in rijen:
            raise _geweigerd(naam, f"het bevat de onbekende tabel '{_kort(tabel_naam)}'")
        if not isinstance(lijst, list):
            raise _geweigerd(naam, f"de tabel '{tabel_naam}' is geen lijst")
        if len(lijst) > MAX_RIJEN:
            raise _geweigerd(naam, f"de tabel '{tabel_naam}' heeft meer dan {MAX_RIJEN} rijen")
        tabel = sch.tabellen[tabel_naam]
        rijen[tabel_naam] = [_controleer_rij(tabel, rij, f"tabel '{tabel_naam}', rij {nummer}", naam)
                             for nummer, rij in enumerate(lijst, start=1)]

    logisch: dict[str, set] = {"dossier": {1}}
    for tabel_naam in sch.volgorde:
        sleutel = _sleutel(sch.tabellen[tabel_naam])
        if sleutel is None:
            continue
        gezien: set[int] = set()
        for nummer, rij in enumerate(rijen[tabel_naam], start=1):
            if rij[sleutel.name] in gezien:
                raise _geweigerd(naam, f"in tabel '{tabel_naam}', rij {nummer}: het nummer '{sleutel.name}' "
                                       f"{rij[sleutel.name]} komt twee keer voor")
            gezien.add(rij[sleutel.name])
        logisch[tabel_naam] = gezien

    for tabel_naam in sch.volgorde:
        tabel = sch.tabellen[tabel_naam]
        sleutel = _sleutel(tabel)
        for kolom in tabel.columns:
            if not kolom.foreign_keys:
                continue
            doel = _doel(kolom)
            for nummer, rij in enumerate(rijen[tabel_naam], start=1):
                waarde = rij.get(kolom.name)  # a left-out column (WEGGELATEN) is not in the row
                if waarde is None:
                    continue
                if waarde not in logisch.get(doel, ()):
                    raise _geweigerd(naam, f"in tabel '{tabel_naam}', rij {nummer}: '{kolom.name}' verwijst naar "
                                           f"{doel} {_kort(waarde)}, die niet in het bestand staat")
                if doel == tabel_naam and (sleutel is None or not waarde < rij[sleutel.name]):
                    raise _geweigerd(naam, f"in tabel '{tabel_naam}', rij {nummer}: '{kolom.name}' verwijst naar "
                                           "een latere rij")

    ouders = {t: {r[_sleutel(sch.tabellen[t]).name]: r for r in rijen[t]}
              for t in sch.volgorde if _sleutel(sch.tabellen[t]) is not None}
    controle = _Vertaler({t: {w: w for w in ids} for t, ids in logisch.items()}, negatief_blijft=True)
    for tabel_naam in sch.volgorde:
        for regel in VERWIJZINGEN:
            if regel.tabel != tabel_naam or regel.kolom not in sch.tabellen[tabel_naam].c:
                continue
            for nummer, rij in enumerate(rijen[tabel_naam], start=1):
                if rij[regel.kolom] is None:
                    continue
                try:
                    regel.vertaal(rij[regel.kolom], rij, controle, ouders)
                except _Onleesbaar as fout:
                    raise _geweigerd(naam, f"in tabel '{tabel_naam}', rij {nummer}, veld '{regel.kolom}': "
                                           f"{fout}") from None
    return _Document(sch, dossier, rijen)


def _controleer_rij(tabel: Table, rij: object, plek: str, naam: str) -> dict:
    if not isinstance(rij, dict):
        raise _geweigerd(naam, f"in {plek}: dit is geen rij met velden")
    weglaten = {k for t, k in (*NIEUW_BIJ_IMPORT, *WEGGELATEN) if t == tabel.name}
    if tabel.name == "dossier":
        weglaten.add("id")
    for veld in rij:
        if veld not in tabel.c or veld in weglaten:
            raise _geweigerd(naam, f"in {plek}: onbekend veld '{_kort(veld)}'")
    sleutel = _sleutel(tabel)
    schoon = {}
    for kolom in tabel.columns:
        if kolom.name in weglaten:
            continue
        try:
            if kolom.name not in rij and (not kolom.nullable or kolom.primary_key):
                raise _Onleesbaar("ontbreekt")
            waarde = rij.get(kolom.name)
            if kolom is sleutel or kolom.foreign_keys:  # a logical number, whatever the column holds in a store
                if waarde is None and kolom.nullable and not kolom.primary_key:
                    schoon[kolom.name] = None
                    continue
                if not _is_getal(waarde) or not 1 <= waarde <= _INT_MAX:
                    raise _Onleesbaar("moet een nummer zijn (een positief geheel getal)")
                schoon[kolom.name] = waarde
                continue
            waarde = _van_json(kolom, waarde)
            vorm = JSON_KOLOMMEN.get((tabel.name, kolom.name))
            if vorm is not None and waarde is not None:
                gegevens = _json(waarde, vorm[0])
                if vorm[1] is not None:
                    vorm[1](gegevens)
        except _Onleesbaar as fout:
            raise _geweigerd(naam, f"in {plek}: '{kolom.name}' {fout}") from None
        schoon[kolom.name] = waarde
    return schoon


def _vrije_naam(conn: Connection, naam: str) -> str:
    """The name as it is, or with ' (geïmporteerd)' (then ' (geïmporteerd 2)', ...) when a dossier has it;
    shortened with '…' where the addition would make it longer than a name may be."""
    bezet = {validatie.naam_sleutel(n) for n in conn.execute(select(schema.dossier.c.naam)).scalars()}
    maximum = min(schema.dossier.c.naam.type.length, max(validatie.MAX_NAAM, len(naam)))
    kandidaat, volgnummer = naam, 1
    while validatie.naam_sleutel(kandidaat) in bezet:
        achter = GEIMPORTEERD if volgnummer == 1 else f"{GEIMPORTEERD[:-1]} {volgnummer})"
        basis = naam if len(naam) + len(achter) <= maximum else naam[: maximum - len(achter) - 1].rstrip() + "…"
        kandidaat, volgnummer = basis + achter, volgnummer + 1
    return kandidaat


def _nieuwe_sessiecode(conn: Connection, tabel: Table, gebruikt: set[str]) -> str:
    while True:
        code = codes.nieuwe_code()
        if code not in gebruikt and conn.execute(select(tabel.c.code).where(tabel.c.code == code)).first() is None:
            gebruikt.add(code)
            return code


def _schrijf(conn: Connection, doc: _Document, *, nieuwe_ids: bool, naam: str) -> str:
    """Insert the checked document inside the caller's transaction; returns the new dossier id. With
    ``nieuwe_ids`` the database and fresh uuids give the keys (a real store); without, the logical numbers
    themselves are the keys (the throw-away store of an older version)."""
    sch = doc.sch
    dossier = sch.tabellen["dossier"]
    dossier_id = secrets.token_hex(6) if nieuwe_ids else f"{1:012x}"
    conn.execute(insert(dossier).values(id=dossier_id, **{**doc.dossier, "naam": naam}))
    ids: dict[str, dict] = {"dossier": {1: dossier_id}}
    ouders = {t: {r[_sleutel(sch.tabellen[t]).name]: r for r in doc.rijen[t]}
              for t in sch.volgorde if _sleutel(sch.tabellen[t]) is not None}
    vertaal = _Vertaler(ids, negatief_blijft=True)
    codes: set[str] = set()
    for tabel_naam in sch.volgorde:
        tabel = sch.tabellen[tabel_naam]
        sleutel = _sleutel(tabel)
        rijen = doc.rijen[tabel_naam]
        if sleutel is not None:
            rijen = sorted(rijen, key=lambda r: r[sleutel.name])
        ids[tabel_naam] = {}
        tekstsleutels: list[str] = []
        if sleutel is not None and _soort(sleutel) == "tekst":
            breedte = getattr(sleutel.type, "length", None) or 32
            tekstsleutels = (sorted(uuid.uuid4().hex for _ in rijen) if nieuwe_ids
                             else [f"{r[sleutel.name]:0{breedte}x}" for r in rijen])
        bulk = []
        for index, rij in enumerate(rijen):
            nieuw = {}
            for kolom in tabel.columns:
                if kolom is sleutel:
                    continue
                waarde = rij.get(kolom.name)
                if (tabel_naam, kolom.name) in NIEUW_BIJ_IMPORT:
                    waarde = _nieuwe_sessiecode(conn, tabel, codes)
                elif waarde is not None and kolom.foreign_keys:
                    waarde = ids[_doel(kolom)][waarde]
                elif waarde is not None and (tabel_naam, kolom.name) in _REGELS:
                    waarde = _REGELS[(tabel_naam, kolom.name)].vertaal(waarde, rij, vertaal, ouders)
                nieuw[kolom.name] = waarde
            if sleutel is None:
                bulk.append(nieuw)
            elif tekstsleutels:
                nieuw[sleutel.name] = ids[tabel_naam][rij[sleutel.name]] = tekstsleutels[index]
                bulk.append(nieuw)
            elif nieuwe_ids:  # one by one, in order: the new ids keep the order of the logical ones
                nieuw_id = conn.execute(insert(tabel).values(**nieuw)).inserted_primary_key[0]
                ids[tabel_naam][rij[sleutel.name]] = int(nieuw_id)
            else:
                conn.execute(insert(tabel).values(**nieuw, **{sleutel.name: rij[sleutel.name]}))
                ids[tabel_naam][rij[sleutel.name]] = rij[sleutel.name]
        for begin in range(0, len(bulk), 5000):
            conn.execute(insert(tabel), bulk[begin:begin + 5000])
    return dossier_id


def _migreer_document(doc: dict, versie: str, naam: str) -> bytes:
    """A document of an older schema version, brought to the current one with the real migrations: loaded
    into a throw-away SQLite store of that version, upgraded, and exported again."""
    with tempfile.TemporaryDirectory(prefix="wijkkompas-import-") as map_:
        engine: Engine = _maak_engine(f"sqlite:///{Path(map_) / 'oud.sqlite'}")
        try:
            migreer_naar(engine, versie)
            metadata = MetaData()
            metadata.reflect(bind=engine)
            gecontroleerd = _controleer(doc, _schema_van(metadata, versie), naam)
            try:
                with engine.begin() as conn:
                    _schrijf(conn, gecontroleerd, nieuwe_ids=False, naam=gecontroleerd.dossier["naam"])
            except (IntegrityError, DataError):
                raise _geweigerd(naam, "twee rijen botsen, of een waarde past niet bij de regels van het "
                                       "werkboek") from None
            migreer_naar(engine, "head")
            with engine.begin() as conn:
                return _exporteer_verbinding(conn, _huidig_schema(), f"{1:012x}")
        except InvoerFout:
            raise
        except (SQLAlchemyError, _Onleesbaar, ValueError) as fout:
            raise _geweigerd(naam, f"het kon niet worden bijgewerkt van schemaversie {versie} naar "
                                   f"{schema.SCHEMA_VERSIE}") from fout
        finally:
            engine.dispose()


def importeer_json(store, data: bytes, bestandsnaam: str = "") -> Dossier:
    """Read a document made by ``exporteer_json`` (now or by an older version of the werkboek) into the store
    as a NEW dossier, and return it. Keeps the name; only when a dossier with that name is already there, it
    gets ' (geïmporteerd)' behind it, so the two can be told apart in every list. A file that does not fit is
    refused with an InvoerFout that names it, and nothing changes.

    The dossier's history comes along as it is, with one new line saying who restored it from which file; the
    importing user becomes its eigenaar (nobody else is a member yet)."""
    return _importeer(store, data, bestandsnaam)


def kopieer_dossier(store, dossier_id: str, naam: str) -> Dossier:
    """A copy of a dossier the actor may read, as a new dossier of their own named ``naam`` (the example dossier's
    'Maak een eigen kopie'). It goes through the same document as a backup, so nothing is left out; its history
    says who copied it from which dossier."""
    bron = store.dossier(dossier_id)  # GeenToegang for a dossier the actor may not read
    naam = validatie.schone_tekst(naam, "De naam van de kopie", maximum=validatie.MAX_NAAM, verplicht=True)
    gebruiker = getattr(store, "gebruiker", None)
    regel = GEKOPIEERD.format(bron=bron.naam, naam=getattr(gebruiker, "weergavenaam", "") or "onbekend")
    return _importeer(store, exporteer_json(store, dossier_id), "", nieuwe_naam=naam, regel=regel, eigen=True)


def _importeer(store, data: bytes, bestandsnaam: str, *, nieuwe_naam: str | None = None, regel: str | None = None,
               eigen: bool = False) -> Dossier:
    """The import. ``nieuwe_naam`` replaces the document's name, ``regel`` the history line of a restore. The copy
    is an ordinary dossier of its importer (never a second example dossier, which every user of a shared server
    could read) when ``eigen`` or whenever the importer does not see all dossiers anyway."""
    naam = str(bestandsnaam or "")
    gebruiker = getattr(store, "gebruiker", None)
    if getattr(gebruiker, "soort", "") == "gast":
        raise InvoerFout("Meld je eerst aan om een reservekopie te importeren; als gast kun je geen dossier maken. "
                         "Er is niets veranderd.")
    if isinstance(data, str):
        data = data.encode("utf-8")
    data = bytes(data)
    document = _ontleed(data, naam)
    if document["schema"] != schema.SCHEMA_VERSIE:
        document = _ontleed(_migreer_document(document, document["schema"], naam), naam)
    doc = _controleer(document, _huidig_schema(), naam)
    if eigen or not getattr(gebruiker, "ziet_alles", True):
        doc = _Document(doc.sch, {**doc.dossier, "is_voorbeeld": False}, doc.rijen)
    regel = regel or TERUGGEZET.format(bestand=_kort(naam, 120) if naam else "zonder naam",
                                       naam=getattr(gebruiker, "weergavenaam", "") or "onbekend")
    try:
        with store._schrijf(samenvatting=regel) as conn:
            # the rows go in through the bare connection: the history gets the one line below, not one per row
            ruw = getattr(conn, "conn", conn)
            try:
                vrij = _vrije_naam(ruw, nieuwe_naam or doc.dossier["naam"])
                dossier_id = _schrijf(ruw, doc, nieuwe_ids=True, naam=vrij)
            except DataError:
                raise _geweigerd(naam, "een waarde past niet in de database") from None
            store._maak_eigenaar(ruw, dossier_id)
            if hasattr(conn, "noteer"):
                conn.noteer(dossier_id, regel, onderdeel="Dossier")
    except IntegrityError:
        raise _geweigerd(naam, "twee rijen botsen (bijvoorbeeld twee partijen met dezelfde naam), of een waarde "
                               "past niet bij de regels van het werkboek") from None
    return store.dossier(dossier_id)
