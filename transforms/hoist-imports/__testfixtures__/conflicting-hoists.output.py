from json import loads as parse


def first():
    return parse("1")


def second():
    from ast import literal_eval as parse

    return parse("1")
