"""Phase 4 towards the wijkuitvoeringsplan (WUP): the final decision per koppelkans ('Keuzes maken over te
verbinden opgaven') and the joint decision on the concept-WUP ('Gezamenlijke besluitvorming over het
concept-wijkuitvoeringsplan').

Both are one JSON form per dossier (SLEUTEL ``te_verbinden`` and ``concept_wup``). Reading is tolerant: an old,
partial or hand-edited form never fails, a wrong field is dropped on its own. Saving is strict: the
``controleer_*`` functions raise InvoerFout naming the field, and then nothing is saved. Store rows are
referred to only as integers under ``koppelkans_id``, ``partij_id`` and ``partij_ids`` (the JSON import maps
exactly those keys); a koppelkans or party deleted later shows as '(verwijderde …)', never as an error.

Everything here is pure: the widgets read the store and pass plain values in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from uuid import uuid4

from ..dossier import validatie
from ..dossier.model import InvoerFout
from .afsprakennota import md_inline

SLEUTEL_TE_VERBINDEN = "te_verbinden"
SLEUTEL_CONCEPT_WUP = "concept_wup"
KNOOPPUNT_TE_VERBINDEN = "f4-te-verbinden-opgaven"
KNOOPPUNT_CONCEPT_WUP = "f4-concept-wup"
MAX_KORT = 200
MAX_TEKST = validatie.MAX_TOELICHTING
MAX_RIJEN = 100
JAAR_MIN, JAAR_MAX = 2020, 2060
VERWIJDERDE_KANS = "(verwijderde koppelkans)"
VERWIJDERDE_PARTIJ = "(verwijderde partij)"
BRON = ("Wijkkompas (wijkkompas.nl), knooppunten 'Keuzes maken over te verbinden opgaven', 'Gezamenlijke "
        "besluitvorming over het concept-wijkuitvoeringsplan' en 'Wijkuitvoeringsplan naar de raad'. In eigen woorden.")

# (key stored in the form, label shown to the user)
BESLUITEN: tuple[tuple[str, str], ...] = (
    ("meenemen", "Meenemen in het WUP"),
    ("later", "Later oppakken"),
    ("laten-vallen", "Laten vallen"),
)
BESLUIT_LABELS = dict(BESLUITEN)
FINANCIERINGEN: tuple[tuple[str, str], ...] = (
    ("geregeld", "Geregeld"),
    ("in-aanvraag", "In aanvraag"),
    ("onbekend", "Nog onbekend"),
)
FINANCIERING_LABELS = dict(FINANCIERINGEN)
STANDPUNTEN: tuple[tuple[str, str], ...] = (
    ("niet-besproken", "Nog niet besproken"),
    ("akkoord", "Akkoord"),
    ("voorbehoud", "Akkoord met voorbehoud"),
    ("niet-akkoord", "Niet akkoord"),
)
STANDPUNT_LABELS = dict(STANDPUNTEN)
# a symbol with every position, so it is never colour alone
STANDPUNT_TEKENS = {"niet-besproken": "○", "akkoord": "✔", "voorbehoud": "◐", "niet-akkoord": "✖"}
_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KENMERK = re.compile(r"^WUP-[0-9a-f]{8}$")


def _is_id(waarde: object) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _uit(waarde: object, labels: Mapping[str, str]) -> str | None:
    """``waarde`` when it is one of the keys of ``labels`` (a list or a dict from a hand edit is not)."""
    return waarde if isinstance(waarde, str) and waarde in labels else None


def _tekst(waarde: object) -> str:
    return waarde if isinstance(waarde, str) else ""


def _ids(waarde: object) -> tuple[int, ...]:
    if not isinstance(waarde, list):
        return ()
    return tuple(dict.fromkeys(i for i in waarde if _is_id(i)))


def _kort(tekst: str, maximum: int) -> str:
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1].rstrip(" ,;") + "…"


def partijnaam(partij_id: int | None, namen: Mapping[int, str]) -> str:
    """The party's name, or '(verwijderde partij)' when it is no longer in the dossier."""
    return namen.get(partij_id, VERWIJDERDE_PARTIJ) if partij_id is not None else ""


