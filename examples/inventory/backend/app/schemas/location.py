from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from app.models.location import LocationType


class LocationBase(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    location_type: LocationType = LocationType.bin
    description: Optional[str] = None


class LocationCreate(LocationBase):
    parent_id: Optional[int] = None


class LocationResponse(LocationBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    # The storage-tree widget keys nodes by parentId.
    parent_id: Optional[int] = Field(default=None, serialization_alias="parentId")
