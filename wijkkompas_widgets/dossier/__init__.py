"""The wijkdossier's records and the errors it raises. The store is ``dossier.store`` (it loads SQLAlchemy)."""

from .model import (
    STATUS_LABELS,
    STATUSSEN,
    Dossier,
    GelijktijdigGewijzigd,
    InvoerFout,
    OnbekendDossier,
    OpslagFout,
    Partij,
    PartijInvoer,
    WerkboekFout,
)

__all__ = [
    "STATUSSEN",
    "STATUS_LABELS",
    "Dossier",
    "GelijktijdigGewijzigd",
    "InvoerFout",
    "OnbekendDossier",
    "OpslagFout",
    "Partij",
    "PartijInvoer",
    "WerkboekFout",
]
