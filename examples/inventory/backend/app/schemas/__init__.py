from app.schemas.category import CategoryCreate, CategoryResponse, CategoryUpdate
from app.schemas.common import ResponseSchema, success
from app.schemas.location import LocationCreate, LocationResponse
from app.schemas.part import PartCreate, PartResponse, PartUpdate
from app.schemas.supplier import SupplierResponse

__all__ = [
    "CategoryCreate",
    "CategoryResponse",
    "CategoryUpdate",
    "LocationCreate",
    "LocationResponse",
    "PartCreate",
    "PartResponse",
    "PartUpdate",
    "ResponseSchema",
    "SupplierResponse",
    "success",
]
