"""The records of the wijkdossier's exercises: what the store returns and takes, with the vocabularies of
their stored fields and the checks the store and the workshop share. No SQLAlchemy, so analysis/, the exports
and the workshop's pure parts can use them without loading the store (``dossier.store`` and its parts do).

The parties and dossiers themselves, and the errors, are in ``dossier.model``; the form keys in
``dossier.formulieren``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime

from .model import InvoerFout
from .validatie import controleer_uren, naam_sleutel

# == ambities en belangen =========================================================================
# How a party relates to an interest (belang). 'beide': it is the party's own interest and
# the party can also contribute to it for others.
HOUDINGEN: dict[str, str] = {
    "belang": "Ons belang",
    "bijdragen": "Wij kunnen hieraan bijdragen",
    "beide": "Ons belang, en wij kunnen bijdragen",
    "botst": "Botst met ons belang",
}
MAX_PRIORITEITEN = 3
EIGEN_PREFIX = "eigen-"


@dataclass(frozen=True)
class PartijBelang:
    partij_id: int
    belang_id: str
    houding: str
    prioriteit: bool


@dataclass(frozen=True)
class EigenBelang:
    id: str  # 'eigen-<n>', so it lives next to the catalogue ids
    naam: str


# == rollen en verwachtingen ======================================================================
# (key stored in the database, label shown to the user); the order is from most to least involved.
ROLLEN: tuple[tuple[str, str], ...] = (
    ("trekker", "Trekker"),
    ("meedenker", "Meedenker"),
    ("geinformeerd", "Geïnformeerd"),
)
ROL_LABELS = dict(ROLLEN)
_GETAL = re.compile(r"^\d+(?:[.,]\d+)?$")


@dataclass(frozen=True)
class Taak:
    id: int
    naam: str
    spoor: str
    omschrijving: str = ""


@dataclass(frozen=True)
class Rol:
    taak_id: int
    partij_id: int
    rol: str
    uren_per_maand: float = 0.0


def lees_uren(tekst: str, veld: str = "De capaciteit") -> float | None:
    """Hours typed by a user ('16', '7,5', '7.5'); empty means 'onbekend' (``None``)."""
    schoon = (tekst or "").strip().replace(" ", "")
    if not schoon:
        return None
    if not _GETAL.match(schoon):
        raise InvoerFout(
            f"{veld} is een aantal uren per maand, zoals 16 of 7,5. Laat het veld leeg als je het nog niet weet."
        )
    return controleer_uren(float(schoon.replace(",", ".")), veld)


# == samenwerkingsscan ============================================================================
CONCEPT = "concept"
INGEDIEND = "ingediend"
SCAN_MIN, SCAN_MAX = 1, 5


@dataclass(frozen=True)
class ScanRonde:
    id: int
    naam: str
    aangemaakt: datetime
    gesloten: datetime | None = None

    @property
    def is_gesloten(self) -> bool:
        return self.gesloten is not None


@dataclass(frozen=True)
class ScanRespons:
    """One respondent's answers in one round. ``antwoorden`` maps a statement id to 1-5, or to
    ``None`` for 'weet niet'; a statement without a key has not been answered yet."""

    id: int
    ronde_id: int
    naam: str
    organisatie: str
    status: str  # 'concept' or 'ingediend'
    antwoorden: dict[str, int | None] = field(default_factory=dict)

    @property
    def is_ingediend(self) -> bool:
        return self.status == INGEDIEND


# == besluitenlog =================================================================================
# (key stored in the database, label shown to the user)
BESLUIT_SOORTEN: tuple[tuple[str, str], ...] = (
    ("besluit", "Besluit"),
    ("automatisch", "Automatisch vastgelegd"),
    ("correctie", "Correctie"),
)
BESLUIT_SOORT_LABELS = dict(BESLUIT_SOORTEN)
MAX_WAT = 300
MAX_AANWEZIG = 600


@dataclass(frozen=True)
class Besluit:
    """One entry of the log. ``gecorrigeerd_door`` lists the ids of later corrections of it."""

    id: int
    volgnummer: int
    moment: datetime
    wat: str
    aanwezig: str
    onderbouwing: str
    knooppunt_id: str | None
    soort: str
    corrigeert_id: int | None = None
    afwijkend: str = ""
    gecorrigeerd_door: tuple[int, ...] = ()
    auteur: str = ""  # who recorded it (since schema 0007; "" for older entries)

    @property
    def is_gecorrigeerd(self) -> bool:
        return bool(self.gecorrigeerd_door)


# == bestaande planningen =========================================================================
@dataclass(frozen=True)
class Soort:
    label: str
    waarom: str  # one line: why this work is a natural moment
    bron: str


# key (stored) → label and why it is a natural moment. The order is the order in the form.
SOORTEN: dict[str, Soort] = {
    "riolering": Soort(
        "Riolering vervangen of renoveren",
        "De straat gaat toch al open. Graven is de grootste kostenpost van een warmtenet, dus meeliften met "
        "rioolwerk (uit het gemeentelijk rioleringsplan) bespaart veel geld en overlast.",
        "HIER; Wijkkompas",
    ),
    "gasnet": Soort(
        "Gasnet vervangen",
        "Een gasnet wordt in ongeveer veertig jaar afgeschreven. Moet het toch vervangen worden, dan is dit het "
        "moment om een alternatief te overwegen in plaats van nieuwe gasleidingen te leggen.",
        "HIER; Liander",
    ),
    "elektriciteitsnet": Soort(
        "Elektriciteitsnet verzwaren",
        "Voor de Buurtaanpak netcongestie moet naar verwachting ongeveer een op de drie straten open. Leg de "
        "capaciteit dan meteen aan voor warmtepompen en laadpalen.",
        "gemeente.nu",
    ),
    "waterleiding": Soort(
        "Waterleiding vervangen",
        "Ook het waterbedrijf graaft in de straat; alle leidingen in één keer vernieuwen scheelt kosten en hinder.",
        "Wijkkompas",
    ),
    "warmtenet": Soort(
        "Warmtenet aanleggen of uitbreiden",
        "Een warmtenet in of vlak bij het gebied kan de bron worden voor de rest van de wijk; stem het tracé af "
        "met ander graafwerk.",
        "eigen inschatting",
    ),
    "corporatie-onderhoud": Soort(
        "Groot onderhoud of renovatie corporatie (MJOP)",
        "Corporaties pakken een complex grofweg eens in de dertig jaar groot aan. Isoleren en een nieuwe "
        "warmtebron passen het best in die ronde, en een project kan soms een paar jaar schuiven om aan te sluiten.",
        "bouwkennisblog.nl; renda.nl",
    ),
    "vastgoed-onderhoud": Soort(
        "Onderhoud of renovatie ander vastgoed",
        "Vervangt een VvE, verhuurder of eigenaar van een bedrijfspand het dak, de gevel of de installatie, dan "
        "kan isoleren of overstappen in dezelfde ingreep.",
        "Wijkkompas",
    ),
    "openbare-ruimte": Soort(
        "Herinrichting openbare ruimte of klimaatadaptatie",
        "Als straten, pleinen of groen opnieuw worden ingericht, bijvoorbeeld tegen hitte of wateroverlast, "
        "kunnen leidingen en een warmtenet in hetzelfde ontwerp mee.",
        "Klimaatadaptatie Nederland; Wijkkompas",
    ),
    "nieuwbouw": Soort(
        "Nieuwbouw of sloop-nieuwbouw",
        "Nieuwe woningen krijgen geen gasaansluiting meer; nieuwbouw kan zo de eerste afnemer zijn van een "
        "collectieve warmtevoorziening voor de buurt.",
        "NOS (netbeheerders sluiten nieuwbouw niet meer aan op gas)",
    ),
    "overig": Soort(
        "Ander werk",
        "Elk werk waarbij de straat of het gebouw open gaat, kan een moment zijn; schrijf in de toelichting waarom.",
        "Wijkkompas",
    ),
}
SOORT_LABELS = {sleutel: soort.label for sleutel, soort in SOORTEN.items()}

# Scales, from large to small (Wijkkompas splits plans by scale).
NIVEAUS: tuple[tuple[str, str], ...] = (
    ("regio", "Regio"),
    ("wijk", "Wijk"),
    ("buurt", "Buurt"),
    ("straat", "Straat"),
    ("complex", "Complex"),
    ("gebouw", "Gebouw"),
)
NIVEAU_LABELS = dict(NIVEAUS)
WIJKBREED = frozenset({"regio", "wijk"})

ZEKERHEDEN: tuple[tuple[str, str], ...] = (
    ("vastgesteld", "Vastgesteld"),
    ("gepland", "Gepland"),
    ("verkenning", "Verkenning"),
)
ZEKERHEID_LABELS = dict(ZEKERHEDEN)
STANDAARD_ZEKERHEID = "gepland"


@dataclass(frozen=True)
class WerkInvoer:
    """What a user enters for one work (form, import file or example dossier)."""

    omschrijving: str
    eigenaar: str
    soort: str
    gebied: str
    niveau: str
    start_jaar: int
    eind_jaar: int
    zekerheid: str = STANDAARD_ZEKERHEID
    toelichting: str = ""

    def als_invoer(self) -> WerkInvoer:
        return WerkInvoer(**{veld.name: getattr(self, veld.name) for veld in fields(WerkInvoer)})


@dataclass(frozen=True)
class Werk(WerkInvoer):
    """A saved work; ``versie`` goes up with every edit (optimistic concurrency in the store)."""

    id: int = 0
    versie: int = 1

    @property
    def is_wijkbreed(self) -> bool:
        return self.niveau in WIJKBREED

    @property
    def gebied_sleutel(self) -> str:
        return naam_sleutel(self.gebied)

    @property
    def eigenaar_sleutel(self) -> str:
        return naam_sleutel(self.eigenaar)

    @property
    def soort_label(self) -> str:
        return SOORT_LABELS.get(self.soort, self.soort)

    @property
    def periode(self) -> str:
        return str(self.start_jaar) if self.start_jaar == self.eind_jaar else f"{self.start_jaar}–{self.eind_jaar}"

    def volgorde(self) -> tuple:
        """A total order on all fields, so results never depend on the order of the input."""
        return (self.start_jaar, self.eind_jaar, self.gebied_sleutel, self.eigenaar_sleutel, self.soort,
                self.omschrijving, self.niveau, self.zekerheid, self.toelichting, self.gebied, self.eigenaar,
                self.id, self.versie)


# == koppelkansen =================================================================================
# (key stored in the database, label shown to the user)
HERKOMSTEN: tuple[tuple[str, str], ...] = (
    ("natuurlijk-moment", "Natuurlijk moment"),
    ("sociaal", "Sociale koppelkans"),
    ("nieuw", "Nieuw"),
)
HERKOMST_LABELS = dict(HERKOMSTEN)
# The criteria used in practice to score a koppelkans (Wijkkompas, 'Strategieën voor koppelkansen').
# Higher is always better: 5 on 'extra-kosten' means little extra cost, on 'doorlooptijd' little time.
STANDAARD_SCORECRITERIA: tuple[tuple[str, str], ...] = (
    ("wensen", "Past bij de wensen in de wijk"),
    ("extra-kosten", "Extra kosten (5 = weinig)"),
    ("doorlooptijd", "Tijd voor besluit en uitvoering (5 = kort)"),
)
KNOOPPUNT_KOPPELKANSEN = "f3-strategieen-koppelkansen"


@dataclass(frozen=True)
class KoppelkansInvoer:
    """What a user (or the import from phase 2) enters for a koppelkans. ``herkomst_ref`` says where
    it came from: the id of a sociale koppelkans, or a description of the natural moment."""

    titel: str
    herkomst: str = "nieuw"
    herkomst_ref: str = ""
    omschrijving: str = ""


@dataclass(frozen=True)
class Koppelkans:
    id: int
    titel: str
    herkomst: str
    herkomst_ref: str
    omschrijving: str
    versie: int
    scores: dict[str, int] = field(default_factory=dict)  # a missing key is 'onbekend', never 0
    besluit: str | None = None  # 'gekozen', 'niet' or None (still open)
    reden: str = ""

    @property
    def herkomst_label(self) -> str:
        return HERKOMST_LABELS.get(self.herkomst, self.herkomst)

    def als_invoer(self) -> KoppelkansInvoer:
        return KoppelkansInvoer(self.titel, self.herkomst, self.herkomst_ref, self.omschrijving)


# == criteria, weging en strategieën ==============================================================
# The five heat strategies of the PBL Startanalyse aardgasvrije buurten; their names and texts are
# content (data/strategieen.yaml, ``inhoud().fase34.strategie(code)``), the store only keeps the code.
WARMTESTRATEGIEEN: tuple[str, ...] = ("S1", "S2", "S3", "S4", "S5")
# The store keeps at most MAX_STRATEGIEEN; the minimum a comparison needs is for the analysis and the page.
MIN_STRATEGIEEN, MAX_STRATEGIEEN = 2, 6
MAX_PUNTEN = 100.0
KNOOPPUNT_WEGING = "f3-criteria-en-weging"
KNOOPPUNT_KEUZE = "f4-energiesysteem-vastleggen"
CRITERIUM_WEG = "Dit criterium bestaat niet (meer) in dit dossier; misschien heeft iemand anders het verwijderd."


@dataclass(frozen=True)
class Criterium:
    id: int
    naam: str
    omschrijving: str
    volgorde: int
    versie: int
    catalogus_id: str | None = None  # id in data/criteria.yaml (for its scale texts), None for an own criterion


@dataclass(frozen=True)
class Vastzetting:
    """The weights as fixed at ``vastgezet``. All maps are a snapshot of that moment: ``gewichten``
    (criterium id → weight, summing to 1) as the team agreed them, ``punten`` (party id → criterium
    id → points) as the parties gave them, ``per_partij`` the same points normalised per party, and
    the names of criteria and parties then, so the history stays readable after later changes."""

    id: int
    vastgezet: datetime
    gewichten: dict[int, float]
    besluit_id: int
    per_partij: dict[int, dict[int, float]] = field(default_factory=dict)
    punten: dict[int, dict[int, float]] = field(default_factory=dict)
    criteria: dict[int, str] = field(default_factory=dict)
    partijen: dict[int, str] = field(default_factory=dict)
    ingetrokken: datetime | None = None
    intrekking_besluit_id: int | None = None

    @property
    def actief(self) -> bool:
        return self.ingetrokken is None


@dataclass(frozen=True)
class StrategieInvoer:
    """What a user enters for an integrated strategy: a heat strategy (S1-S5), the koppelkansen (ids
    from the register) that go with it, and the phasing."""

    naam: str
    warmtestrategie: str
    koppelkansen: tuple[int, ...] = ()
    fasering: str = ""
    omschrijving: str = ""


@dataclass(frozen=True)
class Strategie:
    id: int
    naam: str
    warmtestrategie: str
    koppelkansen: tuple[int, ...]
    fasering: str
    omschrijving: str
    versie: int

    def als_invoer(self) -> StrategieInvoer:
        return StrategieInvoer(self.naam, self.warmtestrategie, self.koppelkansen, self.fasering, self.omschrijving)


@dataclass(frozen=True)
class Keuze:
    """The chosen strategy; ``besluit_id`` is its entry in the besluitenlog."""

    strategie_id: int
    naam: str
    onderbouwing: str
    aanwezig: str
    afwijkend: str
    besluit_id: int
    gekozen: datetime


def controleer_punten(punten: object) -> dict[int, float]:
    """A party's points per criterium id: each a number from 0 to ``MAX_PUNTEN``, not all zero. Shared by the
    weging's store and the adoption of a workshop's weging."""
    if not isinstance(punten, Mapping) or not punten:
        raise InvoerFout("Geef minstens één criterium punten; er is niets opgeslagen.")
    schoon: dict[int, float] = {}
    for criterium_id, waarde in punten.items():
        if not isinstance(criterium_id, int) or isinstance(criterium_id, bool):
            raise InvoerFout(CRITERIUM_WEG)
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or not math.isfinite(waarde):
            raise InvoerFout("Punten zijn getallen, zoals 20 of 12,5; er is niets opgeslagen.")
        if not 0 <= waarde <= MAX_PUNTEN:
            raise InvoerFout(f"Geef per criterium 0 tot en met {MAX_PUNTEN:g} punten; er is niets opgeslagen.")
        schoon[criterium_id] = float(waarde)
    if sum(schoon.values()) <= 0:
        raise InvoerFout("Alle punten staan op 0. Verdeel de punten over de criteria die voor jullie tellen.")
    return schoon
