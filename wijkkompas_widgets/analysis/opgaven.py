"""Transitieopgaven for one wijk: urgency and ambition per opgave, and hints from the wijkprofiel.

A hint puts one CBS figure beside the opgave it bears on, with the gemeente and NL value, so the team
scores urgency on facts rather than on impressions. The interpretations are deliberately cautious
("meestal", "controleer"): a figure starts the conversation, it does not decide it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dossier.model import InvoerFout
from ..dossier.validatie import schone_tekst

MAX_TOELICHTING = 500
DREMPEL = 0.10  # a wijk counts as 'hoger' or 'lager' when it differs more than 10 % from the reference


@dataclass(frozen=True)
class Beoordeling:
    """The team's view of one opgave in this wijk; ``None`` means not yet scored."""

    opgave_id: str
    urgentie: int | None = None
    ambitie: int | None = None
    toelichting: str = ""

    def als_dict(self) -> dict:
        return {"urgentie": self.urgentie, "ambitie": self.ambitie, "toelichting": self.toelichting}


def beoordelingen_uit_dict(gegevens: dict, opgave_ids: list[str]) -> dict[str, Beoordeling]:
    """Read the saved form tolerantly: unknown opgaven are dropped, bad values become 'not scored'."""
    resultaat = {}
    for opgave_id in opgave_ids:
        item = gegevens.get(opgave_id) if isinstance(gegevens.get(opgave_id), dict) else {}
        resultaat[opgave_id] = Beoordeling(
            opgave_id,
            _schaalwaarde_of_none(item.get("urgentie")),
            _schaalwaarde_of_none(item.get("ambitie")),
            str(item.get("toelichting") or ""),
        )
    return resultaat


def _schaalwaarde_of_none(waarde: object) -> int | None:
    return waarde if isinstance(waarde, int) and not isinstance(waarde, bool) and 1 <= waarde <= 5 else None


def controleer_beoordeling(beoordeling: Beoordeling, opgave_ids: list[str]) -> Beoordeling:
    """Refuse anything the UI should never send; the message says what to do."""
    if beoordeling.opgave_id not in opgave_ids:
        raise InvoerFout("Deze transitieopgave bestaat niet in het werkboek.")
    for naam, waarde in (("urgentie", beoordeling.urgentie), ("ambitie", beoordeling.ambitie)):
        if waarde is not None and _schaalwaarde_of_none(waarde) is None:
            raise InvoerFout(f"Kies voor de {naam} een waarde van 1 tot en met 5, of laat hem leeg.")
    toelichting = schone_tekst(beoordeling.toelichting, "De toelichting", maximum=MAX_TOELICHTING)
    return Beoordeling(beoordeling.opgave_id, beoordeling.urgentie, beoordeling.ambitie, toelichting)


@dataclass(frozen=True)
class Aandachtspunt:
    opgave_id: str
    tekst: str


def aandachtspunten(beoordelingen: dict[str, Beoordeling], namen: dict[str, str]) -> list[Aandachtspunt]:
    """Where urgency and ambition pull apart: worth a conversation before phase 3."""
    punten = []
    for opgave_id, b in beoordelingen.items():
        if b.urgentie is None or b.ambitie is None:
            continue
        naam = namen.get(opgave_id, opgave_id)
        if b.urgentie >= 4 and b.ambitie <= 2:
            punten.append(Aandachtspunt(opgave_id, (
                f"{naam}: de urgentie is hoog, maar de ambitie laag. Bespreek of jullie dit bewust laten liggen "
                "en wie er dan wel mee aan de slag gaat."
            )))
        elif b.ambitie >= 4 and b.urgentie <= 2:
            punten.append(Aandachtspunt(opgave_id, (
                f"{naam}: de ambitie is hoog terwijl de urgentie laag is. Leg vast waarom jullie hier toch "
                "op inzetten; dat helpt bij de keuzes in fase 3."
            )))
    return punten


def ingevuld(beoordelingen: dict[str, Beoordeling]) -> int:
    """How many opgaven have both urgency and ambition."""
    return sum(1 for b in beoordelingen.values() if b.urgentie is not None and b.ambitie is not None)


# -- hints from the wijkprofiel ---------------------------------------------------------------
@dataclass(frozen=True)
class HintRegel:
    """Which figure bears on an opgave, and what a higher or lower value than usual may mean."""

    key: str
    hoger: str
    lager: str


