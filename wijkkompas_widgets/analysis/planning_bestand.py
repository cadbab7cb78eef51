"""The planning register as a file: CSV (``;``, UTF-8 with BOM, so Dutch Excel opens it at once) and
Excel (.xlsx, via openpyxl: typed year cells and no hand-written XML).

Import is all or nothing: every row is checked first and *all* problems come back together, with
the row number a spreadsheet shows ("Rij 4: het eindjaar ligt voor het startjaar."). Headers may
differ in case, spaces or underscores; soort, schaal and zekerheid may be a key or a label.
Export → import gives back exactly the same works.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence

from ..dossier.model import InvoerFout
from ..dossier.records import (
    NIVEAU_LABELS,
    NIVEAUS,
    SOORT_LABELS,
    STANDAARD_ZEKERHEID,
    ZEKERHEDEN,
    ZEKERHEID_LABELS,
    WerkInvoer,
)
from .planning import (
    JAAR_MAX,
    JAAR_MIN,
    MAX_WERKEN,
    fouten_in_werk,
    niveau_uit_tekst,
    soort_uit_tekst,
    zekerheid_uit_tekst,
)

KOPPEN = ("omschrijving", "eigenaar", "soort", "gebied", "niveau", "startjaar", "eindjaar", "zekerheid", "toelichting")
VERPLICHT = KOPPEN[:7]
MAX_BYTES = 5 * 1024 * 1024
MAX_UITGEPAKT = 60 * 1024 * 1024  # an .xlsx is a zip: refuse one that unpacks to far more than it weighs
MAX_GETOONDE_FOUTEN = 25
BLAD = "Planning"
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Other spellings people use in their own sheets, after normalising (lower case, no spaces, _ or -).
_ALIASSEN = {
    "partij": "eigenaar", "eigenaarpartij": "eigenaar", "type": "soort", "soortwerk": "soort", "schaal": "niveau",
    "start": "startjaar", "eind": "eindjaar", "einde": "eindjaar", "gereed": "eindjaar", "omschrijvingwerk":
    "omschrijving", "werk": "omschrijving", "opmerking": "toelichting", "opmerkingen": "toelichting",
}
_FORMULE_BEGIN = "=+-@'"  # a CSV cell starting with one of these could run as a formula in a spreadsheet
_JAARTEKST = re.compile(r"^\d{1,6}(?:[.,]0+)?$")


class BestandFout(InvoerFout):
    """A file that cannot be imported; ``fouten`` holds every problem (one Dutch sentence each)."""

    def __init__(self, samenvatting: str, fouten: Sequence[str] = ()):
        self.fouten = tuple(fouten)
        getoond = list(self.fouten[:MAX_GETOONDE_FOUTEN])
        if len(self.fouten) > MAX_GETOONDE_FOUTEN:
            getoond.append(f"… en nog {len(self.fouten) - MAX_GETOONDE_FOUTEN} andere problemen.")
        super().__init__(" ".join([samenvatting, *getoond]))
        self.samenvatting = samenvatting


# -- export ----------------------------------------------------------------------------------
def _rij(werk: WerkInvoer) -> list[object]:
    return [
        werk.omschrijving, werk.eigenaar, SOORT_LABELS.get(werk.soort, werk.soort), werk.gebied,
        NIVEAU_LABELS.get(werk.niveau, werk.niveau), werk.start_jaar, werk.eind_jaar,
        ZEKERHEID_LABELS.get(werk.zekerheid, werk.zekerheid), werk.toelichting,
    ]


def _veilig_voor_spreadsheet(tekst: str) -> str:
    """Prefix an apostrophe so a spreadsheet shows '=...' as text instead of running it; an
    apostrophe that was there already is doubled, so import (which drops one) gives it back."""
    if tekst[:1] in ("=", "+", "-", "@") or (tekst[:1] == "'" and tekst[1:2] != "" and tekst[1] in _FORMULE_BEGIN):
        return "'" + tekst
    return tekst


def _zonder_beveiliging(tekst: str) -> str:
    return tekst[1:] if tekst[:1] == "'" and tekst[1:2] and tekst[1] in _FORMULE_BEGIN else tekst


def naar_csv(werken: Iterable[WerkInvoer]) -> bytes:
    """The register as CSV with Dutch headers; an empty register gives a template."""
    buffer = io.StringIO(newline="")
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(KOPPEN)
    for werk in werken:
        schrijver.writerow([_veilig_voor_spreadsheet(w) if isinstance(w, str) else w for w in _rij(werk)])
    return buffer.getvalue().encode("utf-8-sig")


def naar_xlsx(werken: Iterable[WerkInvoer]) -> bytes:
    """The register as an Excel workbook: sheet 'Planning' (years as numbers, texts never as
    formulas) plus a sheet with the allowed values, which the columns also offer as a pick list."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    boek = Workbook()
    blad = boek.active
    blad.title = BLAD
    blad.append(list(KOPPEN))
    for cel in blad[1]:
        cel.font = Font(bold=True)
    for werk in werken:
        blad.append(_rij(werk))
        for cel in blad[blad.max_row]:
            if isinstance(cel.value, str):
                cel.data_type = "s"  # a description starting with '=' stays text
    blad.freeze_panes = "A2"
    for letter, breedte in zip("ABCDEFGHI", (40, 28, 34, 22, 10, 10, 10, 12, 40), strict=True):
        blad.column_dimensions[letter].width = breedte

    lijsten = boek.create_sheet("Keuzelijsten")
    kolommen = (("soort", list(SOORT_LABELS.values())), ("niveau", [label for _s, label in NIVEAUS]),
                ("zekerheid", [label for _s, label in ZEKERHEDEN]))
    for kolom, (kop, waarden) in enumerate(kolommen, start=1):
        lijsten.cell(row=1, column=kolom, value=kop).font = Font(bold=True)
        for rij, waarde in enumerate(waarden, start=2):
            lijsten.cell(row=rij, column=kolom, value=waarde)
        letter = "ABC"[kolom - 1]
        lijsten.column_dimensions[letter].width = 48 if kolom == 1 else 14
        keuze = DataValidation(type="list", formula1=f"=Keuzelijsten!${letter}$2:${letter}${len(waarden) + 1}",
                               allow_blank=True, showErrorMessage=False)
        doelkolom = "CEH"[kolom - 1]
        keuze.add(f"{doelkolom}2:{doelkolom}{MAX_WERKEN + 1}")
        blad.add_data_validation(keuze)
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()