def datum_tekst(iso: str) -> str:
    """'2027-03-12' as '12-03-2027'; an empty or unreadable date as ''."""
    try:
        return f"{date.fromisoformat(iso):%d-%m-%Y}" if iso else ""
    except ValueError:
        return ""


# == 1. Keuzes over te verbinden opgaven =========================================================
@dataclass(frozen=True)
class KansKeuze:
    """The final decision on one koppelkans. ``eigenaar`` is stored as ``partij_id``, ``partners`` as
    ``partij_ids``. ``besluit`` None means: no decision yet."""

    koppelkans_id: int
    besluit: str | None = None
    eigenaar: int | None = None
    partners: tuple[int, ...] = ()
    financiering: str | None = None
    geld: str = ""  # an amount or where the money comes from
    jaar: int | None = None
    onderbouwing: str = ""
    vastgelegd: bool = False

    def als_dict(self) -> dict:
        return {"koppelkans_id": self.koppelkans_id, "besluit": self.besluit, "partij_id": self.eigenaar,
                "partij_ids": list(self.partners), "financiering": self.financiering, "geld": self.geld,
                "jaar": self.jaar, "onderbouwing": self.onderbouwing, "vastgelegd": self.vastgelegd}

    @property
    def is_wens(self) -> bool:
        """'Meenemen' without an owner or without money is still a wish, not a plan."""
        return self.besluit == "meenemen" and (self.eigenaar is None or self.financiering in (None, "onbekend"))


@dataclass(frozen=True)
class TeVerbinden:
    kansen: tuple[KansKeuze, ...] = ()

    def als_dict(self) -> dict:
        return {"kansen": [k.als_dict() for k in self.kansen]}

    def keuze(self, koppelkans_id: int) -> KansKeuze | None:
        return next((k for k in self.kansen if k.koppelkans_id == koppelkans_id), None)

    def met(self, nieuw: KansKeuze) -> TeVerbinden:
        """This form with ``nieuw`` in place of the row for the same koppelkans (or added at the end)."""
        if self.keuze(nieuw.koppelkans_id) is None:
            return TeVerbinden((*self.kansen, nieuw))
        return TeVerbinden(tuple(nieuw if k.koppelkans_id == nieuw.koppelkans_id else k for k in self.kansen))

    def zonder(self, koppelkans_id: int) -> TeVerbinden:
        return TeVerbinden(tuple(k for k in self.kansen if k.koppelkans_id != koppelkans_id))

    def partij_verwijzingen(self) -> set[int]:
        return {i for k in self.kansen for i in (k.eigenaar, *k.partners) if i is not None}


def lees_te_verbinden(gegevens: object) -> TeVerbinden:
    """The saved form, tolerant: unknown keys are ignored, a wrong field is left empty, a row without a
    usable koppelkans_id (or a second row for the same one) is dropped."""
    rijen = gegevens.get("kansen") if isinstance(gegevens, Mapping) else None
    kansen: dict[int, KansKeuze] = {}
    for rij in rijen if isinstance(rijen, list) else ():
        if not isinstance(rij, Mapping) or not _is_id(rij.get("koppelkans_id")) or rij["koppelkans_id"] in kansen:
            continue
        jaar = rij.get("jaar")
        kansen[rij["koppelkans_id"]] = KansKeuze(
            koppelkans_id=rij["koppelkans_id"],
            besluit=_uit(rij.get("besluit"), BESLUIT_LABELS),
            eigenaar=rij.get("partij_id") if _is_id(rij.get("partij_id")) else None,
            partners=_ids(rij.get("partij_ids")),
            financiering=_uit(rij.get("financiering"), FINANCIERING_LABELS),
            geld=_tekst(rij.get("geld")),
            jaar=jaar if _is_id(jaar) and JAAR_MIN <= jaar <= JAAR_MAX else None,
            onderbouwing=_tekst(rij.get("onderbouwing")),
            vastgelegd=rij.get("vastgelegd") is True,
        )
        if len(kansen) >= MAX_RIJEN:
            break
    return TeVerbinden(tuple(kansen.values()))


