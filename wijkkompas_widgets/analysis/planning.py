"""Existing plannings → natuurlijke momenten (fysieke koppelkansen).

A *werk* is one planned work or investment of one party in one area (a street, buurt, complex, …)
over a span of whole years. Two works of *different* owners in the *same* area form a natural moment
when their periods overlap or lie at most ``marge_jaren`` apart: the street opens once instead of
twice. Sources of the facts in the catalogue: Wijkkompas (knooppunt 'Overzicht van bestaande
planningen'), HIER (timing van het switchmoment), Liander, gemeente.nu (Buurtaanpak netcongestie),
Klimaatadaptatie Nederland, bouwkennisblog.nl and renda.nl; the texts are our own words.

The rules, in one place:

- Years are inclusive: a work from 2027 to 2028 runs through both years.
- The *afstand* of two works is ``max(start) - min(eind)``: 0 or less means they overlap, 1 means
  the second starts the year after the first ends, and so on. A pair is a moment when
  ``afstand <= marge_jaren``.
- Its *venster* is the overlap (``max(start)`` to ``min(eind)``), or, when they do not overlap, the
  years from the end of the first to the start of the second. Either way it lies within the years
  of the two works.
- Same area means the same name after trimming, collapsing spaces and ignoring case. The register
  does not know which street lies in which buurt, so a buurt and a street in it only meet when the
  team gives them the same area name. A work on the level *wijk* or *regio* is for the whole wijk:
  it meets every work in every area (and every other wijk-wide work).
- The same owner (name compared the same way) never forms a moment with itself: the point is to
  bring *different* parties together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields

from ..dossier import validatie
from ..dossier.model import InvoerFout
from ..dossier.records import (
    NIVEAU_LABELS,
    NIVEAUS,
    SOORT_LABELS,
    SOORTEN,
    STANDAARD_ZEKERHEID,
    ZEKERHEID_LABELS,
    Werk,
    WerkInvoer,
)

JAAR_MIN, JAAR_MAX = 2000, 2100
BINNENKORT_JAREN = 2  # plans that start sooner leave little room to adapt (Wijkkompas)
MARGE_MIN, MARGE_MAX, STANDAARD_MARGE = 0, 10, 2
MAX_OMSCHRIJVING = 200
MAX_EIGENAAR = validatie.MAX_KORT
MAX_GEBIED = validatie.MAX_KORT
MAX_WERKEN = 2000  # per dossier; also the most rows one import file may hold
BRON = (
    "Wijkkompas (wijkkompas.nl), knooppunt 'Overzicht van bestaande planningen'; HIER; Liander; gemeente.nu; "
    "Klimaatadaptatie Nederland; bouwkennisblog.nl; renda.nl. In eigen woorden."
)
GEHELE_WIJK = "Hele wijk"
_WITRUIMTE = re.compile(r"\s+")


ZEKERHEID_UITLEG = {
    "vastgesteld": "besloten en begroot; de uitvoering ligt vast",
    "gepland": "staat in een planning, maar is nog niet definitief besloten",
    "verkenning": "een idee of indicatieve planning; het jaar kan nog flink schuiven",
}


def sleutel(tekst: str) -> str:
    """The form under which two names count as the same ('Merelstraat ' == 'merelstraat')."""
    return _WITRUIMTE.sub(" ", str(tekst)).strip().casefold()


# -- validation ------------------------------------------------------------------------------
def _zoek_keuze(waarde: object, labels: Mapping[str, str]) -> str | None:
    """A catalogue key from its key or its label, ignoring case and spaces (for import files)."""
    gezocht = sleutel("" if waarde is None else str(waarde))
    for sleutel_, label in labels.items():
        if gezocht in (sleutel_, sleutel(label)):
            return sleutel_
    return None


def soort_uit_tekst(waarde: object) -> str | None:
    return _zoek_keuze(waarde, SOORT_LABELS)


def niveau_uit_tekst(waarde: object) -> str | None:
    return _zoek_keuze(waarde, NIVEAU_LABELS)


def zekerheid_uit_tekst(waarde: object) -> str | None:
    return _zoek_keuze(waarde, ZEKERHEID_LABELS)


def _jaar_fouten(start: object, eind: object) -> list[str]:
    fouten = []
    for waarde, naam in ((start, "Het startjaar"), (eind, "Het eindjaar")):
        if waarde is None or waarde == "":
            fouten.append(f"{naam} ontbreekt.")
        elif isinstance(waarde, bool) or not isinstance(waarde, int):
            fouten.append(f"{naam} is geen jaartal; gebruik een heel jaar, zoals 2028.")
        elif not JAAR_MIN <= waarde <= JAAR_MAX:
            fouten.append(f"{naam} moet tussen {JAAR_MIN} en {JAAR_MAX} liggen (nu {waarde}).")
    if not fouten and eind < start:
        fouten.append("Het eindjaar ligt voor het startjaar.")
    return fouten


def fouten_in_werk(invoer: WerkInvoer) -> tuple[WerkInvoer | None, list[str]]:
    """All problems of one work at once (Dutch, one sentence each), and the cleaned work if none."""
    fouten: list[str] = []
    schoon: dict[str, object] = {}
    for veld, naam, maximum, verplicht in (
        ("omschrijving", "De omschrijving", MAX_OMSCHRIJVING, True),
        ("eigenaar", "De eigenaar", MAX_EIGENAAR, True),
        ("gebied", "Het gebied", MAX_GEBIED, True),
        ("toelichting", "De toelichting", validatie.MAX_TOELICHTING, False),
    ):
        try:
            schoon[veld] = validatie.schone_tekst(getattr(invoer, veld), naam, maximum=maximum, verplicht=verplicht)
        except InvoerFout as fout:
            fouten.append(str(fout))
    soort = invoer.soort if isinstance(invoer.soort, str) and invoer.soort in SOORTEN else None
    if soort is None:
        fouten.append("Kies een soort werk uit de lijst (bijv. riolering of gasnet vervangen).")
    niveau = invoer.niveau if isinstance(invoer.niveau, str) and invoer.niveau in NIVEAU_LABELS else None
    if niveau is None:
        fouten.append("Kies een schaal: " + ", ".join(label.lower() for _s, label in NIVEAUS) + ".")
    zekerheid = invoer.zekerheid if isinstance(invoer.zekerheid, str) and invoer.zekerheid in ZEKERHEID_LABELS else None
    if zekerheid is None:
        fouten.append("Kies hoe zeker het werk is: vastgesteld, gepland of verkenning.")
    fouten += _jaar_fouten(invoer.start_jaar, invoer.eind_jaar)
    if fouten:
        return None, fouten
    return WerkInvoer(
        omschrijving=schoon["omschrijving"], eigenaar=schoon["eigenaar"], soort=soort, gebied=schoon["gebied"],
        niveau=niveau, start_jaar=invoer.start_jaar, eind_jaar=invoer.eind_jaar, zekerheid=zekerheid,
        toelichting=schoon["toelichting"],
    ), []


def controleer_werk(invoer: WerkInvoer) -> WerkInvoer:
    """The cleaned work, or InvoerFout naming every problem (so a user fixes them in one go)."""
    schoon, fouten = fouten_in_werk(invoer)
    if fouten:
        raise InvoerFout(" ".join(fouten))
    return schoon


def werk_uit_dict(gegevens: Mapping[str, object]) -> WerkInvoer:
    """A work from plain data (the example dossier's YAML); soort, niveau and zekerheid may be
    keys or labels. Validate the result with ``controleer_werk``."""

    def tekst(naam: str) -> str:
        waarde = gegevens.get(naam)
        return "" if waarde is None else str(waarde)

    return WerkInvoer(
        omschrijving=tekst("omschrijving"), eigenaar=tekst("eigenaar"),
        soort=soort_uit_tekst(gegevens.get("soort")) or tekst("soort"), gebied=tekst("gebied"),
        niveau=niveau_uit_tekst(gegevens.get("niveau")) or tekst("niveau"),
        start_jaar=gegevens.get("start_jaar", gegevens.get("start")),
        eind_jaar=gegevens.get("eind_jaar", gegevens.get("eind")),
        zekerheid=zekerheid_uit_tekst(gegevens.get("zekerheid") or STANDAARD_ZEKERHEID) or tekst("zekerheid"),
        toelichting=tekst("toelichting"),
    )


def controleer_marge(marge_jaren: object) -> int:
    if isinstance(marge_jaren, bool) or not isinstance(marge_jaren, int) or not (
            MARGE_MIN <= marge_jaren <= MARGE_MAX):
        raise InvoerFout(f"De marge is een heel aantal jaren van {MARGE_MIN} tot en met {MARGE_MAX}.")
    return marge_jaren


# -- natural moments -------------------------------------------------------------------------
def afstand(a: WerkInvoer, b: WerkInvoer) -> int:
    """Years between two works: 0 or less when they overlap (see the module docstring)."""
    return max(a.start_jaar, b.start_jaar) - min(a.eind_jaar, b.eind_jaar)


def zelfde_gebied(a: Werk, b: Werk) -> bool:
    return a.is_wijkbreed or b.is_wijkbreed or a.gebied_sleutel == b.gebied_sleutel


def _gebied_van_paar(a: Werk, b: Werk) -> tuple[str, str]:
    """(key, name) of the area a pair belongs to: the narrower area, or the whole wijk."""
    if a.is_wijkbreed and b.is_wijkbreed:
        return "", GEHELE_WIJK
    smal = b if a.is_wijkbreed else a
    return smal.gebied_sleutel, smal.gebied


@dataclass(frozen=True)
class Koppeling:
    """Two works of different owners in the same area that fall together (``a`` before ``b``)."""

    a: Werk
    b: Werk
    gebied: str
    gebied_sleutel: str  # '' for a pair of two wijk-wide works
    afstand: int
    venster_start: int
    venster_eind: int

    @property
    def overlappen(self) -> bool:
        return self.afstand <= 0


def koppelingen(werken: Iterable[Werk], marge_jaren: int) -> list[Koppeling]:
    """Every pair of works that forms a natural moment, each pair once, sorted by window."""
    marge_jaren = controleer_marge(marge_jaren)
    lijst = sorted(werken, key=Werk.volgorde)  # a work's place here is its rank in the total order
    # Only works in the same area, or wijk-wide ones, can meet: compare within those groups only.
    per_gebied: dict[str, list[int]] = {}
    wijkbreed: list[int] = []
    for index, werk in enumerate(lijst):
        (wijkbreed if werk.is_wijkbreed else per_gebied.setdefault(werk.gebied_sleutel, [])).append(index)
    eigenaren = [w.eigenaar_sleutel for w in lijst]
    kandidaten = [(groep, groep) for groep in per_gebied.values()] + [(groep, wijkbreed) for groep in
                                                                      per_gebied.values()] + [(wijkbreed, wijkbreed)]
    paren = []
    for links, rechts in kandidaten:
        for plek, i in enumerate(links):
            a = lijst[i]
            for j in rechts[plek + 1:] if links is rechts else rechts:
                b = lijst[j]
                if b.start_jaar - a.eind_jaar > marge_jaren:
                    break  # the groups are sorted by start year: every later work is further away still
                if eigenaren[i] == eigenaren[j] or afstand(a, b) > marge_jaren:
                    continue
                eerste, tweede = (i, j) if i < j else (j, i)
                paren.append(_koppeling(lijst[eerste], lijst[tweede], eerste, tweede))
    paren.sort(key=lambda paar: paar[0])
    return [paar for _sleutel, paar in paren]


def _koppeling(a: Werk, b: Werk, i: int, j: int) -> tuple[tuple, Koppeling]:
    grens_1, grens_2 = max(a.start_jaar, b.start_jaar), min(a.eind_jaar, b.eind_jaar)
    venster = (min(grens_1, grens_2), max(grens_1, grens_2))
    gebied_sleutel, gebied = _gebied_van_paar(a, b)
    # i and j are the works' ranks in the total order, so they break ties the way volgorde() would
    return (*venster, gebied_sleutel, i, j), Koppeling(a, b, gebied, gebied_sleutel, afstand(a, b), *venster)


@dataclass(frozen=True)
class NatuurlijkMoment:
    """Works in one area that chain together through pairs that fall together (a cluster). The
    window runs from the first pair's window to the last one's; it lies within the works' years."""

    gebied: str
    gebied_sleutel: str
    werken: tuple[Werk, ...]
    koppelingen: tuple[Koppeling, ...]
    venster_start: int
    venster_eind: int

    @property
    def partijen(self) -> tuple[str, ...]:
        """The owners involved, each once (first spelling), in alphabetical order."""
        namen: dict[str, str] = {}
        for werk in self.werken:
            namen.setdefault(werk.eigenaar_sleutel, werk.eigenaar)
        return tuple(namen[s] for s in sorted(namen))

    @property
    def overlappen(self) -> bool:
        """True when at least two of the works really run at the same time."""
        return any(k.overlappen for k in self.koppelingen)

    @property
    def venster(self) -> str:
        if self.venster_start == self.venster_eind:
            return str(self.venster_start)
        return f"{self.venster_start}–{self.venster_eind}"


def natuurlijke_momenten(werken: Iterable[Werk], marge_jaren: int) -> list[NatuurlijkMoment]:
    """The natural moments per area: pairs from ``koppelingen`` grouped into clusters of works
    that chain together within one area, sorted by the start of their window."""
    groepen: dict[str, list[Koppeling]] = {}
    for paar in koppelingen(werken, marge_jaren):
        groepen.setdefault(paar.gebied_sleutel, []).append(paar)
    momenten = []
    for gebied_sleutel, paren in groepen.items():
        for cluster in _clusters(paren):
            leden: dict[int, Werk] = {}
            for paar in cluster:
                leden.setdefault(id(paar.a), paar.a)
                leden.setdefault(id(paar.b), paar.b)
            werken_in = tuple(sorted(leden.values(), key=Werk.volgorde))
            momenten.append(NatuurlijkMoment(
                gebied=cluster[0].gebied if gebied_sleutel else GEHELE_WIJK,
                gebied_sleutel=gebied_sleutel,
                werken=werken_in,
                koppelingen=tuple(cluster),
                venster_start=min(p.venster_start for p in cluster),
                venster_eind=max(p.venster_eind for p in cluster),
            ))
    momenten.sort(key=lambda m: (m.venster_start, m.venster_eind, m.gebied_sleutel,
                                 tuple(w.volgorde() for w in m.werken)))
    return momenten


def _clusters(paren: Sequence[Koppeling]) -> list[list[Koppeling]]:
    """Connected groups of pairs (union-find on the works, by identity: two equal works typed
    twice stay two works)."""
    ouder: dict[int, int] = {}

    def wortel(x: int) -> int:
        while ouder.setdefault(x, x) != x:
            ouder[x] = ouder[ouder[x]]
            x = ouder[x]
        return x

    for paar in paren:
        ouder[wortel(id(paar.a))] = wortel(id(paar.b))
    groepen: dict[int, list[Koppeling]] = {}
    for paar in paren:
        groepen.setdefault(wortel(id(paar.a)), []).append(paar)
    return list(groepen.values())


# -- timing ----------------------------------------------------------------------------------
def werken_binnenkort(werken: Iterable[Werk], huidig_jaar: int) -> list[Werk]:
    """Works that have started or start within ``BINNENKORT_JAREN`` years and are not finished:
    there is little room left to adapt them (Wijkkompas: plans two or more years ahead are the
    most useful)."""
    return sorted(
        (werk for werk in werken if werk.start_jaar < huidig_jaar + BINNENKORT_JAREN and werk.eind_jaar >= huidig_jaar),
        key=Werk.volgorde,
    )


def tijdstatus(werk: WerkInvoer, huidig_jaar: int) -> str:
    """A short Dutch word for where a work stands in time, for the register."""
    if werk.eind_jaar < huidig_jaar:
        return "afgerond"
    if werk.start_jaar <= huidig_jaar:
        return "loopt al"
    if werk.start_jaar < huidig_jaar + BINNENKORT_JAREN:
        return "start binnenkort"
    return "nog ruim de tijd"


def met_id(invoer: WerkInvoer, werk_id: int = 0, versie: int = 1) -> Werk:
    """A ``Werk`` from an input (analyses of works that are not saved yet, and tests)."""
    return Werk(**{veld.name: getattr(invoer, veld.name) for veld in fields(WerkInvoer)}, id=werk_id, versie=versie)

