def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def page_url(title: str) -> str:
    return f"/pages/{_slug(title)}"