def controleer_kanskeuze(keuze: KansKeuze, titel: str, partij_ids: set[int]) -> KansKeuze:
    """One row, cleaned, or InvoerFout naming the field (``titel`` is the koppelkans in the message)."""
    waar = f" bij '{titel}'"
    if not _is_id(keuze.koppelkans_id):
        raise InvoerFout("Kies een koppelkans uit het register.")
    if keuze.besluit is not None and _uit(keuze.besluit, BESLUIT_LABELS) is None:
        raise InvoerFout(f"Kies{waar} een besluit: meenemen, later oppakken of laten vallen.")
    if keuze.financiering is not None and _uit(keuze.financiering, FINANCIERING_LABELS) is None:
        raise InvoerFout(f"Kies{waar} bij de financiering: geregeld, in aanvraag of nog onbekend.")
    if keuze.jaar is not None and (not _is_id(keuze.jaar) or not JAAR_MIN <= keuze.jaar <= JAAR_MAX):
        raise InvoerFout(f"Het jaar in de planning{waar} ligt tussen {JAAR_MIN} en {JAAR_MAX}.")
    geld = validatie.schone_tekst(keuze.geld, f"Het bedrag of de bron{waar}", maximum=MAX_KORT)
    onderbouwing = validatie.schone_tekst(keuze.onderbouwing, f"De onderbouwing{waar}", maximum=MAX_TEKST)
    if keuze.besluit is not None and not onderbouwing:
        raise InvoerFout(f"Schrijf{waar} een onderbouwing bij '{BESLUIT_LABELS[keuze.besluit]}'; ook wat niet "
                         "doorgaat krijgt er een. Het besluit is nog niet opgeslagen.")
    onbekend = [i for i in (keuze.eigenaar, *keuze.partners) if i is not None and (not _is_id(i) or
                                                                                  i not in partij_ids)]
    if onbekend:
        raise InvoerFout(f"Een eigenaar of partner{waar} staat niet (meer) in dit dossier; kies opnieuw.")
    partners = tuple(dict.fromkeys(p for p in keuze.partners if p != keuze.eigenaar))
    if len(partners) > MAX_RIJEN:
        raise InvoerFout(f"Kies{waar} hoogstens {MAX_RIJEN} partners.")
    return replace(keuze, partners=partners, geld=geld, onderbouwing=onderbouwing,
                   vastgelegd=bool(keuze.vastgelegd))


def controleer_te_verbinden(model: TeVerbinden, titels: Mapping[int, str], partij_ids: set[int]) -> TeVerbinden:
    """The whole form, cleaned, or InvoerFout. ``partij_ids`` are the parties one may choose; the widget adds
    the ids already saved, so a party deleted later does not block saving the other rows."""
    if len(model.kansen) > MAX_RIJEN:
        raise InvoerFout(f"Zet hoogstens {MAX_RIJEN} koppelkansen op de lijst.")
    gezien: set[int] = set()
    schoon = []
    for keuze in model.kansen:
        if keuze.koppelkans_id in gezien:
            raise InvoerFout("Een koppelkans staat twee keer op de lijst; er is niets opgeslagen.")
        gezien.add(keuze.koppelkans_id)
        schoon.append(controleer_kanskeuze(keuze, titels.get(keuze.koppelkans_id, VERWIJDERDE_KANS), partij_ids))
    return TeVerbinden(tuple(schoon))


@dataclass(frozen=True)
class KansRij:
    """One koppelkans on the list of this exercise, with what phase 3 said about it."""

    koppelkans_id: int
    titel: str
    fase3: str | None  # 'gekozen', 'niet' or None; None too for a deleted koppelkans
    in_top: bool
    keuze: KansKeuze
    bestaat: bool = True
    extra: bool = False  # added by the team (not chosen and not in the top 3 of phase 3)


