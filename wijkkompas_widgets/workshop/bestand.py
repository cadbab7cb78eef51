"""The two files of a workshop without a shared server (Binder): the facilitator's *invitation* (the
session and its rounds with their questions) and a participant's *answer file* (their own answers and
whether they submitted them).

Both are UTF-8 JSON with sorted keys, so the same content always gives the same bytes. A file comes from
someone else's laptop, so reading trusts nothing: size first, then encoding, JSON, the kind of file and
its version, and every field's type and length. Every problem is an ``InvoerFout`` with a Dutch sentence
that names the file; nothing else ever escapes (random bytes included). Whether a value fits its question
exactly (1–5, 0–100, …) is the store's check against the round's questions; here only a wide sanity range.

The text in a file is kept exactly as written (no trimming), so making a file and reading it back gives
exactly the same data; the store cleans names when it saves them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..content import SPOOR_LETTERS
from ..dossier.model import InvoerFout
from ..dossier.validatie import MAX_KORT, MAX_NAAM, MAX_TOELICHTING
from .model import CODE_LENGTE, OEFENINGEN, Vraag

SOORT_UITNODIGING = "wijkkompas-workshop-uitnodiging"
SOORT_ANTWOORDEN = "wijkkompas-workshop-antwoorden"
VERSIE = 1
MAX_BESTAND = 1_000_000  # bytes: far above a real file (30 statements × 10 rounds is ~50 kB)
MAX_RONDES = 10
MAX_SLEUTELS = 500  # questions or answers per round
WAARDE_MIN, WAARDE_MAX = -1000, 1000  # sanity range only; the store checks each question's own range
MAX_SLEUTEL = 100
MAX_LABEL = 1000
MAX_GROEP = 500
MAX_UITLEG = 5 * MAX_TOELICHTING  # a criterion's toelichting may carry its five level texts
MAX_VOLGORDE = 1000
MAX_BESTANDSNAAM = 80  # of the name shown in messages

_ID = re.compile(r"^[0-9a-f]{32}$")  # uuid4().hex
_CODE = re.compile(rf"^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{{{CODE_LENGTE}}}$")  # Crockford base32, normalised
# control characters other than newline and tab, and lone surrogates (text that cannot be saved as UTF-8)
_STUURTEKEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


# -- what a file holds ---------------------------------------------------------------------------
@dataclass(frozen=True)
class UitnodigingRonde:
    id: str
    oefening: str  # a key of OEFENINGEN
    volgorde: int
    vragen: tuple[Vraag, ...]


@dataclass(frozen=True)
class Uitnodiging:
    """A session as the facilitator handed it out: placed on a participant's own store with the same ids."""

    sessie_id: str
    code: str
    naam: str
    rondes: tuple[UitnodigingRonde, ...]
    bestandsnaam: str = field(default="", compare=False)  # for messages only


@dataclass(frozen=True)
class DeelnemerGegevens:
    id: str
    naam: str
    organisatie: str
    spoor: str = ""  # '' or a spoor letter


@dataclass(frozen=True)
class IngevuldeRonde:
    """One round of an answer file: the answers (``None`` is 'weet niet') and whether they were submitted."""

    waarden: dict[str, int | None]
    ingediend: bool = False


@dataclass(frozen=True)
class Antwoordbestand:
    """One participant's answers of all rounds, to be imported by the facilitator."""

    sessie_id: str
    code: str
    deelnemer: DeelnemerGegevens
    rondes: dict[str, IngevuldeRonde]  # ronde id → answers
    bestandsnaam: str = field(default="", compare=False)  # for messages (and ImportVerslag.geweigerd) only


# -- writing -------------------------------------------------------------------------------------
def _vraag_gegevens(vraag: Vraag) -> dict:
    return {
        "sleutel": vraag.sleutel, "label": vraag.label, "groep": vraag.groep, "minimum": vraag.minimum,
        "maximum": vraag.maximum, "weet_niet": vraag.weet_niet, "toelichting": vraag.toelichting,
    }


