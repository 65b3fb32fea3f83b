x = helper()
