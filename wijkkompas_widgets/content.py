"""Load the werkboek content from ``data/`` into typed objects and validate it.

Content is edited by people (YAML and Markdown), so every problem is reported with the file
and the knooppunt it concerns, and all problems are collected before raising: an editor
fixes them in one go instead of one per restart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from .paths import data_dir

SPOOR_LETTERS = ("A", "B", "C", "D", "E", "F")
FASE_NUMMERS = (1, 2, 3, 4)
_SECTIES = ("Doel", "Aanpak", "Tips")
_PRAKTIJK = "Uit de praktijk"
_BRONREGEL = re.compile(r"^Bron:\s*(.*)$")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.DOTALL)
_ID_PATROON = re.compile(r"^f[1-4]-[a-z0-9]+(?:-[a-z0-9]+)*$")


class ContentFout(ValueError):
    """The content in ``data/`` is inconsistent; the message lists every problem found."""

    def __init__(self, problemen: list[str]):
        self.problemen = list(problemen)
        super().__init__("Fouten in de inhoud:\n- " + "\n- ".join(self.problemen))


@dataclass(frozen=True)
class Fase:
    nummer: int
    naam: str
    kort: str
    notebook: str


@dataclass(frozen=True)
class Spoor:
    letter: str
    naam: str
    groep: str
    wie: str


@dataclass(frozen=True)
class Opgave:
    id: str
    naam: str
    omschrijving: str
    deelthemas: tuple[str, ...]


@dataclass(frozen=True)
class PartijType:
    id: str
    naam: str
    sporen: tuple[str, ...]
    omschrijving: str


@dataclass(frozen=True)
class Praktijkverhaal:
    """A short practice story under '## Uit de praktijk', with the source it retells."""

    tekst: str
    bron: str


@dataclass(frozen=True)
class Knooppunt:
    id: str
    titel: str
    fase: int
    sporen: tuple[str, ...]
    bestuurlijk_gevoelig: bool
    raakvlakken: tuple[str, ...]
    bron: str
    doel: str
    aanpak: str
    tips: str
    bestand: str = ""
    volgorde: int = 0
    praktijk: tuple[Praktijkverhaal, ...] = ()
    bijgewerkt: date | None = None


@dataclass(frozen=True)
class ScanStelling:
    id: str
    tekst: str
    gespreksvraag: str
    factor: str
    subthema: str


@dataclass(frozen=True)
class ScanFactor:
    id: str
    naam: str
    omschrijving: str
    subthemas: tuple[tuple[str, str], ...]  # (id, naam)


@dataclass(frozen=True)
class Samenwerkingsscan:
    schaal: tuple[tuple[int, str], ...]  # (waarde, label), low to high
    weet_niet: str
    factoren: tuple[ScanFactor, ...]
    stellingen: tuple[ScanStelling, ...]
    bron: str

    def stellingen_van(self, factor_id: str) -> tuple[ScanStelling, ...]:
        return tuple(s for s in self.stellingen if s.factor == factor_id)


@dataclass(frozen=True)
class RegierolType:
    id: str
    naam: str
    omschrijving: str
    verwachtingen: tuple[str, ...]
    valkuilen: tuple[str, ...]


@dataclass(frozen=True)
class RegierolVraag:
    id: str
    vraag: str
    opties: tuple[tuple[str, dict], ...]  # (tekst, {type_id: punten})


@dataclass(frozen=True)
class Regierol:
    typen: tuple[RegierolType, ...]
    vragen: tuple[RegierolVraag, ...]
    toelichting: str
    bron: str


@dataclass(frozen=True)
class Belang:
    id: str
    naam: str
    omschrijving: str
    meestal_bij: tuple[str, ...]


@dataclass(frozen=True)
class BelangConflict:
    a: str
    b: str
    toelichting: str


@dataclass(frozen=True)
class TaakSjabloon:
    id: str
    naam: str
    spoor: str
    omschrijving: str


@dataclass(frozen=True)
class Keuze:
    """One option in a list (form of collaboration, decision rule, meeting rhythm, escalation)."""

    id: str
    naam: str
    omschrijving: str = ""
    juridisch_bindend: object = None
    past_bij: str = ""


@dataclass(frozen=True)
class SamenwerkingsOpties:
    vormen: tuple[Keuze, ...]
    besluitregels: tuple[Keuze, ...]
    overlegritmes: tuple[Keuze, ...]
    escalatie: tuple[Keuze, ...]
    bron: str


@dataclass(frozen=True)
class SalienceType:
    id: str
    naam: str
    attributen: frozenset[str]
    betekenis: str
    aanpak: str


@dataclass(frozen=True)
class Fase1Inhoud:
    """Content of the phase-1 exercises (scan, regierol, belangen, taken, samenwerking, salience)."""

    scan: Samenwerkingsscan
    regierol: Regierol
    belangen: tuple[Belang, ...]
    conflicten: tuple[BelangConflict, ...]
    belangen_bron: str
    taken: tuple[TaakSjabloon, ...]
    samenwerking: SamenwerkingsOpties
    salience: tuple[SalienceType, ...]
    salience_uitleg: str
    salience_bron: str

    def belang(self, belang_id: str) -> Belang | None:
        return next((b for b in self.belangen if b.id == belang_id), None)


@dataclass(frozen=True)
class Niveau:
    """One step on an exercise scale (urgentie or ambitie of a transitieopgave)."""

    waarde: int
    label: str
    uitleg: str


@dataclass(frozen=True)
class Domein:
    """A municipal domain that may hold sociale koppelkansen for the wijkaanpak."""

    id: str
    naam: str
    omschrijving: str
    opgaven: tuple[str, ...]
    indicatoren: tuple[str, ...]
    voorbeelden: tuple[str, ...]


@dataclass(frozen=True)
class TechnischeVraag:
    """One of the six questions of the technical characterisation."""

    id: str
    vraag: str
    toelichting: str
    indicatoren: tuple[str, ...]


@dataclass(frozen=True)
class Fase2Inhoud:
    """Content of the phase-2 exercises: scales for the opgaven, the municipal domains, the technical
    questions and the ways to test the picture with the wijk."""

    urgentie: tuple[Niveau, ...]
    ambitie: tuple[Niveau, ...]
    domeinen: tuple[Domein, ...]
    technische_vragen: tuple[TechnischeVraag, ...] = ()
    technische_bron: str = ""
    toetsvormen: tuple[Keuze, ...] = ()

    def domein(self, domein_id: str) -> Domein | None:
        return next((d for d in self.domeinen if d.id == domein_id), None)


@dataclass(frozen=True)
class Criterium:
    """A criterion for weighing strategies; its scores are 1–5 where a higher score is always better."""

    id: str
    naam: str
    omschrijving: str
    niveaus: tuple[Niveau, ...]
    bron: str
    standaard: bool = True


@dataclass(frozen=True)
class KostenPost:
    """One monthly cost post of a household in the woonlastentoets (energy, rent, financing, maintenance)."""

    id: str
    naam: str
    omschrijving: str


@dataclass(frozen=True)
class WoonlastenDefinitie:
    """Which cost posts count when judging whether a household is woonlastenneutraal."""

    id: str
    naam: str
    omschrijving: str
    posten: tuple[str, ...]
    bron: str


@dataclass(frozen=True)
class Huishoudtype:
    id: str
    naam: str
    omschrijving: str
    posten: tuple[str, ...]


@dataclass(frozen=True)
class Warmtestrategie:
    """One of the PBL strategies S1–S5, in the workbook's own words."""

    id: str
    naam: str
    kort: str
    past_vaak_bij: tuple[str, ...]
    let_op: tuple[str, ...]
    bron: str
    duurzaam_gas: bool


