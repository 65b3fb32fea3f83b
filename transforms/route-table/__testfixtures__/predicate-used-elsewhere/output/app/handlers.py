def admin(event):
    return event


def reports(event):
    return event
