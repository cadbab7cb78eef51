"""Besluitvormingsplanning: which decisions each partner must take on the way to the wijkuitvoeringsplan, when,
by which body, and how they depend on each other.

One form per dossier (key ``besluitvorming``): ``{"besluiten": [{"id": "b1a2b3c4", "wat": ..., "partij_id": 3,
"orgaan": "college", "beeldvorming": "2027-01", "oordeelsvorming": "2027-02", "besluit": "2027-03",
"go_no_go": true, "afhaken": ..., "afhankelijk_van": ["b5d6e7f8"], "sjabloon": "warmtestrategie"}]}``.
``partij_id`` is the only reference to a store row (the JSON export maps it); ``id`` and ``afhankelijk_van`` are
the form's own string ids. Reading is tolerant (an imported or hand-edited form never breaks the page), saving
is strict (``controleer_besluitvorming`` raises ``InvoerFout`` and nothing is saved).

Months are 'JJJJ-MM' strings; inside the analysis a month is a whole number (year * 12 + month - 1) so
differences are plain subtraction.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..dossier import validatie
from ..dossier.model import InvoerFout, Partij
from .afsprakennota import MAANDEN

MAX_BESLUITEN = 100
MAX_KORT = 200
MAX_TEKST = validatie.MAX_TOELICHTING
JAAR_MIN, JAAR_MAX = 2000, 2100
VERWIJDERDE_PARTIJ = "(verwijderde partij)"
STAPPEN = (("beeldvorming", "Beeldvorming"), ("oordeelsvorming", "Oordeelsvorming"), ("besluit", "Besluit"))
BRON = ("TwynstraGudde (zorgvuldige besluitvorming in drie stappen); NPLW, stappenplan uitvoeringsplan "
        "(go/no-go-momenten); Aedes en Woonbond (70%-regeling, art. 7:220 BW); vanderborden.nl (besluiten in "
        "een VvE).")
_MAAND = re.compile(r"^\s*(\d{4})\s*-\s*(\d{1,2})\s*$")


@dataclass(frozen=True)
class Orgaan:
    id: str
    naam: str
    hint: str = ""


ORGANEN: tuple[Orgaan, ...] = (
    Orgaan("directie", "Directie"),
    Orgaan("college", "College van B&W",
           "Het college neemt het besluit meestal op voorstel van de ambtelijke organisatie; houd rekening met de "
           "tijd die de stukken nodig hebben om op de agenda te komen."),
    Orgaan("gemeenteraad", "Gemeenteraad",
           "De raad bespreekt een voorstel meestal eerst in een commissie en besluit daarna; betrek de raad al bij "
           "de beeldvorming, niet pas bij het besluit."),
    Orgaan("rvc_bestuur", "Raad van commissarissen / bestuur",
           "Een investeringsbesluit gaat vaak langs directie én raad van commissarissen of bestuur: plan beide."),
    Orgaan("huurdersorganisatie", "Huurdersorganisatie",
           "Een huurdersorganisatie heeft adviesrecht; geef haar tijd om haar achterban te raadplegen."),
    Orgaan("alv_vve", "Ledenvergadering / ALV van de VvE",
           "Een VvE besluit over verduurzaming meestal met een verhoogd quorum en een gekwalificeerde meerderheid, "
           "vaak twee derde. Wordt het quorum niet gehaald, dan volgt een tweede vergadering: plan daar tijd voor."),
    Orgaan("bewoners_70", "Bewoners (70%-regeling)",
           "Stemt bij renovatie van een complex van tien of meer huurwoningen dat een bouwkundige eenheid vormt, "
           "minstens 70% van alle huurders in, dan wordt het voorstel vermoed redelijk te zijn. Wie niet instemt, "
           "kan binnen acht weken de rechter vragen het te toetsen."),
    Orgaan("anders", "Anders"),
)
ORGAAN = {o.id: o for o in ORGANEN}


# -- months -----------------------------------------------------------------------------------
def maand_index(tekst: str) -> int:
    jaar, maand = tekst.split("-")
    return int(jaar) * 12 + int(maand) - 1


def maand_tekst(index: int) -> str:
    """'2027-03' for a month number."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def maand_nl(waarde: str | int | None) -> str:
    """'maart 2027' (or 'geen maand')."""
    if waarde is None or waarde == "":
        return "geen maand"
    index = maand_index(waarde) if isinstance(waarde, str) else waarde
    return f"{MAANDEN[index % 12]} {index // 12}"


