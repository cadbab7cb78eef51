"""Participatievormen and participatiestrategie (fase 3): the pure part of both exercises.

Both are stored as one JSON form per dossier. Reading (``lees_*``) is tolerant: an old, partial or
hand-edited form gives what it can, field by field, and never fails. Saving goes through
``controleer_*``, which refuses bad input with a Dutch message that names the field. The checks
(``adviezen``, ``vraag_adviezen``, ``zelftoets``) give advice, never errors: the team decides.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ..dossier import validatie
from ..dossier.model import InvoerFout
from .afsprakennota import MAANDEN, md_blok, md_inline

MAX_KORT = 200  # short fields: names, a moment, the explanation of a fee
MAX_TEKST = validatie.MAX_TOELICHTING  # 2000
MAX_RIJEN = 100
VERWIJDERDE_PARTIJ = "(verwijderde partij)"
BRON_LADDER = "Participatieladder (Edelenbos e.a., 1998), in de vijf treden die veel gemeenten gebruiken"
BRON_PAW = "PAW, Handreiking Participatie Wijkaanpak Aardgasvrij (participatieroute en vijf uitgangspunten)"


# == the lists ==================================================================================
@dataclass(frozen=True)
class Trede:
    id: str
    naam: str
    niveau: int
    uitleg: str


TREDEN: tuple[Trede, ...] = (
    Trede("informeren", "Informeren", 1, "Bewoners horen wat er speelt en wat er besloten is."),
    Trede("raadplegen", "Raadplegen", 2, "Bewoners geven hun mening; die weegt mee, maar bindt niet."),
    Trede("adviseren", "Adviseren", 3, "Bewoners dragen zelf oplossingen aan; wie ervan afwijkt, legt uit waarom."),
    Trede("coproduceren", "Coproduceren", 4, "Bewoners en partijen werken samen een oplossing uit en houden zich "
                                             "eraan."),
    Trede("meebeslissen", "Meebeslissen", 5, "Bewoners besluiten zelf, binnen grenzen die vooraf vastliggen."),
)
_TREDE = {t.id: t for t in TREDEN}


@dataclass(frozen=True)
class Vorm:
    """A participation form. ``draagt``: the highest step on the ladder it can carry on its own (a newsletter
    informs, a panel by lot can decide); ``persoonlijk``: people meet face to face."""

    id: str
    naam: str
    draagt: int
    persoonlijk: bool


VORMEN: tuple[Vorm, ...] = (
    Vorm("website", "Website of nieuwsbrief", 1, False),
    Vorm("bijeenkomst", "Bewonersbijeenkomst", 2, True),
    Vorm("inloopspreekuur", "Inloopspreekuur", 2, True),
    Vorm("enquete", "Enquête", 2, False),
    Vorm("wijkschouw", "Wijkschouw", 2, True),
    Vorm("keukentafelgesprek", "Keukentafelgesprek", 3, True),
    Vorm("klankbordgroep", "Klankbordgroep", 3, True),
    Vorm("werkatelier", "Ontwerpatelier of werkgroep", 4, True),
    Vorm("bewonerspanel", "Bewonerspanel via loting", 5, True),
    Vorm("stemming", "Stemming met bindende uitkomst", 5, False),
)
_VORM = {v.id: v for v in VORMEN}

KANALEN: dict[str, str] = {"online": "Online", "fysiek": "Fysiek", "beide": "Online én fysiek"}

SEGMENTEN: dict[str, str] = {
    "koplopers": "Koplopers", "snelle-volgers": "Snelle volgers", "late-volgers": "Late volgers",
    "niet-willers": "Niet-willers",
}
_LASTIG_TE_BEREIKEN = ("late-volgers", "niet-willers")

STANDAARD_DOELGROEPEN: tuple[tuple[str, str], ...] = (
    ("huurders", "Huurders van de corporatie"),
    ("eigenaren", "Particuliere eigenaar-bewoners"),
    ("vve", "VvE's"),
    ("ondernemers", "Ondernemers en instellingen"),
)
STANDAARD_ONDERWERPEN: tuple[tuple[str, str], ...] = (
    ("warmteoplossing", "Keuze warmteoplossing"),
    ("planning", "Planning en fasering"),
    ("woonlasten", "Woonlasten en financiering"),
    ("openbare-ruimte", "Inrichting van de openbare ruimte"),
)


def trede(trede_id: str | None) -> Trede | None:
    return _TREDE.get(trede_id or "")


def vorm(vorm_id: str) -> Vorm | None:
    return _VORM.get(vorm_id)


def nieuw_id(prefix: str) -> str:
    """An id of our own for a row of this form (never a store id)."""
    return f"{prefix}{uuid.uuid4().hex[:8]}"


# == tolerant reading helpers ===================================================================
def _tekst(waarde: object, maximum: int) -> str:
    return waarde[:maximum] if isinstance(waarde, str) else ""


def _getal(waarde: object) -> int | None:
    return waarde if isinstance(waarde, int) and not isinstance(waarde, bool) else None


def _lijst(waarde: object) -> list:
    return waarde[:MAX_RIJEN] if isinstance(waarde, list) else []


def _keuzes(waarde: object, toegestaan: Iterable[str]) -> tuple[str, ...]:
    """The known options in ``waarde``, each once, in the order of the list they come from."""
    gekozen = {x for x in _lijst(waarde) if isinstance(x, str)}
    return tuple(x for x in toegestaan if x in gekozen)


# == participatievormen =========================================================================
@dataclass(frozen=True)
class Cel:
    """Influence of one doelgroep on one onderwerp."""

    trede: str | None = None
    vormen: tuple[str, ...] = ()
    kanaal: str | None = None

    @property
    def leeg(self) -> bool:
        return self.trede is None and not self.vormen and self.kanaal is None


@dataclass(frozen=True)
class Doelgroep:
    """One row of the matrix.

    Rows are groups by ownership (huurders, eigenaar-bewoners, VvE's, ondernemers), because that decides who
    may decide about a building and which route the conversation takes. The adoption segments (koplopers
    … niet-willers) run through every such group, so they are a property of a row ('wie zitten erin'):
    as rows of their own they would multiply the matrix by four and mix two questions in one list. The
    property still steers the advice: late volgers and niet-willers need a personal form.
    """

    id: str
    naam: str
    segmenten: tuple[str, ...] = ()
    partij_id: int | None = None  # the party that speaks for this group, if any
    cellen: Mapping[str, Cel] = field(default_factory=dict)  # by onderwerp id

    def cel(self, onderwerp_id: str) -> Cel:
        return self.cellen.get(onderwerp_id, Cel())


@dataclass(frozen=True)
class Onderwerp:
    id: str
    naam: str


@dataclass(frozen=True)
class Participatievormen:
    doelgroepen: tuple[Doelgroep, ...]
    onderwerpen: tuple[Onderwerp, ...]
    een_stem: bool = False  # the team says one interest group speaks for the whole wijk
    een_stem_partij_id: int | None = None

    def doelgroep(self, doelgroep_id: str) -> Doelgroep | None:
        return next((d for d in self.doelgroepen if d.id == doelgroep_id), None)

    def partij_ids(self) -> set[int]:
        ids = {d.partij_id for d in self.doelgroepen if d.partij_id is not None}
        return ids | ({self.een_stem_partij_id} if self.een_stem_partij_id is not None else set())


def standaard_vormen() -> Participatievormen:
    """What the team starts with: the usual groups and subjects, every cell still open."""
    return Participatievormen(
        tuple(Doelgroep(i, naam) for i, naam in STANDAARD_DOELGROEPEN),
        tuple(Onderwerp(i, naam) for i, naam in STANDAARD_ONDERWERPEN),
    )


def _lees_cel(gegevens: dict) -> Cel:
    trede_id = gegevens.get("trede")
    kanaal = gegevens.get("kanaal")
    return Cel(trede_id if isinstance(trede_id, str) and trede_id in _TREDE else None,
               _keuzes(gegevens.get("vormen"), _VORM),
               kanaal if isinstance(kanaal, str) and kanaal in KANALEN else None)


def _lees_rijen(lijst: object, maak) -> tuple:
    """Rows with a unique string id and a name; others are skipped."""
    rijen, gezien = [], set()
    for item in _lijst(lijst):
        if not isinstance(item, dict):
            continue
        rij_id, naam = item.get("id"), _tekst(item.get("naam"), MAX_KORT).strip()
        if isinstance(rij_id, str) and rij_id and naam and rij_id not in gezien:
            gezien.add(rij_id)
            rijen.append(maak(rij_id, naam, item))
    return tuple(rijen)


def lees_participatievormen(gegevens: object) -> Participatievormen:
    """The stored form as a model; a form never saved gives the default groups and subjects."""
    if not isinstance(gegevens, dict) or not gegevens:
        return standaard_vormen()
    onderwerpen = _lees_rijen(gegevens.get("onderwerpen"), lambda i, naam, _item: Onderwerp(i, naam))
    bekend = {o.id for o in onderwerpen}

    def doelgroep(rij_id: str, naam: str, item: dict) -> Doelgroep:
        cellen = {}
        for cel in _lijst(item.get("cellen")):
            if isinstance(cel, dict) and cel.get("onderwerp") in bekend and cel["onderwerp"] not in cellen:
                gelezen = _lees_cel(cel)
                if not gelezen.leeg:
                    cellen[cel["onderwerp"]] = gelezen
        return Doelgroep(rij_id, naam, _keuzes(item.get("segmenten"), SEGMENTEN), _getal(item.get("partij_id")),
                         cellen)

    doelgroepen = _lees_rijen(gegevens.get("doelgroepen"), doelgroep)
    belangengroep = gegevens.get("belangengroep") if isinstance(gegevens.get("belangengroep"), dict) else {}
    return Participatievormen(doelgroepen, onderwerpen, belangengroep.get("spreekt_voor_wijk") is True,
                              _getal(belangengroep.get("partij_id")))


def vormen_als_dict(model: Participatievormen) -> dict:
    """The form as stored. Party references only under 'partij_id' (the JSON export maps exactly that key)."""
    doelgroepen = []
    for d in model.doelgroepen:
        rij: dict = {"id": d.id, "naam": d.naam, "segmenten": list(d.segmenten), "cellen": [
            {"onderwerp": o.id, "trede": d.cel(o.id).trede, "vormen": list(d.cel(o.id).vormen),
             "kanaal": d.cel(o.id).kanaal}
            for o in model.onderwerpen if not d.cel(o.id).leeg]}
        if d.partij_id is not None:
            rij["partij_id"] = d.partij_id
        doelgroepen.append(rij)
    belangengroep: dict = {"spreekt_voor_wijk": model.een_stem}
    if model.een_stem_partij_id is not None:
        belangengroep["partij_id"] = model.een_stem_partij_id
    return {"doelgroepen": doelgroepen, "onderwerpen": [{"id": o.id, "naam": o.naam} for o in model.onderwerpen],
            "belangengroep": belangengroep}


def _controleer_naam(naam: object, veld: str) -> str:
    return validatie.schone_tekst(naam, veld, maximum=MAX_KORT, verplicht=True)


def _controleer_partij(partij_id: int | None, partij_ids: set[int], veld: str) -> None:
    if partij_id is not None and partij_id not in partij_ids:
        raise InvoerFout(f"{veld}: deze partij staat niet (meer) in het dossier; kies opnieuw.")


def controleer_participatievormen(model: Participatievormen, partij_ids: set[int]) -> Participatievormen:
    """The cleaned model, or InvoerFout. ``partij_ids``: the parties that may be named (those in the dossier,
    plus any the saved form already names, so a party deleted since does not block other changes)."""
    if len(model.doelgroepen) > MAX_RIJEN or len(model.onderwerpen) > MAX_RIJEN:
        raise InvoerFout(f"Er kunnen hoogstens {MAX_RIJEN} doelgroepen en {MAX_RIJEN} onderwerpen in.")
    onderwerpen, namen = [], set()
    for o in model.onderwerpen:
        naam = _controleer_naam(o.naam, "De naam van het onderwerp")
        if naam.casefold() in namen:
            raise InvoerFout(f"Het onderwerp '{naam}' staat er al.")
        namen.add(naam.casefold())
        onderwerpen.append(Onderwerp(o.id, naam))
    if len({o.id for o in onderwerpen}) != len(onderwerpen):
        raise InvoerFout("Twee onderwerpen hebben hetzelfde kenmerk; laad de pagina opnieuw.")
    bekend = {o.id for o in onderwerpen}
    doelgroepen, namen = [], set()
    for d in model.doelgroepen:
        naam = _controleer_naam(d.naam, "De naam van de doelgroep")
        if naam.casefold() in namen:
            raise InvoerFout(f"De doelgroep '{naam}' staat er al.")
        namen.add(naam.casefold())
        if any(s not in SEGMENTEN for s in d.segmenten):
            raise InvoerFout(f"Onbekende houding bij '{naam}'; kies uit de lijst.")
        _controleer_partij(d.partij_id, partij_ids, f"Wie spreekt namens '{naam}'")
        cellen = {}
        for onderwerp_id, cel in d.cellen.items():
            if onderwerp_id not in bekend or cel.leeg:
                continue
            if cel.trede is not None and cel.trede not in _TREDE:
                raise InvoerFout(f"Onbekende trede bij '{naam}'; kies er een uit de lijst.")
            if any(v not in _VORM for v in cel.vormen):
                raise InvoerFout(f"Onbekende participatievorm bij '{naam}'; kies uit de lijst.")
            if cel.kanaal is not None and cel.kanaal not in KANALEN:
                raise InvoerFout(f"Kies bij '{naam}' online, fysiek of allebei.")
            cellen[onderwerp_id] = Cel(cel.trede, _keuzes(list(cel.vormen), _VORM), cel.kanaal)
        doelgroepen.append(Doelgroep(d.id, naam, _keuzes(list(d.segmenten), SEGMENTEN), d.partij_id, cellen))
    if len({d.id for d in doelgroepen}) != len(doelgroepen):
        raise InvoerFout("Twee doelgroepen hebben hetzelfde kenmerk; laad de pagina opnieuw.")
    _controleer_partij(model.een_stem_partij_id, partij_ids, "De belangengroep die namens de wijk spreekt")
    return Participatievormen(tuple(doelgroepen), tuple(onderwerpen), model.een_stem,
                              model.een_stem_partij_id if model.een_stem else None)


# -- editing (pure: the widget calls these and saves the result) ----------------------------------
def vervang_doelgroep(model: Participatievormen, nieuw: Doelgroep) -> Participatievormen:
    return replace(model, doelgroepen=tuple(nieuw if d.id == nieuw.id else d for d in model.doelgroepen))


def zet_cel(model: Participatievormen, doelgroep_id: str, onderwerp_id: str, cel: Cel) -> Participatievormen:
    doelgroep = model.doelgroep(doelgroep_id)
    if doelgroep is None:
        raise InvoerFout("Deze doelgroep bestaat niet meer; kies er opnieuw een.")
    cellen = {**doelgroep.cellen, onderwerp_id: cel}
    return vervang_doelgroep(model, replace(doelgroep, cellen={k: c for k, c in cellen.items() if not c.leeg}))


def voeg_doelgroep_toe(model: Participatievormen, naam: str) -> tuple[Participatievormen, str]:
    nieuw = Doelgroep(nieuw_id("d"), naam)
    return replace(model, doelgroepen=(*model.doelgroepen, nieuw)), nieuw.id


def verwijder_doelgroep(model: Participatievormen, doelgroep_id: str) -> Participatievormen:
    return replace(model, doelgroepen=tuple(d for d in model.doelgroepen if d.id != doelgroep_id))


def voeg_onderwerp_toe(model: Participatievormen, naam: str) -> Participatievormen:
    return replace(model, onderwerpen=(*model.onderwerpen, Onderwerp(nieuw_id("o"), naam)))


def hernoem_onderwerp(model: Participatievormen, onderwerp_id: str, naam: str) -> Participatievormen:
    return replace(model, onderwerpen=tuple(Onderwerp(o.id, naam) if o.id == onderwerp_id else o
                                            for o in model.onderwerpen))


def verwijder_onderwerp(model: Participatievormen, onderwerp_id: str) -> Participatievormen:
    """The subject and every cell that belongs to it."""
    return Participatievormen(
        tuple(replace(d, cellen={k: c for k, c in d.cellen.items() if k != onderwerp_id}) for d in model.doelgroepen),
        tuple(o for o in model.onderwerpen if o.id != onderwerp_id), model.een_stem, model.een_stem_partij_id)


# -- what it says ------------------------------------------------------------------------------
def ingevuld(model: Participatievormen) -> bool:
    """Has the team filled in anything? Renaming the default rows alone is not an outcome yet."""
    return any(d.cellen or d.segmenten or d.partij_id is not None for d in model.doelgroepen) or model.een_stem


def partijnaam(partij_id: int | None, partijnamen: Mapping[int, str], anders: str = "") -> str:
    if partij_id is None:
        return anders
    return partijnamen.get(partij_id, VERWIJDERDE_PARTIJ)


def opsomming(items: list[str], voegwoord: str = "en") -> str:
    """'a, b en c'."""
    return f"{', '.join(items[:-1])} {voegwoord} {items[-1]}" if len(items) > 1 else "".join(items)


def vormen_tekst(vorm_ids: Iterable[str]) -> str:
    return ", ".join(_VORM[v].naam for v in vorm_ids if v in _VORM)


def segmenten_tekst(segmenten: Iterable[str]) -> str:
    return ", ".join(SEGMENTEN[s] for s in segmenten if s in SEGMENTEN)


@dataclass(frozen=True)
class Advies:
    soort: str  # geen-vorm, alleen-online, trede-zonder-vorm, een-stem, persoonlijk
    tekst: str
    doelgroep_id: str | None = None


def adviezen(model: Participatievormen, partijnamen: Mapping[int, str]) -> list[Advies]:
    """Advice on the design, in the order of the rows. Never fails on any readable model."""
    uit: list[Advies] = []
    onderwerpnamen = {o.id: o.naam for o in model.onderwerpen}
    for d in model.doelgroepen:
        cellen = [(o.id, d.cel(o.id)) for o in model.onderwerpen]
        met_vorm = [c for _o, c in cellen if c.vormen]
        if not met_vorm:
            uit.append(Advies("geen-vorm", f"{d.naam}: nog geen enkele participatievorm gekozen. Hoe bereik je "
                                           "deze groep?", d.id))
        elif all(c.kanaal == "online" for c in met_vorm):
            uit.append(Advies("alleen-online", f"{d.naam}: deze groep bereik je alleen online. Niet iedereen leest "
                                               "mee op een scherm; zet ook een fysieke vorm in.", d.id))
        for onderwerp_id, cel in cellen:
            gekozen = trede(cel.trede)
            if gekozen is None:
                continue
            onderwerp = onderwerpnamen[onderwerp_id]
            if not cel.vormen:
                if not met_vorm:
                    continue  # the advice for the whole row says it already
                uit.append(Advies("trede-zonder-vorm", f"{d.naam}, {onderwerp}: {gekozen.naam.lower()} staat vast, "
                                                       "maar er is nog geen vorm gekozen.", d.id))
            elif gekozen.niveau >= 4 and max(_VORM[v].draagt for v in cel.vormen) < gekozen.niveau:
                passend = opsomming([v.naam.lower() for v in VORMEN if v.draagt >= gekozen.niveau], "of")
                uit.append(Advies("trede-zonder-vorm", f"{d.naam}, {onderwerp}: {gekozen.naam.lower()} vraagt een "
                                                       f"vorm die dat kan dragen, zoals {passend}.", d.id))
        lastig = [SEGMENTEN[s].lower() for s in d.segmenten if s in _LASTIG_TE_BEREIKEN]
        if lastig and met_vorm and not any(_VORM[v].persoonlijk and c.kanaal != "online"
                                           for c in met_vorm for v in c.vormen):
            uit.append(Advies("persoonlijk", f"{d.naam}: er zitten {opsomming(lastig)} in deze groep. Die bereik "
                                             "je vooral persoonlijk, bijvoorbeeld met een keukentafelgesprek of een "
                                             "inloopspreekuur.", d.id))
    woordvoerders = {d.partij_id for d in model.doelgroepen}
    if model.een_stem or (len(model.doelgroepen) >= 2 and len(woordvoerders) == 1 and None not in woordvoerders):
        partij_id = model.een_stem_partij_id if model.een_stem else next(iter(woordvoerders))
        wie = partijnaam(partij_id, partijnamen, "Eén belangengroep")
        uit.append(Advies("een-stem", f"{wie} spreekt namens de hele wijk. Een belangengroep is niet de wijk: zoek "
                                      "actief naar andere stemmen, bijvoorbeeld met een bewonerspanel via loting."))
    return uit


@dataclass(frozen=True)
class MatrixRij:
    """One doelgroep × onderwerp, as the overview, the Excel sheet and the report show it."""

    doelgroep: str
    houding: str
    spreekt_namens: str
    onderwerp: str
    trede: Trede | None
    vormen: str
    kanaal: str


def matrix_rijen(model: Participatievormen, partijnamen: Mapping[int, str]) -> list[MatrixRij]:
    return [MatrixRij(d.naam, segmenten_tekst(d.segmenten), partijnaam(d.partij_id, partijnamen), o.naam,
                      trede(d.cel(o.id).trede), vormen_tekst(d.cel(o.id).vormen), KANALEN.get(d.cel(o.id).kanaal or "",
                                                                                                 ""))
            for d in model.doelgroepen for o in model.onderwerpen]


def treden_raster(model: Participatievormen) -> list[list[int | None]]:
    """Per doelgroep (row) and onderwerp (column) the step 1–5, or None; the input of the chart."""
    return [[(trede(d.cel(o.id).trede).niveau if trede(d.cel(o.id).trede) else None) for o in model.onderwerpen]
            for d in model.doelgroepen]


def kanalen_raster(model: Participatievormen) -> list[list[str]]:
    """Per doelgroep and onderwerp the channel in words ('' when not chosen); the chart's second line."""
    return [[KANALEN.get(d.cel(o.id).kanaal or "", "").lower() for o in model.onderwerpen] for d in model.doelgroepen]


# == participatiestrategie ======================================================================
FASEN: dict[int, str] = {3: "Fase 3 · Strategieën identificeren", 4: "Fase 4 · Keuzes maken",
                         5: "Fase 5 · Voorbereiding"}
PROCESONTWERP: dict[str, str] = {"gemeente": "De gemeente ontwerpt het proces",
                                 "samen": "De gemeente ontwerpt het proces samen met bewoners"}
WERVING: dict[str, str] = {"gericht": "Gericht uitnodigen", "breed": "Breed uitnodigen",
                           "loting": "Via loting"}
RANDVOORWAARDEN: dict[str, str] = {"technisch": "Technisch", "bestuurlijk": "Bestuurlijk",
                                   "financieel": "Financieel"}
_RANDVOORWAARDE_VELD = {"technisch": "De technische randvoorwaarden", "bestuurlijk": "De bestuurlijke randvoorwaarden",
                        "financieel": "De financiële randvoorwaarden"}


@dataclass(frozen=True)
class Uitgangspunt:
    id: str
    naam: str
    vraag: str


UITGANGSPUNTEN: tuple[Uitgangspunt, ...] = (
    Uitgangspunt("samen-ontwerpen", "Ontwerp het proces samen",
                 "Hoe ontwerpen bewoners en partijen het participatieproces mee?"),
    Uitgangspunt("iedereen-kan-meedoen", "Iedereen kan meedoen",
                 "Hoe zorgen we dat ook wie weinig tijd, taal of zin heeft kan meedoen?"),
    Uitgangspunt("iedereen-gehoord", "Iedereen wordt gehoord",
                 "Hoe horen we alle stemmen, niet alleen de luidste, en hoe koppelen we terug?"),
    Uitgangspunt("kennisbasis", "Een betrouwbare kennisbasis",
                 "Hoe bouwen we samen aan feiten die iedereen vertrouwt, met ruimte voor eigen onderzoek?"),
    Uitgangspunt("ondersteunen", "Ondersteun bewoners bij de stap",
                 "Hoe helpen we bewoners met kleine, haalbare stappen en ontzorgen we hen?"),
)
_UITGANGSPUNT = {u.id: u for u in UITGANGSPUNTEN}
_MAAND = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_WOORD = re.compile(r"\w+")
# words that show what a participatievraag is about (besides the team's own subjects)
ONDERWERPWOORDEN = (
    "warmte", "aardgas", "gas", "warmtenet", "isolatie", "isoleren", "energie", "straat", "planning", "fasering",
    "volgorde", "kosten", "woonlasten", "financiering", "betaalbaar", "subsidie",
    "openbare ruimte", "groen", "riolering", "inrichting", "warmtepomp", "oplossing", "alternatief",
)


@dataclass(frozen=True)
class Moment:
    id: str
    fase: int
    moment: str
    maand: str  # 'JJJJ-MM'
    doel: str = ""
    vorm: str = ""


@dataclass(frozen=True)
class Participatiestrategie:
    vraag: str = ""
    grenzen: str = ""
    randvoorwaarden: Mapping[str, str] = field(default_factory=dict)  # technisch/bestuurlijk/financieel
    procesontwerp: str | None = None
    werving: tuple[str, ...] = ()
    vergoeding: bool | None = None
    vergoeding_toelichting: str = ""
    verwerking: str = ""
    terugkoppeling: str = ""
    momenten: tuple[Moment, ...] = ()
    notities: Mapping[str, str] = field(default_factory=dict)  # per uitgangspunt: hoe doen we dat

    def randvoorwaarde(self, soort: str) -> str:
        return self.randvoorwaarden.get(soort, "")

    def notitie(self, uitgangspunt_id: str) -> str:
        return self.notities.get(uitgangspunt_id, "")


def gesorteerd(momenten: Iterable[Moment]) -> tuple[Moment, ...]:
    """By month, then phase; equal ones keep the order they were added in."""
    return tuple(sorted(momenten, key=lambda m: (m.maand, m.fase)))


def lees_strategie(gegevens: object) -> Participatiestrategie:
    if not isinstance(gegevens, dict):
        return Participatiestrategie()
    randvoorwaarden = gegevens.get("randvoorwaarden") if isinstance(gegevens.get("randvoorwaarden"), dict) else {}
    notities = gegevens.get("uitgangspunten") if isinstance(gegevens.get("uitgangspunten"), dict) else {}
    momenten, gezien = [], set()
    for item in _lijst(gegevens.get("momenten")):
        if not isinstance(item, dict):
            continue
        moment_id, fase, maand = item.get("id"), _getal(item.get("fase")), item.get("maand")
        naam = _tekst(item.get("moment"), MAX_KORT).strip()
        if (isinstance(moment_id, str) and moment_id and moment_id not in gezien and fase in FASEN and naam
                and isinstance(maand, str) and _MAAND.match(maand)):
            gezien.add(moment_id)
            momenten.append(Moment(moment_id, fase, naam, maand, _tekst(item.get("doel"), MAX_KORT),
                                   _tekst(item.get("vorm"), MAX_KORT)))
    procesontwerp = gegevens.get("procesontwerp")
    vergoeding = gegevens.get("vergoeding")
    return Participatiestrategie(
        vraag=_tekst(gegevens.get("vraag"), MAX_TEKST),
        grenzen=_tekst(gegevens.get("grenzen"), MAX_TEKST),
        randvoorwaarden={s: _tekst(randvoorwaarden.get(s), MAX_TEKST) for s in RANDVOORWAARDEN
                         if _tekst(randvoorwaarden.get(s), MAX_TEKST)},
        procesontwerp=procesontwerp if isinstance(procesontwerp, str) and procesontwerp in PROCESONTWERP else None,
        werving=_keuzes(gegevens.get("werving"), WERVING),
        vergoeding=vergoeding if isinstance(vergoeding, bool) else None,
        vergoeding_toelichting=_tekst(gegevens.get("vergoeding_toelichting"), MAX_KORT),
        verwerking=_tekst(gegevens.get("verwerking"), MAX_TEKST),
        terugkoppeling=_tekst(gegevens.get("terugkoppeling"), MAX_TEKST),
        momenten=gesorteerd(momenten),
        notities={u.id: _tekst(notities.get(u.id), MAX_TEKST) for u in UITGANGSPUNTEN
                  if _tekst(notities.get(u.id), MAX_TEKST)},
    )


def strategie_als_dict(model: Participatiestrategie) -> dict:
    return {
        "vraag": model.vraag, "grenzen": model.grenzen, "randvoorwaarden": dict(model.randvoorwaarden),
        "procesontwerp": model.procesontwerp, "werving": list(model.werving), "vergoeding": model.vergoeding,
        "vergoeding_toelichting": model.vergoeding_toelichting, "verwerking": model.verwerking,
        "terugkoppeling": model.terugkoppeling,
        "momenten": [{"id": m.id, "fase": m.fase, "moment": m.moment, "maand": m.maand, "doel": m.doel,
                      "vorm": m.vorm} for m in model.momenten],
        "uitgangspunten": dict(model.notities),
    }


def strategie_leeg(model: Participatiestrategie) -> bool:
    return lees_strategie(strategie_als_dict(model)) == Participatiestrategie()


def controleer_maand(waarde: object) -> str:
    tekst = str(waarde or "").strip()
    gevonden = _MAAND.match(tekst)
    if not gevonden or not 2000 <= int(gevonden.group(1)) <= 2100:
        raise InvoerFout("De maand van het moment moet de vorm JJJJ-MM hebben, bijvoorbeeld 2026-09.")
    return tekst


def controleer_moment(moment: Moment) -> Moment:
    if moment.fase not in FASEN:
        raise InvoerFout("Kies bij het moment fase 3, 4 of 5.")
    return Moment(
        moment.id, moment.fase,
        validatie.schone_tekst(moment.moment, "Wat het moment is", maximum=MAX_KORT, verplicht=True),
        controleer_maand(moment.maand),
        validatie.schone_tekst(moment.doel, "Het doel van het moment", maximum=MAX_KORT),
        validatie.schone_tekst(moment.vorm, "De vorm van het moment", maximum=MAX_KORT),
    )


def controleer_strategie(model: Participatiestrategie) -> Participatiestrategie:
    """The cleaned form, or InvoerFout naming the field. A missing participatievraag is advice, not a refusal:
    refusing would lose everything else the team typed before it (nothing is saved until it is valid)."""
    def tekst(waarde: str, veld: str, maximum: int = MAX_TEKST) -> str:
        return validatie.schone_tekst(waarde, veld, maximum=maximum)

    if model.procesontwerp is not None and model.procesontwerp not in PROCESONTWERP:
        raise InvoerFout("Kies wie het proces ontwerpt uit de lijst.")
    if any(x not in WERVING for x in model.werving):
        raise InvoerFout("Onbekende manier van werven; kies uit gericht, breed of loting.")
    if len(model.momenten) > MAX_RIJEN:
        raise InvoerFout(f"Er kunnen hoogstens {MAX_RIJEN} participatiemomenten in de lijst.")
    schoon = Participatiestrategie(
        vraag=tekst(model.vraag, "De participatievraag"),
        grenzen=tekst(model.grenzen, "Wat vastligt"),
        randvoorwaarden={s: tekst(model.randvoorwaarde(s), _RANDVOORWAARDE_VELD[s]) for s in RANDVOORWAARDEN
                         if model.randvoorwaarde(s).strip()},
        procesontwerp=model.procesontwerp,
        werving=_keuzes(list(model.werving), WERVING),
        vergoeding=model.vergoeding,
        vergoeding_toelichting=tekst(model.vergoeding_toelichting, "De toelichting bij de vergoeding", MAX_KORT),
        verwerking=tekst(model.verwerking, "Hoe jullie de inbreng verwerken"),
        terugkoppeling=tekst(model.terugkoppeling, "Hoe jullie terugkoppelen"),
        momenten=gesorteerd(controleer_moment(m) for m in model.momenten),
        notities={u.id: tekst(model.notitie(u.id), f"De notitie bij '{u.naam}'") for u in UITGANGSPUNTEN
                  if model.notitie(u.id).strip()},
    )
    return schoon


def voeg_moment_toe(model: Participatiestrategie, moment: Moment) -> Participatiestrategie:
    return replace(model, momenten=gesorteerd((*model.momenten, controleer_moment(moment))))


def verwijder_moment(model: Participatiestrategie, moment_id: str) -> Participatiestrategie:
    return replace(model, momenten=tuple(m for m in model.momenten if m.id != moment_id))


def vraag_adviezen(vraag: str, onderwerpen: Iterable[str] = ()) -> list[str]:
    """Why a participatievraag may be too vague: it is missing, no question, very short, or it does not say
    what it is about. ``onderwerpen``: the team's own subjects (from participatievormen) count as well."""
    tekst = " ".join(str(vraag or "").split())
    if not tekst:
        return ["De participatievraag ontbreekt nog. Vul die als eerste in: het is het belangrijkste onderdeel van "
                "de strategie."]
    uit = []
    if "?" not in tekst:
        uit.append("Maak er een echte vraag van, met een vraagteken: waarover mogen bewoners meepraten of "
                   "meebeslissen?")
    if len(_WOORD.findall(tekst)) < 8 or len(tekst) < 40:
        uit.append("De vraag is erg kort. Noem waarover het gaat, wie er mag meedoen en binnen welke grenzen.")
    klein = tekst.casefold()
    woorden = [*ONDERWERPWOORDEN, *(o.casefold() for o in onderwerpen)]
    if not any(re.search(r"\b" + re.escape(w), klein) for w in woorden if w):
        uit.append("Uit de vraag blijkt niet waarover die gaat. Noem het onderwerp, bijvoorbeeld de keuze van de "
                   "warmteoplossing, de planning of de woonlasten.")
    return uit


@dataclass(frozen=True)
class Toetsregel:
    uitgangspunt: Uitgangspunt
    notitie: str
    signaal: str  # what the form itself says about this principle ('' when it says nothing)
    in_orde: bool | None  # True: the form supports it, False: a point of attention, None: only the note counts


def zelftoets(model: Participatiestrategie) -> list[Toetsregel]:
    """The five PAW principles with the team's note and what the form itself shows about each."""
    def regel(uid: str, signaal: str = "", in_orde: bool | None = None) -> Toetsregel:
        return Toetsregel(_UITGANGSPUNT[uid], model.notitie(uid), signaal, in_orde)

    if model.procesontwerp == "samen":
        samen = regel("samen-ontwerpen", "Jullie ontwerpen het proces samen met bewoners.", True)
    elif model.procesontwerp == "gemeente":
        samen = regel("samen-ontwerpen", "De gemeente ontwerpt het proces alleen: hoe toetsen bewoners het "
                                         "ontwerp?", False)
    else:
        samen = regel("samen-ontwerpen", "Nog niet gekozen wie het proces ontwerpt.", False)
    breed = {"breed", "loting"} & set(model.werving)
    if breed:
        signaal, goed = "Werving: " + opsomming([WERVING[w].lower() for w in model.werving]) + ".", True
    elif model.werving:
        signaal, goed = "Alleen gerichte werving: wie buiten beeld is, doet dan niet mee.", False
    else:
        signaal, goed = "Nog niet gekozen hoe jullie mensen uitnodigen.", False
    if model.vergoeding:
        signaal += " Er staat een vergoeding tegenover."
    meedoen = regel("iedereen-kan-meedoen", signaal, goed)
    gehoord = (regel("iedereen-gehoord", "Er is beschreven hoe jullie terugkoppelen.", True) if
               model.terugkoppeling.strip() else
               regel("iedereen-gehoord", "Nog niet beschreven hoe jullie terugkoppelen.", False))
    return [samen, meedoen, gehoord, regel("kennisbasis"), regel("ondersteunen")]


def maand_tekst(maand: str) -> str:
    """'2026-09' → 'september 2026'."""
    gevonden = _MAAND.match(maand or "")
    return f"{MAANDEN[int(gevonden.group(2)) - 1]} {gevonden.group(1)}" if gevonden else maand


def samenvatting(model: Participatiestrategie, onderwerpen: Iterable[str] = ()) -> str:
    """The strategy as Markdown to read under the form (user text is escaped, see ``md_inline``)."""
    nog = "_nog niet ingevuld_"
    delen = ["#### Participatievraag", md_blok(model.vraag) if model.vraag.strip() else nog]
    adviezen_vraag = vraag_adviezen(model.vraag, onderwerpen) if model.vraag.strip() else []
    if adviezen_vraag:
        delen.append("\n".join(f"- ⚠ {md_inline(a)}" for a in adviezen_vraag))
    delen += ["#### Wat vastligt", md_blok(model.grenzen) if model.grenzen.strip() else nog]
    randvoorwaarden = [f"- **{naam}:** {md_inline(model.randvoorwaarde(s))}" for s, naam in RANDVOORWAARDEN.items()
                       if model.randvoorwaarde(s)]
    delen += ["#### Randvoorwaarden", "\n".join(randvoorwaarden) or nog]
    delen.append("#### Het proces")
    werving = opsomming([WERVING[w].lower() for w in model.werving])
    vergoeding = {True: "ja", False: "nee", None: "nog niet besloten"}[model.vergoeding]
    if model.vergoeding_toelichting:
        vergoeding += f" ({md_inline(model.vergoeding_toelichting)})"
    delen.append("\n".join([
        f"- **Wie ontwerpt het proces:** {PROCESONTWERP[model.procesontwerp].lower() if model.procesontwerp else nog}",
        f"- **Werving:** {werving or nog}",
        f"- **Vergoeding:** {vergoeding}",
    ]))
    delen += ["#### Verwerking van de inbreng", md_blok(model.verwerking) if model.verwerking.strip() else nog,
              "#### Terugkoppeling", md_blok(model.terugkoppeling) if model.terugkoppeling.strip() else nog]
    delen.append("#### Participatiemomenten")
    if model.momenten:
        delen.append("\n".join(
            f"- **{maand_tekst(m.maand)}** ({FASEN[m.fase]}): {md_inline(m.moment)}"
            + (f" — doel: {md_inline(m.doel)}" if m.doel else "") + (f" — vorm: {md_inline(m.vorm)}" if m.vorm else "")
            for m in model.momenten))
    else:
        delen.append(nog)
    delen.append("#### Toets aan de vijf uitgangspunten van de PAW")
    regels = []
    for r in zelftoets(model):
        teken = {True: "✔", False: "⚠", None: "•"}[r.in_orde]
        regel = f"- {teken} **{r.uitgangspunt.naam}:** "
        regel += md_inline(r.notitie) if r.notitie else "_nog niet beschreven hoe jullie dat doen_"
        if r.signaal:
            regel += f" ({md_inline(r.signaal)})"
        regels.append(regel)
    delen.append("\n".join(regels))
    return "\n\n".join(delen) + "\n"
