"""The building blocks of the Word report: a python-docx document with headings, paragraphs, lists, tables with
a real header row, figures with alt text and our own Markdown, in Dutch and on A4.

``docx.py`` writes the report with it, and the exercises' own parts (``deel_*.py``) write their sections with
it; they only name the class in type hints, so the Excel export that imports them never loads python-docx.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from markdown_it import MarkdownIt
from matplotlib.figure import Figure

from ..charts import figuur_naar_png
from ..teksten import NOG_NIET_INGEVULD as NOG_NIET
from ..teksten import RAPPORT_TITEL as TITEL

TABELSTIJL = "Light Grid Accent 1"
FIGUURBREEDTE = Cm(15)
GEEN = "–"  # an empty cell
_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_WOORDGRENS = re.compile(r"[ \t\n/-]+")  # where a line in a table cell may break (not at a no-break space)


def schoon(waarde: object) -> str:
    """Any value as text Word accepts: characters XML forbids (control characters) are dropped."""
    return _ONGELDIG.sub("", "" if waarde is None else str(waarde))


class Rapport:
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
        eigenschappen.title = schoon(titel)[:250]
        eigenschappen.language = "nl-NL"
        eigenschappen.author = "Wijkkompas werkboek"
        eigenschappen.comments = TITEL
        self._voettekst(sectie, titel)

    def _voettekst(self, sectie, titel: str) -> None:
        alinea = sectie.footer.paragraphs[0]
        alinea.add_run(schoon(f"{titel} · pagina "))
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
        self.doc.add_heading(schoon(tekst), level=niveau)

    def alinea(self, tekst: str = "", *, vet: str = "", cursief: bool = False, stijl: str | None = None):
        alinea = self.doc.add_paragraph(style=stijl)
        if vet:
            alinea.add_run(schoon(vet)).bold = True
        if tekst:
            alinea.add_run(schoon(tekst)).italic = cursief
        return alinea

    def tussenkop(self, tekst: str) -> None:
        """A bold line above a part of an exercise (below the knooppunt's heading level)."""
        alinea = self.alinea(vet=tekst)
        alinea.paragraph_format.space_before = Pt(8)
        alinea.paragraph_format.keep_with_next = True

    def lijst(self, items: Iterable[str], niveau: int = 1) -> None:
        stijl = "List Bullet" if niveau == 1 else "List Bullet 2"
        for item in items:
            self.doc.add_paragraph(schoon(item), style=stijl)

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
        koppen = [schoon(k) for k in koppen]
        # an amount never breaks between '€' and its number
        rijen = [[schoon(waarde).replace("€ ", "€\u00a0") for waarde in rij] for rij in rijen]
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
                samen.paragraphs[0].add_run(schoon(groepen[index])).bold = True
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
        eigenschappen.set("descr", schoon(alt)[:2000])
        eigenschappen.set("title", schoon(bijschrift or alt)[:200])
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
                run = alinea.add_run(schoon(kind.content))
                run.bold, run.italic = vet or None, cursief or None
            elif kind.type == "hardbreak":
                alinea.add_run().add_break()
            elif kind.type == "softbreak":
                alinea.add_run(" ")
