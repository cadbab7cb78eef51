"""Ambities en belangen as the exercise and the Word report both say it: the chart's alt text and cells, and
the three mutual-gains lists in words.

The sentences are written once. The page puts emphasis and escaping into them through an ``Opmaak`` (HTML);
the report takes them as they are. So both say the same words, and only the page adds bold and italics.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..analysis import belangen as analyse
from ..dossier.records import HOUDINGEN, PartijBelang

GEDEELD_KOP = "✔ Gedeelde belangen"
BOTSEN_KOP = "⚠ Belangen die botsen"
KANSEN_KOP = "➜ Kansen om elkaar te helpen (mutual gains)"
GEEN_GEDEELD = "Nog geen belang dat twee of meer partijen delen."
GEEN_BOTSING = "Geen botsende belangen gevonden."
GEEN_KANSEN = "Nog geen kansen: geef aan waar partijen aan kunnen bijdragen."


def _zelfde(tekst: str) -> str:
    return tekst


@dataclass(frozen=True)
class Opmaak:
    """How a sentence marks its parts: ``tekst`` for names a user typed (escaped on a page), ``vet`` and
    ``schuin`` for emphasis. Without arguments: plain text, as in the report."""

    tekst: Callable[[str], str] = _zelfde
    vet: Callable[[str], str] = _zelfde
    schuin: Callable[[str], str] = _zelfde


ZONDER_OPMAAK = Opmaak()


def figuurcellen(kolommen: Sequence[int], gebruikt: Sequence[str],
                 cellen: Sequence[PartijBelang]) -> dict[tuple[int, int], tuple[str, bool]]:
    """The chart's cells: (row of the interest, column of the party) → (houding, topprioriteit)."""
    return {(gebruikt.index(c.belang_id), kolommen.index(c.partij_id)): (c.houding, c.prioriteit)
            for c in cellen if c.belang_id in gebruikt and c.partij_id in kolommen}


def gebruikte_belangen(belang_ids: Sequence[str], cellen: Sequence[PartijBelang]) -> list[str]:
    """The interests at least one party marked, in the order of the list: the chart's rows."""
    return [bid for bid in belang_ids if any(c.belang_id == bid for c in cellen)]


def grafiek_alt(cellen: Sequence[PartijBelang], namen: Mapping[int, str], belangnamen: Mapping[str, str]) -> str:
    return "Belangen per partij: " + "; ".join(
        f"{namen.get(c.partij_id, '?')} – {belangnamen[c.belang_id]}: {HOUDINGEN[c.houding].lower()}"
        + (" (topprioriteit)" if c.prioriteit else "")
        for c in cellen if c.belang_id in belangnamen
    )


class _Zinnen:
    def __init__(self, namen: Mapping[int, str], belangnamen: Mapping[str, str], opmaak: Opmaak):
        self.namen, self.belangnamen, self.o = namen, belangnamen, opmaak

    def partij(self, pid: int) -> str:
        return self.o.tekst(self.namen.get(pid, "?"))

    def belang(self, bid: str) -> str:
        return self.o.tekst(self.belangnamen.get(bid, bid))


def gedeeld_zinnen(cellen: Sequence[PartijBelang], namen: Mapping[int, str], belangnamen: Mapping[str, str],
                   opmaak: Opmaak = ZONDER_OPMAAK) -> list[str]:
    z = _Zinnen(namen, belangnamen, opmaak)
    return [f"{opmaak.vet(z.belang(g.belang_id))}: {', '.join(z.partij(p) for p in g.partijen)}"
            for g in analyse.gedeelde_belangen(cellen)]


def botsing_zinnen(cellen: Sequence[PartijBelang], namen: Mapping[int, str], belangnamen: Mapping[str, str],
                   conflictparen, opmaak: Opmaak = ZONDER_OPMAAK) -> list[str]:
    z, vet = _Zinnen(namen, belangnamen, opmaak), opmaak.vet
    zinnen = []
    for s in analyse.spanningen(cellen, conflictparen):
        if s.belang_a == s.belang_b:
            zinnen.append(f"{z.partij(s.partij_a)} heeft belang bij {vet(z.belang(s.belang_a))}; "
                          f"voor {z.partij(s.partij_b)} botst dat met het eigen belang.")
        else:
            zinnen.append(f"{vet(z.belang(s.belang_a))} ({z.partij(s.partij_a)}) en {vet(z.belang(s.belang_b))} "
                          f"({z.partij(s.partij_b)}) trekken vaak tegen elkaar in. "
                          f"{opmaak.tekst(s.toelichting)}".strip())
    return zinnen


def kansen_zinnen(cellen: Sequence[PartijBelang], namen: Mapping[int, str], belangnamen: Mapping[str, str],
                  opmaak: Opmaak = ZONDER_OPMAAK) -> list[str]:
    z, schuin = _Zinnen(namen, belangnamen, opmaak), opmaak.schuin
    zinnen = [f"{opmaak.vet('Wederzijdse winst:')} {z.partij(r.partij_a)} kan bijdragen aan "
              f"{schuin(z.belang(r.a_helpt_b_met))} voor {z.partij(r.partij_b)}, en {z.partij(r.partij_b)} aan "
              f"{schuin(z.belang(r.b_helpt_a_met))} voor {z.partij(r.partij_a)}." for r in analyse.ruilen(cellen)]
    zinnen += [f"{z.partij(k.leverancier)} kan bijdragen aan {schuin(z.belang(k.belang_id))} van "
               f"{z.partij(k.ontvanger)}." for k in analyse.kansen(cellen)]
    return zinnen
