def _normalize_email(value: str) -> str:
    # Billing keeps the case of the local part.
    local, _, domain = value.strip().partition("@")
    return f"{local}@{domain.lower()}"


def bill(email: str) -> str:
    return f"bill:{_normalize_email(email)}"