def kansen_op_de_lijst(kansen: Iterable, top_ids: Iterable[int], model: TeVerbinden) -> list[KansRij]:
    """The list to decide on: every koppelkans chosen in phase 3, the top 3 of phase 3 unless phase 3 dropped
    them, and the ones the team added (rows in the form), in the register's order; rows of koppelkansen that
    were deleted since come last as '(verwijderde koppelkans)'. ``kansen`` are objects with ``id``, ``titel``
    and ``besluit`` (the store's Koppelkans)."""
    top = set(top_ids)
    rijen: list[KansRij] = []
    bekend: set[int] = set()
    for kans in kansen:
        bekend.add(kans.id)
        keuze = model.keuze(kans.id)
        vanzelf = kans.besluit == "gekozen" or (kans.id in top and kans.besluit != "niet")
        if vanzelf or keuze is not None:
            rijen.append(KansRij(kans.id, kans.titel, kans.besluit, kans.id in top, keuze or KansKeuze(kans.id),
                                 extra=not vanzelf))
    for keuze in model.kansen:
        if keuze.koppelkans_id not in bekend:
            rijen.append(KansRij(keuze.koppelkans_id, VERWIJDERDE_KANS, None, False, keuze, bestaat=False))
    return rijen


def waarschuwingen_te_verbinden(rijen: Sequence[KansRij], partijnamen: Mapping[int, str]) -> list[str]:
    """What to look at before this goes into the plan, in plain Dutch (empty when all is well)."""
    meldingen: list[str] = []
    for rij in rijen:
        keuze = rij.keuze
        if keuze.besluit is None:
            if rij.in_top:
                meldingen.append(f"'{rij.titel}' staat in de top 3 van fase 3, maar heeft nog geen besluit.")
            continue
        if keuze.is_wens:
            mist = " en ".join(x for x in (
                "geen eigenaar" if keuze.eigenaar is None else "",
                "geen geregelde of aangevraagde financiering" if keuze.financiering in (None, "onbekend") else "")
                if x)
            meldingen.append(f"'{rij.titel}' gaat mee in het WUP, maar heeft nog {mist}: dan is het nog een wens, "
                             "geen plan.")
        weg = [i for i in (keuze.eigenaar, *keuze.partners) if i is not None and i not in partijnamen]
        if weg:
            meldingen.append(f"Bij '{rij.titel}' staat een partij die niet meer in het dossier zit; kies opnieuw.")
        if not keuze.vastgelegd:
            meldingen.append(f"Het besluit over '{rij.titel}' is nog niet vastgelegd bij de partners in hun eigen "
                             "organisatie.")
    return meldingen


def _financiering_tekst(keuze: KansKeuze) -> str:
    if keuze.financiering is None and not keuze.geld:
        return "nog niet ingevuld"
    label = FINANCIERING_LABELS.get(keuze.financiering or "", "").lower() or "soort onbekend"
    return label + (f" ({keuze.geld})" if keuze.geld else "")


def kans_details(keuze: KansKeuze, partijnamen: Mapping[int, str]) -> list[tuple[str, str]]:
    """(label, text) for owner, partners, money and planning: the same words in page, report and WUP text."""
    return [
        ("Eigenaar", partijnaam(keuze.eigenaar, partijnamen) or "nog niemand"),
        ("Partners", ", ".join(partijnaam(p, partijnamen) for p in keuze.partners) or "geen"),
        ("Financiering", _financiering_tekst(keuze)),
        ("Planning", str(keuze.jaar) if keuze.jaar else "nog geen jaar"),
        ("Vastgelegd bij de partners", "ja" if keuze.vastgelegd else "nee"),
    ]


