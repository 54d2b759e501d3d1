from fastapi import APIRouter

from app.api import categories, locations, parts, stats, suppliers

api_router = APIRouter()
api_router.include_router(parts.router)
api_router.include_router(categories.router)
api_router.include_router(locations.router)
api_router.include_router(suppliers.router)
api_router.include_router(stats.router)
