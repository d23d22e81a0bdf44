"""Jekyll compatibility: a site's `_config.yml`, its permalinks and (from the importer) its Markdown."""
