"""Inspraak op het wijkuitvoeringsplan: what is open for inspraak, the inspraak moments, and the log of
reactions with what the team did with them (the reactienota).

The form is stored as one JSON document (SLEUTEL ``inspraak``). Reading is tolerant (an old, partial or
hand-edited form never fails, wrong fields are dropped one by one); saving is strict (``controleer_inspraak``
raises InvoerFout naming the field). Rows of our own (parts, moments, reactions) carry string ids of their
own, never store ids, so a JSON import needs no mapping.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from uuid import uuid4

from ..dossier import validatie
from ..dossier.model import Dossier, InvoerFout
from .afsprakennota import bestandsnaam as afspraken_bestandsnaam
from .afsprakennota import datum_nl, md_blok, md_inline

MAX_KORT = 200
MAX_TEKST = validatie.MAX_TOELICHTING
MAX_RIJEN = 100
MAX_MOMENTEN_ADVIES = 4

# status of a part of the plan
OPEN, VAST = "open", "vast"
STATUS_LABELS = {OPEN: "open voor inspraak", VAST: "ligt vast"}

# outcome of a reaction, in the order a reader expects them
UITKOMSTEN: tuple[tuple[str, str], ...] = (
    ("open", "nog open"),
    ("overgenomen", "overgenomen"),
    ("deels", "deels overgenomen"),
    ("niet", "niet overgenomen"),
)
UITKOMST_LABELS = dict(UITKOMSTEN)
NOG_OPEN = "open"

VORMEN: tuple[str, ...] = (
    "inloopavond", "keukentafelgesprek", "online reactieformulier", "spreekuur", "wijkwandeling",
    "schriftelijke zienswijze", "bewonersavond met tafels per onderwerp", "enquête op papier",
)
ONLINE_VORMEN = frozenset({"online reactieformulier"})

STANDAARD_ONDERDELEN: tuple[tuple[str, str], ...] = (
    ("warmtesysteem", "Keuze van het warmtesysteem"),
    ("fasering", "Fasering per buurt"),
    ("aansluitvoorwaarden", "Aansluitvoorwaarden en kosten voor bewoners"),
    ("openbare-ruimte", "Inrichting van straat en openbare ruimte"),
    ("koppelkansen", "Koppelkansen"),
)
ONBEKEND_THEMA = "(onderdeel niet meer in de lijst)"
GEEN_THEMA = "Zonder onderwerp"
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def nieuw_id(voorvoegsel: str) -> str:
    """An id of our own for a row in the form (never a store id)."""
    return f"{voorvoegsel}{uuid4().hex[:8]}"


# -- the model -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Onderdeel:
    """A part of the plan and whether residents can still influence it."""

    id: str
    naam: str
    status: str = ""  # "" = nog niet bepaald, OPEN or VAST
    reden: str = ""  # why it is fixed (required when VAST)


@dataclass(frozen=True)
class Moment:
    id: str
    vorm: str = ""
    onderdeel: str = ""  # id of an Onderdeel ("" = several/none)
    plek: str = ""
    datum: str = ""  # JJJJ-MM-DD or ""
    doelgroep: str = ""


@dataclass(frozen=True)
class Reactie:
    """One reaction, as a summary: never a resident's name."""

    id: str
    samenvatting: str = ""
    onderdeel: str = ""  # thema: id of an Onderdeel
    moment: str = ""  # id of a Moment
    antwoord: str = ""  # our answer / what we do with it
    uitkomst: str = NOG_OPEN


@dataclass(frozen=True)
class Inspraak:
    onderdelen: tuple[Onderdeel, ...] = field(
        default_factory=lambda: tuple(Onderdeel(i, n) for i, n in STANDAARD_ONDERDELEN))
    oneens: str = ""  # what happens when residents keep disagreeing
    momenten: tuple[Moment, ...] = ()
    reacties: tuple[Reactie, ...] = ()

    def als_dict(self) -> dict:
        return {
            "onderdelen": [{"id": o.id, "naam": o.naam, "status": o.status, "reden": o.reden}
                           for o in self.onderdelen],
            "oneens": self.oneens,
            "momenten": [{"id": m.id, "vorm": m.vorm, "onderdeel": m.onderdeel, "plek": m.plek, "datum": m.datum,
                          "doelgroep": m.doelgroep} for m in self.momenten],
            "reacties": [{"id": r.id, "samenvatting": r.samenvatting, "onderdeel": r.onderdeel, "moment": r.moment,
                          "antwoord": r.antwoord, "uitkomst": r.uitkomst} for r in self.reacties],
        }

    def onderdeel(self, onderdeel_id: str) -> Onderdeel | None:
        return next((o for o in self.onderdelen if o.id == onderdeel_id), None)

    def moment(self, moment_id: str) -> Moment | None:
        return next((m for m in self.momenten if m.id == moment_id), None)


