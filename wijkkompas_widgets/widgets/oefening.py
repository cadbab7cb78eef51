"""The one lifecycle every exercise shares: dossier switch, refresh after a colleague's change, the 'no dossier'
note, the message line, and save-on-change without guard flags.

An exercise subclasses ``Oefening``, builds its controls, puts them in ``self.inhoud`` and calls ``self.start()``
at the end of ``__init__``; ``laad`` then fills the controls from the store whenever the open dossier changes
(and, unless ``VERVERS_BIJ`` says otherwise, after every saved change on the page).

Read-only for who may only look (a lezer; the example dossier on a shared server): after every ``laad`` every
control of the exercise is disabled, and stays so when the exercise's own logic would enable it again, until the
page shows a dossier the person may change. A control that only chooses what to show (a round to look at) carries
the CSS class ``wk-kijkkeuze`` and stays usable. The widget is not the only guard: the store refuses the write too.

Why no ``_laden`` flags: an exercise fills a control with ``self.toon(veld, waarde)``, which remembers what it put
there; ``self.bij_wijziging(veld, actie)`` calls ``actie`` only when the control then holds something else, i.e.
when a person changed it. Filling never saves, and a person's change always does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import ipywidgets as w

from .basis import Melding, veilig, zet_keuze
from .context import WerkboekContext
from .kop import geen_dossier_html, mag_wijzigen

_NIETS = object()
KIJKKEUZE = "wk-kijkkeuze"  # a control that only chooses what to show: a lezer may use it


def is_invoer(widget: w.Widget) -> bool:
    """A control a person changes the dossier with: a button, a field, a choice, an upload (not a text or a link),
    unless it is marked as only choosing what to show."""
    if isinstance(widget, (w.HTML, w.HTMLMath, w.Label)) or not widget.has_trait("disabled"):
        return False
    return KIJKKEUZE not in getattr(widget, "_dom_classes", ())


def invoervelden(widget: w.Widget):
    """Every control in the tree below ``widget``, hidden ones included (they may be shown later)."""
    if is_invoer(widget):
        yield widget
    for kind in getattr(widget, "children", ()) or ():
        yield from invoervelden(kind)


class Oefening(w.VBox):
    """Base of every exercise view. Subclasses set ``KLASSE`` (the stable CSS class browser tests and
    styling find the exercise by) and implement ``laad``."""

    KLASSE: ClassVar[str] = ""
    # Which changes of the page's context make the exercise read the store again: the open dossier, and the
    # revision that goes up after every save on the page (parties shown in two exercises stay in step).
    VERVERS_BIJ: ClassVar[tuple[str, ...]] = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext, *, klasse: str | None = None):
        super().__init__()
        self.add_class(klasse or self.KLASSE)
        self.context = context
        self._melding = Melding()
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.inhoud = w.VBox()
        self.children = [self.inhoud]
        self._getoond: dict[int, object] = {}
        self._vullend: set[int] = set()  # controls being filled by ``toon`` right now
        self.alleen_lezen = False
        self._eigen_stand: dict[int, tuple[w.Widget, bool]] = {}  # what the exercise wants while read-only
        self._dichtzettend = False

    # --- lifecycle

    def start(self) -> None:
        """Follow the page's context and show the open dossier; the last line of a subclass's ``__init__``."""
        self.context.observe(self._ververs, names=list(self.VERVERS_BIJ))
        self._ververs()

    @property
    def dossier_open(self) -> bool:
        return self.context.store is not None and self.context.dossier_id is not None

    @veilig()
    def _ververs(self, change: dict | None = None) -> None:
        if not self.dossier_open:
            self.children = [self._geen_dossier]
            return
        self.children = [self.inhoud]
        alleen_lezen = not mag_wijzigen(self.context)
        if not alleen_lezen:
            self._open_alles()
        try:
            self.laad(dossier_gewisseld=change is None or change["name"] == "dossier_id")
        finally:  # also when reading failed (no access any more): nothing on the page invites a change
            if alleen_lezen:
                self.zet_alleen_lezen()

    # --- read-only

    def zet_alleen_lezen(self) -> None:
        """Disable every control of the exercise (for a lezer). ``laad`` calls it; an exercise that builds new
        controls later, outside ``laad``, calls it again after that."""
        self.alleen_lezen = True
        for veld in invoervelden(self.inhoud):
            if id(veld) not in self._eigen_stand:
                self._eigen_stand[id(veld)] = (veld, veld.disabled)
                veld.observe(self._houd_dicht, names="disabled")
            self._dichtzettend = True
            try:
                veld.disabled = True
            finally:
                self._dichtzettend = False

    def _houd_dicht(self, change: dict) -> None:
        """While read-only, the exercise's own logic may enable a control (e.g. a delete button once something is
        chosen): remember what it wanted, and keep the control disabled."""
        if self._dichtzettend or not self.alleen_lezen:
            return
        veld = change["owner"]
        self._eigen_stand[id(veld)] = (veld, change["new"])
        if not change["new"]:
            self._dichtzettend = True
            try:
                veld.disabled = True
            finally:
                self._dichtzettend = False

    def _open_alles(self) -> None:
        """Back to a dossier the person may change: every control as the exercise itself wants it."""
        if not self.alleen_lezen and not self._eigen_stand:
            return
        self.alleen_lezen = False
        stand, self._eigen_stand = self._eigen_stand, {}
        for veld, disabled in stand.values():
            veld.unobserve(self._houd_dicht, names="disabled")
            veld.disabled = disabled

    def laad(self, dossier_gewisseld: bool) -> None:
        """Fill the exercise from the store. ``dossier_gewisseld`` is False when only the revision went up
        (another exercise saved), so an exercise can keep what is half typed."""
        raise NotImplementedError

    def bewaard(self, tekst: str = "") -> None:
        """After a saved change: say so and let the page's other exercises refresh. The change is already
        saved, so a failing refresh elsewhere never turns this into an error."""
        if tekst:
            self._melding.ok(tekst)
        self.context.gewijzigd()

    # --- filling controls and saving on change

    def toon(self, veld: w.ValueWidget, waarde, opties=_NIETS) -> None:
        """Put a stored value in a control without it counting as a person's change. With ``opties`` a choice
        control gets new options first (ipywidgets then selects the first one; that is no change either)."""
        self._getoond[id(veld)] = waarde
        self._vullend.add(id(veld))
        try:
            if opties is not _NIETS and list(veld.options) != list(opties):
                veld.options = opties
            if isinstance(veld, (w.Dropdown, w.RadioButtons)):
                zet_keuze(veld, waarde)
            else:
                veld.value = waarde
        finally:
            self._vullend.discard(id(veld))
        self._getoond[id(veld)] = veld.value  # as the control holds it (a slider may round)

    def bij_wijziging(self, veld: w.ValueWidget, actie: Callable[[object], None]) -> None:
        """Call ``actie(nieuwe_waarde)`` when a person changes ``veld``; errors become the message line."""
        uitvoeren = veilig()(lambda _self, waarde: actie(waarde))

        def reageer(change: dict) -> None:
            if id(veld) in self._vullend or change["new"] == self._getoond.get(id(veld), _NIETS):
                return  # the exercise itself showed this value
            self._getoond[id(veld)] = change["new"]
            uitvoeren(self, change["new"])

        veld.observe(reageer, names="value")


class Deel(w.VBox):
    """A part of an exercise's view (a sub-view): it shows the exercise's ``model`` and reports through the
    exercise's message line, so ``@veilig`` on its callbacks and ``oefening.bewaard`` write there."""

    def __init__(self, oefening: Oefening, children=()):
        super().__init__(list(children))
        self.oefening = oefening
        self.model = getattr(oefening, "model", None)
        self._melding = oefening._melding  # what @veilig writes to