@dataclass(frozen=True)
class Fase34Inhoud:
    """Content of phases 3 and 4: criteria with their scale, and the woonlastentoets (posts, definitions,
    household types). The first definition is the default."""

    schaal: tuple[Niveau, ...]
    schaal_uitleg: str
    criteria: tuple[Criterium, ...]
    posten: tuple[KostenPost, ...]
    definities: tuple[WoonlastenDefinitie, ...]
    huishoudtypen: tuple[Huishoudtype, ...]
    strategieen: tuple[Warmtestrategie, ...] = ()
    waarschuwing_duurzaam_gas: str = ""
    bron_waarschuwing: str = ""

    def strategie(self, strategie_id: str) -> Warmtestrategie | None:
        return next((s for s in self.strategieen if s.id == strategie_id), None)

    def criterium(self, criterium_id: str) -> Criterium | None:
        return next((c for c in self.criteria if c.id == criterium_id), None)

    def huishoudtype(self, type_id: str) -> Huishoudtype | None:
        return next((h for h in self.huishoudtypen if h.id == type_id), None)

    def definitie(self, definitie_id: str) -> WoonlastenDefinitie | None:
        return next((d for d in self.definities if d.id == definitie_id), None)


@dataclass(frozen=True)
class Inhoud:
    fasen: tuple[Fase, ...]
    sporen: tuple[Spoor, ...]
    opgaven: tuple[Opgave, ...]
    partijtypen: tuple[PartijType, ...]
    knooppunten: tuple[Knooppunt, ...]
    fase1: Fase1Inhoud | None = None
    fase2: Fase2Inhoud | None = None
    fase34: Fase34Inhoud | None = None
    _per_id: dict = field(default_factory=dict, compare=False, repr=False)

    def knooppunt(self, knooppunt_id: str) -> Knooppunt:
        if not self._per_id:
            self._per_id.update({k.id: k for k in self.knooppunten})
        return self._per_id[knooppunt_id]

    def knooppunten_van_fase(self, nummer: int) -> tuple[Knooppunt, ...]:
        return tuple(k for k in self.knooppunten if k.fase == nummer)

    def fase(self, nummer: int) -> Fase:
        return next(f for f in self.fasen if f.nummer == nummer)

    def spoor(self, letter: str) -> Spoor:
        return next(s for s in self.sporen if s.letter == letter)

    def partijtype(self, type_id: str) -> PartijType | None:
        return next((t for t in self.partijtypen if t.id == type_id), None)


