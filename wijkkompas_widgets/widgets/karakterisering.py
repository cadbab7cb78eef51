"""Two phase-2 exercises that finish the picture of the wijk:

- 'Fysieke kenmerken': the six questions of the technical characterisation, each with what the team
  knows, where it comes from and how sure it is; figures from the wijkprofiel and the planning register
  are shown beside the question they answer.
- 'Het beeld toetsen met de wijk': short statements about the wijk, how many residents recognised them,
  what they missed and what the team did with it.

Both save field by field (``VersieFormulier``), so colleagues filling in other questions never collide.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.beeld import (
    controleer_tekst,
    controleer_telling,
    lees_uitspraken,
    nieuwe_uitspraak,
    uitspraken_uit_notities,
)
from ..analysis.koppelkansen import marge_uit_formulier
from ..analysis.planning import natuurlijke_momenten
from ..dossier import InvoerFout
from .basis import BREED, e, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening, profielcijfers_html
from .kop import toon_oefening
from .wijkprofiel import profiel_van_dossier

ZEKERHEID = (("– nog uitzoeken –", "uitzoeken"), ("Ruwe schatting", "schatting"), ("Onderbouwd", "onderbouwd"))
_ZEKERHEID_LABEL = {k: label for label, k in ZEKERHEID}


class _VraagBlok(w.VBox):
    def __init__(self, vraag):
        super().__init__()
        self.add_class(f"wk-technisch-{vraag.id}")
        self.vraag = vraag
        self.kop = w.HTML(f"<h4 style='margin:8px 0 2px 0'>{e(vraag.vraag)}</h4>"
                          f"<div class='wk-bron'>{e(vraag.toelichting)}</div>")
        self.cijfers = w.HTML()
        self.antwoord = w.Textarea(description="Wat weten we?", continuous_update=False, style=BREED,
                                   placeholder="Wordt opgeslagen zodra je het veld verlaat",
                                   layout=w.Layout(width="720px", height="64px"))
        self.bron = w.Text(description="Bron of wie weet het?", continuous_update=False, style=BREED,
                           placeholder="bijv. netbeheerder, PBL Startanalyse, eigen telling",
                           layout=w.Layout(width="720px"))
        self.zekerheid = w.Dropdown(options=ZEKERHEID, value="uitzoeken", description="Zekerheid", style=BREED,
                                    layout=w.Layout(width="420px"))
        self.children = [self.kop, self.cijfers, self.antwoord, self.bron, self.zekerheid]


class FysiekeKenmerkenOefening(FormulierOefening):
    SLEUTEL = "fysieke_kenmerken"

    def __init__(self, context: WerkboekContext):
        super().__init__(context, "wk-oefening-technisch")
        fase2 = context.inhoud.fase2
        self._blokken = {v.id: _VraagBlok(v) for v in fase2.technische_vragen}
        for vraag_id, blok in self._blokken.items():
            for veld, widget in (("antwoord", blok.antwoord), ("bron", blok.bron), ("zekerheid", blok.zekerheid)):
                widget.observe(lambda c, i=vraag_id, v=veld: self._wijzig(i, v, c["new"]), names="value")
        self._samenvatting = w.HTML()
        self._samenvatting.add_class("wk-technisch-samenvatting")
        self._inhoud = w.VBox([
            w.HTML("<p>Zes vragen bepalen welke energiesystemen in deze wijk kunnen. Noteer per vraag wat jullie "
                   "weten, waar het vandaan komt en hoe zeker het is. Wat nog uitgezocht moet worden, komt "
                   f"onderaan op een lijstje.</p><div class='wk-bron'>Bron: {e(fase2.technische_bron)}</div>"),
            *self._blokken.values(), self._melding, self._samenvatting,
        ])
        self.children = [self._inhoud]
        context.observe(self._herlaad, names="dossier_id")
        context.observe(self._ververs_cijfers, names="revisie")
        self._herlaad()

    @veilig()
    def _herlaad(self, _change=None) -> None:
        if not toon_oefening(self):
            return
        self._melding.wis()
        self._toon(self._formulier.laad())
        self._ververs_cijfers()

    def _toon(self, gegevens: dict) -> None:
        self._laden = True
        try:
            for vraag_id, blok in self._blokken.items():
                item = gegevens.get(vraag_id) if isinstance(gegevens.get(vraag_id), dict) else {}
                blok.antwoord.value = str(item.get("antwoord") or "")
                blok.bron.value = str(item.get("bron") or "")
                blok.zekerheid.value = item.get("zekerheid") if item.get("zekerheid") in _ZEKERHEID_LABEL \
                    else "uitzoeken"
        finally:
            self._laden = False
        self._samenvatting.value = technisch_samenvatting_html(self._blokken.values())

    @veilig()
    def _ververs_cijfers(self, _change=None) -> None:
        if self.context.dossier_id is None or self.context.store is None:
            return
        profiel = profiel_van_dossier(self.context.store, self.context.dossier_id)
        for blok in self._blokken.values():
            html = profielcijfers_html(profiel, blok.vraag.indicatoren)
            if blok.vraag.id == "vraag-plannen":
                html += self._plannen_html()
            blok.cijfers.value = html

    def _plannen_html(self) -> str:
        werken = self.context.store.planning_werken(self.context.dossier_id)
        marge = marge_uit_formulier(self.context.store.formulier(self.context.dossier_id, "natuurlijke-momenten")[0])
        momenten = natuurlijke_momenten(werken, marge)
        return (f"<div class='wk-bron'>In het planningsregister staan {len(werken)} werken; daarin zien jullie "
                f"{len(momenten)} natuurlijke moment(en) (knooppunt 'Fysieke koppelkansen en natuurlijke "
                "momenten').</div>")

    def _wijzig(self, vraag_id: str, veld: str, waarde) -> None:
        if not self._laden:
            self._bewaar(vraag_id, veld, waarde)

    @veilig()
    def _bewaar(self, vraag_id: str, veld: str, waarde) -> None:
        if veld == "zekerheid":
            if waarde not in _ZEKERHEID_LABEL:
                raise InvoerFout("Kies een zekerheid uit de lijst.")
        else:
            waarde = controleer_tekst(waarde, "Het antwoord" if veld == "antwoord" else "De bron")
        self._zet((vraag_id, veld), waarde)
        self._melding.ok(f"Opgeslagen: {self._blokken[vraag_id].vraag.vraag}")


def technisch_samenvatting_html(blokken) -> str:
    blokken = list(blokken)
    beantwoord = [b for b in blokken if b.antwoord.value.strip()]
    open_ = [b for b in blokken if not b.antwoord.value.strip() or b.zekerheid.value == "uitzoeken"]
    tekst = f"<p><b>{len(beantwoord)} van de {len(blokken)}</b> vragen hebben een antwoord.</p>"
    if open_:
        tekst += ("<p><b>Nog uit te zoeken:</b></p><ul>"
                  + "".join(f"<li>{e(b.vraag.vraag)}</li>" for b in open_) + "</ul>")
    return tekst


class BeeldToetsenOefening(FormulierOefening):
    SLEUTEL = "beeld_toetsen"

    def __init__(self, context: WerkboekContext):
        super().__init__(context, "wk-oefening-beeld")
        fase2 = context.inhoud.fase2
        self._vormen = {v.id: w.Checkbox(description=v.naam, indent=False, layout=w.Layout(width="340px"))
                        for v in fase2.toetsvormen}
        for vorm_id, vak in self._vormen.items():
            vak.observe(lambda c, i=vorm_id: self._wijzig_vorm(i, c["new"]), names="value")
        self._nieuw = w.Text(description="Nieuwe uitspraak", style=BREED, layout=w.Layout(width="720px"),
                             placeholder="bijv. In de Noordbuurt wonen veel ouderen alleen")
        self._toevoegen = w.Button(description="Uitspraak toevoegen", icon="plus", button_style="primary",
                                   layout=w.Layout(width="auto"))
        self._uit_notities = w.Button(description="Neem over uit 'Wat valt op?' (wijkprofiel)", icon="copy",
                                      layout=w.Layout(width="auto"))
        self._kies = w.Dropdown(description="Uitspraak", style=BREED, layout=w.Layout(width="720px"))
        self._kies.add_class("wk-beeld-kies")
        self._herkend = w.BoundedIntText(description="Herkend (aantal mensen)", min=0, max=100_000, style=BREED,
                                         layout=w.Layout(width="300px"))
        self._klopt_niet = w.BoundedIntText(description="Klopt niet (aantal)", min=0, max=100_000, style=BREED,
                                            layout=w.Layout(width="300px"))
        self._gemist = w.Text(description="Wat missen bewoners?", style=BREED, layout=w.Layout(width="720px"))
        self._verwerking = w.Text(description="Wat doen we ermee?", style=BREED, layout=w.Layout(width="720px"))
        self._opslaan = w.Button(description="Reacties opslaan", icon="check", button_style="primary")
        self._verwijder = w.Button(description="Uitspraak verwijderen…", icon="trash", layout=w.Layout(width="auto"))
        self._bevestig = w.Button(description="Ja, verwijderen", button_style="danger", layout=w.Layout(display="none"))
        self._overzicht = w.HTML()
        self._overzicht.add_class("wk-beeld-overzicht")
        self._inhoud = w.VBox([
            w.HTML("<p>Leg het beeld uit het wijkprofiel en de gesprekken voor aan bewoners en sleutelfiguren, "
                   "in een paar herkenbare uitspraken zonder vakjargon. Tel per uitspraak hoeveel mensen hem "
                   "herkennen en hoeveel niet, en noteer wat ze missen en wat jullie ermee doen.</p>"
                   "<p><b>Hoe hebben jullie getoetst?</b></p>"),
            w.HBox(list(self._vormen.values()), layout=w.Layout(flex_flow="row wrap")),
            w.HTML("<p><b>Uitspraken over de wijk</b></p>"), self._nieuw,
            w.HBox([self._toevoegen, self._uit_notities]),
            w.HTML("<p><b>Reacties per uitspraak</b></p>"), self._kies, w.HBox([self._herkend, self._klopt_niet]),
            self._gemist, self._verwerking, w.HBox([self._opslaan, self._verwijder, self._bevestig]),
            self._melding, self._overzicht,
        ])
        self.children = [self._inhoud]
        self._toevoegen.on_click(self._voeg_toe)
        self._uit_notities.on_click(self._neem_over)
        self._kies.observe(self._toon_keuze, names="value")
        self._opslaan.on_click(self._bewaar_reacties)
        self._verwijder.on_click(self._vraag_verwijderen)
        self._bevestig.on_click(self._verwijder_uitspraak)
        context.observe(self._herlaad, names="dossier_id")
        self._herlaad()

    @veilig()
    def _herlaad(self, _change=None) -> None:
        if not toon_oefening(self):
            return
        self._melding.wis()
        self._toon(self._formulier.laad())

    def _uitspraken(self):
        return lees_uitspraken(self._formulier.gegevens)

    def _toon(self, gegevens: dict) -> None:
        self._laden = True
        try:
            vormen = gegevens.get("werkvormen") if isinstance(gegevens.get("werkvormen"), dict) else {}
            for vorm_id, vak in self._vormen.items():
                vak.value = bool(vormen.get(vorm_id))
            uitspraken = self._uitspraken()
            gekozen = self._kies.value
            self._kies.options = [(u.tekst[:90], u.id) for u in uitspraken]
            self._kies.value = gekozen if gekozen in {u.id for u in uitspraken} else (
                uitspraken[0].id if uitspraken else None)
        finally:
            self._laden = False
        self._toon_keuze()
        self._bevestig.layout.display = "none"
        self._overzicht.value = beeld_overzicht_html(self._uitspraken())

    def _toon_keuze(self, _change=None) -> None:
        uitspraak = next((u for u in self._uitspraken() if u.id == self._kies.value), None)
        self._herkend.value = uitspraak.herkend if uitspraak else 0
        self._klopt_niet.value = uitspraak.klopt_niet if uitspraak else 0
        self._gemist.value = uitspraak.gemist if uitspraak else ""
        self._verwerking.value = uitspraak.verwerking if uitspraak else ""

    def _wijzig_vorm(self, vorm_id: str, aan: bool) -> None:
        if not self._laden:
            self._bewaar_vorm(vorm_id, aan)

    @veilig()
    def _bewaar_vorm(self, vorm_id: str, aan: bool) -> None:
        self._zet(("werkvormen", vorm_id), bool(aan))
        self._melding.ok("Werkvorm opgeslagen.")

    @veilig()
    def _voeg_toe(self, _knop=None) -> None:
        uitspraak = nieuwe_uitspraak(self._nieuw.value, self._uitspraken())
        self._zet(("uitspraken", uitspraak.id), uitspraak.als_dict())
        self._kies.value = uitspraak.id
        self._nieuw.value = ""
        self._melding.ok("Uitspraak toegevoegd. Vul hieronder de reacties in zodra jullie hem hebben getoetst.")

    @veilig()
    def _neem_over(self, _knop=None) -> None:
        notities = self.context.store.formulier(self.context.dossier_id, "wijkprofiel")[0].get("notities") or ""
        regels = uitspraken_uit_notities(str(notities), self._uitspraken())
        if not regels:
            raise InvoerFout("Er staan geen nieuwe regels in 'Wat valt op?' bij het wijkprofiel.")
        toegevoegd = 0
        for regel in regels:
            try:
                uitspraak = nieuwe_uitspraak(regel, self._uitspraken())
            except InvoerFout:
                break  # list is full
            self._zet(("uitspraken", uitspraak.id), uitspraak.als_dict())
            toegevoegd += 1
        self._melding.ok(f"{toegevoegd} uitspraak/uitspraken overgenomen uit het wijkprofiel.")

    @veilig()
    def _bewaar_reacties(self, _knop=None) -> None:
        uitspraak = next((u for u in self._uitspraken() if u.id == self._kies.value), None)
        if uitspraak is None:
            raise InvoerFout("Voeg eerst een uitspraak toe en kies hem in de lijst.")
        nieuw = {
            **uitspraak.als_dict(),
            "herkend": controleer_telling(self._herkend.value, "Herkend"),
            "klopt_niet": controleer_telling(self._klopt_niet.value, "Klopt niet"),
            "gemist": controleer_tekst(self._gemist.value, "Wat bewoners missen"),
            "verwerking": controleer_tekst(self._verwerking.value, "Wat jullie ermee doen"),
        }
        self._zet(("uitspraken", uitspraak.id), nieuw)
        self._melding.ok("De reacties op deze uitspraak zijn opgeslagen.")

    @veilig()
    def _vraag_verwijderen(self, _knop=None) -> None:
        if not self._kies.value:
            raise InvoerFout("Kies eerst de uitspraak die je wilt verwijderen.")
        self._bevestig.layout.display = "flex"

    @veilig()
    def _verwijder_uitspraak(self, _knop=None) -> None:
        self._zet(("uitspraken", self._kies.value), None)
        self._melding.ok("De uitspraak is verwijderd.")


def beeld_overzicht_html(uitspraken) -> str:
    if not uitspraken:
        return "<p><i>Nog geen uitspraken.</i></p>"
    symbool = {"herkend": "✔ herkend", "schuurt": "✘ schuurt", "verdeeld": "≈ verdeeld",
               "nog niet getoetst": "○ nog niet getoetst"}
    rijen = [[u.tekst, str(u.herkend), str(u.klopt_niet), symbool[u.oordeel], u.gemist or "–", u.verwerking or "–"]
             for u in uitspraken]
    getoetst = sum(1 for u in uitspraken if u.reacties)
    schuurt = [u.tekst for u in uitspraken if u.oordeel == "schuurt"]
    zonder_verwerking = sum(1 for u in uitspraken if u.reacties and not u.verwerking)
    tekst = f"<p><b>{getoetst} van de {len(uitspraken)}</b> uitspraken zijn getoetst.</p>"
    if schuurt:
        tekst += "<p>Hier schuurt het beeld: " + "; ".join(e(t) for t in schuurt) + ".</p>"
    if zonder_verwerking:
        tekst += (f"<p>Bij {zonder_verwerking} getoetste uitspraak/uitspraken staat nog niet wat jullie ermee doen; "
                  "laat bewoners zien wat er met hun reactie gebeurt.</p>")
    return tabel_html(["Uitspraak", "Herkend", "Klopt niet", "Oordeel", "Gemist", "Wat doen we ermee?"], rijen) + tekst
