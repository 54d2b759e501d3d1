from fastapi import APIRouter
from sqlalchemy import func
from sqlmodel import col, select

from app.database import SessionDep
from app.models import Category, Part

router = APIRouter(prefix="/stats", tags=["stats"])


@router.get("/summary")
def get_summary(session: SessionDep):
    total_parts = session.exec(select(func.count()).select_from(Part)).one()
    total_quantity = session.exec(select(func.coalesce(func.sum(Part.quantity), 0))).one()
    low_stock = session.exec(
        select(func.count()).select_from(Part).where(col(Part.quantity) <= col(Part.min_quantity))
    ).one()
    categories = session.exec(select(func.count()).select_from(Category)).one()
    return {
        "total_parts": total_parts,
        "total_quantity": total_quantity,
        "low_stock_count": low_stock,
        "category_count": categories,
    }
