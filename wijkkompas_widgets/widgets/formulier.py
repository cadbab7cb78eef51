"""A dossier form edited field by field by several people at once.

Each change saves one field of the form's JSON document in one transaction. When a colleague saved the
form in between, the change is re-applied on top of their version as long as they did not touch the
same field; if they did, nothing is saved and the caller shows their value. So no one silently
overwrites anyone, and people working on different fields never get in each other's way.
"""

from __future__ import annotations

import copy

from ..dossier import GelijktijdigGewijzigd
from .context import WerkboekContext
from .oefening import Oefening

_POGINGEN = 3


def _haal(gegevens: dict, pad: tuple[str, ...]):
    for sleutel in pad:
        if not isinstance(gegevens, dict):
            return None
        gegevens = gegevens.get(sleutel)
    return gegevens


def _zet(gegevens: dict, pad: tuple[str, ...], waarde) -> None:
    for sleutel in pad[:-1]:
        if not isinstance(gegevens.get(sleutel), dict):
            gegevens[sleutel] = {}
        gegevens = gegevens[sleutel]
    gegevens[pad[-1]] = waarde


class VersieFormulier:
    """The last loaded version of one form of the open dossier."""

    def __init__(self, context: WerkboekContext, sleutel: str):
        self.context = context
        self.sleutel = sleutel
        self.gegevens: dict = {}
        self.versie = 0

    def laad(self) -> dict:
        self.gegevens, self.versie = self.context.store.formulier(self.context.dossier_id, self.sleutel)
        return self.gegevens

    def bewaar(self, gegevens: dict) -> dict:
        """Save the whole form on the loaded version, for forms that are checked or belong together as a whole
        (a gemeente and a wijk in it). When a colleague saved in between nothing is saved: their version is
        loaded and ``GelijktijdigGewijzigd`` raised, so the page can show it. Returns the form as saved."""
        try:
            self.versie = self.context.store.bewaar_formulier(self.context.dossier_id, self.sleutel, gegevens,
                                                              self.versie)
        except GelijktijdigGewijzigd:
            self.laad()
            raise
        self.gegevens = gegevens
        return gegevens

    def zet(self, pad: tuple[str, ...], waarde) -> dict:
        """Save one field; returns the form as now stored (possibly with colleagues' other changes)."""
        gezien = copy.deepcopy(_haal(self.gegevens, pad))
        for _ in range(_POGINGEN):
            nieuw = copy.deepcopy(self.gegevens)
            _zet(nieuw, pad, waarde)
            try:
                self.versie = self.context.store.bewaar_formulier(
                    self.context.dossier_id, self.sleutel, nieuw, self.versie
                )
                self.gegevens = nieuw
                return nieuw
            except GelijktijdigGewijzigd:
                self.laad()
                if _haal(self.gegevens, pad) != gezien:
                    raise GelijktijdigGewijzigd(
                        "Iemand anders heeft dit veld intussen gewijzigd. Je wijziging is niet opgeslagen; "
                        "je ziet nu de nieuwste waarde."
                    ) from None
        raise GelijktijdigGewijzigd("Het formulier wordt nu door veel mensen tegelijk gewijzigd. Probeer het zo "
                                    "nog eens.")


class FormulierOefening(Oefening):
    """Base of the exercises that keep one form per dossier. Subclasses set ``SLEUTEL`` (from
    ``dossier.formulieren``) and ``KLASSE``, and implement ``_toon(gegevens)``, which puts saved values in the
    fields with ``self.toon``; ``self._zet(pad, waarde)`` saves one field."""

    SLEUTEL = ""
    # A form shows only its own document: a save elsewhere on the page does not change it.
    VERVERS_BIJ = ("dossier_id",)

    def __init__(self, context: WerkboekContext, klasse: str | None = None):
        super().__init__(context, klasse=klasse)
        self._formulier = VersieFormulier(context, self.SLEUTEL)

    @property
    def gegevens(self) -> dict:
        """The form as last loaded or saved."""
        return self._formulier.gegevens

    def laad(self, dossier_gewisseld: bool = True) -> None:
        self._toon(self._formulier.laad())

    def _toon(self, gegevens: dict) -> None:
        raise NotImplementedError

    def _zet(self, pad: tuple[str, ...], waarde) -> dict:
        """Save one field; on a clash show the colleague's newer values and let @veilig say so."""
        try:
            gegevens = self._formulier.zet(pad, waarde)
        except GelijktijdigGewijzigd:
            self._toon(self._formulier.gegevens)
            raise
        self._toon(gegevens)
        self.bewaard()
        return gegevens


def wijzig_formulier(formulier: VersieFormulier, lees, wijziging, deel) -> tuple[object, bool, bool]:
    """Apply ``wijziging`` (model → checked model) to the form as ``lees`` reads it, and save it whole: for forms
    whose rows are checked together (the WUP forms). When a colleague saved in between, the change goes on top of
    their version as long as they left ``deel(model)`` (the row edited here) alone; when they changed it too,
    nothing is saved, their version is loaded and ``GelijktijdigGewijzigd`` raised.

    Returns (the model as now saved, whether it changed, whether a colleague's version was merged in)."""
    samengevoegd = False
    for _ in range(_POGINGEN):
        model = lees(formulier.gegevens)
        schoon = wijziging(model)
        if schoon.als_dict() == model.als_dict() and formulier.versie:
            return schoon, False, samengevoegd  # nothing new: no extra version
        try:
            formulier.bewaar(schoon.als_dict())
        except GelijktijdigGewijzigd:
            if deel(lees(formulier.gegevens)) != deel(model):
                raise
            samengevoegd = True
            continue
        return schoon, True, samengevoegd
    raise GelijktijdigGewijzigd("Het formulier wordt nu door veel mensen tegelijk gewijzigd. Probeer het zo nog eens.")
