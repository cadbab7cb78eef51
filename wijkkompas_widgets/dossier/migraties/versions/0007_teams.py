"""Teams on a shared server: accounts, sign-in sessions, members of a dossier with a role, one change history
per dossier, and the author of a besluit.

Revision ID: 0007
Revises: 0006

Existing dossiers get no members (on a shared server an administrator gives them an eigenaar with
``wijkkompas lid toevoegen``; on one's own computer everything stays visible) and one history line saying they
were carried over, so their history does not seem to start with the first change made after the upgrade.
Plain SQL types and no triggers: the same on SQLite and PostgreSQL.
"""

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OVERGEZET = "Bestaand dossier, overgezet naar de versie met leden en geschiedenis."


def upgrade() -> None:
    op.create_table(
        "gebruiker",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("weergavenaam", sa.String(200), nullable=False),
        sa.Column("wachtwoord_hash", sa.Text, nullable=True),
        sa.Column("bron", sa.String(20), nullable=False),
        sa.Column("beheerder", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("laatst_aangemeld", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("naam", name="uq_gebruiker_naam"),
    )
    op.create_table(
        "aanmeldsessie",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("gebruiker_id", sa.Integer, sa.ForeignKey("gebruiker.id", ondelete="CASCADE"), nullable=False),
        sa.Column("aangemaakt", sa.DateTime(timezone=True), nullable=False),
        sa.Column("verloopt", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "dossier_lid",
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("gebruiker_id", sa.Integer, sa.ForeignKey("gebruiker.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("rol", sa.String(20), nullable=False),
        sa.Column("sinds", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("rol IN ('eigenaar', 'bewerker', 'lezer')", name="ck_dossier_lid_rol"),
    )
    op.create_index("ix_dossier_lid_gebruiker", "dossier_lid", ["gebruiker_id"])
    op.create_table(
        "wijziging",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("dossier_id", sa.String(12), sa.ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
        sa.Column("moment", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gebruiker_id", sa.Integer, sa.ForeignKey("gebruiker.id", ondelete="SET NULL"), nullable=True),
        sa.Column("auteur", sa.String(200), nullable=False),
        sa.Column("knooppunt_id", sa.String(80), nullable=True),
        sa.Column("onderdeel", sa.String(200), nullable=False),
        sa.Column("regel", sa.Text, nullable=False),
    )
    op.create_index("ix_wijziging_dossier", "wijziging", ["dossier_id", "id"])
    # a plain ADD COLUMN, not a batch copy: copying ``besluit`` on SQLite would drop its append-only triggers (0005)
    op.add_column("besluit", sa.Column("auteur", sa.String(200), nullable=False, server_default=""))
    conn = op.get_bind()
    dossier = sa.table("dossier", sa.column("id"))
    wijziging = sa.table("wijziging", sa.column("dossier_id"), sa.column("moment"), sa.column("auteur"),
                         sa.column("onderdeel"), sa.column("regel"))
    moment = datetime.now(timezone.utc)
    rijen = [{"dossier_id": r.id, "moment": moment, "auteur": "systeem", "onderdeel": "Dossier", "regel": OVERGEZET}
             for r in conn.execute(sa.select(dossier.c.id))]
    if rijen:
        conn.execute(sa.insert(wijziging), rijen)


def downgrade() -> None:
    op.drop_column("besluit", "auteur")
    op.drop_index("ix_wijziging_dossier", "wijziging")
    op.drop_table("wijziging")
    op.drop_index("ix_dossier_lid_gebruiker", "dossier_lid")
    op.drop_table("dossier_lid")
    op.drop_table("aanmeldsessie")
    op.drop_table("gebruiker")
