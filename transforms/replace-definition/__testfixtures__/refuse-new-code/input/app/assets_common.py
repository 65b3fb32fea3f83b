def _encode_cursor(value):
    return str(value)