def _lees_yaml_lijst(pad: Path, problemen: list[str]) -> list[dict]:
    try:
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problemen.append(f"{pad.name}: bestand ontbreekt")
        return []
    except yaml.YAMLError as fout:
        problemen.append(f"{pad.name}: geen geldige YAML ({fout})")
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        problemen.append(f"{pad.name}: verwacht een lijst met items")
        return []
    return data


def _tekst(item: dict, sleutel: str) -> str:
    waarde = item.get(sleutel)
    return str(waarde).strip() if waarde is not None else ""


def _secties(body: str) -> dict[str, str]:
    """Split a knooppunt body on ``## Kop`` lines into {kop: text}."""
    secties: dict[str, list[str]] = {}
    huidige = None
    for regel in body.splitlines():
        kop = re.match(r"^##\s+(.+?)\s*$", regel)
        if kop:
            huidige = kop.group(1)
            secties[huidige] = []
        elif huidige is not None:
            secties[huidige].append(regel)
    return {kop: "\n".join(regels).strip() for kop, regels in secties.items()}


def _praktijkverhalen(tekst: str, naam: str, problemen: list[str]) -> tuple[Praktijkverhaal, ...]:
    """Split '## Uit de praktijk' into stories: blocks between blank lines, each ending in 'Bron: …'."""
    if not tekst:
        problemen.append(
            f"{naam}: de tekst onder '## {_PRAKTIJK}' ontbreekt; laat de kop weg zolang er geen verhaal is"
        )
        return ()
    verhalen = []
    blokken = [blok for blok in re.split(r"\n\s*\n", tekst) if blok.strip()]
    for nummer, blok in enumerate(blokken, start=1):
        regels = [regel.strip() for regel in blok.strip().splitlines()]
        bronnen = [_BRONREGEL.match(regel) for regel in regels]
        waar = f"{naam}: praktijkverhaal {nummer} onder '## {_PRAKTIJK}'"
        if sum(1 for b in bronnen if b) > 1:
            problemen.append(f"{waar} heeft meer dan één bronregel; zet een lege regel tussen twee verhalen")
            continue
        if not bronnen[-1] or not bronnen[-1].group(1).strip():
            problemen.append(f"{waar} heeft geen bron; sluit elk verhaal af met een regel 'Bron: …'")
            continue
        verhaal = " ".join(regels[:-1]).strip()
        if not verhaal:
            problemen.append(f"{waar} bestaat alleen uit een bronregel; het verhaal zelf ontbreekt")
            continue
        verhalen.append(Praktijkverhaal(verhaal, bronnen[-1].group(1).strip()))
    return tuple(verhalen)


def _datum(waarde) -> date | None:
    if isinstance(waarde, date):
        return waarde
    try:
        return date.fromisoformat(str(waarde).strip())
    except ValueError:
        return None


