from sqlalchemy import select
from sqlalchemy.orm import Session


class BaseRepository:
    def __init__(self, session: Session):
        self._session = session

    def count(self) -> int:
        from sqlalchemy import func

        return self._session.execute(select(func.count())).scalar_one()
