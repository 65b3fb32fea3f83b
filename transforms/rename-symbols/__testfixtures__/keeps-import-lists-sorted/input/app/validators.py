def _validate_string_length(value):
    return value


def validate_language(value):
    return value


def validate_phone(value):
    return value
