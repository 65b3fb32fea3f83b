ADMIN_GROUP = "admin"


class Identity:
    pass


def identity_from_event(event: dict) -> Identity:
    return Identity()
