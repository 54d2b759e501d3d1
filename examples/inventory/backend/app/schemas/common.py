from typing import Any, Generic, Optional, TypeVar

from pydantic import BaseModel

T = TypeVar("T")


class ResponseSchema(BaseModel, Generic[T]):
    """The envelope every JSON endpoint answers with."""

    status: str
    message: str
    data: Optional[T] = None


def success(data: Any = None, message: str = "OK") -> dict[str, Any]:
    # A plain dict lets FastAPI validate ORM objects through the route's response_model.
    return {"status": "success", "message": message, "data": data}
