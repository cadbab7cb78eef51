"""Table definitions of the current schema (SQLAlchemy Core).

The tables are *created* by the alembic migrations in ``migraties/``; these definitions only
describe them for queries. ``SCHEMA_VERSIE`` is the newest migration; a test checks that it
matches the head of the migration scripts.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator

SCHEMA_VERSIE = "0002"


class UTCDateTime(TypeDecorator):
    """Timestamps always come back timezone-aware in UTC, also from SQLite (which drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value

    def process_result_value(self, value: datetime | None, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("sleutel", String(40), primary_key=True),
    Column("waarde", Text, nullable=False),
)

dossier = Table(
    "dossier",
    metadata,
    Column("id", String(12), primary_key=True),
    Column("naam", String(200), nullable=False),
    Column("wijk", String(200), nullable=False, default=""),
    Column("gemeente", String(200), nullable=False, default=""),
    Column("toelichting", Text, nullable=False, default=""),
    Column("is_voorbeeld", Boolean, nullable=False, default=False),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
)

knooppunt_status = Table(
    "knooppunt_status",
    metadata,
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
    Column("knooppunt_id", String(80), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
)

partij = Table(
    "partij",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    Column("type", String(60), nullable=False),
    Column("organisatie", String(200), nullable=False, default=""),
    Column("contactrol", String(200), nullable=False, default=""),
    Column("sporen", String(20), nullable=False, default=""),
    Column("versie", Integer, nullable=False, default=1),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    # since schema 0002: position on the macht/belang grid (1-10), empty until placed
    Column("invloed", Integer, nullable=True),
    Column("belang", Integer, nullable=True),
    UniqueConstraint("dossier_id", "naam_sleutel", name="uq_partij_naam_per_dossier"),
)
