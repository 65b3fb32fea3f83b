def get_engine():
    return "engine"


def get_session_factory():
    return "factory"


def get_sync_engine():
    return "sync engine"
