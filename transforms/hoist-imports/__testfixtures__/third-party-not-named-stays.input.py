from sqlalchemy import select


def count(session):
    from sqlalchemy import func

    return session.execute(select(func.count()))