def uitnodiging_gegevens(sessie, rondes: Iterable) -> dict:
    """The invitation as a JSON-ready dict; ``sessie`` has id, code and naam (a ``Sessie``), each ronde id,
    oefening, volgorde and vragen (a ``Ronde``). The store's ``uitnodiging()`` may return exactly this."""
    return {
        "soort": SOORT_UITNODIGING,
        "versie": VERSIE,
        "sessie": {"id": sessie.id, "code": sessie.code, "naam": sessie.naam},
        "rondes": [
            {"id": r.id, "oefening": r.oefening, "volgorde": r.volgorde,
             "vragen": [_vraag_gegevens(v) for v in r.vragen]}
            for r in rondes
        ],
    }


def antwoord_gegevens(sessie, deelnemer, per_ronde: Mapping[str, object]) -> dict:
    """The answer file as a JSON-ready dict. ``sessie`` has id and code, ``deelnemer`` id, naam, organisatie
    and spoor; ``per_ronde`` maps a ronde id to an object with ``waarden`` and ``ingediend`` — an
    ``Antwoorden`` (``ingediend`` a time or None) or an ``IngevuldeRonde`` (a bool) both fit."""
    return {
        "soort": SOORT_ANTWOORDEN,
        "versie": VERSIE,
        "sessie": {"id": sessie.id, "code": sessie.code},
        "deelnemer": {"id": deelnemer.id, "naam": deelnemer.naam, "organisatie": deelnemer.organisatie,
                      "spoor": deelnemer.spoor},
        "rondes": {
            ronde_id: {"waarden": dict(antwoorden.waarden), "ingediend": bool(antwoorden.ingediend)}
            for ronde_id, antwoorden in per_ronde.items()
        },
    }


def als_bytes(gegevens: Mapping) -> bytes:
    """A file's dict (from ``uitnodiging_gegevens``/``antwoord_gegevens`` or the store) as the bytes to
    download. It is read back first: a file this workbook would refuse is never handed out."""
    data = _serialiseer(gegevens)
    soort = gegevens.get("soort") if isinstance(gegevens, Mapping) else None
    if soort == SOORT_ANTWOORDEN:
        lees_antwoordbestand(data)
    else:
        lees_uitnodiging(data)
    return data


def maak_uitnodiging(sessie, rondes: Iterable) -> bytes:
    """The invitation file of a session (``Sessie``) with its rounds (``Ronde``s)."""
    return als_bytes(uitnodiging_gegevens(sessie, rondes))


def maak_antwoordbestand(sessie, deelnemer, per_ronde: Mapping[str, object]) -> bytes:
    """A participant's answer file; see ``antwoord_gegevens`` for the arguments."""
    return als_bytes(antwoord_gegevens(sessie, deelnemer, per_ronde))


def _serialiseer(gegevens: Mapping) -> bytes:
    try:
        tekst = json.dumps(gegevens, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False)
        return (tekst + "\n").encode("utf-8")
    except (TypeError, ValueError) as fout:  # a value JSON cannot hold, or a lone surrogate in a text
        raise InvoerFout("Het bestand kan niet worden gemaakt: er staat iets in dat geen tekst of getal is.") from fout


