from svc.emails import normalize_email

def invite(email: str) -> str:
    return f"invite:{normalize_email(email)}"