def maand_van_datum(dag: date) -> int:
    return dag.year * 12 + dag.month - 1


def lees_maand(waarde: object) -> str | None:
    """'JJJJ-MM' (also '2027-3'), or None when it is no month."""
    if not isinstance(waarde, str):
        return None
    passend = _MAAND.match(waarde)
    if not passend:
        return None
    jaar, maand = int(passend.group(1)), int(passend.group(2))
    if not (JAAR_MIN <= jaar <= JAAR_MAX and 1 <= maand <= 12):
        return None
    return f"{jaar:04d}-{maand:02d}"


def controleer_maand(waarde: object, veld: str) -> str | None:
    """A month field of the form: empty is allowed, anything else must be a real month."""
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    maand = lees_maand(waarde)
    if maand is None:
        raise InvoerFout(f"{veld} moet een maand zijn in de vorm JJJJ-MM, bijvoorbeeld 2027-03 "
                         f"(jaar {JAAR_MIN} tot en met {JAAR_MAX}).")
    return maand


# -- the form ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Besluit:
    id: str
    wat: str = ""
    partij_id: int | None = None
    orgaan: str = "anders"
    beeldvorming: str | None = None
    oordeelsvorming: str | None = None
    besluit: str | None = None
    go_no_go: bool = False
    afhaken: str = ""
    afhankelijk_van: tuple[str, ...] = ()
    sjabloon: str | None = None

    def maanden(self) -> list[tuple[str, str]]:
        """(step, month) of the steps that have a month, in the order of the steps."""
        return [(stap, getattr(self, stap)) for stap, _label in STAPPEN if getattr(self, stap)]

    def als_dict(self) -> dict:
        gegevens = {
            "id": self.id, "wat": self.wat, "partij_id": self.partij_id, "orgaan": self.orgaan,
            "beeldvorming": self.beeldvorming, "oordeelsvorming": self.oordeelsvorming, "besluit": self.besluit,
            "go_no_go": self.go_no_go, "afhaken": self.afhaken, "afhankelijk_van": list(self.afhankelijk_van),
        }
        if self.sjabloon:
            gegevens["sjabloon"] = self.sjabloon
        return gegevens


@dataclass(frozen=True)
class Besluitvorming:
    besluiten: tuple[Besluit, ...] = ()

    def als_dict(self) -> dict:
        return {"besluiten": [b.als_dict() for b in self.besluiten]}

    def besluit(self, besluit_id: str | None) -> Besluit | None:
        return next((b for b in self.besluiten if b.id == besluit_id), None)

    @property
    def leeg(self) -> bool:
        return not self.besluiten


def _tekst(waarde: object) -> str:
    return waarde if isinstance(waarde, str) else ""


def _geheel(waarde: object) -> int | None:
    return waarde if isinstance(waarde, int) and not isinstance(waarde, bool) else None


