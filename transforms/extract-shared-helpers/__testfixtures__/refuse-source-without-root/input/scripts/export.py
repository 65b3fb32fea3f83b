import sys


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


if __name__ == "__main__":
    print(_slug(sys.argv[1]))
