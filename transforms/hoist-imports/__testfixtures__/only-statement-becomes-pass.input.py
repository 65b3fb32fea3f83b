def warm_up():
    import decimal
