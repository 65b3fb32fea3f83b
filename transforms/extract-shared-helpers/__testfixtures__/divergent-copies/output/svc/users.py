from svc.emails import normalize_email

def find_user(email: str) -> str:
    return f"user:{normalize_email(email)}"
