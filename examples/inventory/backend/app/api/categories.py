from typing import List

from fastapi import APIRouter, HTTPException
from sqlmodel import select

from app.database import SessionDep
from app.models import Category, Part
from app.schemas import (
    CategoryCreate,
    CategoryResponse,
    CategoryUpdate,
    ResponseSchema,
    success,
)

router = APIRouter(prefix="/categories", tags=["categories"])


def get_category_or_404(session: SessionDep, category_id: int) -> Category:
    category = session.get(Category, category_id)
    if category is None:
        raise HTTPException(status_code=404, detail="Category not found")
    return category


@router.get("/", response_model=ResponseSchema[List[CategoryResponse]])
def list_categories(session: SessionDep):
    categories = session.exec(select(Category).order_by(Category.name)).all()
    return success(categories)


@router.get("/{category_id}", response_model=ResponseSchema[CategoryResponse])
def get_category(category_id: int, session: SessionDep):
    return success(get_category_or_404(session, category_id))


@router.post("/", response_model=ResponseSchema[CategoryResponse], status_code=201)
def create_category(payload: CategoryCreate, session: SessionDep):
    duplicate = session.exec(select(Category).where(Category.slug == payload.slug)).first()
    if duplicate is not None:
        raise HTTPException(status_code=409, detail=f"Slug '{payload.slug}' is taken")
    category = Category.model_validate(payload)
    session.add(category)
    session.commit()
    session.refresh(category)
    return success(category, "Category created")


@router.patch("/{category_id}", response_model=ResponseSchema[CategoryResponse])
def update_category(category_id: int, payload: CategoryUpdate, session: SessionDep):
    category = get_category_or_404(session, category_id)
    category.sqlmodel_update(payload.model_dump(exclude_unset=True))
    session.add(category)
    session.commit()
    session.refresh(category)
    return success(category, "Category updated")


@router.delete("/{category_id}", status_code=204)
def delete_category(category_id: int, session: SessionDep) -> None:
    category = get_category_or_404(session, category_id)
    in_use = session.exec(select(Part.id).where(Part.category_id == category_id)).first()
    if in_use is not None:
        raise HTTPException(status_code=409, detail="Category still has parts")
    session.delete(category)
    session.commit()
