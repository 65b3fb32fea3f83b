def _normalize_email(value: str) -> str:
    return value.strip().lower()


def invite(email: str) -> str:
    return f"invite:{_normalize_email(email)}"
