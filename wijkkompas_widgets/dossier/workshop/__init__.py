"""Live workshops in the store: sessions on a dossier, rounds with a snapshot of their questions,
participants and their answers, the files of a workshop without a shared server, and adopting a round's
outcome into the dossier. One module per idea:

- ``sessies``: sessions, join code and facilitator PIN, participants joining and coming back;
- ``rondes``: opening and closing rounds, what the room sees, answering and submitting;
- ``bestanden``: invitation and answer files (formats in ``workshop/bestand.py``);
- ``overname``: adopting a closed round, through the store parts of the exercises themselves;
- ``basis``: the lookups and checks they share.

Every method is one transaction. Rules kept here, whatever a page does:

- **Isolation.** A participant is known by an id that only their own page holds. Every participant
  method looks the round up *through* the participant's session, so nobody can read or write another
  session, and answers are only ever read back for the participant who gave them. The facilitator's
  lists leave the recovery codes out.
- **Race-free answers** and **only submitted answers count**: see ``rondes``.
- **PIN**: see ``sessies``.
- **Adoption** (``neem_ronde_over``): all of it happens, or nothing; see ``overname``.

Each module looks ``nu`` up at call time, so tests can move the clock.
"""

from __future__ import annotations

from .bestanden import WorkshopBestanden
from .overname import WorkshopOvername


class WorkshopOpslag(WorkshopBestanden, WorkshopOvername):
    """The workshop's part of ``DossierStore``: sessions, rounds and answers, files and adoption."""


__all__ = ["WorkshopOpslag"]
