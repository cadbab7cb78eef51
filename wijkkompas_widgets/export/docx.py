"""The dossier as a Word report: 'Bouwstenen voor het wijkuitvoeringsplan'.

A title page, then per phase every knooppunt with its status and the outcome of its exercise(s) in plain
Dutch: tables with a header row, and the charts as images (15 cm wide, with alt text). Then the besluitenlog
and the sources. Everything shown is computed by the same analysis functions and drawn by the same chart
builders as in the app (see ``verzamel.py``); each chart is drawn once. User text goes in as text (python-docx
escapes it), so a party called ``<script>`` stays a name. A knooppunt without data says 'Nog niet ingevuld.'
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from markdown_it import MarkdownIt
from matplotlib.figure import Figure

from ..analysis import belangen as belangen_analyse
from ..analysis.afsprakennota import Afspraken, afsprakennota, datum_nl
from ..analysis.beeld import lees_uitspraken
from ..analysis.doel import DOELEN, Doel
from ..analysis.domeinen import domein_opgave_matrix, lees_formulier, opgaven_zonder_sociale_partner
from ..analysis.koppelkansen import TOP
from ..analysis.mca import (
    getal,
    gezamenlijke_gewichten,
    grote_verschillen,
    procent,
    rangschik_per_partij,
    verschillen_tussen_partijen,
)
from ..analysis.opgaven import aandachtspunten, beoordelingen_uit_dict, ingevuld
from ..analysis.opgavenmatrix import lees_matrix, samenvatting, teken
from ..analysis.partijen import aanpak_per_partij, kwadrant, salience_niveau, salience_type, spoordekking
from ..analysis.planning import BINNENKORT_JAREN, SOORTEN, ZEKERHEID_LABELS, tijdstatus, werken_binnenkort
from ..analysis.regierol import Keuze as RegierolKeuze
from ..analysis.regierol import aantal_beantwoord, advies, hoogste, regierol_type
from ..analysis.rollen import belasting_per_partij, signalen, uren_tekst
from ..analysis.scan import OP_ORGANISATIES, analyseer, factor_resultaten, vergelijk_rondes
from ..analysis.strategieen import DUURZAAM_GAS_JAAR, duurzaam_gas_te_vroeg, startjaar_uit_fasering
from ..analysis.wijkprofiel import opmaak
from ..analysis.woonlasten import euro
from ..cbs.data import NL_LABEL
from ..cbs.kolommen import GROEPEN, INDICATOR
from ..charts import figuur_naar_png
from ..charts.belangen import belangen_figuur
from ..charts.koppelkansen import koppelkansen_figuur
from ..charts.machtbelang import machtbelang_figuur
from ..charts.mca import gevoeligheid_figuur, partijen_figuur, rangschikking_figuur
from ..charts.opgaven import opgaven_figuur
from ..charts.opgavenmatrix import opgavenmatrix_figuur
from ..charts.planning import tijdlijn
from ..charts.rollen import rollen_figuur
from ..charts.scan import radar_figuur
from ..charts.weging import wegingen_figuur
from ..charts.wijkprofiel import wijk_dna
from ..charts.woonlasten import woonlasten_figuur
from ..dossier.belangen import HOUDINGEN
from ..dossier.model import STATUS_LABELS, InvoerFout
from ..dossier.rollen import ROL_LABELS
from ..teksten import BESTUURLIJK_GEVOELIG
from .deel_besluitvorming import docx_besluitvorming
from .deel_inspraak import docx_inspraak
from .deel_participatie import docx_participatiestrategie, docx_participatievormen
from .deel_wup import docx_concept_wup, docx_te_verbinden
from .verzamel import NOG_NIET, TITEL, DossierVerzameling

GEEN_OEFENING = ("Bij dit knooppunt hoort geen oefening in het werkboek; het team houdt hier alleen de status "
                 "bij.")
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TABELSTIJL = "Light Grid Accent 1"
FIGUURBREEDTE = Cm(15)
_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_GEEN = "–"
_WOORDGRENS = re.compile(r"[ \t\n/-]+")  # where a line in a table cell may break (not at a no-break space)


def _tekst(waarde: object) -> str:
    """Any value as text Word accepts: characters XML forbids (control characters) are dropped."""
    return _ONGELDIG.sub("", "" if waarde is None else str(waarde))


class _Rapport:
    """A python-docx document with the few building blocks the report needs."""

    def __init__(self, titel: str):
        self.doc = Document()
        self._opmaak(titel)

    def _opmaak(self, titel: str) -> None:
        sectie = self.doc.sections[0]
        sectie.page_width, sectie.page_height = Cm(21), Cm(29.7)  # A4 (the template is Letter)
        for kant in ("left_margin", "right_margin"):
            setattr(sectie, kant, Cm(2.2))
        sectie.top_margin = sectie.bottom_margin = Cm(2)
        # Dutch as the language of the whole document (spelling check, hyphenation, screen readers).
        standaard = self.doc.styles.element.find(qn("w:docDefaults"))
        rpr = standaard.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        taal = rpr.find(qn("w:lang"))
        if taal is None:
            taal = OxmlElement("w:lang")
            rpr.append(taal)
        taal.set(qn("w:val"), "nl-NL")
        taal.set(qn("w:eastAsia"), "nl-NL")
        self.doc.styles["Normal"].font.size = Pt(10.5)
        # Table text as a paragraph style of its own: LibreOffice ignores the font size of a table style.
        self._tabeltekst = self.doc.styles.add_style("Tabeltekst", WD_STYLE_TYPE.PARAGRAPH)
        self._tabeltekst.base_style = self.doc.styles["Normal"]
        self._tabeltekst.font.size = Pt(9)
        self._tabeltekst.paragraph_format.space_after = Pt(0)
        self._tabeltekst.paragraph_format.line_spacing = 1.0
        eigenschappen = self.doc.core_properties
        eigenschappen.title = _tekst(titel)[:250]
        eigenschappen.language = "nl-NL"
        eigenschappen.author = "Wijkkompas werkboek"
        eigenschappen.comments = TITEL
        self._voettekst(sectie, titel)

    def _voettekst(self, sectie, titel: str) -> None:
        alinea = sectie.footer.paragraphs[0]
        alinea.add_run(_tekst(f"{titel} · pagina "))
        veld = OxmlElement("w:fldSimple")
        veld.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        tekst = OxmlElement("w:t")
        tekst.text = "1"
        run.append(tekst)
        veld.append(run)
        alinea._p.append(veld)

    # -- text -----------------------------------------------------------------------------
    def kop(self, tekst: str, niveau: int) -> None:
        self.doc.add_heading(_tekst(tekst), level=niveau)

    def alinea(self, tekst: str = "", *, vet: str = "", cursief: bool = False, stijl: str | None = None):
        alinea = self.doc.add_paragraph(style=stijl)
        if vet:
            alinea.add_run(_tekst(vet)).bold = True
        if tekst:
            alinea.add_run(_tekst(tekst)).italic = cursief
        return alinea

    def tussenkop(self, tekst: str) -> None:
        """A bold line above a part of an exercise (below the knooppunt's heading level)."""
        alinea = self.alinea(vet=tekst)
        alinea.paragraph_format.space_before = Pt(8)
        alinea.paragraph_format.keep_with_next = True

    def lijst(self, items: Iterable[str], niveau: int = 1) -> None:
        stijl = "List Bullet" if niveau == 1 else "List Bullet 2"
        for item in items:
            self.doc.add_paragraph(_tekst(item), style=stijl)

    def lijst_of(self, items: list[str], anders: str) -> None:
        """The list, or one italic line saying there is nothing to list yet."""
        if items:
            self.lijst(items)
        else:
            self.nog_niet(anders)

    def bron(self, tekst: str) -> None:
        alinea = self.alinea(tekst, cursief=True)
        for run in alinea.runs:
            run.font.size = Pt(8.5)

    def nog_niet(self, tekst: str = NOG_NIET) -> None:
        self.alinea(tekst, cursief=True)

    def pagina_einde(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- tables and figures ------------------------------------------------------------------
    def tabel(self, koppen: Sequence[str], rijen: Iterable[Sequence[object]], *,
              groepen: dict[int, str] | None = None) -> None:
        """A table whose first row is a real header row (repeated on every page, read as such by screen
        readers). ``groepen``: {row index: label} puts a full-width bold group row before that row."""
        koppen = [_tekst(k) for k in koppen]
        # an amount never breaks between '€' and its number
        rijen = [[_tekst(waarde).replace("€ ", "€\u00a0") for waarde in rij] for rij in rijen]
        breedtes = self._kolombreedtes(koppen, rijen)
        tabel = self.doc.add_table(rows=1, cols=len(koppen))
        tabel.style = self.doc.styles[TABELSTIJL]
        tabel.autofit = False
        for kolom, breedte in zip(tabel.columns, breedtes, strict=True):
            kolom.width = breedte
        kop = tabel.rows[0]
        herhaal = OxmlElement("w:tblHeader")
        herhaal.set(qn("w:val"), "true")
        kop._tr.get_or_add_trPr().append(herhaal)
        for cel, tekst, breedte in zip(kop.cells, koppen, breedtes, strict=True):
            cel.width = breedte
            cel.paragraphs[0].style = self._tabeltekst
            cel.paragraphs[0].add_run(tekst).bold = True
        groepen = groepen or {}
        for index, rij in enumerate(rijen):
            if index in groepen:
                cellen = tabel.add_row().cells
                for cel, breedte in zip(cellen, breedtes, strict=True):
                    cel.width = breedte
                samen = cellen[0].merge(cellen[-1]) if len(cellen) > 1 else cellen[0]
                samen.paragraphs[0].style = self._tabeltekst
                samen.paragraphs[0].add_run(_tekst(groepen[index])).bold = True
            for cel, waarde, breedte in zip(tabel.add_row().cells, rij, breedtes, strict=True):
                cel.width = breedte
                cel.text = waarde
                cel.paragraphs[0].style = self._tabeltekst
        self.doc.add_paragraph()  # keeps two tables in a row apart (Word and LibreOffice would join them)

    def _kolombreedtes(self, koppen: list[str], rijen: list[list[str]]) -> list[int]:
        """Column widths from the text in them, filling the text width of the page: every column gets at
        least its longest word (up to a limit), long texts share what is left."""
        sectie = self.doc.sections[-1]
        beschikbaar = sectie.page_width - sectie.left_margin - sectie.right_margin
        teken, rand = Cm(0.18), Cm(0.45)
        minimum, wens = [], []
        for kolom in zip(koppen, *rijen, strict=True):
            woord = max((len(w) for tekst in kolom for w in _WOORDGRENS.split(tekst)), default=1)
            lengte = max(len(tekst) for tekst in kolom)
            minimum.append(min(woord, 18) * teken + rand)
            wens.append(max(min(woord, 18), min(lengte, 55)) * teken + rand)
        if sum(wens) <= beschikbaar:
            return [int(w * beschikbaar / sum(wens)) for w in wens]
        if sum(minimum) >= beschikbaar:
            return [int(m * beschikbaar / sum(minimum)) for m in minimum]
        over, extra = beschikbaar - sum(minimum), [w - m for w, m in zip(wens, minimum, strict=True)]
        return [int(m + over * x / sum(extra)) for m, x in zip(minimum, extra, strict=True)]

    def figuur(self, figuur: Figure, alt: str, bijschrift: str = "") -> None:
        png = figuur_naar_png(figuur)
        vorm = self.doc.add_picture(io.BytesIO(png), width=FIGUURBREEDTE)
        eigenschappen = vorm._inline.docPr
        eigenschappen.set("descr", _tekst(alt)[:2000])
        eigenschappen.set("title", _tekst(bijschrift or alt)[:200])
        if bijschrift:
            self.alinea(bijschrift, cursief=True, stijl="Caption")

    # -- Markdown (the afsprakennota) --------------------------------------------------------------
    def markdown(self, tekst: str, kopniveau: int) -> None:
        """Our own escaped Markdown (headings, paragraphs, lists, bold, italic, line breaks) as Word text;
        heading level 1 becomes ``kopniveau``."""
        tokens = MarkdownIt("commonmark", {"html": False}).parse(tekst)
        stijl: str | None = None
        lijsten: list[str] = []
        for index, token in enumerate(tokens):
            if token.type == "heading_open":
                stijl = f"Heading {min(kopniveau + int(token.tag[1]) - 1, 9)}"
            elif token.type in ("bullet_list_open", "ordered_list_open"):
                lijsten.append(token.type)
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                lijsten.pop()
            elif token.type == "inline":
                vorige = tokens[index - 1].type if index else ""
                if vorige == "heading_open":
                    alinea = self.doc.add_paragraph(style=stijl)
                elif lijsten:
                    alinea = self.doc.add_paragraph(style="List Bullet" if len(lijsten) == 1 else "List Bullet 2")
                else:
                    alinea = self.doc.add_paragraph()
                self._inline(alinea, token.children or [])
            elif token.type == "heading_close":
                stijl = None

    @staticmethod
    def _inline(alinea, kinderen) -> None:
        vet = cursief = False
        for kind in kinderen:
            if kind.type == "strong_open":
                vet = True
            elif kind.type == "strong_close":
                vet = False
            elif kind.type == "em_open":
                cursief = True
            elif kind.type == "em_close":
                cursief = False
            elif kind.type in ("text", "code_inline"):
                run = alinea.add_run(_tekst(kind.content))
                run.bold, run.italic = vet or None, cursief or None
            elif kind.type == "hardbreak":
                alinea.add_run().add_break()
            elif kind.type == "softbreak":
                alinea.add_run(" ")


# == phase 1 ==================================================================================
def _partijen(r: _Rapport, v: DossierVerzameling) -> bool:
    partijen = v.partijen
    if not partijen:
        return False
    typen = {t.id: t.naam for t in v.inhoud.partijtypen}
    r.tabel(["Partij", "Soort", "Organisatie", "Contactpersoon (rol)", "Sporen"], [
        [p.naam, typen.get(p.type, p.type), p.organisatie or _GEEN, p.contactrol or _GEEN,
         ", ".join(p.sporen) or "geen spoor"] for p in partijen
    ])
    r.tussenkop("Welke sporen zijn vertegenwoordigd?")
    dekking = spoordekking(partijen)
    ontbrekend = [letter for letter, namen in dekking.items() if not namen]
    r.alinea(f"Nog niet vertegenwoordigd: spoor {', '.join(ontbrekend)}. Een wijkaanpak heeft alle sporen nodig."
             if ontbrekend else "Alle sporen A–F zijn vertegenwoordigd.")
    r.tabel(["Spoor", "Naam", "Vertegenwoordigd door"], [
        [letter, v.inhoud.spoor(letter).naam, ", ".join(namen) if namen else "✖ nog niemand"]
        for letter, namen in dekking.items()
    ])
    return True


def _invloed_en_belang(r: _Rapport, v: DossierVerzameling) -> bool:
    partijen = v.partijen
    geplaatst = [(p.naam, p.invloed, p.belang) for p in partijen if p.geplaatst]
    beoordeeld = [p for p in partijen if p.salience_beoordeeld]
    if not geplaatst and not beoordeeld:
        return False
    if geplaatst:
        beschrijving = "; ".join(f"{naam}: invloed {invloed}, belang {belang} "
                                 f"({kwadrant(invloed, belang).naam.lower()})" for naam, invloed, belang in geplaatst)
        r.figuur(machtbelang_figuur(geplaatst), f"Macht/belang-raster. {beschrijving}", "Macht/belang-raster")
        rijen = []
        for regel in aanpak_per_partij(partijen):
            if regel.kwadrant is None:
                rijen.append([regel.partij, _GEEN, _GEEN, "nog niet geplaatst", _GEEN])
            else:
                rijen.append([regel.partij, regel.invloed, regel.belang, regel.kwadrant.naam, regel.kwadrant.aanpak])
        r.tabel(["Partij", "Invloed", "Belang", "Kwadrant", "Aanpak"], rijen)
    if beoordeeld:
        typen = v.inhoud.fase1.salience
        r.tussenkop("Saillantie: macht, legitimiteit en urgentie")
        rijen = []
        for p in beoordeeld:
            gekozen = salience_type(typen, p.macht, p.legitimiteit, p.urgentie)
            kenmerken = [naam for naam, aan in (("macht", p.macht), ("legitimiteit", p.legitimiteit),
                                                ("urgentie", p.urgentie)) if aan]
            rijen.append([p.naam, ", ".join(kenmerken) or "geen", f"{gekozen.naam} (saillantie: "
                          f"{salience_niveau(p.macht, p.legitimiteit, p.urgentie)})", gekozen.aanpak])
        r.tabel(["Partij", "Kenmerken", "Type", "Zo betrek je haar"], rijen)
    return True


def _ambities_en_belangen(r: _Rapport, v: DossierVerzameling) -> bool:
    ambities = [(p.naam, p.ambitie) for p in v.partijen if p.ambitie]
    cellen = v.partij_belangen
    if not ambities and not cellen:
        return False
    if ambities:
        r.tussenkop("Ambities")
        r.tabel(["Partij", "Ambitie"], ambities)
    if not cellen:
        return True
    namen, belangnamen = v.partijnamen, v.belangnamen
    gebruikt = [bid for bid in belangnamen if any(c.belang_id == bid for c in cellen)]
    kolommen = [p.id for p in v.partijen]
    figuurcellen = {(gebruikt.index(c.belang_id), kolommen.index(c.partij_id)): (c.houding, c.prioriteit)
                    for c in cellen if c.belang_id in gebruikt and c.partij_id in kolommen}
    alt = "Belangen per partij: " + "; ".join(
        f"{namen.get(c.partij_id, '?')} – {belangnamen[c.belang_id]}: {HOUDINGEN[c.houding].lower()}"
        + (" (topprioriteit)" if c.prioriteit else "") for c in cellen if c.belang_id in belangnamen)
    r.figuur(belangen_figuur([namen[k] for k in kolommen], [belangnamen[b] for b in gebruikt], figuurcellen), alt,
             "Belangen per partij")

    def partij(pid: int) -> str:
        return namen.get(pid, "?")

    def belang(bid: str) -> str:
        return belangnamen.get(bid, bid)

    conflictparen = [(c.a, c.b, c.toelichting) for c in v.inhoud.fase1.conflicten]
    r.tussenkop("✔ Gedeelde belangen")
    gedeeld = belangen_analyse.gedeelde_belangen(cellen)
    r.lijst_of([f"{belang(g.belang_id)}: {', '.join(partij(p) for p in g.partijen)}" for g in gedeeld],
               "Nog geen belang dat twee of meer partijen delen.")
    r.tussenkop("⚠ Belangen die botsen")
    items = []
    for s in belangen_analyse.spanningen(cellen, conflictparen):
        if s.belang_a == s.belang_b:
            items.append(f"{partij(s.partij_a)} heeft belang bij {belang(s.belang_a)}; voor {partij(s.partij_b)} "
                         "botst dat met het eigen belang.")
        else:
            items.append(f"{belang(s.belang_a)} ({partij(s.partij_a)}) en {belang(s.belang_b)} "
                         f"({partij(s.partij_b)}) trekken vaak tegen elkaar in. {s.toelichting}".strip())
    r.lijst_of(items, "Geen botsende belangen gevonden.")
    r.tussenkop("➜ Kansen om elkaar te helpen (mutual gains)")
    items = [f"Wederzijdse winst: {partij(x.partij_a)} kan bijdragen aan {belang(x.a_helpt_b_met)} voor "
             f"{partij(x.partij_b)}, en {partij(x.partij_b)} aan {belang(x.b_helpt_a_met)} voor "
             f"{partij(x.partij_a)}." for x in belangen_analyse.ruilen(cellen)]
    items += [f"{partij(k.leverancier)} kan bijdragen aan {belang(k.belang_id)} van {partij(k.ontvanger)}."
              for k in belangen_analyse.kansen(cellen)]
    r.lijst_of(items, "Nog geen kansen: geef aan waar partijen aan kunnen bijdragen.")
    return True


def _doel(r: _Rapport, v: DossierVerzameling) -> bool:
    doel = Doel.uit_dict(v.formulier("doel"))
    if doel is None:
        return False
    titel = DOELEN.get(doel.soort, doel.soort) + (f": {doel.omschrijving}" if doel.omschrijving else "")
    jaar = f" in {doel.streefjaar}" if doel.streefjaar else ""
    r.alinea(f"{titel}{jaar}", vet="Ons doel: ")
    if doel.criteria:
        r.alinea("Zo meten we het:")
        r.lijst(doel.criteria)
    if doel.woonlastenneutraal:
        r.alinea(f"volgens deze definitie: {doel.woonlasten_definitie}", vet="Woonlastenneutraal, ")
    return True


def _rollen(r: _Rapport, v: DossierVerzameling) -> bool:
    taken, partijen, rollen = v.taken, v.partijen, v.rollen
    if not taken and not any(p.capaciteit_uren is not None for p in partijen):
        return False
    namen, per_taak = v.partijnamen, {}
    for rol in rollen:
        if rol.partij_id in namen:
            per_taak.setdefault(rol.taak_id, []).append(
                f"{namen[rol.partij_id]}: {ROL_LABELS.get(rol.rol, rol.rol).lower()} "
                f"({uren_tekst(rol.uren_per_maand)} uur per maand)")
    if taken:
        r.tussenkop("Wie doet wat?")
        r.tabel(["Taak", "Spoor", "Rollen en uren"],
                [[t.naam, t.spoor, "; ".join(per_taak.get(t.id, [])) or "nog niemand"] for t in taken])
        spoornamen = {s.letter: s.naam for s in v.inhoud.sporen}
        punten = signalen(taken, partijen, rollen, spoornamen)
        r.tussenkop("Aandachtspunten")
        if punten:
            r.lijst(p.tekst for p in punten)
        else:
            r.alinea("Geen aandachtspunten: elke taak heeft één trekker, geen partij zit boven haar capaciteit en in "
                     "elk spoor werkt iemand mee.")
    belasting = belasting_per_partij(partijen, rollen)
    if belasting:
        r.tussenkop("Inzet tegenover capaciteit")
        rijen = []
        for regel in belasting:
            rijen.append([regel.partij, uren_tekst(regel.uren),
                          uren_tekst(regel.capaciteit) if regel.capaciteit_bekend else "onbekend", regel.oordeel])
        r.tabel(["Partij", "Uren per maand in taken", "Capaciteit (uur per maand)", "Oordeel"], rijen)
        if any(b.uren > 0 or b.capaciteit_bekend for b in belasting):
            from ..widgets.rollen import grafiek_alt

            r.figuur(rollen_figuur(belasting), grafiek_alt(belasting), "Inzet tegenover capaciteit per partij")
    return True


def _regierol(r: _Rapport, v: DossierVerzameling) -> bool:
    gegevens = v.formulier("regierol")
    inhoud_rol = v.inhoud.fase1.regierol
    antwoorden = gegevens.get("antwoorden") if isinstance(gegevens.get("antwoorden"), dict) else {}
    keuze = RegierolKeuze.uit_dict(gegevens.get("keuze"))
    beantwoord = aantal_beantwoord(inhoud_rol, antwoorden)
    if not beantwoord and keuze is None:
        return False
    scores = advies(inhoud_rol, antwoorden)
    top = hoogste(scores)
    if beantwoord:
        totaal = len(inhoud_rol.vragen)
        r.tussenkop("Advies uit de vragen")
        r.alinea(f"Het team beantwoordde {beantwoord} van de {totaal} vragen.")
        if not top:
            r.alinea("De antwoorden wijzen nog niet naar een regierol.")
        elif len(top) > 1:
            r.alinea(f"{len(top)} typen scoren gelijk ({scores[0][1]} punten): "
                     + ", ".join(t.naam for t in top) + ". Bespreek samen welke rol het best past.")
        else:
            r.alinea(f"{top[0].naam} ({scores[0][1]} punten).", vet="Advies: ")
        hoogste_ids = {t.id for t in top}
        r.tabel(["Regierol", "Punten", "Hoogste score"],
                [[t.naam, punten, "★ ja" if t.id in hoogste_ids else ""] for t, punten in scores])
    if keuze is not None:
        gekozen = regierol_type(inhoud_rol, keuze.type_id)
        naam = gekozen.naam if gekozen else keuze.type_id
        wanneer = f" op {datum_nl(keuze.vastgelegd.astimezone())}" if keuze.vastgelegd else ""
        r.tussenkop("Jullie keuze")
        r.alinea(f"{naam}{wanneer}.", vet="Vastgelegde keuze: ")
        r.alinea(keuze.onderbouwing, vet="Onderbouwing: ")
        if top and keuze.type_id not in {t.id for t in top}:
            r.alinea(f"Deze keuze wijkt af van het advies uit de vragen ({' of '.join(t.naam for t in top)}); de "
                     "onderbouwing legt uit waarom.")
    r.bron(f"Bron: {inhoud_rol.bron}")
    return True


def _afspraken(r: _Rapport, v: DossierVerzameling) -> bool:
    afspraken = Afspraken.uit_dict(v.formulier("afspraken"))
    if afspraken == Afspraken():
        return False
    nota = afsprakennota(v.dossier, v.partijen, afspraken, v.formulier("regierol"), v.inhoud, date.today())
    r.markdown(nota, kopniveau=3)
    return True


def _scan(r: _Rapport, v: DossierVerzameling) -> bool:
    rondes = v.scan_rondes
    if not rondes:
        return False
    scan = v.inhoud.fase1.scan
    factornamen = [f.naam for f in scan.factoren]
    for ronde in rondes:
        alle = v.scan_responsen[ronde.id]
        ingediend = [x for x in alle if x.is_ingediend]
        r.kop(f"Ronde: {ronde.naam}", 3)
        r.alinea(f"Deze ronde is {'gesloten' if ronde.is_gesloten else 'open'}: {len(ingediend)} ingediende "
                 f"antwoordenlijst(en), {len(alle) - len(ingediend)} nog in concept (die tellen niet mee).")
        if not ingediend:
            r.nog_niet("Nog geen ingediende antwoordenlijsten, dus nog geen resultaten.")
            continue
        uitslag = analyseer(scan, ingediend)
        r.tabel(["Factor", "Gemiddelde (1–5)", "Spreiding", "Aantal personen"], [
            [f.naam, "te weinig antwoorden", _GEEN, f.n] if f.te_weinig else
            [f.naam, getal(f.gemiddelde), getal(f.spreiding), f.n] for f in uitslag.factoren
        ])
        profielen = [(p.organisatie, [p.scores[f.id] for f in scan.factoren]) for p in uitslag.profielen]
        gemiddelde = [x.gemiddelde for x in uitslag.factoren]
        alt = (f"Radardiagram van de samenwerkingsscan, ronde {ronde.naam}, schaal 1 tot 5. Totaal: " + "; ".join(
            f"{x.naam} {'te weinig antwoorden' if x.te_weinig else getal(x.gemiddelde)}" for x in uitslag.factoren))
        r.figuur(radar_figuur(factornamen, profielen, gemiddelde, ronde.naam), alt,
                 f"Samenwerkingsscan per factor, {ronde.naam}")
        if uitslag.aandachtspunten:
            r.tussenkop("Aandachtspunten: de stellingen met de laagste score")
            items = []
            for punt in uitslag.aandachtspunten:
                factor = next(f.naam for f in scan.factoren if f.id == punt.stelling.factor)
                verschil = f", verschil tussen partners {getal(punt.verschil)}" if punt.verschil else ""
                items.append(f"Stelling {punt.nummer}: {punt.stelling.tekst} — gemiddelde {getal(punt.gemiddelde)} "
                             f"({factor}{verschil}). Gespreksvraag: {punt.gespreksvraag}")
            r.lijst(items)
        if uitslag.verschillen and uitslag.verschillen[0].op_basis_van == OP_ORGANISATIES:
            r.tussenkop("Waar de partners het meest verschillen")
            r.tabel(["Nr.", "Stelling", "Hoogste", "Laagste", "Verschil"], [
                [x.nummer, x.stelling.tekst, f"{x.hoogste[0]} ({getal(x.hoogste[1])})",
                 f"{x.laagste[0]} ({getal(x.laagste[1])})", getal(x.verschil)] for x in uitslag.verschillen])
    met_resultaat = [x for x in rondes if any(y.is_ingediend for y in v.scan_responsen[x.id])]
    if len(met_resultaat) >= 2:
        eerste, tweede = sorted(met_resultaat, key=lambda x: (x.aangemaakt, x.id))[-2:]
        vergelijking = vergelijk_rondes(*[
            factor_resultaten(scan, [y for y in v.scan_responsen[x.id] if y.is_ingediend]) for x in (eerste, tweede)])
        r.tussenkop(f"Vergelijking: {eerste.naam} en {tweede.naam}")
        rijen = []
        for x in vergelijking:
            if x.verschil is None:
                verandering = "niet te vergelijken (te weinig antwoorden)"
            elif abs(x.verschil) < 0.05:
                verandering = "gelijk gebleven"
            else:
                verandering = f"{'+' if x.verschil > 0 else '−'}{getal(abs(x.verschil))}"
            rijen.append([x.naam, getal(x.eerste), getal(x.tweede), verandering])
        r.tabel(["Factor", eerste.naam, tweede.naam, "Verandering"], rijen)
    r.bron(f"Bron: {scan.bron}")
    return True


# == phase 2 ==================================================================================
def _wijkprofiel(r: _Rapport, v: DossierVerzameling) -> bool:
    from ..widgets.wijkprofiel import dna_alt

    profiel = v.profiel
    if profiel is None:
        return False
    titel = profiel.naam + (f" (gemeente {profiel.gemeentenaam})" if profiel.gemeentenaam and
                            profiel.soort != "gemeente" else "")
    r.alinea(titel, vet="Wijkprofiel: ")
    if profiel.eigen_bestand:
        r.alinea(f"De cijfers van de wijk komen uit een eigen bestand: {profiel.eigen_bestand}.")
    alleen_gemeente = profiel.soort == "gemeente" and not profiel.eigen_bestand
    jaar = f" (CBS {profiel.jaar})" if profiel.eigen_bestand and profiel.jaar else ""
    koppen = ["Cijfer", profiel.naam + (" (eigen gegevens)" if profiel.eigen_bestand else "")]
    if not alleen_gemeente:
        koppen.append(f"Gemeente {profiel.gemeentenaam}{jaar}" if profiel.gemeentenaam else "Gemeente (onbekend)")
    koppen.append(NL_LABEL + jaar)
    rijen, groepen = [], {}
    for groep in GROEPEN:
        regels = [x for x in profiel.regels if INDICATOR[x.key].groep == groep]
        if regels:
            groepen[len(rijen)] = groep
        for x in regels:
            rij = [f"{x.label} ({x.eenheid})", opmaak(x.key, x.wijk)]
            if not alleen_gemeente:
                rij.append(opmaak(x.key, x.gemeente))
            rij.append(opmaak(x.key, x.nederland))
            rijen.append(rij)
    r.tabel(koppen, rijen, groepen=groepen)
    r.bron(f"{profiel.bron}. {NL_LABEL}: een som, of een gemiddelde gewogen naar inwoners, woningen of huishoudens; "
           "kan iets afwijken van het landelijke cijfer van het CBS. 'onbekend' betekent dat het CBS dit cijfer niet "
           "geeft. Licentie CBS open data: CC BY 4.0.")
    r.figuur(wijk_dna(profiel), dna_alt(profiel), f"Wijk-DNA van {profiel.naam}: index ten opzichte van Nederland "
                                                 "(= 100)")
    notities = v.formulier("wijkprofiel").get("notities")
    if isinstance(notities, str) and notities.strip():
        r.tussenkop("Wat valt op?")
        r.alinea(notities.strip())
    return True


def _transitieopgaven(r: _Rapport, v: DossierVerzameling) -> bool:
    opgaven = list(v.inhoud.opgaven)
    beoordelingen = beoordelingen_uit_dict(v.formulier("transitieopgaven"), [o.id for o in opgaven])
    if not any(b.urgentie is not None or b.ambitie is not None or b.toelichting for b in beoordelingen.values()):
        return False
    fase2 = v.inhoud.fase2
    urgentie = {n.waarde: f"{n.waarde} · {n.label}" for n in fase2.urgentie}
    ambitie = {n.waarde: f"{n.waarde} · {n.label}" for n in fase2.ambitie}
    r.tabel(["Opgave", "Urgentie in deze wijk", "Onze ambitie", "Toelichting"], [
        [o.naam, urgentie.get(beoordelingen[o.id].urgentie, "nog niet gekozen"),
         ambitie.get(beoordelingen[o.id].ambitie, "nog niet gekozen"), beoordelingen[o.id].toelichting or _GEEN]
        for o in opgaven])
    rijen = [(o.naam, beoordelingen[o.id].urgentie, beoordelingen[o.id].ambitie) for o in opgaven]
    alt = "Urgentie en ambitie per opgave. " + "; ".join(
        f"{naam}: urgentie {u if u is not None else 'nog niet gekozen'}, "
        f"ambitie {a if a is not None else 'nog niet gekozen'}" for naam, u, a in rijen)
    r.figuur(opgaven_figuur(rijen), alt, "Urgentie en ambitie per transitieopgave")
    r.alinea(f"{ingevuld(beoordelingen)} van de {len(opgaven)} opgaven hebben een urgentie én een ambitie.")
    punten = aandachtspunten(beoordelingen, {o.id: o.naam for o in opgaven})
    if punten:
        r.tussenkop("Om te bespreken")
        r.lijst(p.tekst for p in punten)
    return True


def _fysieke_kenmerken(r: _Rapport, v: DossierVerzameling) -> bool:
    from ..widgets.karakterisering import ZEKERHEID

    fase2 = v.inhoud.fase2
    gegevens = v.formulier("fysieke_kenmerken")
    labels = {sleutel: label for label, sleutel in ZEKERHEID}
    items = {vraag.id: gegevens.get(vraag.id) if isinstance(gegevens.get(vraag.id), dict) else {}
             for vraag in fase2.technische_vragen}
    if not any(str(x.get("antwoord") or "").strip() or str(x.get("bron") or "").strip() for x in items.values()):
        return False
    rijen, open_ = [], []
    for vraag in fase2.technische_vragen:
        item = items[vraag.id]
        antwoord = str(item.get("antwoord") or "").strip()
        zekerheid = item.get("zekerheid") if item.get("zekerheid") in labels else "uitzoeken"
        rijen.append([vraag.vraag, antwoord or _GEEN, str(item.get("bron") or "").strip() or _GEEN,
                      labels[zekerheid].strip("– ")])
        if not antwoord or zekerheid == "uitzoeken":
            open_.append(vraag.vraag)
    r.tabel(["Vraag", "Wat weten we?", "Bron", "Zekerheid"], rijen)
    beantwoord = sum(1 for x in items.values() if str(x.get("antwoord") or "").strip())
    r.alinea(f"{beantwoord} van de {len(rijen)} vragen hebben een antwoord.")
    if open_:
        r.tussenkop("Nog uit te zoeken")
        r.lijst(open_)
    if fase2.technische_bron:
        r.bron(f"Bron: {fase2.technische_bron}")
    return True


def _sociale_koppelkansen(r: _Rapport, v: DossierVerzameling) -> bool:
    fase2, opgaven = v.inhoud.fase2, list(v.inhoud.opgaven)
    opgave_ids = [o.id for o in opgaven]
    domeinen, koppelkansen = lees_formulier(v.formulier("sociale_koppelkansen"), [d.id for d in fase2.domeinen])
    ingevulde = [d for d in fase2.domeinen if domeinen[d.id].ingevuld]
    if not ingevulde and not koppelkansen:
        return False
    matrix = domein_opgave_matrix(domeinen, koppelkansen, opgave_ids)
    r.tussenkop("Welke domeinen raken aan welke opgave")
    r.alinea("✔ n: het aantal koppelingen (het domein zelf plus de koppelkansen); – : nog geen.")
    r.tabel(["Domein", *(o.naam for o in opgaven)], [
        [d.naam, *(f"✔ {matrix[d.id][o]}" if matrix[d.id][o] else _GEEN for o in opgave_ids)]
        for d in fase2.domeinen if any(matrix[d.id].values()) or domeinen[d.id].ingevuld])
    zonder = [o.naam for o in opgaven if o.id in opgaven_zonder_sociale_partner(matrix, opgave_ids)]
    r.alinea(f"Nog geen sociaal domein gekoppeld aan: {', '.join(zonder)}." if zonder else
             "Elke transitieopgave heeft minstens één sociaal domein als partner.")
    if ingevulde:
        r.tussenkop("Wat er in de wijk loopt en nodig is")
        r.tabel(["Domein", "Loopt al", "Nodig"], [
            [d.naam, domeinen[d.id].programma or _GEEN, domeinen[d.id].behoefte or _GEEN] for d in ingevulde])
    if koppelkansen:
        namen = {o.id: o.naam for o in opgaven}
        r.tussenkop("Sociale koppelkansen")
        r.tabel(["Koppelkans", "Domein", "Draagt bij aan", "Wat houdt het in?"], [
            [k.titel, fase2.domein(k.domein_id).naam if fase2.domein(k.domein_id) else "?",
             ", ".join(namen.get(o, o) for o in k.opgaven) or _GEEN, k.beschrijving or _GEEN] for k in koppelkansen])
    return True


def _planning(r: _Rapport, v: DossierVerzameling) -> bool:
    werken = v.werken
    if not werken:
        return False
    jaar = date.today().year
    r.tabel(["Nr.", "Omschrijving", "Eigenaar", "Soort", "Gebied (schaal)", "Periode", "Zekerheid", f"In {jaar}",
             "Toelichting"], [
        [nummer, x.omschrijving, x.eigenaar, x.soort_label, f"{x.gebied} ({x.niveau})", x.periode,
         ZEKERHEID_LABELS.get(x.zekerheid, x.zekerheid), tijdstatus(x, jaar), x.toelichting or _GEEN]
        for nummer, x in enumerate(werken, start=1)])
    return True


def _natuurlijke_momenten(r: _Rapport, v: DossierVerzameling) -> bool:
    from ..analysis.planning import BRON

    werken, momenten, marge = v.werken, v.momenten, v.marge
    if not werken:
        return False
    jaar = date.today().year
    r.alinea("Twee werken vallen samen als ze in hetzelfde gebied liggen en elkaar overlappen of hoogstens "
             f"{marge} jaar uit elkaar liggen (de marge die het team koos); werken van dezelfde eigenaar tellen niet.")
    binnenkort = werken_binnenkort(werken, jaar)
    if binnenkort:
        r.alinea(f"{len(binnenkort)} werk(en) loopt al of begint binnen {BINNENKORT_JAREN} jaar; daar is weinig ruimte "
                 "om nog aan te passen:", vet="Weinig tijd meer: ")
        r.lijst(f"{x.omschrijving} ({x.eigenaar}, {x.periode})" for x in binnenkort)
    r.figuur(tijdlijn(werken, momenten, jaar, marge),
             f"Tijdlijn van {len(werken)} werken met {len(momenten)} natuurlijke moment(en); de lijst hieronder noemt "
             "ze allemaal.", "Tijdlijn van de bestaande planningen")
    if not momenten:
        r.alinea(f"Geen natuurlijke momenten gevonden met een marge van {marge} jaar.")
    for nummer, moment in enumerate(momenten, start=1):
        if moment.venster_eind < jaar:
            wanneer = " (al voorbij)"
        elif moment.venster_start < jaar + BINNENKORT_JAREN:
            wanneer = " (⚠ begint binnenkort of loopt al)"
        else:
            wanneer = ""
        soort = "werken overlappen" if moment.overlappen else f"werken liggen hoogstens {marge} jaar uit elkaar"
        r.alinea(f"{moment.gebied}, {moment.venster} ({soort}){wanneer}. Partijen: {', '.join(moment.partijen)}.",
                 vet=f"◆ Moment {nummer}: ")
        r.lijst((f"{x.omschrijving} — {x.eigenaar}, {x.soort_label.lower()}, {x.periode}, "
                 f"{ZEKERHEID_LABELS.get(x.zekerheid, x.zekerheid).lower()}" for x in moment.werken), niveau=2)
        waarom = [f"{SOORTEN[s].label}: {SOORTEN[s].waarom}" for s in dict.fromkeys(x.soort for x in moment.werken)
                  if s in SOORTEN]
        if waarom:
            r.alinea("Waarom dit een kans is: " + " ".join(waarom))
    r.bron(f"Bron: {BRON}")
    return True


def _beeld_toetsen(r: _Rapport, v: DossierVerzameling) -> bool:
    gegevens = v.formulier("beeld_toetsen")
    uitspraken = lees_uitspraken(gegevens)
    vormen = gegevens.get("werkvormen") if isinstance(gegevens.get("werkvormen"), dict) else {}
    gekozen = [x.naam for x in v.inhoud.fase2.toetsvormen if vormen.get(x.id)]
    if not uitspraken and not gekozen:
        return False
    if gekozen:
        r.alinea(", ".join(gekozen) + ".", vet="Zo is getoetst: ")
    if not uitspraken:
        r.nog_niet("Nog geen uitspraken.")
        return True
    symbool = {"herkend": "✔ herkend", "schuurt": "✘ schuurt", "verdeeld": "≈ verdeeld",
               "nog niet getoetst": "○ nog niet getoetst"}
    r.tabel(["Uitspraak", "Herkend", "Klopt niet", "Oordeel", "Gemist", "Wat doen we ermee?"], [
        [u.tekst, u.herkend, u.klopt_niet, symbool[u.oordeel], u.gemist or _GEEN, u.verwerking or _GEEN]
        for u in uitspraken])
    getoetst = sum(1 for u in uitspraken if u.reacties)
    r.alinea(f"{getoetst} van de {len(uitspraken)} uitspraken zijn getoetst.")
    schuurt = [u.tekst for u in uitspraken if u.oordeel == "schuurt"]
    if schuurt:
        r.alinea("Hier schuurt het beeld: " + "; ".join(schuurt) + ".")
    return True


# == phase 3 ==================================================================================
def _koppelkansen(r: _Rapport, v: DossierVerzameling) -> bool:
    from ..analysis.koppelkansen import BRON
    from ..widgets.koppelkansen import criterium_label, figuur_alt

    if not v.koppelkansen:
        return False
    rangschikking = v.koppelkansen_rangschikking
    besluit_tekst = {"gekozen": "✔ gekozen", "niet": "✖ niet gekozen"}
    if rangschikking.gerangschikt:
        r.tabel(["Plaats", "Koppelkans", *(criterium_label(c) for c in rangschikking.criteria), "Gemiddelde",
                 "Besluit"], [
            [f"★ {k.plaats} (top {TOP})" if k.in_top else k.plaats, k.titel,
             *(k.scores[c] for c in rangschikking.criteria), k.gemiddelde_tekst,
             besluit_tekst.get(k.besluit, "○ open") + (f": {k.reden}" if k.reden else "")]
            for k in rangschikking.gerangschikt])
        if rangschikking.gedeelde_plaats_in_top:
            r.alinea(f"Er zijn {len(rangschikking.top)} kansen in de top {TOP}, omdat kansen met hetzelfde gemiddelde "
                     "een plaats delen.")
    else:
        r.alinea("Nog geen enkele koppelkans heeft een score op elk criterium, dus er is nog geen ranglijst.")
    if rangschikking.onvolledig:
        r.tussenkop("Nog niet volledig gescoord")
        r.lijst(f"{k.titel} — ontbreekt: {', '.join(criterium_label(c) for c in k.ontbrekend)}"
                + (f" ({besluit_tekst[k.besluit]})" if k.besluit in besluit_tekst else "")
                for k in rangschikking.onvolledig)
    r.figuur(koppelkansen_figuur(rangschikking), figuur_alt(rangschikking), "Gemiddelde score per koppelkans")
    r.bron(f"Bron: {BRON}")
    return True


def _opgavenmatrix(r: _Rapport, v: DossierVerzameling) -> bool:
    opgaven = list(v.inhoud.opgaven)
    ids, namen = [o.id for o in opgaven], {o.id: o.naam for o in opgaven}
    gegevens = v.formulier("opgavenmatrix")
    matrix = lees_matrix(gegevens, ids)
    overzicht = samenvatting(matrix, ids, namen)
    notities = gegevens.get("notities") if isinstance(gegevens.get("notities"), str) else ""
    if overzicht.leeg and not notities.strip():
        return False
    r.alinea("Elke rij werkt op de kolom: ++ versterkt sterk, + versterkt, 0 staat los, − hindert, −− hindert sterk.")
    r.tabel(["Werken aan … (rij) werkt op (kolom)", *(namen[b] for b in ids)], [
        [namen[a], *("—" if a == b else (teken(matrix[(a, b)]) if matrix[(a, b)] is not None else "") for b in ids)]
        for a in ids])
    r.alinea(f"{overzicht.ingevuld} van de {overzicht.totaal} cellen ingevuld.")
    for titel, zinnen in (("▲ Sterkste versterkingen", overzicht.versterken),
                          ("▼ Sterkste botsingen", overzicht.botsen),
                          ("⇄ Scheef: de een helpt, de ander hindert", overzicht.scheef)):
        if zinnen:
            r.tussenkop(titel)
            r.lijst(zinnen)
    if not overzicht.leeg:
        waarden = [[None if a == b else matrix[(a, b)] for b in ids] for a in ids]
        alt = "Heatmap van de opgavenmatrix, rij werkt op kolom. " + "; ".join(
            f"{namen[a]} op {namen[b]}: {teken(x)}" for (a, b), x in matrix.items() if x is not None)
        r.figuur(opgavenmatrix_figuur([namen[i] for i in ids], waarden), alt, "Opgave × opgave")
    if notities.strip():
        r.tussenkop("Notities")
        r.alinea(notities.strip())
    return True


def _warmtestrategieen(r: _Rapport, v: DossierVerzameling) -> bool:
    from ..analysis.strategieen import status_strategieen

    strategieen, fase34 = v.strategieen, v.inhoud.fase34
    if not strategieen or fase34 is None:
        return False
    titels = {k.id: k.titel for k in v.koppelkansen}
    rijen = []
    for s in strategieen:
        warmte = fase34.strategie(s.warmtestrategie)
        naam = f"{s.warmtestrategie} · {warmte.naam}" if warmte else s.warmtestrategie
        if warmte is not None and warmte.duurzaam_gas and duurzaam_gas_te_vroeg(
                s.warmtestrategie, startjaar_uit_fasering(s.fasering), True):
            naam += f" (⚠ start vóór {DUURZAAM_GAS_JAAR}: duurzaam gas is dan schaars)"
        rijen.append([s.naam, naam, ", ".join(titels.get(k, "onbekende koppelkans") for k in s.koppelkansen) or "geen",
                      s.fasering or "onbekend", s.omschrijving or _GEEN])
    r.tabel(["Naam", "Warmtestrategie", "Koppelkansen", "Fasering", "Omschrijving"], rijen)
    r.alinea(status_strategieen(len(strategieen))[1])
    return True


def _weging(r: _Rapport, v: DossierVerzameling) -> bool:
    criteria = v.criteria
    if not criteria:
        return False
    r.tussenkop("Criteria")
    r.tabel(["Nr.", "Criterium", "Omschrijving", "Herkomst"], [
        [i, c.naam, c.omschrijving or _GEEN, "uit de lijst" if c.catalogus_id else "eigen criterium"]
        for i, c in enumerate(criteria, start=1)])
    namen = {str(c.id): c.naam for c in criteria}
    compleet, ontbreekt = v.weging
    r.tussenkop("Gewichten per partij")
    if not compleet:
        r.nog_niet("Nog geen partij heeft punten verdeeld over alle criteria.")
    else:
        genormaliseerd = v.weging_genormaliseerd
        gezamenlijk = gezamenlijke_gewichten(compleet, namen=namen)
        r.tabel(["Criterium", *genormaliseerd, "Gezamenlijk (gemiddelde)"], [
            [naam, *(procent(g[c]) for g in genormaliseerd.values()), procent(gezamenlijk[c])]
            for c, naam in namen.items()])
        r.alinea("Percentages: het deel van de punten van die partij. Het gezamenlijke gewicht is het gemiddelde van "
                 "de partijen, zodat elke partij even zwaar telt.")
        if ontbreekt:
            r.alinea(", ".join(ontbreekt) + ".", vet="Nog niet (volledig) gewogen: ")
        zinnen = grote_verschillen(genormaliseerd, namen)
        if zinnen:
            r.tussenkop("Waar de partijen verschillen")
            r.lijst(zinnen)
        r.figuur(wegingen_figuur(genormaliseerd, namen, gezamenlijk),
                 "Staafdiagram: het gewicht van elk criterium per partij en gezamenlijk; de percentages staan in de "
                 "tabel.", "Gewicht per criterium, per partij")
    r.tussenkop("Vastzetting")
    nummers = v.besluitnummers
    vast = v.vastzetting
    if vast is None:
        r.alinea("De weging is nog niet vastgezet.")
    else:
        from ..widgets.besluitenlog import datum

        verdeling = ", ".join(f"{vast.criteria.get(c, str(c))} {procent(g)}" for c, g in vast.gewichten.items())
        r.alinea(f"Vastgezet op {datum(vast.vastgezet)} (besluit nr. {nummers.get(vast.besluit_id, '?')}). "
                 f"Afgesproken gewichten: {verdeling}.")
    return True


# == phase 4 ==================================================================================
def _afweging(r: _Rapport, v: DossierVerzameling) -> bool:
    stand = v.stand
    if not stand.strategieen or not stand.criteria:
        return False
    r.tussenkop("Scores (1–5; – = nog niet gescoord)")
    r.tabel(["Criterium", *(s.naam for s in stand.strategieen)], [
        [c.naam, *(_GEEN if stand.tabel[s.naam][str(c.id)] is None else stand.tabel[s.naam][str(c.id)]
                   for s in stand.strategieen)] for c in stand.criteria])
    rangschikking = stand.rangschikking
    r.tussenkop("Rangschikking")
    if rangschikking is None:
        r.alinea(stand.reden or "Nog geen rangschikking.")
        return True
    r.alinea(rangschikking.samenvatting(), vet="Uitkomst: ")
    r.lijst(f"{rangschikking.rang[s]}. {s} — gewogen score {getal(round(rangschikking.totaal[s], 2), 2)}"
            for s in rangschikking.volgorde)
    fase34 = v.inhoud.fase34
    gas = {s.id for s in fase34.strategieen if s.duurzaam_gas} if fase34 else set()
    op_gas = [s.naam for s in stand.strategieen if s.naam in rangschikking.winnaars and s.warmtestrategie in gas]
    if op_gas:
        r.alinea(f"{', '.join(op_gas)} rekent op duurzaam gas. {fase34.waarschuwing_duurzaam_gas} "
                 f"(bron: {fase34.bron_waarschuwing})", vet="Let op: ")
    r.figuur(rangschikking_figuur(rangschikking), "Gestapelde staven: de gewogen score per strategie, opgebouwd uit "
             "gewicht maal score per criterium. " + rangschikking.samenvatting(), "Rangschikking met de gezamenlijke "
             "gewichten")
    if stand.per_partij:
        try:
            per_partij = rangschik_per_partij(stand.tabel, stand.per_partij, namen=stand.namen)
        except InvoerFout as fout:
            r.alinea(f"De volgorde per partij lukt niet: {fout}")
        else:
            zinnen = verschillen_tussen_partijen(per_partij, rangschikking)
            r.tussenkop("Volgorde per partij")
            r.lijst(zinnen)
            r.figuur(partijen_figuur(per_partij, rangschikking), "Lijndiagram: de plaats van elke strategie per "
                     "partij. " + " ".join(zinnen), "Plaats van elke strategie per partij")
    uitkomst = v.gevoeligheid
    if uitkomst is not None:
        r.tussenkop("Hoe stevig is de winnaar?")
        r.alinea(uitkomst.oordeel + ".", vet="Oordeel: ")
        for zin in uitkomst.samenvatting():
            r.alinea(zin)
        r.figuur(gevoeligheid_figuur(uitkomst), "Staafdiagram: hoe vaak elke strategie bovenaan staat als de "
                 "gewichten schommelen. " + " ".join(uitkomst.samenvatting()), "Gevoeligheid voor de weging")
        trekkingen = f"{uitkomst.n:,}".replace(",", ".")
        r.bron(f"Herhaalbaar met startgetal (seed) {uitkomst.seed}, {trekkingen} trekkingen, spreiding "
               f"{procent(uitkomst.spreiding)}.")
    return True


def _woonlasten(r: _Rapport, v: DossierVerzameling) -> bool:
    if v.inhoud.fase34 is None:
        return False
    definitie, marge, strategie, uitkomsten = v.woonlasten
    if not uitkomsten:
        return False
    oordelen = {"woonlastenneutraal": "✔ woonlastenneutraal", "niet woonlastenneutraal": "✘ niet woonlastenneutraal",
                "onbekend": "? onbekend"}
    voor = f" voor {strategie}" if strategie else ""
    r.alinea(f"Uitkomst{voor}, volgens de definitie '{definitie.naam}'"
             + (f" met een marge van {euro(marge)} per maand" if marge else "") + ":")
    r.tabel(["Huishouden", "Voor", "Na", "Verschil", "Oordeel", "Toelichting"], [
        [naam, euro(t.totaal_voor), euro(t.totaal_na), euro(t.verschil, teken=True),
         oordelen.get(t.oordeel, t.oordeel), t.uitleg()] for _id, naam, t in uitkomsten])
    r.bron(f"Bedragen in euro per maand; een schatting per soort huishouden, individuele huishoudens kunnen afwijken. "
           f"Definitie: {definitie.omschrijving} (bron: {definitie.bron})")
    alt = "Woonlasten voor en na per huishouden: " + "; ".join(
        f"{naam}: {t.oordeel}, verschil {euro(t.verschil, teken=True)}" for _id, naam, t in uitkomsten)
    r.figuur(woonlasten_figuur([(naam, t) for _id, naam, t in uitkomsten],
                               namen={p.id: p.naam for p in v.inhoud.fase34.posten}), alt,
             "Woonlasten per maand, voor en na de overstap")
    return True


def _keuze(r: _Rapport, v: DossierVerzameling) -> bool:
    from ..widgets.besluitenlog import datum

    keuze = v.keuze
    if keuze is None:
        return False
    nr = v.besluitnummers.get(keuze.besluit_id, "?")
    r.alinea(f"{keuze.naam}, op {datum(keuze.gekozen)} (besluit nr. {nr} in het besluitenlog).", vet="Gekozen: ")
    r.alinea(keuze.onderbouwing, vet="Onderbouwing: ")
    r.alinea(keuze.aanwezig or "niet vastgelegd", vet="Aan tafel: ")
    r.alinea(keuze.afwijkend or "geen vastgelegd.", vet="Afwijkende standpunten: ")
    rangschikking = v.stand.rangschikking
    if rangschikking is not None and keuze.naam not in rangschikking.winnaars:
        r.alinea("Het team koos niet de strategie die bovenaan de afweging staat; de onderbouwing legt uit waarom.")
    return True


# Which part of the report belongs to which knooppunt (as werkboek.OEFENINGEN puts exercises in cards).
SECTIES: dict[str, tuple[Callable[[_Rapport, DossierVerzameling], bool], ...]] = {
    "f1-juiste-partijen": (_partijen,),
    "f1-invloed-en-belang": (_invloed_en_belang,),
    "f1-ambities-en-belangen": (_ambities_en_belangen,),
    "f1-doel-en-verhaal": (_doel,),
    "f1-samenwerkingsscan": (_scan,),
    "f1-rollen-en-verwachtingen": (_rollen,),
    "f1-regierol": (_regierol,),
    "f1-samenwerking-formaliseren": (_afspraken,),
    "f2-wijkprofiel": (_wijkprofiel,),
    "f2-transitieopgaven": (_transitieopgaven,),
    "f2-fysieke-kenmerken": (_fysieke_kenmerken,),
    "f2-sociale-koppelkansen": (_sociale_koppelkansen,),
    "f2-bestaande-planningen": (_planning,),
    "f2-natuurlijke-momenten": (_natuurlijke_momenten,),
    "f2-beeld-toetsen": (_beeld_toetsen,),
    "f3-strategieen-koppelkansen": (_koppelkansen,),
    "f3-opgaven-verbinden": (_opgavenmatrix,),
    "f3-warmtestrategieen": (_warmtestrategieen,),
    "f3-criteria-en-weging": (_weging,),
    "f4-strategieen-afwegen": (_afweging,),
    "f4-woonlasten": (_woonlasten,),
    "f4-energiesysteem-vastleggen": (_keuze,),
    "f3-participatievormen": (docx_participatievormen,),
    "f3-participatiestrategie": (docx_participatiestrategie,),
    "f3-besluitvormingsafspraken": (docx_besluitvorming,),
    "f4-te-verbinden-opgaven": (docx_te_verbinden,),
    "f4-inspraak": (docx_inspraak,),
    "f4-concept-wup": (docx_concept_wup,),
}


# == the whole report ==========================================================================
def _titelpagina(r: _Rapport, v: DossierVerzameling) -> None:
    dossier = v.dossier
    r.kop(TITEL, 0)
    r.alinea(dossier.naam, stijl="Subtitle")
    r.alinea(dossier.wijk or "nog niet ingevuld", vet="Wijk: ")
    r.alinea(dossier.gemeente or "nog niet ingevuld", vet="Gemeente: ")
    r.alinea(datum_nl(date.today()), vet="Datum: ")
    r.alinea("Dit document bundelt wat het team in het Wijkkompas werkboek heeft vastgelegd: per fase de "
             "knooppunten met hun status en de uitkomsten van de oefeningen, daarna het besluitenlog en de bronnen. "
             "Het is bouwmateriaal voor het wijkuitvoeringsplan, geen besluit op zich.")
    if dossier.is_voorbeeld:
        r.alinea("Dit is het voorbeelddossier van het werkboek: de wijkcijfers zijn echt, de partijen, antwoorden "
                 "en planningen zijn verzonnen.", cursief=True)
    if dossier.toelichting:
        r.alinea(dossier.toelichting, vet="Over dit dossier: ")
    r.pagina_einde()


def _fasen(r: _Rapport, v: DossierVerzameling) -> None:
    inhoud = v.inhoud
    for volgnummer, fase in enumerate(inhoud.fasen):
        if volgnummer:
            r.pagina_einde()  # every phase on a new page (the title page already ends with one)
        r.kop(f"Fase {fase.nummer}: {fase.naam}", 1)
        r.alinea(fase.kort, cursief=True)
        for knooppunt in inhoud.knooppunten_van_fase(fase.nummer):
            r.kop(knooppunt.titel, 2)
            status = STATUS_LABELS.get(v.statussen.get(knooppunt.id, ""), "Niet gestart")
            alinea = r.alinea(status, vet="Status: ")
            if knooppunt.bestuurlijk_gevoelig:
                alinea.add_run(f" · {BESTUURLIJK_GEVOELIG}.").italic = True
            schrijvers = SECTIES.get(knooppunt.id, ())
            if not schrijvers:
                r.nog_niet(GEEN_OEFENING)
                continue
            geschreven = [schrijver(r, v) for schrijver in schrijvers]
            if not any(geschreven):
                r.nog_niet()


def _besluitenlog(r: _Rapport, v: DossierVerzameling) -> None:
    from ..widgets.besluitenlog import KOPPEN, log_rijen

    sectie = r.doc.add_section(WD_SECTION.NEW_PAGE)  # the log is wide: a landscape page of its own
    sectie.orientation = WD_ORIENT.LANDSCAPE
    sectie.page_width, sectie.page_height = Cm(29.7), Cm(21)
    r.kop("Besluitenlog", 1)
    besluiten = v.besluiten
    if not besluiten:
        r.nog_niet("Nog geen besluiten vastgelegd.")
        return
    r.alinea("Alle besluiten van het team, oudste eerst. Het log groeit alleen: een vergissing wordt hersteld met een "
             "correctie, en het oorspronkelijke besluit blijft staan met een opmerking.")
    r.tabel(KOPPEN, log_rijen(besluiten, v.knooppunt_titel))


def _bronnen(r: _Rapport, v: DossierVerzameling) -> None:
    sectie = r.doc.add_section(WD_SECTION.NEW_PAGE)
    sectie.orientation = WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = Cm(21), Cm(29.7)
    r.kop("Bronnen", 1)
    r.alinea("De teksten van het werkboek zijn in eigen woorden geschreven op basis van deze bronnen.")
    for wat, bron in v.bronnen():
        alinea = r.doc.add_paragraph(style="List Bullet")
        alinea.add_run(_tekst(f"{wat}: ")).bold = True
        alinea.add_run(_tekst(bron))


def exporteer_docx(store, dossier_id: str) -> bytes:
    """The report of one dossier as .docx bytes. Raises ``OnbekendDossier`` (a WerkboekFout) for an unknown
    dossier; a dossier without any data gives a report that says 'Nog niet ingevuld.' per knooppunt."""
    verzameling = DossierVerzameling(store, dossier_id)
    rapport = _Rapport(f"{TITEL} · {verzameling.dossier.naam}")
    _titelpagina(rapport, verzameling)
    _fasen(rapport, verzameling)
    _besluitenlog(rapport, verzameling)
    _bronnen(rapport, verzameling)
    buffer = io.BytesIO()
    rapport.doc.save(buffer)
    return buffer.getvalue()
