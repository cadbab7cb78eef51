"""The register of existing plannings and its natural moments, as the exercises 'Bestaande planningen' and
'Natuurlijke momenten' (and 'Fysieke kenmerken') show them and as the report writes them: the team's margin
from its form (``formulieren.NATUURLIJKE_MOMENTEN``), and the verdict per moment, so page and report never say
it in different words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.koppelkansen import marge_uit_formulier
from ..analysis.planning import BINNENKORT_JAREN, NatuurlijkMoment, natuurlijke_momenten
from ..dossier import formulieren
from ..dossier.records import SOORTEN, ZEKERHEID_LABELS, Werk

if TYPE_CHECKING:
    from ..dossier.store import DossierStore

AL_VOORBIJ = "al voorbij"
BEGINT_BINNENKORT = "⚠ begint binnenkort of loopt al"


def wanneer(moment: NatuurlijkMoment, huidig_jaar: int) -> str:
    """How much time is left to use a natural moment: 'al voorbij', '⚠ begint binnenkort of loopt al', or
    ``""`` when there is still room to combine the works."""
    if moment.venster_eind < huidig_jaar:
        return AL_VOORBIJ
    if moment.venster_start < huidig_jaar + BINNENKORT_JAREN:
        return BEGINT_BINNENKORT
    return ""


def samenvallen(moment: NatuurlijkMoment, marge: int) -> str:
    """Why the works of a moment count as falling together."""
    return "werken overlappen" if moment.overlappen else f"werken liggen hoogstens {marge} jaar uit elkaar"


def werkregel(werk: Werk) -> str:
    """One work of a moment: what, whose, which kind, when and how certain."""
    return (f"{werk.omschrijving} — {werk.eigenaar}, {werk.soort_label.lower()}, {werk.periode}, "
            f"{ZEKERHEID_LABELS.get(werk.zekerheid, werk.zekerheid).lower()}")


def waarom_een_kans(moment: NatuurlijkMoment) -> list[tuple[str, str]]:
    """(kind of work, why it is a natural moment) for each kind of work in the moment, once."""
    soorten = dict.fromkeys(werk.soort for werk in moment.werken)
    return [(SOORTEN[s].label, SOORTEN[s].waarom) for s in soorten if s in SOORTEN]


def marge_van_dossier(store: DossierStore, dossier_id: str) -> int:
    """The margin the team chose (saved in the dossier, so everyone sees the same moments), or the default."""
    return marge_uit_formulier(store.formulier(dossier_id, formulieren.NATUURLIJKE_MOMENTEN)[0])


def momenten_van_dossier(store: DossierStore, dossier_id: str) -> tuple[list[Werk], list[NatuurlijkMoment]]:
    """The dossier's planned works and the natural moments in them for the team's margin."""
    werken = store.planning_werken(dossier_id)
    return werken, natuurlijke_momenten(werken, marge_van_dossier(store, dossier_id))
