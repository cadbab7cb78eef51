"""A Dutch draft afsprakennota (Markdown) from what the team agreed in 'Samenwerking formaliseren'.

Only what is in the dossier is written down: a missing part says 'nog niet afgesproken', never a
made-up agreement. User text is escaped so it cannot break the Markdown structure (no headings,
code blocks or HTML of its own).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from ..content import Inhoud, Keuze, SamenwerkingsOpties
from ..dossier import validatie
from ..dossier.model import Dossier, InvoerFout, Partij
from .regierol import Keuze as RegierolKeuze
from .regierol import regierol_type

NOG_NIET = "nog niet afgesproken"
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")
KEUZEVELDEN = ("vorm", "besluitregel", "overlegritme", "escalatie")
_INLINE_SPECIAAL = re.compile(r"([\\`*_\[\]<>#|~&!])")
_ALLEEN_STREEPJES = re.compile(r"^[-=_*+\s]+$")


def datum_nl(moment: date | datetime) -> str:
    """'3 maart 2026'."""
    return f"{moment.day} {MAANDEN[moment.month - 1]} {moment.year}"


# -- escaping ------------------------------------------------------------------------------
def md_inline(tekst: object) -> str:
    """User text on one line inside our Markdown: newlines become spaces, markup characters are
    backslash-escaped, so it shows literally and cannot start a heading, list, link or HTML."""
    regel = " ".join(str(tekst or "").split())
    return _INLINE_SPECIAAL.sub(r"\\\1", regel)


def md_blok(tekst: object) -> str:
    """User text of several lines as paragraphs (and simple '-' lists), with the user's line breaks
    kept. Lines cannot become a heading, quote, code block, setext underline or HTML."""
    uit: list[str] = []
    vorige = "leeg"  # kind of the previous line: leeg, tekst, lijst
    for ruw in str(tekst or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        regel = ruw.strip()
        lijst = re.match(r"^([-*+])\s+(.*)$", regel)
        if not regel:
            soort, schoon = "leeg", ""
        elif lijst and lijst.group(2) and not _ALLEEN_STREEPJES.match(regel):
            soort, schoon = "lijst", "- " + md_inline(lijst.group(2))
        else:
            soort, schoon = "tekst", md_inline(regel)
            if schoon[:1] in ("-", "+", "="):  # '---' or '===' would turn the line above into a heading
                schoon = "\\" + schoon
        if soort == "leeg":
            if vorige != "leeg":
                uit.append("")
        else:
            if soort == "tekst" and vorige == "tekst":
                uit[-1] += "  "  # a hard line break, as the user typed it
            elif soort == "tekst" and vorige == "lijst":
                uit.append("")  # end the list first, or the line would be glued to the last item
            uit.append(schoon)
        vorige = soort
    return "\n".join(uit).strip()


# -- the form ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Afspraken:
    """The saved form 'afspraken' of one dossier."""

    vorm: str | None = None
    besluitregel: str | None = None
    overlegritme: str | None = None
    escalatie: str | None = None
    mandaat: str = ""
    overig: str = ""
    ondertekenaars: tuple[int, ...] = field(default_factory=tuple)

    def als_dict(self) -> dict:
        return {
            "vorm": self.vorm, "besluitregel": self.besluitregel, "overlegritme": self.overlegritme,
            "escalatie": self.escalatie, "mandaat": self.mandaat, "overig": self.overig,
            "ondertekenaars": list(self.ondertekenaars),
        }

    @classmethod
    def uit_dict(cls, gegevens: object) -> Afspraken:
        if not isinstance(gegevens, dict):
            return cls()
        ondertekenaars = tuple(
            i for i in gegevens.get("ondertekenaars") or () if isinstance(i, int) and not isinstance(i, bool)
        )
        keuzes = {veld: (str(gegevens[veld]) if gegevens.get(veld) else None) for veld in KEUZEVELDEN}
        return cls(**keuzes, mandaat=str(gegevens.get("mandaat") or ""), overig=str(gegevens.get("overig") or ""),
                   ondertekenaars=ondertekenaars)


def _lijst(opties: SamenwerkingsOpties, veld: str) -> tuple[Keuze, ...]:
    return {"vorm": opties.vormen, "besluitregel": opties.besluitregels, "overlegritme": opties.overlegritmes,
            "escalatie": opties.escalatie}[veld]


def keuze(opties: SamenwerkingsOpties, veld: str, keuze_id: str | None) -> Keuze | None:
    """The option chosen for ``veld`` (vorm, besluitregel, overlegritme, escalatie), if it exists."""
    return next((k for k in _lijst(opties, veld) if k.id == keuze_id), None) if keuze_id else None


def controleer_afspraken(afspraken: Afspraken, opties: SamenwerkingsOpties, partij_ids: set[int]) -> Afspraken:
    """The cleaned form, or InvoerFout (unknown option, text too long, unknown party)."""
    namen = {"vorm": "vorm", "besluitregel": "besluitregel", "overlegritme": "overlegritme",
             "escalatie": "escalatieroute"}
    for veld in KEUZEVELDEN:
        waarde = getattr(afspraken, veld)
        if waarde is not None and keuze(opties, veld, waarde) is None:
            raise InvoerFout(f"Onbekende {namen[veld]}; kies er een uit de lijst.")
    mandaat = validatie.schone_tekst(afspraken.mandaat, "Het mandaat van het projectteam",
                                     maximum=validatie.MAX_TOELICHTING)
    overig = validatie.schone_tekst(afspraken.overig, "Wat jullie nog meer afspreken",
                                    maximum=validatie.MAX_TOELICHTING)
    onbekend = [i for i in afspraken.ondertekenaars if i not in partij_ids]
    if onbekend:
        raise InvoerFout("Een van de ondertekenaars staat niet (meer) in dit dossier; kies opnieuw.")
    return Afspraken(afspraken.vorm, afspraken.besluitregel, afspraken.overlegritme, afspraken.escalatie,
                     mandaat, overig, tuple(dict.fromkeys(afspraken.ondertekenaars)))


def bestandsnaam(dossier: Dossier) -> str:
    """'afsprakennota-<wijk>.md' with a plain ASCII name (the dossier name when the wijk is empty)."""
    basis = dossier.wijk or dossier.naam or "wijk"
    ascii_ = unicodedata.normalize("NFKD", basis).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:60].strip("-") or "wijk"
    return f"afsprakennota-{slug}.md"


# -- the nota ------------------------------------------------------------------------------
_JURIDISCH = {True: "ja", False: "nee", "deels": "deels"}


def afsprakennota(
    dossier: Dossier,
    partijen: Sequence[Partij],
    afspraken: Afspraken,
    regierol: Mapping | None,
    inhoud_: Inhoud,
    datum: date,
) -> str:
    """The draft as Markdown. ``regierol`` is the saved form 'regierol' (its 'keuze' is used)."""
    opties = inhoud_.fase1.samenwerking
    spoornamen = {s.letter: s.naam for s in inhoud_.sporen}
    delen: list[str] = []
    delen.append(f"# Concept-afsprakennota: {md_inline(dossier.naam)}")
    delen.append(
        f"**Concept** — opgesteld op {datum_nl(datum)} met het Wijkkompas werkboek. Dit is een voorstel om "
        "samen te bespreken en aan te vullen; het bindt nog niemand."
    )
    wijk = md_inline(dossier.wijk) if dossier.wijk else "_nog niet ingevuld_"
    gemeente = md_inline(dossier.gemeente) if dossier.gemeente else "_nog niet ingevuld_"
    delen.append(f"Wijk: {wijk}  \nGemeente: {gemeente}")

    delen.append("## 1. Partners")
    if partijen:
        regels = []
        for partij in partijen:
            extra = "; ".join(md_inline(x) for x in (partij.organisatie, partij.contactrol) if x)
            sporen = (", ".join(f"{s} ({md_inline(spoornamen.get(s, s))})" for s in partij.sporen)
                      if partij.sporen else "geen spoor opgegeven")
            regels.append(f"- **{md_inline(partij.naam)}**" + (f" ({extra})" if extra else "")
                          + f" — spoor: {sporen}")
        delen.append("De volgende partijen werken samen aan de wijkaanpak:\n\n" + "\n".join(regels))
    else:
        delen.append(f"Welke partijen meedoen: _{NOG_NIET}_ (er staan nog geen partijen in het dossier).")

    delen.append("## 2. Vorm van de samenwerking")
    vorm = keuze(opties, "vorm", afspraken.vorm)
    if vorm is None:
        delen.append(f"Vorm: _{NOG_NIET}_.")
    else:
        tekst = f"Vorm: **{md_inline(vorm.naam)}**. {md_inline(vorm.omschrijving)}"
        if vorm.juridisch_bindend in _JURIDISCH:
            tekst += (f"\n\nJuridisch bindend: {_JURIDISCH[vorm.juridisch_bindend]} (een algemene indicatie, "
                      "geen juridisch advies; het hangt af van wat er precies in staat).")
        delen.append(tekst)

    delen.append("## 3. Regierol van de gemeente")
    gekozen = RegierolKeuze.uit_dict((regierol or {}).get("keuze"))
    rol = regierol_type(inhoud_.fase1.regierol, gekozen.type_id) if gekozen else None
    if rol is None:
        delen.append(f"Regierol: _{NOG_NIET}_.")
    else:
        wanneer = f" (vastgelegd op {datum_nl(gekozen.vastgelegd.astimezone())})" if gekozen.vastgelegd else ""
        tekst = f"Gekozen regierol: **{md_inline(rol.naam)}**{wanneer}. {md_inline(rol.omschrijving)}"
        if gekozen.onderbouwing:
            tekst += f"\n\nWaarom deze rol:\n\n{md_blok(gekozen.onderbouwing)}"
        if rol.verwachtingen:
            tekst += "\n\nWat de partners van de gemeente mogen verwachten:\n\n" + "\n".join(
                f"- {md_inline(v)}" for v in rol.verwachtingen)
        delen.append(tekst)

    delen.append("## 4. Mandaat van het projectteam")
    delen.append(md_blok(afspraken.mandaat) if afspraken.mandaat.strip() else f"Mandaat: _{NOG_NIET}_.")

    delen.append("## 5. Overleg")
    ritme = keuze(opties, "overlegritme", afspraken.overlegritme)
    delen.append(f"Overlegritme: {md_inline(ritme.naam)}." if ritme else f"Overlegritme: _{NOG_NIET}_.")

    delen.append("## 6. Besluitvorming")
    regel = keuze(opties, "besluitregel", afspraken.besluitregel)
    delen.append(f"Besluitregel: **{md_inline(regel.naam)}**. {md_inline(regel.omschrijving)}".rstrip()
                 if regel else f"Besluitregel: _{NOG_NIET}_.")

    delen.append("## 7. Als we er samen niet uitkomen")
    escalatie = keuze(opties, "escalatie", afspraken.escalatie)
    delen.append(f"Escalatie: **{md_inline(escalatie.naam)}**. {md_inline(escalatie.omschrijving)}".rstrip()
                 if escalatie else f"Escalatie: _{NOG_NIET}_.")

    delen.append("## 8. Wat we nog meer afspreken")
    delen.append(md_blok(afspraken.overig) if afspraken.overig.strip() else f"Overige afspraken: _{NOG_NIET}_.")

    delen.append("## 9. Ondertekening")
    per_id = {p.id: p for p in partijen}
    tekenaars = [per_id[i] for i in afspraken.ondertekenaars if i in per_id]
    if tekenaars:
        delen.append("Namens de partners, door iemand die daartoe bevoegd is:\n\n" + "\n".join(
            f"- **{md_inline(p.naam)}**" + (f", namens {md_inline(p.organisatie)}" if p.organisatie else "")
            + ": naam ………………, handtekening ………………, datum ………………" for p in tekenaars))
    else:
        delen.append(f"Wie ondertekent: _{NOG_NIET}_.")
    return "\n\n".join(delen) + "\n"
