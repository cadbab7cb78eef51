"""Exercise 'Fysieke kenmerken' (knooppunt f2-fysieke-kenmerken): the six questions of the technical
characterisation, each with what the team knows, where it comes from and how sure it is; figures from the
wijkprofiel and the planning register are shown beside the question they answer.

Saved field by field (``formulieren.FYSIEKE_KENMERKEN``), so colleagues filling in other questions never collide.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.beeld import controleer_tekst
from ..dossier import InvoerFout, formulieren
from ..leesmodel.fysieke_kenmerken import NOG_UITZOEKEN, ZEKERHEID, ZEKERHEID_LABEL, Antwoord, lees_antwoorden
from ..leesmodel.planning import momenten_van_dossier
from ..leesmodel.wijkprofiel import profiel_van_dossier
from .basis import BREED, e
from .context import WerkboekContext
from .formulier import FormulierOefening
from .wijkprofiel import profielcijfers_html


class _VraagBlok(w.VBox):
    def __init__(self, vraag):
        super().__init__()
        self.add_class(f"wk-technisch-{vraag.id}")
        self.vraag = vraag
        self.kop = w.HTML(f"<h4 style='margin:8px 0 2px 0'>{e(vraag.vraag)}</h4>"
                          f"<div class='wk-bron'>{e(vraag.toelichting)}</div>")
        self.cijfers = w.HTML()
        self.cijfers.add_class("wk-technisch-cijfers")
        self.antwoord = w.Textarea(description="Wat weten we?", continuous_update=False, style=BREED,
                                   placeholder="Wordt opgeslagen zodra je het veld verlaat",
                                   layout=w.Layout(width="720px", height="64px"))
        self.bron = w.Text(description="Bron of wie weet het?", continuous_update=False, style=BREED,
                           placeholder="bijv. netbeheerder, PBL Startanalyse, eigen telling",
                           layout=w.Layout(width="720px"))
        self.zekerheid = w.Dropdown(options=ZEKERHEID, value=NOG_UITZOEKEN, description="Zekerheid", style=BREED,
                                    layout=w.Layout(width="420px"))
        self.children = [self.kop, self.cijfers, self.antwoord, self.bron, self.zekerheid]


class FysiekeKenmerkenOefening(FormulierOefening):
    """Per question an answer, a source and a certainty, each saved when the field is left; underneath what is
    still to be found out. The figures follow the wijkprofiel and the register (hence also ``revisie``)."""

    SLEUTEL = formulieren.FYSIEKE_KENMERKEN
    KLASSE = "wk-oefening-technisch"
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        fase2 = context.inhoud.fase2
        self._blokken = {v.id: _VraagBlok(v) for v in fase2.technische_vragen}
        for vraag_id, blok in self._blokken.items():
            for veld, widget in (("antwoord", blok.antwoord), ("bron", blok.bron), ("zekerheid", blok.zekerheid)):
                self.bij_wijziging(widget, lambda waarde, i=vraag_id, v=veld: self._bewaar(i, v, waarde))
        self._samenvatting = w.HTML()
        self._samenvatting.add_class("wk-technisch-samenvatting")
        self.inhoud.children = [
            w.HTML("<p>Zes vragen bepalen welke energiesystemen in deze wijk kunnen. Noteer per vraag wat jullie "
                   "weten, waar het vandaan komt en hoe zeker het is. Wat nog uitgezocht moet worden, komt "
                   f"onderaan op een lijstje.</p><div class='wk-bron'>Bron: {e(fase2.technische_bron)}</div>"),
            *self._blokken.values(), self._melding, self._samenvatting,
        ]
        self.start()

    def laad(self, dossier_gewisseld: bool = True) -> None:
        if dossier_gewisseld:
            self._melding.wis()
            self._toon(self._formulier.laad())
        self._ververs_cijfers()

    def _toon(self, gegevens: dict) -> None:
        antwoorden = lees_antwoorden(gegevens, (blok.vraag for blok in self._blokken.values()))
        for antwoord in antwoorden:
            blok = self._blokken[antwoord.vraag.id]
            self.toon(blok.antwoord, antwoord.antwoord)
            self.toon(blok.bron, antwoord.bron)
            self.toon(blok.zekerheid, antwoord.zekerheid)
        self._samenvatting.value = technisch_samenvatting_html(antwoorden)

    def _ververs_cijfers(self) -> None:
        profiel = profiel_van_dossier(self.context.store, self.context.dossier_id)
        for blok in self._blokken.values():
            html = profielcijfers_html(profiel, blok.vraag.indicatoren)
            if blok.vraag.id == "vraag-plannen":
                html += self._plannen_html()
            blok.cijfers.value = html

    def _plannen_html(self) -> str:
        werken, momenten = momenten_van_dossier(self.context.store, self.context.dossier_id)
        return (f"<div class='wk-bron'>In het planningsregister staan {len(werken)} werken; daarin zien jullie "
                f"{len(momenten)} natuurlijke moment(en) (knooppunt 'Fysieke koppelkansen en natuurlijke "
                "momenten').</div>")

    def _bewaar(self, vraag_id: str, veld: str, waarde) -> None:
        if veld == "zekerheid":
            if waarde not in ZEKERHEID_LABEL:
                raise InvoerFout("Kies een zekerheid uit de lijst.")
        else:
            waarde = controleer_tekst(waarde, "Het antwoord" if veld == "antwoord" else "De bron")
        self._zet((vraag_id, veld), waarde)
        self._melding.ok(f"Opgeslagen: {self._blokken[vraag_id].vraag.vraag}")


def technisch_samenvatting_html(antwoorden: list[Antwoord]) -> str:
    beantwoord = [a for a in antwoorden if a.beantwoord]
    open_ = [a for a in antwoorden if a.uit_te_zoeken]
    tekst = f"<p><b>{len(beantwoord)} van de {len(antwoorden)}</b> vragen hebben een antwoord.</p>"
    if open_:
        tekst += ("<p><b>Nog uit te zoeken:</b></p><ul>"
                  + "".join(f"<li>{e(a.vraag.vraag)}</li>" for a in open_) + "</ul>")
    return tekst
