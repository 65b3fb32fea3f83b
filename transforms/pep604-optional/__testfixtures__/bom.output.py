def greet(name: str | None = None) -> str:
    return f"hello {name or 'world'}"