def lees_besluitvorming(gegevens: object) -> Besluitvorming:
    """The saved form, field by field: unknown keys and values of the wrong type are ignored, rows without a
    usable id (or with an id seen before) are left out, and dependencies on decisions that are not there (or on
    the decision itself) are dropped."""
    rijen = gegevens.get("besluiten") if isinstance(gegevens, dict) else None
    if not isinstance(rijen, list):
        return Besluitvorming()
    besluiten: list[Besluit] = []
    gezien: set[str] = set()
    for rij in rijen[:MAX_BESLUITEN]:
        if not isinstance(rij, dict):
            continue
        besluit_id = rij.get("id")
        if not isinstance(besluit_id, str) or not besluit_id or len(besluit_id) > 40 or besluit_id in gezien:
            continue
        gezien.add(besluit_id)
        orgaan = rij.get("orgaan")
        afhankelijk = rij.get("afhankelijk_van")
        besluiten.append(Besluit(
            id=besluit_id, wat=_tekst(rij.get("wat")), partij_id=_geheel(rij.get("partij_id")),
            orgaan=orgaan if isinstance(orgaan, str) and orgaan in ORGAAN else "anders",
            beeldvorming=lees_maand(rij.get("beeldvorming")), oordeelsvorming=lees_maand(rij.get("oordeelsvorming")),
            besluit=lees_maand(rij.get("besluit")), go_no_go=rij.get("go_no_go") is True,
            afhaken=_tekst(rij.get("afhaken")),
            afhankelijk_van=tuple(dict.fromkeys(a for a in afhankelijk if isinstance(a, str)))
            if isinstance(afhankelijk, list) else (),
            sjabloon=rij.get("sjabloon") if isinstance(rij.get("sjabloon"), str) else None,
        ))
    return Besluitvorming(tuple(
        replace(b, afhankelijk_van=tuple(a for a in b.afhankelijk_van if a in gezien and a != b.id))
        for b in besluiten))


def volgorde_fout(besluit: Besluit) -> str | None:
    """Why the three steps are out of order (a later step in an earlier month), or None."""
    maanden = besluit.maanden()
    labels = dict(STAPPEN)
    for index, (stap, maand) in enumerate(maanden):
        for latere_stap, latere_maand in maanden[index + 1:]:
            if maand_index(latere_maand) < maand_index(maand):
                return (f"{labels[latere_stap]} ({maand_nl(latere_maand)}) ligt vóór "
                        f"{labels[stap].lower()} ({maand_nl(maand)}); de volgorde is beeldvorming, oordeelsvorming, "
                        "besluit.")
    return None


def kring(besluiten: Sequence[Besluit]) -> list[str] | None:
    """A cycle of dependencies as ids [a, b, …, a] (a waits on b, …, which waits on a), or None."""
    volgend = {b.id: [a for a in b.afhankelijk_van] for b in besluiten}
    toestand: dict[str, int] = {}  # 1 = on the path, 2 = done
    pad: list[str] = []

    def bezoek(knoop: str) -> list[str] | None:
        toestand[knoop] = 1
        pad.append(knoop)
        for ander in volgend.get(knoop, ()):
            if ander not in volgend:
                continue
            if toestand.get(ander) == 1:
                return [*pad[pad.index(ander):], ander]
            if ander not in toestand:
                gevonden = bezoek(ander)
                if gevonden:
                    return gevonden
        pad.pop()
        toestand[knoop] = 2
        return None

    for besluit in besluiten:
        if besluit.id not in toestand:
            gevonden = bezoek(besluit.id)
            if gevonden:
                return gevonden
    return None


def besluit_label(besluit: Besluit | None, partijnamen: Mapping[int, str]) -> str:
    """'‘Keuze warmtestrategie’ (Gemeente Delft)'."""
    if besluit is None:
        return "(verwijderd besluit)"
    naam = partijnaam(besluit.partij_id, partijnamen)
    return f"‘{besluit.wat or 'zonder omschrijving'}’ " + (naam if naam == VERWIJDERDE_PARTIJ else f"({naam})")


def partijnaam(partij_id: int | None, partijnamen: Mapping[int, str]) -> str:
    return partijnamen.get(partij_id, VERWIJDERDE_PARTIJ) if partij_id is not None else VERWIJDERDE_PARTIJ


