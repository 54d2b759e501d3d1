import enum
from typing import List, Optional

from sqlalchemy import Enum as SAEnum
from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.database import Base


class LocationType(str, enum.Enum):
    drawer = "drawer"
    shelf = "shelf"
    bin = "bin"
    box = "box"


class Location(Base):
    """A place parts are kept: a shelf holds boxes, a box holds bins, and so on."""

    __tablename__ = "locations"
    # Sibling names must be unique; parent_id leads the index, so it also serves the foreign key.
    __table_args__ = (Index("ix_locations_parent_id_name", "parent_id", "name", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    location_type: Mapped[LocationType] = mapped_column(
        SAEnum(LocationType, native_enum=False, length=20), default=LocationType.bin
    )
    description: Mapped[Optional[str]] = mapped_column(Text)
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("locations.id"))

    parent: Mapped[Optional["Location"]] = relationship(
        back_populates="children", remote_side="Location.id"
    )
    children: Mapped[List["Location"]] = relationship(back_populates="parent")
