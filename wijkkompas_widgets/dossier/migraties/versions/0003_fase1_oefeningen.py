"""Fase 1 compleet: ambities en belangen, rollen, regierol en afspraken, salience, samenwerkingsscan.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("partij") as batch:
        batch.add_column(sa.Column("ambitie", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("capaciteit_uren", sa.Float, nullable=True))
        # salience attributes; NULL until the team has assessed the party
        batch.add_column(sa.Column("macht", sa.Boolean, nullable=True))
        batch.add_column(sa.Column("legitimiteit", sa.Boolean, nullable=True))
        batch.add_column(sa.Column("urgentie", sa.Boolean, nullable=True))

    op.create_table(
        "dossier_formulier",
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("sleutel", sa.String(40), primary_key=True),
        sa.Column("gegevens", sa.Text, nullable=False),
        sa.Column("versie", sa.Integer, nullable=False, server_default="1"),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "eigen_belang",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("naam_sleutel", sa.String(200), nullable=False),
        sa.UniqueConstraint("dossier_id", "naam_sleutel", name="uq_eigen_belang_per_dossier"),
    )
    op.create_table(
        "partij_belang",
        sa.Column("partij_id", sa.Integer, sa.ForeignKey("partij.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("belang_id", sa.String(80), primary_key=True),
        sa.Column("houding", sa.String(20), nullable=False),
        sa.Column("prioriteit", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "taak",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("naam_sleutel", sa.String(200), nullable=False),
        sa.Column("spoor", sa.String(1), nullable=False),
        sa.Column("omschrijving", sa.Text, nullable=False, server_default=""),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("dossier_id", "naam_sleutel", name="uq_taak_per_dossier"),
    )
    op.create_table(
        "taak_rol",
        sa.Column("taak_id", sa.Integer, sa.ForeignKey("taak.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("partij_id", sa.Integer, sa.ForeignKey("partij.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("rol", sa.String(20), nullable=False),
        sa.Column("uren_per_maand", sa.Float, nullable=False, server_default="0"),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "scan_ronde",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("naam_sleutel", sa.String(200), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gesloten", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("dossier_id", "naam_sleutel", name="uq_scan_ronde_per_dossier"),
    )
    op.create_table(
        "scan_respons",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("ronde_id", sa.Integer, sa.ForeignKey("scan_ronde.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("naam_sleutel", sa.String(200), nullable=False),
        sa.Column("organisatie", sa.String(200), nullable=False, server_default=""),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("ronde_id", "naam_sleutel", name="uq_scan_respondent_per_ronde"),
    )
    op.create_table(
        "scan_antwoord",
        sa.Column("respons_id", sa.Integer, sa.ForeignKey("scan_respons.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("stelling_id", sa.String(20), primary_key=True),
        sa.Column("waarde", sa.Integer, nullable=True),  # NULL = 'weet niet' (answered, but no score)
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