def bestandsnaam(dossiernaam: str, extensie: str) -> str:
    """'planning-voorbeeld-groenoord-aardgasvrij.csv': only safe characters in a download name."""
    deel = re.sub(r"[^a-z0-9]+", "-", dossiernaam.casefold()).strip("-")[:60] or "dossier"
    return f"planning-{deel}.{extensie}"


# -- import ----------------------------------------------------------------------------------
def lees_planningbestand(naam: str, data: bytes) -> list[WerkInvoer]:
    """The works in an uploaded .csv or .xlsx file, validated; raises BestandFout (Dutch) and
    returns nothing when anything is wrong."""
    naam = (naam or "").strip()
    extensie = naam.rsplit(".", 1)[-1].casefold() if "." in naam else ""
    if not data:
        raise BestandFout("Het bestand is leeg; er is niets ingelezen.")
    if len(data) > MAX_BYTES:
        megabytes = f"{len(data) / 1024 / 1024:.1f}".replace(".", ",")
        raise BestandFout(f"Het bestand is te groot ({megabytes} MB); het mag hoogstens "
                          f"{MAX_BYTES // 1024 // 1024} MB zijn. Er is niets ingelezen.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise BestandFout("Dit is een Excel-bestand in het oude formaat (.xls). Sla het in Excel op als "
                          "'Excel-werkmap (.xlsx)' of als CSV en probeer het opnieuw.")
    excel = data.startswith(b"PK\x03\x04")
    if excel:
        rijen = _xlsx_rijen(data)
    elif extensie == "xlsx":
        raise BestandFout("Dit bestand heet .xlsx maar is geen Excel-werkmap, of het is beschadigd. Sla het in "
                          "Excel opnieuw op als 'Excel-werkmap (.xlsx)'.")
    elif extensie in ("csv", "txt", ""):
        rijen = _csv_rijen(data)
    else:
        raise BestandFout("Kies een CSV-bestand (.csv) of een Excel-werkmap (.xlsx).")
    try:
        return _lees_rijen(rijen, csv_bestand=not excel)
    finally:
        rijen.close()  # an early stop (too many rows) still closes the workbook


