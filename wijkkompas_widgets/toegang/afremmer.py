"""A brake on guessing passwords: after a number of failed sign-ins for one login name, or from one client
address, further tries are refused for a while. In memory, per server process (pure: no tornado, no store).

A training room often reaches the server through one address (one router), so the address gets a higher limit
than the name: a few typos by thirty participants must not lock out the whole room, while one name can never be
tried more than a handful of times per window."""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from dataclasses import dataclass, field

MAX_PER_NAAM = 5
MAX_PER_ADRES = 20
VENSTER_S = 15 * 60  # failures older than this are forgotten
BLOKKADE_S = 15 * 60  # how long a name or address stays locked
MAX_SLEUTELS = 10_000  # memory bound: the oldest entries go first


@dataclass
class _Teller:
    pogingen: list[float] = field(default_factory=list)
    geblokkeerd_tot: float = 0.0


class Afremmer:
    def __init__(self, *, max_per_naam: int = MAX_PER_NAAM, max_per_adres: int = MAX_PER_ADRES,
                 venster_s: float = VENSTER_S, blokkade_s: float = BLOKKADE_S, klok=time.monotonic):
        self._max = {"naam": max_per_naam, "adres": max_per_adres}
        self._venster_s, self._blokkade_s, self._klok = venster_s, blokkade_s, klok
        self._tellers: OrderedDict[tuple[str, str], _Teller] = OrderedDict()

    def begin(self, naam: str, adres: str) -> float:
        """Before a password is checked: the seconds to wait if this name or address is locked (the try is then
        refused), else 0 and the try counts until ``gelukt`` takes it back. Counting before the check means a
        hundred tries sent at once are braked as well as a hundred one after the other."""
        nu = self._klok()
        tellers = [(soort, self._teller((soort, sleutel), nu)) for soort, sleutel in (("naam", naam), ("adres", adres))]
        wacht = max(max(0.0, t.geblokkeerd_tot - nu) for _, t in tellers)
        if wacht:
            return wacht
        for soort, teller in tellers:
            if len(teller.pogingen) >= self._max[soort]:
                teller.geblokkeerd_tot, teller.pogingen = nu + self._blokkade_s, []
                wacht = self._blokkade_s
        if wacht:
            return wacht
        for _, teller in tellers:
            teller.pogingen.append(nu)
        self._begrens()
        return 0.0

    def mislukt(self, naam: str, adres: str) -> float:
        """The password was wrong (the try stays counted); returns the wait if this try started a lock-out."""
        nu = self._klok()
        wacht = 0.0
        for soort, sleutel in (("naam", naam), ("adres", adres)):
            teller = self._teller((soort, sleutel), nu)
            if len(teller.pogingen) >= self._max[soort]:
                teller.geblokkeerd_tot, teller.pogingen = nu + self._blokkade_s, []
                wacht = self._blokkade_s
        return wacht

    def gelukt(self, naam: str, adres: str) -> None:
        """The password was right: the name's failures are forgotten, and this try no longer counts against the
        address (thirty people signing in from one room are no attack)."""
        self._tellers.pop(("naam", naam), None)
        teller = self._tellers.get(("adres", adres))
        if teller and teller.pogingen:
            teller.pogingen.pop()

    def _teller(self, sleutel: tuple[str, str], nu: float) -> _Teller:
        teller = self._tellers.pop(sleutel, None) or _Teller()
        self._tellers[sleutel] = teller  # most recently used last
        teller.pogingen = [t for t in teller.pogingen if nu - t < self._venster_s]
        return teller

    def _begrens(self) -> None:
        while len(self._tellers) > MAX_SLEUTELS:
            self._tellers.popitem(last=False)


def minuten(seconden: float) -> int:
    """Whole minutes for the message, rounded up (never 'probeer het over 0 minuten')."""
    return max(1, math.ceil(seconden / 60))
