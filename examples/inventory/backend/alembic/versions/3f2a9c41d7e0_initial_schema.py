"""initial schema

Revision ID: 3f2a9c41d7e0
Revises:
Create Date: 2024-03-02 10:14:51.204113
"""

from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

revision: str = "3f2a9c41d7e0"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_index("ix_categories_slug", "categories", ["slug"], unique=True)

    op.create_table(
        "locations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column(
            "location_type",
            sa.Enum(
                "drawer", "shelf", "bin", "box", name="locationtype", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["locations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_locations_parent_id_name", "locations", ["parent_id", "name"], unique=True)

    op.create_table(
        "parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(length=1000), nullable=True),
        sa.Column("manufacturer", sa.String(length=80), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["category_id"], ["categories.id"]),
        sa.ForeignKeyConstraint(["location_id"], ["locations.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_parts_name", "parts", ["name"], unique=False)
    op.create_index("ix_parts_sku", "parts", ["sku"], unique=True)
    op.create_index("ix_parts_category_id", "parts", ["category_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_parts_category_id", table_name="parts")
    op.drop_index("ix_parts_sku", table_name="parts")
    op.drop_index("ix_parts_name", table_name="parts")
    op.drop_table("parts")
    op.drop_index("ix_locations_parent_id_name", table_name="locations")
    op.drop_table("locations")
    op.drop_index("ix_categories_slug", table_name="categories")
    op.drop_table("categories")