def wup_tekst(rijen: Sequence[KansRij], partijnamen: Mapping[int, str]) -> str:
    """The WUP paragraph on koppelkansen as Markdown: what is taken along, later, dropped and why. User text
    is escaped (``md_inline``), so it cannot make headings, links or HTML of its own."""
    delen = ["## Koppelkansen in het wijkuitvoeringsplan"]
    if not rijen:
        delen.append("Er staan nog geen koppelkansen op de lijst: in fase 3 is er nog geen gekozen en het team "
                     "heeft er geen toegevoegd.")
        return "\n\n".join(delen) + "\n"
    per_besluit = {b: [r for r in rijen if r.keuze.besluit == b] for b, _label in BESLUITEN}
    open_ = [r for r in rijen if r.keuze.besluit is None]
    delen.append(
        f"Van de {len(rijen)} koppelkansen op de lijst nemen we er {len(per_besluit['meenemen'])} mee in dit plan, "
        f"pakken we er {len(per_besluit['later'])} later op en laten we er {len(per_besluit['laten-vallen'])} "
        f"vallen" + (f"; over {len(open_)} is nog niet besloten." if open_ else "."))
    koppen = {"meenemen": "### Wat we meenemen", "later": "### Wat we later oppakken",
              "laten-vallen": "### Wat we laten vallen"}
    for besluit, kop in koppen.items():
        if not per_besluit[besluit]:
            continue
        regels = []
        for rij in per_besluit[besluit]:
            k = rij.keuze
            regel = f"- **{md_inline(rij.titel)}**"
            if besluit != "laten-vallen":
                regel += "; " + "; ".join(f"{label.lower()}: {md_inline(tekst)}"
                                          for label, tekst in kans_details(k, partijnamen)[:4])
            regel += f". Waarom: {md_inline(k.onderbouwing)}" if k.onderbouwing else "."
            if k.is_wens:
                regel += " _Let op: nog zonder eigenaar of geld, dus nog een wens._"
            if not k.vastgelegd:
                regel += " _Nog niet vastgelegd bij de partners._"
            regels.append(regel)
        delen.append(kop + "\n\n" + "\n".join(regels))
    if open_:
        delen.append("### Nog geen besluit\n\n" + "\n".join(f"- {md_inline(r.titel)}" for r in open_))
    return "\n\n".join(delen) + "\n"


# == 2. Concept-wijkuitvoeringsplan ==============================================================
@dataclass(frozen=True)
class Standpunt:
    """Where one party stands on the concept-WUP. ``datum`` (JJJJ-MM-DD) is when its own organisation decided."""

    partij_id: int
    standpunt: str = "niet-besproken"
    betekenis: str = ""  # what carrying out the plan means for this organisation
    voorbehoud: str = ""
    datum: str = ""

    def als_dict(self) -> dict:
        return {"partij_id": self.partij_id, "standpunt": self.standpunt, "betekenis": self.betekenis,
                "voorbehoud": self.voorbehoud, "datum": self.datum}


@dataclass(frozen=True)
class Vastlegging:
    """The joint decision in the besluitenlog. ``status`` 'bezig' is written *before* the log entry and
    'vastgelegd' after it; the ``kenmerk`` is in the entry's text, so a retry finds an entry that was written
    and never writes a second one. ``standpunten`` are the positions at that moment (partij_id → standpunt)."""

    kenmerk: str
    status: str  # 'bezig' or 'vastgelegd'
    moment: str = ""  # ISO, UTC
    standpunten: tuple[tuple[int, str], ...] = ()

    def als_dict(self) -> dict:
        return {"kenmerk": self.kenmerk, "status": self.status, "moment": self.moment,
                "standpunten": [{"partij_id": p, "standpunt": s} for p, s in self.standpunten]}


@dataclass(frozen=True)
class ConceptWup:
    financieel: str = ""  # the financial picture in a few lines
    oplegger: str = ""  # points for the oplegger to the raad: participation and risks
    partijen: tuple[Standpunt, ...] = ()
    vastlegging: Vastlegging | None = None

    def als_dict(self) -> dict:
        return {"financieel": self.financieel, "oplegger": self.oplegger,
                "partijen": [s.als_dict() for s in self.partijen],
                "vastlegging": self.vastlegging.als_dict() if self.vastlegging else None}

    def standpunt(self, partij_id: int) -> Standpunt:
        return next((s for s in self.partijen if s.partij_id == partij_id), Standpunt(partij_id))

    def met(self, nieuw: Standpunt) -> ConceptWup:
        if all(s.partij_id != nieuw.partij_id for s in self.partijen):
            return replace(self, partijen=(*self.partijen, nieuw))
        return replace(self, partijen=tuple(nieuw if s.partij_id == nieuw.partij_id else s for s in self.partijen))

    @property
    def is_vastgelegd(self) -> bool:
        return self.vastlegging is not None and self.vastlegging.status == "vastgelegd"


