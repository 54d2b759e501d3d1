"""add suppliers and part status

Revision ID: 8b1d5e07c2a4
Revises: 3f2a9c41d7e0
Create Date: 2024-04-18 16:03:27.911540
"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "8b1d5e07c2a4"
down_revision: Union[str, None] = "3f2a9c41d7e0"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("website_url", sa.String(length=255), nullable=True),
        sa.Column("contact_email", sa.String(length=255), nullable=True),
        sa.Column("lead_time_days", sa.Integer(), server_default="7", nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )

    with op.batch_alter_table("parts") as batch_op:
        batch_op.add_column(
            sa.Column(
                "status",
                sa.Enum("active", "nrnd", "obsolete", name="partstatus"),
                server_default="active",
                nullable=False,
            )
        )
        batch_op.add_column(sa.Column("supplier_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_parts_status", ["status"], unique=False)
        batch_op.create_index("ix_parts_supplier_id", ["supplier_id"], unique=False)
        batch_op.create_foreign_key(
            "fk_parts_supplier_id_suppliers", "suppliers", ["supplier_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("parts") as batch_op:
        batch_op.drop_constraint("fk_parts_supplier_id_suppliers", type_="foreignkey")
        batch_op.drop_index("ix_parts_supplier_id")
        batch_op.drop_index("ix_parts_status")
        batch_op.drop_column("supplier_id")
        batch_op.drop_column("status")

    op.drop_table("suppliers")
