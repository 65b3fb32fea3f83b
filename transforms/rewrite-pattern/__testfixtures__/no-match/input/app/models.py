def serialize(item) -> dict:
    return dict(item)
