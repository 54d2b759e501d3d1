from datetime import datetime, timezone
from decimal import Decimal
from enum import Enum
from typing import Optional

from sqlmodel import Field, Relationship, SQLModel

from app.models.category import Category


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class PartStatus(str, Enum):
    active = "active"
    nrnd = "nrnd"  # not recommended for new designs
    obsolete = "obsolete"


class Part(SQLModel, table=True):
    __tablename__ = "parts"

    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, index=True)
    sku: str = Field(max_length=40, unique=True, index=True)
    description: Optional[str] = Field(default=None, max_length=1000)
    manufacturer: Optional[str] = Field(default=None, max_length=80)
    quantity: int = Field(default=0)
    min_quantity: int = Field(default=0)
    unit_price: Decimal = Field(default=Decimal("0.00"), max_digits=10, decimal_places=2)
    status: PartStatus = Field(
        default=PartStatus.active, index=True, sa_column_kwargs={"server_default": "active"}
    )

    category_id: int = Field(foreign_key="categories.id", index=True)
    location_id: Optional[int] = Field(default=None, foreign_key="locations.id")
  # ^^^^ seam: foreign-key-index — parts.location_id references locations.id but has no index, and SQLite never indexes foreign keys itself, so every "parts in this drawer" lookup scans the whole table.
    supplier_id: Optional[int] = Field(default=None, foreign_key="suppliers.id", index=True)

    product_url: Optional[str] = Field(default=None, max_length=500)
    datasheet_url: Optional[str] = Field(default=None, max_length=500)
  # ^^^^ seam: migration-drift — no Alembic revision or migration script creates parts.datasheet_url, so every SELECT on parts fails with "no such column" on a migrated database.

    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    category: Optional[Category] = Relationship(back_populates="parts")
