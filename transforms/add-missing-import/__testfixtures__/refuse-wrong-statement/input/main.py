def env():
    return os.getenv("X")
