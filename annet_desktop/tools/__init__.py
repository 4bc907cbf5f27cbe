"""Developer tools: screenshots of every window, translation catalogue upkeep."""