def _lees_datum(waarde: object) -> str:
    tekst = _tekst(waarde)
    return tekst if _DATUM.match(tekst) and datum_tekst(tekst) else ""


def _lees_vastlegging(waarde: object) -> Vastlegging | None:
    if not isinstance(waarde, Mapping) or not _KENMERK.match(_tekst(waarde.get("kenmerk"))) or \
            _uit(waarde.get("status"), {"bezig": "", "vastgelegd": ""}) is None:
        return None
    standpunten = tuple(
        (s["partij_id"], s["standpunt"]) for s in waarde.get("standpunten") or () if isinstance(s, Mapping)
        and _is_id(s.get("partij_id")) and _uit(s.get("standpunt"), STANDPUNT_LABELS)
    ) if isinstance(waarde.get("standpunten"), list) else ()
    return Vastlegging(waarde["kenmerk"], waarde["status"], _tekst(waarde.get("moment")), standpunten)


def lees_concept_wup(gegevens: object) -> ConceptWup:
    """The saved form, tolerant (see the module docstring)."""
    if not isinstance(gegevens, Mapping):
        return ConceptWup()
    partijen: dict[int, Standpunt] = {}
    for rij in gegevens.get("partijen") if isinstance(gegevens.get("partijen"), list) else ():
        if not isinstance(rij, Mapping) or not _is_id(rij.get("partij_id")) or rij["partij_id"] in partijen:
            continue
        partijen[rij["partij_id"]] = Standpunt(
            rij["partij_id"],
            _uit(rij.get("standpunt"), STANDPUNT_LABELS) or "niet-besproken",
            _tekst(rij.get("betekenis")), _tekst(rij.get("voorbehoud")), _lees_datum(rij.get("datum")))
        if len(partijen) >= MAX_RIJEN:
            break
    return ConceptWup(_tekst(gegevens.get("financieel")), _tekst(gegevens.get("oplegger")),
                      tuple(partijen.values()), _lees_vastlegging(gegevens.get("vastlegging")))


def controleer_standpunt(standpunt: Standpunt, naam: str) -> Standpunt:
    waar = f" van {naam}"
    if _uit(standpunt.standpunt, STANDPUNT_LABELS) is None:
        raise InvoerFout(f"Kies het standpunt{waar}: nog niet besproken, akkoord, akkoord met voorbehoud of niet "
                         "akkoord.")
    betekenis = validatie.schone_tekst(standpunt.betekenis, f"Wat de uitvoering betekent voor de organisatie{waar}",
                                       maximum=MAX_TEKST)
    voorbehoud = validatie.schone_tekst(standpunt.voorbehoud, f"Het voorbehoud{waar}", maximum=MAX_TEKST,
                                        verplicht=standpunt.standpunt == "voorbehoud")
    datum = validatie.schone_tekst(standpunt.datum, f"De datum van het besluit{waar}", maximum=10)
    if datum and not (_DATUM.match(datum) and datum_tekst(datum)):
        raise InvoerFout(f"De datum van het besluit{waar} is geen bestaande datum (JJJJ-MM-DD).")
    return replace(standpunt, betekenis=betekenis, voorbehoud=voorbehoud, datum=datum)


def controleer_concept_wup(model: ConceptWup, partijnamen: Mapping[int, str]) -> ConceptWup:
    """The whole form, cleaned, or InvoerFout. Rows of parties deleted since are kept as they are (they were
    checked when saved); the page shows them as '(verwijderde partij)'."""
    financieel = validatie.schone_tekst(model.financieel, "Het financiële plaatje", maximum=MAX_TEKST)
    oplegger = validatie.schone_tekst(model.oplegger, "De punten voor de oplegger", maximum=MAX_TEKST)
    if len(model.partijen) > MAX_RIJEN:
        raise InvoerFout(f"Het formulier houdt hoogstens {MAX_RIJEN} partijen bij.")
    if len({s.partij_id for s in model.partijen}) != len(model.partijen):
        raise InvoerFout("Een partij staat twee keer in het formulier; er is niets opgeslagen.")
    partijen = tuple(controleer_standpunt(s, partijnamen.get(s.partij_id, VERWIJDERDE_PARTIJ))
                     if s.partij_id in partijnamen else s for s in model.partijen)
    return ConceptWup(financieel, oplegger, partijen, model.vastlegging)


