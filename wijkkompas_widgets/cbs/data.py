"""The shipped CBS extracts (``data/cbs/``), loaded once per process.

A Voilà kernel switches wijk many times; reading the files once (``functools.lru_cache``) keeps every
switch cheap. Boundaries are read only when a map is drawn for the first time.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..paths import data_dir
from .kolommen import INDICATOR, INDICATOREN

MIN_DEKKING = 0.9  # a NL value needs figures for at least 90% of the weight (inwoners, woningen...)
NL_LABEL = "Nederland (berekend uit alle gemeenten)"
_CODE = re.compile(r"^(GM|WK|BU)(\d{4})(\d*)$")


def bron_tekst(jaar: int | None) -> str:
    """The attribution line CBS asks for (CC BY 4.0), on every figure and table."""
    jaar_tekst = f" {jaar}" if jaar else ""
    return f"Bron: CBS, Kerncijfers wijken en buurten{jaar_tekst}; PDOK CBS Wijken en Buurten"


def gemeentecode_van(code: str) -> str | None:
    """GM0606 for GM0606, WK060607 and BU06060701 (the CBS code holds the gemeente's number)."""
    gevonden = _CODE.match((code or "").strip().upper())
    return f"GM{gevonden.group(2)}" if gevonden else None


def wijkcode_van(code: str) -> str | None:
    """The wijk a buurt lies in (BU06060701 → WK060607); the code itself for a wijk."""
    gevonden = _CODE.match((code or "").strip().upper())
    if not gevonden or gevonden.group(1) == "GM" or len(gevonden.group(3)) < 2:
        return None
    return f"WK{gevonden.group(2)}{gevonden.group(3)[:2]}"


def sorteersleutel(naam: str) -> str:
    """Dutch order: 's-Hertogenbosch under H, 't Zandt under Z."""
    kaal = re.sub(r"^'[st][- ]", "", naam.strip(), flags=re.IGNORECASE)
    return kaal.casefold()


@dataclass(frozen=True)
class Regio:
    """One row of CBS figures: a gemeente or a wijk in one year; a missing figure is ``None``."""

    code: str
    naam: str
    soort: str  # "gemeente" or "wijk"
    gemeentecode: str
    gemeentenaam: str
    jaar: int
    waarden: dict[str, float | None] = field(hash=False, compare=False)

    def waarde(self, key: str) -> float | None:
        return self.waarden.get(key)


@dataclass(frozen=True)
class Gebied:
    """A polygon to draw: code, name and a GeoJSON geometry (Polygon or MultiPolygon, lon/lat)."""

    code: str
    naam: str
    geometrie: dict = field(hash=False, compare=False)


@dataclass(frozen=True)
class GemeenteKeuze:
    code: str
    naam: str
    label: str


def _getal(tekst: str | None) -> float | None:
    tekst = (tekst or "").strip()
    return float(tekst) if tekst else None


def _lees(pad: Path) -> list[dict[str, str]]:
    with pad.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class CbsData:
    """Gemeenten and wijken per year, NL values computed from all gemeenten, and boundaries."""

    def __init__(self, map_: Path):
        self.map = map_
        self._gemeenten: dict[tuple[int, str], Regio] = {}
        self._wijken: dict[str, Regio] = {}
        self._wijken_per_gemeente: dict[str, list[Regio]] = defaultdict(list)
        for rij in _lees(map_ / "gemeenten.csv"):
            jaar = int(rij["jaar"])
            regio = Regio(rij["gemeentecode"], rij["gemeentenaam"], "gemeente", rij["gemeentecode"],
                          rij["gemeentenaam"], jaar, {i.key: _getal(rij.get(i.key)) for i in INDICATOREN})
            self._gemeenten[(jaar, regio.code)] = regio
        for rij in _lees(map_ / "wijken.csv"):
            regio = Regio(rij["regiocode"], rij["regionaam"], "wijk", rij["gemeentecode"], rij["gemeentenaam"],
                          int(rij["jaar"]), {i.key: _getal(rij.get(i.key)) for i in INDICATOREN})
            self._wijken[regio.code] = regio
            self._wijken_per_gemeente[regio.gemeentecode].append(regio)
        for lijst in self._wijken_per_gemeente.values():
            lijst.sort(key=lambda r: r.code)
        self.jaren: tuple[int, ...] = tuple(sorted({jaar for jaar, _code in self._gemeenten}))
        self._nederland: dict[tuple[str, int], float | None] = {}

    # --- gemeenten and wijken
    def gemeenten(self) -> list[GemeenteKeuze]:
        """Every gemeente of any year, in Dutch alphabetical order; merged ones say until when they existed."""
        laatste = max(self.jaren)
        per_code: dict[str, tuple[str, int]] = {}
        for (jaar, code), regio in sorted(self._gemeenten.items()):
            per_code[code] = (regio.naam, jaar)
        keuzes = [
            GemeenteKeuze(code, naam, naam if jaar == laatste else f"{naam} (t/m {jaar}, daarna samengevoegd)")
            for code, (naam, jaar) in per_code.items()
        ]
        return sorted(keuzes, key=lambda k: (sorteersleutel(k.naam), k.code))

    def gemeente(self, code: str, jaar: int | None = None) -> Regio | None:
        """The gemeente in ``jaar``; without a year the year with the most figures (2022 for every gemeente
        that existed then), so the profile is as rich as the shipped data allows."""
        if jaar is not None:
            return self._gemeenten.get((jaar, code))
        kandidaten = [r for (j, c), r in self._gemeenten.items() if c == code]
        if not kandidaten:
            return None
        return max(kandidaten, key=lambda r: (sum(v is not None for v in r.waarden.values()), r.jaar))

    def wijken(self, gemeentecode: str) -> list[Regio]:
        return list(self._wijken_per_gemeente.get(gemeentecode, ()))

    def wijk(self, code: str) -> Regio | None:
        return self._wijken.get(code)

    def regio(self, code: str) -> Regio | None:
        """A gemeente (GM…) or wijk (WK…) by CBS code."""
        code = (code or "").strip().upper()
        return self.gemeente(code) if code.startswith("GM") else self._wijken.get(code)

    # --- Nederland
    def nederland(self, key: str, jaar: int) -> float | None:
        """NL value from the gemeente rows of ``jaar``: a sum, or a mean weighted as the mapping table says.
        ``None`` when too few gemeenten have the figure (a mean over a few would not be NL)."""
        if (key, jaar) not in self._nederland:
            self._nederland[(key, jaar)] = self._bereken_nederland(key, jaar)
        return self._nederland[(key, jaar)]

    def _bereken_nederland(self, key: str, jaar: int) -> float | None:
        rijen = [r for (j, _c), r in self._gemeenten.items() if j == jaar]
        if not rijen or key not in INDICATOR:
            return None
        combineer = INDICATOR[key].combineer
        waarden = [r.waarde(key) for r in rijen]
        if combineer == "som":
            return None if any(v is None for v in waarden) else float(sum(waarden))
        gewicht_key = combineer.removeprefix("gewogen:")
        gewichten = [r.waarde(gewicht_key) for r in rijen]
        totaal = sum(g for g in gewichten if g is not None)
        paren = [(v, g) for v, g in zip(waarden, gewichten, strict=True) if v is not None and g is not None]
        gedekt = sum(g for _v, g in paren)
        if totaal <= 0 or gedekt / totaal < MIN_DEKKING:
            return None
        return sum(v * g for v, g in paren) / gedekt

    # --- boundaries
    @cached_property
    def _wijkgrenzen(self) -> dict[str, list[Gebied]]:
        data = json.loads((self.map / "wijkgrenzen.geojson").read_text(encoding="utf-8"))
        per_gemeente: dict[str, list[Gebied]] = defaultdict(list)
        for feature in data["features"]:
            p = feature["properties"]
            per_gemeente[p["gemeentecode"]].append(Gebied(p["wijkcode"], p["wijknaam"], feature["geometry"]))
        return dict(per_gemeente)

    @cached_property
    def _gemeentegrenzen(self) -> list[Gebied]:
        data = json.loads((self.map / "gemeentegrenzen.geojson").read_text(encoding="utf-8"))
        return [Gebied(f["properties"]["gemeentecode"], f["properties"]["gemeentenaam"], f["geometry"])
                for f in data["features"]]

    def wijkgrenzen(self, gemeentecode: str) -> list[Gebied]:
        """The wijk boundaries of a gemeente; empty when the shipped data has none for it."""
        return list(self._wijkgrenzen.get(gemeentecode, ()))

    def gemeentegrenzen(self) -> list[Gebied]:
        return list(self._gemeentegrenzen)


@functools.lru_cache(maxsize=4)
def cbs_data(map_: Path | None = None) -> CbsData:
    """The extracts, read once per process (per folder)."""
    return CbsData(Path(map_) if map_ is not None else data_dir() / "cbs")
