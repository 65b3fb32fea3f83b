from app.exceptions import ValidationError


def parse_limit(raw: str) -> int:
    if not raw.isdigit():
        raise ValidationError("limit must be a number")
    return int(raw)
