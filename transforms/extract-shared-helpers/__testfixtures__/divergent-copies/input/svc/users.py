def _normalize_email(value: str) -> str:
    return value.strip().lower()


def find_user(email: str) -> str:
    return f"user:{_normalize_email(email)}"
