"""Fetching: the Scrapy settings, middlewares and signals of a crawl, how it runs and how it ends."""
