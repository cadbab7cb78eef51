"""Exercise 'Het beeld toetsen met de wijk' (knooppunt f2-beeld-toetsen): short statements about the wijk, how
many residents recognised them, what they missed and what the team did with it.

Saved field by field (``formulieren.BEELD_TOETSEN``): a statement is one field, so colleagues adding or answering
other statements at the same time never collide.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.beeld import (
    OORDEEL_SYMBOOL,
    controleer_tekst,
    controleer_telling,
    lees_uitspraken,
    nieuwe_uitspraak,
    uitspraken_uit_notities,
    werkvormen,
)
from ..dossier import InvoerFout, formulieren
from ..leesmodel.wijkprofiel import notities_van_dossier
from .basis import BREED, e, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening


class BeeldToetsenOefening(FormulierOefening):
    """How the picture was tested (saved per tick), the statements, and the reactions per statement (saved with
    a button); an overview of what was recognised and where the picture grates."""

    SLEUTEL = formulieren.BEELD_TOETSEN
    KLASSE = "wk-oefening-beeld"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        fase2 = context.inhoud.fase2
        self._vormen = {v.id: w.Checkbox(description=v.naam, indent=False, layout=w.Layout(width="340px"))
                        for v in fase2.toetsvormen}
        for vorm_id, vak in self._vormen.items():
            self.bij_wijziging(vak, lambda aan, i=vorm_id: self._bewaar_vorm(i, aan))
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
        self.inhoud.children = [
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
        ]
        self._toevoegen.on_click(self._voeg_toe)
        self._uit_notities.on_click(self._neem_over)
        self._kies.observe(self._toon_keuze, names="value")
        self._opslaan.on_click(self._bewaar_reacties)
        self._verwijder.on_click(self._vraag_verwijderen)
        self._bevestig.on_click(self._verwijder_uitspraak)
        self.start()

    def laad(self, dossier_gewisseld: bool = True) -> None:
        self._melding.wis()
        self._toon(self._formulier.laad())

    def _uitspraken(self):
        return lees_uitspraken(self.gegevens)

    def _toon(self, gegevens: dict) -> None:
        vormen = werkvormen(gegevens)
        for vorm_id, vak in self._vormen.items():
            self.toon(vak, bool(vormen.get(vorm_id)))
        uitspraken = self._uitspraken()
        gekozen = self._kies.value
        self.toon(self._kies, gekozen if gekozen in {u.id for u in uitspraken} else (
            uitspraken[0].id if uitspraken else None), opties=[(u.tekst[:90], u.id) for u in uitspraken])
        self._toon_keuze()
        self._bevestig.layout.display = "none"
        self._overzicht.value = beeld_overzicht_html(self._uitspraken())

    def _toon_keuze(self, _change=None) -> None:
        uitspraak = next((u for u in self._uitspraken() if u.id == self._kies.value), None)
        self._herkend.value = uitspraak.herkend if uitspraak else 0
        self._klopt_niet.value = uitspraak.klopt_niet if uitspraak else 0
        self._gemist.value = uitspraak.gemist if uitspraak else ""
        self._verwerking.value = uitspraak.verwerking if uitspraak else ""

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
        notities = notities_van_dossier(self.context.store, self.context.dossier_id)
        regels = uitspraken_uit_notities(notities, self._uitspraken())
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
    rijen = [[u.tekst, str(u.herkend), str(u.klopt_niet), OORDEEL_SYMBOOL[u.oordeel], u.gemist or "–",
              u.verwerking or "–"] for u in uitspraken]
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
