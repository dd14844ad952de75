package org.soundalike.ui.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.soundalike.audio.AudioDecoder;
import org.soundalike.audio.AudioException;
import org.soundalike.audio.DecodedAudio;
import org.soundalike.audio.TrackTooShortException;
import org.soundalike.encode.EncodingException;
import org.soundalike.search.EsConnection;
import org.soundalike.search.QueryTrack;
import org.soundalike.search.SearchResults;
import org.soundalike.search.SimilarityQuery;
import org.soundalike.search.TagScore;
import org.soundalike.search.TrackIndices;
import org.soundalike.search.TrackSearch;

/**
 * Search for the dashboard: look-alikes of a stored track ("more like this") and of an uploaded
 * file. Uploads are decoded and searched on a small bounded pool, never on a UI thread; a full
 * pool refuses new uploads instead of queueing without end. An upload lives only in a temporary
 * file that is deleted once processed: nothing is written to the catalog or the index.
 */
public final class SearchService implements AutoCloseable {

  /** Uploads decoded at once (the machine has two cores) and uploads waiting behind them. */
  public static final int WORKERS = 2;
  public static final int WAITING = 4;

  private final EsConnection connection;
  private final TrackSearch search;
  private final AudioDecoder decoder;
  private final Optional<QueryEmbedder> embedder;
  private final UploadPolicy policy;
  private final ThreadPoolExecutor pool;
  private final Path uploads;

  /** {@code uploads}: the private folder ({@link UploadFolder}) uploads live in while processed. */
  public SearchService(URI esUrl, String index, Optional<QueryEmbedder> embedder, UploadPolicy policy, Path uploads) {
    this.uploads = uploads;
    this.connection = EsConnection.open(esUrl);
    this.search = new TrackSearch(connection, index);
    this.decoder = new AudioDecoder(policy.maxSeconds());
    this.embedder = embedder;
    this.policy = policy;
    AtomicInteger threads = new AtomicInteger();
    this.pool = new ThreadPoolExecutor(WORKERS, WORKERS, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING),
        r -> {
          Thread t = new Thread(r, "dashboard-upload-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  public UploadPolicy policy() {
    return policy;
  }

  public Path uploadFolder() {
    return uploads;
  }

  public URI esUrl() {
    return connection.url();
  }

  public String index() {
    return search.index();
  }

  public Optional<QueryEmbedder> embedder() {
    return embedder;
  }

  /**
   * The look-alikes of stored track {@code id}, itself excluded.
   *
   * @throws org.soundalike.search.SearchException (or its subtypes: Elasticsearch unreachable,
   *     unknown track, missing index) with a message for the page
   */
  public SearchResults moreLikeThis(String id, SimilarityQuery query) {
    return search.moreLikeThis(id, query);
  }

  /**
   * The versioned indices behind the searched alias: which one serves search (the alias points to
   * it), how many tracks it holds and its provenance ({@code _meta}: run, model, code, date).
   *
   * @throws org.soundalike.search.SearchException when Elasticsearch cannot answer
   */
  public List<TrackIndices.IndexInfo> indices() {
    return new TrackIndices(connection).list(search.index());
  }

  /** The stored track {@code id}: its tags and predicted scores, to show it as the query. */
  public QueryTrack track(String id) {
    return search.track(id);
  }

  /**
   * Decodes and searches an uploaded file on the pool. The file is moved into a private temporary
   * folder first and deleted when done, whatever happens.
   *
   * @return completes with the outcome, or exceptionally with an {@link UploadRejectedException}
   *     (bad, short or oversized audio; the pool full) or a search exception
   */
  public CompletableFuture<UploadOutcome> searchUpload(Path uploaded, String fileName, SimilarityQuery query) {
    Path file;
    try {
      policy.checkName(fileName);
      policy.checkSize(fileName, Files.size(uploaded));
      file = Files.createTempFile(uploads, "upload-", "-" + safeSuffix(fileName));
      Files.move(uploaded, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (UploadRejectedException e) {
      deleteQuietly(uploaded);
      return CompletableFuture.failedFuture(e);
    } catch (IOException e) {
      deleteQuietly(uploaded);
      return CompletableFuture.failedFuture(new UncheckedIOException("cannot keep the upload " + fileName, e));
    }
    try {
      return CompletableFuture.supplyAsync(() -> {
        try {
          return process(file, fileName, query);
        } finally {
          deleteQuietly(file);
        }
      }, pool);
    } catch (RejectedExecutionException e) {
      deleteQuietly(file);
      return CompletableFuture.failedFuture(new UploadRejectedException(UploadRejectedException.Reason.BUSY, fileName
          + ": the server is busy with other uploads (" + WORKERS + " running, " + WAITING
          + " waiting); try again in a moment", e));
    }
  }

  private UploadOutcome process(Path file, String fileName, SimilarityQuery query) {
    DecodedAudio audio;
    try {
      audio = decoder.decode(file);
    } catch (TrackTooShortException e) {
      throw new UploadRejectedException(UploadRejectedException.Reason.TOO_SHORT, fileName + ": " + detail(file, e), e);
    } catch (AudioException e) {
      throw new UploadRejectedException(UploadRejectedException.Reason.UNDECODABLE, fileName + ": " + detail(file, e), e);
    }
    if (audio.seconds() < policy.minSeconds()) {
      throw new UploadRejectedException(UploadRejectedException.Reason.TOO_SHORT, String.format(Locale.ROOT,
          "%s: %.2f s is shorter than one %.2f s excerpt, the least the model can embed",
          fileName, audio.seconds(), policy.minSeconds()));
    }
    if (embedder.isEmpty()) {
      return new UploadOutcome(fileName, audio.seconds(), List.of(), Optional.empty(), Optional.of(
          "searching by an uploaded track needs a trained run's track encoder, and this dashboard was "
              + "started without --run RUN. Use 'More like this' on a catalog track meanwhile."));
    }
    QueryEmbedding embedding;
    try {
      embedding = embedder.get().embed(audio);
    } catch (EncodingException e) {
      throw new UploadRejectedException(UploadRejectedException.Reason.UNDECODABLE, fileName + ": the model cannot embed it: "
          + e.getMessage().replace(file.toString(), fileName), e);
    }
    // Matched by segments: each hit says where in the track the upload sounds alike (at).
    SearchResults results = search.searchBySegments(
        new QueryTrack(null, embedding.embedding(), List.of(), embedding.tagScores(), embedding.segments()), query);
    return new UploadOutcome(fileName, audio.seconds(), top(embedding.tagScores()), Optional.of(results),
        Optional.empty());
  }

  /** The query's most probable tags, for the page. */
  public static List<TagScore> top(Map<String, Double> scores) {
    return scores.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(TrackSearch.PREDICTED_TAGS_SHOWN)
        .map(e -> new TagScore(e.getKey(), e.getValue()))
        .toList();
  }

  // The decoder's message starts with the temporary file's path, which means nothing to the person.
  private static String detail(Path file, AudioException e) {
    String prefix = file + ": ";
    String message = String.valueOf(e.getMessage());
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message.replace(file.toString(), "the file");
  }

  private static String safeSuffix(String fileName) {
    String cleaned = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.length() > 60 ? cleaned.substring(cleaned.length() - 60) : cleaned;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      System.err.println("dashboard: could not delete the upload " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    connection.close();
  }
}