def controleer_besluit(besluit: Besluit, partij_ids: set[int], ids: set[str]) -> Besluit:
    """One decision, cleaned, or InvoerFout naming the field. ``ids``: the decisions of the form it may depend on."""
    wat = validatie.schone_tekst(besluit.wat, "Wat er besloten moet worden", maximum=MAX_KORT, verplicht=True)
    if besluit.partij_id is None:
        raise InvoerFout("Kies de partij die dit besluit neemt.")
    if besluit.partij_id not in partij_ids:
        raise InvoerFout("De gekozen partij staat niet (meer) in dit dossier; kies opnieuw.")
    if besluit.orgaan not in ORGAAN:
        raise InvoerFout("Kies wie het besluit neemt uit de lijst.")
    maanden = {stap: controleer_maand(getattr(besluit, stap), f"De maand van de {label.lower()}")
               for stap, label in STAPPEN}
    afhaken = validatie.schone_tekst(besluit.afhaken, "Wat als deze partner afhaakt", maximum=MAX_TEKST)
    afhankelijk = tuple(dict.fromkeys(besluit.afhankelijk_van))
    if besluit.id in afhankelijk:
        raise InvoerFout("Een besluit kan niet van zichzelf afhangen.")
    if any(a not in ids for a in afhankelijk):
        raise InvoerFout("Een van de besluiten waarvan dit besluit afhangt, bestaat niet meer; kies opnieuw.")
    if len(afhankelijk) >= MAX_BESLUITEN:
        raise InvoerFout(f"Een besluit kan van hoogstens {MAX_BESLUITEN - 1} andere besluiten afhangen.")
    schoon = replace(besluit, wat=wat, afhaken=afhaken, afhankelijk_van=afhankelijk, **maanden)
    fout = volgorde_fout(schoon)
    if fout:
        raise InvoerFout(fout)
    return schoon


def controleer_besluitvorming(model: Besluitvorming, partij_ids: set[int], *,
                              bewerkt: Collection[str] | None = None) -> Besluitvorming:
    """The form as it will be saved, or InvoerFout. ``bewerkt``: the ids of the decisions the user changed; only
    those are checked field by field (the others were checked when they were saved, and a party deleted since
    must not block saving another decision). Without ``bewerkt`` every decision is checked. A cycle of
    dependencies is always refused."""
    if len(model.besluiten) > MAX_BESLUITEN:
        raise InvoerFout(f"Een planning kan hoogstens {MAX_BESLUITEN} besluiten bevatten.")
    ids = [b.id for b in model.besluiten]
    if len(set(ids)) != len(ids) or not all(isinstance(i, str) and i for i in ids):
        raise InvoerFout("Twee besluiten hebben hetzelfde kenmerk; laad de pagina opnieuw.")
    bekend = set(ids)
    besluiten = tuple(controleer_besluit(b, partij_ids, bekend) if bewerkt is None or b.id in bewerkt else b
                      for b in model.besluiten)
    gevonden = kring(besluiten)
    if gevonden:
        per_id = {b.id: b for b in besluiten}
        keten = " → ".join(f"‘{per_id[i].wat or 'zonder omschrijving'}’" for i in gevonden)
        raise InvoerFout(f"Deze afhankelijkheden vormen een kring: {keten}. Een besluit kan niet (via andere "
                         "besluiten) op zichzelf wachten; haal één van deze afhankelijkheden weg. Er is niets "
                         "opgeslagen.")
    return Besluitvorming(besluiten)


def met_besluit(model: Besluitvorming, besluit: Besluit) -> Besluitvorming:
    """The form with ``besluit`` replacing the one with its id, or added at the end."""
    if model.besluit(besluit.id) is None:
        return Besluitvorming((*model.besluiten, besluit))
    return Besluitvorming(tuple(besluit if b.id == besluit.id else b for b in model.besluiten))


def zonder_besluit(model: Besluitvorming, besluit_id: str) -> Besluitvorming:
    """The form without that decision; other decisions no longer depend on it."""
    return Besluitvorming(tuple(
        replace(b, afhankelijk_van=tuple(a for a in b.afhankelijk_van if a != besluit_id))
        for b in model.besluiten if b.id != besluit_id))


# -- analysis ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Conflict:
    besluit_id: str
    afhankelijk_id: str
    tekst: str