# -- reading -------------------------------------------------------------------------------------
class _Lezer:
    """Checks one parsed file and turns its problems into Dutch sentences that name the file."""

    def __init__(self, naam: str, wat: str, geen_geldig: str):
        naam = str(naam or "").strip()
        if len(naam) > MAX_BESTANDSNAAM:
            naam = naam[: MAX_BESTANDSNAAM - 1] + "…"
        self.bestand = f"Het bestand '{naam}'" if naam else "Het bestand"
        self.wat = wat  # 'uitnodiging' or 'antwoordbestand', in sentences
        self.geen_geldig = geen_geldig  # 'geen geldige uitnodiging', with the right Dutch article

    def fout(self, reden: str) -> InvoerFout:
        return InvoerFout(f"{self.bestand} {reden}")

    def ongeldig(self, detail: str) -> InvoerFout:
        return self.fout(f"is {self.geen_geldig} van een workshop: {detail}.")

    def object(self, waarde: object, waar: str) -> Mapping:
        if not isinstance(waarde, dict):
            raise self.ongeldig(f"'{waar}' ontbreekt of heeft de verkeerde vorm")
        return waarde

    def tekst(self, ouder: Mapping, sleutel: str, waar: str, *, maximum: int, verplicht: bool = False) -> str:
        if sleutel not in ouder:
            raise self.ongeldig(f"'{waar}' ontbreekt")
        return self.losse_tekst(ouder[sleutel], waar, maximum=maximum, verplicht=verplicht)

    def losse_tekst(self, waarde: object, waar: str, *, maximum: int, verplicht: bool = False) -> str:
        if not isinstance(waarde, str):
            raise self.ongeldig(f"'{waar}' is geen tekst")
        if verplicht and not waarde.strip():
            raise self.ongeldig(f"'{waar}' is leeg")
        if len(waarde) > maximum:
            raise self.ongeldig(f"'{waar}' is te lang ({len(waarde)} tekens, hoogstens {maximum})")
        if _STUURTEKEN.search(waarde):
            raise self.ongeldig(f"'{waar}' bevat onzichtbare stuurtekens")
        return waarde

    def id(self, waarde: object, waar: str) -> str:
        if not isinstance(waarde, str) or not _ID.match(waarde):
            raise self.ongeldig(f"'{waar}' is geen geldige id (32 tekens 0-9 en a-f)")
        return waarde

    def code(self, waarde: object, waar: str) -> str:
        if not isinstance(waarde, str) or not _CODE.match(waarde):
            raise self.ongeldig(f"'{waar}' is geen geldige deelnamecode ({CODE_LENGTE} tekens)")
        return waarde

    def geheel(self, waarde: object, waar: str, laag: int, hoog: int) -> int:
        if isinstance(waarde, bool) or not isinstance(waarde, int) or not laag <= waarde <= hoog:
            raise self.ongeldig(f"'{waar}' moet een geheel getal van {laag} tot en met {hoog} zijn")
        return waarde

    def waar_onwaar(self, waarde: object, waar: str) -> bool:
        if not isinstance(waarde, bool):
            raise self.ongeldig(f"'{waar}' moet true of false zijn")
        return waarde

    def kop(self, data: object, soort: str) -> Mapping:
        """Size, encoding, JSON, kind and version: the checks every file goes through first."""
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise self.fout("kon niet worden gelezen: er kwam geen bestand binnen.")
        if len(data) > MAX_BESTAND:
            raise self.fout(
                f"is te groot ({_grootte(len(data))}); een {self.wat} is hoogstens {_grootte(MAX_BESTAND)}. "
                "Kies het bestand dat het werkboek zelf heeft gemaakt."
            )
        if not len(data):
            raise self.fout("is leeg.")
        try:
            tekst = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise self.fout(
                "is geen tekstbestand (UTF-8). Kies het .json-bestand dat het werkboek maakte."
            ) from None
        try:
            gegevens = json.loads(tekst, object_pairs_hook=_zonder_dubbele_sleutels, parse_constant=_geen_constante)
        except _DubbeleSleutel:
            raise self.fout("is beschadigd: een gegeven staat er twee keer in. Kies het .json-bestand dat het "
                            "werkboek maakte.") from None
        except (ValueError, RecursionError):
            raise self.fout(f"is geen geldige JSON; het is beschadigd of het is geen {self.wat}.") from None
        if not isinstance(gegevens, dict):
            raise self.fout(f"is geen {self.wat} van een workshop.")
        if gegevens.get("soort") != soort:
            andere = {SOORT_UITNODIGING: "een uitnodiging", SOORT_ANTWOORDEN: "een antwoordbestand"}.get(
                gegevens.get("soort") if isinstance(gegevens.get("soort"), str) else "")
            if andere:
                raise self.fout(f"is {andere}, geen {self.wat}. Kies het andere bestand.")
            raise self.fout(f"is geen {self.wat} van een workshop.")
        versie = gegevens.get("versie")
        if isinstance(versie, int) and not isinstance(versie, bool) and versie > VERSIE:
            raise self.fout(
                "is gemaakt met een nieuwere versie van het werkboek. Werk het werkboek bij, of vraag om een "
                "bestand van dezelfde versie."
            )
        if type(versie) is not int or versie != VERSIE:
            raise self.ongeldig("de versie ontbreekt of is onbekend")
        return gegevens


class _DubbeleSleutel(ValueError):
    pass


