"""Live workshops: sessies, rondes met een momentopname van de vragen, deelnemers, antwoorden en
indieningen.

Revision ID: 0006
Revises: 0005

Everything hangs off ``dossier`` with ON DELETE CASCADE (session → rounds, participants → answers,
submissions), so deleting a dossier removes its workshops too; SQLite enforces it because every
connection sets ``PRAGMA foreign_keys = ON``. ``workshop_ronde.besluit_id`` has no foreign key on
purpose: the besluitenlog refuses deletes while its dossier exists (trigger of 0005) and the order in
which a cascade visits tables differs per dialect; the id is only a reference for the reader.

The tables are plain SQL types on both dialects; upserts (``INSERT ... ON CONFLICT``) need the primary
keys below and are supported by SQLite ≥ 3.24 and PostgreSQL. No triggers, so nothing dialect-specific
is needed here, and ``downgrade`` simply drops the tables again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshop_sessie",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("pin_hash", sa.String(200), nullable=False),
        sa.Column("mislukt", sa.Integer, nullable=False, server_default="0"),
        sa.Column("mislukt_sinds", sa.DateTime(timezone=True), nullable=True),
        sa.Column("geblokkeerd_tot", sa.DateTime(timezone=True), nullable=True),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gesloten", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("code", name="uq_workshop_sessie_code"),
    )
    op.create_index("ix_workshop_sessie_dossier", "workshop_sessie", ["dossier_id"])
    op.create_table(
        "workshop_ronde",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("sessie_id", sa.String(32), sa.ForeignKey("workshop_sessie.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("oefening", sa.String(20), nullable=False),
        sa.Column("volgorde", sa.Integer, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("vragen", sa.Text, nullable=False),
        sa.Column("geopend", sa.DateTime(timezone=True), nullable=True),
        sa.Column("gesloten", sa.DateTime(timezone=True), nullable=True),
        sa.Column("overgenomen", sa.DateTime(timezone=True), nullable=True),
        sa.Column("besluit_id", sa.Integer, nullable=True),
        sa.CheckConstraint("status IN ('klaar', 'open', 'gesloten', 'overgenomen')", name="ck_workshop_ronde_status"),
    )
    op.create_index("ix_workshop_ronde_sessie", "workshop_ronde", ["sessie_id"])
    op.create_table(
        "workshop_deelnemer",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("sessie_id", sa.String(32), sa.ForeignKey("workshop_sessie.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("naam_sleutel", sa.String(200), nullable=False),
        sa.Column("organisatie", sa.String(200), nullable=False),
        sa.Column("spoor", sa.String(1), nullable=False, server_default=""),
        sa.Column("herstelcode", sa.String(16), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("sessie_id", "naam_sleutel", name="uq_workshop_deelnemer_naam"),
        sa.UniqueConstraint("sessie_id", "herstelcode", name="uq_workshop_deelnemer_herstelcode"),
    )
    op.create_table(
        "workshop_antwoord",
        sa.Column("ronde_id", sa.String(32), sa.ForeignKey("workshop_ronde.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("deelnemer_id", sa.String(32), sa.ForeignKey("workshop_deelnemer.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("sleutel", sa.String(100), primary_key=True),
        sa.Column("waarde", sa.Integer, nullable=True),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    # the facilitator's refresh asks max(gewijzigd) per round; a cascade from a participant needs deelnemer_id
    op.create_index("ix_workshop_antwoord_ronde_gewijzigd", "workshop_antwoord", ["ronde_id", "gewijzigd"])
    op.create_index("ix_workshop_antwoord_deelnemer", "workshop_antwoord", ["deelnemer_id"])
    op.create_table(
        "workshop_indiening",
        sa.Column("ronde_id", sa.String(32), sa.ForeignKey("workshop_ronde.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("deelnemer_id", sa.String(32), sa.ForeignKey("workshop_deelnemer.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("ingediend", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_workshop_indiening_deelnemer", "workshop_indiening", ["deelnemer_id"])


def downgrade() -> None:
    for tabel in ("workshop_indiening", "workshop_antwoord", "workshop_deelnemer", "workshop_ronde",
                  "workshop_sessie"):
        op.drop_table(tabel)