# -- tolerant reading ----------------------------------------------------------------------
def _tekst(rij: dict, sleutel: str) -> str:
    waarde = rij.get(sleutel)
    return waarde if isinstance(waarde, str) else ""


def _rijen(gegevens: dict, sleutel: str) -> list[dict]:
    rijen = gegevens.get(sleutel)
    if not isinstance(rijen, list):
        return []
    return [r for r in rijen if isinstance(r, dict)][:MAX_RIJEN]


def _uniek_id(ruw: object, gezien: set[str], voorvoegsel: str) -> str:
    kandidaat = ruw if isinstance(ruw, str) and ruw.strip() else ""
    if not kandidaat or kandidaat in gezien:
        kandidaat = nieuw_id(voorvoegsel)
    gezien.add(kandidaat)
    return kandidaat


def lees_inspraak(gegevens: object) -> Inspraak:
    """The stored form as a model; unknown keys and wrong types are ignored field by field.

    Without a list of parts (a new form) the five usual parts are offered; an empty list stays empty."""
    if not isinstance(gegevens, dict):
        return Inspraak()
    gezien: set[str] = set()
    if isinstance(gegevens.get("onderdelen"), list):
        onderdelen = []
        for rij in _rijen(gegevens, "onderdelen"):
            naam = _tekst(rij, "naam").strip()
            if not naam:
                continue
            status = rij.get("status") if rij.get("status") in STATUS_LABELS else ""
            onderdelen.append(Onderdeel(_uniek_id(rij.get("id"), gezien, "o"), naam, status, _tekst(rij, "reden")))
        onderdelen_t = tuple(onderdelen)
    else:
        onderdelen_t = Inspraak().onderdelen
    # A link to a part or moment that is gone (a hand-edited import) is dropped, so the next save works.
    onderdeel_ids = {o.id for o in onderdelen_t}

    def onderdeel(rij: dict) -> str:
        waarde = _tekst(rij, "onderdeel")
        return waarde if waarde in onderdeel_ids else ""

    momenten = tuple(
        Moment(_uniek_id(rij.get("id"), gezien, "m"), _tekst(rij, "vorm"), onderdeel(rij),
               _tekst(rij, "plek"), _tekst(rij, "datum"), _tekst(rij, "doelgroep"))
        for rij in _rijen(gegevens, "momenten")
    )
    moment_ids = {m.id for m in momenten}
    reacties = tuple(
        Reactie(_uniek_id(rij.get("id"), gezien, "r"), _tekst(rij, "samenvatting"), onderdeel(rij),
                _tekst(rij, "moment") if _tekst(rij, "moment") in moment_ids else "", _tekst(rij, "antwoord"),
                rij.get("uitkomst") if rij.get("uitkomst") in UITKOMST_LABELS else NOG_OPEN)
        for rij in _rijen(gegevens, "reacties")
    )
    return Inspraak(onderdelen_t, _tekst(gegevens, "oneens"), momenten, reacties)


def is_ingevuld(inspraak: Inspraak) -> bool:
    """Has the team filled in anything beyond the suggested list of parts?"""
    return (inspraak.onderdelen != Inspraak().onderdelen or bool(inspraak.oneens.strip())
            or bool(inspraak.momenten) or bool(inspraak.reacties))


def bestandsnaam(dossier: Dossier) -> str:
    """'reactienota-<wijk>.md', built like the afsprakennota's name."""
    return "reactienota-" + afspraken_bestandsnaam(dossier).removeprefix("afsprakennota-")