def _zonder_dubbele_sleutels(paren: list[tuple[str, object]]) -> dict:
    """A JSON object in which a key appears twice is refused: which of the two values would count?"""
    gegevens = dict(paren)
    if len(gegevens) != len(paren):
        raise _DubbeleSleutel("dubbele sleutel")
    return gegevens


def _geen_constante(naam: str) -> object:
    raise ValueError(f"{naam} is geen getal")  # NaN and Infinity are not JSON


def _grootte(aantal: int) -> str:
    if aantal >= 1_000_000:
        return f"{aantal / 1_000_000:.1f} MB".replace(".", ",").replace(",0 MB", " MB")
    return f"{max(1, round(aantal / 1000))} kB"


def lees_uitnodiging(data: bytes, naam: str = "") -> Uitnodiging:
    """Read and check an invitation file; ``naam`` (the uploaded file name) appears in the messages."""
    lezer = _Lezer(naam, "uitnodiging", "geen geldige uitnodiging")
    gegevens = lezer.kop(data, SOORT_UITNODIGING)
    sessie = lezer.object(gegevens.get("sessie"), "sessie")
    sessie_id = lezer.id(sessie.get("id"), "sessie.id")
    code = lezer.code(sessie.get("code"), "sessie.code")
    sessie_naam = lezer.tekst(sessie, "naam", "sessie.naam", maximum=MAX_NAAM, verplicht=True)
    rondes_ruw = gegevens.get("rondes")
    if not isinstance(rondes_ruw, list):
        raise lezer.ongeldig("'rondes' ontbreekt of is geen lijst")
    if not rondes_ruw:
        raise lezer.ongeldig("er staat geen enkele ronde in")
    if len(rondes_ruw) > MAX_RONDES:
        raise lezer.ongeldig(f"er staan {len(rondes_ruw)} rondes in, hoogstens {MAX_RONDES}")
    rondes: list[UitnodigingRonde] = []
    for nummer, ronde_ruw in enumerate(rondes_ruw, start=1):
        waar = f"ronde {nummer}"
        ronde = lezer.object(ronde_ruw, waar)
        ronde_id = lezer.id(ronde.get("id"), f"{waar}.id")
        if any(r.id == ronde_id for r in rondes):
            raise lezer.ongeldig(f"{waar} heeft dezelfde id als een eerdere ronde")
        oefening = ronde.get("oefening")
        if not isinstance(oefening, str) or oefening not in OEFENINGEN:
            raise lezer.ongeldig(f"{waar} heeft een onbekende oefening")
        volgorde = lezer.geheel(ronde.get("volgorde"), f"{waar}.volgorde", 0, MAX_VOLGORDE)
        rondes.append(UitnodigingRonde(ronde_id, oefening, volgorde, _lees_vragen(lezer, ronde.get("vragen"), waar)))
    return Uitnodiging(sessie_id, code, sessie_naam, tuple(rondes), bestandsnaam=str(naam or ""))


def _lees_vragen(lezer: _Lezer, vragen_ruw: object, waar: str) -> tuple[Vraag, ...]:
    if not isinstance(vragen_ruw, list):
        raise lezer.ongeldig(f"de vragen van {waar} ontbreken")
    if not vragen_ruw:
        raise lezer.ongeldig(f"{waar} heeft geen vragen")
    if len(vragen_ruw) > MAX_SLEUTELS:
        raise lezer.ongeldig(f"{waar} heeft {len(vragen_ruw)} vragen, hoogstens {MAX_SLEUTELS}")
    vragen: list[Vraag] = []
    gezien: set[str] = set()
    for nummer, vraag_ruw in enumerate(vragen_ruw, start=1):
        plek = f"{waar}, vraag {nummer}"
        vraag = lezer.object(vraag_ruw, plek)
        sleutel = lezer.tekst(vraag, "sleutel", f"{plek}: sleutel", maximum=MAX_SLEUTEL, verplicht=True)
        if sleutel in gezien:
            raise lezer.ongeldig(f"{plek} heeft dezelfde sleutel als een eerdere vraag")
        gezien.add(sleutel)
        minimum = lezer.geheel(vraag.get("minimum"), f"{plek}: minimum", WAARDE_MIN, WAARDE_MAX)
        maximum = lezer.geheel(vraag.get("maximum"), f"{plek}: maximum", WAARDE_MIN, WAARDE_MAX)
        if minimum > maximum:
            raise lezer.ongeldig(f"bij {plek} is het minimum groter dan het maximum")
        vragen.append(Vraag(
            sleutel=sleutel,
            label=lezer.tekst(vraag, "label", f"{plek}: label", maximum=MAX_LABEL, verplicht=True),
            groep=lezer.tekst(vraag, "groep", f"{plek}: groep", maximum=MAX_GROEP),
            minimum=minimum,
            maximum=maximum,
            weet_niet=lezer.waar_onwaar(vraag.get("weet_niet"), f"{plek}: weet_niet"),
            toelichting=lezer.tekst(vraag, "toelichting", f"{plek}: toelichting", maximum=MAX_UITLEG),
        ))
    return tuple(vragen)


