"""Engine, session dependency and the declarative base shared by every model."""

import os
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import DeclarativeBase
from sqlmodel import Session, SQLModel, create_engine

DATABASE_URL = os.getenv("INVENTORY_DATABASE_URL", "sqlite:///./inventory.db")

engine = create_engine(DATABASE_URL, connect_args={"check_same_thread": False})


class Base(DeclarativeBase):
    """Base for the models written before the move to SQLModel (locations, suppliers).

    It shares SQLModel's metadata so that foreign keys between the two kinds of model resolve
    and Alembic sees a single schema.
    """

    metadata = SQLModel.metadata


def get_session() -> Iterator[Session]:
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