@dataclass(frozen=True)
class Planning:
    """One planned decision: its months as planned and as early as the dependencies allow."""

    start: int
    besluit: int
    vroegst_start: int
    vroegst_besluit: int

    @property
    def doorlooptijd(self) -> int:
        return self.besluit - self.start + 1

    @property
    def verschuiving(self) -> int:
        return self.vroegst_besluit - self.besluit


@dataclass(frozen=True)
class Analyse:
    conflicten: tuple[Conflict, ...] = ()
    kring: tuple[str, ...] = ()
    planning: dict[str, Planning] = field(default_factory=dict)
    kritiek_pad: tuple[str, ...] = ()
    gepland_klaar: int | None = None
    vroegst_klaar: int | None = None
    ongepland: tuple[str, ...] = ()
    signalen: tuple[str, ...] = ()

    def in_conflict(self, besluit_id: str) -> bool:
        return any(c.besluit_id == besluit_id for c in self.conflicten)


def conflicten(model: Besluitvorming, partijnamen: Mapping[int, str]) -> list[Conflict]:
    """Every decision planned before, or in the same month as, a decision it depends on."""
    uitkomst = []
    for besluit in model.besluiten:
        if not besluit.besluit:
            continue
        for ander_id in besluit.afhankelijk_van:
            ander = model.besluit(ander_id)
            if ander is None or not ander.besluit:
                continue
            hier, daar = maand_index(besluit.besluit), maand_index(ander.besluit)
            if hier > daar:
                continue
            if hier == daar:
                tekst = (f"{besluit_label(besluit, partijnamen)} staat in dezelfde maand ({maand_nl(hier)}) gepland "
                         f"als {besluit_label(ander, partijnamen)}, waarvan het afhangt.")
            else:
                tekst = (f"{besluit_label(besluit, partijnamen)} staat gepland in {maand_nl(hier)}, maar "
                         f"{besluit_label(ander, partijnamen)}, waarvan het afhangt, valt pas in {maand_nl(daar)}.")
            uitkomst.append(Conflict(besluit.id, ander.id, tekst + " Plan het minstens een maand na dat besluit, of "
                                     "haal de afhankelijkheid weg."))
    return uitkomst


def plan(model: Besluitvorming) -> dict[str, Planning]:
    """For every decision with a besluit month: as planned, and as early as possible if each keeps its planned
    doorlooptijd (first step to besluit), starts no earlier than planned, and is taken only after the decisions
    it depends on. Decisions without a besluit month, and dependencies on them, do not count. Empty when the
    dependencies form a cycle."""
    besluiten = [b for b in model.besluiten if b.besluit]
    if kring(besluiten):
        return {}
    per_id = {b.id: b for b in besluiten}
    uitkomst: dict[str, Planning] = {}

    def reken(besluit: Besluit) -> Planning:
        if besluit.id in uitkomst:
            return uitkomst[besluit.id]
        eind = maand_index(besluit.besluit)
        start = min(maand_index(m) for _stap, m in besluit.maanden())
        vroegst = start
        for ander_id in besluit.afhankelijk_van:
            if ander_id in per_id:
                vroegst = max(vroegst, reken(per_id[ander_id]).vroegst_besluit + 1 - (eind - start))
        uitkomst[besluit.id] = Planning(start, eind, vroegst, vroegst + eind - start)
        return uitkomst[besluit.id]

    for besluit in besluiten:
        reken(besluit)
    return {b.id: uitkomst[b.id] for b in besluiten}


def kritiek_pad(model: Besluitvorming, planning: Mapping[str, Planning]) -> tuple[str, ...]:
    """The chain of decisions that sets the month in which everything is decided, first decision first: from
    the decision that ends last, back through each dependency that leaves no month to spare."""
    if not planning:
        return ()
    laatste = max(planning, key=lambda i: planning[i].vroegst_besluit)  # first in the list on a tie
    pad = [laatste]
    while True:
        besluit = model.besluit(pad[-1])
        hier = planning[pad[-1]]
        krap = [a for a in besluit.afhankelijk_van
                if a in planning and a not in pad and planning[a].vroegst_besluit + 1 == hier.vroegst_besluit]
        if not krap:
            break
        pad.append(krap[0])
    return tuple(reversed(pad))