def lees_antwoordbestand(data: bytes, naam: str = "") -> Antwoordbestand:
    """Read and check a participant's answer file; ``naam`` (the uploaded file name) appears in the messages."""
    lezer = _Lezer(naam, "antwoordbestand", "geen geldig antwoordbestand")
    gegevens = lezer.kop(data, SOORT_ANTWOORDEN)
    sessie = lezer.object(gegevens.get("sessie"), "sessie")
    sessie_id = lezer.id(sessie.get("id"), "sessie.id")
    code = lezer.code(sessie.get("code"), "sessie.code")
    persoon = lezer.object(gegevens.get("deelnemer"), "deelnemer")
    spoor = lezer.tekst(persoon, "spoor", "deelnemer.spoor", maximum=1)
    if spoor and spoor not in SPOOR_LETTERS:
        raise lezer.ongeldig("'deelnemer.spoor' is geen bekend spoor (A tot en met F, of leeg)")
    deelnemer = DeelnemerGegevens(
        id=lezer.id(persoon.get("id"), "deelnemer.id"),
        naam=lezer.tekst(persoon, "naam", "deelnemer.naam", maximum=MAX_NAAM, verplicht=True),
        organisatie=lezer.tekst(persoon, "organisatie", "deelnemer.organisatie", maximum=MAX_KORT, verplicht=True),
        spoor=spoor,
    )
    rondes_ruw = gegevens.get("rondes")
    if not isinstance(rondes_ruw, dict):
        raise lezer.ongeldig("'rondes' ontbreekt of heeft de verkeerde vorm")
    if len(rondes_ruw) > MAX_RONDES:
        raise lezer.ongeldig(f"er staan {len(rondes_ruw)} rondes in, hoogstens {MAX_RONDES}")
    rondes: dict[str, IngevuldeRonde] = {}
    for nummer, (ronde_id, ronde_ruw) in enumerate(rondes_ruw.items(), start=1):
        waar = f"ronde {nummer}"
        lezer.id(ronde_id, f"de id van {waar}")
        ronde = lezer.object(ronde_ruw, waar)
        waarden_ruw = ronde.get("waarden")
        if not isinstance(waarden_ruw, dict):
            raise lezer.ongeldig(f"de antwoorden van {waar} ontbreken")
        if len(waarden_ruw) > MAX_SLEUTELS:
            raise lezer.ongeldig(f"{waar} heeft {len(waarden_ruw)} antwoorden, hoogstens {MAX_SLEUTELS}")
        waarden: dict[str, int | None] = {}
        for sleutel, waarde in waarden_ruw.items():
            lezer.losse_tekst(sleutel, f"{waar}: een sleutel", maximum=MAX_SLEUTEL, verplicht=True)
            waarden[sleutel] = None if waarde is None else lezer.geheel(
                waarde, f"{waar}: {_kort(sleutel)}", WAARDE_MIN, WAARDE_MAX)
        ingediend = lezer.waar_onwaar(ronde.get("ingediend"), f"{waar}: ingediend")
        rondes[ronde_id] = IngevuldeRonde(waarden, ingediend)
    return Antwoordbestand(sessie_id, code, deelnemer, rondes, bestandsnaam=str(naam or ""))


def _kort(tekst: str, maximum: int = 40) -> str:
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1] + "…"