def lees_knooppunt(pad: Path, problemen: list[str]) -> Knooppunt | None:
    """Parse one knooppunt file; problems are appended, ``None`` if it cannot be used."""
    tekst = pad.read_text(encoding="utf-8")
    gevonden = _FRONT_MATTER.match(tekst)
    if not gevonden:
        problemen.append(f"{pad.name}: kopgegevens tussen '---'-regels ontbreken")
        return None
    try:
        kop = yaml.safe_load(gevonden.group(1)) or {}
    except yaml.YAMLError as fout:
        problemen.append(f"{pad.name}: kopgegevens zijn geen geldige YAML ({fout})")
        return None
    if not isinstance(kop, dict):
        problemen.append(f"{pad.name}: kopgegevens moeten sleutels met waarden zijn")
        return None
    knooppunt_id = _tekst(kop, "id")
    naam = f"{pad.name} (knooppunt '{knooppunt_id or '?'}')"
    fouten_voor = len(problemen)
    if not _ID_PATROON.match(knooppunt_id):
        problemen.append(f"{naam}: id ontbreekt of heeft niet de vorm f<fase>-naam")
    titel = _tekst(kop, "titel")
    if not titel:
        problemen.append(f"{naam}: titel ontbreekt")
    fase = kop.get("fase")
    if fase not in FASE_NUMMERS:
        problemen.append(f"{naam}: fase moet 1, 2, 3 of 4 zijn, niet {fase!r}")
    sporen = kop.get("sporen") or []
    if not isinstance(sporen, list):
        problemen.append(f"{naam}: sporen moet een lijst zijn, zoals [A, C]")
        sporen = []
    for letter in sporen:
        if letter not in SPOOR_LETTERS:
            problemen.append(f"{naam}: onbekend spoor {letter!r} (kies uit A-F)")
    raakvlakken = kop.get("raakvlakken") or []
    if not isinstance(raakvlakken, list):
        problemen.append(f"{naam}: raakvlakken moet een lijst met knooppunt-ids zijn")
        raakvlakken = []
    if not isinstance(kop.get("volgorde", 0), int):
        problemen.append(f"{naam}: volgorde moet een geheel getal zijn")
    gevoelig = kop.get("bestuurlijk_gevoelig", False)
    if not isinstance(gevoelig, bool):
        problemen.append(f"{naam}: bestuurlijk_gevoelig moet true of false zijn")
    secties = _secties(gevonden.group(2))
    for sectie in _SECTIES:
        if not secties.get(sectie):
            problemen.append(f"{naam}: de tekst onder '## {sectie}' ontbreekt")
    for sectiekop in secties:
        if sectiekop not in (*_SECTIES, _PRAKTIJK):
            problemen.append(
                f"{naam}: onbekende kop '## {sectiekop}' (kies uit {', '.join(_SECTIES)} en {_PRAKTIJK})"
            )
    praktijk = _praktijkverhalen(secties[_PRAKTIJK], naam, problemen) if _PRAKTIJK in secties else ()
    bijgewerkt = _datum(kop.get("bijgewerkt")) if kop.get("bijgewerkt") is not None else None
    if bijgewerkt is None:
        problemen.append(f"{naam}: bijgewerkt ontbreekt of is geen datum in de vorm JJJJ-MM-DD")
    if not _tekst(kop, "bron"):
        problemen.append(f"{naam}: bron ontbreekt")
    if len(problemen) > fouten_voor:
        return None
    return Knooppunt(
        id=knooppunt_id,
        titel=titel,
        fase=fase,
        sporen=tuple(sporen),
        bestuurlijk_gevoelig=gevoelig,
        raakvlakken=tuple(str(r) for r in raakvlakken),
        bron=_tekst(kop, "bron"),
        doel=secties["Doel"],
        aanpak=secties["Aanpak"],
        tips=secties["Tips"],
        bestand=pad.name,
        volgorde=int(kop.get("volgorde") or 0),
        praktijk=praktijk,
        bijgewerkt=bijgewerkt,
    )