def _csv_rijen(data: bytes) -> Iterator[tuple[int, list[object]]]:
    if b"\x00" in data:
        raise BestandFout("Dit bestand is geen CSV- of Excel-bestand. Kies een .csv- of .xlsx-bestand.")
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        tekst = data.decode("cp1252", errors="replace")  # 'CSV' from older Excel versions on Windows
    eerste_regel = next((regel for regel in tekst.splitlines() if regel.strip()), "")
    scheiding = ";" if ";" in eerste_regel else "\t" if "\t" in eerste_regel else ","
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    try:
        for nummer, rij in enumerate(lezer, start=1):
            yield nummer, list(rij)
    except csv.Error as fout:
        raise BestandFout(f"Het CSV-bestand kan vanaf regel {lezer.line_num} niet worden gelezen; controleer "
                          "de aanhalingstekens of sla het opnieuw op als CSV.") from fout


def _xlsx_rijen(data: bytes) -> Iterator[tuple[int, list[object]]]:
    kapot = BestandFout("Het Excel-bestand kan niet worden gelezen; het is beschadigd of geen .xlsx-werkmap. "
                        "Sla het in Excel opnieuw op als 'Excel-werkmap (.xlsx)'.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archief:
            if sum(info.file_size for info in archief.infolist()) > MAX_UITGEPAKT:
                raise BestandFout("Het Excel-bestand is uitgepakt te groot om in te lezen. Bewaar alleen het "
                                  "planningsoverzicht in de werkmap en probeer het opnieuw.")
    except zipfile.BadZipFile as fout:
        raise kapot from fout
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it skips; not for the user
            boek = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as fout:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
        raise kapot from fout
    try:
        bladen = [boek[BLAD]] if BLAD in boek.sheetnames else boek.worksheets[:1]
        if not bladen:
            raise BestandFout("De Excel-werkmap heeft geen werkblad met gegevens.")
        try:
            for nummer, rij in enumerate(bladen[0].iter_rows(values_only=True), start=1):
                yield nummer, list(rij)
        except BestandFout:
            raise
        except Exception as fout:
            raise kapot from fout
    finally:
        boek.close()


def _kop(tekst: object) -> str:
    schoon = re.sub(r"[\s_\-.]+", "", "" if tekst is None else str(tekst)).casefold()
    return _ALIASSEN.get(schoon, schoon)


def _leeg(rij: Sequence[object]) -> bool:
    return all(cel is None or str(cel).strip() == "" for cel in rij)


def _tekst(cel: object, csv_bestand: bool) -> str:
    if cel is None:
        return ""
    if isinstance(cel, float) and cel.is_integer():
        return str(int(cel))
    tekst = str(cel)
    return _zonder_beveiliging(tekst.strip()) if csv_bestand else tekst


def _jaar(cel: object, naam: str) -> tuple[int | None, str | None]:
    """(year, None) or (None, Dutch problem)."""
    if cel is None or (isinstance(cel, str) and not cel.strip()):
        return None, f"{naam} ontbreekt."
    if isinstance(cel, bool):
        return None, f"{naam} is geen jaartal; gebruik een heel jaar, zoals 2028."
    if isinstance(cel, int):
        return cel, None
    if isinstance(cel, float) and cel.is_integer():
        return int(cel), None
    tekst = str(cel).strip()
    if _JAARTEKST.match(tekst):
        return int(re.split(r"[.,]", tekst)[0]), None
    return None, f"{naam} '{tekst[:30]}' is geen jaartal; gebruik een heel jaar, zoals 2028."


def _invuller(ander_jaar: int | None) -> int:
    """A stand-in for an unreadable year that raises no second complaint (range or order)."""
    return ander_jaar if ander_jaar is not None and JAAR_MIN <= ander_jaar <= JAAR_MAX else JAAR_MIN


def _zin(tekst: str) -> str:
    """'Het eindjaar …' → 'het eindjaar …', to follow 'Rij 4: '."""
    return tekst[:1].lower() + tekst[1:]


def _lees_rijen(rijen: Iterator[tuple[int, list[object]]], *, csv_bestand: bool) -> list[WerkInvoer]:
    kop: list[object] | None = None
    for nummer, rij in rijen:
        if not _leeg(rij):
            kop_nummer, kop = nummer, rij
            break
    if kop is None:
        raise BestandFout("Het bestand is leeg; er is niets ingelezen.")
    kolommen: dict[str, int] = {}
    dubbel = []
    for index, cel in enumerate(kop):
        naam = _kop(cel)
        if naam in KOPPEN:
            if naam in kolommen:
                dubbel.append(naam)
            kolommen.setdefault(naam, index)
    ontbrekend = [k for k in VERPLICHT if k not in kolommen]
    if ontbrekend:
        raise BestandFout(
            f"De kolomnamen in rij {kop_nummer} kloppen niet: {', '.join(ontbrekend)} ontbreekt. De eerste rij moet "
            f"deze kolomnamen hebben: {';'.join(KOPPEN)} (zekerheid en toelichting mogen ontbreken). Tip: exporteer "
            "het register om een voorbeeld te zien."
        )
    if dubbel:
        raise BestandFout(f"De kolom {', '.join(sorted(set(dubbel)))} staat meer dan eens in de kopregel.")

    werken: list[WerkInvoer] = []
    fouten: list[str] = []
    aantal = 0
    for nummer, rij in rijen:
        if _leeg(rij):
            continue
        aantal += 1
        if aantal > MAX_WERKEN:
            raise BestandFout(f"Het bestand heeft meer dan {MAX_WERKEN} werken; splits het in kleinere bestanden. "
                              "Er is niets ingelezen.")
        invoer, rijfouten = _lees_rij(rij, kolommen, csv_bestand)
        if rijfouten:
            fouten += [f"Rij {nummer}: {_zin(f)}" for f in rijfouten]
        else:
            werken.append(invoer)
    if fouten:
        raise BestandFout("Er is niets ingelezen, want niet alle rijen kloppen. Verbeter het bestand en probeer "
                          "het opnieuw.", fouten)
    if not werken:
        raise BestandFout("Er staan geen werken in het bestand, alleen de kolomnamen; er is niets ingelezen.")
    return werken


def _lees_rij(rij: Sequence[object], kolommen: dict[str, int], csv_bestand: bool) -> tuple[WerkInvoer, list[str]]:
    def cel(naam: str) -> object:
        index = kolommen.get(naam)
        return rij[index] if index is not None and index < len(rij) else None

    fouten: list[str] = []
    soort_tekst, niveau_tekst = _tekst(cel("soort"), csv_bestand), _tekst(cel("niveau"), csv_bestand)
    zekerheid_tekst = _tekst(cel("zekerheid"), csv_bestand)
    soort = soort_uit_tekst(soort_tekst)
    if soort is None:
        fouten.append(f"De soort werk '{soort_tekst[:40]}' is onbekend; gebruik een van: " + ", ".join(SOORT_LABELS)
                      + "." if soort_tekst.strip() else "De soort werk ontbreekt.")
    niveau = niveau_uit_tekst(niveau_tekst)
    if niveau is None:
        fouten.append(f"De schaal '{niveau_tekst[:40]}' is onbekend; gebruik een van: " + ", ".join(NIVEAU_LABELS)
                      + "." if niveau_tekst.strip() else "De schaal (niveau) ontbreekt.")
    zekerheid = zekerheid_uit_tekst(zekerheid_tekst) if zekerheid_tekst.strip() else STANDAARD_ZEKERHEID
    if zekerheid is None:
        fouten.append(f"De zekerheid '{zekerheid_tekst[:40]}' is onbekend; gebruik vastgesteld, gepland of "
                      "verkenning.")
    start, fout_start = _jaar(cel("startjaar"), "Het startjaar")
    eind, fout_eind = _jaar(cel("eindjaar"), "Het eindjaar")
    fouten += [f for f in (fout_start, fout_eind) if f]
    # A problem reported above is not reported twice: stand-ins that pass, the rest is checked as usual.
    invoer = WerkInvoer(
        omschrijving=_tekst(cel("omschrijving"), csv_bestand), eigenaar=_tekst(cel("eigenaar"), csv_bestand),
        soort=soort or "overig", gebied=_tekst(cel("gebied"), csv_bestand), niveau=niveau or "wijk",
        start_jaar=start if start is not None else _invuller(eind),
        eind_jaar=eind if eind is not None else _invuller(start),
        zekerheid=zekerheid or STANDAARD_ZEKERHEID, toelichting=_tekst(cel("toelichting"), csv_bestand),
    )
    schoon, overige = fouten_in_werk(invoer)
    fouten += overige
    return (schoon if not fouten else invoer), fouten