# -- the count other exercises use ---------------------------------------------------------
@dataclass(frozen=True)
class InspraakStand:
    momenten: int  # planned inspraak moments
    reacties: int  # reactions recorded
    open: int  # reactions without an answer/outcome yet


def is_open(reactie: Reactie) -> bool:
    """A reaction still needs work while its outcome is 'nog open' or nobody has answered it yet."""
    return reactie.uitkomst == NOG_OPEN or not reactie.antwoord.strip()


def inspraak_stand(gegevens: dict) -> InspraakStand:
    """How far the inspraak is, from the stored form (tolerant: ``{}`` gives all zero)."""
    inspraak = lees_inspraak(gegevens)
    return InspraakStand(len(inspraak.momenten), len(inspraak.reacties),
                         sum(1 for r in inspraak.reacties if is_open(r)))


# -- strict checking -----------------------------------------------------------------------
def _datum(waarde: str, veld: str) -> str:
    tekst = validatie.schone_tekst(waarde, veld, maximum=MAX_KORT)
    if not tekst:
        return ""
    try:
        if not _DATUM.match(tekst):
            raise ValueError
        date.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout(f"{veld} moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld 2026-03-14.") from None
    return tekst


def controleer_inspraak(inspraak: Inspraak) -> Inspraak:
    """The cleaned form, or InvoerFout with a Dutch message that names the field."""
    for soort, rijen in (("onderdelen", inspraak.onderdelen), ("inspraakmomenten", inspraak.momenten),
                         ("reacties", inspraak.reacties)):
        if len(rijen) > MAX_RIJEN:
            raise InvoerFout(f"Te veel {soort} ({len(rijen)}); maximaal {MAX_RIJEN}.")
    onderdelen: list[Onderdeel] = []
    namen: set[str] = set()
    for nr, o in enumerate(inspraak.onderdelen, 1):
        naam = validatie.schone_tekst(o.naam, f"De naam van onderdeel {nr}", maximum=MAX_KORT, verplicht=True)
        if validatie.naam_sleutel(naam) in namen:
            raise InvoerFout(f"Het onderdeel '{naam}' staat er al; geef elk onderdeel een eigen naam.")
        namen.add(validatie.naam_sleutel(naam))
        if o.status not in ("", OPEN, VAST):
            raise InvoerFout(f"Kies bij '{naam}' of het open staat voor inspraak of vastligt.")
        reden = validatie.schone_tekst(o.reden, f"De reden bij '{naam}'", maximum=MAX_TEKST)
        if o.status == VAST and not reden:
            raise InvoerFout(f"'{naam}' ligt vast: schrijf erbij waarom, zodat bewoners dat begrijpen.")
        onderdelen.append(Onderdeel(o.id, naam, o.status, reden))
    oneens = validatie.schone_tekst(inspraak.oneens, "Wat als bewoners het oneens blijven", maximum=MAX_TEKST)
    ids = {o.id for o in onderdelen}

    momenten: list[Moment] = []
    for nr, m in enumerate(inspraak.momenten, 1):
        vorm = validatie.schone_tekst(m.vorm, f"De vorm van inspraakmoment {nr}", maximum=MAX_KORT, verplicht=True)
        if m.onderdeel and m.onderdeel not in ids:
            raise InvoerFout(f"Het onderwerp van inspraakmoment {nr} staat niet meer in de lijst; kies opnieuw.")
        momenten.append(Moment(
            m.id, vorm, m.onderdeel,
            validatie.schone_tekst(m.plek, f"De plek van inspraakmoment {nr}", maximum=MAX_KORT),
            _datum(m.datum, f"De datum van inspraakmoment {nr}"),
            validatie.schone_tekst(m.doelgroep, f"De doelgroep van inspraakmoment {nr}", maximum=MAX_KORT),
        ))
    moment_ids = {m.id for m in momenten}

    reacties: list[Reactie] = []
    for nr, r in enumerate(inspraak.reacties, 1):
        samenvatting = validatie.schone_tekst(r.samenvatting, f"De samenvatting van reactie {nr}",
                                              maximum=MAX_TEKST, verplicht=True)
        if r.onderdeel and r.onderdeel not in ids:
            raise InvoerFout(f"Het thema van reactie {nr} staat niet meer in de lijst; kies opnieuw.")
        if r.moment and r.moment not in moment_ids:
            raise InvoerFout(f"Het inspraakmoment van reactie {nr} staat niet meer in de lijst; kies opnieuw.")
        if r.uitkomst not in UITKOMST_LABELS:
            raise InvoerFout(f"Kies bij reactie {nr} een uitkomst uit de lijst.")
        antwoord = validatie.schone_tekst(r.antwoord, f"Ons antwoord op reactie {nr}", maximum=MAX_TEKST)
        if r.uitkomst == "niet" and not antwoord:
            raise InvoerFout(f"Reactie {nr} is niet overgenomen: leg in het antwoord uit waarom.")
        reacties.append(Reactie(r.id, samenvatting, r.onderdeel, r.moment, antwoord, r.uitkomst))
    return Inspraak(tuple(onderdelen), oneens, tuple(momenten), tuple(reacties))


