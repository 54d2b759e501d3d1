from typing import List

from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from app.database import SessionDep
from app.models import Location, Part
from app.schemas import LocationCreate, LocationResponse, PartResponse, ResponseSchema, success

router = APIRouter(prefix="/locations", tags=["locations"])


@router.get("/", response_model=ResponseSchema[List[LocationResponse]])
def list_locations(session: SessionDep):
    locations = session.scalars(select(Location).order_by(Location.name)).all()
    return success(locations)


@router.post("/", response_model=ResponseSchema[LocationResponse], status_code=201)
def create_location(payload: LocationCreate, session: SessionDep):
    if payload.parent_id is not None and session.get(Location, payload.parent_id) is None:
        raise HTTPException(status_code=422, detail="Parent location does not exist")
    location = Location(**payload.model_dump())
    session.add(location)
    session.commit()
    session.refresh(location)
    return success(location, "Location created")


@router.get("/{location_id}/parts", response_model=ResponseSchema[List[PartResponse]])
def list_parts_in_location(location_id: int, session: SessionDep):
    if session.get(Location, location_id) is None:
        raise HTTPException(status_code=404, detail="Location not found")
    parts = session.scalars(select(Part).where(Part.location_id == location_id)).all()
    return success(parts)
