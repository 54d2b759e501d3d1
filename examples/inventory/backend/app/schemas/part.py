from datetime import datetime
from decimal import Decimal
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field, computed_field

from app.models.part import PartStatus


class PartBase(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    sku: str = Field(min_length=2, max_length=40, pattern=r"^[A-Z0-9][A-Z0-9-]*$")
    description: Optional[str] = Field(default=None, max_length=1000)
    manufacturer: Optional[str] = Field(default=None, max_length=80)
    quantity: int = Field(default=0, ge=0)
    min_quantity: int = Field(default=0, ge=0, description="Reorder when stock falls to this level")
    unit_price: Decimal = Field(default=Decimal("0.00"), ge=0, max_digits=10, decimal_places=2)
    category_id: int
    location_id: Optional[int] = None
    supplier_id: Optional[int] = None
    product_url: Optional[str] = Field(default=None, max_length=500)


class PartCreate(PartBase):
    pass


class PartUpdate(BaseModel):
    name: Optional[str] = Field(default=None, min_length=1, max_length=120)
    description: Optional[str] = Field(default=None, max_length=1000)
    manufacturer: Optional[str] = Field(default=None, max_length=80)
    quantity: Optional[int] = Field(default=None, ge=0)
    min_quantity: Optional[int] = Field(default=None, ge=0)
    unit_price: Optional[Decimal] = Field(default=None, ge=0, max_digits=10, decimal_places=2)
    status: Optional[PartStatus] = None
    category_id: Optional[int] = None
    location_id: Optional[int] = None
    supplier_id: Optional[int] = None
    product_url: Optional[str] = Field(default=None, max_length=500)


class PartResponse(PartBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    status: PartStatus
    created_at: datetime
    updated_at: datetime

    @computed_field
    @property
    def is_low_stock(self) -> bool:
        return self.quantity <= self.min_quantity
