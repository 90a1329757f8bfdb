"""Tools around the crawler: the demo site generator and server, and profile suggestion."""
