"""widen category name

Revision ID: e9a05b6d21f3
Revises: c47e1a9f3b58
Create Date: 2024-09-23 14:27:45.068332
"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "e9a05b6d21f3"
down_revision: Union[str, None] = "c47e1a9f3b58"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.alter_column(
  # ^^^^ seam: sqlite-batch-required — op.alter_column outside batch_alter_table emits ALTER COLUMN, which SQLite does not support, so this upgrade fails on the project's SQLite database.
        "categories",
        "name",
        existing_type=sa.String(length=50),
        type_=sa.String(length=80),
        existing_nullable=False,
    )


def downgrade() -> None:
  # ^^^^ seam: migration-downgrade — downgrade() does nothing, so stepping back past this revision leaves categories.name at 80 characters while Alembic records the older revision.
    pass
