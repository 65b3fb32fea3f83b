def a(event):
    return respond(500, event=event)


def b(event):
    # the same line, formatted differently
    return respond(
        500,
        event=event,
    )