def analyseer_besluitvorming(model: Besluitvorming, partijnamen: Mapping[int, str]) -> Analyse:
    """Everything the page, the report and the workbook say about the planning."""
    gevonden = kring(model.besluiten)
    planning = plan(model)
    signalen = []
    for besluit in model.besluiten:
        fout = volgorde_fout(besluit)
        if fout:
            signalen.append(f"{besluit_label(besluit, partijnamen)}: {fout}")
        if besluit.go_no_go and not besluit.afhaken.strip():
            signalen.append(f"{besluit_label(besluit, partijnamen)} is een go/no-go-moment, maar er staat nog niet "
                            "bij wat er gebeurt als deze partner afhaakt.")
        if besluit.partij_id is None or besluit.partij_id not in partijnamen:
            signalen.append(f"{besluit_label(besluit, partijnamen)} hoort bij een partij die niet meer in het "
                            "dossier staat; kies een andere partij.")
        for ander_id in besluit.afhankelijk_van:
            ander = model.besluit(ander_id)
            if besluit.besluit and ander is not None and not ander.besluit:
                signalen.append(f"{besluit_label(besluit, partijnamen)} hangt af van "
                                f"{besluit_label(ander, partijnamen)}, dat nog geen besluitmaand heeft.")
    return Analyse(
        conflicten=tuple(conflicten(model, partijnamen)),
        kring=tuple(gevonden or ()),
        planning=planning,
        kritiek_pad=kritiek_pad(model, planning),
        gepland_klaar=max((p.besluit for p in planning.values()), default=None),
        vroegst_klaar=max((p.vroegst_besluit for p in planning.values()), default=None),
        ongepland=tuple(b.id for b in model.besluiten if not b.besluit),
        signalen=tuple(signalen),
    )


def per_partij(model: Besluitvorming, partijnamen: Mapping[int, str]) -> list[tuple[str, list[Besluit]]]:
    """(party name, its decisions by besluit month) per party in the order of the dossier; decisions of a party
    that is gone come last, under '(verwijderde partij)'."""
    groepen: dict[int | None, list[Besluit]] = {}
    for besluit in model.besluiten:
        sleutel = besluit.partij_id if besluit.partij_id in partijnamen else None
        groepen.setdefault(sleutel, []).append(besluit)
    volgorde = [p for p in partijnamen if p in groepen] + ([None] if None in groepen else [])
    return [(partijnaam(p, partijnamen), sorted(groepen[p], key=_maandvolgorde)) for p in volgorde]


def _maandvolgorde(besluit: Besluit) -> tuple[int, int]:
    return (0, maand_index(besluit.besluit)) if besluit.besluit else (1, 0)


TABELKOPPEN = ["Partij", "Wat moet er besloten worden", "Wie beslist", "Beeldvorming", "Oordeelsvorming",
               "Besluit", "Go/no-go", "Hangt af van", "Let op"]


def tabel_rijen(model: Besluitvorming, analyse: Analyse, partijnamen: Mapping[int, str]) -> list[list[str]]:
    """The decisions per party, by besluit month, as plain text cells: the same on the page and in Word."""
    rijen = []
    for naam, besluiten in per_partij(model, partijnamen):
        for besluit in besluiten:
            let_op = []
            if analyse.in_conflict(besluit.id):
                let_op.append("⚠ conflict")
            if besluit.id in analyse.kritiek_pad:
                let_op.append("▶ kritiek pad")
            if besluit.go_no_go and not besluit.afhaken.strip():
                let_op.append("! afhaken nog niet afgesproken")
            rijen.append([
                naam, besluit.wat, ORGAAN[besluit.orgaan].naam,
                *(maand_nl(getattr(besluit, stap)) if getattr(besluit, stap) else "–" for stap, _label in STAPPEN),
                ("◆ ja" + (f": {besluit.afhaken}" if besluit.afhaken else "")) if besluit.go_no_go else "nee",
                "; ".join(besluit_label(model.besluit(a), partijnamen) for a in besluit.afhankelijk_van) or "–",
                ", ".join(let_op) or "–",
            ])
    return rijen