def met_rij(inspraak: Inspraak, rij: Onderdeel | Moment | Reactie) -> Inspraak:
    """The form with ``rij`` in place of the row with the same id, or added at the end when it is new."""
    veld = {Onderdeel: "onderdelen", Moment: "momenten", Reactie: "reacties"}[type(rij)]
    rijen = getattr(inspraak, veld)
    bestaat = any(r.id == rij.id for r in rijen)
    return replace(inspraak, **{veld: tuple(rij if r.id == rij.id else r for r in rijen) if bestaat else (*rijen, rij)})


def verwijder_reactie(inspraak: Inspraak, reactie_id: str) -> Inspraak:
    return replace(inspraak, reacties=tuple(r for r in inspraak.reacties if r.id != reactie_id))


def verwijder_onderdeel(inspraak: Inspraak, onderdeel_id: str) -> Inspraak:
    """Without that part; moments and reactions about it keep their text but lose the link."""
    return Inspraak(
        tuple(o for o in inspraak.onderdelen if o.id != onderdeel_id), inspraak.oneens,
        tuple(replace(m, onderdeel="") if m.onderdeel == onderdeel_id else m for m in inspraak.momenten),
        tuple(replace(r, onderdeel="") if r.onderdeel == onderdeel_id else r for r in inspraak.reacties),
    )


def verwijder_moment(inspraak: Inspraak, moment_id: str) -> Inspraak:
    """Without that moment; reactions from it are kept (without the link)."""
    return replace(
        inspraak, momenten=tuple(m for m in inspraak.momenten if m.id != moment_id),
        reacties=tuple(replace(r, moment="") if r.moment == moment_id else r for r in inspraak.reacties),
    )


# -- advice on the moments -----------------------------------------------------------------
def adviezen(inspraak: Inspraak) -> list[str]:
    """Friendly advice on the planned moments (empty when there is nothing to say)."""
    uit: list[str] = []
    momenten = inspraak.momenten
    if len(momenten) > MAX_MOMENTEN_ADVIES:
        uit.append(f"Je plant {len(momenten)} inspraakmomenten. Houd het aantal beperkt, zodat bewoners niet "
                   "overvraagd worden; kun je momenten combineren?")
    vormen = {m.vorm.strip().casefold() for m in momenten if m.vorm.strip()}
    if vormen and vormen <= ONLINE_VORMEN:
        uit.append("Alle momenten zijn online. Bied ook een andere manier om te reageren, bijvoorbeeld een "
                   "inloopavond of spreekuur in de wijk, zodat ook bewoners zonder computer meedoen.")
    for m in momenten:
        onderdeel = inspraak.onderdeel(m.onderdeel)
        if onderdeel is not None and onderdeel.status == VAST:
            uit.append(f"Een {m.vorm or 'moment'} gaat over '{onderdeel.naam}', maar dat ligt vast. Vraag bewoners "
                       "niet om mee te beslissen over iets wat niet meer kan veranderen; maak er een "
                       "informatiemoment van of kies een onderwerp dat open staat.")
    return uit


