"""One module per wizard page, named after the page."""
