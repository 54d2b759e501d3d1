from typing import List

from fastapi import APIRouter
from sqlalchemy import select

from app.database import SessionDep
from app.models import Supplier
from app.schemas import ResponseSchema, SupplierResponse, success

router = APIRouter(prefix="/suppliers", tags=["suppliers"])


@router.get("/", response_model=ResponseSchema[List[SupplierResponse]])
def list_suppliers(session: SessionDep):
    suppliers = session.scalars(select(Supplier).order_by(Supplier.name)).all()
    return success(suppliers)
