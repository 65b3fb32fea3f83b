from pydantic import BaseModel, Field


class Page(BaseModel):
    items: list[str] = Field(default_factory=list)
