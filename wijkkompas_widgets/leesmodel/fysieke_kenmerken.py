"""The answers to the six technical questions of 'Fysieke kenmerken' (form ``formulieren.FYSIEKE_KENMERKEN``), as
the exercise and the report read them: what the team knows, its source and how sure it is; a question without an
answer, or not sure yet, is still to be found out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# (label, stored key) in the order of the dropdown; the report writes the label without the dashes.
ZEKERHEID = (("– nog uitzoeken –", "uitzoeken"), ("Ruwe schatting", "schatting"), ("Onderbouwd", "onderbouwd"))
ZEKERHEID_LABEL = {sleutel: label for label, sleutel in ZEKERHEID}
NOG_UITZOEKEN = "uitzoeken"


@dataclass(frozen=True)
class Antwoord:
    vraag: object  # content's technical question (id, vraag, toelichting, indicatoren)
    antwoord: str = ""
    bron: str = ""
    zekerheid: str = NOG_UITZOEKEN

    @property
    def beantwoord(self) -> bool:
        return bool(self.antwoord.strip())

    @property
    def uit_te_zoeken(self) -> bool:
        return not self.beantwoord or self.zekerheid == NOG_UITZOEKEN


def lees_antwoorden(gegevens: dict, vragen: Iterable) -> list[Antwoord]:
    """One answer per question, in the questions' order; odd saved values (the form is JSON anyone with the
    store could edit) become empty, an unknown certainty 'nog uitzoeken'."""
    uit = []
    for vraag in vragen:
        item = gegevens.get(vraag.id) if isinstance(gegevens.get(vraag.id), dict) else {}
        zekerheid = item.get("zekerheid") if item.get("zekerheid") in ZEKERHEID_LABEL else NOG_UITZOEKEN
        uit.append(Antwoord(vraag, str(item.get("antwoord") or ""), str(item.get("bron") or ""), zekerheid))
    return uit