def conflict_regels(analyse: Analyse, model: Besluitvorming, partijnamen: Mapping[int, str]) -> list[str]:
    """The conflicts in words (a cycle first, if an imported form holds one)."""
    regels = []
    if analyse.kring:
        keten = " → ".join(besluit_label(model.besluit(i), partijnamen) for i in analyse.kring)
        regels.append(f"Kring van afhankelijkheden: {keten}. Haal één afhankelijkheid weg.")
    return regels + [c.tekst for c in analyse.conflicten]


def hint(orgaan: str) -> str:
    """What to keep in mind about the body that decides ('' when nothing special)."""
    gevonden = ORGAAN.get(orgaan)
    return gevonden.hint if gevonden else ""


def samenvatting(analyse: Analyse, model: Besluitvorming, partijnamen: Mapping[int, str]) -> list[str]:
    """The critical path and the earliest month in plain Dutch, for the page and the report."""
    if analyse.kring:
        return ["De afhankelijkheden vormen een kring, dus er is geen volgorde te berekenen. Haal één "
                "afhankelijkheid weg."]
    if analyse.vroegst_klaar is None:
        return ["Nog geen enkel besluit heeft een besluitmaand; vul die in om de planning te zien."]
    regels = []
    if analyse.vroegst_klaar > analyse.gepland_klaar:
        regels.append(f"Volgens de planning is alles besloten in {maand_nl(analyse.gepland_klaar)}. Met de "
                      f"afhankelijkheden lukt dat op zijn vroegst in {maand_nl(analyse.vroegst_klaar)}: los eerst de "
                      "conflicten op.")
    elif analyse.conflicten:
        regels.append(f"Volgens de planning is alles besloten in {maand_nl(analyse.gepland_klaar)}. Los de "
                      f"{len(analyse.conflicten)} conflict(en) op; het einde hoeft daarvoor niet op te schuiven.")
    else:
        regels.append(f"Alles is besloten in {maand_nl(analyse.gepland_klaar)}; de afhankelijkheden passen in deze "
                      "planning.")
    pad = [besluit_label(model.besluit(i), partijnamen) for i in analyse.kritiek_pad]
    if len(pad) > 1:
        regels.append("Kritiek pad (de keten zonder speling: schuift één van deze besluiten op, dan schuift het "
                      "einde mee): " + " → ".join(pad) + ".")
    elif pad:
        regels.append(f"Het laatste besluit, {pad[0]}, wacht niet krap op een ander besluit: alleen de planning "
                      "van dit besluit zelf bepaalt wanneer alles besloten is.")
    if analyse.ongepland:
        regels.append(f"{len(analyse.ongepland)} besluit(en) hebben nog geen besluitmaand en tellen nog niet mee.")
    return regels


# -- starting rows ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sjabloon:
    sleutel: str
    partijtypen: tuple[str, ...]  # the first type present in the dossier decides the party
    wat: str
    orgaan: str
    maanden: tuple[int, int, int]  # beeldvorming, oordeelsvorming, besluit: months from now
    go_no_go: bool
    afhankelijk_van: tuple[str, ...] = ()


