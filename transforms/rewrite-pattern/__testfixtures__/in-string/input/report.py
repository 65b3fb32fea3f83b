import os


def banner():
    return f"debug={os.getenv('DEBUG')}" if os.getenv("DEBUG") else ""