# -- (a) is the concept complete? ---------------------------------------------------------------
@dataclass(frozen=True)
class DossierStand:
    """What the dossier holds for the concept-WUP, as plain values the widget reads from the store."""

    energiesysteem: str = ""  # name of the chosen strategy, '' when none
    weging_vastgezet: bool = False
    rangschikking: bool = False  # every strategy scored on every criterion, so there is a ranking
    woonlasten_getoetst: int = 0  # household types with a woonlastentoets
    fasering: str = ""  # phasing of the chosen strategy
    planning_werken: int = 0  # works in the planning register
    financieel: str = ""
    inspraak_momenten: int = 0
    inspraak_reacties: int = 0
    inspraak_open: int = 0
    kansen_op_lijst: int = 0
    kansen_besloten: int = 0


@dataclass(frozen=True)
class Onderdeel:
    """One part of the concept-WUP: done or not, why, and where to work on it (a knooppunt id)."""

    naam: str
    klaar: bool
    uitleg: str
    knooppunt: str


def volledigheid(stand: DossierStand) -> list[Onderdeel]:
    """The seven parts a concept-WUP needs, each with a verdict in words."""
    s = stand
    if s.weging_vastgezet and s.rangschikking:
        hoe = (True, "De weging is vastgezet vóór het scoren en alle strategieën zijn gescoord.")
    elif s.weging_vastgezet:
        hoe = (False, "De weging is vastgezet, maar nog niet elke strategie is op elk criterium gescoord.")
    else:
        hoe = (False, "De weging van de criteria is nog niet vastgezet.")
    if s.fasering.strip():
        planning = (True, "De fasering van de gekozen strategie is beschreven.")
    elif s.planning_werken:
        planning = (True, f"Het planningsregister heeft {s.planning_werken} werk(en); beschrijf de fasering ook "
                          "bij de strategie.")
    else:
        planning = (False, "Nog geen fasering bij de gekozen strategie en geen werken in het planningsregister.")
    if s.inspraak_reacties and not s.inspraak_open:
        inspraak = (True, f"Elke inspraakreactie ({s.inspraak_reacties}) heeft een antwoord.")
    elif s.inspraak_reacties:
        inspraak = (False, f"{s.inspraak_open} van de {s.inspraak_reacties} inspraakreacties staan nog open.")
    elif s.inspraak_momenten:
        inspraak = (False, f"{s.inspraak_momenten} inspraakmoment(en) gepland, nog geen reacties vastgelegd.")
    else:
        inspraak = (False, "Nog geen inspraakmomenten en geen reacties vastgelegd.")
    if s.kansen_op_lijst and s.kansen_besloten == s.kansen_op_lijst:
        kansen = (True, f"Over elke koppelkans op de lijst ({s.kansen_op_lijst}) is besloten.")
    elif s.kansen_op_lijst:
        kansen = (False, f"Over {s.kansen_op_lijst - s.kansen_besloten} van de {s.kansen_op_lijst} koppelkansen "
                         "is nog niet besloten.")
    else:
        kansen = (False, "Er staan nog geen koppelkansen op de lijst om over te besluiten.")
    return [
        Onderdeel("Gekozen energiesysteem", bool(s.energiesysteem),
                  f"Gekozen: {s.energiesysteem}." if s.energiesysteem else "Er is nog geen strategie gekozen.",
                  "f4-energiesysteem-vastleggen"),
        Onderdeel("Hoe de keuze is gemaakt", *hoe, "f4-strategieen-afwegen"),
        Onderdeel("Gevolgen voor bewoners", s.woonlasten_getoetst > 0,
                  f"Woonlasten getoetst voor {s.woonlasten_getoetst} soort(en) huishouden."
                  if s.woonlasten_getoetst else "De woonlastentoets is nog niet ingevuld.", "f4-woonlasten"),
        Onderdeel("Planning", *planning, "f3-warmtestrategieen"),
        Onderdeel("Financieel plaatje", bool(s.financieel.strip()),
                  "Beschreven in dit formulier." if s.financieel.strip() else "Nog niet beschreven (hieronder).",
                  KNOOPPUNT_CONCEPT_WUP),
        Onderdeel("Inspraak verwerkt", *inspraak, "f4-inspraak"),
        Onderdeel("Koppelkansen besloten", *kansen, KNOOPPUNT_TE_VERBINDEN),
    ]


