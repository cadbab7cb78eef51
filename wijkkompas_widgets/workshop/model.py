"""Plain data of a live workshop: a session on a dossier, its rounds (one exercise each), the
participants and their answers. Shared by the store, the aggregation, the answer files and the
facilitator and participant views, so they all speak about the same things.

A round carries a *snapshot* of its questions (``Vraag``), taken when the session is made: a
participant on another server, or offline on Binder with an invitation file, answers exactly the
questions the facilitator put out, even if the dossier changes during the session. Adopting a
round maps the answers back to the dossier by the ids inside the keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# exercise key -> label shown to facilitator and participants
OEFENINGEN: dict[str, str] = {
    "scan": "Samenwerkingsscan",
    "machtbelang": "Macht en belang van de partijen",
    "weging": "Criteria wegen (100 punten verdelen)",
    "koppelkansen": "Koppelkansen scoren",
}

# round states, in the order a round goes through them
KLAAR = "klaar"  # made with the session, not yet opened: participants don't see it yet
OPEN = "open"  # participants answer and may correct their answers
GESLOTEN = "gesloten"  # no more answers; the facilitator may reopen it or adopt it
OVERGENOMEN = "overgenomen"  # adopted into the dossier (with a besluitenlog entry); final
RONDE_STATUS_LABELS: dict[str, str] = {
    KLAAR: "Nog niet geopend",
    OPEN: "Open",
    GESLOTEN: "Gesloten",
    OVERGENOMEN: "Overgenomen in het dossier",
}

WEGING_TOTAAL = 100  # a participant divides exactly this many points over the criteria
CODE_LENGTE = 8  # characters of a join code: 8 x 5 bits = 40 bits (issue: at least 30)
PIN_MIN, PIN_MAX = 4, 8  # digits of a facilitator PIN


@dataclass(frozen=True)
class Vraag:
    """One thing a participant answers in a round, with the whole-number range it accepts.

    Keys per exercise (the ids let adoption find the target in the dossier):
    scan ``<stelling_id>`` 1-5, 'weet niet' allowed; machtbelang ``p<partij_id>:invloed`` and
    ``p<partij_id>:belang`` 1-10; weging ``c<criterium_id>`` 0-100 points (all together 100);
    koppelkansen ``k<kans_id>:<criterium sleutel>`` 1-5.
    """

    sleutel: str
    label: str  # what is asked, in Dutch
    groep: str = ""  # heading it is shown under: the factor, the party, the koppelkans
    minimum: int = 1
    maximum: int = 5
    weet_niet: bool = False  # may the participant answer 'weet niet' (stored as None)
    toelichting: str = ""  # e.g. the level texts of a criterion


@dataclass(frozen=True)
class Sessie:
    id: str  # uuid4 hex
    dossier_id: str
    naam: str
    code: str  # normalised join code, CODE_LENGTE characters of Crockford base32
    aangemaakt: datetime
    gesloten: datetime | None = None

    @property
    def code_getoond(self) -> str:
        """The code as put on the screen, in two readable halves: 'K7PQ-2MXD'."""
        helft = len(self.code) // 2
        return f"{self.code[:helft]}-{self.code[helft:]}"

    @property
    def is_gesloten(self) -> bool:
        return self.gesloten is not None


@dataclass(frozen=True)
class Ronde:
    id: str  # uuid4 hex
    sessie_id: str
    oefening: str  # a key of OEFENINGEN
    volgorde: int
    status: str  # KLAAR, OPEN, GESLOTEN or OVERGENOMEN
    vragen: tuple[Vraag, ...]
    geopend: datetime | None = None
    gesloten: datetime | None = None
    overgenomen: datetime | None = None

    @property
    def titel(self) -> str:
        return OEFENINGEN.get(self.oefening, self.oefening)

    @property
    def status_label(self) -> str:
        return RONDE_STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class Deelnemer:
    id: str  # uuid4 hex; the kernel of the participant's page keeps it, nobody else sees it
    sessie_id: str
    naam: str
    organisatie: str
    spoor: str  # a spoor letter 'A'-'F', or '' when the participant doesn't know
    herstelcode: str  # shown only to the participant: continue on another device or after a reload
    aangemaakt: datetime


@dataclass(frozen=True)
class Antwoorden:
    """One participant's answers in one round. A key that is absent is not answered yet; ``None``
    is 'weet niet'. Only submitted answers (``ingediend`` set) count in results and adoption."""

    ronde_id: str
    deelnemer_id: str
    waarden: dict[str, int | None] = field(default_factory=dict)
    ingediend: datetime | None = None

    @property
    def is_ingediend(self) -> bool:
        return self.ingediend is not None


@dataclass(frozen=True)
class RondeStand:
    """What the facilitator's header shows, cheap to read every few seconds."""

    deelnemers: int  # joined the session
    bezig: int  # has at least one answer in this round, not submitted
    ingediend: int  # submitted in this round
    laatste_wijziging: datetime | None  # of any answer or participant in the round's session


@dataclass(frozen=True)
class Overname:
    """What adopting a round changed in the dossier, for the confirmation and the besluitenlog."""

    besluit_id: int
    wat: str  # one line, as in the besluitenlog
    details: tuple[str, ...] = ()  # one line per change in the dossier
    niet_overgenomen: tuple[str, ...] = ()  # what could not be adopted, and why


@dataclass(frozen=True)
class ImportVerslag:
    """The result of uploading participants' answer files (offline workshop)."""

    nieuw: tuple[str, ...] = ()  # names of participants added
    bijgewerkt: tuple[str, ...] = ()  # names of participants whose answers were replaced
    geweigerd: tuple[str, ...] = ()  # 'bestand.json: reason' per refused file
