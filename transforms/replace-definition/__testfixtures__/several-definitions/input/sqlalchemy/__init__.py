"""A stand-in for the parts of SQLAlchemy the service uses."""


class TextClause:
    def __init__(self, sql):
        self.sql = sql
        self.binds = []

    def bindparams(self, *binds):
        self.binds.extend(binds)
        return self


def text(sql):
    return TextClause(sql)


def bindparam(key, expanding=False):
    return (key, expanding)
