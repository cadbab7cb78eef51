"""Read a user's own CBS file: a StatLine CSV download or CBS open-data (OData) JSON.

Columns are recognised by meaning through the mapping table (``kolommen``), so a file of another table year
works too. Anything that is not such a file gives an ``InvoerFout`` with a Dutch message and nothing else
happens; the caller saves nothing. Pure: bytes in, regions out.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field

from ..dossier.model import InvoerFout
from .kolommen import INDICATOR, rol_van_kolom, zoek_indicator

MAX_BYTES = 50 * 1024 * 1024
MAX_REGELS = 25_000  # every gemeente, wijk and buurt of NL is about 18 000 rows
_CODE = re.compile(r"^(NL\d{0,2}|GM\d{4}|WK\d{6}|BU\d{8})$")
_JAAR = re.compile(r"(?<!\d)(20\d\d|19\d\d)(?!\d)")
_ONBEKEND = {"", ".", "x", "-", "?", "..", "nan", "null", "none"}
_GETAL = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_HANDTEKENINGEN = (
    (b"PK\x03\x04", "Dit is een gecomprimeerd bestand (zip of Excel). Download uit StatLine de CSV-versie, "
                    "of pak het zip-bestand eerst uit."),
    (b"\xd0\xcf\x11\xe0", "Dit is een oud Excel- of Office-bestand. Download uit StatLine de CSV-versie."),
    (b"%PDF", "Dit is een PDF-bestand. Het werkboek leest alleen CSV van StatLine of JSON van CBS open data."),
    (b"\x89PNG", "Dit is een afbeelding. Het werkboek leest alleen CSV van StatLine of JSON van CBS open data."),
    (b"\xff\xd8\xff", "Dit is een afbeelding. Het werkboek leest alleen CSV van StatLine of JSON van CBS open data."),
    (b"\x1f\x8b", "Dit is een gecomprimeerd bestand (gzip). Pak het eerst uit."),
)
_WAT_WEL = ("Kies een CSV-download van CBS StatLine of een JSON-bestand van CBS open data met de Kerncijfers "
            "wijken en buurten.")


@dataclass(frozen=True)
class EigenRegio:
    """One region from the file. ``code``: the CBS code (GM0606, WK060607, BU06060701) or '' if the file
    has none; ``waarden``: our indicator keys, ``None`` where the file says '.', 'x' or nothing."""

    code: str
    naam: str
    soort: str
    waarden: dict[str, float | None] = field(hash=False, compare=False)
    gemeentenaam: str = ""
    jaar: int | None = None

    @property
    def label(self) -> str:
        delen = [self.naam or self.code]
        if self.code and self.code != self.naam:
            delen.append(f"({self.code})")
        if self.jaar:
            delen.append(f"– {self.jaar}")
        return " ".join(delen)

    @property
    def aantal_bekend(self) -> int:
        return sum(v is not None for v in self.waarden.values())


def jaar_uit_tekst(tekst: str) -> int | None:
    """'kwb-2022.csv', '2022JJ00', '2022' → 2022."""
    gevonden = _JAAR.search(tekst or "")
    return int(gevonden.group(1)) if gevonden else None


def getal(waarde: object) -> float | None:
    """A CBS value: numbers as they are; text with a decimal comma or point; '.', 'x', empty → ``None``."""
    if waarde is None or isinstance(waarde, bool):
        return None
    if isinstance(waarde, (int, float)):
        return None if waarde != waarde or waarde in (float("inf"), float("-inf")) else float(waarde)
    tekst = str(waarde).strip().strip('"').strip().replace("\u00a0", "").replace(" ", "")
    if tekst.casefold() in _ONBEKEND or not _GETAL.match(tekst):
        return None
    tekst = tekst.replace(",", ".")  # decimal comma (StatLine with ';'); the pattern allows one separator
    try:
        resultaat = float(tekst)
    except ValueError:
        return None
    return resultaat if resultaat == resultaat and abs(resultaat) != float("inf") else None


def _als_bytes(inhoud: object) -> bytes:
    if isinstance(inhoud, bytes):
        return inhoud
    if isinstance(inhoud, (bytearray, memoryview)):
        return bytes(inhoud)
    raise InvoerFout("Het bestand kon niet worden gelezen. Kies het opnieuw.")


def _als_tekst(naam: str, inhoud: bytes) -> str:
    """Decode, and refuse what is clearly not text."""
    for handtekening, melding in _HANDTEKENINGEN:
        if inhoud.startswith(handtekening):
            raise InvoerFout(f"'{naam}' kan het werkboek niet lezen. {melding}")
    if inhoud.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            tekst = inhoud.decode("utf-16")
        except UnicodeDecodeError:
            raise InvoerFout(f"'{naam}' is beschadigd: de tekens zijn niet te lezen. {_WAT_WEL}") from None
    else:
        if b"\x00" in inhoud[:65536]:
            raise InvoerFout(f"'{naam}' is geen tekstbestand. {_WAT_WEL}")
        try:
            tekst = inhoud.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                tekst = inhoud.decode("cp1252")  # older Windows exports
            except UnicodeDecodeError:
                raise InvoerFout(
                    f"'{naam}' is beschadigd of geen tekst: sommige tekens zijn niet te lezen. Download het "
                    "bestand opnieuw als CSV (UTF-8)."
                ) from None
    tekst = tekst.lstrip("\ufeff")
    steekproef = tekst[:65536]
    stuurtekens = sum(1 for t in steekproef if unicodedata.category(t) == "Cc" and t not in "\r\n\t")
    if stuurtekens > max(2, len(steekproef) // 1000):
        raise InvoerFout(f"'{naam}' is geen tekstbestand. {_WAT_WEL}")
    return tekst


def _records_uit_json(naam: str, tekst: str) -> tuple[list[str], list[list[object]]]:
    try:
        data = json.loads(tekst)
    except json.JSONDecodeError as fout:
        raise InvoerFout(f"Het JSON-bestand '{naam}' is beschadigd of onvolledig (regel {fout.lineno}, "
                         f"kolom {fout.colno}). Download het opnieuw.") from None
    except RecursionError:
        raise InvoerFout(f"Het JSON-bestand '{naam}' is te diep genest om te lezen.") from None
    records = data
    if isinstance(data, dict):
        if isinstance(data.get("value"), list):
            records = data["value"]
        elif isinstance(data.get("d"), list):
            records = data["d"]
        elif isinstance(data.get("d"), dict) and isinstance(data["d"].get("results"), list):
            records = data["d"]["results"]
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise InvoerFout(
            f"'{naam}' heeft niet de vorm van CBS open data. Het werkboek verwacht een lijst met regels, zoals "
            '{"value": [ ... ]} uit de CBS OData-API (TypedDataSet).'
        )
    if len(records) > MAX_REGELS:
        raise _te_veel_regels(naam)
    kolommen: list[str] = []
    gezien: set[str] = set()
    for record in records:
        for kolom in record:
            if kolom not in gezien:
                gezien.add(kolom)
                kolommen.append(str(kolom))
    return kolommen, [[record.get(k) for k in kolommen] for record in records]


def _te_veel_regels(naam: str) -> InvoerFout:
    return InvoerFout(f"'{naam}' heeft meer dan {MAX_REGELS:,} regels; zo groot is geen tabel van wijken en buurten. "
                      "Kies in StatLine alleen de regio's die je nodig hebt.".replace(",", "."))


def _herken(kolommen: list[str]) -> tuple[dict[str, list[int]], list[tuple[int, str, bool]]]:
    rollen: dict[str, list[int]] = {}
    indicatoren: list[tuple[int, str, bool]] = []
    for index, kolom in enumerate(kolommen):
        rol = rol_van_kolom(kolom)
        if rol is not None:
            rollen.setdefault(rol, []).append(index)
            continue
        treffer = zoek_indicator(kolom)
        if treffer is not None:
            indicatoren.append((index, treffer.key, treffer.als_aantal))
    return rollen, indicatoren


def _records_uit_csv(naam: str, tekst: str) -> tuple[list[str], list[list[object]]]:
    """Find the header (StatLine may put a title line above it) and the separator that make sense."""
    regels = tekst.splitlines()
    beste: tuple[int, str, int] | None = None  # (score, separator, header line)
    for scheiding in (";", ",", "\t"):
        try:
            kop_rijen = list(csv.reader(io.StringIO("\n".join(regels[:15])), delimiter=scheiding))
        except csv.Error:
            continue
        for positie, rij in enumerate(kop_rijen):
            if len(rij) < 2:
                continue
            rollen, indicatoren = _herken(rij)
            score = (10 if "regio" in rollen or "gemeentecode" in rollen else 0) + len(indicatoren)
            if score and (beste is None or score > beste[0]):
                beste = (score, scheiding, positie)
    if beste is None:
        raise InvoerFout(f"In '{naam}' herkent het werkboek geen kolommen van de Kerncijfers wijken en buurten. "
                         f"{_WAT_WEL}")
    _score, scheiding, kopregel = beste
    lezer = csv.reader(io.StringIO("\n".join(regels[kopregel:])), delimiter=scheiding)
    try:
        kolommen = [k.strip() for k in next(lezer)]
        rijen: list[list[object]] = []
        for nummer, rij in enumerate(lezer, start=kopregel + 2):
            if not rij or all(not cel.strip() for cel in rij):
                continue
            if len(rij) == 1:
                continue  # a title or source line ("Bron: CBS") under or above the table
            if len(rij) != len(kolommen):
                raise InvoerFout(
                    f"'{naam}' is beschadigd: regel {nummer} heeft {len(rij)} kolommen, de kop heeft er "
                    f"{len(kolommen)}. Download het bestand opnieuw en sla het op zonder het te bewerken."
                )
            rijen.append(list(rij))
            if len(rijen) > MAX_REGELS:
                raise _te_veel_regels(naam)
    except csv.Error:
        raise InvoerFout(f"'{naam}' is beschadigd: de CSV-opmaak klopt niet (bijvoorbeeld een aanhalingsteken "
                         "dat niet wordt gesloten).") from None
    return kolommen, rijen


def _regio_kolommen(rollen: dict[str, list[int]], rijen: list[list[object]]) -> tuple[int | None, int | None]:
    """Which 'regio' column holds codes and which holds names (StatLine puts names in 'Wijken en buurten',
    OData puts codes in 'WijkenEnBuurten')."""
    code_kolom = naam_kolom = None
    for index in rollen.get("regio", []):
        waarden = [str(r[index]).strip().upper() for r in rijen[:500] if r[index] not in (None, "")]
        waarden = [w for w in waarden if w]
        codes = sum(1 for w in waarden if _CODE.match(w))
        if waarden and codes >= 0.8 * len(waarden):
            code_kolom = index if code_kolom is None else code_kolom
        elif naam_kolom is None:
            naam_kolom = index
    if code_kolom is None and rollen.get("gemeentecode"):
        code_kolom = rollen["gemeentecode"][0]
    return code_kolom, naam_kolom


def _tekst(waarde: object) -> str:
    return "" if waarde is None else " ".join(str(waarde).split())


def _soort(tekst: str, code: str, naam: str) -> str:
    tekst = tekst.casefold()
    for soort in ("gemeente", "wijk", "buurt", "land"):
        if tekst.startswith(soort):
            return soort
    if code:
        return {"GM": "gemeente", "WK": "wijk", "BU": "buurt", "NL": "land"}.get(code[:2], "regio")
    return "land" if naam.casefold() == "nederland" else "regio"


def lees_eigen_data(naam: str, inhoud: bytes) -> list[EigenRegio]:
    """The regions in a StatLine CSV or CBS OData JSON file, with the indicators the mapping table knows.

    Raises ``InvoerFout`` (Dutch) for a file that is too big (> 50 MB, checked before reading), empty,
    binary, broken, of another shape, or without a region column or a recognised CBS figure."""
    naam = (naam or "bestand").strip() or "bestand"
    inhoud = _als_bytes(inhoud)
    if len(inhoud) > MAX_BYTES:
        raise InvoerFout(f"'{naam}' is {len(inhoud) / 1024 / 1024:.0f} MB; het werkboek leest bestanden tot "
                         "50 MB. Kies in StatLine alleen de regio's en onderwerpen die je nodig hebt.")
    if not inhoud.strip():
        raise InvoerFout(f"'{naam}' is leeg. {_WAT_WEL}")
    tekst = _als_tekst(naam, inhoud)
    if not tekst.strip():
        raise InvoerFout(f"'{naam}' is leeg. {_WAT_WEL}")
    if tekst.lstrip()[:1] in ("{", "[") or naam.casefold().endswith(".json"):
        kolommen, rijen = _records_uit_json(naam, tekst)
    else:
        kolommen, rijen = _records_uit_csv(naam, tekst)
    if not rijen:
        raise InvoerFout(f"'{naam}' bevat geen regels met cijfers. {_WAT_WEL}")
    rollen, indicatoren = _herken(kolommen)
    code_kolom, naam_kolom = _regio_kolommen(rollen, rijen)
    gemeente_kolom = (rollen.get("gemeentenaam") or [None])[0]
    if code_kolom is None and naam_kolom is None:
        raise InvoerFout(f"In '{naam}' staat geen kolom met de regio (zoals 'Wijken en buurten', 'Codering' of "
                         f"'WijkenEnBuurten'), dus het werkboek weet niet over welke wijk het gaat. {_WAT_WEL}")
    if not indicatoren:
        raise InvoerFout(f"In '{naam}' herkent het werkboek geen cijfers van de Kerncijfers wijken en buurten "
                         f"(zoals 'Aantal inwoners', 'Woningvoorraad' of 'Gemiddeld aardgasverbruik'). {_WAT_WEL}")
    soort_kolom = (rollen.get("soort") or [None])[0]
    periode_kolom = (rollen.get("periode") or [None])[0]
    bestandsjaar = jaar_uit_tekst(naam)
    regios = []
    for rij in rijen:
        code = _tekst(rij[code_kolom]).upper() if code_kolom is not None else ""
        code = code if _CODE.match(code) else ""
        gemeentenaam = _tekst(rij[gemeente_kolom]) if gemeente_kolom is not None else ""
        regionaam = _tekst(rij[naam_kolom]) if naam_kolom is not None else ""
        soort = _soort(_tekst(rij[soort_kolom]) if soort_kolom is not None else "", code, regionaam)
        if not regionaam and soort == "gemeente":
            regionaam = gemeentenaam
        if not code and not regionaam:
            continue
        waarden: dict[str, float | None] = {}
        aantallen: dict[str, float | None] = {}
        for index, key, als_aantal in indicatoren:
            waarde = getal(rij[index])
            doel = aantallen if als_aantal else waarden
            if doel.get(key) is None:
                doel[key] = waarde
        for key, aantal in aantallen.items():
            if waarden.get(key) is not None:
                continue
            noemer = waarden.get(INDICATOR[key].aandeel_van)
            aandeel = 100 * aantal / noemer if aantal is not None and noemer else None
            waarden[key] = aandeel if aandeel is not None and 0 <= aandeel <= 100 else None
        jaar = jaar_uit_tekst(_tekst(rij[periode_kolom])) if periode_kolom is not None else None
        regios.append(EigenRegio(code, regionaam or code, soort, waarden, gemeentenaam, jaar or bestandsjaar))
    if not regios:
        raise InvoerFout(f"'{naam}' bevat geen regio's met een naam of CBS-code. {_WAT_WEL}")
    if not any(r.aantal_bekend for r in regios):
        raise InvoerFout(f"In '{naam}' staan geen bekende cijfers: alle waarden zijn leeg, '.' of 'x'.")
    return regios