def laad_inhoud(map_: Path | None = None) -> Inhoud:
    """Read and validate all content; raises ContentFout listing every problem."""
    map_ = Path(map_) if map_ is not None else data_dir()
    problemen: list[str] = []

    fasen = tuple(
        Fase(int(f.get("nummer", 0)), _tekst(f, "naam"), _tekst(f, "kort"), _tekst(f, "notebook"))
        for f in _lees_yaml_lijst(map_ / "fasen.yaml", problemen)
    )
    if fasen and sorted(f.nummer for f in fasen) != list(FASE_NUMMERS):
        problemen.append("fasen.yaml: verwacht precies de fasen 1, 2, 3 en 4")
    sporen = tuple(
        Spoor(_tekst(s, "letter"), _tekst(s, "naam"), _tekst(s, "groep"), _tekst(s, "wie"))
        for s in _lees_yaml_lijst(map_ / "sporen.yaml", problemen)
    )
    if sporen and tuple(s.letter for s in sporen) != SPOOR_LETTERS:
        problemen.append("sporen.yaml: verwacht de sporen A t/m F, in die volgorde")
    opgaven = tuple(
        Opgave(
            _tekst(o, "id"),
            _tekst(o, "naam"),
            _tekst(o, "omschrijving"),
            tuple(str(t) for t in o.get("deelthemas") or ()),
        )
        for o in _lees_yaml_lijst(map_ / "opgaven.yaml", problemen)
    )
    partijtypen = []
    for item in _lees_yaml_lijst(map_ / "partijtypen.yaml", problemen):
        type_sporen = tuple(item.get("sporen") or ())
        onbekend = [s for s in type_sporen if s not in SPOOR_LETTERS]
        if onbekend:
            problemen.append(f"partijtypen.yaml (type '{_tekst(item, 'id')}'): onbekend spoor {onbekend}")
        partijtypen.append(
            PartijType(_tekst(item, "id"), _tekst(item, "naam"), type_sporen, _tekst(item, "omschrijving"))
        )
    _controleer_uniek("partijtypen.yaml", [t.id for t in partijtypen], problemen)
    _controleer_uniek("opgaven.yaml", [o.id for o in opgaven], problemen)

    knooppunten = []
    bestanden = sorted((map_ / "knooppunten").glob("*.md"))
    if not bestanden:
        problemen.append("knooppunten/: geen knooppunt-bestanden gevonden")
    gezien: dict[str, str] = {}
    for pad in bestanden:
        knooppunt = lees_knooppunt(pad, problemen)
        if knooppunt is None:
            continue
        if knooppunt.id in gezien:
            problemen.append(
                f"{pad.name} (knooppunt '{knooppunt.id}'): dubbele id, ook gebruikt in {gezien[knooppunt.id]}"
            )
            continue
        gezien[knooppunt.id] = pad.name
        knooppunten.append(knooppunt)
    for knooppunt in knooppunten:
        for doel_id in knooppunt.raakvlakken:
            if doel_id not in gezien:
                problemen.append(
                    f"{knooppunt.bestand} (knooppunt '{knooppunt.id}'): raakvlak naar onbekend knooppunt '{doel_id}'"
                )
    fase1 = _lees_fase1(map_, {t.id for t in partijtypen}, problemen)
    fase2 = _lees_fase2(map_, {o.id for o in opgaven}, problemen)
    fase34 = _lees_fase34(map_, problemen)
    if problemen:
        raise ContentFout(problemen)
    knooppunten.sort(key=lambda k: (k.fase, k.volgorde, k.id))
    return Inhoud(fasen, sporen, opgaven, tuple(partijtypen), tuple(knooppunten), fase1, fase2, fase34)


def _lees_yaml_map(pad: Path, problemen: list[str]) -> dict:
    try:
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problemen.append(f"{pad.name}: bestand ontbreekt")
        return {}
    except yaml.YAMLError as fout:
        problemen.append(f"{pad.name}: geen geldige YAML ({fout})")
        return {}
    if not isinstance(data, dict):
        problemen.append(f"{pad.name}: verwacht sleutels met waarden")
        return {}
    return data


def _keuzes(items) -> tuple[Keuze, ...]:
    return tuple(
        Keuze(_tekst(i, "id"), _tekst(i, "naam"), _tekst(i, "omschrijving"), i.get("juridisch_bindend"),
              _tekst(i, "past_bij"))
        for i in items or ()
    )


