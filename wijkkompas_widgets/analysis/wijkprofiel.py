"""Wijkprofiel: CBS figures of a wijk beside its gemeente and the Netherlands, and the 'wijk-DNA'.

Pure functions on the loaded extracts (``cbs.data``) or on a region from the user's own file; no widgets.
A missing figure stays ``None`` all the way and is shown as "onbekend", never as 0: a wijk where CBS keeps
income secret must not look like a wijk without income.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from ..cbs.data import CbsData, bron_tekst, gemeentecode_van, sorteersleutel
from ..cbs.kolommen import INDICATOR, PROFIEL_KEYS
from ..dossier.model import InvoerFout

ONBEKEND = "onbekend"


@dataclass(frozen=True)
class ProfielRegel:
    key: str
    label: str
    eenheid: str
    wijk: float | None
    gemeente: float | None
    nederland: float | None


@dataclass(frozen=True)
class Wijkprofiel:
    """``regels`` in the order of the mapping table. ``eigen_bestand`` is the file name when the wijk
    values come from the user's own file (the comparison columns are then still CBS's)."""

    regiocode: str
    naam: str
    gemeentenaam: str
    jaar: int | None
    bron: str
    regels: tuple[ProfielRegel, ...]
    gemeentecode: str = ""
    soort: str = "wijk"
    eigen_bestand: str = ""

    def regel(self, key: str) -> ProfielRegel | None:
        return next((r for r in self.regels if r.key == key), None)

    @property
    def aantal_bekend(self) -> int:
        """How many figures the region itself has (the profile of a 2024-only wijk has few)."""
        return sum(r.wijk is not None for r in self.regels)


@dataclass(frozen=True)
class DnaRegel:
    """Index against NL = 100: 150 means one and a half times the NL value."""

    key: str
    label: str
    wijk_index: float
    gemeente_index: float | None
    wijk: float
    nederland: float


def _bekend(waarde: float | None) -> float | None:
    if waarde is None:
        return None
    waarde = float(waarde)
    return None if math.isnan(waarde) or math.isinf(waarde) else waarde


def getal_tekst(waarde: float, decimalen: int = 0) -> str:
    """Dutch notation: 14.440 and 2,1."""
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def opmaak(key: str, waarde: float | None) -> str:
    """A figure as the profile shows it, with its unit: '14.440', '€ 247.000', '800 m³', '45%';
    'onbekend' for a missing one."""
    waarde = _bekend(waarde)
    if waarde is None:
        return ONBEKEND
    ind = INDICATOR.get(key)
    if ind is None:
        return getal_tekst(waarde, 0 if waarde.is_integer() else 1)
    if ind.factor != 1:  # CBS gives WOZ and income in thousands: round there, show whole euros
        geschaald, decimalen = round(waarde, ind.decimalen) * ind.factor, 0
    else:
        geschaald, decimalen = waarde, ind.decimalen
    geschaald = round(geschaald, decimalen) + 0.0  # + 0.0: never '-0'
    return f"{ind.voor}{getal_tekst(geschaald, decimalen)}{ind.achter}"


def _regels(waarden: Mapping[str, float | None], gemeente: Mapping[str, float | None] | None,
            nederland: Mapping[str, float | None]) -> tuple[ProfielRegel, ...]:
    return tuple(
        ProfielRegel(key, INDICATOR[key].label, INDICATOR[key].eenheid, _bekend(waarden.get(key)),
                     _bekend(gemeente.get(key)) if gemeente is not None else None, _bekend(nederland.get(key)))
        for key in PROFIEL_KEYS
    )


def _nederland(data: CbsData, jaar: int) -> dict[str, float | None]:
    return {key: data.nederland(key, jaar) for key in PROFIEL_KEYS}


def maak_profiel(data: CbsData, regiocode: str) -> Wijkprofiel:
    """The profile of a shipped wijk (WK…) or a whole gemeente (GM…), all three columns from one year."""
    regio = data.regio(regiocode)
    if regio is None:
        raise InvoerFout(f"De regio '{regiocode}' staat niet in de meegeleverde CBS-gegevens. Kies een gemeente "
                         "en een wijk uit de lijst.")
    gemeente = regio if regio.soort == "gemeente" else data.gemeente(regio.gemeentecode, regio.jaar)
    return Wijkprofiel(
        regiocode=regio.code, naam=regio.naam, gemeentenaam=regio.gemeentenaam, jaar=regio.jaar,
        bron=bron_tekst(regio.jaar),
        regels=_regels(regio.waarden, gemeente.waarden if gemeente else None, _nederland(data, regio.jaar)),
        gemeentecode=regio.gemeentecode, soort=regio.soort,
    )


def _soort_van_code(code: str) -> str:
    return {"GM": "gemeente", "WK": "wijk", "BU": "buurt"}.get(code[:2].upper(), "regio") if code else "regio"


def profiel_uit_eigen_data(data: CbsData, *, code: str, naam: str, waarden: Mapping[str, float | None],
                           bestandsnaam: str, jaar: int | None = None) -> Wijkprofiel:
    """The user's own figures for a region, beside the shipped gemeente and NL figures where the CBS code
    (or the gemeente's name) tells which gemeente it lies in. The comparison uses the shipped year with the
    most figures (a 2024 file is still compared on gas use, with 2022): ``jaar`` on the profile says which."""
    gemeentecode = gemeentecode_van(code) if code else None
    if gemeentecode is None and naam:
        gevonden = [g for g in data.gemeenten() if sorteersleutel(g.naam) == sorteersleutel(naam)]
        gemeentecode = gevonden[0].code if len(gevonden) == 1 else None
    gemeente = data.gemeente(gemeentecode) if gemeentecode else None
    vergelijkjaar = gemeente.jaar if gemeente else min(data.jaren)
    eigen = f"{naam or code}: eigen gegevens uit '{bestandsnaam}'" + (f" ({jaar})" if jaar else "")
    bron = f"{eigen}; gemeente en Nederland: {bron_tekst(vergelijkjaar).removeprefix('Bron: ')}"
    return Wijkprofiel(
        regiocode=code or "", naam=naam or code or "eigen regio", gemeentenaam=gemeente.naam if gemeente else "",
        jaar=vergelijkjaar, bron=bron,
        regels=_regels(waarden, gemeente.waarden if gemeente else None, _nederland(data, vergelijkjaar)),
        gemeentecode=gemeentecode or "", soort=_soort_van_code(code), eigen_bestand=bestandsnaam,
    )


def dna_regels(profiel: Wijkprofiel) -> tuple[DnaRegel, ...]:
    """Index of the wijk (and of its gemeente) against NL = 100, for the indicators where the wijk and NL
    are both known and a comparison means something (shares, averages; not totals such as inwoners)."""
    regels = []
    for regel in profiel.regels:
        ind = INDICATOR[regel.key]
        if not ind.in_dna or regel.wijk is None or regel.nederland is None or regel.nederland <= 0:
            continue
        gemeente_index = None if regel.gemeente is None else 100 * regel.gemeente / regel.nederland
        regels.append(DnaRegel(regel.key, regel.label, 100 * regel.wijk / regel.nederland, gemeente_index,
                               regel.wijk, regel.nederland))
    return tuple(regels)
