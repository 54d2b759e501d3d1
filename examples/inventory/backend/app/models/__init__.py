from app.models.category import Category
from app.models.location import Location, LocationType
from app.models.part import Part, PartStatus
from app.models.supplier import Supplier

__all__ = ["Category", "Location", "LocationType", "Part", "PartStatus", "Supplier"]