def _lees_fase1(map_: Path, partijtypen: set[str], problemen: list[str]) -> Fase1Inhoud | None:
    """Read the phase-1 exercise content; problems name the file and the item."""
    aantal_voor = len(problemen)
    scan_data = _lees_yaml_map(map_ / "samenwerkingsscan.yaml", problemen)
    factoren, stellingen = [], []
    for factor in scan_data.get("factoren") or ():
        subthemas = []
        for sub in factor.get("subthemas") or ():
            subthemas.append((_tekst(sub, "id"), _tekst(sub, "naam")))
            for stelling in sub.get("stellingen") or ():
                item = ScanStelling(_tekst(stelling, "id"), _tekst(stelling, "tekst"),
                                    _tekst(stelling, "gespreksvraag"), _tekst(factor, "id"), _tekst(sub, "id"))
                if not (item.id and item.tekst and item.gespreksvraag):
                    problemen.append(
                        f"samenwerkingsscan.yaml (stelling '{item.id or '?'}'): tekst of gespreksvraag ontbreekt"
                    )
                stellingen.append(item)
        factoren.append(ScanFactor(_tekst(factor, "id"), _tekst(factor, "naam"), _tekst(factor, "omschrijving"),
                                   tuple(subthemas)))
    _controleer_uniek("samenwerkingsscan.yaml", [s.id for s in stellingen], problemen)
    schaal = tuple((int(s["waarde"]), str(s["label"])) for s in scan_data.get("schaal") or ())
    if [w for w, _ in schaal] != [1, 2, 3, 4, 5]:
        problemen.append("samenwerkingsscan.yaml: de schaal moet de waarden 1 tot en met 5 hebben")
    if scan_data and not stellingen:
        problemen.append("samenwerkingsscan.yaml: geen stellingen gevonden")

    rol_data = _lees_yaml_map(map_ / "regierol.yaml", problemen)
    typen = tuple(
        RegierolType(_tekst(t, "id"), _tekst(t, "naam"), _tekst(t, "omschrijving"),
                     tuple(t.get("wat_partners_mogen_verwachten") or ()), tuple(t.get("valkuilen") or ()))
        for t in rol_data.get("typen") or ()
    )
    type_ids = {t.id for t in typen}
    vragen = []
    for vraag in rol_data.get("vragen") or ():
        opties = []
        for optie in vraag.get("opties") or ():
            scores = {str(k): int(v) for k, v in (optie.get("scores") or {}).items()}
            if set(scores) - type_ids:
                onbekend = sorted(set(scores) - type_ids)
                problemen.append(f"regierol.yaml (vraag '{_tekst(vraag, 'id')}'): onbekend type {onbekend}")
            opties.append((_tekst(optie, "tekst"), scores))
        vragen.append(RegierolVraag(_tekst(vraag, "id"), _tekst(vraag, "vraag"), tuple(opties)))
    _controleer_uniek("regierol.yaml", [t.id for t in typen] + [v.id for v in vragen], problemen)

    belang_data = _lees_yaml_map(map_ / "belangen.yaml", problemen)
    belangen = tuple(
        Belang(_tekst(b, "id"), _tekst(b, "naam"), _tekst(b, "omschrijving"), tuple(b.get("meestal_bij") or ()))
        for b in belang_data.get("belangen") or ()
    )
    belang_ids = {b.id for b in belangen}
    _controleer_uniek("belangen.yaml", [b.id for b in belangen], problemen)
    for belang in belangen:
        onbekend = set(belang.meestal_bij) - partijtypen
        if onbekend:
            problemen.append(f"belangen.yaml (belang '{belang.id}'): onbekend partijtype {sorted(onbekend)}")
    conflicten = tuple(
        BelangConflict(_tekst(c, "a"), _tekst(c, "b"), _tekst(c, "toelichting"))
        for c in belang_data.get("conflicten") or ()
    )
    for conflict in conflicten:
        if {conflict.a, conflict.b} - belang_ids:
            problemen.append(f"belangen.yaml (conflict {conflict.a} - {conflict.b}): onbekend belang")

    taak_data = _lees_yaml_map(map_ / "taken.yaml", problemen)
    taken = tuple(
        TaakSjabloon(_tekst(t, "id"), _tekst(t, "naam"), _tekst(t, "spoor"), _tekst(t, "omschrijving"))
        for t in taak_data.get("taken") or ()
    )
    for taak in taken:
        if taak.spoor not in SPOOR_LETTERS:
            problemen.append(f"taken.yaml (taak '{taak.id}'): onbekend spoor {taak.spoor!r}")
    _controleer_uniek("taken.yaml", [t.id for t in taken], problemen)

    vorm_data = _lees_yaml_map(map_ / "samenwerkingsvormen.yaml", problemen)
    samenwerking = SamenwerkingsOpties(
        _keuzes(vorm_data.get("vormen")), _keuzes(vorm_data.get("besluitregels")),
        _keuzes(vorm_data.get("overlegritmes")), _keuzes(vorm_data.get("escalatie")), _tekst(vorm_data, "bron"),
    )

    salience_data = _lees_yaml_map(map_ / "salience.yaml", problemen)
    salience = tuple(
        SalienceType(_tekst(t, "id"), _tekst(t, "naam"), frozenset(t.get("attributen") or ()),
                     _tekst(t, "betekenis"), _tekst(t, "aanpak"))
        for t in salience_data.get("types") or ()
    )
    if salience and len({t.attributen for t in salience}) != 8:
        problemen.append("salience.yaml: verwacht acht typen, elk met een andere combinatie van attributen")
    for item in salience:
        if item.attributen - {"macht", "legitimiteit", "urgentie"}:
            problemen.append(f"salience.yaml (type '{item.id}'): onbekend attribuut")
    if len(problemen) > aantal_voor:
        return None
    return Fase1Inhoud(
        scan=Samenwerkingsscan(schaal, _tekst(scan_data, "weet_niet"), tuple(factoren), tuple(stellingen),
                               _tekst(scan_data, "bron")),
        regierol=Regierol(typen, tuple(vragen), _tekst(rol_data, "toelichting"), _tekst(rol_data, "bron")),
        belangen=belangen,
        conflicten=conflicten,
        belangen_bron=_tekst(belang_data, "bron"),
        taken=taken,
        samenwerking=samenwerking,
        salience=salience,
        salience_uitleg=_tekst(salience_data, "uitleg"),
        salience_bron=_tekst(salience_data, "bron"),
    )


