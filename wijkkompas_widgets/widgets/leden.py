"""'Leden van het dossier' on the welcome page: who works in the open dossier and with which role. An eigenaar adds
someone by login name, changes a role or removes a member; every member can leave the dossier.

The store decides (only an eigenaar changes members, the last eigenaar can never go) and says why in Dutch when it
refuses; this view shows that message and changes nothing itself.
"""

from __future__ import annotations

import ipywidgets as w

from ..dossier.model import ROL_LABELS, ROL_UITLEG, ROLLEN, Lid
from ..leesmodel.geschiedenis import moment_tekst
from .basis import BREED, Bevestiging, Melding, e, knop, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html

_ROL_OPTIES = [(label, sleutel) for sleutel, label in ROLLEN]


def rol_tekst(rol: str) -> str:
    """'Bewerker (verandert alle oefeningen, maar niet de leden)'."""
    uitleg = ROL_UITLEG.get(rol, "")
    return f"{ROL_LABELS.get(rol, rol)} ({uitleg})" if uitleg else ROL_LABELS.get(rol, rol)


def _sinds(lid: Lid) -> str:
    return moment_tekst(lid.sinds)[:10]


class LedenBeheer(w.VBox):
    """The members of the open dossier with their role; the controls to change them are there for an eigenaar."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-leden")
        self.context = context
        self._melding = Melding()
        self._melding.add_class("wk-leden-melding")
        self._jouw_rol = w.HTML()
        self._jouw_rol.add_class("wk-leden-jouw-rol")
        self._lijst = w.VBox()
        self._lijst.add_class("wk-leden-lijst")
        self._naam = w.Text(description="Inlognaam van het nieuwe lid", placeholder="bijv. anna of anna@gemeente.nl",
                            style=BREED, layout=w.Layout(width="520px"))
        self._naam.add_class("wk-lid-naam")
        self._rol = w.Dropdown(description="Rol van het nieuwe lid", options=_ROL_OPTIES, value="bewerker",
                               style=BREED, layout=w.Layout(width="520px"))
        self._rol.add_class("wk-lid-rol")
        self._toevoegen = knop("Lid toevoegen", "wk-lid-toevoegen", icon="user-plus", button_style="primary")
        self._toevoegen.on_click(self._voeg_toe)
        self._formulier = w.VBox([
            w.HTML("<h4>Iemand toevoegen</h4><div class='wk-bron'>Vul de inlognaam in waarmee die persoon zich "
                   "aanmeldt. Wie nog geen account heeft, vraagt de beheerder van de server om er een te maken.</div>"),
            self._naam, self._rol, self._toevoegen,
        ])
        self._formulier.add_class("wk-leden-formulier")
        self._verlaten = knop("Dit dossier verlaten", "wk-lid-verlaten", icon="sign-out",
                              tooltip="Je bent daarna geen lid meer en ziet het dossier niet meer")
        self._verlaten.on_click(self._vraag_verlaten)
        self._bevestig = Bevestiging("wk-leden-bevestig", nee="Nee, laat maar")
        self._bevestig.add_class("wk-leden-bevestig")
        self._te_bevestigen = None
        self._bevestig.ja.on_click(self._bevestigd)
        self._uitleg = w.HTML(
            "<div class='wk-bron'>Rollen: " + "; ".join(
                f"<b>{e(label)}</b>: {e(ROL_UITLEG[sleutel])}" for sleutel, label in ROLLEN) + ".</div>")
        self.children = [self._uitleg, self._jouw_rol, self._lijst, self._formulier, self._verlaten, self._bevestig,
                         self._melding]
        context.observe(self._dossier_gewisseld, names="dossier_id")
        context.observe(self._ververs, names="revisie")
        self._laad()

    # -- what the page shows ---------------------------------------------------------------------------------
    @property
    def _ik(self) -> str:
        gebruiker = getattr(self.context.store, "gebruiker", None)
        return getattr(gebruiker, "naam", "") or ""

    def _dossier_gewisseld(self, _change=None) -> None:
        self._melding.wis()
        self._bevestig.verberg()
        self._laad()

    def _ververs(self, _change=None) -> None:
        self._laad()

    @veilig()
    def _laad(self) -> None:
        context = self.context
        if context.store is None or context.dossier_id is None:
            self._jouw_rol.value = geen_dossier_html()
            self._lijst.children = []
            for deel in (self._formulier, self._verlaten, self._uitleg):
                deel.layout.display = "none"
            return
        self._uitleg.layout.display = "flex"
        store, dossier_id = context.store, context.dossier_id
        rol = store.rol(dossier_id)
        leden = store.leden(dossier_id)
        ik = self._ik
        eigenaar = rol == "eigenaar"
        lid_van = any(lid.gebruiker == ik for lid in leden) if ik else False
        gebruiker = getattr(store, "gebruiker", None)
        if getattr(gebruiker, "ziet_alles", False):
            self._jouw_rol.value = (
                "<div class='wk-melding wk-melding-info' role='status'>ℹ Je werkt zonder aanmelden (op deze computer "
                "of als beheerder) en ziet alle dossiers. Leden en rollen tellen voor wie zich aanmeldt op een "
                "gedeelde server.</div>")
        else:
            self._jouw_rol.value = f"<p>Jouw rol in dit dossier: <b>{e(rol_tekst(rol))}</b>.</p>"
        if not leden:
            self._lijst.children = [w.HTML("<p class='wk-leden-leeg'><i>Dit dossier heeft nog geen leden.</i></p>")]
        else:
            self._lijst.children = [self._rij(lid, eigenaar) for lid in leden]
        # on one's own computer there are no accounts to add: the form would only ever say 'unknown user'
        self._formulier.layout.display = "flex" if eigenaar and not getattr(gebruiker, "ziet_alles", False) else "none"
        self._verlaten.layout.display = "flex" if lid_van else "none"

    def _rij(self, lid: Lid, eigenaar: bool) -> w.Widget:
        wie = e(lid.weergavenaam or lid.gebruiker)
        jij = " (jij)" if lid.gebruiker and lid.gebruiker == self._ik else ""
        naam = w.HTML(f"<span class='wk-lid-wie'><b>{wie}</b>{jij} · inlognaam {e(lid.gebruiker)} · "
                      f"lid sinds {e(_sinds(lid))}</span>", layout=w.Layout(width="460px"))
        if not eigenaar:
            rij = w.HBox([naam, w.HTML(f"<span class='wk-lid-rol-tekst'>{e(rol_tekst(lid.rol))}</span>")])
        else:
            rol = w.Dropdown(description=f"Rol van {lid.weergavenaam or lid.gebruiker}", options=_ROL_OPTIES,
                             value=lid.rol if lid.rol in ROL_LABELS else "lezer",
                             style={"description_width": "initial"}, layout=w.Layout(width="auto"))
            rol.add_class("wk-lid-rol-wijzigen")
            rol.observe(lambda change, lid=lid: self._wijzig_rol(lid, change), names="value")
            weg = knop("Verwijderen", "wk-lid-verwijderen", icon="user-times",
                       tooltip=f"{lid.weergavenaam or lid.gebruiker} uit het dossier halen")
            weg.on_click(lambda _k, lid=lid: self._vraag_verwijderen(lid))
            rij = w.HBox([naam, rol, weg], layout=w.Layout(align_items="center"))
        rij.add_class("wk-lid-rij")
        return rij

    # -- changes -------------------------------------------------------------------------------------------------
    @veilig()
    def _voeg_toe(self, _knop=None) -> None:
        lid = self.context.store.zet_lid(self.context.dossier_id, self._naam.value.strip(), self._rol.value)
        self._naam.value = ""
        self._melding.ok(f"{lid.weergavenaam or lid.gebruiker} is nu {lid.rol_label.lower()} van dit dossier.")
        self.context.gewijzigd()

    @veilig()
    def _wijzig_rol(self, lid: Lid, change) -> None:
        try:
            nieuw = self.context.store.zet_lid(self.context.dossier_id, lid.gebruiker, change["new"])
        except Exception:
            self._laad()  # show the role as it is really stored
            raise
        self._melding.ok(f"{nieuw.weergavenaam or nieuw.gebruiker} is nu {nieuw.rol_label.lower()}.")
        self.context.gewijzigd()

    def _vraag_verwijderen(self, lid: Lid) -> None:
        self._te_bevestigen = ("verwijderen", lid)
        self._bevestig.ja.description = "Ja, uit het dossier halen"
        self._bevestig.vraag(f"Weet je zeker dat je <b>{e(lid.weergavenaam or lid.gebruiker)}</b> uit dit dossier "
                             "haalt? Die persoon ziet het dossier daarna niet meer; wat zij of hij veranderde, "
                             "blijft in de geschiedenis staan.")

    def _vraag_verlaten(self, _knop=None) -> None:
        dossier = self.context.dossier()
        self._te_bevestigen = ("verlaten", None)
        self._bevestig.ja.description = "Ja, verlaat het dossier"
        self._bevestig.vraag(f"Weet je zeker dat je <b>{e(dossier.naam if dossier else 'dit dossier')}</b> wilt "
                             "verlaten? Je ziet het dossier daarna niet meer, tot een eigenaar je weer toevoegt.")

    @veilig()
    def _bevestigd(self, _knop=None) -> None:
        wat, lid = self._te_bevestigen or (None, None)
        self._te_bevestigen = None
        self._bevestig.verberg()
        store, dossier_id = self.context.store, self.context.dossier_id
        if wat == "verwijderen" and lid is not None:
            store.verwijder_lid(dossier_id, lid.gebruiker)
            self._melding.ok(f"{lid.weergavenaam or lid.gebruiker} is geen lid meer van dit dossier.")
            self.context.gewijzigd()
        elif wat == "verlaten":
            dossier = self.context.dossier()
            store.verwijder_lid(dossier_id, self._ik)
            naam = dossier.naam if dossier else "het dossier"
            overgebleven = store.dossiers()
            self.context.dossier_id = overgebleven[0].id if overgebleven else None
            self._melding.ok(f"Je bent geen lid meer van '{naam}'.")