HINT_REGELS: dict[str, tuple[HintRegel, ...]] = {
    "energietransitie": (
        HintRegel("gem_aardgas",
                  "Er wordt meer gas gestookt dan gemiddeld: isoleren en een andere warmtebron leveren hier veel op.",
                  "Er wordt minder gas gestookt dan gemiddeld. Misschien is een deel al aangesloten op een "
                  "warmtenet of goed geïsoleerd; controleer dat."),
        HintRegel("pct_bouwjaar_na_2000",
                  "Relatief veel woningen van na 2000: die zijn meestal al redelijk geïsoleerd.",
                  "Weinig woningen van na 2000: de meeste woningen vragen eerst om isolatie."),
        HintRegel("pct_huurcorporatie",
                  "Veel corporatiebezit: de corporatie kan met renovatie per complex het tempo bepalen.",
                  "Weinig corporatiebezit: de aanpak hangt vooral af van eigenaar-bewoners en particuliere "
                  "verhuurders."),
        HintRegel("pct_stadsverwarming",
                  "Er is meer stadsverwarming dan gemiddeld: een bestaand warmtenet kan een vertrekpunt zijn.",
                  "Weinig stadsverwarming: een warmtenet zou hier nieuw aangelegd moeten worden."),
    ),
    "klimaatadaptatie": (
        HintRegel("bevolkingsdichtheid",
                  "Dicht bebouwd: vaak veel verharding, dus meer kans op hitte en wateroverlast.",
                  "Ruimer opgezet: er is vaak plek voor groen en het opvangen van regenwater."),
        HintRegel("65plus",
                  "Relatief veel 65-plussers: zij hebben meer last van hitte in huis en op straat.",
                  "Relatief weinig 65-plussers: hitte raakt hier minder kwetsbare bewoners."),
    ),
    "natuurinclusiviteit": (
        HintRegel("pct_eengezins",
                  "Veel eengezinswoningen, dus veel tuinen: een kans voor groen en biodiversiteit.",
                  "Vooral appartementen: meer groen moet uit de openbare ruimte, daken en gevels komen."),
        HintRegel("bevolkingsdichtheid",
                  "Weinig ruimte per bewoner: groen moet slim gecombineerd worden met andere functies.",
                  "Er is relatief veel ruimte: kansen voor grotere groene verbindingen."),
    ),
    "mobiliteit": (
        HintRegel("auto_per_huishouden",
                  "Meer auto's per huishouden dan gemiddeld: parkeren en laadpunten vragen veel ruimte.",
                  "Minder auto's per huishouden dan gemiddeld: ruimte voor fiets, lopen en deelmobiliteit."),
        HintRegel("bevolkingsdichtheid",
                  "Dicht op elkaar: ruimte in de straat voor parkeren en laadpalen is schaars.",
                  "Ruim opgezet: laadpunten en parkeren zijn makkelijker in te passen."),
    ),
    "verstedelijking": (
        HintRegel("pct_bouwjaar_na_2000",
                  "Er is de laatste decennia veel gebouwd: de wijk verandert al.",
                  "Er is sinds 2000 weinig gebouwd: vernieuwing of verdichting kan een koppelkans zijn."),
        HintRegel("gem_huishouden_grootte",
                  "Grotere huishoudens dan gemiddeld: vraag naar gezinswoningen.",
                  "Kleinere huishoudens dan gemiddeld: vraag naar kleinere woningen en voorzieningen dichtbij."),
    ),
    "sociaaleconomisch": (
        HintRegel("gem_inkomen_inwoner",
                  "Hoger inkomen dan gemiddeld: meer bewoners kunnen zelf investeren.",
                  "Lager inkomen dan gemiddeld: let op betaalbaarheid, energiearmoede ligt op de loer."),
        HintRegel("pct_rond_sociaal_min",
                  "Meer huishoudens rond het sociaal minimum: energielasten drukken hier zwaar.",
                  "Minder huishoudens rond het sociaal minimum dan gemiddeld."),
        HintRegel("arbeidsparticipatie",
                  "Meer mensen aan het werk dan gemiddeld.",
                  "Minder mensen aan het werk dan gemiddeld: kansen voor werk en scholing in de transitie."),
    ),
}


@dataclass(frozen=True)
class Hint:
    opgave_id: str
    key: str
    label: str
    cijfers: str  # 'wijk 800 m³ · gemeente 850 m³ · Nederland 1.170 m³'
    richting: str  # 'hoger', 'lager' or 'gelijk'
    duiding: str
    vergeleken_met: str = "landelijk"  # or 'in de gemeente' when the NL value is unknown


def richting(waarde: float | None, referentie: float | None, drempel: float = DREMPEL) -> str | None:
    """'hoger', 'lager' or 'gelijk' than the reference, or None when a value is unknown."""
    if waarde is None or referentie is None or referentie == 0:
        return None
    verschil = (waarde - referentie) / abs(referentie)
    if verschil > drempel:
        return "hoger"
    if verschil < -drempel:
        return "lager"
    return "gelijk"


def hints_voor_opgaven(profiel, opmaak) -> dict[str, list[Hint]]:
    """Per opgave the figures of this wijk that bear on it, compared with NL (or the gemeente when NL is
    unknown). ``profiel`` is an ``analysis.wijkprofiel.Wijkprofiel``; ``opmaak(key, waarde)`` formats."""
    hints: dict[str, list[Hint]] = {}
    if profiel is None:
        return hints
    for opgave_id, regels in HINT_REGELS.items():
        for regel in regels:
            rij = profiel.regel(regel.key)
            if rij is None or rij.wijk is None:
                continue
            referentie = rij.nederland if rij.nederland is not None else rij.gemeente
            waar = "landelijk" if rij.nederland is not None else "in de gemeente"
            kant = richting(rij.wijk, referentie)
            if kant is None:
                continue
            duiding = {"hoger": regel.hoger, "lager": regel.lager}.get(kant, f"Ongeveer gelijk aan {waar}.")
            cijfers = " · ".join([
                f"wijk {opmaak(rij.key, rij.wijk)}",
                f"gemeente {opmaak(rij.key, rij.gemeente)}",
                f"Nederland {opmaak(rij.key, rij.nederland)}",
            ])
            hints.setdefault(opgave_id, []).append(Hint(opgave_id, rij.key, rij.label, cijfers, kant, duiding, waar))
    return hints