def _lees_fase2(map_: Path, opgaven: set[str], problemen: list[str]) -> Fase2Inhoud:
    """Read fase2.yaml: two 1–5 scales and the domains, each linked to known opgaven."""
    data = _lees_yaml_map(map_ / "fase2.yaml", problemen)
    schalen = {}
    for naam in ("urgentie", "ambitie"):
        niveaus = tuple(
            Niveau(int(n.get("waarde", 0)), _tekst(n, "label"), _tekst(n, "uitleg"))
            for n in (data.get(naam) or {}).get("niveaus") or ()
        )
        if data and [n.waarde for n in niveaus] != [1, 2, 3, 4, 5]:
            problemen.append(f"fase2.yaml ({naam}): verwacht de niveaus 1 t/m 5, in die volgorde")
        schalen[naam] = niveaus
    domeinen = []
    for item in data.get("domeinen") or ():
        domein = Domein(
            _tekst(item, "id"), _tekst(item, "naam"), _tekst(item, "omschrijving"),
            tuple(item.get("opgaven") or ()), tuple(str(i) for i in item.get("indicatoren") or ()),
            tuple(str(v) for v in item.get("voorbeelden") or ()),
        )
        onbekend = [o for o in domein.opgaven if o not in opgaven]
        if onbekend:
            problemen.append(f"fase2.yaml (domein '{domein.id}'): onbekende opgave {onbekend}")
        if not domein.naam or not domein.omschrijving:
            problemen.append(f"fase2.yaml (domein '{domein.id}'): naam of omschrijving ontbreekt")
        domeinen.append(domein)
    if data and not domeinen:
        problemen.append("fase2.yaml: geen domeinen gevonden")
    _controleer_uniek("fase2.yaml", [d.id for d in domeinen], problemen)
    technisch = data.get("technische_vragen") or {}
    vragen = tuple(
        TechnischeVraag(_tekst(v, "id"), _tekst(v, "vraag"), _tekst(v, "toelichting"),
                        tuple(str(i) for i in v.get("indicatoren") or ()))
        for v in technisch.get("vragen") or ()
    )
    if data and not all(v.id and v.vraag for v in vragen):
        problemen.append("fase2.yaml (technische_vragen): elke vraag heeft een id en een vraag")
    _controleer_uniek("fase2.yaml (technische_vragen)", [v.id for v in vragen], problemen)
    toetsvormen = _keuzes(data.get("toetsvormen"))
    _controleer_uniek("fase2.yaml (toetsvormen)", [t.id for t in toetsvormen], problemen)
    return Fase2Inhoud(schalen["urgentie"], schalen["ambitie"], tuple(domeinen), vragen,
                       _tekst(technisch, "bron"), toetsvormen)


def _niveaus(lijst, waar: str, problemen: list[str]) -> tuple[Niveau, ...]:
    """A 1–5 scale with a label and an explanation per level."""
    try:
        niveaus = tuple(Niveau(int(n.get("waarde", 0)), _tekst(n, "label"), _tekst(n, "uitleg")) for n in lijst or ())
    except (AttributeError, TypeError, ValueError):
        problemen.append(f"{waar}: de niveaus moeten elk een waarde, label en uitleg hebben")
        return ()
    if [n.waarde for n in niveaus] != [1, 2, 3, 4, 5]:
        problemen.append(f"{waar}: verwacht de niveaus 1 t/m 5, in die volgorde")
    elif not all(n.label and n.uitleg for n in niveaus):
        problemen.append(f"{waar}: elk niveau heeft een label en een uitleg nodig")
    return niveaus


