"""Developer tools: screenshot generators and scripts (not shipped)."""
