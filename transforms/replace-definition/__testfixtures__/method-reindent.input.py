from sqlalchemy import func, select


class BaseRepository:
    def __init__(self, session, model):
        self._session = session
        self._model = model

    def count(self) -> int:
        result = self._session.execute(select(self._model))
        return len(result.all())

    def all(self):
        return self._session.execute(select(self._model)).scalars().all()