SJABLONEN: tuple[Sjabloon, ...] = (
    Sjabloon("warmtestrategie", ("gemeente",), "Keuze van de warmtestrategie voor de wijk", "college",
             (1, 2, 3), True),
    Sjabloon("advies_huurders", ("huurdersorganisatie",), "Advies over het renovatievoorstel",
             "huurdersorganisatie", (4, 5, 6), False, ("warmtestrategie",)),
    Sjabloon("instemming_huurders", ("woningcorporatie",),
             "Instemming van de huurders met het renovatievoorstel (70%-regeling)", "bewoners_70", (5, 7, 8), True,
             ("warmtestrategie", "advies_huurders")),
    Sjabloon("investering_corporatie", ("woningcorporatie",), "Investeringsbesluit over renovatie en aansluiting",
             "rvc_bestuur", (8, 9, 10), True, ("instemming_huurders",)),
    Sjabloon("vve_alv", ("vve",), "Besluit over verduurzaming in de ALV, met verhoogd quorum", "alv_vve",
             (4, 6, 7), True, ("warmtestrategie",)),
    Sjabloon("investering_warmte", ("warmtebedrijf",), "Investeringsbesluit over het warmtenet", "rvc_bestuur",
             (4, 7, 9), True, ("warmtestrategie",)),
    Sjabloon("netbeheerder", ("netbeheerder",), "Besluit over aanpassing van gas- en elektriciteitsnet in de wijk",
             "directie", (4, 6, 8), False, ("warmtestrategie",)),
    Sjabloon("concept_wup", ("gemeenteraad", "gemeente"), "Concept-wijkuitvoeringsplan naar de gemeenteraad",
             "gemeenteraad", (9, 11, 12), False,
             ("investering_corporatie", "vve_alv", "investering_warmte", "netbeheerder")),
)
SJABLOON = {s.sleutel: s for s in SJABLONEN}


def voorbeeld_opties(model: Besluitvorming, partijen: Sequence[Partij]) -> list[tuple[str, str, int]]:
    """(label, template key, party id) of the starting rows that fit this dossier: only for a party of the right
    kind that is in the dossier, and only once."""
    al = {b.sjabloon for b in model.besluiten if b.sjabloon}
    opties = []
    for sjabloon in SJABLONEN:
        if sjabloon.sleutel in al:
            continue
        partij = next((p for soort in sjabloon.partijtypen for p in partijen if p.type == soort), None)
        if partij is not None:
            opties.append((f"{partij.naam}: {sjabloon.wat} ({ORGAAN[sjabloon.orgaan].naam})", sjabloon.sleutel,
                           partij.id))
    return opties


def voeg_voorbeeld_toe(model: Besluitvorming, sleutel: str, partij_id: int, nieuw_id: str,
                       vandaag: date) -> Besluitvorming:
    """The form with a starting row: months counted from this month, depending on the starting rows already
    there that it usually waits for, and those that usually wait for it now depend on it (unless that would make
    a cycle with the team's own changes)."""
    sjabloon = SJABLOON.get(sleutel)
    if sjabloon is None:
        raise InvoerFout("Dit voorbeeldbesluit bestaat niet (meer); kies er een uit de lijst.")
    if any(b.sjabloon == sleutel for b in model.besluiten):
        raise InvoerFout("Dit voorbeeldbesluit staat al in de planning.")
    nu = maand_van_datum(vandaag)
    van_sjabloon = {b.sjabloon: b.id for b in model.besluiten if b.sjabloon}
    nieuw = Besluit(
        id=nieuw_id, wat=sjabloon.wat, partij_id=partij_id, orgaan=sjabloon.orgaan,
        beeldvorming=maand_tekst(nu + sjabloon.maanden[0]), oordeelsvorming=maand_tekst(nu + sjabloon.maanden[1]),
        besluit=maand_tekst(nu + sjabloon.maanden[2]), go_no_go=sjabloon.go_no_go,
        afhankelijk_van=tuple(van_sjabloon[s] for s in sjabloon.afhankelijk_van if s in van_sjabloon),
        sjabloon=sleutel,
    )
    uitkomst = Besluitvorming((*model.besluiten, nieuw))
    for besluit in model.besluiten:
        ander = SJABLOON.get(besluit.sjabloon or "")
        if ander is None or sleutel not in ander.afhankelijk_van:
            continue
        poging = met_besluit(uitkomst, replace(besluit, afhankelijk_van=(*besluit.afhankelijk_van, nieuw_id)))
        if not kring(poging.besluiten):
            uitkomst = poging
    return uitkomst
