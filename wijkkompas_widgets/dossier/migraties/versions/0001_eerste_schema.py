"""Eerste schema: dossiers, status per knooppunt, partijen.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("sleutel", sa.String(40), primary_key=True),
        sa.Column("waarde", sa.Text, nullable=False),
    )
    op.create_table(
        "dossier",
        sa.Column("id", sa.String(12), primary_key=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("wijk", sa.String(200), nullable=False, server_default=""),
        sa.Column("gemeente", sa.String(200), nullable=False, server_default=""),
        sa.Column("toelichting", sa.Text, nullable=False, server_default=""),
        sa.Column("is_voorbeeld", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "knooppunt_status",
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("knooppunt_id", sa.String(80), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "partij",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("naam_sleutel", sa.String(200), nullable=False),
        sa.Column("type", sa.String(60), nullable=False),
        sa.Column("organisatie", sa.String(200), nullable=False, server_default=""),
        sa.Column("contactrol", sa.String(200), nullable=False, server_default=""),
        sa.Column("sporen", sa.String(20), nullable=False, server_default=""),
        sa.Column("versie", sa.Integer, nullable=False, server_default="1"),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("dossier_id", "naam_sleutel", name="uq_partij_naam_per_dossier"),
    )
    op.create_index("ix_partij_dossier", "partij", ["dossier_id"])
