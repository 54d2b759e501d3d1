"""add part min_quantity

Revision ID: c47e1a9f3b58
Revises: 8b1d5e07c2a4
Create Date: 2024-06-09 09:41:02.377810
"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "c47e1a9f3b58"
down_revision: Union[str, None] = "8b1d5e07c2a4"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("parts") as batch_op:
        batch_op.add_column(sa.Column("min_quantity", sa.Integer(), nullable=False))
      # ^^^^ seam: migration-not-null-no-default — adds a NOT NULL column to the existing parts table without a server_default, so once parts holds any row SQLite refuses it with "Cannot add a NOT NULL column with default value NULL".


def downgrade() -> None:
    with op.batch_alter_table("parts") as batch_op:
        batch_op.drop_column("min_quantity")
