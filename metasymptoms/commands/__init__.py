"""One module per command; each function takes the parsed arguments and returns an exit code."""
