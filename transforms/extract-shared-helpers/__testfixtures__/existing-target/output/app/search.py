from app.posts import slugify


def search_key(query: str) -> str:
    return slugify(query)