# -- (b)/(c) the parties and the joint decision ---------------------------------------------------
@dataclass(frozen=True)
class Besluitstand:
    """Whether the joint decision can be recorded: every party of the dossier akkoord (with or without a
    voorbehoud). ``per_standpunt`` counts the current parties per position."""

    gereed: bool
    per_standpunt: dict[str, int]
    met_voorbehoud: tuple[int, ...]
    nog_niet: tuple[int, ...]  # parties not (yet) akkoord

    def uitleg(self, aantal: int) -> str:
        if not aantal:
            return "Er staan nog geen partijen in het dossier."
        if self.gereed:
            extra = f", {len(self.met_voorbehoud)} met voorbehoud" if self.met_voorbehoud else ""
            return f"Alle partijen ({aantal}) zijn akkoord{extra}."
        return f"Nog niet akkoord: {len(self.nog_niet)} van de {aantal} partijen."


def besluitstand(partij_ids: Sequence[int], model: ConceptWup) -> Besluitstand:
    standpunten = {p: model.standpunt(p).standpunt for p in partij_ids}
    per = {s: sum(1 for v in standpunten.values() if v == s) for s, _label in STANDPUNTEN}
    nog_niet = tuple(p for p, s in standpunten.items() if s not in ("akkoord", "voorbehoud"))
    return Besluitstand(bool(partij_ids) and not nog_niet, per,
                        tuple(p for p, s in standpunten.items() if s == "voorbehoud"), nog_niet)


def nieuw_kenmerk() -> str:
    return f"WUP-{uuid4().hex[:8]}"


def kenmerk_tekst(kenmerk: str) -> str:
    """The line in the log entry that lets a retry recognise it."""
    return f"Kenmerk in het werkboek: {kenmerk}."


def besluit_teksten(partij_ids: Sequence[int], model: ConceptWup, partijnamen: Mapping[int, str],
                    kenmerk: str) -> dict[str, str]:
    """wat, aanwezig, onderbouwing and afwijkend for the besluitenlog entry, within the log's limits."""
    stand = besluitstand(partij_ids, model)
    regels = []
    for p in partij_ids:
        s = model.standpunt(p)
        wanneer = f", besloten in de eigen organisatie op {datum_tekst(s.datum)}" if s.datum else ""
        regels.append(f"{partijnaam(p, partijnamen)}: {STANDPUNT_LABELS[s.standpunt].lower()}{wanneer}")
    staart = " " + kenmerk_tekst(kenmerk)
    onderbouwing = _kort(f"{stand.uitleg(len(partij_ids))} " + "; ".join(regels) + ".",
                         MAX_TEKST - len(staart)) + staart
    afwijkend = "; ".join(f"{partijnaam(p, partijnamen)}: voorbehoud: {model.standpunt(p).voorbehoud}"
                          for p in stand.met_voorbehoud)
    return {
        "wat": "Gezamenlijk besluit: de partners stemmen in met het concept-wijkuitvoeringsplan",
        "aanwezig": _kort(", ".join(partijnaam(p, partijnamen) for p in partij_ids), 600),
        "onderbouwing": onderbouwing,
        "afwijkend": _kort(afwijkend, MAX_TEKST),
    }


def gewijzigd_na_vastleggen(model: ConceptWup, partij_ids: Sequence[int]) -> list[int]:
    """Parties whose position differs from the one recorded with the joint decision."""
    if not model.is_vastgelegd:
        return []
    toen = dict(model.vastlegging.standpunten)
    return [p for p in partij_ids if toen.get(p) != model.standpunt(p).standpunt]
