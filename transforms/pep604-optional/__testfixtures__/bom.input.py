from typing import Optional


def greet(name: Optional[str] = None) -> str:
    return f"hello {name or 'world'}"
