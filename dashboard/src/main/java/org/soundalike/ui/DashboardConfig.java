package org.soundalike.ui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the dashboard serves: where it listens, the results folder (report.json and the runs'
 * results.json), the catalog whose audio it may stream, and the Elasticsearch that serves search.
 */
public record DashboardConfig(
    String host, int port, Optional<Path> resultsDir, Optional<Path> catalogDir, Optional<String> esUrl) {}
