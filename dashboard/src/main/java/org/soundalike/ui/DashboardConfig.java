package org.soundalike.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.soundalike.ui.service.UploadPolicy;

/**
 * What the dashboard serves: where it listens, the results folder (report.json and the runs'
 * results.json), the catalog whose audio it may stream, the training run whose model embeds
 * uploads, the ingest reject report, the Elasticsearch index that serves search and what an upload
 * may be, and the token that guards the API and the pages (none: open, allowed on loopback only).
 */
public record DashboardConfig(String host, int port, Optional<Path> resultsDir, Optional<Path> catalogDir,
    Optional<Path> run, Optional<Path> rejects, URI esUrl, String esIndex, UploadPolicy uploads,
    Optional<String> apiToken) {}
