"""Fase 2: het register van bestaande planningen (natuurlijke momenten).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "planning_werk",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("omschrijving", sa.String(200), nullable=False),
        sa.Column("eigenaar", sa.String(200), nullable=False),
        sa.Column("soort", sa.String(40), nullable=False),
        sa.Column("gebied", sa.String(200), nullable=False),
        sa.Column("niveau", sa.String(20), nullable=False),
        sa.Column("start_jaar", sa.Integer, nullable=False),
        sa.Column("eind_jaar", sa.Integer, nullable=False),
        sa.Column("zekerheid", sa.String(20), nullable=False),
        sa.Column("toelichting", sa.Text, nullable=False, server_default=""),
        sa.Column("versie", sa.Integer, nullable=False, server_default="1"),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_planning_werk_dossier", "planning_werk", ["dossier_id"])
