"""Woonlastentoets: the monthly housing costs of one kind of household before and after the switch.

Which cost posts count is set by a *definition* (``data/woonlasten.yaml``). The default, 'kabinet', follows
the Klimaatakkoord: energy (gas, electricity, heat) plus rent or the monthly cost of financing, at the moment
the measures are taken; maintenance is outside it. A household is **woonlastenneutraal** when the counted
posts together cost no more per month after the switch than before (plus an optional margin, default € 0).
Posts outside the definition are still added up separately, so a team sees what it leaves out.

Missing is not zero: a post absent both before and after does not apply to this household (an owner pays
no rent). A post given on one side only, or given as ``None``, is *unknown*; the toets then answers
'onbekend' instead of guessing 0 (a forgotten gas bill would otherwise look like a saving).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from numbers import Real

from ..dossier.model import InvoerFout

# Euro per month per post. More is almost certainly a slip (a yearly amount, an extra zero).
MAX_BEDRAG = 5_000.0
MAX_MARGE = 100.0


def euro(bedrag: float | None, *, teken: bool = False) -> str:
    """'€ 1.234,50', '€ 12' for whole euros, 'onbekend' for None; ``teken`` adds + or − for a difference."""
    if bedrag is None:
        return "onbekend"
    voorteken = ""
    if teken and round(bedrag, 2) != 0:
        voorteken = "+" if bedrag > 0 else "−"
    elif bedrag < 0 and round(bedrag, 2) != 0:
        voorteken = "−"
    waarde = abs(round(float(bedrag), 2))
    tekst = f"{waarde:,.0f}" if waarde.is_integer() else f"{waarde:,.2f}"
    tekst = tekst.replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{voorteken}€ {tekst}"


def _bedrag(waarde: object, post: str, moment: str) -> float | None:
    if waarde is None:
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, Real):
        raise InvoerFout(f"Het bedrag voor {post} ({moment}) is geen getal. Vul een bedrag in euro per maand in.")
    waarde = float(waarde)
    if math.isnan(waarde):
        return None
    if not math.isfinite(waarde) or waarde > MAX_BEDRAG:
        raise InvoerFout(
            f"Het bedrag voor {post} ({moment}) is {euro(waarde) if math.isfinite(waarde) else 'te groot'}; dat is "
            f"meer dan {euro(MAX_BEDRAG)} per maand. Vul een maandbedrag in, geen jaarbedrag."
        )
    if waarde < 0:
        raise InvoerFout(f"Het bedrag voor {post} ({moment}) is negatief. Vul kosten in als een bedrag van 0 of meer.")
    return waarde


@dataclass(frozen=True)
class Woonlastentoets:
    """The outcome for one household. Amounts in euro per month; ``None`` where something is unknown."""

    posten: tuple[str, ...]
    voor: dict[str, float | None]
    na: dict[str, float | None]
    definitie: frozenset[str]
    marge: float = 0.0
    namen: Mapping[str, str] = field(default_factory=dict)

    @property
    def ontbrekend(self) -> tuple[str, ...]:
        """Posts that apply but lack an amount before or after."""
        return tuple(p for p in self.posten if self.voor.get(p) is None or self.na.get(p) is None)

    @property
    def telt_mee(self) -> tuple[str, ...]:
        return tuple(p for p in self.posten if p in self.definitie)

    @property
    def telt_niet_mee(self) -> tuple[str, ...]:
        return tuple(p for p in self.posten if p not in self.definitie)

    def _som(self, kant: dict[str, float | None], posten: Iterable[str]) -> float | None:
        bedragen = [kant.get(p) for p in posten]
        return None if any(b is None for b in bedragen) else float(sum(bedragen))

    @property
    def totaal_voor(self) -> float | None:
        return self._som(self.voor, self.telt_mee)

    @property
    def totaal_na(self) -> float | None:
        return self._som(self.na, self.telt_mee)

    @property
    def verschil(self) -> float | None:
        """After minus before over the posts of the definition: positive means the household pays more."""
        if self.totaal_voor is None or self.totaal_na is None:
            return None
        return self.totaal_na - self.totaal_voor

    @property
    def neutraal(self) -> bool | None:
        """True when the counted costs do not rise by more than the margin; None when something is unknown."""
        if self.verschil is None:
            return None
        return self.verschil <= self.marge + 1e-9

    @property
    def verschil_alles(self) -> float | None:
        """The same difference over every post, also those outside the definition."""
        voor, na = self._som(self.voor, self.posten), self._som(self.na, self.posten)
        return None if voor is None or na is None else na - voor

    def verschil_per_post(self) -> dict[str, float | None]:
        return {p: None if self.voor.get(p) is None or self.na.get(p) is None else self.na[p] - self.voor[p]
                for p in self.posten}

    @property
    def oordeel(self) -> str:
        """'woonlastenneutraal', 'niet woonlastenneutraal' or 'onbekend': words, so no colour is needed."""
        if self.neutraal is None:
            return "onbekend"
        return "woonlastenneutraal" if self.neutraal else "niet woonlastenneutraal"

    def naam(self, post: str) -> str:
        return self.namen.get(post, post)

    def uitleg(self) -> str:
        """One or two Dutch sentences on the outcome, with the amounts."""
        if self.neutraal is None:
            ontbreekt = [self.naam(p).lower() for p in self.ontbrekend if p in self.definitie] or [
                self.naam(p).lower() for p in self.ontbrekend]
            return ("Onbekend: vul voor en na de overstap een bedrag in voor "
                    + ", ".join(ontbreekt) + " (0 mag, als er geen kosten zijn).")
        van_naar = f"van {euro(self.totaal_voor)} naar {euro(self.totaal_na)} per maand"
        if self.verschil < -0.005:
            zin = f"Woonlastenneutraal: de woonlasten dalen met {euro(-self.verschil)} per maand ({van_naar})."
        elif self.verschil <= 0.005:
            zin = f"Woonlastenneutraal: de woonlasten blijven gelijk ({euro(self.totaal_voor)} per maand)."
        elif self.neutraal:
            zin = (f"Woonlastenneutraal binnen de marge van {euro(self.marge)}: de woonlasten stijgen met "
                   f"{euro(self.verschil)} per maand ({van_naar}).")
        else:
            zin = f"Niet woonlastenneutraal: de woonlasten stijgen met {euro(self.verschil)} per maand ({van_naar})."
        buiten = self.telt_niet_mee
        if buiten and self.verschil_alles is not None and abs(self.verschil_alles - self.verschil) > 0.005:
            zin += (f" Tel je ook {', '.join(self.naam(p).lower() for p in buiten)} mee, dan is het verschil "
                    f"{euro(self.verschil_alles, teken=True)} per maand.")
        elif buiten and self.verschil_alles is None:
            zin += f" Het verschil inclusief {', '.join(self.naam(p).lower() for p in buiten)} is onbekend."
        return zin


def woonlastentoets(
    voor: Mapping[str, object],
    na: Mapping[str, object],
    *,
    definitie_posten: Iterable[str],
    marge: float = 0.0,
    namen: Mapping[str, str] | None = None,
) -> Woonlastentoets:
    """Check the monthly amounts and compare before and after under the given definition.

    ``voor`` and ``na`` map a post id to euro per month (``None`` = not known yet). ``definitie_posten`` are the
    posts that count (a definition from ``data/woonlasten.yaml``); ``marge`` is how many euro per month a rise
    may be and still count as neutral (0 unless the team agreed otherwise). ``namen`` are labels for messages."""
    namen = dict(namen or {})
    definitie = frozenset(definitie_posten)
    if not definitie:
        raise InvoerFout("Kies eerst een definitie van woonlastenneutraal: welke kosten tellen mee?")
    marge_getal = None if isinstance(marge, bool) or not isinstance(marge, Real) else float(marge)
    if marge_getal is None or not 0 <= marge_getal <= MAX_MARGE:
        raise InvoerFout(f"De marge moet tussen {euro(0)} en {euro(MAX_MARGE)} per maand liggen.")
    posten = tuple(dict.fromkeys([*voor, *na]))
    schoon_voor = {p: _bedrag(voor.get(p), namen.get(p, p), "voor de overstap") for p in posten}
    schoon_na = {p: _bedrag(na.get(p), namen.get(p, p), "na de overstap") for p in posten}
    if not any(p in definitie for p in posten):
        raise InvoerFout("Er zijn nog geen bedragen ingevuld voor kosten die in de definitie meetellen, "
                         "zoals energie en huur of financiering.")
    return Woonlastentoets(posten, schoon_voor, schoon_na, definitie, marge_getal, namen)


def toets_huishoudens(
    invoer: Mapping[str, tuple[Mapping[str, object], Mapping[str, object]]],
    *,
    definitie_posten: Iterable[str],
    marge: float = 0.0,
    namen: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
) -> dict[str, Woonlastentoets]:
    """The toets for several household types at once: {type: (voor, na)} → {type: Woonlastentoets}.
    A problem names the household type (``labels`` gives its name)."""
    definitie = tuple(definitie_posten)
    labels = labels or {}
    uitkomst = {}
    for huishouden, (voor, na) in invoer.items():
        try:
            uitkomst[huishouden] = woonlastentoets(voor, na, definitie_posten=definitie, marge=marge, namen=namen)
        except InvoerFout as fout:
            raise InvoerFout(f"{labels.get(huishouden, huishouden)}: {fout}") from None
    return uitkomst


_BEDRAG = re.compile(r"^(?:€\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$")


def bedrag_uit_tekst(tekst: str, post: str, moment: str) -> float | None:
    """An amount as a Dutch user types it ('85', '85,50', '€ 1.250'); empty means not known yet (None).
    A dot is a thousands separator, as on a Dutch bill."""
    schoon = (tekst or "").strip()
    if not schoon:
        return None
    gevonden = _BEDRAG.match(schoon)
    if gevonden is None:
        raise InvoerFout(f"Het bedrag voor {post} ({moment}), '{schoon[:20]}', is geen bedrag. Schrijf bijvoorbeeld "
                         "85 of 85,50 (euro per maand).")
    euros = float(gevonden.group(1).replace(".", ""))
    centen = gevonden.group(2) or "0"
    return _bedrag(euros + float(f"0.{centen}"), post, moment)


def bedrag_als_tekst(bedrag: float | None) -> str:
    """The form value for an amount: '85' or '85,50'; '' for not known."""
    if bedrag is None:
        return ""
    return f"{bedrag:.0f}" if float(bedrag).is_integer() else f"{bedrag:.2f}".replace(".", ",")


def toetsen_per_huishouden(huishoudtypen: Iterable, huishoudens: object, *, definitie_posten: Iterable[str],
                           marge: float, namen: Mapping[str, str]) -> list[tuple[object, Woonlastentoets]]:
    """The toets of every household type (content order) that has at least one amount and at least one
    counted post, from the saved form's ``huishoudens`` (``{type id: {"voor": {post: bedrag}, "na": …}}``).
    Malformed parts of the form count as empty. Shared by the exercise and the exports."""
    alles = huishoudens if isinstance(huishoudens, Mapping) else {}
    definitie_posten = tuple(definitie_posten)
    uitkomsten = []
    for huishouden in huishoudtypen:
        item = alles.get(huishouden.id)
        item = item if isinstance(item, Mapping) else {}
        voor = item.get("voor") if isinstance(item.get("voor"), Mapping) else {}
        na = item.get("na") if isinstance(item.get("na"), Mapping) else {}
        if not any(v is not None for v in [*voor.values(), *na.values()]):
            continue
        try:
            toets = woonlastentoets({p: voor.get(p) for p in huishouden.posten},
                                    {p: na.get(p) for p in huishouden.posten},
                                    definitie_posten=definitie_posten, marge=marge, namen=namen)
        except InvoerFout:
            continue  # no counted post filled in yet: the household is left out
        uitkomsten.append((huishouden, toets))
    return uitkomsten
