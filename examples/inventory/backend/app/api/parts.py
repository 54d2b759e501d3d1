from typing import List, Optional

from fastapi import APIRouter, HTTPException, Query, status
from sqlmodel import col, or_, select

from app.database import SessionDep
from app.models import Category, Part
from app.models.part import utcnow
from app.schemas import PartCreate, PartResponse, PartUpdate, ResponseSchema, success

router = APIRouter(prefix="/parts", tags=["parts"])


def get_part_or_404(session: SessionDep, part_id: int) -> Part:
    part = session.get(Part, part_id)
    if part is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Part not found")
    return part


def ensure_category_exists(session: SessionDep, category_id: int) -> None:
    if session.get(Category, category_id) is None:
        raise HTTPException(status_code=422, detail=f"Category {category_id} does not exist")


@router.get("/get_all_parts", response_model=ResponseSchema[List[PartResponse]])
def get_all_parts(
    session: SessionDep,
    category_id: Optional[int] = None,
    skip: int = 0,
    limit: int = Query(default=100, le=500),
):
    statement = select(Part).order_by(Part.name).offset(skip).limit(limit)
    if category_id is not None:
        statement = statement.where(Part.category_id == category_id)
    parts = session.exec(statement).all()
    return success(parts, f"{len(parts)} parts")


# Declared before /{part_id}, otherwise "search" would be parsed as a part id.
@router.get("/search", response_model=ResponseSchema[List[PartResponse]])
def search_parts(session: SessionDep, q: str = Query(min_length=1, max_length=80)):
    pattern = f"%{q}%"
    statement = (
        select(Part)
        .where(
            or_(
                col(Part.name).ilike(pattern),
                col(Part.sku).ilike(pattern),
                col(Part.manufacturer).ilike(pattern),
            )
        )
        .order_by(Part.name)
        .limit(50)
    )
    parts = session.exec(statement).all()
    return success(parts, f"{len(parts)} matches")


@router.get("/{part_id}", response_model=ResponseSchema[PartResponse])
def get_part(part_id: int, session: SessionDep):
    return success(get_part_or_404(session, part_id))


@router.post("/", response_model=ResponseSchema[PartResponse], status_code=201)
def create_part(payload: PartCreate, session: SessionDep):
    ensure_category_exists(session, payload.category_id)
    part = Part.model_validate(payload)
    session.add(part)
    session.commit()
    session.refresh(part)
    return success(part, "Part created")


@router.patch("/{part_id}", response_model=ResponseSchema[PartResponse])
def update_part(part_id: int, payload: PartUpdate, session: SessionDep):
    part = get_part_or_404(session, part_id)
    changes = payload.model_dump(exclude_unset=True)
    if changes.get("category_id") is not None:
        ensure_category_exists(session, changes["category_id"])
    part.sqlmodel_update(changes)
    part.updated_at = utcnow()
    session.add(part)
    session.commit()
    session.refresh(part)
    return success(part, "Part updated")


@router.delete("/{part_id}", status_code=204)
def delete_part(part_id: int, session: SessionDep) -> None:
    session.delete(get_part_or_404(session, part_id))
    session.commit()
