def decode_page_token(token):
    """Another module's own function of the same name: not the renamed one."""
    return int(token or 0)
