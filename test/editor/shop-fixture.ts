// The fixture workspace the editor tests share: an SQLAlchemy model, Pydantic schemas built on
// it, TS interfaces and a zod schema mirroring them, and a TS type too unlike any schema to pair.
export const SHOP: Record<string, string> = {
  'backend/app/models.py': `
    from sqlalchemy import ForeignKey, String
    from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


    class Base(DeclarativeBase):
        pass


    class Part(Base):
        __tablename__ = "parts"

        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str] = mapped_column(String(120), index=True)
        description: Mapped[str | None] = mapped_column(String(1000))
        location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
  `,
  'backend/app/schemas.py': `
    from pydantic import BaseModel, ConfigDict, Field


    class PartBase(BaseModel):
        name: str = Field(min_length=1, max_length=120)
        description: str | None = None
        """What the part is for."""


    class PartCreate(PartBase):
        location_id: int


    class PartResponse(PartBase):
        model_config = ConfigDict(from_attributes=True)

        id: int
        location_id: int | None = Field(default=None, serialization_alias="locationId")


    class AuditEntry(BaseModel):
        actor: str
        action: str
  `,
  'frontend/src/types.ts': `
    export interface Part {
      id: number;
      name: string;
      description: string;
      locationId: number | null;
    }

    export interface PartCreatePayload {
      name: string;
      description?: string | null;
      location_id?: number;
    }

    /** Too unlike PartResponse to be checked: a possible mirror. */
    export interface PartData {
      id: number;
      name: string;
      description: string | null;
      price: number;
      weight: number;
    }

    export interface Unrelated {
      total: number;
    }

    export function describePart(part: Part): string {
      return part.name;
    }
  `,
  'frontend/src/forms.ts': `
    import { z } from 'zod';

    export const partSchema = z.object({
      id: z.number(),
      name: z.string(),
      description: z.string().nullable(),
    });
  `,
};
