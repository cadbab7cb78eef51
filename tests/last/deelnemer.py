"""One workshop participant in its own process, for the load test (not a test module itself).

Usage: ``python deelnemer.py STORE_URL CODE NUMMER``. Joins the session, prints ``AANGEMELD <id>``,
waits for a line on stdin (so all participants start writing at the same moment), then answers every
question of the open scan round, corrects one answer, sends another twice, submits twice, and
prints ``OK <sleutel> <waarde>`` after every call the store acknowledged (what the page would show as
'Opgeslagen'), ``FOUT <message>`` for a refusal, and ``KLAAR`` at the end.
"""

from __future__ import annotations

import sys

from wijkkompas_widgets.dossier import WerkboekFout
from wijkkompas_widgets.dossier.store import DossierStore


def main(store_url: str, code: str, nummer: int) -> None:
    store = DossierStore(store_url, voorbeeld=False)
    deelnemer = store.meld_aan(code, f"Deelnemer {nummer:02d}", f"Organisatie {nummer % 6}", "ABCDEF"[nummer % 6])
    print(f"AANGEMELD {deelnemer.id}", flush=True)
    sys.stdin.readline()
    ronde = store.open_rondes(deelnemer.id)[0]
    sleutels = [vraag.sleutel for vraag in ronde.vragen]

    def antwoord(sleutel: str, waarde: int) -> None:
        try:
            store.beantwoord(deelnemer.id, ronde.id, sleutel, waarde)
        except WerkboekFout as fout:
            print(f"FOUT {fout}", flush=True)
        else:
            print(f"OK {sleutel} {waarde}", flush=True)

    for index, sleutel in enumerate(sleutels):
        antwoord(sleutel, (nummer + index) % 5 + 1)
    antwoord(sleutels[0], (nummer + 2) % 5 + 1)  # a correction: the last value counts
    antwoord(sleutels[5], (nummer + 5) % 5 + 1)  # the same answer sent again: counts once
    for _ in range(2):  # a double click on 'Indienen'
        try:
            store.dien_in_ronde(deelnemer.id, ronde.id)
        except WerkboekFout as fout:
            print(f"FOUT {fout}", flush=True)
    print("KLAAR", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
