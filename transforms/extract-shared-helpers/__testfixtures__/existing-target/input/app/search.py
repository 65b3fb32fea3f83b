from app.posts import _slug


def search_key(query: str) -> str:
    return _slug(query)