# -- analysis of the reactions -------------------------------------------------------------
def themanaam(inspraak: Inspraak, onderdeel_id: str) -> str:
    if not onderdeel_id:
        return GEEN_THEMA
    onderdeel = inspraak.onderdeel(onderdeel_id)
    return onderdeel.naam if onderdeel else ONBEKEND_THEMA


def momentnaam(inspraak: Inspraak, moment_id: str) -> str:
    """'inloopavond, 14 maart 2026, buurthuis' for a moment; '' when none is linked."""
    if not moment_id:
        return ""
    moment = inspraak.moment(moment_id)
    if moment is None:
        return "(moment niet meer in de lijst)"
    return ", ".join(d for d in (moment.vorm, datum_tekst(moment.datum), moment.plek) if d)


def datum_tekst(datum: str) -> str:
    """'14 maart 2026' for a stored 'JJJJ-MM-DD'; anything else as it is."""
    try:
        return datum_nl(date.fromisoformat(datum)) if _DATUM.match(datum) else datum
    except ValueError:
        return datum


def telling(inspraak: Inspraak) -> dict[str, dict[str, int]]:
    """Reactions per thema × uitkomst: {thema name: {uitkomst: count}} in the order of the parts, with every
    uitkomst present; reactions without a (known) part come last."""
    volgorde = [o.naam for o in inspraak.onderdelen]
    tellers: dict[str, Counter] = {}
    for r in inspraak.reacties:
        tellers.setdefault(themanaam(inspraak, r.onderdeel), Counter())[r.uitkomst] += 1
    namen = [n for n in volgorde if n in tellers] + [n for n in tellers if n not in volgorde]
    return {n: {u: tellers[n][u] for u, _label in UITKOMSTEN} for n in namen}


def open_reacties(inspraak: Inspraak) -> list[Reactie]:
    return [r for r in inspraak.reacties if is_open(r)]


def reactienota(inspraak: Inspraak, titel: str = "", datum: date | None = None) -> str:
    """The reactienota as Markdown: per thema the reactions with our answer, so residents see what happened
    with what they said. User text is escaped; a reaction without an answer says so instead of inventing one."""
    delen = [f"# Reactienota inspraak wijkuitvoeringsplan{': ' + md_inline(titel) if titel.strip() else ''}"]
    inleiding = ("Per onderwerp staan hier de reacties op het wijkuitvoeringsplan en wat we ermee doen. De reacties "
                 "zijn samengevat, zonder namen.")
    if datum is not None:
        inleiding = f"Stand van {datum_nl(datum)}. {inleiding}"
    delen.append(inleiding)
    if not inspraak.reacties:
        delen.append("_Er zijn nog geen reacties vastgelegd._")
    else:
        tel = telling(inspraak)
        totaal = len(inspraak.reacties)
        per_uitkomst = Counter(r.uitkomst for r in inspraak.reacties)
        samen = ", ".join(f"{per_uitkomst[u]} {label}" for u, label in UITKOMSTEN if per_uitkomst[u])
        delen.append(f"In totaal {totaal} {'reactie' if totaal == 1 else 'reacties'}: {samen}.")
        for naam in tel:
            delen.append(f"## {md_inline(naam)}")
            onderdeel = next((o for o in inspraak.onderdelen if o.naam == naam), None)
            if onderdeel is not None and onderdeel.status == VAST:
                delen.append(f"Dit onderdeel lag vast: {md_inline(onderdeel.reden)}")
            regels = []
            for r in inspraak.reacties:
                if themanaam(inspraak, r.onderdeel) != naam:
                    continue
                via = momentnaam(inspraak, r.moment)
                via = f" (via {md_inline(via)})" if via else ""
                antwoord = md_inline(r.antwoord) if r.antwoord.strip() else "_nog niet beantwoord_"
                regels += [f"- **Reactie**{via}: {md_inline(r.samenvatting)}",
                           f"  - **Uitkomst**: {UITKOMST_LABELS[r.uitkomst]}",
                           f"  - **Ons antwoord**: {antwoord}"]
            delen.append("\n".join(regels))
    if inspraak.oneens.strip():
        delen.append("## Als bewoners het oneens blijven")
        delen.append(md_blok(inspraak.oneens))
    return "\n\n".join(delen) + "\n"
