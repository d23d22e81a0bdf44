"""The blocks around a post or page (call to action, newsletter, read next, comments, share links,
author bio, series, latest posts): which ones a page gets and the small views their templates
receive. Only plain values come in: posts, config objects, and maps of doc paths to URLs."""
