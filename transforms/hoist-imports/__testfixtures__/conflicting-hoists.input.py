def first():
    from json import loads as parse

    return parse("1")


def second():
    from ast import literal_eval as parse

    return parse("1")