def _lees_fase34(map_: Path, problemen: list[str]) -> Fase34Inhoud:
    """Read criteria.yaml and woonlasten.yaml; every problem names the file and the id."""
    data = _lees_yaml_map(map_ / "criteria.yaml", problemen)
    schaal = data.get("schaal") or {}
    schaal_niveaus = _niveaus(schaal.get("niveaus"), "criteria.yaml (schaal)", problemen) if data else ()
    criteria = []
    for item in data.get("criteria") or ():
        criterium_id = _tekst(item, "id")
        waar = f"criteria.yaml (criterium '{criterium_id or '?'}')"
        if not criterium_id or not _tekst(item, "naam") or not _tekst(item, "omschrijving"):
            problemen.append(f"{waar}: id, naam of omschrijving ontbreekt")
        if not _tekst(item, "bron"):
            problemen.append(f"{waar}: bron ontbreekt")
        standaard = item.get("standaard", True)
        if not isinstance(standaard, bool):
            problemen.append(f"{waar}: standaard moet true of false zijn")
        criteria.append(Criterium(criterium_id, _tekst(item, "naam"), _tekst(item, "omschrijving"),
                                  _niveaus(item.get("niveaus"), waar, problemen), _tekst(item, "bron"),
                                  standaard is True))
    if data and not criteria:
        problemen.append("criteria.yaml: geen criteria gevonden")
    _controleer_uniek("criteria.yaml", [c.id for c in criteria], problemen)

    woon = _lees_yaml_map(map_ / "woonlasten.yaml", problemen)
    posten = tuple(KostenPost(_tekst(p, "id"), _tekst(p, "naam"), _tekst(p, "omschrijving"))
                   for p in woon.get("posten") or ())
    post_ids = {p.id for p in posten}
    for post in posten:
        if not post.id or not post.naam:
            problemen.append(f"woonlasten.yaml (post '{post.id or '?'}'): id of naam ontbreekt")
    _controleer_uniek("woonlasten.yaml (posten)", [p.id for p in posten], problemen)
    definities = []
    for item in woon.get("definities") or ():
        definitie = WoonlastenDefinitie(_tekst(item, "id"), _tekst(item, "naam"), _tekst(item, "omschrijving"),
                                        tuple(str(p) for p in item.get("posten") or ()), _tekst(item, "bron"))
        waar = f"woonlasten.yaml (definitie '{definitie.id or '?'}')"
        if not (definitie.id and definitie.naam and definitie.omschrijving and definitie.bron):
            problemen.append(f"{waar}: id, naam, omschrijving of bron ontbreekt")
        onbekend = [p for p in definitie.posten if p not in post_ids]
        if onbekend or not definitie.posten:
            problemen.append(f"{waar}: onbekende of geen posten {onbekend}")
        definities.append(definitie)
    if woon and not definities:
        problemen.append("woonlasten.yaml: geen definitie van woonlastenneutraal gevonden")
    _controleer_uniek("woonlasten.yaml (definities)", [d.id for d in definities], problemen)
    huishoudtypen = []
    for item in woon.get("huishoudtypen") or ():
        huishouden = Huishoudtype(_tekst(item, "id"), _tekst(item, "naam"), _tekst(item, "omschrijving"),
                                  tuple(str(p) for p in item.get("posten") or ()))
        waar = f"woonlasten.yaml (huishoudtype '{huishouden.id or '?'}')"
        if not (huishouden.id and huishouden.naam and huishouden.omschrijving):
            problemen.append(f"{waar}: id, naam of omschrijving ontbreekt")
        onbekend = [p for p in huishouden.posten if p not in post_ids]
        if onbekend or not huishouden.posten:
            problemen.append(f"{waar}: onbekende of geen posten {onbekend}")
        huishoudtypen.append(huishouden)
    if woon and not huishoudtypen:
        problemen.append("woonlasten.yaml: geen huishoudtypen gevonden")
    _controleer_uniek("woonlasten.yaml (huishoudtypen)", [h.id for h in huishoudtypen], problemen)
    strategie_data = _lees_yaml_map(map_ / "strategieen.yaml", problemen)
    strategieen = tuple(
        Warmtestrategie(_tekst(item, "id"), _tekst(item, "naam"), _tekst(item, "kort"),
                        tuple(str(t) for t in item.get("past_vaak_bij") or ()),
                        tuple(str(t) for t in item.get("let_op") or ()), _tekst(item, "bron"),
                        bool(item.get("duurzaam_gas")))
        for item in strategie_data.get("strategieen") or ()
    )
    if strategie_data and [s.id for s in strategieen] != ["S1", "S2", "S3", "S4", "S5"]:
        problemen.append("strategieen.yaml: verwacht de strategieën S1 t/m S5, in die volgorde")
    for strategie in strategieen:
        if not strategie.naam or not strategie.kort or not strategie.past_vaak_bij:
            problemen.append(f"strategieen.yaml (strategie '{strategie.id}'): naam, kort of past_vaak_bij ontbreekt")
    return Fase34Inhoud(schaal_niveaus, _tekst(schaal, "uitleg"), tuple(criteria), posten, tuple(definities),
                        tuple(huishoudtypen), strategieen, _tekst(strategie_data, "waarschuwing_duurzaam_gas"),
                        _tekst(strategie_data, "bron_waarschuwing"))


def _controleer_uniek(bestand: str, ids: list[str], problemen: list[str]) -> None:
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    if dubbel:
        problemen.append(f"{bestand}: dubbele id's {dubbel}")


@lru_cache(maxsize=1)
def inhoud() -> Inhoud:
    """The shipped content, loaded once per kernel."""
    return laad_inhoud()
