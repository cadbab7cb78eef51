"""Fasen 3 en 4: besluitenlog (alleen toevoegen), criteria en weging (vooraf vastgezet), integrale
strategieën met scores en gekozen strategie, register van koppelkansen.

Revision ID: 0005
Revises: 0004

The besluitenlog is guarded in the database itself, per dialect: a trigger refuses every UPDATE of
``besluit``, and every DELETE while the dossier still exists (so deleting a whole dossier still
cascades). SQLite gets ``RAISE(ABORT)`` triggers; PostgreSQL a plpgsql function with one trigger.
Any other dialect gets no trigger; the store still has no method to change an entry.

Note for later migrations: alembic's batch mode on SQLite rebuilds a table (copy, drop, rename) and
does not carry triggers over, so a batch change of ``besluit`` must create both triggers again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

MELDING_WIJZIGEN = "Het besluitenlog kan niet worden gewijzigd; leg een correctie vast."
MELDING_VERWIJDEREN = "Een besluit kan niet worden verwijderd; leg een correctie vast."


def upgrade() -> None:
    op.create_table(
        "besluit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("volgnummer", sa.Integer, nullable=False),
        sa.Column("moment", sa.DateTime(timezone=True), nullable=False),
        sa.Column("wat", sa.Text, nullable=False),
        sa.Column("aanwezig", sa.Text, nullable=False, server_default=""),
        sa.Column("onderbouwing", sa.Text, nullable=False),
        sa.Column("knooppunt_id", sa.String(80), nullable=True),
        sa.Column("soort", sa.String(20), nullable=False),
        sa.Column("corrigeert_id", sa.Integer, sa.ForeignKey("besluit.id", ondelete="CASCADE"), nullable=True),
        sa.Column("afwijkend", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("dossier_id", "volgnummer", name="uq_besluit_volgnummer_per_dossier"),
        sa.CheckConstraint("soort IN ('besluit', 'automatisch', 'correctie')", name="ck_besluit_soort"),
    )
    op.create_table(
        "criterium",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("naam_sleutel", sa.String(200), nullable=False),
        sa.Column("omschrijving", sa.Text, nullable=False, server_default=""),
        sa.Column("catalogus_id", sa.String(80), nullable=True),
        sa.Column("volgorde", sa.Integer, nullable=False),
        sa.Column("versie", sa.Integer, nullable=False, server_default="1"),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("dossier_id", "naam_sleutel", name="uq_criterium_per_dossier"),
    )
    op.create_table(
        "weging",
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("partij_id", sa.Integer, sa.ForeignKey("partij.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("criterium_id", sa.Integer, sa.ForeignKey("criterium.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("punten", sa.Float, nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_weging_dossier", "weging", ["dossier_id"])
    op.create_table(
        "weging_vastzetting",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("vastgezet", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewichten", sa.Text, nullable=False),
        sa.Column("besluit_id", sa.Integer, sa.ForeignKey("besluit.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ingetrokken", sa.DateTime(timezone=True), nullable=True),
        sa.Column("intrekking_besluit_id", sa.Integer, sa.ForeignKey("besluit.id", ondelete="CASCADE"),
                  nullable=True),
    )
    # at most one active (not withdrawn) fixing per dossier, kept by the database itself
    op.create_index(
        "uq_weging_vastzetting_actief", "weging_vastzetting", ["dossier_id"], unique=True,
        sqlite_where=sa.text("ingetrokken IS NULL"), postgresql_where=sa.text("ingetrokken IS NULL"),
    )
    op.create_table(
        "strategie",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("naam_sleutel", sa.String(200), nullable=False),
        sa.Column("warmtestrategie", sa.String(2), nullable=False),
        sa.Column("koppelkansen", sa.Text, nullable=False, server_default="[]"),
        sa.Column("fasering", sa.Text, nullable=False, server_default=""),
        sa.Column("omschrijving", sa.Text, nullable=False, server_default=""),
        sa.Column("versie", sa.Integer, nullable=False, server_default="1"),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("dossier_id", "naam_sleutel", name="uq_strategie_per_dossier"),
    )
    op.create_table(
        "strategie_score",
        sa.Column("strategie_id", sa.Integer, sa.ForeignKey("strategie.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("criterium_id", sa.Integer, sa.ForeignKey("criterium.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("toelichting", sa.Text, nullable=False, server_default=""),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name="ck_strategie_score_schaal"),
    )
    op.create_table(
        "strategie_keuze",
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("strategie_id", sa.Integer, sa.ForeignKey("strategie.id", ondelete="CASCADE"), nullable=False),
        sa.Column("onderbouwing", sa.Text, nullable=False),
        sa.Column("aanwezig", sa.Text, nullable=False, server_default=""),
        sa.Column("afwijkend", sa.Text, nullable=False, server_default=""),
        sa.Column("besluit_id", sa.Integer, sa.ForeignKey("besluit.id", ondelete="CASCADE"), nullable=False),
        sa.Column("gekozen", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "koppelkans",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("titel", sa.String(200), nullable=False),
        sa.Column("titel_sleutel", sa.String(200), nullable=False),
        sa.Column("herkomst", sa.String(20), nullable=False),
        sa.Column("herkomst_ref", sa.Text, nullable=False, server_default=""),
        sa.Column("omschrijving", sa.Text, nullable=False, server_default=""),
        sa.Column("scores", sa.Text, nullable=False, server_default="{}"),
        sa.Column("besluit", sa.String(10), nullable=True),
        sa.Column("reden", sa.Text, nullable=False, server_default=""),
        sa.Column("versie", sa.Integer, nullable=False, server_default="1"),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("dossier_id", "titel_sleutel", name="uq_koppelkans_per_dossier"),
        sa.CheckConstraint("herkomst IN ('natuurlijk-moment', 'sociaal', 'nieuw')", name="ck_koppelkans_herkomst"),
        sa.CheckConstraint("besluit IS NULL OR besluit IN ('gekozen', 'niet')", name="ck_koppelkans_besluit"),
    )
    _besluitenlog_alleen_toevoegen()


def _besluitenlog_alleen_toevoegen() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE TRIGGER besluit_niet_wijzigen BEFORE UPDATE ON besluit "
            f"BEGIN SELECT RAISE(ABORT, '{MELDING_WIJZIGEN}'); END"
        )
        # a cascade from a deleted dossier runs after the dossier row is gone, so it passes
        op.execute(
            "CREATE TRIGGER besluit_niet_verwijderen BEFORE DELETE ON besluit "
            "WHEN EXISTS (SELECT 1 FROM dossier WHERE dossier.id = OLD.dossier_id) "
            f"BEGIN SELECT RAISE(ABORT, '{MELDING_VERWIJDEREN}'); END"
        )
    elif dialect == "postgresql":
        op.execute(f"""
            CREATE FUNCTION besluit_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    RAISE EXCEPTION '{MELDING_WIJZIGEN}';
                END IF;
                IF EXISTS (SELECT 1 FROM dossier WHERE dossier.id = OLD.dossier_id) THEN
                    RAISE EXCEPTION '{MELDING_VERWIJDEREN}';
                END IF;
                RETURN OLD;
            END
            $$
        """)
        op.execute(
            "CREATE TRIGGER besluit_niet_wijzigen BEFORE UPDATE OR DELETE ON besluit "
            "FOR EACH ROW EXECUTE FUNCTION besluit_alleen_toevoegen()"
        )
