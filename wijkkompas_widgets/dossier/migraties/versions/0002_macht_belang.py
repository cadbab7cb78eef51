"""Positie van partijen op het macht/belang-raster (invloed en belang, 1-10).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("partij") as batch:
        batch.add_column(sa.Column("invloed", sa.Integer, nullable=True))
        batch.add_column(sa.Column("belang", sa.Integer, nullable=True))
