"""Our Scrapy defaults, each with its reason. Override any of them with `-s KEY=VALUE`."""

BOT_NAME = "scraper"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# Where the archive lives (SQLite file, created on first use).
ARCHIVE_PATH = "archive.db"
# Articles per write transaction: few fsyncs, and a crash loses at most one batch.
ARCHIVE_BATCH_SIZE = 100
# ... or what this many seconds brought, whichever comes first: a kill -9 loses no more
# (a transaction every half second costs nothing next to a page fetch).
ARCHIVE_FLUSH_SECONDS = 0.5
# A body shorter than this is no article (error pages, empty templates): it goes to `rejects`.
VALIDATE_MIN_BODY_WORDS = 5
# Shorter bodies never identify an article by content hash: stubs collide by accident.
DEDUPE_MIN_HASH_WORDS = 50

# Honest identification: site owners can see who we are and how to reach the project.
USER_AGENT = "scraper/0.1 (+news archiver for research; Scrapy)"

# --- Politeness (safety-relevant: named here, never inherited) ---
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Longest a host is paused for one Retry-After (a longer ask gives that request up).
RETRY_AFTER_MAX = 600
# Refusals in a row (429, 503 + Retry-After) after which a host is given up on: a crawl must
# end, not creep on at one request a minute.
BACKOFF_MAX_REFUSALS = 8
# Longest robots.txt Crawl-delay we wait between two requests to a host (a crawl must end).
ROBOTSTXT_CRAWL_DELAY_MAX = 60

# Archived articles that no sitemap or feed dates are re-checked with a conditional GET
# (If-None-Match / If-Modified-Since; a 304 costs no parse): at most this many a run.
RECHECK_BUDGET = 100

# --- Resource bounds (safety-relevant) ---
DOWNLOAD_TIMEOUT = 30  # fits a graceful stop inside a cron/systemd grace period
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # an article page is never 10 MiB; a sitemap asks for more
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
SITEMAP_MAXSIZE = 60 * 1024 * 1024  # protocol limit is 50 MB uncompressed
MEMUSAGE_LIMIT_MB = 2048  # close with memusage_exceeded instead of being OOM-killed
REDIRECT_MAX_TIMES = 10
TELNETCONSOLE_ENABLED = False  # an open code-execution port has no place in a crawler
# Nor has Scrapy 2.19's remote-control HTTP server (POST /execute runs code); taking it out
# of EXTENSIONS also spares each run the aiohttp import.
EXTENSIONS = {
    "scrapy.extensions.remote_control.RemoteControl": None,
    # robots.txt `Crawl-delay` honoured (Scrapy parses it but does not wait for it).
    "scraper.crawl.crawl_delay.RobotsCrawlDelay": 600,
    # SIGTERM/SIGINT stop within seconds whatever the delays; a second signal still stores.
    "scraper.crawl.shutdown.PromptStop": 700,
}
REMOTE_CONTROL_ENABLED = False
# Scrapy re-reads a generator callback's source (inspect + ast) to lint its `return`s, again
# for each new bound method; ruff and the tests do that job once, not per response.
WARN_ON_GENERATOR_RETURN_VALUE = False
# A public name that resolves to this machine or a private network is refused when connecting
# (a site cannot aim the crawler at a metadata service or a router through DNS).
TWISTED_DNS_RESOLVER = "scraper.crawl.outbound_guard.PublicAddressResolver"
# Untrusted URLs must never read local files or inline data.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}

# --- Pipelines: validate → normalise → dedupe → store, one job each ---
ITEM_PIPELINES = {
    "pipelines.engine.ValidatePipeline": 100,
    "pipelines.engine.NormalizePipeline": 200,
    "pipelines.engine.DedupePipeline": 300,
    "pipelines.engine.StorePipeline": 400,
}
DOWNLOADER_MIDDLEWARES = {
    # First of all: a request the site's outbound policy refuses never reaches the network,
    # not even for its robots.txt (scraper/crawl/outbound.py says what is refused and why).
    "scraper.crawl.outbound_guard.OutboundMiddleware": 50,
    # Scrapy's RetryMiddleware knows no Retry-After; ours does and replaces it.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.crawl.middlewares.RetryAfterMiddleware": 550,
    # Right after Scrapy's RobotsTxtMiddleware (100): the spider's own read of robots.txt (for
    # its Sitemap: lines) is answered from the fetch made to obey it.
    "scraper.crawl.middlewares.RobotsTxtOnceMiddleware": 110,
    # Inside the retries (550), to count every attempt: nothing answers, the crawl ends now.
    "scraper.crawl.unreachable.UnreachableMiddleware": 560,
    # Next to the network, above decompression (590): every exchange as the server sent it.
    "scraper.crawl.warc.WarcCaptureMiddleware": 950,
}
# WARC capture (scraper/crawl/warc.py): on by default, beside the archive (archive.db →
# archive-warc/) unless WARC_DIR says where; a file is finished past WARC_MAX_BYTES.
WARC_ENABLED = True
WARC_DIR = ""
WARC_MAX_BYTES = 1 << 30
# First download attempts failing before any connection (DNS, refused, no route) with no
# response ever received, after which a crawl gives up: no network, or nothing at that host.
UNREACHABLE_AFTER = 4

# Scrapy starts this many asyncio workers per callback; our callbacks yield a handful of
# objects and the pipelines are synchronous, so 100 (the default) only costs CPU.
CONCURRENT_ITEMS = 4

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
